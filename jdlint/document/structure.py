"""A posting's blocks, read as a person reads them: headings, list items and paragraphs.

Postings arrive as Markdown, HTML or text pasted from a careers site. Readers say what markup
makes certain (a ``##`` heading, an ``<li>``, a hard line break, bold text); the rest is decided
here from the shape of the lines, the same way for every format:

- **Lines.** A line break inside a paragraph either wraps prose or ends a line the writer meant.
  It wraps when the next line starts in lower case after a line without closing punctuation, or
  (in a paragraph that shows wrapping) when the next line's first word would not have fitted on
  the line. Otherwise each line is a block of its own, so a list written as plain lines is a list
  of blocks, not one 150-word sentence. Lines HTML or a Markdown hard break ends never wrap.
- **Headings.** Short title-like lines, short lines ending in ":" and bold-only paragraphs are
  headings; a line ending in ":" that reads as a sentence ("To succeed you will need:") is a
  lead-in paragraph.
- **Lists.** Two or more single-sentence blocks after a lead-in (a heading or a line ending in
  ":") are list items, exactly as if they had bullets.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from ..reading import Hint
from .blocks import Block, strip_span, union_spans
from .sections import section_kind
from .sentences import segmentation_data

_BULLET = re.compile(r"[ \t]*(?:[-*+•◦▪‣·–]|\d{1,3}[.)]|[a-z][.)]|o(?=[ \t]+[A-ZÄÖÜ]))[ \t]+(?=\S)")
_BARE_BULLET = re.compile(r"[ \t]*[-*+•◦▪‣·–][ \t]*$")
#: A Markdown heading in a file that is not Markdown (Markdown's own come as hints): hashes,
#: a space and a capital ("## Requirements"; not "# of openings: 2", a count)
_HASH_HEADING = re.compile(r"[ \t]*(#{1,6})[ \t]+(?=[A-ZÆØÅÄÖÜ])")
_FENCE = re.compile(r"[ \t]*(```|~~~)")
_TERMINAL = ".!?;,"
_CLOSING = ".!?;"  # punctuation that ends a line of prose
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_FIRST_WORD = re.compile(r"\S+")
_LAST_WORD = re.compile(r"[^\W\d_]+(?=\W*$)")
_INNER_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]?[A-ZÆØÅÄÖÜ]")
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
ITEM_MAX_WORDS = 40  # a longer block after a lead-in is prose, not a list item
HEADING_MAX_WORDS = 8
STRONG_HEADING_MAX_WORDS = 12
MAX_WRAP_WIDTH = 110  # nobody hard-wraps wider: longer lines are lines the writer ended


def looks_like_heading(line: str) -> bool:
    """A line that reads as a heading: short, no sentence punctuation at its end, and not a
    sentence leading in to a list ("To be successful, you will need:")."""
    s = line.strip()
    if not s or len(s) > 90 or _BULLET.match(line):
        return False
    words = s.split()
    if len(words) > 12 or not s[0].isupper():
        return False
    kind = section_kind(s)
    if kind:
        return not s.endswith((".", ";", ",")) and (len(words) <= HEADING_MAX_WORDS
                                                   or s.endswith((":", "?")))
    if len(words) > HEADING_MAX_WORDS:
        return False
    if s.endswith(("?", "!")):
        return len(words) <= 3
    if s[-1] in _TERMINAL or s.count(",") > 1:
        return False
    _, sep, rest = s.partition(":")
    if sep and rest.strip():  # "Category: Digital & IT" is a field, not a heading
        return False
    if s.endswith(":"):
        return not _reads_as_sentence(s)
    return len(words) <= 6


def _known_heading(line: str) -> bool:
    return bool(section_kind(line)) and looks_like_heading(line)


def _reads_as_sentence(line: str) -> bool:
    words = segmentation_data().lead_in_words
    return any(w in words for w in _WORDS.findall(line.lower().replace("’", "'")))


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # the line, without its newline
    end: int
    s: int  # its text, stripped
    e: int
    kind: str  # "heading", "bullet" or "text"
    level: int = 0


@dataclass
class _Open:
    kind: str
    start: int
    end: int
    lines: int = 1


def _lines(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    n = len(text)
    while pos <= n:
        end = text.find("\n", pos)
        if end == -1:
            end = n
        yield pos, end
        pos = end + 1


class _Reader:
    def __init__(self, text: str, hints: Sequence[Hint], hard_breaks: bool) -> None:
        self.text = text
        self.hard_breaks = hard_breaks
        self.heading_at = {h.start: h for h in hints if h.kind == "heading"}
        self.bullet_starts = {h.start for h in hints if h.kind == "bullet"}
        self.breaks = {h.start for h in hints if h.kind == "break"}
        self.emphasis = union_spans(sorted((h.start, h.end) for h in hints if h.kind == "emphasis"))
        self._emphasis_ends = [b for _, b in self.emphasis]

    # --- lines into runs (paragraphs as the file lays them out) -------------------------------
    def runs(self) -> list[list[_Line]]:
        text = self.text
        runs: list[list[_Line]] = []
        run: list[_Line] = []
        pending_bullet = False
        in_fence = False

        def close() -> None:
            nonlocal run
            if run:
                runs.append(run)
                run = []

        for start, end in _lines(text):
            line = text[start:end]
            if _FENCE.match(line):
                close()
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            s, e = strip_span(text, start, end)
            if s == e:
                close()
                continue
            hint = next((self.heading_at[i] for i in range(start, s + 1)
                         if i in self.heading_at), None)
            if hint is not None:
                close()
                hs, he = strip_span(text, hint.start, min(hint.end, end))
                runs.append([_Line(start, end, hs, he, "heading", hint.level)])
                pending_bullet = False
                continue
            if (h := _HASH_HEADING.match(line)) is not None and e - s <= 90:
                close()  # Markdown's "## Requirements" pasted into plain text: a heading
                runs.append([_Line(start, end, start + h.end(), e, "heading", len(h.group(1)))])
                pending_bullet = False
                continue
            if _BARE_BULLET.match(line):
                pending_bullet = True
                continue
            m = _BULLET.match(line)
            if m or pending_bullet or any(i in self.bullet_starts for i in range(start, s + 1)):
                run.append(_Line(start, end, start + m.end() if m else s, e, "bullet"))
                pending_bullet = False
                continue
            run.append(_Line(start, end, s, e, "text"))
        close()
        return runs

    # --- runs into blocks --------------------------------------------------------------------
    def blocks(self) -> list[Block]:
        runs = self.runs()
        doc_wrapped = sum(self._wraps_by_case(run) for run in runs) >= 3
        blocks: list[Block] = []
        for run in runs:
            if run[0].kind == "heading":
                line = run[0]
                blocks.append(Block("heading", line.s, line.e, self.text[line.s:line.e],
                                    line.level))
                continue
            blocks.extend(self._run_blocks(run, doc_wrapped))
        return _implicit_lists(blocks)

    def _wraps_by_case(self, run: Sequence[_Line]) -> int:
        """How many of a run's line breaks continue a sentence in lower case."""
        return sum(1 for a, b in pairwise(run)
                   if b.kind == "text" and self._lower_continues(a, b))

    def _lower_continues(self, a: _Line, b: _Line, width: int = 0, prose: bool = True) -> bool:
        """``b`` goes on with ``a``'s sentence in lower case. With ``width`` (the run's longest
        line), ``a`` must also be nearly full in a run shaped like prose (``prose``), or end in
        a word no sentence ends in: a ragged list of lower-case lines ("du bist ...", "du hast
        ...") is a list, not prose."""
        first = self.text[b.s]
        last = self.text[a.e - 1]
        if not first.islower() or last in _CLOSING or last == ":":
            return False
        if not width or last == "," or (prose and (a.e - a.start) >= 0.7 * width):
            return True
        tail = _LAST_WORD.search(self.text, a.s, a.e)
        return tail is not None and tail.group().lower() in segmentation_data().continues_after

    def _run_blocks(self, run: list[_Line], doc_wrapped: bool) -> Iterator[Block]:
        width = max(line.e - line.start for line in run)
        by_case = self._wraps_by_case(run)
        wrapped = len(run) > 1 and (by_case >= max(1, 0.3 * (len(run) - 1))
                                    or (doc_wrapped and width >= 40))
        noise = self._layout_noise(run)
        full = sum(1 for line in run[:-1] if line.e - line.start >= 0.7 * width)
        prose = len(run) <= 2 or full >= 2  # wrapped prose fills every line but its last
        current: _Open | None = None
        prev: _Line | None = None
        for line in run:
            if (current is not None and prev is not None and line.kind == "text"
                    and (self._noise_wraps(prev, line) if noise
                         else self._wraps(prev, line, wrapped, width, prose))):
                current.end = line.e
                current.lines += 1
            else:
                if current is not None:
                    yield self._close(current)
                current = _Open("bullet" if line.kind == "bullet" else "paragraph",
                                line.s, line.e)
            prev = line
        if current is not None:
            yield self._close(current)

    def _layout_noise(self, run: Sequence[_Line]) -> bool:
        """Text extracted from a PDF can hold one or two words per line; such a run is prose
        whatever its line lengths."""
        if len(run) < 4:
            return False
        words = sorted(len(self.text[line.s:line.e].split()) for line in run)
        lower = sum(1 for line in run if self.text[line.s].islower())
        # prose broken after every word has its small words in lower case; a list of one-word
        # items ("Git", "Python", "Kafka") does not
        return words[len(words) // 2] <= 2 and lower * 2 >= len(run)

    def _noise_wraps(self, a: _Line, b: _Line) -> bool:
        if self.text[a.e - 1] in ".!?:;" or a.end in self.breaks:
            return False
        return not (_known_heading(self.text[a.s:a.e]) or _known_heading(self.text[b.s:b.e]))

    def _wraps(self, a: _Line, b: _Line, wrapped: bool, width: int, prose: bool) -> bool:
        """Whether the break between lines ``a`` and ``b`` only wraps prose."""
        text = self.text
        if self.hard_breaks or a.end in self.breaks:
            return False
        last = text[a.e - 1]
        if last == ":":
            return False
        line_b = text[b.s:b.e]
        if _HYPHENATED.search(text, a.s, a.e) and line_b[0].islower():
            return True
        if self._lower_continues(a, b, width, prose):
            return True
        if last == "," and line_b[0].isalpha() and wrapped and not looks_like_heading(line_b):
            return True  # "Bewerbungsunterlagen (Anschreiben," / "Lebenslauf, ...": German nouns
        if not (wrapped and prose) or width > MAX_WRAP_WIDTH or looks_like_heading(line_b):
            return False
        first = _FIRST_WORD.match(line_b)
        return (a.e - a.start) + 1 + (len(first.group()) if first else 0) > width - 2

    def _close(self, block: _Open) -> Block:
        text = self.text
        body = text[block.start:block.end]
        if block.kind == "paragraph" and block.lines == 1 and (
                looks_like_heading(body) or self._strong_heading(block.start, block.end, body)):
            return Block("heading", block.start, block.end, body, 0, implicit=True)
        return Block(block.kind, block.start, block.end, body)

    def _strong_heading(self, start: int, end: int, body: str) -> bool:
        """A paragraph that is all bold or italic (a trailing colon aside): a heading when
        short."""
        if not self.emphasis or len(body.split()) > STRONG_HEADING_MAX_WORDS:
            return False
        s = body.rstrip(": *_")
        if not s or s[-1] in _TERMINAL or (s[-1] in "?!" and len(s.split()) > 3):
            return False
        limit = start + len(s)
        pos = start
        emphasis = self.emphasis
        for i in range(bisect.bisect_right(self._emphasis_ends, start), len(emphasis)):
            a, b = emphasis[i]  # (by index: a slice of the rest would copy it every time)
            if a >= limit:
                break
            if self.text[pos:a].strip(" *_"):
                return False
            pos = max(pos, b)
        return not self.text[pos:limit].strip(" *_")


def _item_like(block: Block) -> bool:
    """A block that reads as a list item after a lead-in: one short sentence, or a short
    title-like line that names no section ("Python and SQL")."""
    if "\n" in block.text or len(block.text.split()) > ITEM_MAX_WORDS:
        return False
    if block.kind == "heading":  # a heading that names a section stays one
        return block.implicit and not block.text.endswith(":") and not section_kind(block.text)
    return (block.kind == "paragraph" and not block.text.endswith(":")
            and _INNER_BOUNDARY.search(block.text) is None)


#: The sections whose body is a list
_LIST_SECTIONS = frozenset({"requirements", "responsibilities", "benefits"})


def _implicit_lists(blocks: list[Block]) -> list[Block]:
    """Blocks after a lead-in that read as items become list items (two or more in a row)."""
    out = list(blocks)
    i = 0
    n = len(out)
    while i < n:
        lead = out[i]
        i += 1
        if not (lead.kind == "heading" or lead.text.endswith(":")):
            continue
        j = i
        items: list[int] = []
        listed = 0
        # under a heading that names a list ("Requirements", "What we offer"), three or more
        # short lines in a row with nothing between them are its items, even one that names
        # a section itself ("Experience with SQL"): a heading has a body
        bare = i
        if lead.kind == "heading" and section_kind(lead.text) in _LIST_SECTIONS:
            while bare < n and out[bare].kind == "heading" and out[bare].implicit \
                    and not out[bare].text.endswith(":") and "\n" not in out[bare].text:
                bare += 1
        if bare - i < 3:
            bare = i
        while j < n and (out[j].kind == "bullet" or _item_like(out[j]) or j < bare
                         or (out[j].sub and not section_kind(out[j].text))):
            if not out[j].sub:
                listed += 1
                if out[j].kind != "bullet":
                    items.append(j)
            j += 1
        # two items make a list; after "Label:" one line does ("Essential:" / "A degree")
        if listed >= 2 or (listed == 1 and lead.text.endswith(":")):
            for k in items:
                out[k] = replace(out[k], kind="bullet", level=0, implicit=True)
        i = max(i, j)
    return out


def find_blocks(text: str, hints: Sequence[Hint] = (), hard_breaks: bool = False) -> list[Block]:
    """The blocks of the analysed ``text``, in order; ``hints`` are what the reader knows."""
    return _Reader(text, hints, hard_breaks).blocks()
