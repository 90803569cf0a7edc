"""Source text to analysed text, per format: plain text, Markdown, HTML.

Every reader returns a :class:`Parsed`: the text rules see, an :class:`OffsetMap` back to the
source, metadata (Markdown front matter, the HTML ``<title>``), and structural hints the reader
knows for sure (Markdown ``#`` headings, HTML ``<h2>`` and ``<li>``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import InputError
from .offsets import OffsetMap, TextBuilder

FORMATS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}


@dataclass(frozen=True)
class Hint:
    """A span the reader knows the role of: ``heading`` or ``bullet`` (text offsets)."""

    kind: str
    start: int
    end: int
    level: int = 0


@dataclass(frozen=True)
class Parsed:
    text: str
    offsets: OffsetMap
    meta: Mapping[str, Any] = field(default_factory=dict)
    hints: tuple[Hint, ...] = ()
    comments: bool = False  # whether <!-- jdlint-... --> suppressions apply


def format_for(path: str) -> str:
    for suffix, fmt in FORMATS.items():
        if path.lower().endswith(suffix):
            return fmt
    return "text"


def parse(source: str, fmt: str) -> Parsed:
    if fmt == "html":
        from .html_reader import parse_html

        return parse_html(source)
    if fmt == "markdown":
        return parse_markdown(source)
    return parse_text(source)


def _fold_crlf(source: str, start: int = 0) -> TextBuilder:
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
    text, offsets = _fold_crlf(source).build()
    return Parsed(text, offsets)


# --- Markdown ---------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ATX = re.compile(r"^( {0,3})(#{1,6})[ \t]+(.*?)[ \t#]*$", re.M)
_SETEXT = re.compile(r"^(?=\S)(.+)\n {0,3}(=+|-{2,})[ \t]*$", re.M)
_LIST = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+\S", re.M)


def parse_front_matter(source: str) -> tuple[dict[str, Any], int]:
    """YAML front matter as a mapping, and the offset where the body starts."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return {}, 0
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise InputError(f"invalid YAML front matter{where}: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a YAML mapping (key: value lines)")
    return {str(k).lower().replace("_", "-"): v for k, v in data.items()}, m.end()


def parse_markdown(source: str) -> Parsed:
    meta, body_start = parse_front_matter(source)
    text, offsets = _fold_crlf(source, body_start).build()
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
