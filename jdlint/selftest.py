"""Every rule's examples run as tests: the texts that must trigger it and those that must not
(``jdlint rules --test``). jdlint's own test suite runs its rules' examples the same way; a
rule author runs theirs before the rule meets real postings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .config import Config
from .engine import build_context, check_text
from .model import Diagnostic, Example, RuleMeta
from .rule import EngineRule, Rule


@dataclass(frozen=True)
class ExampleFailure:
    """An example its rule got wrong: a trigger text it was silent on, or a clean text it
    reported (``found``: its findings there)."""

    rule: RuleMeta
    example: Example
    found: tuple[Diagnostic, ...] = ()


def check_examples(rules: Sequence[Rule], today: date) -> tuple[int, list[ExampleFailure]]:
    """Run the examples of ``rules`` (each rule alone among them, on the example's own date,
    place, language and employer size, else ``today``). The number of examples run, and
    those that failed."""
    run = 0
    failed: list[ExampleFailure] = []
    for rule in rules:
        if isinstance(rule, EngineRule):
            continue  # the engine's own findings (an unreadable file) have no examples
        meta = rule.meta
        for example in meta.examples:
            config = Config(select=(meta.code,), today=example.today or today,
                            jurisdiction=example.jurisdiction, language=example.language,
                            employer_size=example.employer_size,
                            rule_options={meta.code: dict(example.options)}
                            if example.options else {})
            result = check_text("example.md", example.text, build_context(config, rules))
            found = tuple(d for d in result.diagnostics if d.code == meta.code)
            run += 1
            if bool(found) != example.triggers:
                failed.append(ExampleFailure(meta, example, found))
    return run, failed
