"""The Document every rule sees: text, structure, language, jurisdiction and the lint date."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, TypeVar

from ..model import Excerpt
from ..reading import BINARY_FORMATS, Hint, Parsed, format_for, parse
from ..reading.offsets import LineIndex, OffsetMap
from . import language as languages
from .blocks import Block, SpanSet, union_spans
from .copies import MIN_WORDS, SIMILARITY, Repeat, copy_spans, find_copies, word_list
from .jurisdiction import check_code
from .place import Evidence, Place, infer_place
from .quoting import line_excerpt, one_line
from .sections import Section, find_sections
from .sentences import Sentence, split_sentences
from .structure import find_blocks
from .subjects import find_names, find_subjects
from .words import occurrences, on_lines
from .zones import BOILERPLATE, Zone, find_zones

T = TypeVar("T")

_PROTECTED = (  # (a character every match contains, the pattern)
    ("/", re.compile(r"https?://[^\s<>()\"']+[^\s<>()\"'.,;:!?]")),  # URLs
    ("www.", re.compile(r"www\.[^\s<>()\"']+[^\s<>()\"'.,;:!?]")),
    ("@", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),  # e-mail addresses
    ("`", re.compile(r"`[^`\n]+`")),  # inline code
    ("<", re.compile(r"<[A-Z][A-Z_]*>")),  # de-identification placeholders: <ORGANIZATION>
)


def _employees(meta: Mapping[str, Any]) -> int | None:
    for key in ("employer-size", "employees"):
        value = meta.get(key)
        if _a_size(value):
            return value
    return None


def _a_size(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def unusable_meta(meta: Mapping[str, Any]) -> tuple[str, ...]:
    """Notes for the values of the metadata keys jdlint reads that it cannot use, each said
    with what jdlint does instead (a place code that is none would leave the place-bound
    rules silent, or checking another place's law, without a word)."""
    notes = []
    given = meta.get("jurisdiction")
    for value in given if isinstance(given, list) else [] if given is None else [given]:
        code, nearest = check_code(value) if isinstance(value, str) else (None, [])
        if code is not None:
            continue  # (a list of places: each weighs as much)
        hint = f" (did you mean {' or '.join(nearest)}?)" if nearest else ""
        notes.append(f"front matter: jurisdiction {value!r} is not a place code such as DE, "
                     f"GB, CA-ON or US-CO{hint}; it is ignored and the place is inferred "
                     "from the text")
    for key in ("language", "lang"):
        value = meta.get(key)
        if value is not None and languages.normalise(value) is None:
            notes.append(f"front matter: {key} {value!r} is not one jdlint checks (en, de, "
                         "da); it is ignored and the language is detected from the text")
    for key in ("employer-size", "employees"):
        value = meta.get(key)
        if value is not None and not _a_size(value):
            notes.append(f"front matter: {key} {value!r} is not a number of employees; it "
                         "is ignored (laws with a threshold are assumed to apply)")
    return tuple(notes)


@dataclass(frozen=True, eq=False)
class Document:
    path: str
    source: str  # the decoded file, BOM removed; line:column refer to it
    text: str  # what rules read; offsets into it map back through ``offsets``
    offsets: OffsetMap
    format: str = "text"  # "text", "markdown" or "html"
    meta: Mapping[str, Any] = field(default_factory=dict)
    hints: tuple[Hint, ...] = ()
    language: str = "en"
    jurisdiction_given: str | None = None  # set by the config or --jurisdiction
    employer_size: int | None = None  # employees (config `employer-size` or front matter)
    today: date = field(default_factory=date.today)
    encoding: str = "utf-8"
    bom: bool = False
    comments: bool = False  # whether <!-- jdlint-... --> comments apply
    hard_breaks: bool = False  # every newline of ``text`` ends a line (HTML)
    notes: tuple[str, ...] = ()  # what the reader could not use (malformed JSON-LD...)

    @classmethod
    def from_source(
        cls,
        path: str,
        source: str,
        *,
        fmt: str | None = None,
        today: date | None = None,
        language: str | None = None,
        jurisdiction: str | None = None,
        encoding: str = "utf-8",
        bom: bool = False,
        employer_size: int | None = None,
        parsed: Parsed | None = None,
    ) -> Document:
        """Parse ``source`` (raises :class:`~jdlint.errors.InputError` on bad front matter);
        ``parsed`` is the reader's result when it has read the file itself (DOCX)."""
        fmt = fmt or format_for(path)
        parsed = parsed or parse(source, fmt)
        lang = (
            language
            or languages.normalise(parsed.meta.get("language") or parsed.meta.get("lang"))
            or languages.detect(parsed.text)
        )
        return cls(
            path=path,
            source=source,
            text=parsed.text,
            offsets=parsed.offsets,
            format=fmt,
            meta=parsed.meta,
            hints=parsed.hints,
            language=lang,
            jurisdiction_given=jurisdiction,
            employer_size=employer_size or _employees(parsed.meta),
            today=today or date.today(),
            encoding=encoding,
            bom=bom,
            comments=parsed.comments,
            hard_breaks=parsed.hard_breaks,
            notes=parsed.notes + unusable_meta(parsed.meta),
        )

    # --- structure ---------------------------------------------------------------------------
    @cached_property
    def blocks(self) -> list[Block]:
        return find_blocks(self.text, self.hints, self.hard_breaks)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text, self.blocks, self.language)

    @cached_property
    def flowing(self) -> str:
        """The text with each line break inside a paragraph or list item (a wrapped line) as a
        space: the same length, so every offset holds. What a search for wording reads: a
        pattern that keeps to one sentence by stopping at a line break (``[^.!?\\n]``) then
        finds a sentence that a hard-wrapped posting spreads over two lines ("werden nach
        sechs Monaten / nach Ende des Verfahrens vernichtet"). The text itself when no block
        wraps."""
        text = self.text
        wraps = []
        for block in self.blocks:
            if block.kind == "heading":
                continue
            at = text.find("\n", block.start, block.end)
            while at >= 0:
                wraps.append(at)
                at = text.find("\n", at + 1, block.end)
        if not wraps:
            return text
        chars = list(text)
        for at in wraps:
            chars[at] = " "
        return "".join(chars)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_index(self, offset: int) -> int:
        """Index into ``sentences`` of the sentence at or before ``offset`` (-1: none)."""
        return bisect.bisect_right(self._sentence_starts, offset) - 1

    # --- place -------------------------------------------------------------------------------
    @cached_property
    def place(self) -> Place:
        """Where the job is, how sure, and why (see :mod:`jdlint.document.place`)."""
        given = self.jurisdiction_given
        if given is not None:
            return Place(given, 1.0, (Evidence("config", given, given, 1.0),))
        return infer_place(self.text, self.meta, self.language, self.in_boilerplate)

    @cached_property
    def jurisdiction(self) -> str | None:
        """A country code (DE) or a US state or Canadian province (US-CA, CA-ON), or None."""
        return self.place.code

    @cached_property
    def places(self) -> tuple[str, ...]:
        """Every place whose rules apply: the job's one place, or each state or province of a
        job offered in several (``jurisdiction`` is then their country); empty when unknown."""
        if self.place.places:
            return self.place.places
        return (self.place.code,) if self.place.code is not None else ()

    # --- pasted copies ------------------------------------------------------------------------
    @cached_property
    def block_words(self) -> list[list[str]]:
        """Each block's words, lowercased (:func:`~.copies.word_list`): what copies are
        compared by. Shared: do not change them."""
        return [word_list(b.text) for b in self.blocks]

    @cached_property
    def _copies(self) -> tuple[list[Repeat], list[int]]:
        return find_copies(self.blocks, MIN_WORDS, SIMILARITY, self.block_words)

    @property
    def repeats(self) -> list[Repeat]:
        """Runs of blocks that repeat earlier ones (duplicate-block's default thresholds)."""
        return self._copies[0]

    @property
    def parallel_families(self) -> list[int]:
        """Each block's family of parallel blocks, which say the same but for their values
        (:func:`~.copies.find_copies`): the index of the family's first block."""
        return self._copies[1]

    @cached_property
    def copies(self) -> list[tuple[int, int]]:
        """Text spans that repeat earlier text: the second copy of a posting pasted twice."""
        return copy_spans(self.blocks, self.repeats)

    @cached_property
    def _copy_spans(self) -> SpanSet:
        return SpanSet(self.copies)

    def in_copy(self, offset: int) -> bool:
        return offset in self._copy_spans

    @cached_property
    def text_without_copies(self) -> str:
        """The text less its copies, for measures of the whole posting (length, balance)."""
        if not self.copies:
            return self.text
        parts, pos = [], 0
        for a, b in self.copies:
            parts.append(self.text[pos:a])
            pos = b
        parts.append(self.text[pos:])
        return "\n\n".join(parts)

    @cached_property
    def sections(self) -> list[Section]:
        return find_sections(self.blocks, len(self.text))

    @cached_property
    def _section_starts(self) -> list[int]:
        return [s.start for s in self.sections]

    def section_at(self, offset: int) -> Section | None:
        i = bisect.bisect_right(self._section_starts, offset) - 1
        return self.sections[i] if i >= 0 and offset < self.sections[i].end else None

    def sections_of(self, kind: str) -> list[Section]:
        return [s for s in self.sections if s.kind == kind]

    # --- zones -------------------------------------------------------------------------------
    @cached_property
    def zones(self) -> list[Zone]:
        """What each part of the posting is for (see :mod:`jdlint.document.zones`)."""
        return find_zones(self.text, self.blocks, self.sentences, self.sections,
                          self.language)

    @cached_property
    def _zone_starts(self) -> list[int]:
        return [z.start for z in self.zones]

    def zone_at(self, offset: int) -> str:
        """The kind of zone ``offset`` is in: "requirements", "benefits", "equal-opportunity"
        ... or "" (O(log n))."""
        i = bisect.bisect_right(self._zone_starts, offset) - 1
        return self.zones[i].kind if i >= 0 else ""

    def in_boilerplate(self, offset: int) -> bool:
        """Whether ``offset`` is in an equal-opportunity, accommodation, anti-agency or data
        protection statement."""
        return self.zone_at(offset) in BOILERPLATE

    # --- subjects and names ------------------------------------------------------------------
    @cached_property
    def subjects(self) -> list[str]:
        """Who or what each sentence describes (see :mod:`jdlint.document.subjects`)."""
        return find_subjects(self.text, self.sentences, self.blocks, self.zone_at, self.language)

    def subject_at(self, offset: int) -> str:
        """What the sentence at ``offset`` describes: "candidate", "culture", "duties",
        "company", "benefits", "served" (the people the job serves), "policy" or "other"."""
        i = self.sentence_index(offset)
        return self.subjects[i] if 0 <= i < len(self.subjects) else "other"

    @cached_property
    def names(self) -> list[tuple[int, int, bool]]:
        """Names in the text: (start, end, organisation), sorted and disjoint."""
        return find_names(self.sentences, self.language)

    @cached_property
    def _sentence_names(self) -> dict[int, list[tuple[int, int, bool]]]:
        return {}  # sentence index -> its names, found when a rule first asks about it

    def in_name(self, start: int, end: int, organisations_only: bool = False) -> bool:
        """Whether ``start:end`` lies in a name ("NHS Trust", "Clinical Lead", "U.S.
        Citizenship and Immigration Services"); with ``organisations_only``, only in the name
        of an organisation, unit or programme. (Names lie within a sentence: only that
        sentence's are looked for, the first time one of its words is asked about.)"""
        i = self.sentence_index(start)
        if i < 0:
            return False
        names = self._sentence_names.get(i)
        if names is None:
            names = self._sentence_names[i] = find_names(self.sentences[i:i + 1],
                                                         self.language)
        return any(a <= start and end <= b and (organisation or not organisations_only)
                   for a, b, organisation in names)

    @cached_property
    def protected(self) -> list[tuple[int, int]]:
        """Spans no wording rule should flag: URLs, e-mail addresses, inline code, placeholders."""
        text = self.text
        return union_spans(sorted(
            m.span() for needle, pattern in _PROTECTED if needle in text
            # an address stays on its line: only the lines with an "@" are searched
            for m in (on_lines(pattern, text, occurrences(text, "@")) if needle == "@"
                      else pattern.finditer(text))))

    @cached_property
    def _protected_spans(self) -> SpanSet:
        return SpanSet(self.protected)

    def is_protected(self, start: int, end: int) -> bool:
        return self._protected_spans.overlaps(start, end)

    @cached_property
    def first_content_offset(self) -> int:
        """Where document-level findings are anchored when nothing better exists: line 1."""
        m = re.search(r"\S", self.text)
        return m.start() if m else 0

    def anchor(self, *kinds: str) -> tuple[int, int]:
        """Where a finding about a missing element goes: the heading of the first section of
        ``kinds`` that exists ("Deadline", "How to apply"), else the first line."""
        for kind in kinds:
            for section in self.sections_of(kind):
                if section.heading is not None:
                    return section.heading.start, section.heading.end
        return self.first_line

    @cached_property
    def first_line(self) -> tuple[int, int]:
        """The span of the first line with text: the anchor of document-level findings."""
        start = self.first_content_offset
        end = self.text.find("\n", start)
        return start, end if end != -1 else len(self.text)

    @cached_property
    def _memo(self) -> dict[str, Any]:
        return {}

    def memo(self, key: str, compute: Callable[[Document], T]) -> T:
        """Compute an analysis several rules share (the deadlines) once per document."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return self._memo[key]  # type: ignore[no-any-return]

    # --- positions ---------------------------------------------------------------------------
    @cached_property
    def line_index(self) -> LineIndex:
        return LineIndex(self.source)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the source file of text offset ``offset``."""
        return self.line_index.position(self.offsets.to_source(offset))

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) of text[start:end]; the end is exclusive."""
        src_start = self.offsets.to_source(start)
        src_end = self.offsets.to_source_end(end) if end > start else src_start
        line, col = self.line_index.position(src_start)
        end_line, end_col = self.line_index.position(max(src_end, src_start))
        return line, col, end_line, end_col

    # --- what reports show -------------------------------------------------------------------
    @property
    def shown_text(self) -> str:
        """The whole posting as reports show it (see :meth:`shown`)."""
        return self.shown(0, 0)[0]

    @property
    def editable(self) -> bool:
        """Whether --fix may write fixes back: not into a file that is not its text (DOCX)."""
        return self.format not in BINARY_FORMATS

    def shown(self, start: int, end: int) -> tuple[str, int, int]:
        """The text a report shows and the span in it: Markdown and plain text as written
        (the source), markup formats as read (the analysed text)."""
        if self.format in ("markdown", "text", "docx"):
            src_start = self.offsets.to_source(start)
            src_end = self.offsets.to_source_end(end) if end > start else src_start
            return self.source, src_start, src_end
        return self.text, start, end

    def quote(self, start: int, end: int) -> str:
        """text[start:end] as a report quotes it: one line, long quotes elided."""
        text, s, e = self.shown(start, end)
        return one_line(text[s:e])

    def excerpt(self, start: int, end: int) -> Excerpt:
        """The line the span starts on, with the span marked (cut to a window)."""
        return line_excerpt(*self.shown(start, end))
