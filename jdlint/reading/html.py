"""HTML to visible text, every character mapped back to its place in the source file.

The standard library's parser is enough here: postings are small, we need positions rather
than a DOM, and it never fails on broken markup (it degrades to text, as browsers do).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

from ..errors import InputError
from .jsonld import job_posting_meta
from .offsets import TextBuilder
from .parsed import Hint, Parsed

#: What a reader of the posting does not read: code, and the site's navigation menus ("Home |
#: Jobs | About us | Contact us"), which are no part of the posting whatever page holds it
_HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "math", "nav"}
#: ... and, on a page that marks its main content (<main>, <article>), the site's own header,
#: footer and sidebars around it ("Contact us: hello@...", "Privacy policy", other jobs' "Apply
#: now"), which said nothing about this job; a header or footer inside the content is read
_CHROME = {"header", "footer", "aside"}
_CONTENT = {"main", "article"}
_MARKS_CONTENT = re.compile(r"<(?:main|article)\b", re.I)
_BLOCK = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "ul", "ol",
    "dl", "table", "blockquote", "pre", "form", "fieldset", "figure", "address", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "body", "html",
}
_LINE = {"li", "br", "tr", "dt", "dd", "td", "th", "caption", "option"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_EMPHASIS = {"strong", "b", "em", "i"}
# What may stand in <head>; any other start tag (or text) means the body has begun, even where
# the optional </head> is missing (the HTML standard's "in head" insertion mode).
_HEAD_CONTENT = {"html", "head", "title", "meta", "link", "base", "style", "script",
                 "noscript", "template", "basefont", "bgsound"}
_ENTITY = re.compile(r"&(?:#[xX]?[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_TOKENS = re.compile(r"\S+|\s+")


class _Extractor(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.out = TextBuilder()
        self.hints: list[Hint] = []
        self.title: list[str] = []
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self._hidden: list[str] = []
        self._in_title = False
        self._open: list[tuple[str, int]] = []  # (tag, text offset) of headings and list items
        self._emphasis: list[tuple[str, int]] = []  # open <strong>, <b>, <em>, <i>
        self._json_ld: list[str] | None = None  # the data of an open ld+json script
        self.json_ld: list[str] = []
        self._marks_content = _MARKS_CONTENT.search(source) is not None
        self._in_content = 0  # open <main> and <article> elements

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _break(self, newlines: str) -> None:
        if len(self.out) == 0:
            return
        pos = self._offset()
        if self.out.last_char() != "\n":
            self.out.insert(newlines, pos)
        elif newlines == "\n\n" and self.out.tail(2) != "\n\n":
            self.out.insert("\n", pos)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![CDATA[...]]>`` and its misspellings: browsers read an unknown one as a bogus
        comment up to the next ``>``; the standard library raises AssertionError."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end == -1 else end + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._hidden == ["head"] and tag not in _HEAD_CONTENT:
            self._hidden.pop()  # </head> is optional
        if tag in _HIDDEN or (tag in _CHROME and self._marks_content and not self._in_content
                              and not self._hidden):
            self._hidden.append(tag)
            if tag == "script" and (dict(attrs).get("type") or "").strip().lower() == \
                    "application/ld+json":
                self._json_ld = []
            return
        if tag == "title":
            self._in_title = True
            return
        if self._hidden:
            return
        if tag in _CONTENT:
            self._in_content += 1
        if tag in _BLOCK:
            self._break("\n\n")
        elif tag in _LINE:
            self._break("\n")
        if tag in _HEADINGS or tag == "li":
            self._open.append((tag, len(self.out)))
        elif tag in _EMPHASIS:
            self._emphasis.append((tag, len(self.out)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._hidden and (tag in _LINE or tag in _BLOCK):
            self._break("\n" if tag in _LINE else "\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            return
        if self._hidden:
            if tag == self._hidden[-1]:
                self._hidden.pop()
                if tag == "script" and self._json_ld is not None:
                    self.json_ld.append("".join(self._json_ld))
                    self._json_ld = None
            return
        if tag in _CONTENT and self._in_content:
            self._in_content -= 1
        if self._emphasis and self._emphasis[-1][0] == tag:
            _, start = self._emphasis.pop()
            if len(self.out) > start:
                self.hints.append(Hint("emphasis", start, len(self.out)))
        if self._open and self._open[-1][0] == tag:
            _, start = self._open.pop()
            if len(self.out) > start:
                kind = "bullet" if tag == "li" else "heading"
                level = int(tag[1]) if kind == "heading" else 0
                self.hints.append(Hint(kind, start, len(self.out), level))
        if tag in _BLOCK:
            self._break("\n\n")
        elif tag in _LINE:
            self._break("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
            return
        if self._hidden == ["head"] and data.strip():
            self._hidden.pop()  # text cannot be in <head>: the body has begun (as in browsers)
        if self._hidden:
            if self._json_ld is not None:
                self._json_ld.append(data)
            return
        pos = self._offset()
        for m in _TOKENS.finditer(data):
            token = m.group()
            if token[0].isspace():
                if len(self.out) and self.out.last_char() not in " \n":
                    self.out.insert(" ", pos + m.start(), pos + m.end())
            else:
                self.out.copy(token, pos + m.start())

    def _entity(self) -> None:
        pos = self._offset()
        m = _ENTITY.match(self.source, pos)
        raw = m.group() if m else "&"
        if self._in_title:
            self.title.append(html.unescape(raw))
        elif not self._hidden:
            self.out.insert(html.unescape(raw), pos, pos + len(raw))

    def handle_entityref(self, name: str) -> None:
        self._entity()

    def handle_charref(self, name: str) -> None:
        self._entity()


def parse_html(source: str) -> Parsed:
    parser = _Extractor(source)
    try:
        parser.feed(source)
        parser.close()
    except (AssertionError, ValueError, IndexError) as exc:  # html.parser on odd markup
        raise InputError(f"the HTML cannot be read ({type(exc).__name__}: {exc})") from None
    text, offsets = parser.out.build()
    meta: dict[str, Any] = {}
    title = " ".join("".join(parser.title).split())
    if title:
        meta["title"] = title
    structured, notes = job_posting_meta(parser.json_ld)
    meta.update(structured)
    hints = tuple(sorted(parser.hints, key=lambda h: h.start))
    return Parsed(text, offsets, meta, hints, True, hard_breaks=True, notes=notes)
