"""Bytes to text: UTF-8 (with or without BOM), a Windows-1252 fallback, and binary detection."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Decoded:
    text: str  # without the BOM
    encoding: str  # "utf-8" or "cp1252" (or the configured encoding)
    bom: bool
    note: str | None = None  # said to the user when the encoding was guessed


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode a posting. Raises :class:`InputError` with a one-line reason when it cannot."""
    if b"\x00" in data[:8192]:
        raise InputError("binary file (it contains NUL bytes), skipped")
    if encoding is not None and encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            return Decoded(data.decode(encoding), encoding, False)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"cannot be decoded as {encoding}: {exc}") from None
    bom = data.startswith(BOM)
    body = data[len(BOM):] if bom else data
    try:
        return Decoded(body.decode("utf-8"), "utf-8", bom)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if bom:
        raise InputError(_describe(utf8_error))
    try:
        text = body.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(_describe(utf8_error) + "; set `encoding` in the config") from None
    return Decoded(text, "cp1252", False, note="not valid UTF-8; read as Windows-1252")


def _describe(exc: UnicodeDecodeError) -> str:
    bad = exc.object[exc.start:exc.start + 1].hex()
    return f"not valid UTF-8 (byte 0x{bad} at offset {exc.start})"
