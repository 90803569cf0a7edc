"""Examples are tests (pylint, proselint): every rule's must-trigger and must-not texts."""

from __future__ import annotations

import pytest

from jdlint.config import Config
from jdlint.engine import build_context, check_text
from jdlint.registry import discover
from jdlint.rule import EngineRule

from .conftest import TODAY

ALL = discover()  # (each example's context is built from these: not discovered again)
RULES = [r for r in ALL if not isinstance(r, EngineRule)]
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
    result = check_text("example.md", example.text, build_context(config, ALL))
    codes = [d.code for d in result.diagnostics]
    if example.triggers:
        assert rule.meta.code in codes, f"{rule.meta.name} should trigger on: {example.text!r}"
    else:
        assert rule.meta.code not in codes, (
            f"{rule.meta.name} should not trigger on: {example.text!r}\n{result.diagnostics}"
        )


def _own_term_sets() -> list[object]:
    """Every term list of jdlint's own rules (a rule's attributes that hold one, or a dict of
    them by language) and the gender-coded word list's exceptions."""
    from jdlint.checks.gender_coded import word_lists
    from jdlint.kinds import TermSet

    found: list[object] = [word_lists().not_words]
    for rule in RULES:
        for value in vars(rule).values():
            values = value.values() if isinstance(value, dict) else [value]
            found += [v for v in values if isinstance(v, TermSet)]
    return found


def test_own_terms_match_alike_with_re_and_the_regex_module() -> None:
    """jdlint's own terms are matched with the stdlib ``re`` where it reads them as the
    ``regex`` module does (compile_trusted_term): the matches on every example text, the
    rules' own and the examples folder's, are the same."""
    import re
    from pathlib import Path

    from jdlint.kinds import TermSet, compile_term_regex, compile_trusted_term

    examples = Path(__file__).resolve().parent.parent / "examples"
    texts = [e.text for rule in RULES for e in rule.meta.examples]
    texts += [p.read_text("utf-8") for p in sorted(examples.iterdir()) if p.suffix != ".golden"
              and p.suffix != ".docx"]
    text = "\n\n".join(texts)
    sets = [s for s in _own_term_sets() if isinstance(s, TermSet)]
    assert sets and all(s.trusted for s in sets)
    stdlib = 0
    for terms in sets:
        for source in terms.sources:
            if not source:
                continue  # a lemma: term
            fast = compile_trusted_term(source, terms.flags)
            stdlib += isinstance(fast, re.Pattern)
            slow = compile_term_regex(source, terms.flags)
            assert [m.span() for m in fast.finditer(text)] == [
                m.span() for m in slow.finditer(text)], source
    assert stdlib > 100  # most of them run on re
