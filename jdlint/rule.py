"""The contract between jdlint and every rule, built-in, YAML-defined or from a plugin.

A rule is pure (yamllint, ruff): it sees the Document and its own options and yields
:class:`~jdlint.model.Violation` objects with character offsets. It never prints, reads global
configuration, or decides whether it is selected.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

from .document import Document
from .document.language import SUPPORTED
from .model import Category, CrossFinding, RuleDocs, RuleMeta, Severity, Violation


class Rule:
    """Base class of every rule. Subclasses set ``meta`` and implement :meth:`check`."""

    meta: RuleMeta
    #: Python rules that need spaCy or a server say so; ``rules`` and ``explain`` never load them.
    heavy: ClassVar[bool] = False
    #: Whether the rule reports inside a pasted copy (``Document.copies``). Others do not: a
    #: finding in the first copy is not reported again in the second.
    sees_copies: ClassVar[bool] = False
    #: The languages whose words the rule reads: a posting in another (a French one, whose
    #: "de" and "en" are no Danish) is not checked by it. None: it reads no words (a repeated
    #: block, a garbled character), so it checks a posting in any language.
    reads_languages: ClassVar[tuple[str, ...] | None] = SUPPORTED

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        raise NotImplementedError

    def prepare(self) -> None:
        """Load heavy resources (a dictionary, a model) now. The runner calls it in the parent
        process before forking workers, so they share one copy instead of each loading it;
        ``check`` must still work without it (it loads lazily)."""

    # Rules that compare files (duplicate-block's across-files mode) implement both: ``collect``
    # runs with ``check`` (in the worker process) and returns picklable data or None; ``across``
    # runs once per run over every file's data.
    def collect(self, doc: Document, options: Mapping[str, Any]) -> Any:
        return None

    def across(self, collected: Sequence[tuple[str, Any]],
               options: Mapping[str, Any]) -> Iterable[CrossFinding]:
        return ()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.meta.code} {self.meta.name}>"


class EngineRule(Rule):
    """A rule whose findings the engine itself reports (a crashed rule, an unreadable file)."""

    reads_languages = None

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        return ()


def _internal(code: str, name: str, severity: Severity, summary: str, what: str, why: str,
              default: bool = True) -> type[EngineRule]:
    meta = RuleMeta(code, name, Category.INTERNAL, severity, summary,
                    RuleDocs(what=what, why=why), default_enabled=default)
    return type(name.title().replace("-", ""), (EngineRule,), {"meta": meta})


RuleError = _internal(
    "JDL001", "rule-error", Severity.ERROR, "A rule crashed on this file.",
    "Reports a rule that raised an exception while checking a file; the other rules still ran.",
    "A crash is a bug in the rule (or its plugin): report it with the file that triggers it.",
)
UnreadableFile = _internal(
    "JDL002", "unreadable-file", Severity.ERROR, "The file could not be read as a posting.",
    "Reports a file that is binary, cannot be decoded, is too large or has broken front matter.",
    "A posting jdlint cannot read is a posting nobody checked.",
)
EmptyFile = _internal(
    "JDL003", "empty-file", Severity.INFO, "The file is empty.",
    "Reports a file with no text; no other rule runs on it.",
    "An empty posting is usually a mistake in the export or the file list.",
)
EncodingFallback = _internal(
    "JDL004", "encoding-fallback", Severity.INFO, "The file is not UTF-8.",
    "Reports a file that is not valid UTF-8 and was read as Windows-1252.",
    "Job boards and ATS exports expect UTF-8; other encodings turn æ, ø, å and ü into mojibake.",
)
UnusedSuppression = _internal(
    "JDL005", "unused-suppression", Severity.INFO, "A suppression comment suppresses nothing.",
    "Reports a `jdlint-disable` comment that matched no diagnostic (off by default).",
    "Stale suppressions hide future findings; remove them once the text is fixed.",
    default=False,
)

InvalidStructuredData = _internal(
    "JDL006", "invalid-structured-data", Severity.INFO,
    "Structured data in the page (JSON-LD) or the front matter could not be read.",
    "Reports a `<script type=\"application/ld+json\">` in an HTML posting that is not valid "
    "JSON (or is too large), and a front-matter value jdlint reads but cannot use (a "
    "`jurisdiction` that is no place code, an unknown `language`, an `employer-size` that is "
    "no number, an impossible date); it is ignored and the posting is checked without it.",
    "Job boards and search engines read the deadline, place and pay from this data; if jdlint "
    "cannot parse it, neither can they.",
)

InvalidSuppression = _internal(
    "JDL007", "invalid-suppression", Severity.WARNING,
    "A suppression comment names a rule that does not exist.",
    "Reports a word in a `jdlint-disable...` comment that is no rule code, prefix, name or "
    "category, with the nearest rule when one is close (`long-sentences`: did you mean "
    "`long-sentence`?).",
    "A misspelt suppression silences nothing, so the finding it was meant for stays, or a "
    "later one is hidden by a comment nobody can read.",
)

ControlCharacter = _internal(
    "JDL008", "control-character", Severity.WARNING,
    "A control character stands in the text, often where a character was lost.",
    "Reports the control characters that are not white space (U+0000 to U+001F but tab and "
    "line breaks, and U+007F), one finding per word they stand in, quoted (the first 10 words "
    "of a file; the last finding says how many more). A file with NUL bytes is read as text "
    "when they are rare in it (at most 1 in 100 characters) and reported here; with more of "
    "them it is binary (`unreadable-file`).",
    "Text copied out of a PDF holds a NUL where a ligature (\"ft\", \"fi\") or a quotation "
    "mark was lost (\"So\u2400ware\"), and an encoding conversion writes SUB (U+001A) for a "
    "character it could not write (a dash, a non-breaking space): a job board shows a box or "
    "nothing there.",
)

ENGINE_RULES: tuple[type[EngineRule], ...] = (
    RuleError, UnreadableFile, EmptyFile, EncodingFallback, UnusedSuppression,
    InvalidStructuredData, InvalidSuppression, ControlCharacter,
)
