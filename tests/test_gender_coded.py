"""gender-coded-wording: the stems, the peers' traps, the balance."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from jdlint.checks.gender_coded import verdict
from jdlint.model import FileResult, Severity

Lint = Callable[..., FileResult]
MASC = "We want a driven, ambitious and competitive engineer who is decisive and confident.\n"


def words(result: FileResult) -> list[str]:
    return [d.message.split('"')[1] for d in result.diagnostics if "-coded (" in d.message]


def test_balance_with_counts(lint: Lint) -> None:
    result = lint(MASC, select=("gender-coded-wording",),
                  rule_options={"gender-coded-wording": {"per-word": "masculine"}})
    doc_level = [d for d in result.diagnostics if "reads" in d.message]
    (d,) = doc_level
    assert d.severity == Severity.WARNING and d.data
    assert d.data["masculine"] == 5 and d.data["verdict"] == "strongly masculine-coded"
    assert words(result) == ["driven", "ambitious", "competitive", "decisive", "confident"]


def test_one_finding_by_default_with_its_words_as_related_places(lint: Lint) -> None:
    result = lint(MASC, select=("gender-coded-wording",))
    (d,) = result.diagnostics  # no per-word swarm unless asked for
    assert d.quote is None  # about the whole posting
    assert [(r.quote, r.message) for r in d.related] == [
        (w, "masculine-coded") for w in ("driven", "ambitious", "competitive", "decisive",
                                         "confident")]
    assert all(MASC.splitlines()[r.line - 1][r.column - 1:r.end_column - 1] == r.quote
               for r in d.related)


@pytest.mark.parametrize("text", [
    "## Responsibilities\n\nYour responsibilities include reporting.",
    "Maintain our SharePoint sites for the analysts and the analytics team.",
    "We offer a competitive salary. Feel free to ask questions, depending on your role.",
    "Report to the Team Lead. Our data-driven and test-driven teams set objectives.",
    "We are an equal opportunity employer and welcome ambitious, driven, competitive people "
    "regardless of background.",
    "Wir suchen eine ehrgeizige, durchsetzungsstarke Führungskraft.",
    # corpus false positives: nouns, task verbs, titles, languages and the company itself
    "You will maintain our Objective-C code and write new screens in Swift.",
    "You own lead generation and make decisions on pricing; you analyse data weekly.",
    "We respect individual needs and offer an individualised learning plan.",
    "Technology Lead (m/f/d) wanted. Report to our Frontend Lead.",
    "We are a leading regional employer and a global leader in logistics.",
    "Our ambitious growth strategy keeps us busy in these challenging times.",
    "Your key objective will be to keep the release train on time.",
])
def test_traps_are_not_counted(lint: Lint, text: str) -> None:
    assert words(lint(text, select=("gender-coded-wording",),
                      rule_options={"gender-coded-wording": {"per-word": "all"}})) == []


def test_lead_counts_once_per_sentence(lint: Lint) -> None:
    text = "You are someone who will lead the team and lead the roadmap and lead hiring.\n"
    result = lint(text, select=("gender-coded-wording",),
                  rule_options={"gender-coded-wording": {"per-word": "all"}})
    assert words(result) == ["lead"]


def test_balanced_posting_gets_nothing_by_default(lint: Lint) -> None:
    text = "A driven engineer who enjoys collaboration, supports colleagues and is honest.\n"
    assert lint(text, select=("gender-coded-wording",)).diagnostics == ()


@pytest.mark.parametrize(("m", "f", "expected"), [
    (0, 0, "no coded words"), (2, 2, "neutral"), (1, 3, "feminine-coded"),
    (0, 5, "strongly feminine-coded"), (3, 1, "masculine-coded"),
    (6, 1, "strongly masculine-coded"),
])
def test_verdict_scale(m: int, f: int, expected: str) -> None:
    assert verdict(m, f) == expected


def test_traits_about_the_candidate_count_and_duties_do_not(lint: Lint) -> None:
    text = ("You are analytical, independent and ambitious. You lead the team and take on "
            "challenging projects with a competitive spirit.\n")
    found = words(lint(text, select=("gender-coded-wording",),
                       rule_options={"gender-coded-wording": {"per-word": "all"}}))
    assert found == ["analytical", "independent", "ambitious"]


@pytest.mark.parametrize("text", [
    # duties of a leadership job
    "## Responsibilities\n\n- Lead and organise the team\n- Drive decisions on the "
    "roadmap\n- Defend the budget\n",
    # the company, its market and its benefits
    "We are a market-leading, ambitious and competitive firm. Our products dominate "
    "the market.\n",
    # the people the job serves
    "You will help patients to maximise their independence and to live active, "
    "independent lives.\n",
    # names and titles
    "You will support the Clinical Lead and the Analytical Chemistry Group at Harbour "
    "Valley NHS Trust.\n",
    # technical and legal collocations
    "You have used analytical methods for forced degradation studies of lead compounds, "
    "and you hold an active TS/SCI clearance.\n",
    "You hold an active TS/SCI with full scope poly security clearance, you juggle competing "
    "priorities, and you know ladder logic and viability determination.\n",
    "You have published in leading conferences and worked with leading consultants on "
    "group decision-making meetings.\n",
    # a title after a determiner at the sentence's start
    "The Independent Chair will report to the board. You are the Independent Chair.\n",
])
def test_words_that_do_not_describe_the_candidate_do_not_count(lint: Lint, text: str) -> None:
    result = lint(text, select=("gender-coded-wording",),
                  rule_options={"gender-coded-wording": {"per-word": "all"}})
    assert words(result) == []
    assert not [d for d in result.diagnostics if "masculine-coded:" in d.message]


def test_the_margin_grows_with_the_posting(lint: Lint) -> None:
    filler = "The office is near the station and has a canteen on the ground floor. " * 90
    short = "You are driven, decisive and ambitious.\n"
    assert lint(short, select=("gender-coded-wording",)).diagnostics  # 3 of 3 words
    assert lint("You are driven and ambitious.\n",
                select=("gender-coded-wording",)).diagnostics == ()  # two words decide nothing
    long = short + "\n" + filler + "\n"  # 1,200 words: a margin of 4
    assert lint(long, select=("gender-coded-wording",)).diagnostics == ()
    assert verdict(3, 0, 4) == "neutral" and verdict(4, 0, 4) == "masculine-coded"


def test_related_words_list_the_verdicts_side_first(lint: Lint) -> None:
    text = ("We want a supportive, driven and ambitious engineer who is competitive, decisive "
            "and confident.\n")
    (d,) = lint(text, select=("gender-coded-wording",)).diagnostics
    assert [r.message for r in d.related] == ["masculine-coded"] * 5 + ["feminine-coded"]


def test_a_repeated_phrase_is_one_signal(lint: Lint) -> None:
    text = ("You have a year in a project leader capacity. You have a year in a project leader "
            "capacity. You are a project leader. You are an experienced project leader.\n")
    result = lint(text, select=("gender-coded-wording",),
                  rule_options={"gender-coded-wording": {"per-word": "all"}})
    (balance,) = [d for d in result.diagnostics if "reads" in d.message]
    assert balance.data["masculine"] == 1 and balance.data["occurrences"] == {"masculine": 4}
    assert lint(text, select=("gender-coded-wording",)).diagnostics == ()


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = ["lead", "Leader", "driven", "support", "ive", " ", "-", "'", "’", "don", "t", "12",
           "_", "x", "İ", "nnovative", "\n", "ANALYTIC", "2nd", "a", ".", "²", "½"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_coded_words_from_the_index_are_a_word_scans(text: str) -> None:
    """The words looked up through the word index are the words a regex pass over the
    posting finds that begin with a coded stem: none more, none fewer, in order."""
    from jdlint.checks.gender_coded import _WORD, _coded_words, _stem_of, word_lists

    lists = word_lists()
    coded = [m.span() for m in _WORD.finditer(text) if _stem_of(m.group(), lists)]
    assert [m.span() for m in _coded_words(text, lists)
            if _stem_of(m.group(), lists)] == coded
