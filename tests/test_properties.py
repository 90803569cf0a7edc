"""No input crashes the linter; every position lies inside the file; --fix is idempotent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdlint.config import Config
from jdlint.document.blocks import SpanSet
from jdlint.engine import build_context, check_text
from jdlint.fix import apply_fixes
from jdlint.loader import load_rule_text
from jdlint.model import SourceFix
from jdlint.reading.offsets import LINE_END
from jdlint.registry import discover

from .test_fix import RULE

CTX = build_context(Config(select=("ALL",)))
FIX_CTX = build_context(Config(select=("ALL",)), [*discover(), load_rule_text(RULE, "fix.yaml")])
WORDS = st.sampled_from(["rockstar", "ninja", "Deadline", "\n", "\r\n", "\r", "- ", "• ", "# ", "<p>",
                         "</p>", "&amp;", "---\n", "**", "<!-- jdlint-disable -->", "é", "😀",
                         ". ", "culture fit", "  ", "\t", "e.g.", "<li>", "\ufeff", "guru", "chairman", "Salesman", "SALESMAN"])
TEXTS = st.one_of(st.text(), st.lists(st.one_of(WORDS, st.text(max_size=5))).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, ext=st.sampled_from(["md", "txt", "html"]))
def test_any_text_lints_and_positions_stay_inside(text: str, ext: str) -> None:
    result = check_text(f"p.{ext}", text, CTX)
    lines = LINE_END.split(text)  # LF, CRLF and a lone CR each end a line
    for d in result.diagnostics:
        assert d.code != "JDL001", d.message  # no rule crashed
        assert 1 <= d.line <= len(lines) and 1 <= d.end_line <= len(lines)
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1
        assert 1 <= d.end_column <= len(lines[d.end_line - 1]) + 1
        assert (d.line, d.column) <= (d.end_line, d.end_column)


@settings(max_examples=100, deadline=None)
@given(text=TEXTS)
def test_fixes_are_idempotent(text: str) -> None:
    result = check_text("p.md", text, FIX_CTX)
    fixed, _ = apply_fixes(text, [d.fix for d in result.diagnostics if d.fix])
    again = check_text("p.md", fixed, FIX_CTX)
    assert [d.fix for d in again.diagnostics if d.fix] == []


def _fixes_one_by_one(source: str, fixes: list[SourceFix]) -> str:
    """The fixes applied as they were before one join: each from the last, on the whole text."""
    chosen, last_end = [], -1
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if fix.start >= last_end:
            chosen.append(fix)
            last_end = max(fix.end, fix.start + 1)
    for fix in reversed(chosen):
        source = source[:fix.start] + fix.replacement + source[fix.end:]
    return source


@settings(max_examples=300, deadline=None)
@given(data=st.data(), source=st.text(max_size=40))
def test_fixes_apply_as_one_by_one(data: st.DataObject, source: str) -> None:
    # overlapping, nested, empty and touching fixes, in any order
    spans = data.draw(st.lists(st.tuples(st.integers(0, len(source)), st.integers(0, 4),
                                         st.text(max_size=3)), max_size=8))
    fixes = [SourceFix(rep, a, min(len(source), a + n), 1, 1, 1, 1) for a, n, rep in spans]
    assert apply_fixes(source, fixes)[0] == _fixes_one_by_one(source, fixes)


@settings(max_examples=300, deadline=None)
@given(spans=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=12),
       queries=st.lists(st.tuples(st.integers(-2, 75), st.integers(0, 12)), max_size=12))
def test_span_set_answers_as_a_pass_over_the_spans(spans: list[tuple[int, int]],
                                                    queries: list[tuple[int, int]]) -> None:
    taken: list[tuple[int, int]] = []
    found = SpanSet()
    for (a, n), (s, m) in zip(spans, queries, strict=False):
        found.add(a, a + n)
        taken.append((a, a + n))
        assert found.overlaps(s, s + m) == any(x < s + m and s < y for x, y in taken)
        assert (s in found) == any(x <= s < y for x, y in taken)
    assert len(SpanSet(taken)) <= len(taken)
