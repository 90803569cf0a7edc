"""Reading: bytes to text (decode), then text to what rules see, per format.

Every reader returns a :class:`Parsed`: the text rules see, an :class:`OffsetMap` back to the
source, metadata (Markdown front matter, the HTML ``<title>``), and structural hints the reader
knows for sure (Markdown ``#`` headings, HTML ``<h2>`` and ``<li>``).
"""

from __future__ import annotations

from .parsed import BINARY_FORMATS, FORMATS, Hint, Parsed, format_for

__all__ = ["BINARY_FORMATS", "FORMATS", "Hint", "Parsed", "format_for", "parse"]


def parse(source: str, fmt: str) -> Parsed:
    if fmt == "html":
        from .html import parse_html

        return parse_html(source)
    if fmt == "markdown":
        from .markdown import parse_markdown

        return parse_markdown(source)
    from .text import parse_text

    parsed = parse_text(source)
    if fmt == "docx":  # paragraph text (one paragraph a line), given as text
        from dataclasses import replace

        return replace(parsed, hard_breaks=True)
    return parsed
