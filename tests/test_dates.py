"""The date and deadline parser, table-driven: English, German and Danish formats."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from jdlint.dates import find_dates
from jdlint.document import Document
from jdlint.elements import deadlines

from .conftest import TODAY

# (text, the deadline jdlint must find, or None for "a deadline without a year")
DEADLINES = [
    ("Application deadline: 12 March 2025", date(2025, 3, 12)),
    ("Deadline: 11th March 2026", date(2026, 3, 11)),
    ("Please apply before October 14th, 2025.", date(2025, 10, 14)),
    ("Closing date: March 12, 2025", date(2025, 3, 12)),
    ("Deadline: 2025-03-12", date(2025, 3, 12)),
    ("Application deadline: 12.03.2025", date(2025, 3, 12)),
    # dotted month first where only that reading is a date (a US writer's)
    ("Applications due 01.15.2027", date(2027, 1, 15)),
    ("The pipeline is open for applications from 29.05.2024 - 29.10.2024.", date(2024, 10, 29)),
    ("Closing date: 12/03/2025", date(2025, 3, 12)),
    ("Bewerbungsschluss: 15. Januar 2026", date(2026, 1, 15)),
    ("Bewerbungsfrist bis 31.01.2026", date(2026, 1, 31)),
    ("Wir freuen uns auf Ihre Bewerbung bis zum 28. Februar 2026.", date(2026, 2, 28)),
    ("Ansøgningsfrist: 1. december 2025", date(2025, 12, 1)),
    ("Du kan ansøge senest den 3. februar 2026.", date(2026, 2, 3)),
    ("Please submit your application no later than the 25 th of February 2019.",
     date(2019, 2, 25)),
    ("Application deadline: October 13th 2019.", date(2019, 10, 13)),
    ("Applications close on 1 Sept. 2026.", date(2026, 9, 1)),
    ("Deadline 10-01-2021", date(2021, 1, 10)),
    ("Make sure to send yours the latest by Sunday 9.5.2021.", date(2021, 5, 9)),
    ("Bewerbungsfrist: 31.10.\n\nBeginn: 01.01.2027", date(2026, 10, 31)),
    ("Deadline January 10th", None),
    # the cue says the posting closes, or the application is due
    ("This role will close on 4th May 2026.", date(2026, 5, 4)),
    ("The advert closes at 17:00 on 9th June 2026.", date(2026, 6, 9)),
    ("Competition closes: 2026-02-02", date(2026, 2, 2)),
    ("Applications due: 3/20/2026", date(2026, 3, 20)),
    ("Due date for resumes: 8 July 2026", date(2026, 7, 8)),
    # markup around the date and a year glued to its month
    ("_Closing Date:_ _2026-05-06_", date(2026, 5, 6)),
    ("**Deadline:** *14 May 2026*", date(2026, 5, 14)),
    ("Closing date: 21st August2026", date(2026, 8, 21)),
    ("Closing date: 21/08 2026", date(2026, 8, 21)),
    # the Danish day/month-year
    ("Ansøgningsfrist: 15/1-2027", date(2027, 1, 15)),
    ("Ansøgningsfrist den 3/2-27 kl. 12.00", date(2027, 2, 3)),
]


@pytest.mark.parametrize(("text", "expected"), DEADLINES)
def test_deadline_is_found(text: str, expected: date | None) -> None:
    doc = Document.from_source("p.txt", text + "\n", today=TODAY)
    found = deadlines(doc).deadlines
    assert found, f"no deadline in {text!r}"
    assert found[-1].value == expected


def test_front_matter_deadline() -> None:
    doc = Document.from_source("p.md", "---\ndeadline: 2026-03-11\n---\n# Role\n\nText.\n")
    assert [d.value for d in deadlines(doc).deadlines] == [date(2026, 3, 11)]
    doc = Document.from_source("p.md", "---\nclosing_date: 1 March 2027\n---\n# Role\n")
    assert [d.value for d in deadlines(doc).deadlines] == [date(2027, 3, 1)]


NOT_DEADLINES = [
    "We may ask you to start in March.",
    "The position starts on 1 April 2026.",
    "Start date: 2026-04-01. We review applications as they arrive.",
    "Tiltrædelse senest 1. marts 2026.",
    "Eintritt zum 01.04.2026.",
    "Posted 2025-03-01.",
    "You will meet tight deadlines in a fast-moving team.",
    "Deadline for applications: as soon as possible.",
    "Apply now!",
    "Version 1.2.3 of the tool, build 10.0.0.1.",
    "We have 3 may-be candidates and march on in 2026.",
    "Interviews will be held on 12 March 2026.",
]


@pytest.mark.parametrize("text", NOT_DEADLINES)
def test_not_a_deadline(text: str) -> None:
    doc = Document.from_source("p.txt", text + "\n", today=TODAY)
    assert deadlines(doc).deadlines == ()


@pytest.mark.parametrize("text", ["we", "may", "March", "in May we", "Mai", "marts",
                                  "the 3 of us", "12.5 hours", "1.5.", "page 10/20",
                                  "open 24/7", "a 3/4-5 split"])
def test_words_alone_never_become_dates(text: str) -> None:
    assert [d for d in find_dates(text) if d.year is not None] == []


def test_ambiguous_readings_and_choice() -> None:
    (d,) = find_dates("03/04/2026", day_first=True)
    assert d.value == date(2026, 4, 3) and d.ambiguous
    assert d.readings == (date(2026, 4, 3), date(2026, 3, 4))
    (m,) = find_dates("03/04/2026", day_first=False)
    assert m.value == date(2026, 3, 4)
    (u,) = find_dates("25/04/2026", day_first=False)
    assert u.value == date(2026, 4, 25) and not u.ambiguous
    (dots,) = find_dates("03.04.2026", day_first=False)
    assert dots.value == date(2026, 4, 3) and not dots.ambiguous


def test_invalid_dates_are_dropped() -> None:
    assert find_dates("31.02.2026 and 2026-13-01 and 32 March 2026") == []


def test_us_jurisdiction_reads_month_first() -> None:
    doc = Document.from_source("p.txt", "Location: Denver, Colorado, US\n\nDeadline: 03/04/2026\n")
    assert deadlines(doc).deadlines[0].value == date(2026, 3, 4)
    doc = Document.from_source("p.txt", "Location: Aarhus, Denmark\n\nDeadline: 03/04/2026\n")
    assert deadlines(doc).deadlines[0].value == date(2026, 4, 3)


def test_rolling_statements() -> None:
    for text in ["Applications are reviewed on a rolling basis.",
                 "The position is open until filled.",
                 "We do not have an application deadline.",
                 "Wir sichten die Bewerbungen laufend.",
                 "Die Stelle bleibt bis zur Besetzung ausgeschrieben.",
                 "Vi behandler ansøgningerne løbende.",
                 "We may close this post once we have enough applications.",
                 "Applicants are shortlisted and interviewed on a continuous basis."]:
        assert deadlines(Document.from_source("p.txt", text)).rolling, text
    for text in ["You will receive training on an ongoing basis.",
                 "The recruitment process is still ongoing.",
                 "Continuously improve the application performance.",
                 "Applicants must hold a permit to work here on a full-time, ongoing basis.",
                 "Help clients apply for benefits on a continuous basis.",
                 "We may close this post early once we have enough applications.",
                 "We reserve the right to close the vacancy as soon as we have enough applicants."]:
        assert deadlines(Document.from_source("p.txt", text)).rolling is None, text


def test_a_yearless_deadline_falls_between_posting_and_start() -> None:
    """Not the year of the nearest dated mention, which may be unrelated."""
    history = "Founded on 1st April 2011, we grew fast.\n\n"
    posted = Document.from_source(
        "p.txt", history + "Date posted: 20 December 2025\n\nClosing date: 9th January\n")
    assert [d.value for d in deadlines(posted).deadlines] == [date(2026, 1, 9)]
    start = Document.from_source(
        "p.txt", history + "Closing date: 9th November\n\nStart date: 2 February 2026\n")
    assert [d.value for d in deadlines(start).deadlines] == [date(2025, 11, 9)]
    front = Document.from_source(
        "p.md", "---\ndate-posted: 2026-03-02\n---\n" + history + "Deadline: 1 April\n")
    assert [d.value for d in deadlines(front).deadlines] == [date(2026, 4, 1)]


@pytest.mark.parametrize("text", ["file_2026-05-06_v2", "1.5 2026 units", "3 mar1", "Jun2"])
def test_glued_forms_need_a_date_shape(text: str) -> None:
    assert [d.text for d in find_dates(text) if d.year is not None] in (
        [], ["2026-05-06"])


def test_a_yearless_deadline_never_takes_an_unrelated_year() -> None:
    history = "Since 1st April 2011 the unit has grown.\n\n"
    alone = Document.from_source("p.txt", history + "Closing date: 19th November\n")
    assert [d.value for d in deadlines(alone).deadlines] == [None]
    steps = Document.from_source(
        "p.txt", history + "Closing date: 19th November\n\nInterviews: 4 December 2025\n")
    assert [d.value for d in deadlines(steps).deadlines] == [date(2025, 11, 19)]


@pytest.mark.parametrize("text", [
    "Closing Date: Open until filledClassification: Program Services 4",
    "This examination will remain open until sufficient applications are received.",
    "The role stays open until a suitable candidate has been found.",
    "We take candidates into the process continuously and hire as soon as we find the right one.",
    "Jeden Montag werden die eingehenden Bewerbungen gesichtet.",
    "Filing may be closed without prior notice after a sufficient number of applications arrive.",
])
def test_more_rolling_statements(text: str) -> None:
    assert deadlines(Document.from_source("p.txt", text + "\n")).rolling, text


@pytest.mark.parametrize("text", [
    "Our team enjoys great freedom: we have no deadlines, only happy customers.",
    "Die Stelle ist bis zum 31.01.2027 befristet.",
])
def test_not_rolling_nor_deadline(text: str) -> None:
    info = deadlines(Document.from_source("p.txt", text + "\n"))
    assert info.rolling is None and info.deadlines == (), text


@pytest.mark.parametrize(("text", "expected"), [
    ("Scope: Open CompetitionClosing Date: November 12, 2025 Classification: PS 2",
     date(2025, 11, 12)),
    ("Ausschreibungsschluss: 13.11.2024", date(2024, 11, 13)),
    ("- Publizierung bis: 31.01.2025", date(2025, 1, 31)),
    ("Ihre Bewerbung (Lebenslauf, ggf. Verzeichnis der Veröffentlichungen) senden Sie bitte "
     "online bis zum 04.02.2025 über das Portal.", date(2025, 2, 4)),
    ("Ihre Unterlagen (Anschreiben, Lebenslauf, Zeugnisse) laden Sie bitte als eine PDF-Datei\n"
     "                 unter Angabe der Kennziffer 7/2025 bis zum 15.03.2025 hoch.",
     date(2025, 3, 15)),
])
def test_glued_and_padded_cues(text: str, expected: date) -> None:
    found = deadlines(Document.from_source("p.txt", text + "\n")).deadlines
    assert [d.value for d in found] == [expected]


_DATE_PIECES = ["31", "12", "2026", ".", "/", "-", " ", "\n", "March", "Mär", "jan", "Jänner",
                "maj", "1st", "of", "the", ",", "x", "_", "5", "20", "26", "Deadline:", "bis",
                "Sept", "okt", "a"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=40).map("".join))
@example("Apply by 31.12.2026, by March 3rd, 2027 or x_5.3.2026; 2026-11-30 and 12/1/2026.")
def test_dates_are_tried_only_where_one_can_start(text: str) -> None:
    from jdlint import dates
    from jdlint.document.words import Words, matches_at

    long_text = text + " " * 1600
    assert [m.span() for m in matches_at(dates._DATE, long_text,
                                         dates._date_starts(Words(long_text)))] == [
        m.span() for m in dates._DATE.finditer(long_text)]
