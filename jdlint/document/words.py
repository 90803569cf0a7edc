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
from collections.abc import Iterable

HYPHENATED_WORD = re.compile(r"[\w\-]+")
PLAIN_WORD = re.compile(r"\w+")


class Words:
    __slots__ = ("_hyphenated", "_index", "_plain", "lower", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        lower = text.lower()
        if len(lower) != len(text):  # "İ" is "i" and a combining dot: keep the first
            lower = "".join(c if len(c) == 1 else c[0] for c in map(str.lower, text))
        self.lower = lower
        self._hyphenated: dict[str, list[int]] | None = None
        self._plain: dict[str, list[int]] | None = None
        self._index: dict[bool, list[str]] = {}

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
            plain = {}
            for word, starts in hyphenated.items():
                if "-" not in word:
                    plain.setdefault(word, []).extend(starts)
                    continue
                offset = 0
                for part in word.split("-"):
                    if part:
                        plain.setdefault(part, []).extend(s + offset for s in starts)
                    offset += len(part) + 1
            for starts in plain.values():
                starts.sort()
            self._plain = plain
        return plain

    def starts(self, prefix: str, hyphens: bool = False) -> list[int]:
        """The offsets of the words that begin with ``prefix`` (lowercase)."""
        table = self.table(hyphens)
        words = self._index.get(hyphens)
        if words is None:
            words = self._index[hyphens] = sorted(table)
        i = bisect.bisect_left(words, prefix)
        out: list[int] = []
        while i < len(words) and words[i].startswith(prefix):
            out += table[words[i]]
            i += 1
        return out

    def offsets(self, words: Iterable[str]) -> list[int]:
        """Where any of ``words`` (lowercase, whole plain words) stands, in text order."""
        table = self.table()
        out = [p for w in words for p in table.get(w, ())]
        out.sort()
        return out


_last = Words("")  # the last text seen (rules and place look at the same text); swapped whole


def words_of(text: str) -> Words:
    """The word index of ``text``, shared with whoever asked for the same text last."""
    global _last
    last = _last  # one read: another thread may replace it
    if last.text is text:
        return last
    last = _last = Words(text)
    return last
