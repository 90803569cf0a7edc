"""Pay in a posting: amounts, ranges ("$80,000 - $95,000", "48.000 bis 56.000 Euro",
"34.000-38.000 kr."), open ends ("up to $90k", "ab 50.000 €") and pay grades ("TV-L E13").

An amount counts as pay only with a currency or in a sentence about pay, so "200 employees"
or "3-5 years" never do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document

_CUR = (r"(?:US\$|CA\$|C\$|A\$|\$|€|£|EUR|USD|CAD|GBP|DKK|SEK|NOK|CHF|kr\.?|kroner|Euro|euros?|"
        r"dollars?|pounds?)")
_NUM = r"\d{1,3}(?:[,.\s\u00a0'’]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_AMOUNT = rf"(?:{_CUR}\s?)?(?:{_NUM})\s?(?:[kK]\b|tsd\.?|t\.)?(?:\s?{_CUR})?"
_AMOUNT_RE = re.compile(rf"(?<![\w.,])({_AMOUNT})", re.I)
_RANGE = re.compile(
    rf"(?<![\w.,])(?P<low>{_AMOUNT})\s*(?:-|–|—|to|and|bis|til|und|og|until)\s*(?P<high>{_AMOUNT})",
    re.I)
_OPEN = re.compile(
    rf"\b(?P<kind>up\s+to|as\s+much\s+as|maximum\s+of|max\.?|from|starting\s+(?:at|from)|"
    rf"at\s+least|minimum\s+of|min\.?|bis\s+zu|ab|mindestens|op\s+til|fra|mindst)\s+"
    rf"(?P<amount>{_AMOUNT})", re.I)
_PAY_WORDS = re.compile(
    r"\b(?:salary|salaries|pay|paid|wage|wages|compensation|remuneration|base|annual|annually|"
    r"per\s+(?:year|annum|hour|month)|hourly|yearly|monthly|p\.a\.|/\s?(?:hr|h|year|yr|month)|"
    r"gehalt|vergütung|lohn|brutto|jährlich|monatlich|stundenlohn|jahresgehalt|"
    r"løn|månedsløn|årsløn|timeløn|om\s+måneden|pr\.\s+måned|årligt)\b",
    re.I)
_GRADE = re.compile(
    r"\b(?:TV-?L|TVöD(?:-\w+)?|TV-?H|TV-?V|TV-?Ärzte|Entgeltgruppe|EG\s?\d|E\s?\d{1,2}\b|"
    r"Besoldungsgruppe|A\s?1[0-6]\b|W\s?[1-3]\b|\w*tarifvertrag\w*|tarifliche|Tarif|"
    r"overenskomst\w*|"
    r"løntrin|lønramme|lønklasse|pay\s+(?:band|grade|scale)|salary\s+(?:band|grade|scale)|"
    r"band\s+\d|grade\s+\d|collective\s+(?:bargaining\s+)?agreement)",
    re.I)


def _trimmed(m: re.Match[str]) -> tuple[int, int, str]:
    text = m.group().rstrip()
    return m.start(), m.start() + len(text), text


@dataclass(frozen=True)
class Pay:
    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    kind: str  # "range", "amount", "open-max" ("up to"), "open-min" ("from"), "grade"


def amount_value(text: str) -> float | None:
    """"$80,000" -> 80000; "48.000" -> 48000; "90k" -> 90000; "34.000-" -> 34000."""
    m = re.search(_NUM, text)
    if not m:
        return None
    raw = m.group()
    groups = re.split(r"[,.\s\u00a0'’]", raw)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        value = float("".join(groups))
    elif len(groups) > 1 and len(groups[-1]) <= 2:  # a decimal part: "23.50", "23,50"
        value = float("".join(groups[:-1]) + "." + groups[-1])
    else:
        value = float("".join(groups))
    if re.search(r"\d\s?[kK]\b|tsd|\bt\.", text):
        value *= 1000
    return value


def _has_currency(text: str) -> bool:
    return re.search(_CUR, text, re.I) is not None and re.search(r"\d", text) is not None


def find_pay(doc: Document) -> list[Pay]:
    return doc.memo("pay", _find_pay)


def _pay_sentence(doc: Document, start: int) -> str:
    """The sentence around ``start``, with its section's heading ("Salary")."""
    i = doc.sentence_index(start)
    if i < 0:
        return ""
    section = doc.section_at(start)
    head = section.heading.text if section and section.heading else ""
    return head + " " + doc.sentences[i].text


def _find_pay(doc: Document) -> list[Pay]:
    text = doc.text
    out: list[Pay] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    def about_pay(s: int, e: int, snippet: str) -> bool:
        """A currency in the figure, or a pay word next to it or in its section's heading."""
        if _has_currency(snippet):
            return True
        near = text[max(0, s - 60):e + 60]
        section = doc.section_at(s)
        return bool(_PAY_WORDS.search(near)) or (section is not None and section.kind == "salary")

    for m in _RANGE.finditer(text):
        low, high = amount_value(m.group("low")), amount_value(m.group("high"))
        if low is None or high is None:
            continue
        if low < 1000 <= high and re.search(r"\d\s?[kK]\b", m.group("high")):
            low *= 1000  # "50 - 65K"
        if not (0 < low < high) or (high < 1000 and not _has_currency(m.group())):
            continue  # "3-5 years", "51-200 employees"
        if not about_pay(m.start(), m.end(), m.group()):
            continue
        out.append(Pay(*_trimmed(m), low, high, "range"))
        taken.append(m.span())
    for m in _OPEN.finditer(text):
        near = text[max(0, m.start() - 60):m.end() + 30]
        if not free(*m.span()) or not _PAY_WORDS.search(near):
            continue  # "a commuter loan of up to £10,000", "pension up to DKK 74,244"
        value = amount_value(m.group("amount"))
        if value is None or value < 7 or (value < 1000 and not _has_currency(m.group())):
            continue  # "up to 30 days", "at least 25 operations per year"
        kind = m.group("kind").lower()
        is_max = kind.startswith(("up", "as much", "max", "bis", "op"))
        out.append(Pay(*_trimmed(m), None if is_max else value,
                       value if is_max else None, "open-max" if is_max else "open-min"))
        taken.append(m.span())
    for m in _AMOUNT_RE.finditer(text):
        if not free(*m.span()) or not _has_currency(m.group()):
            continue
        value = amount_value(m.group())
        if value is None or value < 7 or not _PAY_WORDS.search(_pay_sentence(doc, m.start())):
            continue
        out.append(Pay(*_trimmed(m), value, value, "amount"))
        taken.append(m.span())
    grades: list[Pay] = []
    for m in _GRADE.finditer(text):
        if grades and m.start() - grades[-1].end <= 3:  # "TV-L E13" is one grade
            last = grades.pop()
            grades.append(Pay(last.start, m.end(), text[last.start:m.end()], None, None, "grade"))
        else:
            grades.append(Pay(m.start(), m.end(), m.group(), None, None, "grade"))
    out.extend(grades)
    return sorted(out, key=lambda p: p.start)
