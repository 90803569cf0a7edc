"""The advice of a finding fits what it was found in: a sentence to paste in the posting's
language, an example that fits the words found (health is not lifting)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from jdlint.model import FileResult

Lint = Callable[..., FileResult]


@pytest.mark.parametrize(("text", "advice"), [
    ("Requirements: good eyesight and a driving licence. Please send your CV.\n",
     '"you will check labels for small print"'),
    ("Requirements: good health. Please send your CV.\n", "asks about health"),
    ("You must be able to lift 50 pounds.\n", "15 kg (33 lb)"),
    ("You must be able to stand for long periods.\n", '"most of the shift is spent on your feet"'),
    ("Ihr Profil: körperliche Belastbarkeit und Teamgeist. Bitte senden Sie Ihre Unterlagen.\n",
     '"Die Arbeit umfasst das Heben von Kisten bis 15 kg"'),
    ("Ihr Profil: gute Sehkraft. Bitte senden Sie Ihre Unterlagen.\n",
     '"Sie prüfen Etiketten auf Kleingedrucktes"'),
    ("Din profil: Du har en god fysik. Send venligst din ansøgning.\n",
     '"Arbejdet indebærer løft af kasser på op til 15 kg"'),
    ("Din profil: Du har et godt helbred. Send venligst din ansøgning.\n", "asks about health"),
])
def test_ability_advice_fits_the_words_and_the_language(lint: Lint, text: str,
                                                        advice: str) -> None:
    (d,) = lint(text, select=("ability-bias",)).diagnostics
    assert advice in d.message


def test_sitting_for_long_periods_gets_an_example_of_sitting(lint: Lint) -> None:
    (d,) = lint("Requirements: ability to sit for extended periods.\n",
                select=("ability-bias",)).diagnostics
    assert '"the job involves desk work for most of the day"' in d.message


# --- sentences to paste -------------------------------------------------------------------

_POSTINGS = {  # a posting in each language that lacks each element the rules below ask for
    "en": "Location: Leeds, United Kingdom\n\n# Nurse\n\nJoin our ward team. We care for "
          "adults after surgery.\n",
    "de": "# Sachbearbeiter (m/w/d)\n\nArbeitsort: Mainz\n\nWir suchen Verstärkung für unser "
          "Team. Sie bearbeiten Anträge und beraten Kunden.\n",
    "da": "# Sygeplejerske\n\nArbejdssted: Aarhus\n\nVi søger en sygeplejerske til vores "
          "afdeling. Du passer patienter og samarbejder med lægerne.\n",
}
_APPLY = {"en": "Apply at https://example.com/jobs/42.",
          "de": "Bewerben Sie sich über https://example.com/jobs/42.",
          "da": "Søg stillingen via https://example.com/jobs/42."}
_ASKS = [("missing-deadline", ("deadline", "rolling")), ("missing-contact", ("contact",)),
         ("missing-apply-instructions", ("apply",)), ("missing-privacy-notice", ("privacy",))]


@pytest.mark.parametrize("language", ["en", "de", "da"])
@pytest.mark.parametrize(("rule", "kinds"), _ASKS)
def test_each_sentence_offered_is_in_the_postings_language_and_is_what_the_rule_asks(
        lint: Lint, rule: str, kinds: tuple[str, ...], language: str) -> None:
    from jdlint.samples import sample

    from .conftest import TODAY

    text = _POSTINGS[language]
    if rule != "missing-apply-instructions":  # (the privacy notice is asked of a posting that
        text += f"\n{_APPLY[language]}\n"  # collects applications)
    result = lint(text, select=(rule,))
    assert result.language == language
    (d,) = result.diagnostics
    offered = [s for kind in kinds if (s := sample(kind, language, TODAY))]
    assert offered and all(f'"{s}"' in d.message for s in offered)
    for s in offered:  # pasted in, each is what the rule asks for
        assert not lint(f"{text}\n{s}.\n", select=(rule,)).diagnostics, s


def test_a_language_without_sentences_gets_the_english_ones() -> None:
    from jdlint.samples import KINDS, sample

    assert all(sample(kind, "fr") == sample(kind, "en") for kind in KINDS)
    assert sample("rolling", "en") is None  # said in the message's own words


def test_the_deadline_offered_lies_ahead_of_the_lint_date() -> None:
    from datetime import date

    from jdlint.samples import sample

    assert sample("deadline", "en", date(2026, 12, 7)) == "Apply by 1 February 2027"
    assert sample("deadline", "de", date(2026, 11, 22)) == "Bewerbungsfrist: 1. Januar 2027"
    assert sample("deadline", "da", date(2027, 1, 31)) == "Ansøgningsfrist: 1. marts 2027"


@pytest.mark.parametrize(("language", "region"), [("de", "DE"), ("da", "DK")])
def test_the_phone_number_offered_is_a_real_numbers_shape(language: str, region: str) -> None:
    import re

    import phonenumbers

    from jdlint.samples import sample

    text = sample("contact", language) or ""
    number = re.search(r"\d[\d ]{6,}\d", text)
    assert number is not None
    assert phonenumbers.is_valid_number(phonenumbers.parse(number.group(), region))


@pytest.mark.parametrize(("text", "country"), [
    ("Location: Leeds, United Kingdom\n\nThis post is restricted to UK and EEA nationals.\n",
     "the UK"),
    ("Location: Denver, CO\n\nMust be a US citizen.\n", "the US"),
    ("Location: Aarhus, Denmark\n\nEU citizens only.\n", "Denmark"),
    ("EU citizens only.\n", "the country where the job is"),
])
def test_the_right_to_work_offered_is_in_the_jobs_country(lint: Lint, text: str,
                                                         country: str) -> None:
    (d,) = lint(text, select=("citizenship-requirement",)).diagnostics
    assert f'"You must have the right to work in {country}"' in d.message


@pytest.mark.parametrize(("text", "sentence"), [
    ("# Sachbearbeiter (m/w/d)\n\nStandort: Berlin\n\nWir suchen Verstärkung für unser Team. Sie "
     "bearbeiten Anträge.\n\nVoraussetzung: Nur EU-Bürger können sich bewerben.\n",
     "Sie benötigen eine gültige Arbeitserlaubnis"),
    ("# Sygeplejerske\n\nArbejdssted: Aarhus\n\nVi søger en sygeplejerske til vores afdeling. "
     "Du skal have dansk statsborgerskab.\n", "Du skal have gyldig arbejdstilladelse"),
])
def test_the_right_to_work_offered_to_german_and_danish_writers_is_in_their_language(
        lint: Lint, text: str, sentence: str) -> None:
    (d,) = lint(text, select=("citizenship-requirement",)).diagnostics
    assert f'"{sentence}"' in d.message


@pytest.mark.parametrize(("place", "rule", "kind"), [
    ("Toronto, ON", "missing-ai-disclosure", "ai"),
    ("Toronto, ON", "missing-vacancy-status", "vacancy"),
    ("Seattle, WA", "missing-benefits-description", "benefits"),
])
def test_the_place_bound_statements_offered_are_what_the_rules_ask(
        lint: Lint, place: str, rule: str, kind: str) -> None:
    from jdlint.samples import sample

    text = (f"# Analyst\n\nLocation: {place}\n\nPay: $70,000 - $85,000 per year. Apply at "
            "https://example.com/jobs/42.\n")
    (d,) = lint(text, select=(rule,)).diagnostics
    offered = sample(kind, "en")
    assert offered and f'"{offered}"' in d.message
    assert not lint(f"{text}\n{offered}.\n", select=(rule,)).diagnostics
