"""Run the selected rules on one posting: Document in, sorted diagnostics out.

A crashing rule becomes a ``rule-error`` diagnostic naming it; the other rules still run.
A file that cannot be read becomes an ``unreadable-file`` diagnostic; other files go on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from . import interrupts
from .config import Config
from .document import Document
from .document.blocks import widen_to_words
from .errors import InputError
from .kinds import PatternTimeout
from .model import Diagnostic, FileResult, Related, SourceFix, Violation
from .reading import Parsed, format_for
from .reading.decode import CONTROL, decode
from .rule import Rule
from .selection import ActiveRule, RuleSet, Selection
from .suppress import apply_suppressions, parse_suppressions


@dataclass(frozen=True)
class Context:
    """What a file's check needs besides its text: rules, selection and config."""

    ruleset: RuleSet
    selection: Selection
    config: Config

    def active_for(self, path: str) -> tuple[ActiveRule, ...]:
        return self.selection.for_path(path)


def as_sentence(message: str) -> str:
    """Every message reads as a sentence: a capital first letter and a full stop."""
    message = message.strip()
    if message and message[0].islower():
        message = message[0].upper() + message[1:]
    if message and message[-1] not in ".!?":
        message += "."
    return message


def to_diagnostic(doc: Document, active: ActiveRule, v: Violation) -> Diagnostic:
    n = len(doc.text)
    start = max(0, min(v.start, n))
    end = max(start, min(v.end, n))
    line, col, end_line, end_col = doc.span(start, end)
    fix = None
    if v.fix is not None and doc.editable and doc.offsets.is_verbatim(v.fix.start, v.fix.end):
        s = doc.offsets.to_source(v.fix.start)
        e = doc.offsets.to_source_end(v.fix.end) if v.fix.end > v.fix.start else s
        fl, fc, fel, fec = doc.span(v.fix.start, v.fix.end)
        fix = SourceFix(v.fix.replacement, s, e, fl, fc, fel, fec)
    meta = active.rule.meta
    severity = active.severity
    if v.severity is not None and not active.severity_configured:
        severity = v.severity
    quote = excerpt = shown = None
    if v.located:
        quote, excerpt = doc.quote(start, end), doc.excerpt(start, end)
        shown = doc.shown(start, end)[1:]
    related = tuple(Related(*doc.span(s, e), note, doc.quote(s, e)) for s, e, note in v.related)
    return Diagnostic(doc.path, meta.code, meta.name, severity, line, col, end_line, end_col,
                      as_sentence(v.message), fix, v.data, quote, excerpt, related, shown)


def internal_diagnostic(ctx: Context, path: str, name: str, message: str,
              line: int = 1, column: int = 1, end: tuple[int, int] | None = None,
              ) -> Diagnostic | None:
    """``end``: the end's (line, column), when the finding spans text."""
    for active in ctx.active_for(path):
        if active.rule.meta.name == name:
            meta = active.rule.meta
            end_line, end_column = end or (line, column)
            return Diagnostic(path, meta.code, meta.name, active.severity, line, column,
                              end_line, end_column, as_sentence(message))
    return None


#: control-character reports the words of this many control characters per file (the last says
#: how many more there are), each quoted up to this many characters either side
CONTROLS_SHOWN = 10
_AROUND = 30
#: where the control characters a posting holds come from, and what to do
_CONTROL_CAUSES = {
    "\x00": 'text copied out of a PDF has a NUL where a ligature ("ft", "fi") or a quotation '
            "mark was lost: put back the character it stands for",
    "\x1a": "an encoding conversion writes U+001A (SUB) for a character it could not write (a "
            "dash, a non-breaking space, a quotation mark): put that character back",
}


def control_characters(ctx: Context, doc: Document) -> list[Diagnostic]:
    """``control-character``: the control characters in the file (not white space), one
    finding per word they stand in, quoted with U+FFFD, the mark a board shows for them."""
    text = doc.source
    if CONTROL.search(text) is None:  # (a posting has none: one scan)
        return []
    words: list[tuple[int, int, int, int]] = []  # word start, end; first control, last + 1
    for m in CONTROL.finditer(text):
        start, end = m.span()
        if words and start <= words[-1][1]:  # in the word before
            left, _, first, _ = words[-1]
            words[-1] = (left, widen_to_words(text, start, end, _AROUND)[1], first, end)
        else:
            words.append((*widen_to_words(text, start, end, _AROUND), start, end))
    out = []
    for k, (left, right, first, last) in enumerate(words[:CONTROLS_SHOWN]):
        quoted = CONTROL.sub("\ufffd", text[left:right])
        found = dict.fromkeys(CONTROL.findall(text, first, last))
        codes = ", ".join(f"U+{ord(c):04X}" for c in found)
        more = len(words) - CONTROLS_SHOWN if k == CONTROLS_SHOWN - 1 else 0
        cause = next((_CONTROL_CAUSES[c] for c in found if c in _CONTROL_CAUSES),
                     "delete it, or put back the character it stands for")
        message = (f'control character {codes} in "{quoted}": a job board shows a box or '
                   f"nothing there; {cause}"
                   + (f" (and in {more} more words of this file)" if more > 0 else ""))
        line, column = doc.line_index.position(first)
        diag = internal_diagnostic(ctx, doc.path, "control-character", message, line, column,
                                   doc.line_index.position(last))
        if diag is None:
            return []
        out.append(diag)
    return out


def reads(rule: Rule, doc: Document) -> bool:
    """Whether ``rule`` checks ``doc``: it reads the posting's language, or no words at all."""
    return rule.reads_languages is None or doc.language in rule.reads_languages


def check_document(doc: Document, ctx: Context) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    for active in ctx.active_for(doc.path):
        if not reads(active.rule, doc):
            continue
        in_copy = doc.in_copy if doc.copies and not active.rule.sees_copies else None
        try:
            for violation in active.rule.check(doc, active.options):
                if in_copy is None or not in_copy(violation.start):
                    diagnostics.append(to_diagnostic(doc, active, violation))
        except BaseException as exc:  # SystemExit too: a plugin must not end the run
            if interrupts.is_stop(exc):
                raise
            meta = active.rule.meta
            what = f"stopped on this file: {exc}" if isinstance(exc, PatternTimeout) else \
                f"crashed: {type(exc).__name__}: {exc}"
            diag = internal_diagnostic(ctx, doc.path, "rule-error",
                             f"rule {meta.code} ({meta.name}) {what}; the other rules still ran")
            if diag:
                diagnostics.append(diag)
    if doc.comments:
        suppressions = parse_suppressions(
            doc.source, lambda s: {r.meta.code for r in ctx.ruleset.match(s)}
        )
        diagnostics, unused = apply_suppressions(diagnostics, suppressions)
        for sup in suppressions:
            for word in sup.unknown:
                close = ctx.ruleset.suggest(word)
                hint = f"; did you mean '{close}'?" if close else "; 'jdlint rules' lists them"
                diag = internal_diagnostic(ctx, doc.path, "invalid-suppression",
                                           f"'{word}' in this jdlint-{sup.kind} comment names no "
                                           f"rule, so it suppresses nothing{hint}", sup.line,
                                           sup.column)
                if diag:
                    diagnostics.append(diag)
        for sup in unused:
            diag = internal_diagnostic(ctx, doc.path, "unused-suppression",
                             f"this jdlint-{sup.kind} comment suppresses nothing", sup.line,
                             sup.column)
            if diag:
                diagnostics.append(diag)
    return sorted(diagnostics, key=Diagnostic.sort_key)


def check_bytes(path: str, data: bytes, ctx: Context, today: date | None = None) -> FileResult:
    """Decode, parse and check one file's bytes; never raises for bad input."""
    config = ctx.config

    def unreadable(reason: str) -> FileResult:
        diag = internal_diagnostic(ctx, path, "unreadable-file",
                                   f"cannot check this file: {reason}")
        return FileResult(path, (diag,) if diag else (), error=reason)

    if len(data) > config.max_file_size:
        return unreadable(f"file too large ({len(data):,} bytes; max-file-size is "
                          f"{config.max_file_size:,})")
    if format_for(path) == "docx":
        from .reading.docx import read_docx

        try:
            word = read_docx(data, config.docx_headers_footers)
        except InputError as exc:
            return unreadable(str(exc))
        result = check_text(path, word.source, ctx, today=today, fmt="docx",
                            parsed=word.parsed)
        return replace(result, digest=content_digest(data))
    try:
        decoded = decode(data, config.encoding)
    except InputError as exc:
        return unreadable(str(exc))
    result = check_text(path, decoded.text, ctx, today=today, encoding=decoded.encoding,
                        bom=bool(decoded.bom), note=decoded.note)
    return replace(result, digest=content_digest(data))


def content_digest(data: bytes) -> str:
    """What ``--fix`` compares to know that a file is still the one that was checked."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def check_text(path: str, text: str, ctx: Context, *, today: date | None = None,
               encoding: str = "utf-8", bom: bool = False, note: str | None = None,
               fmt: str | None = None, parsed: Parsed | None = None) -> FileResult:
    config = ctx.config
    extra: list[Diagnostic] = []
    if note and (diag := internal_diagnostic(ctx, path, "encoding-fallback", f"file is {note}")):
        extra.append(diag)
    if not text.strip():
        diag = internal_diagnostic(ctx, path, "empty-file", "empty file: nothing to check")
        return FileResult(path, tuple(extra + ([diag] if diag else [])), encoding=encoding)
    try:
        doc = Document.from_source(
            path, text, fmt=fmt, today=today or config.today, language=config.language,
            jurisdiction=config.jurisdiction, encoding=encoding, bom=bom,
            employer_size=config.employer_size, parsed=parsed,
        )
    except InputError as exc:
        diag = internal_diagnostic(ctx, path, "unreadable-file", f"cannot check this file: {exc}")
        return FileResult(path, tuple(extra + ([diag] if diag else [])), error=str(exc))
    for note in doc.notes:
        if diag := internal_diagnostic(ctx, path, "invalid-structured-data", note):
            extra.append(diag)
    extra += control_characters(ctx, doc)
    diagnostics = sorted(extra + check_document(doc, ctx), key=Diagnostic.sort_key)
    return FileResult(path, tuple(diagnostics), doc.language, doc.jurisdiction, encoding,
                      collected=collect(doc, ctx), format=doc.format,
                      text=doc.shown_text if config.keep_text else None, **_place_fields(doc))


def _place_fields(doc: Document) -> dict[str, Any]:
    if doc.place is None:
        return {}
    evidence = tuple(
        {"signal": e.signal, "text": e.text, "code": e.code, "weight": e.weight,
         **({"line": doc.position(e.offset)[0]} if e.offset is not None else {})}
        for e in doc.place.evidence[:20])
    return {"place_confidence": doc.place.confidence, "place_evidence": evidence,
            "places": doc.place.places}


def collect(doc: Document, ctx: Context) -> dict[str, Any]:
    """Each active rule's cross-file data for this document (most rules have none)."""
    out: dict[str, Any] = {}
    for active in ctx.active_for(doc.path):
        if not reads(active.rule, doc):
            continue
        try:
            data = active.rule.collect(doc, active.options)
        except BaseException as exc:  # check() reports a broken rule; collect stays quiet
            if interrupts.is_stop(exc):
                raise
            data = None
        if data is not None:
            out[active.rule.meta.code] = data
    return out


def cross_check(results: Sequence[FileResult], contexts: Sequence[Context]) -> list[Diagnostic]:
    """Run each rule's ``across`` over the data its ``collect`` gathered from every file."""
    by_code: dict[str, list[tuple[str, Any]]] = {}
    for result in results:
        for code, data in result.collected.items():
            by_code.setdefault(code, []).append((result.path, data))
    out: list[Diagnostic] = []
    for code, items in sorted(by_code.items()):
        active = next((a for ctx in contexts for a in ctx.selection.active
                       if a.rule.meta.code == code), None)
        if active is None:
            continue
        meta = active.rule.meta
        try:
            found = list(active.rule.across(items, active.options))
        except BaseException as exc:
            if interrupts.is_stop(exc):
                raise
            diag = internal_diagnostic(contexts[0], items[0][0], "rule-error",
                                       f"rule {meta.code} ({meta.name}) crashed comparing "
                                       f"files: {type(exc).__name__}: {exc}")
            out.extend([diag] if diag else [])
            continue
        for f in found:
            severity = active.severity if active.severity_configured or f.severity is None \
                else f.severity
            out.append(Diagnostic(f.path, meta.code, meta.name, severity, f.line, f.column,
                                  f.end_line, f.end_column, f.message, None, f.data))
    return out


def build_context(config: Config, rules: Iterable[object] | None = None) -> Context:
    from .registry import discover

    ruleset = RuleSet(discover(config.rule_dirs) if rules is None else list(rules))  # type: ignore[arg-type]
    return Context(ruleset, ruleset.select(config), config)


def rules_of(contexts: Sequence[Context]) -> tuple[ActiveRule, ...]:
    seen: dict[str, ActiveRule] = {}
    for ctx in contexts:
        for active in ctx.selection.active:
            seen.setdefault(active.rule.meta.code, active)
    return tuple(sorted(seen.values(), key=lambda a: a.rule.meta.code))
