"""Gender-coded wording (Gaucher, Friesen & Kay 2011), with the peers' false positives fixed."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..datafiles import parse_yaml
from ..document import Document
from ..document.words import words_of
from ..kinds import TermSet
from ..model import Category, Example, RuleDocs, RuleMeta, Severity, Violation
from ..packs import rules_root
from ..rule import Rule

_MASCULINE = ("We are looking for a driven, ambitious and competitive engineer who can lead "
              "decisively, analyse complex problems and defend bold decisions.")
_BALANCED = ("You will work with a supportive team and help our customers understand their "
             "options. We value honest, considerate collaboration.")


#: Related locations on the balance finding, at most (a long posting can have a hundred).
MAX_RELATED = 40


@dataclass(frozen=True)
class Lists:
    stems: dict[str, str]  # stem -> "masculine" | "feminine"
    by_prefix: dict[str, tuple[str, ...]]  # first three letters -> stems, longest first
    not_words: TermSet
    seen: dict[str, str | None] = field(default_factory=dict)  # word -> stem, as looked up
    # the index's words known to begin with no stem (after any digits before their first
    # letter): a posting's words less these, one set operation, are the ones to look at
    uncoded: set[str] = field(default_factory=set)


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@cache
def word_lists() -> Lists:
    text = rules_root().joinpath("data/gender-coded.yaml").read_text("utf-8")
    data: dict[str, Any] = parse_yaml(text)
    stems = {s: "feminine" for s in data["feminine"]} | {s: "masculine" for s in data["masculine"]}
    by_prefix: dict[str, list[str]] = {}
    for stem in sorted(stems, key=len, reverse=True):
        by_prefix.setdefault(stem[:3], []).append(stem)
    return Lists(stems, {k: tuple(v) for k, v in by_prefix.items()},
                 TermSet.compile([(f"re:{p}", ()) for p in data["not"]], ignorecase=True,
                                 trusted=True))


def _stem_of(word: str, lists: Lists) -> str | None:
    if word in lists.seen:  # postings repeat their words: look each up once per process
        return lists.seen[word]
    lower = word.lower()
    stem = next((s for s in lists.by_prefix.get(lower[:3], ()) if lower.startswith(s)), None)
    if len(lists.seen) < 200_000:
        lists.seen[word] = stem
    return stem


def _is_letter(c: str) -> bool:
    """Whether ``c`` can start a _WORD: a word character, not a digit or "_"."""
    return c.isalnum() and not c.isdecimal()


_APOSTROPHES = "'’"


def _coded_words(text: str, lists: Lists) -> list[re.Match[str]]:
    """The _WORD matches of ``text`` that may begin with a coded stem, in order: what
    ``_WORD.finditer`` gives, less words no stem can begin, found through the posting's word
    index (each distinct word looked up once) instead of a regex pass and a lookup per word.

    A _WORD match starts at the first letter of a run of word characters and hyphens (the
    index's words): a letter earlier in the run would have started a match that goes on
    through it. Not when the run follows an apostrophe that a letter before it joins to the
    same match ("don't": "t" starts no match), which is looked at where it happens."""
    out = []
    seen, uncoded = lists.seen, lists.uncoded
    table = words_of(text).table(hyphens=True)
    for indexed in table.keys() - uncoded:
        word, k = indexed, 0
        if not word[0].isalpha():  # (a letter is no digit: the first letter is the start)
            while k < len(word) and not _is_letter(word[k]):
                k += 1
            word = word[k:]
        stem = (seen[word] if word in seen else _stem_of(word, lists)) if word else None
        if stem is None:  # (the index's lowercase: "İ" is "i"; the match itself decides below)
            if len(uncoded) < 200_000:
                uncoded.add(indexed)
            continue
        for p in table[indexed]:
            if p > 0 and text[p - 1] in _APOSTROPHES and _joined_back(text, p - 1):
                continue
            m = _WORD.match(text, p + k)
            if m is not None:
                out.append(m)
    out.sort(key=lambda m: m.start())
    return out


def _joined_back(text: str, i: int) -> bool:
    """Whether a letter stands before ``i`` in the run of word characters, apostrophes and
    hyphens that ``text[i]`` ends: a _WORD match that starts there goes on past ``i``."""
    while i >= 0 and (text[i].isalnum() or text[i] in "_-'’"):
        if _is_letter(text[i]):
            return True
        i -= 1
    return False


def _excepted(excepted: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in excepted)


#: What a sentence must describe for its coded words to count (Gaucher et al. counted words
#: about the wanted candidate and the work culture, not the duties, the company or the people
#: the job serves): see :mod:`jdlint.document.subjects`.
COUNTED_SUBJECTS = ("candidate", "culture")

#: Words per unit of margin: the difference between masculine- and feminine-coded words must
#: be at least max(MIN_MARGIN, words / WORDS_PER_MARGIN) for a verdict, so a long posting
#: needs a clearer imbalance than a short one (one stray word in 900 decides nothing).
WORDS_PER_MARGIN = 300
MIN_MARGIN = 3


def margin_for(words: int) -> int:
    """The imbalance a posting of ``words`` words needs for a masculine or feminine verdict."""
    return max(MIN_MARGIN, -(-words // WORDS_PER_MARGIN))


def verdict(masculine: int, feminine: int, margin: int = 1) -> str:
    """gender-decoder's scale, with a margin: a difference below ``margin`` is neutral, and
    "strongly" needs more than 2 x margin - 2 (more than 3 at margin 1, as gender-decoder)
    and a two-to-one ratio."""
    score = feminine - masculine
    if masculine == feminine == 0:
        return "no coded words"
    if abs(score) < margin:
        return "neutral"
    high, low = max(masculine, feminine), min(masculine, feminine)
    strongly = abs(score) > max(3, 2 * margin - 2) and high >= 2 * low
    side = "feminine-coded" if score > 0 else "masculine-coded"
    return f"strongly {side}" if strongly else side


class GenderCodedWording(Rule):
    meta = RuleMeta(
        code="INC001",
        name="gender-coded-wording",
        category=Category.INCLUSIVE,
        severity=Severity.INFO,
        summary="Masculine- and feminine-coded words (Gaucher, Friesen & Kay 2011): one "
                "balance for the posting, with its words listed.",
        options={"per-word": "none"},
        docs=RuleDocs(
            what="Counts the masculine-coded (driven, competitive, decisive...) and "
                 "feminine-coded (supportive, collaborative, understand...) word stems of "
                 "Gaucher, Friesen & Kay (2011), as listed by gender-decoder, in English "
                 "postings, where they describe the candidate or the team's culture: in the "
                 "requirements or profile, or in a sentence addressed to the candidate (\"you "
                 "are\", \"the ideal candidate\", \"we are looking for someone who\") or "
                 "about the team (\"our team is\"). Duties (\"lead the weekly review\"), the "
                 "company (\"a market-leading provider\"), the people the job serves "
                 "(\"maximise their independence\"), benefits and names (\"NHS Trust\", "
                 "\"Clinical Lead\") do not count. When masculine-coded words outnumber "
                 "feminine-coded ones by a margin that grows with the posting's length (at "
                 "least 3 different words, one more per 300 words beyond 900), one finding (a "
                 "warning when strongly masculine-coded, else info) gives the verdict, the "
                 "counts (also in JSON, "
                 "with the margin) and the words to reconsider; each coded word is a related "
                 "location of that one finding (JSON `related`, SARIF `relatedLocations`, a "
                 "list under it in the text report). Per-word findings (info) are opt-in: "
                 "option `per-word` = none (default), masculine or all. With `per-word = "
                 "\"all\"` every posting with coded words gets its balance, from strongly "
                 "feminine-coded to strongly masculine-coded. Words that only start like a "
                 "stem do not count: responsibilities, SharePoint, analyst, confidential, "
                 "individuals, competitive salary, feel free, data-driven, lead compounds, "
                 "analytical methods, security clearance. \"lead\" counts once per sentence; "
                 "headings, equal-opportunity statements, URLs and e-mail addresses are "
                 "skipped. German and Danish postings are not scored: no validated, openly "
                 "licensed list exists for them yet.",
            why="Gaucher, Friesen & Kay found that masculine-coded wording makes jobs less "
                "appealing to women and signals that they do not belong, while "
                "feminine-coded wording does not deter men. A balanced posting widens the "
                "pool.",
            example=_MASCULINE,
            use_instead="We are looking for an engineer who enjoys hard problems, works well "
                        "with others and takes responsibility for decisions.",
            references=(
                "Gaucher, Friesen & Kay (2011), Evidence that gendered wording in job "
                "advertisements exists and sustains gender inequality, Journal of Personality "
                "and Social Psychology 101(1), 109-128.",
                "gender-decoder (Kat Matfield, MIT licence), "
                "https://github.com/lovedaybrooke/gender-decoder",
            ),
            basis="research",
        ),
        examples=(
            Example(_MASCULINE, True),
            Example(_BALANCED, False, options={"per-word": "none"}),
            Example("## Responsibilities\n\nMaintain SharePoint for our analysts. Competitive "
                    "salary. Feel free to ask the Team Lead.\n", False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        if doc.language != "en":
            return
        lists = word_lists()
        text = doc.text
        counts: Counter[str] = Counter()
        words: dict[str, list[str]] = {"masculine": [], "feminine": []}
        found: list[tuple[int, int, str, str]] = []
        lead_sentences: set[int] = set()
        candidates: list[tuple[int, int, str, str, int]] = []
        for m in _coded_words(text, lists):
            stem = _stem_of(m.group(), lists)
            if stem is None:
                continue
            start, end = m.span()
            if start > 0 and text[start - 1] == "-":
                continue  # "world-leading", "data-driven": the stem is not the word's start
            if doc.is_protected(start, end) or doc.in_copy(start):
                continue  # a pasted copy counts once
            i = doc.sentence_index(start)
            if i < 0:
                continue
            sentence = doc.sentences[i]
            if doc.blocks[sentence.block].kind == "heading" or doc.in_boilerplate(start):
                continue  # headings; equal-opportunity and other statements of policy
            if doc.subjects[i] not in COUNTED_SUBJECTS or doc.in_name(start, end):
                continue  # duties, the company, the people served; "NHS Trust", "Team Lead"
            candidates.append((start, end, stem, m.group(), i))
        # the phrases that only start like a stem, found once a word may count
        excepted = [h.span() for h, _ in lists.not_words.finditer(text, overlaps=True)] \
            if candidates else []
        for start, end, stem, word, i in candidates:
            if _excepted(excepted, start, end):
                continue
            if stem == "lead":
                if i in lead_sentences:
                    continue
                lead_sentences.add(i)
            coding = lists.stems[stem]
            counts[coding] += 1
            words[coding].append(word.lower())
            found.append((start, end, coding, word))
        # the balance weighs different words: a phrase repeated in boilerplate ("a project
        # leader capacity" four times) is one signal, not four
        masculine, feminine = len(set(words["masculine"])), len(set(words["feminine"]))
        per_word = str(options.get("per-word", "masculine"))
        if masculine <= feminine and per_word != "all":
            return  # no masculine-coded verdict whatever the margin
        margin = margin_for(len(_WORD.findall(doc.text_without_copies)))
        result = verdict(masculine, feminine, margin)
        if "masculine" not in result and per_word != "all":
            return  # balanced or feminine-coded wording deters nobody (Gaucher et al.)
        for start, end, coding, word in found:
            if per_word == "masculine" and coding != "masculine":
                continue
            if per_word in ("all", "masculine"):
                yield Violation(start, end, f"\"{word}\" is {coding}-coded (Gaucher et al. "
                                "2011); keep it if it is the right word, or balance it")
        reconsider = sorted(set(words["masculine"]))[:8]
        start, end = doc.first_line
        message = (f"the posting reads {result}: {masculine} different masculine-coded and "
                   f"{feminine} feminine-coded words")
        if "masculine" in result and reconsider:
            message += "; reconsider " + ", ".join(f'"{w}"' for w in reconsider)
        # the words that drive the verdict first, each kind in reading order
        leading = "masculine" if "masculine" in result else "feminine"
        ordered = sorted(found, key=lambda f: (f[2] != leading, f[0]))
        related = tuple((s, e, f"{coding}-coded") for s, e, coding, _ in ordered)[:MAX_RELATED]
        yield Violation(start, end, message, related=related,
                        severity=Severity.WARNING if result.startswith("strongly masculine")
                        else Severity.INFO,
                        data={"masculine": masculine, "feminine": feminine, "verdict": result,
                              "margin": margin, "occurrences": dict(counts),
                              "masculine-words": sorted(words["masculine"]),
                              "feminine-words": sorted(words["feminine"])}, located=False)
