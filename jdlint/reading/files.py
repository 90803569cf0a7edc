"""Opening postings: regular files only, never more than the size limit read into memory.

A FIFO (even one named ``*.md``) would block the run forever, and ``/dev/zero`` would be read
until memory runs out, so the file is opened without blocking, checked with ``fstat`` on the
open descriptor (no race with a rename) and read in chunks up to one byte past the limit.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

from ..errors import InputError

_CHUNK = 1 << 16
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def kind_of(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _too_large(size: int | None, limit: int) -> InputError:
    got = f"{size:,} bytes" if size is not None else f"over {limit:,} bytes"
    return InputError(f"file too large ({got}; `max-file-size` is {limit:,})")


def read_posting(path: str, limit: int) -> bytes:
    """The bytes of the regular file at ``path`` (symlinks followed), at most ``limit``.

    Raises :class:`InputError` with a one-line reason: not a regular file, too large, or the
    operating system's reason it cannot be read (permission denied...)."""
    try:
        before = os.stat(path)
    except OSError as exc:
        raise InputError(_why_not(path, exc)) from None
    if not stat.S_ISREG(before.st_mode):  # do not even open a FIFO or a device
        raise InputError(f"{kind_of(before.st_mode)}, not a posting file; skipped")
    if before.st_size > limit:
        raise _too_large(before.st_size, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket or FIFO swapped in since the stat
            raise InputError("not a regular file; skipped") from None
        raise InputError(exc.strerror or str(exc)) from None
    with os.fdopen(fd, "rb", buffering=0) as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"{kind_of(mode)}, not a posting file; skipped")
        return read_capped(handle, limit)


def _why_not(path: str, exc: OSError) -> str:
    """Why ``path`` cannot be opened, said of a link when it is one."""
    if exc.errno == errno.ELOOP:
        return "a symbolic link that leads back to itself (a loop)"
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return f"a symbolic link to {os.readlink(path)!r}, which does not exist"
    return exc.strerror or str(exc)


def read_capped(handle: BinaryIO, limit: int) -> bytes:
    """Read ``handle`` to its end, raising :class:`InputError` past ``limit`` bytes."""
    parts: list[bytes] = []
    size = 0
    while True:
        try:
            chunk = handle.read(min(_CHUNK, limit + 1 - size))
        except OSError as exc:
            raise InputError(exc.strerror or str(exc)) from None
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            raise _too_large(None, limit)
