"""Values that cross module boundaries: severities, rule metadata, violations, diagnostics."""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"{value!r} is not a severity (error, warning, info)") from None


class Category(enum.Enum):
    """A rule's category; its value is the prefix of the category's codes."""

    REQUIRED = "REQ"
    DUPLICATES = "DUP"
    COMPLIANCE = "CMP"
    INCLUSIVE = "INC"
    READABILITY = "RDB"
    INTERNAL = "JDL"

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Category:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            names = ", ".join(str(c) for c in cls)
            raise ValueError(f"{value!r} is not a category ({names})") from None


CODE_RE = re.compile(r"^[A-Z]{3}\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class RuleDocs:
    """ruff's rule documentation sections; ``explain``, the README and SARIF render them."""

    what: str
    why: str
    example: str = ""
    use_instead: str = ""
    references: tuple[str, ...] = ()
    basis: str = ""  # "legal requirement", "good practice", "research"...


@dataclass(frozen=True)
class Example:
    """A posting that must (``triggers``) or must not trigger its rule; run by the test suite."""

    text: str
    triggers: bool
    today: date | None = None
    jurisdiction: str | None = None
    language: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    employer_size: int | None = None


@dataclass(frozen=True)
class RuleMeta:
    code: str
    name: str
    category: Category
    severity: Severity
    summary: str
    docs: RuleDocs
    default_enabled: bool = True
    options: Mapping[str, Any] = field(default_factory=dict)
    examples: tuple[Example, ...] = ()
    fixable: bool = False
    origin: str = "jdlint"  # a YAML file's path or a distribution's name, for error messages


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace text[start:end] (offsets into the analysed text) with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Violation:
    """What a rule yields: character offsets into ``Document.text``, never lines."""

    start: int
    end: int
    message: str
    fix: Fix | None = None
    severity: Severity | None = None  # a rule may raise or lower its own default per finding
    data: Mapping[str, Any] | None = None
    #: False when the finding is about the whole posting (a missing deadline): its span only
    #: says where to show it, so reports quote nothing.
    located: bool = True
    #: Places that explain the finding (the coded words behind a balance): (start, end, note).
    related: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Excerpt:
    """The source line a finding starts on, cut to a window, with the flagged span in it."""

    text: str  # control characters as in the source; reporters escape them
    start: int  # the flagged span within ``text`` (0-based, end exclusive)
    end: int
    cut_left: bool = False  # text was cut before ``text`` / after it
    cut_right: bool = False


@dataclass(frozen=True, slots=True)
class Related:
    """A place that explains a finding (SARIF ``relatedLocations``)."""

    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    quote: str


@dataclass(frozen=True, slots=True)
class SourceFix:
    replacement: str
    start: int  # offsets into the decoded source text
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    code: str
    name: str
    severity: Severity
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    fix: SourceFix | None = None
    data: Mapping[str, Any] | None = None
    quote: str | None = None  # the flagged text, on one line; None for whole-posting findings
    excerpt: Excerpt | None = None
    related: tuple[Related, ...] = ()
    shown: tuple[int, int] | None = None  # the span in FileResult.text (None: not located)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


@dataclass(frozen=True, slots=True)
class CrossFinding:
    """A finding about one file that only a look at all files of a run can make."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    severity: Severity | None = None
    data: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class FileResult:
    """Everything learned about one input: its diagnostics and how it was read."""

    path: str
    diagnostics: tuple[Diagnostic, ...]
    language: str | None = None
    jurisdiction: str | None = None
    encoding: str | None = None
    error: str | None = None  # set when the file could not be checked at all
    place_confidence: float | None = None  # how sure the detected jurisdiction is (0..1)
    place_evidence: tuple[Mapping[str, Any], ...] = ()  # the signals that decided it
    collected: Mapping[str, Any] = field(default_factory=dict)  # rule code -> cross-file data
    digest: str | None = None  # of the bytes checked: --fix edits only that content
    format: str | None = None  # markdown, text, html, docx
    #: The posting as a report shows it (kept only when a reporter needs it: the HTML report);
    #: Markdown, text and DOCX paragraphs as written, HTML as read.
    text: str | None = None
    #: the states or provinces of a job offered in several (``jurisdiction`` is their country)
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    files: tuple[FileResult, ...]
    rules: tuple[RuleMeta, ...]  # the rules that ran, for SARIF metadata and statistics

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return tuple(d for f in self.files for d in f.diagnostics)
