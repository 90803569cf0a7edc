"""Plain text: the source with line ends folded to LF, every character mapped back."""

from __future__ import annotations

from .offsets import LINE_END, TextBuilder
from .parsed import Parsed


def fold_line_ends(source: str, start: int = 0) -> TextBuilder:
    """Copy ``source[start:]`` into a builder with every line end (:data:`LINE_END`) as LF."""
    builder = TextBuilder()
    pos = start
    for m in LINE_END.finditer(source, start):
        if m.group() == "\n":
            continue
        builder.copy(source[pos:m.start()], pos)
        if m.group() == "\r\n":  # drop the CR, copy the LF
            pos = m.start() + 1
        else:  # a lone CR (classic Mac) ends a line too
            builder.insert("\n", m.start(), m.end())
            pos = m.end()
    builder.copy(source[pos:], pos)
    return builder


def parse_text(source: str) -> Parsed:
    text, offsets = fold_line_ends(source).build()
    return Parsed(text, offsets)
