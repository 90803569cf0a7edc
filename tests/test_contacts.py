"""Mailboxes and phone numbers (jdlint.contacts) and the personal-contact-data rule."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from jdlint.contacts import mailboxes, phones
from jdlint.document import Document
from jdlint.model import FileResult

Lint = Callable[..., FileResult]
UK = "Location: Bristol, UK\n\n"
DE = "Standort: Leipzig\n\n"
US = "Location: Austin, Texas, US\n\n"


def doc(text: str) -> Document:
    return Document.from_source("p.txt", text)


@pytest.mark.parametrize(("text", "address"), [
    ("NameLee MarshJob titleNurseEmail addresslee.marsh@example.orgTelephone number0117",
     "lee.marsh@example.org"),
    ("Email: addresskim.ode@example.net Telephone", "kim.ode@example.net"),
    ("on 0117 496 0345 or emailkode@example.net;", "kode@example.net"),
    ("please contact Ana Ruiz, HR Advisor atAna.Ruiz@example.com, quoting", "Ana.Ruiz@example.com"),
    ("Write to atlas.team@example.com", "atlas.team@example.com"),
    ("Mail jobs@example.co.uk2026", "jobs@example.co.uk"),
])
def test_glued_labels_are_cut_from_addresses(text: str, address: str) -> None:
    assert [m.text for m in mailboxes(doc(text))] == [address]


@pytest.mark.parametrize(("text", "number"), [
    (UK + "Ring the Nights Team on 0117 496 0345.", "0117 496 0345"),
    (UK + "Telephone number07700900461Additional", "07700900461"),
    (DE + "telefonisch bei Herrn Albers-Ott unter 015112345678", "015112345678"),
    (DE + "Tel.: +49 (0) 341 / 97-12345", "+49 (0) 341 / 97-12345"),
    (US + "Call (512) 555-0143 with questions.", "(512) 555-0143"),
    # place unknown: a number valid in a usual country of the language, in a contact sentence
    ("Questions? Contact the desk on 0117 496 0345.", "0117 496 0345"),
    ("Tel. 555 1234 567", "555 1234 567"),
    ("Any questions? You can contact us on 7027 7665 on weekdays.", "7027 7665"),
])
def test_phone_numbers_found(text: str, number: str) -> None:
    assert [p.text for p in phones(doc(text))] == [number]


@pytest.mark.parametrize("text", [
    DE + "Bewerbungen bis zum 05.02.2026 über das Portal.",
    UK + "Band 6: £33,706 - £40,588 per annum.",
    US + "Salary: 1200000 - 1500000 per year.",
    US + "Requisition ID: 5125550143",
    US + "Job code 5125550143X",
    US + "Fax: (512) 555-0199",
    "The project ran from 2019-2023 with 4500000 records.",
    "Reference 0117 496 0345 appears in the budget.",  # place unknown and no contact sentence
])
def test_not_phone_numbers(text: str) -> None:
    assert phones(doc(text)) == ()


def _pcd(lint: Lint, text: str) -> list[str]:
    result = lint(text, select=("personal-contact-data",))
    return [d.message for d in result.diagnostics]


def test_personal_address_is_reported_clean(lint: Lint) -> None:
    text = "For visits contact:\n\nNameLee MarshJob titleNurseEmail addresslee.marsh@example.org\n"
    (message,) = _pcd(lint, text)
    assert "lee.marsh@example.org" in message and "addresslee" not in message


@pytest.mark.parametrize("text", [
    "Questions? Ask Lee Marsh at dhc.careers@example.org.",
    "Contact Lee Marsh at nursing-recruitment-team@example.org.",
    "Contact Lee Marsh at hrsupport@example.org.",
    "Questions? Write to info@example.org.",
    "Apply to pablo@example.org.",  # no one of that name near it
])
def test_role_mailboxes_are_not_personal(lint: Lint, text: str) -> None:
    assert _pcd(lint, text) == []


@pytest.mark.parametrize("text", [
    "Questions? Contact Dr Philip Hale on philiphale@example.org.",
    "Contact Lee Marsh at l.marsh@example.org.",
    "Ansprechpartnerin: Frau Dr. Ilse Brandt, ilse.brandt@example.de",
])
def test_personal_addresses(lint: Lint, text: str) -> None:
    assert len(_pcd(lint, text)) == 1


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["jane", ".", "doe", "@", "example", "de", "(at)", "[at]",
                                 "{ÄT}", "(dot)", " ", "\t", "\n", "+", "-", "x1"]),
                max_size=40).map("".join))
def test_addresses_searched_on_their_lines_equal_a_whole_text_search(text: str) -> None:
    """Addresses are searched only on the lines with an "@" or an "(at)": the same matches
    as a search of the whole posting."""
    from jdlint.contacts import EMAIL, MAILBOX, OBFUSCATION
    from jdlint.document.words import occurrences, on_lines

    hints = occurrences(text, "@")
    assert [m.span() for m in on_lines(EMAIL, text, hints)] == \
        [m.span() for m in EMAIL.finditer(text)]
    hints += [m.start() for m in OBFUSCATION.finditer(text)]
    assert [m.span() for m in on_lines(MAILBOX, text, hints)] == \
        [m.span() for m in MAILBOX.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["+", "(", ")", "0", "00", "1", "44", "353", "7", " ", "\t",
                                 "-", ".", "/", "E", "A", "W", "x", "\n", "+49 ", "(0)"]),
                max_size=40).map("".join))
def test_runs_and_codes_looked_for_at_their_first_characters_equal_a_whole_scan(
        text: str) -> None:
    """Digit runs, grade letters and phone country codes are searched with patterns that open
    with a character the engine can look for (or only where one stands): the same matches as
    the patterns that open with an optional character, a \\b or an alternation."""
    from jdlint.contacts import digit_runs
    from jdlint.document.place import _calling_codes
    from jdlint.document.words import matches_at, occurrences
    from jdlint.pay import _grade_starts
    from jdlint.document.words import Words

    runs = re.compile(r"[+(]?\d[\d \t()./-]{5,}\d")  # what jdlint looked for before
    assert digit_runs(text) == [m.span() for m in runs.finditer(text)]
    dialled = _calling_codes()[1]
    assert [m.span() for m in matches_at(dialled, text, occurrences(text, "+")
                                         + occurrences(text, "00"))] == \
        [m.span() for m in dialled.finditer(text)]
    letters = {m.start() for m in re.finditer(r"\b[EAW]\s?\d", text)}
    assert letters <= set(_grade_starts(text, Words(text)))
