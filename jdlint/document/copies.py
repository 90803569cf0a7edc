"""Repeated blocks and pasted copies: where a posting says the same thing again.

Blocks are compared by their words, lowercased, so whitespace, punctuation and case do not
matter. Near-duplicates ("a few words changed") are found through an index of word pairs
(shingles), then compared word by word (difflib). Consecutive repeated blocks merge into one
:class:`Repeat`, so a posting pasted twice is one repeat, not dozens. Everything is a dictionary
lookup per block or shingle: near-linear in the length of the posting.

The Document keeps the copies it finds (``Document.copies``): the rules do not report a finding
again inside a copy, and document-level measures (length, balance, readability) leave copies out.
duplicate-block reports each copy once.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..datafiles import load_yaml
from .blocks import Block, union_spans

MIN_WORDS = 8  # duplicate-block's defaults: a copy is what it would report
SIMILARITY = 0.8

WORDS = re.compile(r"[^\W_]+", re.UNICODE)
_WORD_RUN = re.compile(r"\w+")


def word_list(text: str) -> list[str]:
    """``WORDS.findall(text.lower())``: runs of \\w in a text whose "_" are spaces (the engine
    checks \\w faster than [^\\W_])."""
    return _WORD_RUN.findall(text.lower().replace("_", " "))
_CANDIDATES = 4  # earlier occurrences tried per repeated block (keeps runs linear)
_SHINGLE_POSTINGS = 40  # a shingle seen in more blocks than this is boilerplate, not evidence

@dataclass(frozen=True, slots=True)
class _Unit:
    key: str
    words: int
    kind: str


def _shingles(words: Sequence[str]) -> set[tuple[str, ...]]:
    if len(words) < 2:
        return {tuple(words)}
    return set(itertools.pairwise(words))


class _Classifier:
    """Gives each block a class: equal for exact (normalised) and near-duplicate blocks."""

    def __init__(self, min_words: int, similarity: float) -> None:
        self.min_words = min_words
        self.similarity = similarity
        self.by_key: dict[str, int] = {}
        # each shingle's blocks, in order: the first apart (most shingles are in one block)
        self.first: dict[tuple[str, ...], int] = {}
        self.more: dict[tuple[str, ...], list[int]] = {}
        self.shingles: list[set[tuple[str, ...]]] = []
        self.words: list[Sequence[str]] = []
        self.classes: list[int] = []
        self.score: list[float] = []  # 1.0 for exact, the word similarity for near
        #: blocks found parallel (:func:`parallel`): equal but for their values, each its own
        self.parallels: list[tuple[int, int]] = []

    def add(self, unit: _Unit, words: Sequence[str]) -> None:
        i = len(self.classes)
        near = unit.kind != "heading" and unit.words >= self.min_words
        sh = _shingles(words) if near else set()
        self.shingles.append(sh)
        self.words.append(words)
        if unit.key in self.by_key:
            self.classes.append(self.classes[self.by_key[unit.key]])
            self.score.append(1.0)
            return
        self.by_key[unit.key] = i
        best, best_score = i, 0.0
        if sh:
            first, more = self.first, self.more
            shared = sh & first.keys()  # the shingles an earlier block has
            first.update(dict.fromkeys(sh - shared, i))
            overlap: Counter[int] = Counter()  # the earlier blocks of each shared shingle
            for s in shared:
                later = more.get(s)
                if later is None:
                    overlap[first[s]] += 1
                    more[s] = [i]
                    continue
                if len(later) < _SHINGLE_POSTINGS:
                    overlap[first[s]] += 1
                    overlap.update(later)
                later.append(i)
            # the most shingles in common first, the earliest block of equals (an order that
            # does not depend on how a set of strings happens to iterate)
            for j, shared_count in sorted(overlap.items(),
                                          key=lambda jn: (-jn[1], jn[0]))[:_CANDIDATES]:
                if shared_count < 0.3 * min(len(sh), len(self.shingles[j])):
                    break  # too little in common to be a copy
                score = _similarity(self.words[j], words, short=unit.words < 2 * self.min_words,
                                    floor=self.similarity)
                if score >= self.similarity and score > best_score:
                    if parallel(self.words[j], words):
                        self.parallels.append((j, i))
                        continue
                    best, best_score = self.classes[j], score
        self.classes.append(best)
        self.score.append(best_score if best != i else 1.0)


def _similarity(a: Sequence[str], b: Sequence[str], short: bool, floor: float = 0.0) -> float:
    """difflib's ratio over words (2 * matching words / all words). In short blocks a swapped
    word is usually deliberate ("If you are a backend developer..." / "...a frontend
    developer..."), while an added or dropped word is a copy that was edited: there only
    additions and deletions count as near. Below ``floor`` it is 0.0: difflib's upper bounds
    of the ratio (the lengths, the words in common) say so before it matches the words."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if floor and (matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor):
        return 0.0
    if short and any(tag == "replace" for tag, *_ in matcher.get_opcodes()):
        return 0.0
    return matcher.ratio()


#: The most words a change may have to be a qualifier of the same statement
_QUALIFIER = 5
#: A list's item that ends with one of these is an alternative to the next
_OR = frozenset({"or", "oder", "eller"})


@cache
def _values() -> frozenset[str]:
    return frozenset(str(load_yaml("copies.yaml")["values"]).split())


def _is_value(word: str) -> bool:
    return word in _values() or any(c.isdigit() for c in word)


def parallel(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two nearly equal blocks (their words) are parallel statements, not a copy: they
    give other values (numbers, levels, dates: ``data/copies.yaml``) in the same places, as
    alternatives and levels do ("Two years of experience as ..." / "Four years of ..."): as
    many values, not the same ones; or a stretch of words with a value where the other has a
    stretch with another; or only short changes, one with a value ("Experience as ..." / "One
    year or more experience as ..."). So are alternatives, an item that ends in "or"."""
    if (a and a[-1] in _OR) or (b and b[-1] in _OR):
        return True  # alternatives, one after the other: "Four years as a Boilermaker; or"
    values_a = [w for w in a if _is_value(w)]
    values_b = [w for w in b if _is_value(w)]
    if (not values_a and not values_b) or Counter(values_a) == Counter(values_b):
        return False
    if len(values_a) == len(values_b):
        return True
    changes = [(a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2
               in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
               if tag != "equal"]
    for here, there in changes:
        values_here = [w for w in here if _is_value(w)]
        values_there = [w for w in there if _is_value(w)]
        if values_here and values_there and values_here != values_there:
            return True
    # every change a short qualifier, one of them with a value ("one year or more")
    return all(len(here) + len(there) <= _QUALIFIER for here, there in changes) and any(
        _is_value(w) for here, there in changes for w in (*here, *there))


def block_units(blocks: Sequence[Block], words: Sequence[list[str]] | None = None,
                ) -> tuple[list[_Unit], Sequence[list[str]]]:
    """Each block's unit, and its words (``words``: each block's :func:`word_list`, when
    known)."""
    if words is None:
        words = [word_list(b.text) for b in blocks]
    return [_Unit(" ".join(w), len(w), b.kind) for b, w in zip(blocks, words, strict=True)], words


@dataclass(frozen=True)
class Repeat:
    first: int  # block index of the earlier copy
    start: int  # block index where the repeat starts
    length: int  # how many blocks
    similarity: float


def find_repeats(blocks: Sequence[Block], min_words: int, similarity: float,
                 words: Sequence[list[str]] | None = None) -> list[Repeat]:
    """The runs of blocks that repeat earlier ones (``words``: each block's
    :func:`word_list`, when known)."""
    return find_copies(blocks, min_words, similarity, words)[0]


def find_copies(blocks: Sequence[Block], min_words: int, similarity: float,
                words: Sequence[list[str]] | None = None) -> tuple[list[Repeat], list[int]]:
    """The runs of blocks that repeat earlier ones, and each block's family of parallel
    blocks (the index of its first member; a block with no parallel is its own): blocks that
    say the same but for their values ("Two years of ..." / "Four years of ...") are kept
    apart, and what they share ("a degree from an accredited school") is theirs, no copy."""
    units, words = block_units(blocks, words)
    classifier = _Classifier(min_words, similarity)
    for unit, w in zip(units, words, strict=True):
        classifier.add(unit, w)
    family = list(range(len(blocks)))

    def root(k: int) -> int:
        while family[k] != k:
            family[k] = family[family[k]]
            k = family[k]
        return k

    for a, b in classifier.parallels:
        ra, rb = root(a), root(b)
        if ra != rb:
            family[max(ra, rb)] = min(ra, rb)
    families = [root(k) for k in range(len(blocks))]
    cls = classifier.classes
    seen: defaultdict[int, list[int]] = defaultdict(list)
    repeats: list[Repeat] = []
    j, n = 0, len(blocks)
    common = _CommonRuns(cls)
    counted = _counted_words(units)
    while j < n:
        earlier = seen[cls[j]]
        best_len, best_i = 0, -1
        for i in (*earlier[:1], *earlier[-_CANDIDATES:]):
            length = common.length(i, j, min(j - i, n - j))
            if length == 1 and units[i].kind == "heading":
                continue  # a title said again as the body's first line: a heading alone is none
            if length > best_len:
                best_len, best_i = length, i
        if best_len > _CommonRuns.LINEAR and _significant_run(units, counted, j, best_len,
                                                               min_words):
            best_len = common.verified(best_i, j, best_len)
        if best_len and _significant_run(units, counted, j, best_len, min_words):
            score = min(classifier.score[j:j + best_len])
            repeats.append(Repeat(best_i, j, best_len, score))
            for k in range(j, j + best_len):
                seen[cls[k]].append(k)
            j += best_len
            continue
        seen[cls[j]].append(j)
        j += 1
    return repeats, families


class _CommonRuns:
    """How many classes two places of a sequence have in common from there on. Compared one
    by one for the first ``LINEAR`` (most runs are short); a longer run is measured by a
    binary search over prefix hashes (Karp-Rabin), so that a file of thousands of the same
    short line is not compared from its start at each of them (a quadratic time)."""

    LINEAR = 64
    _MOD = (1 << 61) - 1
    _BASE = 1_000_003

    def __init__(self, cls: Sequence[int]) -> None:
        self.cls = cls
        self._prefix: list[int] | None = None
        self._powers: list[int] = []

    def length(self, i: int, j: int, limit: int) -> int:
        """The length of the common run of ``cls[i:]`` and ``cls[j:]``, at most ``limit``."""
        cls = self.cls
        length = 0
        while length < limit and length < self.LINEAR:
            if cls[i + length] != cls[j + length]:
                return length
            length += 1
        if length == limit:
            return length
        low, high = length, limit  # the first ``low`` are equal; no more than ``high``
        while low < high:
            middle = (low + high + 1) // 2
            if self._hash(i, middle) == self._hash(j, middle):
                low = middle
            else:
                high = middle - 1
        return low

    def verified(self, i: int, j: int, length: int) -> int:
        """``length`` checked one by one (a copy is never made of a hash collision); done for
        the runs that are reported, each of which the search then leaves behind."""
        k = 0
        while k < length and self.cls[i + k] == self.cls[j + k]:
            k += 1
        return k

    def _hash(self, start: int, length: int) -> int:
        prefix = self._prefix
        if prefix is None:
            prefix, powers, h, p = [0], [1], 0, 1
            for c in self.cls:
                h = (h * self._BASE + c + 1) % self._MOD
                p = p * self._BASE % self._MOD
                prefix.append(h)
                powers.append(p)
            self._prefix, self._powers = prefix, powers
        return (prefix[start + length] - prefix[start] * self._powers[length]) % self._MOD


def _counted_words(units: Sequence[_Unit]) -> list[int]:
    """The words that make a run of blocks significant, summed from the first block: those of
    the blocks that are no heading and have three words or more."""
    out = [0]
    for u in units:
        out.append(out[-1] + (u.words if u.kind != "heading" and u.words >= 3 else 0))
    return out


def _significant_run(units: Sequence[_Unit], counted: list[int], start: int, length: int,
                     min_words: int) -> bool:
    """Whether ``units[start:start + length]`` make a repeat: headings and short lines ("Apply
    now", "Deadline") do not on their own. From the sums of :func:`_counted_words`, not a
    pass over the run at each block."""
    if length == 1:
        return units[start].kind != "heading" and units[start].words >= min_words
    return counted[start + length] - counted[start] >= min_words


def copy_spans(blocks: Sequence[Block], repeats: Sequence[Repeat]) -> list[tuple[int, int]]:
    """The text spans of the later copies, sorted and disjoint."""
    return union_spans(sorted((blocks[r.start].start, blocks[r.start + r.length - 1].end)
                              for r in repeats))
