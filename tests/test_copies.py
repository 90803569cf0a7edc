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


def test_a_block_near_two_earlier_ones_equally_is_a_copy_of_the_earlier() -> None:
    """Two earlier paragraphs share as much with a later one and are as close to it: the
    later one repeats the first of them, in every run (not as a set of words happens to
    iterate, which changes with Python's hash seed)."""
    import subprocess
    import sys

    from jdlint.document.copies import MIN_WORDS, SIMILARITY, find_repeats

    base = ("the team plans every release together and reviews each change before it ships "
            "to customers who rely on our service").split()
    assert len(base) == 20
    edited_end = " ".join(base[:17] + ["alpha", "beta", "gamma"])
    edited_start = " ".join(["delta", "epsilon", "zeta"] + base[3:])
    text = f"{edited_end}\n\n{edited_start}\n\n{' '.join(base)}\n"
    blocks = Document.from_source("p.txt", text).blocks
    repeats = find_repeats(blocks, MIN_WORDS, SIMILARITY)
    assert [(r.first, r.start) for r in repeats] == [(0, 2)]
    script = ("import sys; from jdlint.document import Document; from jdlint.document.copies "
              "import find_repeats; b = Document.from_source('p.txt', sys.stdin.read()).blocks; "
              "print([(r.first, r.start) for r in find_repeats(b, 8, 0.8)])")
    for seed in ("1", "2", "3"):
        out = subprocess.run([sys.executable, "-c", script], input=text, text=True,
                             capture_output=True, check=True,
                             env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        assert out.strip() == "[(0, 2)]"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab_1 -'’.\nÄİ²", max_size=40))
def test_words_counted_without_underscores_are_the_patterns_words(text: str) -> None:
    """A text's words are matched as runs of \\w once its "_" are spaces: the same words as
    the patterns that leave "_" out of a word."""
    from jdlint.checks.readability import WORD, words_in
    from jdlint.document.copies import WORDS, word_list

    assert word_list(text) == WORDS.findall(text.lower())
    assert words_in(text) == len(WORD.findall(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from("abcde"), max_size=20), st.lists(st.sampled_from("abcde"),
       max_size=20), st.booleans())
def test_a_similarity_below_the_floor_is_told_without_matching(a: list[str], b: list[str],
                                                               short: bool) -> None:
    """With a floor, a similarity at or above it is the same; one below it stays below."""
    from jdlint.document.copies import SIMILARITY, _similarity

    full = _similarity(a, b, short)
    floored = _similarity(a, b, short, floor=SIMILARITY)
    assert floored == full if full >= SIMILARITY else floored < SIMILARITY
