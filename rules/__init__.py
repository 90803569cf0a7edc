"""jdlint's built-in rule packs, as data: one YAML file per rule (see README.md here)."""
