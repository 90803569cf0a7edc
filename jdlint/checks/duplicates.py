"""Repeated blocks: copy-paste accidents within a posting, and boilerplate shared across postings.

Blocks (paragraphs, bullets, headings) are compared by their words, lowercased, so whitespace,
punctuation and case do not matter. Near-duplicates ("a few words changed") are found through
an index of word pairs (shingles), then compared word by word (difflib). Consecutive repeated blocks
merge into one finding, so a posting pasted twice is one finding, not dozens. Everything is a
dictionary lookup per block or shingle: near-linear in the length of the posting.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..document import Document
from ..document.blocks import Block
from ..model import Category, CrossFinding, Example, RuleDocs, RuleMeta, Severity, Violation
from ..rule import Rule

_WORDS = re.compile(r"[^\W_]+", re.UNICODE)
_CANDIDATES = 4  # earlier occurrences tried per repeated block (keeps runs linear)
_SHINGLE_POSTINGS = 40  # a shingle seen in more blocks than this is boilerplate, not evidence

_PARA = ("You will design and run the data pipelines that feed our planning tools, and you "
         "will work closely with the analysts who use them every day.")


@dataclass(frozen=True, slots=True)
class _Unit:
    key: str
    words: int
    kind: str


def _shingles(words: Sequence[str]) -> set[int]:
    if len(words) < 2:
        return {hash(tuple(words))}
    return {hash((words[i], words[i + 1])) for i in range(len(words) - 1)}


class _Classifier:
    """Gives each block a class: equal for exact (normalised) and near-duplicate blocks."""

    def __init__(self, min_words: int, similarity: float) -> None:
        self.min_words = min_words
        self.similarity = similarity
        self.by_key: dict[str, int] = {}
        self.index: defaultdict[int, list[int]] = defaultdict(list)
        self.shingles: list[set[int]] = []
        self.words: list[Sequence[str]] = []
        self.classes: list[int] = []
        self.score: list[float] = []  # 1.0 for exact, the word similarity for near

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
            overlap: Counter[int] = Counter()
            for s in sh:
                postings = self.index[s]
                if len(postings) <= _SHINGLE_POSTINGS:
                    overlap.update(postings)
                postings.append(i)
            for j, shared in overlap.most_common(_CANDIDATES):
                if shared < 0.3 * min(len(sh), len(self.shingles[j])):
                    break  # too little in common to be a copy
                score = _similarity(self.words[j], words, short=unit.words < 2 * self.min_words)
                if score >= self.similarity and score > best_score:
                    best, best_score = self.classes[j], score
        self.classes.append(best)
        self.score.append(best_score if best != i else 1.0)


def _similarity(a: Sequence[str], b: Sequence[str], short: bool) -> float:
    """difflib's ratio over words (2 * matching words / all words). In short blocks a swapped
    word is usually deliberate ("If you are a backend developer..." / "...a frontend
    developer..."), while an added or dropped word is a copy that was edited: there only
    additions and deletions count as near."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if short and any(tag == "replace" for tag, *_ in matcher.get_opcodes()):
        return 0.0
    return matcher.ratio()


def _units(blocks: Sequence[Block]) -> tuple[list[_Unit], list[list[str]]]:
    words = [_WORDS.findall(b.text.lower()) for b in blocks]
    return [_Unit(" ".join(w), len(w), b.kind) for b, w in zip(blocks, words, strict=True)], words


@dataclass(frozen=True)
class Repeat:
    first: int  # block index of the earlier copy
    start: int  # block index where the repeat starts
    length: int  # how many blocks
    similarity: float


def find_repeats(blocks: Sequence[Block], min_words: int, similarity: float) -> list[Repeat]:
    units, words = _units(blocks)
    classifier = _Classifier(min_words, similarity)
    for unit, w in zip(units, words, strict=True):
        classifier.add(unit, w)
    cls = classifier.classes
    seen: defaultdict[int, list[int]] = defaultdict(list)
    repeats: list[Repeat] = []
    j, n = 0, len(blocks)
    while j < n:
        earlier = seen[cls[j]]
        best_len, best_i = 0, -1
        for i in (*earlier[:1], *earlier[-_CANDIDATES:]):
            length = 0
            while j + length < n and i + length < j and cls[i + length] == cls[j + length]:
                length += 1
            if length > best_len:
                best_len, best_i = length, i
        if best_len and _significant(units[j:j + best_len], min_words):
            score = min(classifier.score[j:j + best_len])
            repeats.append(Repeat(best_i, j, best_len, score))
            for k in range(j, j + best_len):
                seen[cls[k]].append(k)
            j += best_len
            continue
        seen[cls[j]].append(j)
        j += 1
    return repeats


def _significant(units: Sequence[_Unit], min_words: int) -> bool:
    """Headings and short lines ("Apply now", "Deadline") do not make a repeat on their own."""
    if len(units) == 1:
        return units[0].kind != "heading" and units[0].words >= min_words
    return sum(u.words for u in units if u.kind != "heading" and u.words >= 3) >= min_words


class DuplicateBlock(Rule):
    meta = RuleMeta(
        code="DUP001",
        name="duplicate-block",
        category=Category.DUPLICATES,
        severity=Severity.WARNING,
        summary="A paragraph, bullet, sentence or longer block appears twice or more.",
        options={"min-words": 8, "similarity": 0.8, "across-files": False, "allow": []},
        docs=RuleDocs(
            what="Finds paragraphs, bullets and sentences of at least `min-words` words (default "
                 "8) that repeat earlier ones, verbatim or nearly (whitespace, punctuation, case, "
                 "or a few words changed: at least `similarity`, default 0.8, of their words "
                 "match in order; in blocks shorter than twice `min-words` "
                 "only added or dropped words count, since a swapped word in a short line is "
                 "usually deliberate). Consecutive repeated blocks are one finding, so a whole "
                 "posting "
                 "pasted twice is reported once, at the start of the second copy, naming the "
                 "lines of the first. Headings and short lines do not count on their own. With "
                 "`across-files = true` (or `--across-files`) it also reports, as info, blocks "
                 "that several postings of one run share; list intended boilerplate (a company "
                 "description, an equal-opportunity statement) in `allow`: a block that "
                 "contains one of those texts is not reported across files.",
            why="Repeated text is almost always a copy-paste accident: it makes the posting "
                "longer, looks careless, and on job boards a duplicated posting body reads as "
                "spam.",
            example=f"{_PARA}\n\nWe offer a pension plan.\n\n{_PARA}",
            use_instead=f"{_PARA}\n\nWe offer a pension plan.",
            references=("jdlint's own rule.",),
            basis="good practice",
        ),
        examples=(
            Example(f"{_PARA}\n\nWe offer a pension plan.\n\n{_PARA}\n", True),
            Example(f"{_PARA}\n\n{_PARA.replace('every day', 'each day').upper()}\n", True),
            Example(f"{_PARA}\n\nYou will own the monitoring of the pipelines and the "
                    f"documentation that goes with them.\n", False),
            Example("## Requirements\n\n- Python\n\n## Nice to have\n\n- Python\n", False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        min_words = int(options["min-words"])
        blocks = doc.blocks
        repeats = find_repeats(blocks, min_words, float(options["similarity"]))
        covered: set[int] = set()
        for r in repeats:
            covered.update(range(r.start, r.start + r.length))
            covered.update(range(r.first, r.first + r.length))
            yield self._report(doc, blocks, r)
        yield from self._sentences(doc, covered, min_words)

    def _report(self, doc: Document, blocks: Sequence[Block], r: Repeat) -> Violation:
        first, last = blocks[r.first], blocks[r.first + r.length - 1]
        start, end = blocks[r.start], blocks[r.start + r.length - 1]
        line = doc.position(first.start)[0]
        near = "" if r.similarity >= 1.0 else f" nearly ({round(r.similarity * 100)}% the same)"
        data = {"first-line": line, "blocks": r.length, "similarity": round(r.similarity, 2)}
        if r.length == 1:
            what = {"bullet": "bullet", "heading": "heading"}.get(start.kind, "paragraph")
            return Violation(start.start, start.end,
                             f"this {what} repeats{near} the one on line {line}; delete one",
                             data=data)
        last_line = doc.position(last.end)[0]
        span = sum(b.end - b.start for b in blocks[r.start:r.start + r.length])
        total = sum(b.end - b.start for b in blocks)
        whole = " (was the whole posting pasted twice?)" if span * 2 >= total * 0.9 else ""
        return Violation(start.start, end.end,
                         f"these {r.length} blocks repeat{near} lines {line}-{last_line}"
                         f"{whole}; delete the copy", data=data)

    def _sentences(self, doc: Document, covered: set[int], min_words: int) -> Iterator[Violation]:
        first_at: dict[str, int] = {}
        for s in doc.sentences:
            if s.block in covered:
                continue
            words = _WORDS.findall(s.text.lower())
            if len(words) < min_words or doc.blocks[s.block].kind == "heading":
                continue
            key = " ".join(words)
            if key in first_at:
                line = doc.position(first_at[key])[0]
                yield Violation(s.start, s.end,
                                f"this sentence repeats the one on line {line}; delete one",
                                data={"first-line": line, "blocks": 1, "similarity": 1.0})
            else:
                first_at[key] = s.start

    # --- across files ---------------------------------------------------------------------
    def collect(self, doc: Document, options: Mapping[str, Any]) -> Any:
        if not options.get("across-files"):
            return None
        min_words = int(options["min-words"])
        allow = [" ".join(_WORDS.findall(str(a).lower())) for a in options.get("allow") or ()]
        units, _ = _units(doc.blocks)
        out = []
        for block, unit in zip(doc.blocks, units, strict=True):
            if unit.kind == "heading" or unit.words < min_words:
                continue
            if any(a and a in unit.key for a in allow):
                continue
            digest = hashlib.blake2b(unit.key.encode(), digest_size=12).hexdigest()
            out.append((digest, *doc.span(block.start, block.end)))
        return tuple(out)

    def across(self, collected: Sequence[tuple[str, Any]],
               options: Mapping[str, Any]) -> Iterable[CrossFinding]:
        where: defaultdict[str, list[tuple[str, tuple[int, int, int, int]]]] = defaultdict(list)
        for path, items in collected:
            for digest, *span in items or ():
                entries = where[digest]
                if not any(p == path for p, _ in entries):
                    entries.append((path, (span[0], span[1], span[2], span[3])))
        for entries in where.values():
            if len(entries) < 2:
                continue
            for path, (line, col, end_line, end_col) in entries:
                others = [f"{p}:{s[0]}" for p, s in entries if p != path]
                shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more"
                                                 if len(others) > 3 else "")
                yield CrossFinding(
                    path, line, col, end_line, end_col,
                    f"this block also appears in {shown}; if it is intended boilerplate, add "
                    "it to `allow` of duplicate-block",
                    Severity.INFO, {"files": len(entries)},
                )
