"""Pasted copies: rules are silent inside a copy; whole-posting measures count one copy."""

from __future__ import annotations

from collections.abc import Callable

from jdlint.document import Document
from jdlint.model import FileResult

Lint = Callable[..., FileResult]

ONE = """Senior Data Engineer

We are looking for a driven, competitive and ambitious engineer who will lead our platform
team. You will be a rockstar who thrives under pressure and makes decisive calls every day.

Requirements
- Five years of experience designing and running large data pipelines in production
- Strong knowledge of SQL, Python and at least one cloud platform such as AWS or GCP
- Experience mentoring other engineers and reviewing their designs and their code

Apply through our careers page before 1 March 2030. Questions go to Jane Doe, jane@example.com.
"""


def test_the_copy_is_a_span_of_the_document() -> None:
    d = Document.from_source("p.txt", ONE + "\n" + ONE)
    assert len(d.copies) == 1
    start, _ = d.copies[0]
    assert d.text[start:].startswith("Senior Data Engineer")
    assert d.in_copy(start) and not d.in_copy(start - 2)
    assert d.text_without_copies.count("Senior Data Engineer") == 1


def test_no_finding_inside_a_pasted_copy_but_the_duplicate(lint: Lint) -> None:
    once = lint(ONE, path="p.txt", select=("ALL",))
    twice = lint(ONE + "\n" + ONE, path="p.txt", select=("ALL",))
    copy_line = ONE.count("\n") + 2
    inside = [d for d in twice.diagnostics if d.line >= copy_line]
    assert [d.name for d in inside] == ["duplicate-block"]
    names = sorted(d.name for d in once.diagnostics)
    assert sorted(d.name for d in twice.diagnostics if d.name != "duplicate-block") == names


def test_length_and_balance_count_one_copy(lint: Lint) -> None:
    once = lint(ONE, path="p.txt", select=("gender-coded-wording", "posting-length"))
    twice = lint(ONE + "\n" + ONE, path="p.txt", select=("gender-coded-wording", "posting-length"))

    def summary(result: FileResult) -> list[tuple[str, str]]:
        return [(d.name, d.message) for d in result.diagnostics if d.line == 1]

    assert summary(once) == summary(twice)
    def balance(result: FileResult) -> object:
        return next(d.data for d in result.diagnostics if d.data and "masculine" in d.data)

    assert balance(twice) == balance(once)


def test_a_posting_without_copies_is_unchanged(lint: Lint) -> None:
    d = Document.from_source("p.txt", ONE)
    assert d.copies == [] and d.text_without_copies == d.text
