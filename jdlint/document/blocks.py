"""Blocks: the headings, list items and paragraphs a posting is made of (text offsets)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # "heading", "bullet" or "paragraph"
    start: int
    end: int
    text: str
    level: int = 0  # heading level when the markup gives one (Markdown, HTML); else 0
    implicit: bool = False  # a heading or list item known by its shape, not by its markup

    @property
    def sub(self) -> bool:
        """A heading known by its shape that ends in ":" ("Essential:"): it leads a list
        inside the current section rather than opening a section of its own."""
        return self.kind == "heading" and self.level == 0 and self.text.endswith(":")


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def widen_to_words(text: str, start: int, end: int, limit: int | None = None) -> tuple[int, int]:
    """``text[start:end]`` widened to the white space around it (the word or words it is
    in), by at most ``limit`` characters each side."""
    low = 0 if limit is None else max(0, start - limit)
    high = len(text) if limit is None else min(len(text), end + limit)
    while start > low and not text[start - 1].isspace():
        start -= 1
    while end < high and not text[end].isspace():
        end += 1
    return start, end


def union_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans, possibly overlapping or nested, as disjoint ones (their ends sorted too,
    as a bisection over them needs)."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


class SpanSet:
    """Spans of a text (start, end), asked whether a span overlaps one of them: a bisection,
    not a pass over all of them (a long file that repeats a line has thousands). Overlapping
    spans are kept as their union, which overlaps the same spans."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        # the spans it overlaps are those from the first that ends after its start to the
        # last that starts before its end
        i = j = bisect.bisect_right(self._ends, start)
        while j < len(self._starts) and self._starts[j] < end:
            j += 1
        if j > i:
            start, end = min(start, self._starts[i]), max(end, self._ends[j - 1])
        self._starts[i:j] = [start]
        self._ends[i:j] = [end]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps one of the spans (a ``start < e and s < end``)."""
        i = bisect.bisect_right(self._ends, start)
        return i < len(self._starts) and self._starts[i] < end

    def __contains__(self, offset: object) -> bool:
        """Whether an offset lies in one of the spans."""
        return isinstance(offset, int) and self.overlaps(offset, offset + 1)

    def __len__(self) -> int:
        return len(self._starts)
