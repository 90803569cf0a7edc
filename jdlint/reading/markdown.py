"""Markdown: front matter as metadata, markup masked with spaces so offsets stay exact."""

from __future__ import annotations

import re

from .frontmatter import parse_front_matter
from .parsed import Hint, Parsed
from .text import fold_line_ends

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ATX = re.compile(r"^( {0,3})(#{1,6})[ \t]+(.*?)[ \t#]*$", re.M)
_SETEXT = re.compile(r"^(?=\S)(.+)\n {0,3}(=+|-{2,})[ \t]*$", re.M)
_LIST = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+\S", re.M)


def parse_markdown(source: str) -> Parsed:
    meta, body_start = parse_front_matter(source)
    text, offsets = fold_line_ends(source, body_start).build()
    # Mask markup that is not prose with spaces: same length, so offsets stay exact.
    chars = list(text)

    def blank(a: int, b: int) -> None:
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "

    for m in _HTML_COMMENT.finditer(text):
        blank(m.start(), m.end())
    for m in _EMPHASIS.finditer(text):
        blank(m.start(1), m.end(1))
        blank(m.end(2), m.end())
    hints: list[Hint] = []
    for m in _ATX.finditer(text):
        blank(m.start(2), m.start(3))
        hints.append(Hint("heading", m.start(3), m.end(3), len(m.group(2))))
    for m in _SETEXT.finditer(text):
        if not _LIST.match(m.group(1)):
            blank(m.start(2), m.end(2))
            hints.append(Hint("heading", m.start(1), m.end(1), 1 if m.group(2)[0] == "=" else 2))
    masked = "".join(chars)
    return Parsed(masked, offsets, meta, tuple(sorted(hints, key=lambda h: h.start)), True)
