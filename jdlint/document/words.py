"""A text's words, found once and shared: every rule that looks for words (terms, place
names, cue words) asks this index instead of scanning the whole text again.

The text is lowercased with its offsets kept ("İ", whose lowercase is two characters, is
kept as "i"), and its words are runs of ``\\w`` ("plain": what ``\\b`` delimits) or of
``\\w`` and ``-`` ("hyphenated": a phrase's words may be joined by hyphens). Each distinct
word is kept with its offsets; the words that begin with a prefix are a binary search away.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..literals import leading_literals

HYPHENATED_WORD = re.compile(r"[\w\-]+")
PLAIN_WORD = re.compile(r"\w+")


_NONE: list[int] = []  # no offsets (shared: callers never change what they are given)


class Words:
    __slots__ = ("_hyphenated", "_index", "_plain", "_starts", "lower", "lower_exact", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        lower = text.lower()
        #: whether ``lower`` is ``text.lower()`` (no character's lowercase is longer)
        self.lower_exact = len(lower) == len(text)
        if not self.lower_exact:  # "İ" is "i" and a combining dot: keep the first
            lower = "".join(c if len(c) == 1 else c[0] for c in map(str.lower, text))
        self.lower = lower
        self._hyphenated: dict[str, list[int]] | None = None
        self._plain: dict[str, list[int]] | None = None
        self._index: dict[bool, list[str]] = {}
        self._starts: dict[tuple[str, bool], list[int]] = {}

    def table(self, hyphens: bool = False) -> dict[str, list[int]]:
        """Each distinct (lowercased) word with its offsets in order. The plain words are
        cut from the hyphenated ones, which come from one regex pass."""
        hyphenated = self._hyphenated
        if hyphenated is None:
            hyphenated = {}
            for m in HYPHENATED_WORD.finditer(self.lower):
                hyphenated.setdefault(m.group(), []).append(m.start())
            self._hyphenated = hyphenated
        if hyphens:
            return hyphenated
        plain = self._plain
        if plain is None:
            # the words without a hyphen are plain words as they are (their lists shared with
            # the hyphenated table, never changed); a hyphenated word's parts join them
            plain = {w: starts for w, starts in hyphenated.items() if "-" not in w}
            merged: set[str] = set()  # words whose offsets come from more than one run
            owned: set[str] = set()  # words whose list is this table's own (may grow)
            for word, starts in hyphenated.items():
                if "-" not in word:
                    continue
                offset = 0
                for part in word.split("-"):
                    if part:
                        shifted = [s + offset for s in starts]
                        if part not in plain:
                            plain[part] = shifted
                            owned.add(part)
                        else:  # (grown in place once owned: "a-a-a-..." copied it each time)
                            if part not in owned:  # the first may be the hyphenated table's
                                plain[part] = list(plain[part])
                                owned.add(part)
                            plain[part] += shifted
                            merged.add(part)
                    offset += len(part) + 1
            for word in merged:
                plain[word].sort()
            self._plain = plain
        return plain

    def starts(self, prefix: str, hyphens: bool = False) -> list[int]:
        """The offsets of the words that begin with ``prefix`` (lowercase); do not change
        the list (it is kept for the next caller)."""
        key = (prefix, hyphens)
        found = self._starts.get(key)
        if found is not None:
            return found
        words = self._index.get(hyphens) or self.sorted_words(hyphens)
        i = bisect.bisect_left(words, prefix)
        if i == len(words) or not words[i].startswith(prefix):
            found = self._starts[key] = _NONE  # most prefixes asked are no word's
            return found
        table = self.table(hyphens)
        found = []
        while i < len(words) and words[i].startswith(prefix):
            found += table[words[i]]
            i += 1
        self._starts[key] = found
        return found

    def sorted_words(self, hyphens: bool = False) -> list[str]:
        """The distinct words in order (where those with a prefix are a binary search away)."""
        words = self._index.get(hyphens)
        if words is None:
            words = self._index[hyphens] = sorted(self.table(hyphens))
        return words

    def offsets(self, words: Iterable[str]) -> list[int]:
        """Where any of ``words`` (lowercase, whole plain words) stands, in text order."""
        table = self.table()
        out = [p for w in words for p in table.get(w, ())]
        out.sort()
        return out


#: Shorter texts are searched whole: the index would cost more than it saves.
INDEXED_FROM = 1500

# the last two long texts seen (the rules look at one posting, now and then at a long part of
# it), and apart from them the last four short ones (a sentence a term list is asked about),
# so that a sentence never pushes the posting's index out; each tuple is swapped whole, so
# another thread reads one or the other
_recent: tuple[Words, ...] = ()
_recent_short: tuple[Words, ...] = ()


def words_of(text: str) -> Words:
    """The word index of ``text``, shared with whoever asked for the same text lately."""
    global _recent, _recent_short
    long = len(text) >= INDEXED_FROM
    recent = _recent if long else _recent_short
    for words in recent:
        if words.text is text:
            return words
    words = Words(text)
    if long:
        _recent = (words, *recent[:1])
    else:
        _recent_short = (words, *recent[:3])
    return words


def indexed(text: str) -> bool:
    """Whether ``text``'s word index is at hand (a posting the rules are looking at)."""
    return any(words.text is text for words in _recent)


def occurrences(haystack: str, needle: str) -> list[int]:
    """Where ``needle`` stands in ``haystack``, every time (overlapping ones too)."""
    out = []
    pos = haystack.find(needle)
    while pos >= 0:
        out.append(pos)
        pos = haystack.find(needle, pos + 1)
    return out


class KeyedPattern:
    """A compiled regex whose every match begins with one of a few literal texts (read from its
    parse tree: :func:`~jdlint.literals.leading_literals`). ``finditer`` over a posting tries
    it only where those texts stand, found through the shared word index when a match must
    start a word: what a search does, without trying the pattern at every character. Anything
    else goes to the pattern."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    @property
    def keys(self) -> tuple[tuple[str, bool, bool], ...] | None:
        return leading_literals(self.pattern.pattern, self.pattern.flags)  # read once: cached

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if len(text) < INDEXED_FROM or (keys := self.keys) is None:
            return self.pattern.finditer(text)
        return matches_at(self.pattern, text, key_positions(words_of(text), keys))

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        """``pattern.search``; over a posting whose word index is at hand, the first of
        ``finditer``'s matches (the leftmost, as a search finds). A long sentence is searched:
        indexing it would cost more than the search."""
        if bounds or len(text) < INDEXED_FROM or self.keys is None or not indexed(text):
            return self.pattern.search(text, *bounds)
        return next(self.finditer(text), None)


def key_positions(words: Words, keys: Iterable[tuple[str, bool, bool]]) -> list[int]:
    """Where each key (:func:`~jdlint.literals.leading_literals`) stands in the text: at a
    word start when it must be, as a whole word when it must end one (in no given order)."""
    plan = _key_plan(tuple(keys))
    lower = words.lower
    table = words.table()
    out: list[int] = []
    for key in plan.found:
        out += occurrences(lower, key)
    # (a set operation over the keys or the text's words, whichever are fewer)
    for word in plan.words & table.keys():  # the key is a word
        out += table[word]
    for prefix in plan.prefixes:  # the key begins a word
        out += words.starts(prefix)
    # the key goes on past a word: each word it goes on past stands whole there; a key is
    # looked for only when the text has its gate word (its longest), and then from the one
    # word of its words the text has fewest of ("trust" of "the trust", not each of a
    # posting's hundred "the")
    for gate in plan.gates.keys() & table.keys():
        for key, whole in plan.gates[gate]:
            found, shift = _NONE, 0
            for word, at in whole:
                offsets = table.get(word)
                if offsets is None:
                    found = _NONE
                    break
                if found is _NONE or len(offsets) < len(found):
                    found, shift = offsets, at
            if not shift:
                out += [p for p in found if lower.startswith(key, p)]
            else:  # ... and the key's first word starts a word there
                out += [p for q in found if (p := q - shift) >= 0
                        and lower.startswith(key, p) and not _word_char(lower, p - 1)]
    return out


def _word_char(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a word character (``\\w``); False before the text's start."""
    if i < 0:
        return False
    c = text[i]
    return c.isalnum() or c == "_"


@dataclass(frozen=True, slots=True)
class _KeyPlan:
    """How :func:`key_positions` looks for a set of keys."""

    found: tuple[str, ...]  # found with ``str.find`` (a match need not start a word)
    words: frozenset[str]  # whole words: looked up
    prefixes: tuple[str, ...]  # the first letters of a word: a binary search
    # keys that go on past their first word ("the trust"), by their gate word (the longest of
    # their whole words), each with its whole words and their offsets in the key
    gates: dict[str, tuple[tuple[str, tuple[tuple[str, int], ...]], ...]]


@lru_cache(maxsize=1024)
def _key_plan(keys: tuple[tuple[str, bool, bool], ...]) -> _KeyPlan:
    """The keys of :func:`key_lookups` sorted by how they are found. A key that goes on past
    its first word stands where each run of word characters it goes on past is a whole word
    (and its last run too when it must end a word: a match needs the key to)."""
    found, words, prefixes = [], set(), []
    gates: dict[str, list[tuple[str, tuple[tuple[str, int], ...]]]] = defaultdict(list)
    for key, head, ends_word in key_lookups(keys):
        if head is None:
            found.append(key)
        elif head == key and ends_word:
            words.add(key)
        elif head == key:
            prefixes.append(key)
        else:
            whole = tuple((m.group(), m.start()) for m in PLAIN_WORD.finditer(key)
                          if m.end() < len(key) or ends_word)
            gates[max((w for w, _ in whole), key=len)].append((key, whole))
    return _KeyPlan(tuple(found), frozenset(words), tuple(prefixes),
                    {gate: tuple(keys) for gate, keys in gates.items()})


@lru_cache(maxsize=1024)
def key_lookups(keys: tuple[tuple[str, bool, bool], ...]) -> tuple[tuple[str, str | None, bool],
                                                                     ...]:
    """Each key with the word it begins with when a match must start a word there (None:
    found with ``str.find``), and whether it must end one: read once per set of keys."""
    plan = []
    for key, at_word, ends_word in keys:
        head = PLAIN_WORD.match(key) if at_word else None
        plan.append((key, head.group() if head is not None else None, ends_word))
    return tuple(plan)


def on_lines(pattern: re.Pattern[str], text: str, hints: Iterable[int]) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in ``text``, searched only on the lines where ``hints`` (offsets
    found cheaply: a literal, a word from the index) fall, each line once, in order. The same as
    searching the whole text for a pattern whose matches stay on one line (no ``\\s``, ``$``
    or ``^`` in it) and hold a hint each: a regex pass over a few lines instead of all."""
    done = -1
    for pos in sorted(hints):
        if pos < done:
            continue
        line_start = text.rfind("\n", 0, pos) + 1
        line_end = text.find("\n", pos)
        if line_end < 0:
            line_end = len(text)
        yield from pattern.finditer(text, line_start, line_end)
        done = line_end + 1


def matches_holding(pattern: re.Pattern[str], holds: str, text: str,
                    positions: Iterable[int]) -> Iterator[re.Match[str]]:
    r"""What ``pattern.finditer(text)`` gives that holds one of ``positions``, for a pattern
    whose matches hold only characters of the class ``holds`` (``r"\w. \-"``): each search
    starts after the last character before the position that no match can hold, so a long
    line is not searched from its start for every position."""
    apart = _apart(holds)
    done = 0
    for pos in sorted(set(positions)):
        if pos < done:
            continue  # in the match before
        # no match reaches over the character before ``start``: the matches from there on
        # are the whole text's (and after ``done``, the end of one of them)
        start = max(done, text.rfind("\n", 0, pos) + 1)
        gap = apart.search(text, start, pos)
        if gap is not None:
            start = gap.start() + 1
        for m in pattern.finditer(text, start):
            if m.end() <= pos:
                continue
            if m.start() <= pos:
                yield m
                done = m.end()
            break


@lru_cache(maxsize=16)
def _apart(holds: str) -> re.Pattern[str]:
    """The last character of a text that is not in the class ``holds``."""
    return re.compile(rf"[^{holds}][{holds}]*\Z")


def matches_at(pattern: re.Pattern[str], text: str,
               starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` gives, for a pattern whose every match starts at one of
    ``starts``: tried there only, left to right, none overlapping the one before."""
    end = -1
    for pos in sorted(set(starts)):
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m is not None and m.end() > pos:
            yield m
            end = m.end()


def sentence_keys(words: Words, starts: Sequence[int], ends: Sequence[int],
                  keys: Iterable[tuple[str, bool, bool]] | None) -> dict[int, list[int]] | None:
    """Where one of ``keys`` (:func:`leading_literals`) stands, by sentence (spans of the text,
    in order and disjoint, given by their ``starts`` and ``ends``): sentence index -> the
    offsets in the text, in order. A pattern whose every match begins with a key can match a
    sentence only there. None when the keys are unknown (anywhere)."""
    if keys is None:
        return None
    keys = tuple(keys)
    found: dict[int, set[int]] = {}
    for p in key_positions(words, keys):
        i = bisect.bisect_right(starts, p) - 1
        if i >= 0 and p < ends[i]:
            found.setdefault(i, set()).add(p)
    # a sentence's first word starts a word in the sentence, whatever stands before it
    heads = _heads_by_first(keys)
    if heads:
        lower = words.lower
        for i, s in enumerate(starts):
            if (first := heads.get(lower[s:s + 1])) and lower.startswith(first, s):
                found.setdefault(i, set()).add(s)
    return {i: sorted(offsets) for i, offsets in found.items()}


@lru_cache(maxsize=256)
def _heads_by_first(keys: tuple[tuple[str, bool, bool], ...]) -> dict[str, tuple[str, ...]]:
    """The keys that must start a word, by their first character."""
    heads: dict[str, list[str]] = {}
    for key, at_word, _ in keys:
        if at_word and key:
            heads.setdefault(key[0], []).append(key)
    return {first: tuple(found) for first, found in heads.items()}


def first_kinds(words: Words, sentences: Sequence[tuple[int, int, str]],
                patterns: Iterable[tuple[str, re.Pattern[str]]],
                keys: Mapping[str, Sequence[tuple[str, bool, bool]] | None]) -> list[str]:
    """For each sentence ((start, end, text) spans of the text, in order and disjoint), the
    first kind whose pattern ``search``-es it, or "": each kind in turn is tried only at the
    offsets where one of its ``keys`` (:func:`leading_literals`) stands, and where a sentence
    begins with one, in the sentences no earlier kind took (a kind whose keys are None is
    searched for in each of them whole)."""
    out = [""] * len(sentences)
    starts = [s for s, _, _ in sentences]
    lower = words.lower
    for kind, pattern in patterns:
        kind_keys = keys.get(kind)
        if kind_keys is None:
            for i, (_, _, text) in enumerate(sentences):
                if not out[i] and pattern.search(text):
                    out[i] = kind
            continue
        kind_keys = tuple(kind_keys)
        # (each offset once: a sentence that begins with a key where a word begins is found
        # both ways; which offset takes a sentence does not matter, only whether one does)
        positions = set(key_positions(words, kind_keys))
        # a sentence's first word starts a word in the sentence, whatever stands before it
        heads = _heads_by_first(kind_keys)
        if heads:
            positions.update(s for s in starts if (first := heads.get(lower[s:s + 1]))
                             and lower.startswith(first, s))
        for p in positions:
            i = bisect.bisect_right(starts, p) - 1
            if i < 0 or out[i]:
                continue
            start, end, text = sentences[i]
            if p < end and pattern.match(text, p - start):
                out[i] = kind
    return out


def first_kind(sentence: str, start: int, index: int,
               patterns: Iterable[tuple[str, re.Pattern[str]]],
               where: Mapping[str, dict[int, list[int]] | None]) -> str:
    """The first kind whose pattern ``search``-es ``sentence`` (sentence ``index`` of the text,
    at offset ``start``), trying each pattern only at the offsets ``where`` gives for it
    (:func:`sentence_keys`; None: searched whole), or ""."""
    for kind, pattern in patterns:
        found = where.get(kind)
        if found is None:
            if pattern.search(sentence):
                return kind
        elif index in found and any(pattern.match(sentence, p - start) for p in found[index]):
            return kind
    return ""
