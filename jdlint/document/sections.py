"""Headings and the sections they open, named from a vocabulary (EN/DE/DA) kept as data."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

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
    data = yaml.safe_load(text)
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
    lead_in = heading.rstrip().endswith(":")
    # a one-word phrase ("skills", "experience") names the section of a short heading only;
    # "Experience with cloud data platforms (AWS, GCP)" is a list item, not a heading
    short = len(words) <= 4 or lead_in
    for k in range(min(len(words), 6), 0, -1):  # the heading starts with a phrase
        if (kind := kinds.get(" ".join(words[:k]))) is not None and (k > 1 or short):
            return kind
    if len(words) > 8:
        return ""
    # a short heading may end with one ("Applicants should meet the criteria"); one that leads
    # in to a list with ":" may hold one anywhere ("Your key responsibilities include:")
    for i in range(1, len(words)):
        for k in range(min(len(words) - i, 6), 0, -1):
            if (lead_in or i + k == len(words)) and (k > 1 or short) and (
                    kind := kinds.get(" ".join(words[i:i + k]))) is not None:
                return kind
    return ""


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
