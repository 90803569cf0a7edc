"""Load YAML rule files into rules; every mistake names the file, the key and its line."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import regex
import yaml

from .datafiles import SafeLoader, parse_yaml
from .document.language import SUPPORTED
from .document.subjects import SUBJECTS
from .errors import RuleDefinitionError
from .kinds import (
    ALL_LANGUAGES,
    KINDS,
    DataRule,
    RequestRule,
    RequiredRule,
    TermRule,
    TermSet,
    compile_term_regex,
)
from .model import CODE_RE, NAME_RE, Category, Example, RuleDocs, RuleMeta, Severity
from .nlp import LEMMA_PREFIX

COMMON = {
    "code", "name", "kind", "category", "severity", "default", "summary", "message", "docs",
    "examples", "languages", "jurisdictions", "skip-sections", "ignorecase", "effective",
    "min-employees",
}
_TERM_KEYS = {"exceptions", "skip-subjects", "skip-names", "unless-posting", "messages"}
PER_KIND = {
    "existence": {"terms"} | _TERM_KEYS,
    "substitution": {"swap", "fix"} | _TERM_KEYS,
    "required": {"patterns", "sections", "anchor-sections"},
    "request": {"terms", "cues", "unless"} | _TERM_KEYS,
}
SKIP_NAMES = ("none", "organisations", "any")
DOC_KEYS = {"what", "why", "example", "use-instead", "references", "basis"}
EXAMPLE_KEYS = {"text", "today", "jurisdiction", "language", "employer-size"}


class _Context:
    """The file being loaded and the line of each top-level key, for error messages."""

    def __init__(self, path: str, text: str, check_terms: bool = True) -> None:
        self.path = path
        self.text = text
        self.check_terms = check_terms  # compile each term alone to name a broken one

    def lines(self) -> dict[str, int]:
        """The line of each top-level key (composed again only when there is an error)."""
        out: dict[str, int] = {}
        try:
            node = yaml.compose(self.text, Loader=SafeLoader)
        except yaml.YAMLError:
            node = None
        if isinstance(node, yaml.MappingNode):
            for key, _value in node.value:
                out[str(key.value)] = key.start_mark.line + 1
        return out

    def error(self, key: str, problem: str) -> RuleDefinitionError:
        line = self.lines().get(key.split(".")[0])
        where = f"{self.path}:{line}" if line else self.path
        return RuleDefinitionError(f"{where}: key '{key}': {problem}")


def load_rule_file(path: Path, check_terms: bool = True) -> DataRule:
    """A rule from its YAML file. ``check_terms=False`` skips compiling each term alone (which
    names a broken regex in the error; a broken one still fails when the terms are combined)
    and matches the terms as trusted (:attr:`TermSet.trusted`): for jdlint's own packs, which
    the tests load with the check (a tenth of a cold start)."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleDefinitionError(f"{path}: cannot read rule file: {exc}") from None
    return load_rule_text(text, str(path), check_terms)


def load_rule_text(text: str, origin: str, check_terms: bool = True) -> DataRule:
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{origin}:{mark.line + 1}" if mark is not None else origin
        problem = getattr(exc, "problem", exc)
        raise RuleDefinitionError(f"{where}: invalid YAML: {problem}") from None
    ctx = _Context(origin, text, check_terms)
    if not isinstance(data, dict):
        raise RuleDefinitionError(f"{origin}: a rule file must be a YAML mapping")
    kind = _str(ctx, data, "kind")
    if kind not in KINDS:
        raise ctx.error("kind", f"{kind!r} is not a rule kind ({', '.join(KINDS)})")
    unknown = set(data) - COMMON - PER_KIND[kind]
    if unknown:
        key = sorted(unknown)[0]
        raise ctx.error(key, f"unknown key for a rule of kind '{kind}'")
    meta = _meta(ctx, data, origin, fixable=bool(data.get("fix")))
    message = _str(ctx, data, "message")
    _check_template(ctx, message, kind)
    ignorecase = _bool(ctx, data, "ignorecase", True)
    common: dict[str, Any] = dict(
        meta=meta,
        message=message,
        languages=_languages(ctx, data.get("languages", []), "languages"),
        jurisdictions=tuple(j.upper() for j in _strs(ctx, data, "jurisdictions")),
        skip_sections=tuple(_strs(ctx, data, "skip-sections")),
        ignorecase=ignorecase,
        effective=_date(ctx, data, "effective"),
        min_employees=_positive(ctx, data, "min-employees"),
    )
    if kind == "required":
        sections = tuple(_strs(ctx, data, "sections"))
        patterns = _per_language(ctx, data, "patterns", required=not sections)
        return RequiredRule(
            **common,
            patterns=_compile(ctx, "patterns", patterns, ignorecase) if patterns else None,
            sections=sections,
            anchor_sections=tuple(_strs(ctx, data, "anchor-sections")),
        )
    exceptions = _per_language(ctx, data, "exceptions", required=False)
    if kind in ("existence", "request"):
        terms = _per_language(ctx, data, "terms", required=True)
    else:
        terms = _swaps(ctx, data)
    unless_posting = _per_language(ctx, data, "unless-posting", required=False)
    subjects = tuple(_strs(ctx, data, "skip-subjects"))
    wrong = [s for s in subjects if s not in SUBJECTS]
    if wrong:
        raise ctx.error("skip-subjects", f"{wrong[0]!r} is not a subject ({', '.join(SUBJECTS)})")
    skip_names = str(data.get("skip-names", "none"))
    if skip_names not in SKIP_NAMES:
        raise ctx.error("skip-names", f"must be one of {', '.join(SKIP_NAMES)}")
    messages = data.get("messages", {})
    listed = {t for entries in terms.values() for t, _ in entries}
    if not isinstance(messages, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in messages.items()):
        raise ctx.error("messages", "must map a term to its own message")
    for term, text in messages.items():
        if term not in listed:
            raise ctx.error("messages", f"{term!r} is not one of the rule's terms")
        _check_template(ctx, text, kind)
    term_args: dict[str, Any] = dict(
        messages=messages,
        terms=_compile(ctx, "swap" if kind == "substitution" else "terms", terms, ignorecase),
        exceptions=_compile(ctx, "exceptions", exceptions, ignorecase) if exceptions else None,
        fix=_bool(ctx, data, "fix", False),
        skip_subjects=subjects,
        skip_names=skip_names,
        unless_posting=(_compile(ctx, "unless-posting", unless_posting, ignorecase)
                        if unless_posting else None),
    )
    if kind == "request":
        cues = _per_language(ctx, data, "cues", required=False)
        unless = _per_language(ctx, data, "unless", required=False)
        return RequestRule(**common, **term_args,
                           cues=_compile(ctx, "cues", cues, ignorecase) if cues else None,
                           unless=_compile(ctx, "unless", unless, ignorecase) if unless else None)
    return TermRule(**common, **term_args)


def _meta(ctx: _Context, data: Mapping[str, Any], origin: str, fixable: bool) -> RuleMeta:
    code = _str(ctx, data, "code")
    if not CODE_RE.match(code):
        raise ctx.error("code", f"{code!r} is not a rule code (three capitals and three digits)")
    name = _str(ctx, data, "name")
    if not NAME_RE.match(name):
        raise ctx.error("name", f"{name!r} is not a kebab-case rule name")
    try:
        category = Category.parse(_str(ctx, data, "category"))
        severity = Severity.parse(str(data.get("severity", "warning")))
    except ValueError as exc:
        key = "category" if "category" in str(exc) else "severity"
        raise ctx.error(key, str(exc)) from None
    if not code.startswith(category.value):
        raise ctx.error("code", f"codes of category '{category}' start with {category.value}")
    return RuleMeta(
        code=code,
        name=name,
        category=category,
        severity=severity,
        summary=_str(ctx, data, "summary"),
        docs=_docs(ctx, data.get("docs")),
        default_enabled=_bool(ctx, data, "default", True),
        examples=_examples(ctx, data.get("examples")),
        fixable=fixable,
        origin=origin,
    )


def _docs(ctx: _Context, value: Any) -> RuleDocs:
    if not isinstance(value, dict):
        raise ctx.error("docs", "must be a mapping with at least 'what' and 'why'")
    unknown = set(value) - DOC_KEYS
    if unknown:
        raise ctx.error(f"docs.{sorted(unknown)[0]}", f"unknown key (expected {sorted(DOC_KEYS)})")
    for key in ("what", "why"):
        if not isinstance(value.get(key), str) or not value[key].strip():
            raise ctx.error(f"docs.{key}", "is required and must be text")
    refs = value.get("references", [])
    if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
        raise ctx.error("docs.references", "must be a list of strings")
    return RuleDocs(
        what=value["what"].strip(),
        why=value["why"].strip(),
        example=str(value.get("example", "")).strip(),
        use_instead=str(value.get("use-instead", "")).strip(),
        references=tuple(refs),
        basis=str(value.get("basis", "")).strip(),
    )


def _examples(ctx: _Context, value: Any) -> tuple[Example, ...]:
    if not isinstance(value, dict) or not value.get("trigger") or not value.get("clean"):
        raise ctx.error("examples", "needs 'trigger' and 'clean' lists (texts that must and "
                                    "must not trigger the rule)")
    out: list[Example] = []
    for key, triggers in (("trigger", True), ("clean", False)):
        items = value[key]
        if not isinstance(items, list):
            raise ctx.error(f"examples.{key}", "must be a list")
        for item in items:
            out.append(_example(ctx, f"examples.{key}", item, triggers))
    return tuple(out)


def _example(ctx: _Context, key: str, item: Any, triggers: bool) -> Example:
    if isinstance(item, str):
        return Example(item, triggers)
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise ctx.error(key, "each example is a text or a mapping with 'text'")
    unknown = set(item) - EXAMPLE_KEYS
    if unknown:
        raise ctx.error(key, f"unknown example key {sorted(unknown)[0]!r}")
    today = item.get("today")
    if today is not None and not isinstance(today, date):
        raise ctx.error(key, "'today' must be a date (YYYY-MM-DD)")
    size = item.get("employer-size")
    if size is not None and (not isinstance(size, int) or isinstance(size, bool)):
        raise ctx.error(key, "'employer-size' must be a whole number")
    return Example(item["text"], triggers, today, item.get("jurisdiction"), item.get("language"),
                   employer_size=size)


def _per_language(ctx: _Context, data: Mapping[str, Any], key: str,
                  required: bool) -> dict[str, list[tuple[str, list[str]]]]:
    """A list of terms, or a mapping of language code to a list, as {lang: [(term, [])]}."""
    value = data.get(key)
    if value is None:
        if required:
            raise ctx.error(key, "is required")
        return {}
    groups = value if isinstance(value, dict) else {ALL_LANGUAGES: value}
    _languages(ctx, [k for k in groups if k != ALL_LANGUAGES], key)
    out: dict[str, list[tuple[str, list[str]]]] = {}
    for lang, items in groups.items():
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            raise ctx.error(key, f"must be a list of non-empty strings (language {lang!r})")
        out[lang] = [(i, []) for i in items]
    return out


def _swaps(ctx: _Context, data: Mapping[str, Any]) -> dict[str, list[tuple[str, list[str]]]]:
    value = data.get("swap")
    if not isinstance(value, dict) or not value:
        raise ctx.error("swap", "is required: a mapping of term to its alternatives")
    per_lang = all(k in SUPPORTED or k == ALL_LANGUAGES for k in value) and all(
        isinstance(v, dict) for v in value.values()
    )
    groups = value if per_lang else {ALL_LANGUAGES: value}
    out: dict[str, list[tuple[str, list[str]]]] = {}
    for lang, swaps in groups.items():
        entries: list[tuple[str, list[str]]] = []
        for term, alts in swaps.items():
            alts = [alts] if isinstance(alts, str) else alts
            if not isinstance(alts, list) or not all(isinstance(a, str) for a in alts):
                raise ctx.error("swap", f"alternatives of {term!r} must be a string or a list")
            entries.append((str(term), alts))
        out[lang] = entries
    return out


def _compile(ctx: _Context, key: str, groups: Mapping[str, Sequence[tuple[str, Sequence[str]]]],
             ignorecase: bool) -> dict[str, TermSet]:
    out: dict[str, TermSet] = {}
    for lang, entries in groups.items():
        for term, _ in entries:
            if term.startswith(LEMMA_PREFIX):
                if not term[len(LEMMA_PREFIX):].strip():
                    raise ctx.error(key, f"{term!r}: a lemma: term needs a phrase after it")
                continue
            try:
                if ctx.check_terms:
                    compile_term_regex(term[3:] if term.startswith("re:") else re.escape(term))
            except regex.error as exc:
                raise ctx.error(key, f"invalid regular expression {term!r}: {exc}") from None
        try:
            out[lang] = TermSet.compile(list(entries), ignorecase, lang,
                                        trusted=not ctx.check_terms)
        except regex.error as exc:
            raise ctx.error(key, f"the terms do not combine into one expression: {exc} "
                                 "(inline flags such as (?i) are not allowed)") from None
    return out


def _check_template(ctx: _Context, message: str, kind: str) -> None:
    allowed = {"match", "term", "alternatives", "first", "country"} if kind != "required" \
        else {"country"}
    for _, field, _, _ in string.Formatter().parse(message):
        if field is not None and field not in allowed:
            raise ctx.error("message", f"unknown placeholder {{{field}}} "
                                       f"(allowed: {', '.join(sorted(allowed)) or 'none'})")


def _languages(ctx: _Context, value: Any, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(v in SUPPORTED for v in value):
        raise ctx.error(key, f"languages must be among {', '.join(SUPPORTED)}")
    return tuple(value)


def _str(ctx: _Context, data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ctx.error(key, "is required and must be text")
    return value.strip()


def _strs(ctx: _Context, data: Mapping[str, Any], key: str) -> Iterable[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ctx.error(key, "must be a list of strings")
    return value


def _date(ctx: _Context, data: Mapping[str, Any], key: str) -> date | None:
    value = data.get(key)
    if value is not None and not isinstance(value, date):
        raise ctx.error(key, "must be a date (YYYY-MM-DD)")
    return value


def _positive(ctx: _Context, data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise ctx.error(key, "must be a positive whole number")
    return value


def _bool(ctx: _Context, data: Mapping[str, Any], key: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise ctx.error(key, "must be true or false")
    return value


def load_rule_dir(directory: Path) -> list[DataRule]:
    if not directory.is_dir():
        raise RuleDefinitionError(f"{directory}: rule folder does not exist")
    return [load_rule_file(p) for p in sorted(directory.rglob("*.y*ml")) if p.is_file()]
