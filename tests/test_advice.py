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
