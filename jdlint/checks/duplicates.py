"""Repeated blocks: copy-paste accidents within a posting, and boilerplate shared across postings.

Finding the repeats is the document model's (``jdlint.document.copies``): the other rules use
the same copies to stay silent inside them. This rule reports them, and compares files.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..document import Document
from ..document.blocks import Block
from ..document.copies import (
    MIN_WORDS,
    SIMILARITY,
    Repeat,
    block_units,
    find_copies,
    word_list,
)
from ..model import Category, CrossFinding, Example, RuleDocs, RuleMeta, Severity, Violation
from ..rule import Rule

_PARA = ("You will design and run the data pipelines that feed our planning tools, and you "
         "will work closely with the analysts who use them every day.")


#: The most words a posting's first line has to be its title
_TITLE_WORDS = 15


def _title_block(doc: Document, blocks: Sequence[Block]) -> int | None:
    """The index of the posting's title: its first block, when that is a heading or a short
    line that is no sentence. Boards repeat the title in a posting's details ("Posting Title"
    / "Job title:"): a title said again is no pasted copy."""
    first = next((i for i, b in enumerate(blocks) if b.text.strip()), None)
    if first is None:
        return None
    block = blocks[first]
    line = block.text.strip()
    # a short line that is no sentence ("Join our team today." is one)
    short = len(doc.block_words[first]) <= _TITLE_WORDS and "\n" not in line \
        and not line.endswith((".", "!", "?"))
    return first if block.kind == "heading" or short else None


class DuplicateBlock(Rule):
    sees_copies = True  # it reports the copies the other rules are silent in
    reads_languages = None  # (it reads no words: any language)
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
                 "usually deliberate). Blocks that say the same but give other numbers, "
                 "levels or dates in the same places are parallel statements, not copies "
                 "(\"Two years of experience as ...; or\" / \"Four years of experience as "
                 "...\", \"Level II\" / \"Level III\"), and the sentences they share are "
                 "theirs. Consecutive repeated blocks are one finding, so a whole "
                 "posting "
                 "pasted twice is reported once, at the start of the second copy, naming the "
                 "lines of the first. Headings and short lines do not count on their own, nor "
                 "the posting's title said again in its details. With "
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
        similarity = float(options["similarity"])
        blocks = doc.blocks
        repeats, families = ((doc.repeats, doc.parallel_families)
                             if (min_words, similarity) == (MIN_WORDS, SIMILARITY)
                             else find_copies(blocks, min_words, similarity, doc.block_words))
        covered: set[int] = set()
        title = _title_block(doc, blocks)
        for r in repeats:
            covered.update(range(r.start, r.start + r.length))
            covered.update(range(r.first, r.first + r.length))
            if r.length == 1 and r.first == title:
                continue  # the title again, as a field's value ("Posting Title" / the title)
            yield self._report(doc, blocks, r)
        yield from self._sentences(doc, covered, min_words, families)

    def _report(self, doc: Document, blocks: Sequence[Block], r: Repeat) -> Violation:
        first, last = blocks[r.first], blocks[r.first + r.length - 1]
        start, end = blocks[r.start], blocks[r.start + r.length - 1]
        line = doc.position(first.start)[0]
        near = "" if r.similarity >= 1.0 else f" nearly ({round(r.similarity * 100)}% the same)"
        data = {"first-line": line, "blocks": r.length, "similarity": round(r.similarity, 2)}
        if r.length == 1:
            # (a line read as a list's item by its shape, not by a bullet, is a line)
            what = {"bullet": "line" if start.implicit else "bullet",
                    "heading": "heading"}.get(start.kind, "paragraph")
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

    def _sentences(self, doc: Document, covered: set[int], min_words: int,
                   families: Sequence[int]) -> Iterator[Violation]:
        """Sentences said twice, outside the repeated blocks; not those that parallel blocks
        share (each level's "a degree from an accredited school")."""
        first_at: dict[str, tuple[int, int]] = {}  # the first place of each: offset, block
        blocks, block_words = doc.blocks, doc.block_words
        for s in doc.sentences:
            if s.block in covered:
                continue
            # (a sentence that is its whole block, as most bullets are, has the block's words)
            words = (block_words[s.block] if s.text == blocks[s.block].text
                     else word_list(s.text))
            if len(words) < min_words or blocks[s.block].kind == "heading":
                continue
            key = " ".join(words)
            if key in first_at:
                offset, block = first_at[key]
                if block != s.block and families[block] == families[s.block]:
                    continue  # what parallel blocks share
                line = doc.position(offset)[0]
                yield Violation(s.start, s.end,
                                f"this sentence repeats the one on line {line}; delete one",
                                data={"first-line": line, "blocks": 1, "similarity": 1.0})
            else:
                first_at[key] = (s.start, s.block)

    # --- across files ---------------------------------------------------------------------
    def collect(self, doc: Document, options: Mapping[str, Any]) -> Any:
        if not options.get("across-files"):
            return None
        min_words = int(options["min-words"])
        allow = [" ".join(word_list(str(a))) for a in options.get("allow") or ()]
        units, _ = block_units(doc.blocks, doc.block_words)
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
