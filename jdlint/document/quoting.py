"""What a report shows of a finding: the flagged text on one line, and its line with the span.

Markdown and plain text are quoted from the source (the writer's own characters); HTML (and
other formats whose source is markup) from the analysed text, which reads as the page does.
"""

from __future__ import annotations

import re

from ..model import Excerpt

#: Longest quote and excerpt shown; longer ones keep their ends and elide the middle.
QUOTE_MAX = 80
EXCERPT_WIDTH = 100
_SPACE = re.compile(r"\s+")


def one_line(text: str, limit: int = QUOTE_MAX) -> str:
    """``text`` with every run of white space (line breaks too) as one space, at most
    ``limit`` characters: a long quote keeps its start and end around an ellipsis."""
    flat = _SPACE.sub(" ", text).strip()
    if len(flat) <= limit:
        return flat
    head = (limit - 1) * 2 // 3
    tail = limit - 1 - head
    return flat[:head].rstrip() + "…" + flat[-tail:].lstrip()


def line_excerpt(text: str, start: int, end: int, width: int = EXCERPT_WIDTH) -> Excerpt:
    """The line of ``text`` holding ``start``, cut to about ``width`` characters around the
    span ``start:end`` (which is clipped to that line)."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    ends = [i for i in (text.find("\n", start), text.find("\r", start)) if i != -1]
    line_end = min(ends) if ends else len(text)
    end = max(start, min(end, line_end))
    lo, hi = line_start, line_end
    if hi - lo > width:  # centre the span, or show its start when the span itself is long
        span = end - start
        lo = max(line_start, start - max(10, (width - span) // 2))
        hi = min(line_end, lo + width)
        lo = max(line_start, min(lo, hi - width))
    return Excerpt(text[lo:hi], start - lo, min(end, hi) - lo, lo > line_start, hi < line_end)
