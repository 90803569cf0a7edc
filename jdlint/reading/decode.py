"""Bytes to text: a byte-order mark first (UTF-8, UTF-16, UTF-32), then UTF-8, a Windows-1252
fallback, and binary detection.

Word's "Unicode text" export and Notepad's "Unicode" are UTF-16 with a BOM; the BOM decides,
before the NUL-byte test that would otherwise call them binary. The BOM is kept so that
``--fix`` writes the file back byte for byte in the form it was read.

A file with NUL bytes is binary unless it decodes and control characters are rare in it: text
copied out of a PDF holds a NUL where a ligature ("ft", "fi") or a quotation mark was lost
("So\x00ware"). Such a posting is checked, and its lost characters are reported
(``control-character``), instead of the whole posting being skipped.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

BOM = codecs.BOM_UTF8
# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


#: Control characters other than white space (tab, line feed, vertical tab, form feed, carriage
#: return): none belongs in a posting
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
#: A text with NUL bytes is binary when more than this share of its characters are controls
#: (a PDF's lost ligatures are a few in thousands; "\x00\x01\x02 job" is binary)
MAX_CONTROL_SHARE = 0.01
_BINARY = "binary file (it contains NUL bytes), skipped"


def _text_with_nuls(data: bytes, encoding: str) -> str:
    """``data``, which holds NUL bytes, as text: when it decodes and control characters are
    rare in it; else it is binary (:class:`InputError`)."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(_BINARY) from None
    if len(CONTROL.findall(text)) > len(text) * MAX_CONTROL_SHARE:
        raise InputError(_BINARY)
    return text


@dataclass(frozen=True)
class Decoded:
    text: str  # without the BOM
    encoding: str  # "utf-8", "cp1252", "utf-16-le"... (a codec that writes no BOM itself)
    bom: bytes = b""  # the byte-order mark the file began with, written back by --fix
    note: str | None = None  # said to the user when the encoding was guessed


def _normal(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r} (set `encoding` in the config to a "
                         "Python codec name such as utf-8, cp1252, utf-16)") from None


def _strict(data: bytes, encoding: str, bom: bytes = b"") -> Decoded:
    try:
        return Decoded(data[len(bom):].decode(encoding), encoding, bom)
    except UnicodeDecodeError as exc:
        if encoding == "utf-8":
            raise InputError(_describe(exc, len(bom))) from None
        raise InputError(f"cannot be decoded as {encoding}: {exc.reason} at byte "
                         f"{exc.start + len(bom)}") from None


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode a posting. Raises :class:`InputError` with a one-line reason when it cannot."""
    configured = _normal(encoding) if encoding else None
    if configured is None or configured.startswith("utf"):  # else the configured 8-bit wins
        for mark, name in _BOMS:
            if data.startswith(mark):
                return _strict(data, name, mark)
    if configured is not None:
        name = configured
        if name in ("utf-16", "utf-32"):  # no BOM: the standard says big-endian
            return _strict(data, name + "-be")
        if name not in ("utf-8", "utf-8-sig"):
            if b"\x00" in data[:8192] and not name.startswith("utf-"):
                return Decoded(_text_with_nuls(data, name), name)
            return _strict(data, name)
    if b"\x00" in data[:8192]:
        return Decoded(_text_with_nuls(data, "utf-8"), "utf-8")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(_describe(utf8_error) + "; set `encoding` in the config") from None
    return Decoded(text, "cp1252", note="not valid UTF-8; read as Windows-1252")


def _describe(exc: UnicodeDecodeError, skipped: int = 0) -> str:
    bad = exc.object[exc.start:exc.start + 1].hex()
    return f"not valid UTF-8 (byte 0x{bad} at offset {exc.start + skipped})"
