"""Blocks: the headings, list items and paragraphs a posting is made of (text offsets)."""

from __future__ import annotations

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
