"""Zones: what each part of a posting is for, available to every rule in O(log n).

A zone is a section's kind (``requirements`` is the candidate profile, ``responsibilities`` the
duties, ``benefits``, ``about`` the company, ``apply``, ``contact``, ``deadline``, ``salary``,
``location``, ``notes``) or a boilerplate kind (``equal-opportunity``, ``accommodation``,
``anti-agency``, ``data-protection``, ``technical-help`` with a job portal). Boilerplate is
found by its wording wherever it stands (``jdlint/data/zones.yaml``), sentence by sentence, so
an equal-opportunity sentence at the end of the benefits list is boilerplate, not a benefit.
"" is a part no heading or wording names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..datafiles import parse_yaml
from ..literals import leading_literals
from .blocks import Block
from .sections import Section
from .sentences import Sentence
from .words import first_kind, first_kinds, words_of

BOILERPLATE = (
    "equal-opportunity", "accommodation", "anti-agency", "data-protection", "technical-help")


@dataclass(frozen=True, slots=True)
class Zone:
    kind: str
    start: int
    end: int


@cache
def _patterns(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    raw = resources.files("jdlint").joinpath("data/zones.yaml").read_text("utf-8")
    data: dict[str, dict[str, list[str]]] = parse_yaml(raw)
    out = []
    for kind, by_language in data.items():
        patterns = list(by_language.get("en", ()))
        if language != "en":
            patterns += by_language.get(language, ())
        out.append((kind, re.compile(r"(?<!\w)(?:" + "|".join(patterns) + ")", re.I)))
    return tuple(out)


@cache
def _keys(language: str) -> dict[str, tuple[tuple[str, bool, bool], ...] | None]:
    """The words each kind's wording begins with (None: unknown)."""
    return {kind: leading_literals(p.pattern, p.flags) for kind, p in _patterns(language)}


def boilerplate_kind(text: str, language: str) -> str:
    """The boilerplate a sentence is ("equal-opportunity"...), or ""."""
    return first_kind(text, 0, 0, _patterns(language), {})


def find_zones(text: str, blocks: Sequence[Block], sentences: Sequence[Sentence],
               sections: Sequence[Section], language: str) -> list[Zone]:
    """Disjoint zones covering the text, in order."""
    text_length = len(text)
    starts = [s.start for s in sections]

    def section_kind(offset: int) -> str:
        i = bisect.bisect_right(starts, offset) - 1
        return sections[i].kind if i >= 0 else ""

    # each sentence's own kind, then blocks mostly of one boilerplate kind take it whole
    own = first_kinds(words_of(text), [(s.start, s.end, s.text) for s in sentences],
                      _patterns(language), _keys(language))
    by_block: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        by_block.setdefault(s.block, []).append(i)
    for members in by_block.values():
        kinds = [own[i] for i in members if own[i]]
        if kinds and len(kinds) * 2 >= len(members):
            for i in members:
                own[i] = own[i] or max(set(kinds), key=kinds.count)
    zones: list[Zone] = []
    for i, s in enumerate(sentences):
        sec = section_kind(s.start)
        kind = own[i] or sec
        if sec in BOILERPLATE:
            kind = sec  # a whole "Data protection" section
        start = 0 if not zones else s.start
        if zones and zones[-1].kind == kind:
            continue
        if zones:
            last = zones[-1]
            zones[-1] = Zone(last.kind, last.start, s.start)
        zones.append(Zone(kind, start, text_length))
    return zones or [Zone("", 0, text_length)]
