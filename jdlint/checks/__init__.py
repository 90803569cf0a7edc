"""jdlint's own Python rules (loaded through the jdlint.rules entry point)."""
