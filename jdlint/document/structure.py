"""A posting's structure: headings, bullets, paragraphs, sentences and sections.

Postings arrive as Markdown, HTML or plain text pasted from a careers site, where headings are
short lines ("Your new role", "Deadline") and bullets may be a bare "-" line followed by their
text. Everything here works on the analysed text and yields character offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from ..reading import Hint


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # "heading", "bullet" or "paragraph"
    start: int
    end: int
    text: str
    level: int = 0  # heading level when known (Markdown, HTML)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    block: int  # index into Document.blocks


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the blocks up to the next heading; ``kind`` is a canonical name or ""."""

    kind: str
    heading: Block | None
    start: int
    end: int


_BULLET = re.compile(r"[ \t]*(?:[-*+•◦▪‣·–]|\d{1,3}[.)]|[a-z][.)])[ \t]+(?=\S)")
_BARE_BULLET = re.compile(r"[ \t]*[-*+•◦▪‣·–][ \t]*$")
_FENCE = re.compile(r"[ \t]*(```|~~~)")
_TERMINAL = ".!?;,"
_ABBREVIATIONS = frozenset(
    "e.g i.e etc approx incl excl dept no nr vs mr mrs ms dr prof st jr sr ca bzw z.b u.a usw "
    "ggf inkl evtl vgl sog d.h f.eks mv bl.a osv ifm jf evt pga dvs ca. resp".split()
)


@cache
def section_vocabulary() -> dict[str, tuple[str, ...]]:
    text = resources.files("jdlint").joinpath("data/sections.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {kind: tuple(phrases) for kind, phrases in data.items()}


@cache
def _phrase_kinds() -> dict[str, str]:
    return {p: kind for kind, phrases in section_vocabulary().items() for p in phrases}


@cache
def section_kind(heading: str) -> str:
    """The canonical section a heading names ("deadline", "contact"...), or ""."""
    words = re.findall(r"[^\W_]+", heading.lower())
    if not words:
        return ""
    kinds = _phrase_kinds()
    for k in range(min(len(words), 6), 0, -1):  # the heading starts with a phrase
        if (kind := kinds.get(" ".join(words[:k]))) is not None:
            return kind
    if len(words) <= 6:  # or, when short, contains one
        for i in range(1, len(words)):
            for k in range(len(words) - i, 0, -1):
                if (kind := kinds.get(" ".join(words[i:i + k]))) is not None:
                    return kind
    return ""


def looks_like_heading(line: str) -> bool:
    """A plain-text line that reads as a heading: short, no sentence punctuation at its end."""
    s = line.strip()
    if not s or len(s) > 70 or _BULLET.match(line):
        return False
    words = s.split()
    if len(words) > 8 or not s[0].isupper():
        return False
    if section_kind(s):
        return not s.endswith((".", ";", ","))
    if s.endswith(("?", "!")):
        return len(words) <= 3
    if s[-1] in _TERMINAL or s.count(",") > 1:
        return False
    _, sep, rest = s.partition(":")
    if sep and rest.strip():  # "Category: Digital & IT" is a field, not a heading
        return False
    return len(words) <= 6 or s.endswith(":")


def _lines(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    n = len(text)
    while pos <= n:
        end = text.find("\n", pos)
        if end == -1:
            end = n
        yield pos, end
        pos = end + 1


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_blocks(text: str, hints: Sequence[Hint] = ()) -> list[Block]:
    heading_at = {h.start: h for h in hints if h.kind == "heading"}
    bullet_starts = {h.start for h in hints if h.kind == "bullet"}
    blocks: list[Block] = []
    para: tuple[int, int] | None = None
    pending_bullet = False
    in_fence = False

    def close() -> None:
        nonlocal para
        if para is not None:
            s, e = _strip_span(text, *para)
            if e > s:
                blocks.append(Block("paragraph", s, e, text[s:e]))
            para = None

    for start, end in _lines(text):
        line = text[start:end]
        if _FENCE.match(line):
            close()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        s, e = _strip_span(text, start, end)
        if s == e:
            close()
            continue
        hint = next((heading_at[i] for i in range(start, s + 1) if i in heading_at), None)
        if hint is not None:
            close()
            hs, he = _strip_span(text, hint.start, min(hint.end, end))
            blocks.append(Block("heading", hs, he, text[hs:he], hint.level))
            pending_bullet = False
            continue
        if _BARE_BULLET.match(line):
            close()
            pending_bullet = True
            continue
        m = _BULLET.match(line)
        if m or pending_bullet or any(i in bullet_starts for i in range(start, s + 1)):
            close()
            bs = start + m.end() if m else s
            blocks.append(Block("bullet", bs, e, text[bs:e]))
            pending_bullet = False
            continue
        if looks_like_heading(line) and not hints_cover(hints, s):
            close()
            blocks.append(Block("heading", s, e, text[s:e]))
            continue
        if para is not None and _continues(text[para[0]:para[1]], text[s:e]):
            para = (para[0], e)
        else:
            close()
            para = (s, e)
    close()
    return blocks


def hints_cover(hints: Sequence[Hint], offset: int) -> bool:
    return any(h.start <= offset < h.end for h in hints if h.kind == "bullet")


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped paragraph goes on; a new line after a full stop starts a new block."""
    prev = previous.rstrip()
    return bool(prev) and prev[-1] not in ".!?:" and (line[0].islower() or len(prev) >= 60)


_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[^\W_a-zæøåäöü])")
_LAST_WORD = re.compile(r"(\S+)$")


def split_sentences(text: str, blocks: Sequence[Block]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        start = block.start
        for m in _BOUNDARY.finditer(text, block.start, block.end):
            word = _LAST_WORD.search(text, start, m.start() + 1)
            token = word.group(1).lower().rstrip(".") if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            end = m.start() + len(m.group().rstrip())
            s, e = _strip_span(text, start, end)
            if e > s:
                sentences.append(Sentence(s, e, text[s:e], index))
            start = m.end()
        s, e = _strip_span(text, start, block.end)
        if e > s:
            sentences.append(Sentence(s, e, text[s:e], index))
    return sentences


def find_sections(blocks: Sequence[Block], text_length: int) -> list[Section]:
    sections: list[Section] = []
    current: Block | None = None
    start = 0
    for block in blocks:
        if block.kind == "heading":
            if current is not None or block.start > start:
                kind = section_kind(current.text) if current else ""
                sections.append(Section(kind, current, start, block.start))
            current, start = block, block.start
    kind = section_kind(current.text) if current else ""
    sections.append(Section(kind, current, start, text_length))
    return sections
