"""Dates as postings write them, in English, German and Danish.

"12 March 2025", "October 14th, 2025", "2025-03-12", "12.03.2025", "15. Januar 2026",
"1. december 2025", "29.05.2024 - 29.10.2024" (a range), "31.10." (the year from context) and
"12/03/2025" (day-first or month-first: :attr:`DateMatch.readings` keeps both), the Danish
"15/1-2027" (always day, month, year). Markup around a
date ("_2025-03-12_") and a year glued to its month ("19th November2025", "19/11 2025") are
read too. A month name
only becomes a date next to a day number, so "we may" or "March" alone never do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from .document.words import INDEXED_FROM, Words, matches_at, occurrences, words_of

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "jänner", "jaenner"),
    2: ("february", "feb", "februar", "feber"),
    3: ("march", "mar", "märz", "maerz", "mrz", "mär", "marts"),
    4: ("april", "apr"),
    5: ("may", "mai", "maj"),
    6: ("june", "jun", "juni"),
    7: ("july", "jul", "juli"),
    8: ("august", "aug"),
    9: ("september", "sep", "sept"),
    10: ("october", "oct", "oktober", "okt"),
    11: ("november", "nov"),
    12: ("december", "dec", "dezember", "dez"),
}
MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names}
_MONTH = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_ORD = r"(?:\s?(?:st|nd|rd|th)\b)?"

_DATE = re.compile(
    rf"""
    (?<![^\W_]|[.,/-])(?:
        (?P<iy>(?:19|20)\d\d)(?P<isep>[-/])(?P<im>[01]?\d)(?P=isep)(?P<id>[0-3]?\d)
            (?![^\W_]|[/-])
      | (?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)
            (?:(?P=sep)(?P<ny>(?:19|20)\d\d|\d\d)
               |(?:(?<=/\d)|(?<=/\d\d))[ \t\xa0](?P<ny4>(?:19|20)\d\d))
            (?![^\W_]|[/-]|[.,]\d)
      | (?P<d1>[0-3]?\d){_ORD}\.?[ \t\xa0-]*(?:of[ \t]+)?(?P<m1>{_MONTH})
            (?:(?!\w)|(?=(?:19|20)\d\d(?!\d)))\.?
            (?:,?[ \t\xa0-]*(?P<y1>(?:19|20)\d\d)(?!\d))?
      | (?P<m2>{_MONTH})\.?[ \t\xa0]+(?:the[ \t]+)?(?P<d2>[0-3]?\d){_ORD}(?![\d:])
            (?:,?[ \t\xa0]*(?P<y2>(?:19|20)\d\d)(?!\d))?
      | (?P<ya>[0-3]?\d)\.(?P<yb>[01]?\d)\.(?![\w.]|[ \t]*\d)
      | (?P<dd>[0-3]?\d)/(?P<dm>[01]?\d)-(?P<dy>(?:19|20)\d\d|\d\d)
            (?![^\W_]|[/-]|[.,]\d)
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)
_RANGE_JOIN = re.compile(
    r"[ \t\xa0]*(?:[-–—]|to|until|till|through|bis(?:[ \t]+zum)?|til(?:[ \t]+og[ \t]+med)?)"
    r"[ \t\xa0]*(?:the[ \t]+|den[ \t]+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    text: str
    value: date | None  # None: a day and month whose year the context does not give
    day: int
    month: int
    year: int | None
    readings: tuple[date, date] | None = None  # (day-first, month-first) when both are valid
    range_start: date | None = None  # set when this is the end of "from X - Y"

    @property
    def ambiguous(self) -> bool:
        return self.readings is not None and self.readings[0] != self.readings[1]


def _year(raw: str) -> int:
    y = int(raw)
    return 2000 + y if y < 100 else y


def _make(day: int, month: int, year: int | None) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _valid(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


def _parse(m: re.Match[str], day_first: bool) -> DateMatch | None:
    g = m.groupdict()
    text = m.group()
    if g["iy"]:
        y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        value = _make(d, mo, y)
        return DateMatch(m.start(), m.end(), text, value, d, mo, y) if value else None
    if g["dd"]:  # the Danish "15/1-2027": day, month, year, always so
        d, mo, y = int(g["dd"]), int(g["dm"]), _year(g["dy"])
        value = _make(d, mo, y)
        return DateMatch(m.start(), m.end(), text, value, d, mo, y) if value else None
    if g["a"]:
        a, b, y = int(g["a"]), int(g["b"]), _year(g["ny"] or g["ny4"])
        if a > 12:
            d, mo = a, b
        elif b > 12:  # the only reading, dots too: "01.15.2027" (a US writer's) is 15 January
            d, mo = b, a
        elif g["sep"] == ".":
            d, mo = a, b  # dotted dates are day-first everywhere
        elif day_first:
            d, mo = a, b
        else:
            d, mo = b, a
        value = _make(d, mo, y)
        if value is None:
            return None
        readings = None
        if g["sep"] != "." and a <= 12 and b <= 12:
            dmy, mdy = _make(a, b, y), _make(b, a, y)
            if dmy and mdy:
                readings = (dmy, mdy)
        return DateMatch(m.start(), m.end(), text, value, d, mo, y, readings)
    year: int | None
    if g["m1"]:
        d, mo = int(g["d1"]), MONTHS[g["m1"].lower()]
        year = int(g["y1"]) if g["y1"] else None
    elif g["m2"]:
        d, mo = int(g["d2"]), MONTHS[g["m2"].lower()]
        year = int(g["y2"]) if g["y2"] else None
    else:
        d, mo, year = int(g["ya"]), int(g["yb"]), None
    if not _valid(d, mo):
        return None
    if year is not None and _make(d, mo, year) is None:
        return None
    end = m.end()
    while end > m.start() and text[end - m.start() - 1] in " \t\xa0,-":
        end -= 1
    return DateMatch(m.start(), end, m.string[m.start():end], _make(d, mo, year), d, mo, year)


def find_dates(text: str, start: int = 0, end: int | None = None, *,
               day_first: bool = True) -> list[DateMatch]:
    """Every date in ``text[start:end]``, ranges merged into their end date."""
    end = len(text) if end is None else end
    if start == 0 and end == len(text) >= INDEXED_FROM:  # a posting: its words are indexed
        matches: Iterable[re.Match[str]] = matches_at(_DATE, text, _date_starts(words_of(text)))
    else:
        matches = _DATE.finditer(text, start, end)
    found = [d for m in matches if (d := _parse(m, day_first))]
    return _merge_ranges(text, found)


_MONTH_STARTS = frozenset(name[:3] for name in MONTHS)


def _date_starts(words: Words) -> list[int]:
    """Where a date can start: a word that begins with a digit or a month's name, or just after
    an underscore (no letter or digit stands before a date, and "_" is not one)."""
    out = [p for word, starts in words.table().items()
           if word[0].isdigit() or word[:3] in _MONTH_STARTS for p in starts]
    return out + [p + 1 for p in occurrences(words.lower, "_")]


def _merge_ranges(text: str, found: list[DateMatch]) -> list[DateMatch]:
    out: list[DateMatch] = []
    i = 0
    while i < len(found):
        current = found[i]
        if i + 1 < len(found):
            nxt = found[i + 1]
            join = _RANGE_JOIN.fullmatch(text, current.end, nxt.start)
            if join is not None and nxt.start - current.end <= 20:
                first = current
                if first.year is None and nxt.year is not None:  # "29.05. - 29.10.2024"
                    first = replace(first, year=nxt.year, value=_make(first.day, first.month,
                                                                      nxt.year))
                out.append(replace(nxt, start=current.start, text=text[current.start:nxt.end],
                                   range_start=first.value))
                i += 2
                continue
        out.append(current)
        i += 1
    return out


def with_context_year(dates: list[DateMatch], context: list[DateMatch]) -> Iterator[DateMatch]:
    """Give a yearless date ("31.10.") a year from the nearest dated mention in ``context``,
    reading the text as chronological: "31.10." before "Start: 01.01.2027" is 31.10.2026."""
    dated = [d for d in context if d.value is not None]
    for d in dates:
        if d.year is not None or not dated:
            yield d
            continue
        ref = min(dated, key=lambda other: abs(other.start - d.start))
        assert ref.value is not None
        year = ref.value.year
        guess = _make(d.day, d.month, year)
        if guess is not None and ref.start > d.start and guess > ref.value:
            year -= 1
        elif guess is not None and ref.start < d.start and guess < ref.value:
            year += 1
        yield replace(d, year=year, value=_make(d.day, d.month, year))


_WRITTEN_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"),
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
           "oktober", "november", "december"),
}


def format_date(value: date, language: str = "en") -> str:
    """An unambiguous spelling: "3 April 2026"; in German "3. April 2026", in Danish
    "3. april 2026"."""
    names = _WRITTEN_MONTHS.get(language, _WRITTEN_MONTHS["en"])
    day = f"{value.day}." if language in ("de", "da") else str(value.day)
    return f"{day} {names[value.month - 1]} {value.year}"
