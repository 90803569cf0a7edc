"""Who or what each sentence describes, and which words are names: shared by wording rules.

Gaucher et al. counted words that describe the wanted candidate or the team's culture. A
posting also describes the duties, the company, its benefits and the people the job serves
("patients aged 14-65", "maximise their independence"), and names things ("NHS Trust",
"Clinical Lead", "U.S. Citizenship and Immigration Services"). A wording rule asks
:meth:`Document.subject_at` and :meth:`Document.in_name` instead of keeping its own lists of
phrases; the cues are data (``jdlint/data/subjects.yaml``).

Subjects: ``policy`` (equal-opportunity and other boilerplate), ``served`` (the people the job
serves), ``instruction`` (a request to the reader: "Please use the link below"),
``candidate``, ``culture`` (the team and how it works), ``company``, ``duties``, ``benefits``
and ``other``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from ..datafiles import load_yaml
from ..literals import leading_literals
from .blocks import Block
from .sentences import Sentence
from .words import first_kinds, matches_at, words_of
from .zones import BOILERPLATE

SUBJECTS = ("policy", "served", "instruction", "candidate", "culture", "company", "duties",
            "benefits", "other")

#: A section's kind -> the subject of its sentences when no cue in the sentence says more.
_BY_ZONE = {"requirements": "candidate", "responsibilities": "duties", "benefits": "benefits",
            "about": "company", "salary": "benefits"}

_CUE_ORDER = ("served", "instruction", "candidate", "culture", "company")

_CAPITALISED = r"[A-ZÆØÅÄÖÜ][\w'’.&/-]*"
_CONNECTOR = r"(?:and|of|for|the|&|und|für|der|des|og|af|for)"
_RUN = re.compile(rf"(?<![\w'’.&/-]){_CAPITALISED}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_CAPITALISED})+")
_TRIM = ".,;:'’)/"
_CAPITAL = re.compile(r"[A-ZÆØÅÄÖÜ]")
_BEFORE_RUN = re.compile(r"[\w'’.&/-]")  # what no run starts after (_RUN's look-behind)
_DETERMINERS = frozenset("The Our A An This That Your Their Its Each Every".split())


@dataclass(frozen=True)
class _Data:
    cues: dict[str, re.Pattern[str]]
    requirement_start: re.Pattern[str] | None
    heads: frozenset[str]
    # the words a cue of each kind begins with (None: unknown), so that a kind is looked for
    # only in the sentences that hold one
    keys: dict[str, tuple[tuple[str, bool, bool], ...] | None] = field(default_factory=dict)
    #: a candidate cue that opens a sentence: its subject, whatever people it goes on to
    #: serve ("The ideal candidate ... to improve patient outcomes")
    candidate_start: re.Pattern[str] | None = None
    #: a duty by its form at the start of an item ("To assess ...", "Provides cover ...")
    duty_start: re.Pattern[str] | None = None


def _compile(by_language: object, language: str, anchored: bool = False) -> re.Pattern[str] | None:
    if not isinstance(by_language, dict):
        return None
    patterns = list(by_language.get("en", ()))
    if language != "en":
        patterns += by_language.get(language, ())
    if not patterns:
        return None
    body = "(?:" + "|".join(patterns) + ")"
    return re.compile((r"^[\W\d_]*" if anchored else r"(?<!\w)") + body, re.I)


@cache
def subject_data(language: str) -> _Data:
    raw: dict[str, object] = load_yaml("subjects.yaml")
    cues = {kind: p for kind in _CUE_ORDER if (p := _compile(raw.get(kind), language))}
    heads = frozenset(str(raw.get("name-heads", "")).split())
    keys = {kind: leading_literals(p.pattern, p.flags) for kind, p in cues.items()}
    return _Data(cues, _compile(raw.get("requirement-start"), language, anchored=True), heads,
                 keys, candidate_start=_compile(raw.get("candidate"), language, anchored=True),
                 duty_start=_compile(raw.get("duty-start"), language, anchored=True))


def find_subjects(text: str, sentences: Sequence[Sentence], blocks: Sequence[Block],
                  zone_at: Callable[[int], str], language: str) -> list[str]:
    """The subject of each sentence of ``text`` (see the module's docstring), in order."""
    data = subject_data(language)
    cued = first_kinds(words_of(text), [(s.start, s.end, s.text) for s in sentences],
                       tuple(data.cues.items()), data.keys)
    out = []
    for i, s in enumerate(sentences):
        zone = zone_at(s.start)
        if zone in BOILERPLATE:
            out.append("policy")
            continue
        subject = cued[i] or _BY_ZONE.get(zone, "")
        if subject == "served" and data.candidate_start and data.candidate_start.match(s.text):
            subject = "candidate"  # the sentence's own subject comes first
        block = blocks[s.block]
        short = block.kind == "bullet" or len(block.text) < 120
        if subject == "candidate" and not cued[i] and short and data.duty_start \
                and data.duty_start.match(s.text):
            subject = "duties"  # "To assess ..." under a heading that named the candidate
        if not subject:
            if short and data.requirement_start and data.requirement_start.match(s.text):
                subject = "candidate"
            elif zone in ("", "notes") and block.kind == "bullet":
                subject = "duties"
            else:
                subject = "other"
        out.append(subject)
    return out


def _run_starts(text: str) -> list[int]:
    """Where a run of capitalised words can start: a capital after none of what _RUN's
    look-behind excludes (a pattern that opens with a look-behind is otherwise tried at
    every character)."""
    return [p for m in _CAPITAL.finditer(text)
            if (p := m.start()) == 0 or _BEFORE_RUN.match(text, p - 1) is None]


def _token(word: str) -> str:
    return word.strip(_TRIM).removesuffix("'s").removesuffix("’s")


def find_names(sentences: Sequence[Sentence], language: str) -> list[tuple[int, int, bool]]:
    """Names, sorted and disjoint: (start, end, organisation). A capitalised run holding an
    organisation's or unit's head noun is an organisation's name; in English, any other
    capitalised run inside a sentence is a name too (a title, a product, a team)."""
    heads = subject_data(language).heads
    spans: list[tuple[int, int, bool]] = []
    for s in sentences:
        if s.text.isupper():
            continue  # a shouted sentence: every word is capitalised
        lead = len(s.text) - len(s.text.lstrip("•*-–·>#\"'“‘( \t0123456789.)"))
        for m in matches_at(_RUN, s.text, _run_starts(s.text)):
            run = m.group().split()
            organisation = any(_token(w) in heads for w in run)
            # "The Independent Chair will...": a determiner starts the sentence, not the name
            after_determiner = len(run) >= 3 and run[0] in _DETERMINERS
            if organisation or ((m.start() > lead or after_determiner) and language == "en"):
                end = m.end() - (len(m.group()) - len(m.group().rstrip(_TRIM)))
                spans.append((s.start + m.start(), s.start + end, organisation))
    return spans
