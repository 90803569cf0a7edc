"""``--fix``: apply fixes to the source text and write the file atomically.

Edits are made to the decoded source, so line endings (CRLF stays CRLF) are kept; the file is
written back in the encoding it was read in, with its BOM, through a temporary file in the same
folder and ``os.replace``, so a crash never leaves half a posting behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .errors import InputError
from .model import Diagnostic, SourceFix
from .reading.decode import BOM, decode


def apply_fixes(source: str, fixes: Sequence[SourceFix]) -> tuple[str, int]:
    """``source`` with every non-overlapping fix applied (first come first served)."""
    chosen: list[SourceFix] = []
    last_end = -1
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if fix.start >= last_end:
            chosen.append(fix)
            last_end = max(fix.end, fix.start + 1)
    out = source
    for fix in reversed(chosen):
        out = out[: fix.start] + fix.replacement + out[fix.end:]
    return out, len(chosen)


def fix_file(path: Path, diagnostics: Sequence[Diagnostic], encoding: str | None = None) -> int:
    """Apply the fixes among ``diagnostics`` to ``path``; returns how many were applied."""
    fixes = [d.fix for d in diagnostics if d.fix is not None]
    if not fixes:
        return 0
    data = path.read_bytes()
    decoded = decode(data, encoding)
    new_text, count = apply_fixes(decoded.text, fixes)
    if new_text == decoded.text:
        return 0
    try:
        payload = new_text.encode(decoded.encoding)
    except UnicodeEncodeError as exc:
        raise InputError(f"{path}: a fix cannot be written in {decoded.encoding}: {exc}") from None
    if decoded.bom:
        payload = BOM + payload
    atomic_write(path, payload)
    return count


def atomic_write(path: Path, payload: bytes) -> None:
    mode = path.stat().st_mode if path.exists() else None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".jdlint-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
