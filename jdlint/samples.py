"""Sentences a finding offers the writer to paste, in the posting's language: a German or
Danish posting gets a German or Danish sentence, any other English. Each is one that jdlint
reads as what its rule asks for (tests/test_advice.py pastes each into a posting that lacks
it and checks that the rule is then silent)."""

from __future__ import annotations

from datetime import date

from .dates import format_date

_SAMPLES: dict[str, dict[str, str]] = {
    # ({date}: the first of the month after next from the lint date, never a past one)
    "deadline": {
        "en": "Apply by {date}",
        "de": "Bewerbungsfrist: {date}",
        "da": "Ansøgningsfrist: {date}",
    },
    # (English says it in the message's own words)
    "rolling": {
        "de": "Wir prüfen Bewerbungen laufend",
        "da": "Vi behandler ansøgninger løbende",
    },
    "photo": {
        "en": "Please leave your photo out of your CV",
        "de": "Bitte verzichten Sie auf ein Foto",
        "da": "Vedlæg venligst ikke et foto",
    },
    "contact": {
        "en": "Questions? Contact Jane Doe, jane.doe@example.com",
        "de": "Fragen beantwortet Ihnen Frau Erika Muster, Tel. 030 1234567",
        "da": "Spørgsmål? Kontakt Jens Hansen på tlf. 33 12 34 56",
    },
    "apply": {
        "en": "Apply at https://example.com/jobs/42",
        "de": "Bewerben Sie sich über https://example.com/jobs/42",
        "da": "Søg stillingen via https://example.com/jobs/42",
    },
    "privacy": {
        "en": "We keep applications for six months; see our applicant privacy notice at "
              "https://example.com/privacy",
        "de": "Wir löschen Ihre Unterlagen sechs Monate nach Abschluss des Verfahrens; "
              "Hinweise zum Datenschutz: https://example.com/datenschutz",
        "da": "Vi sletter ansøgninger seks måneder efter ansættelsen; læs om vores "
              "behandling af persondata på https://example.com/persondata",
    },
    # the place-bound statements (Ontario's, and the US states' benefits), in English
    "ai": {"en": "We do not use artificial intelligence to screen, assess or select applicants"},
    "vacancy": {"en": "This posting is for an existing vacancy"},
    "benefits": {"en": "Benefits: medical, dental and vision insurance, a 401(k) plan with a 4% "
                       "match and 15 days of paid time off"},
}

KINDS = tuple(_SAMPLES)


def sample(kind: str, language: str, today: date | None = None) -> str | None:
    """The sentence of ``kind`` for a posting in ``language`` (English for a language it has
    none in), its date two months on from ``today`` (the lint date); None when there is none
    (English says "rolling" in the message's own words)."""
    found = _SAMPLES[kind]
    text = found.get(language) or found.get("en")
    if text is None or "{date}" not in text:
        return text
    start = today or date.today()
    month = start.month + 1  # the first of the month after next
    ahead = date(start.year + month // 12, month % 12 + 1, 1)
    return text.format(date=format_date(ahead, language if language in found else "en"))


def quoted(kind: str, language: str, today: date | None = None) -> str:
    """`` ("the sentence")`` to end a message with, or "" when there is none."""
    text = sample(kind, language, today)
    return f' ("{text}")' if text else ""
