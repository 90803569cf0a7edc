"""``--fix``: apply fixes to the source text and write the file back without losing anything.

Guarantees (the README repeats them):

- A file is fixed only if its bytes are still the ones that were checked: it is read again
  and compared (a digest taken when it was checked), and once more just before the new
  content replaces it. A file edited in the meantime is left untouched, with a message.
- Edits are made to the decoded source, so line endings (CRLF stays CRLF) are kept; the file
  is written back in the encoding it was read in, with its byte-order mark.
- A symlink is followed: the file it points to is fixed, the link stays a link.
- The new content goes to a temporary file in the same folder, which gets the original's
  mode, owner and group (where the user may set them) and extended attributes, is flushed
  to disk, and then replaces the original in one step (``os.replace``), so a crash never
  leaves half a posting. The temporary file is removed on every way out (an error, Ctrl-C,
  SIGTERM); only SIGKILL or a power cut can leave a ``.jdlint-tmp`` file behind.
- A file with several hard links is rewritten in place instead, so every link keeps seeing
  it (that write is not atomic).
- A read-only file (no write permission bits) is not fixed: that is the owner's way of saying
  "do not change this".
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .errors import InputError
from .model import Diagnostic, SourceFix
from .reading.decode import Decoded, decode
from .reading.files import read_posting

#: Large enough for any posting; the check already refused larger files.
_FIX_LIMIT = 64 * 1024 * 1024


class FileChanged(InputError):
    """The file is not the one that was checked (edited meanwhile): it is left alone."""


def apply_fixes(source: str, fixes: Sequence[SourceFix]) -> tuple[str, int]:
    """``source`` with every non-overlapping fix applied (first come first served)."""
    chosen: list[SourceFix] = []
    last_end = -1
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if fix.start >= last_end:
            chosen.append(fix)
            last_end = max(fix.end, fix.start + 1)
    # one join of the pieces (rebuilding the text at each fix took a quadratic time: a
    # long file with thousands of fixes took seconds)
    pieces: list[str] = []
    pos = 0
    for fix in chosen:
        pieces += (source[pos:fix.start], fix.replacement)
        pos = max(pos, fix.end)
    pieces.append(source[pos:])
    return "".join(pieces), len(chosen)


def fix_file(path: Path, diagnostics: Sequence[Diagnostic], encoding: str | None = None,
             expected: str | None = None) -> int:
    """Apply the fixes among ``diagnostics`` to ``path``; returns how many were applied.

    ``expected`` is the digest of the content that was checked (``FileResult.digest``); when
    given, a file whose content differs raises :class:`FileChanged` and is not written."""
    fixes = [d.fix for d in diagnostics if d.fix is not None]
    if not fixes:
        return 0
    target = Path(os.path.realpath(path))
    info = os.stat(target)
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file")
    if not info.st_mode & 0o222:
        raise InputError("the file is read-only; make it writable to let --fix change it")
    data, decoded, new_text, count = _fixed(target, fixes, encoding, expected)
    if new_text == decoded.text:
        return 0
    try:
        payload = decoded.bom + new_text.encode(decoded.encoding)
    except UnicodeEncodeError as exc:
        raise InputError(f"a fix cannot be written in {decoded.encoding}: {exc}") from None
    if info.st_nlink > 1:
        _write_in_place(target, payload, data)
    else:
        atomic_write(target, payload, unchanged=data)
    return count


def _fixed(path: Path, fixes: Sequence[SourceFix], encoding: str | None,
           expected: str | None) -> tuple[bytes, Decoded, str, int]:
    """The file's bytes, their decoding, the fixed text and the number of fixes applied."""
    from .engine import content_digest

    data = read_posting(str(path), _FIX_LIMIT)
    if expected is not None and content_digest(data) != expected:
        raise FileChanged("the file changed after it was checked; run jdlint again")
    decoded = decode(data, encoding)
    new_text, count = apply_fixes(decoded.text, fixes)
    return data, decoded, new_text, count


def fix_diff(path: str, diagnostics: Sequence[Diagnostic], encoding: str | None = None,
             expected: str | None = None) -> str:
    """What ``--fix`` would change in ``path``, as a unified diff (empty if nothing); writes
    nothing."""
    import difflib

    fixes = [d.fix for d in diagnostics if d.fix is not None]
    if not fixes:
        return ""
    _, decoded, new_text, _ = _fixed(Path(path), fixes, encoding, expected)
    return "".join(difflib.unified_diff(
        decoded.text.splitlines(keepends=True), new_text.splitlines(keepends=True),
        fromfile=f"a/{path}", tofile=f"b/{path}"))


def _write_in_place(path: Path, payload: bytes, unchanged: bytes) -> None:
    with open(path, "r+b") as handle:
        if handle.read(len(unchanged) + 1) != unchanged:
            raise FileChanged("the file changed while it was being fixed; it was not written")
        handle.seek(0)
        handle.write(payload)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def atomic_write(path: Path, payload: bytes, unchanged: bytes | None = None) -> None:
    """Replace ``path`` with ``payload`` in one step, keeping its mode, owner and extended
    attributes; with ``unchanged``, only if the file still holds exactly those bytes."""
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".jdlint-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if info is not None:
                _copy_metadata(handle.fileno(), path, info)
            os.fsync(handle.fileno())
        if unchanged is not None and read_posting(str(path), _FIX_LIMIT) != unchanged:
            raise FileChanged("the file changed while it was being fixed; it was not written")
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _copy_metadata(fd: int, source: Path, info: os.stat_result) -> None:
    os.chmod(fd, stat.S_IMODE(info.st_mode))
    with contextlib.suppress(OSError):  # only root may give a file away; others keep theirs
        os.chown(fd, info.st_uid, info.st_gid)
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(source)
    except OSError:
        return
    for name in names:
        with contextlib.suppress(OSError):
            os.setxattr(fd, name, os.getxattr(source, name))
