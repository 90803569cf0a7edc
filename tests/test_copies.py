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


# -- parallel statements: alike but for their values, each its own --------------------------

import pytest  # noqa: E402

from jdlint.document.copies import parallel, word_list  # noqa: E402


@pytest.mark.parametrize(("a", "b", "expected"), [
    # other numbers, levels, dates in the same places: alternatives and levels
    ("Two years of full-time paid experience as a Senior Tiler with the city; or",
     "Four years of full-time paid experience as a Tiler with the city.", True),
    ("A Bachelor's degree in chemistry and 8 years of laboratory work",
     "A Master's degree in chemistry and 5 years of laboratory work", True),
    ("Required minimum qualifications for the analyst role in our team",
     "Optional preferred qualifications for the analyst role in our team", True),
    ("Applications open from 9:00 on Monday 6 February to 17:00 on Friday 10 February",
     "Applications open from 9:00 on Monday 6 November to 17:00 on Friday 10 November", True),
    ("Placement in Grade II needs one year of experience at the grade below it",
     "Placement in Grade III needs two years of experience at the grade below it", True),
    ("Hold a B.S. or B.A. in geology, hydrology or a related earth science subject",
     "Hold a M.S. or M.A. in geology, hydrology or a related earth science subject", True),
    # an edited copy: the same values, other words
    ("We are a well organised team that values careful planning and open feedback",
     "We are a well organized team that values careful planning and honest feedback", False),
    ("You need 5 years of experience with SQL and Python in a production setting",
     "You need 5 years of experience with SQL, Python and Go in a production setting", False),
    ("Our office in Leeds is open to visitors on weekdays from nine to five",
     "Our office in Leeds welcomes visitors on weekdays from nine to five", False),
    ("We will review every application and reply to each applicant within two weeks of the "
     "closing date, by e-mail or by phone",
     "We will read every application carefully and reply to each applicant by e-mail or by "
     "phone", False),  # a long change: an edited copy, though it drops a value
    # a short qualifier with a value, one way or the other
    ("Experience working as a legal assistant in a busy law office",
     "One year or more experience working as a legal assistant in a busy law office", True),
    ("A valid licence as an electrician issued by the state board",
     "A valid licence as an electrician issued by the state board is required before you start",
     True),
    ("Basic knowledge of German in speech and writing for daily work",
     "Advanced knowledge of German in speech and writing for daily work", True),
    # alternatives: an item that ends in "or"
    ("Three years of experience as a boilermaker building and repairing boilers; or",
     "Three years of experience as a certified welder building and repairing boilers", True),
])
def test_parallel_statements_differ_in_their_values(a: str, b: str, expected: bool) -> None:
    assert parallel(word_list(a), word_list(b)) is expected


LEVELS = """Database Administrator

Level 2: a degree in computing and two years of experience running production databases for a
large organisation. All levels need a clean record and the right to work in the country.

Level 3: a degree in computing and four years of experience running production databases for a
large organisation. All levels need a clean record and the right to work in the country.

We offer a pension plan, flexible hours and a yearly training budget for every engineer.
"""


def test_parallel_levels_are_neither_copies_nor_repeated_sentences(lint: Lint) -> None:
    doc = Document.from_source("p.txt", LEVELS)
    assert doc.repeats == [] and doc.copies == []
    families = doc.parallel_families
    level2, level3 = (i for i, b in enumerate(doc.blocks) if b.text.startswith("Level"))
    assert families[level2] == families[level3] == level2
    assert not [d for d in lint(LEVELS, path="p.txt").diagnostics if d.name == "duplicate-block"]


def test_an_edited_copy_and_a_sentence_said_twice_in_one_block_are_still_found(
        lint: Lint) -> None:
    edited = LEVELS.replace("Level 3: a degree in computing and four years",
                            "Level 2: a degree in computer science and two years")
    found = [d for d in lint(edited, path="p.txt").diagnostics if d.name == "duplicate-block"]
    assert [d.line for d in found] == [6] and "nearly" in found[0].message
    twice = ("Our nurses work in small teams on every ward of the hospital. Our nurses work in "
             "small teams on every ward of the hospital.\n")
    found = [d for d in lint(twice, path="p.txt").diagnostics if d.name == "duplicate-block"]
    assert [d.message for d in found] == ["This sentence repeats the one on line 1; delete one."]


def test_a_title_said_again_in_the_body_is_no_copy_but_a_second_time_is(lint: Lint) -> None:
    title = "Warehouse operative for the night shift at our distribution centre in Kent"
    body = ("You will load and unload lorries, check deliveries against their papers and keep "
            "the loading bay safe and tidy.")
    once = f"# {title}\n\n{title}\n\n{body}\n"
    assert not [d for d in lint(once, path="p.md").diagnostics if d.name == "duplicate-block"]
    twice = f"# {title}\n\n{title}\n\n{body}\n\n{title}\n"
    found = [d for d in lint(twice, path="p.md").diagnostics if d.name == "duplicate-block"]
    assert [d.message for d in found] == ["This line repeats the one on line 3; delete one."]
    assert found[0].line == 7  # (a line read as a list's item by its shape is called a line)


from jdlint.document.copies import find_repeats  # noqa: E402
from jdlint.document.structure import find_blocks  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(1, 90)), max_size=12),
       st.data())
def test_common_runs_are_those_compared_one_by_one(pieces: list[tuple[int, int]],
                                                   data: st.DataObject) -> None:
    # runs of one class and of alternating ones, longer than the part compared one by one
    from jdlint.document.copies import _CommonRuns

    cls: list[int] = []
    for c, n in pieces:
        cls += [c] * n if c < 2 else [k % 2 for k in range(n)]
    if len(cls) < 2:
        return
    runs = _CommonRuns(cls)
    for _ in range(10):
        i = data.draw(st.integers(0, len(cls) - 2))
        j = data.draw(st.integers(i + 1, len(cls) - 1))
        limit = min(j - i, len(cls) - j)
        naive = 0
        while naive < limit and cls[i + naive] == cls[j + naive]:
            naive += 1
        assert runs.length(i, j, limit) == naive
        assert runs.verified(i, j, limit) == naive


def test_thousands_of_the_same_short_line_are_no_copy_and_a_pasted_posting_still_is() -> None:
    # each of the lines was compared with the first from its start: a quadratic time
    lines = "\n".join(["- Yes"] * 3000)
    posting = ("We build tools that help nurses plan their shifts across the whole hospital.\n\n"
               "You will work with the ward managers to improve the rota every single week.\n")
    blocks = find_blocks(f"{lines}\n\n{posting}\n{posting}")
    found = find_repeats(blocks, 8, 0.8)
    assert len(found) == 1 and found[0].length == 2
    assert blocks[found[0].start].text.startswith("We build tools")
