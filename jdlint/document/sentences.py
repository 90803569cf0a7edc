"""Sentences inside blocks: a full stop, question or exclamation mark followed by a capital.

A stop after an abbreviation ("approx.", "U.S.", "z.B.", "tlf."), an initial, or a day number
before a month name ("31. März", "1. december") does not end a sentence; the lists are data
(``jdlint/data/segmentation.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..datafiles import parse_yaml
from .blocks import Block, strip_span


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    block: int  # index into Document.blocks


@dataclass(frozen=True)
class _Data:
    abbreviations: dict[str, frozenset[str]]  # language -> abbreviations, English's included
    months: frozenset[str]
    lead_in_words: frozenset[str]
    continues_after: frozenset[str]

    def abbreviations_for(self, language: str) -> frozenset[str]:
        return self.abbreviations.get(language, self.abbreviations["en"])


@cache
def segmentation_data() -> _Data:
    raw = resources.files("jdlint").joinpath("data/segmentation.yaml").read_text("utf-8")
    data = parse_yaml(raw)

    def words(key: str) -> frozenset[str]:
        return frozenset(w.rstrip(".") for text in data[key].values() for w in text.split())

    english = frozenset(w.rstrip(".") for w in data["abbreviations"]["en"].split())
    abbreviations = {lang: english | frozenset(w.rstrip(".") for w in text.split())
                     for lang, text in data["abbreviations"].items()}
    return _Data(abbreviations, words("months"), words("lead-in-words"),
                 words("continues-after"))


#: Glyphs that mark a list's items and nothing else (not "·" or "-", which also part words)
LIST_GLYPHS = "▶►▸➢➤↪✓✔●■◆❖"

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=(?:[*•·▪]\s*)?[\"'“‘(\[]?[^\W_a-zæøåäöüß])"
                       # an inline bullet after a stop: "decisions.• Developing"
                       r"|(?<=[.!?;:])\s*(?=[•·▪]\s*[A-ZÆØÅÄÖÜ])"
                       # ... and a list's marker after a colon or semicolon: "you will: ~
                       # Prepare plans; ~ Review", "You must have: - A licence", "to:*Tests",
                       # "filters: o Client; o Job" (a word processor's second-level bullet)
                       r"|(?<=[;:])\s*(?=[~*]\s*[A-ZÆØÅÄÖÜ])|(?<=[;:])\s+(?=[-–o]\s+[A-ZÆØÅÄÖÜ])"
                       # a bullet inside a line ("•", "▪", "·"), also as mis-decoded UTF-8
                       # ("â€¢"), and a tab-separated numbered item ("PowerPoint 2)\tStrong"):
                       # a list
                       r"|\s+(?=(?:â€¢|[•▪·])\s*[A-ZÆØÅÄÖÜ])|\s+(?=\d{1,2}\)\t)"
                       # a glyph that only ever marks a list's item, spaced or glued to the
                       # item before ("essential↪ Asset qualifications", "choice.▶ Our")
                       rf"|(?<=\S)\s*(?=[{LIST_GLYPHS}]\s*[A-ZÆØÅÄÖÜ])"
                       # text scraped without the space: "in 20 years.We are..."
                       r"|(?<=[a-zæøåäöüß]{2})[.!?](?=[A-ZÆØÅÄÖÜ][a-zæøåäöüß’'])")
#: Where a match of _BOUNDARY can start is found from these: a stop (the match starts at
#: it), a bullet or a numbered item's ")\t" (the match starts in the white space before it,
#: or at the bullet itself just after a stop), a colon or semicolon before a list's marker
#: (the match starts after it).
_BOUNDARY_HINT = re.compile(rf"[.!?•·▪{LIST_GLYPHS}]|â€¢|\)\t|[;:]\s*[~*\-–o]")


#: After a list's marker that follows a colon or semicolon ("You must have: - A licence"), the
#: same marker before a capital further on in the block opens the next item ("- A car"),
#: with or without a semicolon before it
_MARKERS = (("~", r"\s*"), ("*", r"\s*"), ("-", r"\s+"), ("–", r"\s+"), ("o", r"\s+"))
_LIST_ITEMS = {marker: re.compile(rf"\s+(?={re.escape(marker)}{space}[A-ZÆØÅÄÖÜ])")
               for marker, space in _MARKERS}
#: ... when the list opens there: the marker itself before a capital ("o Client", not "our")
_LIST_OPENS = {marker: re.compile(rf"{re.escape(marker)}{space}[A-ZÆØÅÄÖÜ]")
               for marker, space in _MARKERS}


def _boundaries(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """What ``_BOUNDARY.finditer(text, start, end)`` gives, trying the pattern only where a
    match can start (:data:`_BOUNDARY_HINT`) instead of at every character; and where a list
    opened after a colon or semicolon goes on (:data:`_LIST_ITEMS`)."""
    candidates: dict[int, re.Pattern[str]] = {}
    lists: list[tuple[int, str]] = []  # where a list opens, and its marker
    if start > 0 and text[start - 1] in ";:":  # (a list's marker may follow one just before)
        candidates[start] = _BOUNDARY
    for hint in _BOUNDARY_HINT.finditer(text, start, end):
        at = hint.start()
        c = text[at]
        if c in ".!?":
            # not a stop after another: a match there would be one of the match at the first
            # stop of the run (whose [.!?]+ takes them all), and trying every stop of a long
            # run ("........") read the run again each time: a quadratic time
            if at == start or text[at - 1] not in ".!?":
                candidates[at] = _BOUNDARY
        elif c in ";:":  # a list's marker after it: the match starts after the ";" or ":"
            candidates[at + 1] = _BOUNDARY
            marker = text[hint.end() - 1]
            if _LIST_OPENS[marker].match(text, hint.end() - 1, end):
                lists.append((hint.end(), marker))
        else:  # a bullet, or ")\t" after one or two digits: the white space before it
            ends = (at,) if c != ")" else (at - 1, at - 2)
            for last in ends:
                candidates[last] = _BOUNDARY
                while last > start and text[last - 1].isspace():
                    last -= 1
                    candidates[last] = _BOUNDARY
    scanned: set[str] = set()
    for after, marker in lists:
        # (each marker's items from its first list on: a later list of the same marker finds
        # none that its first did not, and reading to the end from each list was quadratic)
        if marker in scanned:
            continue
        scanned.add(marker)
        items = _LIST_ITEMS[marker]
        for item in items.finditer(text, after, end):
            candidates.setdefault(item.start(), items)
    done, empty_at = start, -1
    for at in sorted(candidates):
        if at < done or at == empty_at or at > end:
            continue
        m = candidates[at].match(text, at, end)
        if m is None:
            continue
        yield m
        done = m.end()
        if m.end() == at:  # an empty match: the next one starts later
            empty_at = at


#: Abbreviations that often end a sentence, and the words that show a new one begins.
_ENDS_SENTENCES = frozenset({"etc", "usw", "osv"})
_STARTERS = frozenset("The A An We You This It Our In For He She They All Please If As "
                      "Applicants Candidates Der Die Das Wir Sie Du Bei Vi Du Det Den Hvis".split())
_NEXT_WORD = re.compile(r"[\"'“‘(\[]?([^\W\d_]+)")


def _is_boundary(text: str, start: int, m: re.Match[str], abbreviations: frozenset[str]) -> bool:
    if not m.group().startswith("."):
        return True  # "!" and "?" always end a sentence
    end = m.start() + 1  # the word the stop ends: back to the space before it
    begin = end
    while begin > start and not text[begin - 1].isspace():
        begin -= 1
    token = text[begin:end].lower().rstrip(".").lstrip("(\"'“‘[")
    if (m.end() == m.start() + 1 and any(c in token for c in "/@")) or token.startswith("www"):
        return False  # a glued stop inside an address: "www.example.Com"
    if token in _ENDS_SENTENCES:  # "etc." ends a sentence when a new one starts after it
        following = _NEXT_WORD.match(text, m.end())
        return bool(following and following.group(1) in _STARTERS)
    if token in abbreviations or (len(token) == 1 and token.isalpha()):
        return False
    if re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", token):
        return False  # "u.s", "z.b", "e.g": dotted initialisms
    if token.isdigit() and len(token) <= 2:
        following = _NEXT_WORD.match(text, m.end())
        if following and following.group(1).lower() in segmentation_data().months:
            return False  # "31. März 2026"
    return True


def split_sentences(text: str, blocks: Sequence[Block], language: str = "en") -> list[Sentence]:
    """Each block's sentences; the abbreviations are English's and ``language``'s own."""
    abbreviations = segmentation_data().abbreviations_for(language)
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        start = block.start
        for m in _boundaries(text, block.start, block.end):
            if not _is_boundary(text, start, m, abbreviations):
                continue
            end = m.start() + len(m.group().rstrip())
            s, e = strip_span(text, start, end)
            if e > s:
                sentences.append(Sentence(s, e, text[s:e], index))
            start = m.end()
        s, e = strip_span(text, start, block.end)
        if e > s:
            sentences.append(Sentence(s, e, text[s:e], index))
    return sentences
