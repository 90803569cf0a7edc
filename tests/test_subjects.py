"""What a sentence describes and which words are names: the shared concepts wording rules use."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdlint.document import Document
from jdlint.errors import RuleDefinitionError
from jdlint.loader import load_rule_file

POSTING = """# Data Engineer

## About us

We are a market-leading provider of payroll software, founded in 2009.
Our team is small, kind and curious.

## Your profile

- Strong analytical skills
- You are confident with SQL.

## Responsibilities

- Lead the weekly planning with the Clinical Lead.

The service supports people aged 14-65 with a first episode of psychosis.
We are looking for someone who enjoys hard problems.
"""


def subjects(text: str, language: str = "en") -> dict[str, str]:
    doc = Document.from_source("p.md", text, language=language)
    return {s.text: doc.subjects[i] for i, s in enumerate(doc.sentences)}


def test_each_sentence_gets_what_it_describes() -> None:
    found = subjects(POSTING)
    assert found["We are a market-leading provider of payroll software, founded in 2009."] == \
        "company"
    assert found["Our team is small, kind and curious."] == "culture"
    assert found["Strong analytical skills"] == "candidate"
    assert found["You are confident with SQL."] == "candidate"
    assert found["Lead the weekly planning with the Clinical Lead."] == "duties"
    assert found["The service supports people aged 14-65 with a first episode of psychosis."] \
        == "served"
    # a cue in the sentence beats the section it is in
    assert found["We are looking for someone who enjoys hard problems."] == "candidate"


def test_a_sentence_that_opens_with_the_candidate_is_about_the_candidate() -> None:
    found = subjects("The ideal candidate is eager to use his or her skills for our patients.\n\n"
                     "You will be keen to improve care for patients aged 14-65.\n\n"
                     "Our patients and their families are at the heart of his or her work.\n\n"
                     "Patients who need help get it from his or her team.\n")
    assert list(found.values()) == ["candidate", "candidate", "served", "served"]


def test_boilerplate_is_policy_and_benefits_are_benefits() -> None:
    text = ("## Benefits\n\n- Health insurance for you and your family\n\n"
            "We are an equal opportunity employer and do not discriminate.\n")
    found = subjects(text)
    assert found["Health insurance for you and your family"] == "benefits"
    assert found["We are an equal opportunity employer and do not discriminate."] == "policy"


def test_a_bullet_in_no_section_is_read_by_its_shape() -> None:
    found = subjects("Warehouse job in Leeds\n\n- Excellent written English\n- Plan the rota\n")
    assert found["Excellent written English"] == "candidate"
    assert found["Plan the rota"] == "duties"


@pytest.mark.parametrize(("text", "language", "subject"), [
    # a duty by its form under a heading that named the candidate
    ("## Skills and experience\n\n- To triage referrals to the ward team\n", "en", "duties"),
    ("## Skills and experience\n\n- Provides cover for the duty manager\n", "en", "duties"),
    ("## Skills and experience\n\n- Undertake audits of the rota each month\n", "en", "duties"),
    ("## Ihr Profil\n\n- Sie koordinieren die Dienstpläne der Station\n", "de", "duties"),
    ("## Din profil\n\n- Du varetager vagtplanen for afdelingen\n", "da", "duties"),
    # ... and requirements that open with a verb's noun or a verb a requirement uses
    ("## Skills and experience\n\n- Management experience in a busy ward\n", "en", "candidate"),
    ("## Skills and experience\n\n- Develops skills quickly\n", "en", "candidate"),
    ("## Skills and experience\n\n- To have a driving licence\n", "en", "candidate"),
    ("## Ihr Profil\n\n- Sie entwickeln sich gern weiter\n", "de", "candidate"),
    ("## Ihr Profil\n\n- Sie verfügen über einen Führerschein\n", "de", "candidate"),
])
def test_a_duty_by_its_form_describes_the_job(text: str, language: str, subject: str) -> None:
    assert list(subjects(text, language).values())[-1] == subject


def test_a_request_to_the_reader_is_an_instruction_in_any_section() -> None:
    found = subjects("## Responsibilities\n\n- Please use the link below to apply.\n"
                     "- Review the monthly reports.\n\n## Bewerbung\n\nBitte senden Sie Ihre "
                     "Unterlagen per E-Mail.\n", "de")
    assert found["Please use the link below to apply."] == "instruction"
    assert found["Review the monthly reports."] == "duties"
    assert found["Bitte senden Sie Ihre Unterlagen per E-Mail."] == "instruction"


def test_german_and_danish_cues() -> None:
    assert subjects("Wir sind ein führendes Unternehmen für Logistik.\n", "de") == {
        "Wir sind ein führendes Unternehmen für Logistik.": "company"}
    assert subjects("Du har erfaring med lager og truck.\n", "da") == {
        "Du har erfaring med lager og truck.": "candidate"}


@pytest.mark.parametrize(("text", "name", "organisation"), [
    ("You will support the Clinical Lead on the ward.\n", "Clinical Lead", False),
    ("E-Verify is run by the U.S. Citizenship and Immigration Services.\n",
     "U.S. Citizenship and Immigration Services", True),
    ("Harbour Valley NHS Trust is hiring.\n", "Harbour Valley NHS Trust", True),
    ("We build on frameworks such as Drop Wizard.\n", "Drop Wizard", False),
])
def test_names(text: str, name: str, organisation: bool) -> None:
    doc = Document.from_source("p.md", text)
    start = doc.text.index(name)
    end = start + len(name)
    assert doc.in_name(start, end)
    assert doc.in_name(start, end, organisations_only=True) is organisation


@pytest.mark.parametrize("text", [
    "Strong analytical skills are a must.\n",  # capitalised only as the sentence's first word
    "YOU MUST BE A US CITIZEN.\n",  # shouting is not a name
    "Must be a US Citizen.\n",  # a capitalised run without an organisation's head noun
])
def test_not_names_of_organisations(text: str) -> None:
    doc = Document.from_source("p.md", text)
    assert not any(org for _, _, org in doc.names)
    if text.startswith(("Strong", "YOU")):
        assert doc.names == []


def _rule(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "r.yaml"
    path.write_text(
        "code: INC901\nname: test-rule\nkind: existence\ncategory: inclusive\n"
        "summary: s\nmessage: '\"{match}\" found'\nterms: [rockstar, wizard]\n"
        "docs: {what: w, why: y}\n"
        "examples: {trigger: [a rockstar], clean: [an expert]}\n" + extra, "utf-8")
    return path


def _findings(rule, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = Document.from_source("p.md", text)
    return [v.message for v in rule.check(doc, {})]


def test_skip_subjects_names_unless_posting_and_messages(tmp_path: Path) -> None:
    rule = load_rule_file(_rule(tmp_path, (
        "skip-subjects: [company]\nskip-names: any\n"
        "unless-posting: ['re:\\bfancy dress\\b']\n"
        "messages: {wizard: 'a wizard: \"{match}\"'}\n")))
    assert _findings(rule, "You are a rockstar.\n") == ['"rockstar" found']
    assert _findings(rule, "We are a rockstar company in the market.\n") == []  # the company
    assert _findings(rule, "You will use the Setup Wizard daily.\n") == []  # a name
    assert _findings(rule, "You are a wizard with numbers.\n") == ['a wizard: "wizard"']
    assert _findings(rule, "You are a rockstar.\n\nOur fancy dress party is in May.\n") == []


@pytest.mark.parametrize(("extra", "key"), [
    ("skip-subjects: [customers]\n", "skip-subjects"),
    ("skip-names: some\n", "skip-names"),
    ("messages: {ninja: 'x'}\n", "messages"),
    ("messages: {rockstar: '{nope}'}\n", "message"),
])
def test_bad_keys_name_the_key(tmp_path: Path, extra: str, key: str) -> None:
    with pytest.raises(RuleDefinitionError, match=key):
        load_rule_file(_rule(tmp_path, extra))


@pytest.mark.parametrize(("text", "language"), [
    ("I’m so tired of it.", "en"),  # "I" is not Danish "i"
    ("Vi bor i Aarhus.", "da"),
    ("Sie sind belastbar.", "de"),
    # "in" and "an" are German words too: they do not make a German text English
    ("Für unser Team in Wien suchen wir Verstärkung. Bewerbung an jobs@example.at", "de"),
    ("Apply in person at an office near you.", "en"),
])
def test_short_texts_get_the_right_language(text: str, language: str) -> None:
    from jdlint.document.language import detect

    assert detect(text) == language


_PIECES = ["You are", " a ", "team player", ". ", "\n", "- ", "Our team is", "friendly",
           "patients", "We are", " an ", "equal opportunity employer", "We offer", "pension",
           "The ideal candidate", "will", "lead", "the company", "customers", "you",
           "Please apply", "data protection", "agencies", "x", ",", "Wir sind", "Du bist",
           "-", "xYou are", "ideal", "  ", "!", "İ"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_looking_for_cues_only_where_their_words_stand_changes_nothing(text: str) -> None:
    """Subjects and zones try a cue only where one of its first words stands (from the word
    index): the same as searching every sentence whole."""
    from unittest import mock

    from jdlint.document import Document

    fast = Document.from_source("p.md", text)
    expected = (fast.zones, fast.subjects)
    def searched(words, sentences, patterns, keys):  # every sentence searched whole
        return [next((kind for kind, pattern in patterns if pattern.search(text)), "")
                for _, _, text in sentences]

    with mock.patch("jdlint.document.subjects.first_kinds", searched), \
            mock.patch("jdlint.document.zones.first_kinds", searched):
        slow = Document.from_source("p.md", text)
        assert (slow.zones, slow.subjects) == expected


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_NAME_PIECES = ["NHS", " ", "Trust", "and", "of", "the", "\t", "x", "Clinical", "Lead", "'",
                "’", ".", "&", "/", "-", "Ærø", "Øst", "Über", "a@b.co", "\n", "2", "_"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=40).map("".join))
def test_runs_tried_at_capitals_equal_a_whole_text_search(text: str) -> None:
    """Runs of capitalised words are tried only where a capital stands after no word
    character: the same runs as searching the whole sentence; and e-mail addresses searched
    on the lines with an "@" are the addresses a whole-text search finds."""
    from jdlint.document.doc import _PROTECTED
    from jdlint.document.subjects import _RUN, _run_starts
    from jdlint.document.words import matches_at, occurrences, on_lines

    assert [m.span() for m in matches_at(_RUN, text, _run_starts(text))] == \
        [m.span() for m in _RUN.finditer(text)]
    email = dict(_PROTECTED)["@"]
    assert [m.span() for m in on_lines(email, text, occurrences(text, "@"))] == \
        [m.span() for m in email.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_NAME_PIECES, ". ", "We hire", " a ", "Strong", "Lead"]),
                max_size=40).map("".join))
def test_a_name_asked_about_in_its_sentence_is_a_name_of_the_whole_text(text: str) -> None:
    """in_name finds a sentence's names when one of its spans is first asked about: the same
    answers as looking among the whole text's names, for every span of every word."""
    import re

    doc = Document.from_source("p.txt", text)
    names = doc.names
    for m in re.finditer(r"\w+", doc.text):
        for only in (False, True):
            expected = any(a <= m.start() and m.end() <= b and (org or not only)
                           for a, b, org in names)
            assert doc.in_name(m.start(), m.end(), only) == expected
