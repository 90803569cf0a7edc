"""Headings and the sections they open, named from a vocabulary (EN/DE/DA) kept as data."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..datafiles import parse_yaml
from .blocks import Block


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the blocks up to the next heading; ``kind`` is a canonical name or ""."""

    kind: str
    heading: Block | None
    start: int
    end: int


@cache
def section_vocabulary() -> dict[str, tuple[str, ...]]:
    text = resources.files("jdlint").joinpath("data/sections.yaml").read_text("utf-8")
    data = parse_yaml(text)
    return {kind: tuple(phrases) for kind, phrases in data.items()}


@cache
def _phrase_kinds() -> dict[str, str]:
    return {p: kind for kind, phrases in section_vocabulary().items() for p in phrases}


@cache
def section_kind(heading: str) -> str:
    """The canonical section a heading names ("deadline", "contact"...), or ""."""
    words = re.findall(r"[^\W_]+(?:['’][^\W_]+)?", heading.lower().replace("’", "'"))
    if not words:
        return ""
    kinds = _phrase_kinds()
    n = len(words)
    lead_in = heading.rstrip().endswith(":")
    # A one-word phrase ("skills", "experience") names the section of a short heading only:
    # "Experience with cloud data platforms (AWS, GCP)" is a list item. A phrase may start the
    # heading; in a short one it may end it ("Applicants should meet the criteria"); in a lead-in
    # ending in ":" stand anywhere ("Your key responsibilities include:"). The longest phrase
    # wins, and between equals the last, the heading's head noun ("Essential Responsibilities").
    short = n <= 4 or lead_in
    best: tuple[int, int, str] | None = None
    for i in range(n if n <= 8 else 1):
        for k in range(min(n - i, 6), 0, -1):
            if not (i == 0 or i + k == n or lead_in) or (k == 1 and not short):
                continue
            kind = kinds.get(" ".join(words[i:i + k]))
            if kind is not None and (best is None or (k, i) > best[:2]):
                best = (k, i, kind)
    return best[2] if best else ""


def find_sections(blocks: Sequence[Block], text_length: int) -> list[Section]:
    """Sections in order, covering the text. A heading that names no known section opens an
    unnamed one, except a lead-in ("Essential:", "You will need:") inside a named section."""
    sections: list[Section] = []
    current: Block | None = None
    current_kind = ""
    start = 0
    for block in blocks:
        if block.kind != "heading":
            continue
        kind = section_kind(block.text)
        if block.sub and current_kind and not kind:
            continue  # a sub-heading that names nothing ("Clinical:"): the section goes on
        if current is not None or block.start > start:
            sections.append(Section(current_kind, current, start, block.start))
        current, current_kind, start = block, kind, block.start
    sections.append(Section(current_kind, current, start, text_length))
    return sections
