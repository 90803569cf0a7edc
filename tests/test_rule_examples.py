"""Examples are tests (pylint, proselint): every rule's must-trigger and must-not texts."""

from __future__ import annotations

import pytest

from jdlint.config import Config
from jdlint.engine import build_context, check_text
from jdlint.registry import discover
from jdlint.rule import EngineRule

from .conftest import TODAY

RULES = [r for r in discover() if not isinstance(r, EngineRule)]
CASES = [
    pytest.param(rule, example, id=f"{rule.meta.name}-{'trigger' if example.triggers else 'clean'}{i}")
    for rule in RULES
    for i, example in enumerate(rule.meta.examples)
]


def test_every_rule_has_both_kinds_of_example() -> None:
    for rule in RULES:
        kinds = {e.triggers for e in rule.meta.examples}
        assert kinds == {True, False}, f"{rule.meta.name} needs trigger and clean examples"


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_example(rule, example) -> None:  # type: ignore[no-untyped-def]
    config = Config(select=(rule.meta.code,), today=example.today or TODAY,
                    jurisdiction=example.jurisdiction, language=example.language,
                    employer_size=example.employer_size,
                    rule_options={rule.meta.code: dict(example.options)} if example.options else {})
    result = check_text("example.md", example.text, build_context(config))
    codes = [d.code for d in result.diagnostics]
    if example.triggers:
        assert rule.meta.code in codes, f"{rule.meta.name} should trigger on: {example.text!r}"
    else:
        assert rule.meta.code not in codes, (
            f"{rule.meta.name} should not trigger on: {example.text!r}\n{result.diagnostics}"
        )
