"""Markdown: block structure from a CommonMark parser, markup masked so offsets stay exact.

markdown-it-py (MIT; it comes with spaCy already) parses the block structure: headings (ATX and
setext), list items, fenced and indented code, HTML blocks, thematic breaks, hard line breaks.
Its tokens carry source lines, not columns, so jdlint keeps its own exact mapping: the analysed
text is the source (CRLF folded) with every character that is markup, not prose, replaced by a
space (``#`` markers, emphasis markers, HTML tags and comments, code). Same length, so every
offset maps back exactly. What the parser makes certain becomes a :class:`Hint`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .frontmatter import parse_front_matter
from .parsed import Hint, Parsed
from .text import fold_line_ends

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_TAG = re.compile(
    r"</?(?:a|abbr|b|big|blockquote|br|center|code|dd|del|details|div|dl|dt|em|font|h[1-6]|hr|"
    r"i|img|ins|kbd|li|mark|ol|p|pre|s|small|span|strike|strong|sub|summary|sup|table|tbody|td|"
    r"tfoot|th|thead|tr|tt|u|ul)\b[^<>]*>", re.I)
# Emphasis opens and closes at word edges only: "Werkstudent*in als Entwickler*in" is the German
# gender star twice, not emphasis (CommonMark would read it as emphasis inside words)
_STAR = re.compile(r"(?<![*\\\w])(\*{1,3})(?=[^\s*])(.+?)(?:(?<=[^\s*\\\w])\1(?!\*)|"
                   r"(?<=\w)\1(?![*\w]))")
_UNDERSCORE = re.compile(r"(?<![\w\\])(_{1,3})(?=[^\s_])(.+?)(?<=[^\s_\\])\1(?!\w)")
_ATX_LINE = re.compile(r"([ \t>*+\-\d.)]*?)(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_LIST_MARKER = re.compile(r"[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]*")
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")
# An indented block is code when it has code's punctuation or an identifier; text pasted with
# a deep indent (common in postings converted from HTML) is prose and stays prose.
_CODE_SIGNS = re.compile(r"[{};=<>$`|\\]|\w_\w|\w\(|^\s*(?:def|class|import|from|return|if|"
                         r"for|while|var|let|const|function|select|#include)\b", re.I | re.M)


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    # only the block structure is read (headings, lists, code, paragraphs): inline markup is
    # masked by the patterns below, so markdown-it's inline pass (a third of its time) is off
    md.core.ruler.disable(["inline"])
    return md


class _Masker:
    def __init__(self, text: str) -> None:
        self.text = text
        self.chars = list(text)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.code_lines: set[int] = set()
        self._joined: str | None = text  # the masked text, until something is blanked

    def line_span(self, line: int) -> tuple[int, int]:
        start = self.line_starts[line]
        end = self.text.find("\n", start)
        return start, len(self.text) if end == -1 else end

    def blank(self, a: int, b: int) -> None:
        if a < b:
            self._joined = None
        chars = self.chars
        for i in range(a, b):
            if chars[i] != "\n":
                chars[i] = " "

    def blank_lines(self, first: int, last: int) -> None:
        for line in range(first, min(last, len(self.line_starts))):
            self.blank(*self.line_span(line))
            self.code_lines.add(line)

    def masked(self) -> str:
        if self._joined is None:
            self._joined = "".join(self.chars)
        return self._joined


def _heading(mask: _Masker, token: Any, hints: list[Hint]) -> None:
    first, last = token.map
    level = int(token.tag[1])
    if token.markup.startswith("#"):  # ATX: "## Title ##"
        start, end = mask.line_span(first)
        m = _ATX_LINE.match(mask.text, start, end)
        if m is None:
            return
        mask.blank(m.start(2), m.start(3))
        mask.blank(m.end(3), end)
        if m.end(3) > m.start(3):
            hints.append(Hint("heading", m.start(3), m.end(3), level))
        return
    # setext: the text lines, then the underline
    underline = last - 1
    mask.blank(*mask.line_span(underline))
    start = mask.line_span(first)[0]
    end = mask.line_span(underline - 1)[1]
    while start < end and mask.text[start] in " \t":
        start += 1
    hints.append(Hint("heading", start, end, level))


def _list_item(mask: _Masker, token: Any, hints: list[Hint]) -> None:
    start, end = mask.line_span(token.map[0])
    m = _LIST_MARKER.match(mask.text, start, end)
    content = m.end() if m else start
    if content < end:
        hints.append(Hint("bullet", content, end))


def _hard_breaks(mask: _Masker, token: Any, hints: list[Hint]) -> None:
    first, last = token.map
    for line in range(first, last - 1):
        start, end = mask.line_span(line)
        m = _HARD_BREAK.search(mask.text, start, end)
        if m:
            if m.group() == "\\":
                mask.blank(m.start(), m.end())
            hints.append(Hint("break", end, end))


def _inline(mask: _Masker, hints: list[Hint]) -> None:
    """Comments, inline HTML tags and emphasis markers: masked; emphasis becomes a hint."""
    text = mask.masked()
    for m in _HTML_COMMENT.finditer(text):
        mask.blank(m.start(), m.end())
    text = mask.masked()
    for m in _HTML_TAG.finditer(text):
        mask.blank(m.start(), m.end())
    from ..document.words import matches_at, occurrences

    for pattern, marker in ((_STAR, "*"), (_UNDERSCORE, "_")):
        text = mask.masked()
        # every match starts with its marker: tried only there (a pattern that opens with a
        # look-behind is otherwise tried at every character)
        for m in matches_at(pattern, text, occurrences(text, marker)):
            mask.blank(m.start(1), m.end(1))
            mask.blank(m.end(2), m.end())
            hints.append(Hint("emphasis", m.start(2), m.end(2)))


def parse_markdown(source: str) -> Parsed:
    meta, body_start, notes = parse_front_matter(source)
    text, offsets = fold_line_ends(source, body_start).build()
    mask = _Masker(text)
    hints: list[Hint] = []
    for token in _parser().parse(text):
        if token.map is None:
            continue
        kind = token.type
        if kind == "heading_open":
            _heading(mask, token, hints)
        elif kind == "fence" or kind == "hr" or (
                kind == "code_block" and _CODE_SIGNS.search(token.content)):
            mask.blank_lines(*token.map)
        elif kind == "list_item_open":
            _list_item(mask, token, hints)
        elif kind == "paragraph_open":
            _hard_breaks(mask, token, hints)
    _inline(mask, hints)
    hints.sort(key=lambda h: h.start)
    return Parsed(mask.masked(), offsets, meta, tuple(hints), True, notes=notes)
