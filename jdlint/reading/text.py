"""Plain text: the source with line ends folded to LF, every character mapped back."""

from __future__ import annotations

from .offsets import TextBuilder
from .parsed import Parsed


def fold_line_ends(source: str, start: int = 0) -> TextBuilder:
    """Copy ``source[start:]`` into a builder, dropping the CR of every CRLF."""
    builder = TextBuilder()
    pos = start
    while True:
        i = source.find("\r", pos)
        if i == -1:
            builder.copy(source[pos:], pos)
            return builder
        builder.copy(source[pos:i], pos)
        if source.startswith("\r\n", i):
            pos = i + 1
        else:  # a lone CR (classic Mac) ends a line too
            builder.insert("\n", i, i + 1)
            pos = i + 1


def parse_text(source: str) -> Parsed:
    text, offsets = fold_line_ends(source).build()
    return Parsed(text, offsets)
