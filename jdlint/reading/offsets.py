"""Offsets: the analysed text, the source file, and 1-based line:column.

Readers turn a source file into the text that rules see (front matter dropped, CRLF folded, HTML
tags removed...). An :class:`OffsetMap` remembers where each piece of that text came from, so
that a rule's character offset maps back to the exact place in the file. Only the Document uses
it, once per diagnostic (ruff's line index; flake8's 0-based column patch is the counter-example).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

#: The one definition of a line end, for the readers and the line index alike: LF, CRLF, or a
#: lone CR (classic Mac files, and files whose line ends were mixed by copy and paste).
LINE_END = re.compile(r"\r\n?|\n")


def line_starts(source: str) -> list[int]:
    """Offsets where each line of ``source`` starts (the first is 0)."""
    return [0, *(m.end() for m in LINE_END.finditer(source))]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of analysed text starting at ``text_start``.

    A copied segment maps character for character onto the source from ``source_start``. A
    synthetic segment (a newline inserted for an HTML ``<p>``, a decoded ``&amp;``) maps every
    character onto ``source_start`` and ``source_end`` spans the source it stands for.
    """

    text_start: int
    source_start: int
    length: int
    synthetic: bool = False
    source_end: int = -1


class TextBuilder:
    """Accumulates analysed text while recording where every piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def copy(self, text: str, source_start: int) -> None:
        """Append ``text``, which stands verbatim at ``source_start`` in the source."""
        if not text:
            return
        last = self._segments[-1] if self._segments else None
        if (
            last is not None
            and not last.synthetic
            and last.text_start + last.length == self._length
            and last.source_start + last.length == source_start
        ):
            self._segments[-1] = Segment(last.text_start, last.source_start,
                                         last.length + len(text))
        else:
            self._segments.append(Segment(self._length, source_start, len(text)))
        self._parts.append(text)
        self._length += len(text)

    def insert(self, text: str, source_start: int, source_end: int | None = None) -> None:
        """Append ``text`` that does not stand verbatim in the source (a decoded entity...)."""
        if not text:
            return
        end = source_start if source_end is None else source_end
        self._segments.append(Segment(self._length, source_start, len(text), True, end))
        self._parts.append(text)
        self._length += len(text)

    def last_char(self) -> str:
        return self._parts[-1][-1] if self._parts else ""

    def tail(self, n: int) -> str:
        """The last ``n`` characters built so far (fewer at the start)."""
        out = ""
        for part in reversed(self._parts):
            out = part[-(n - len(out)):] + out
            if len(out) >= n:
                break
        return out

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(tuple(self._segments), self._length)


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in the analysed text to offsets in the source text."""

    segments: tuple[Segment, ...]
    text_length: int
    _starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [s.text_start for s in self.segments])

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls((Segment(0, 0, length),), length)

    def _segment(self, offset: int) -> Segment | None:
        i = bisect_right(self._starts, offset) - 1
        return self.segments[i] if i >= 0 else None

    def to_source(self, offset: int) -> int:
        """Source offset of the text character at ``offset`` (clamped into the text)."""
        offset = max(0, min(offset, self.text_length))
        seg = self._segment(offset)
        if seg is None:
            return 0
        if seg.synthetic:
            return seg.source_start
        if offset >= seg.text_start + seg.length:  # the end of the text
            return seg.source_start + seg.length
        return seg.source_start + (offset - seg.text_start)

    def to_source_end(self, end: int) -> int:
        """Source offset just past the text character before ``end`` (an exclusive end)."""
        if end <= 0:
            return self.to_source(0)
        seg = self._segment(end - 1)
        if seg is not None and seg.synthetic:
            return max(seg.source_end, seg.source_start)
        return self.to_source(end - 1) + 1

    def is_verbatim(self, start: int, end: int) -> bool:
        """True if text[start:end] is one unbroken copy of the source (so it can be edited)."""
        seg = self._segment(start)
        return (
            seg is not None
            and not seg.synthetic
            and end <= seg.text_start + seg.length
        )


class LineIndex:
    """1-based line and column (in code points) of source offsets."""

    def __init__(self, source: str) -> None:
        self._starts = line_starts(source)
        self._source = source

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        """Source offset of the first character of 1-based ``line``."""
        return self._starts[line - 1]

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self._source)))
        if 0 < offset < len(self._source) and self._source[offset - 1 : offset + 1] == "\r\n":
            offset -= 1  # inside a CRLF: the line ends where its CR stands
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1
