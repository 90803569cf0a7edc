"""Pay in a posting: amounts, ranges ("$80,000 - $95,000", "48.000 bis 56.000 Euro",
"34.000-38.000 kr."), open ends ("up to $90k", "ab 50.000 €") and pay grades ("TV-L E13").

An amount counts only with a currency, a pay word or a period ("120,000 - 150,000 a year"), so
"200 employees" or "3-5 years" never do. Each amount has a role: ``pay`` (salary, hourly rate,
band) or ``other`` money (an allowance, supplement, bonus, voucher, relocation, pension, loan
or welcome payment attached to it: "£2k welcome payment", "relocation allowance of up to
£8,000"). The pay rules read only amounts whose role is pay.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .document import Document
from .document.blocks import SpanSet
from .document.words import (
    KeyedPattern,
    Words,
    key_positions,
    matches_at,
    occurrences,
    words_of,
)
from .literals import leading_literals

# ("euros?" before "EUR": "65 Tsd. Euro" was cut at "Eur")
_CUR = (r"(?:US\$|CA\$|C\$|A\$|\$|€|£|euros?|EUR|USD|CAD|GBP|DKK|SEK|NOK|CHF|kr\.?|kroner|"
        r"dollars?|pounds?)")
_NUM = r"\d{1,3}(?:[,.\s\u00a0'’]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_AMOUNT = rf"(?:{_CUR}\s?)?(?:{_NUM})\s?(?:[kK]\b|tsd\.?|t\.|T(?=\s?€))?(?:\s?{_CUR})?"
# an amount never starts inside a number, after a slash ("Band 5/6 - £24,907") or, in a range,
# after a hyphen ("08-28-2015")
_AMOUNT_RE = re.compile(rf"(?<![\w.,/])({_AMOUNT})", re.I)
_RANGE = re.compile(
    rf"(?<![\w.,/-])(?:(?:a\s+)?minimum\s+of\s+)?(?P<low>{_AMOUNT})"
    # (a period after the first end too: "$25.50/hr - $30.00/hr")
    rf"(?:\s?/\s?(?:hr|hour|h|yr|year|month|mo|wk|week)\b)?\s*"
    rf"(?:-|–|—|to|up\s+to|and|bis|til|und|og|until)\s*(?:(?:a\s+)?maximum\s+of\s+)?"
    rf"(?P<high>{_AMOUNT})", re.I)
_OPEN = KeyedPattern(re.compile(
    rf"\b(?P<kind>up\s+to|as\s+much\s+as|maximum\s+of|max\.?|from|starting\s+(?:at|from)|"
    rf"at\s+least|minimum\s+of|min\.?|bis\s+zu|ab|mindestens|op\s+til|fra|mindst)"
    rf"(?:\s+|(?=[$£€]))(?P<amount>{_AMOUNT})", re.I))
# Where an amount (and so a range) can start, found in the word index: a word that begins with
# a digit or a currency ("USD", "kr.", "EUR100"), a currency sign, "US$", "C$"... and, for a
# range, "a minimum of". Amounts are tried only there: the same matches as a search, without
# trying three long patterns at every character of the posting.
_CURRENCY_WORDS = ("usd", "cad", "chf", "gbp", "dkk", "sek", "nok", "kr", "eur", "dollar",
                   "pound")
_BEFORE_DOLLAR = ("us", "ca", "c", "a")  # "US$", "CA$", "C$", "A$"


def _amount_starts(words: Words, ranges: bool = False) -> list[int]:
    table, lower = words.table(), words.lower
    out = [p for word, starts in table.items() if word[0].isdigit() for p in starts]
    for word in _CURRENCY_WORDS:
        out += words.starts(word)
    for word in (*_BEFORE_DOLLAR, *(("minimum",) if ranges else ())):
        out += table.get(word, ())
    for sign in "$€£":
        out += occurrences(lower, sign)
    out.sort()
    return out


def _search_from(pattern: re.Pattern[str], text: str, starts: list[int],
                 pos: int) -> re.Match[str] | None:
    """``pattern.search(text, pos)`` for a pattern whose every match starts at one of the
    sorted ``starts``."""
    # (by index: a slice of the rest would copy it at every call)
    for i in range(bisect.bisect_left(starts, pos), len(starts)):
        m = pattern.match(text, starts[i])
        if m is not None:
            return m
    return None
# After an amount, words that make it a minimum: a "+" written onto it ("$80,000+ DOE",
# "$25+/hour"; not "$80k+ bonus" or "$80k + 10%", which add something), "and up", "or more",
# "und mehr", "og derover"
_MINIMUM_AFTER = re.compile(
    r"\+(?![\w+&%]|[ \t]*(?:\d|[+&%]|bonus|commission|benefits|equity|stock|shares|overtime|"
    r"tips|incentives?|super\w*|pension|car|allowances?|(?-i:OTE)|per\s+cent))"
    r"|[ \t]+(?:and|or)[ \t]+(?:up|upwards|above|more|higher)\b"
    r"|[ \t]+(?:und|oder)[ \t]+(?:mehr|höher|darüber)\b"
    r"|[ \t]+(?:og|eller)[ \t]+(?:derover|mere|op)\b",
    re.I)
# A period after a figure makes it pay even without a currency ("120,000 - 150,000 a year")
_PERIOD = re.compile(
    r"[ \t]*(?:(?:per|an?|each|/)\s?(?:hour|hr|h|year|yr|annum|month|mo|week|wk|day)\b|hourly\b|"
    r"annually\b|yearly\b|monthly\b|p\.\s?a\.|p\.\s?h\.|pro\s+(?:stunde|jahr|monat)\b|"
    r"im\s+(?:jahr|monat)\b|brutto\b|(?:i|om)\s+(?:timen|året|måneden)\b)", re.I)
# Money that is not the pay: the words it is attached to
_OTHER = (r"(?:allowances?|supplements?|bonus(?:es)?|vouchers?|relocation|pensions?|loans?|"
          r"welcome\s+(?:payment|bonus)|golden\s+hello|sign(?:ing)?[\s-]?on|retention|referral|"
          r"reimburs\w*|expenses|mileage|budget|tuition|childcare|discounts?|contributions?|"
          r"premium|premia|incentives?|stipends?|subsid\w*|enhancements?|uplifts?|payments?|"
          r"value|revenues?|turnover|funding|contracts?|purchases?|bids?|"
          # German and Danish compounds end with the word: "Fahrtkostenzuschuss", "funktionstillæg"
          r"\w*(?:zuschuss|zuschüsse|zulagen?|prämien?|jobticket|gutscheine?|altersvorsorge|"
          r"betriebsrente|urlaubsgeld|weihnachtsgeld|sonderzahlung(?:en)?|"
          r"tillæg|pensionsordning|godtgørelse|rabat))")
_SEPARATOR = r"(?!(?:plus|and|with|und|mit|og|med|inkl\w*|incl\w*)\b)"
_OTHER_AFTER = re.compile(
    rf"[ \t]*(?:{_SEPARATOR}[\w'’-]+[ \t]+){{0,3}}?(?:{_OTHER})\b", re.I)
# The money words before an amount in its sentence: the nearest says what the amount is
# ("High Cost Area Supplement of 15% of the basic salary (with a minimum of £3,784 ...)": a
# salary that is only the base of a percentage does not count)
_ROLE_BEFORE = re.compile(
    rf"(?P<other>\b(?:{_OTHER})\b)"
    r"|(?<!of the basic )(?<!of the base )(?<!of your )(?<!of the )(?<!of )"
    r"(?P<pay>\b(?:salary|salaries|pay|wage|wages|compensation|remuneration|earn\w*|"
    r"rate|\w*gehalt|\w*vergütung|\w*lohn|\w*løn)\b)", re.I)
_PAY_WORDS = re.compile(
    r"\b(?:salary|salaries|pay|paid|wage|wages|compensation|remuneration|base|annual|annually|"
    r"packages?|(?-i:DOE|OTE)|pro\s+rata|depend(?:ing|ent)\s+(?:up)?on\s+experience|"
    r"per\s+(?:year|annum|hour|month)|hourly|yearly|monthly|p\.a\.|/\s?(?:hr|h|year|yr|month)|"
    r"gehalt|vergütung|lohn|brutto|jährlich|monatlich|stundenlohn|jahresgehalt|"
    r"løn|månedsløn|årsløn|timeløn|om\s+måneden|pr\.\s+måned|årligt)\b",
    re.I)
# Pay grades and scales, in the order they are tried, each with where it can start: at a
# word the word index has ("word"), at a capital E, A or W before digits ("letter": E13,
# A 13, W2), or at a word that holds "tarifvertrag" ("Haustarifvertrag")
_GRADE_PARTS = (
    (r"TV-?L", "word"), (r"TVöD(?:-\w+)?", "word"), (r"TV-?H", "word"), (r"TV-?V", "word"),
    (r"TV-?Ärzte", "word"), (r"Entgeltgruppe", "word"), (r"EG\s?\d", "word"),
    (r"(?-i:E)\s?\d{1,2}\b", "letter"), (r"Besoldungsgruppe", "word"),
    (r"(?-i:A)\s?1[0-6]\b", "letter"), (r"(?-i:W)\s?[1-3]\b", "letter"),
    (r"\w*tarifvertrag\w*", "holding"), (r"tarifliche", "word"), (r"Tarif", "word"),
    (r"overenskomst\w*", "word"), (r"løntrin|lønramme|lønklasse", "word"),
    (r"pay\s+(?:band|grade|scale)|salary\s+(?:band|grade|scale)", "word"),
    (r"(?P<generic>band\s+\d|grade\s+\d|(?:collective|joint|union|framework)\s+"
     r"(?:bargaining\s+)?agreement|"
     # "in accordance with the agreement between the Ministry of Finance and AC" (Denmark's
     # state agreements, as Danish universities word them in English)
     r"agreement\s+between\s+(?:the\s+)?(?:Danish\s+)?(?:Ministry\s+of\s+Finance|"
     r"Agency\s+for\s+(?:Modernisation|Public\s+Finance)|Confederation|Regions))", "word"),
)
_GRADE = re.compile(r"\b(?:" + "|".join(p for p, _ in _GRADE_PARTS) + ")", re.I)
_GRADE_KEYS = leading_literals(
    r"\b(?:" + "|".join(p for p, how in _GRADE_PARTS if how == "word") + ")", re.I) or ()
# a grade letter (E13, A 5) where a word starts: looked for without a leading \b, which the
# engine would try at every character; a capital E, A or W starts a word when no word
# character stands before it
_GRADE_LETTER = re.compile(r"[EAW]\s?\d")
_WORD_CHAR = re.compile(r"\w")


def _grade_starts(text: str, words: Words) -> list[int]:
    """Where a match of _GRADE can start (see _GRADE_PARTS)."""
    out = key_positions(words, _GRADE_KEYS)
    out += (p for m in _GRADE_LETTER.finditer(text)
            if (p := m.start()) == 0 or _WORD_CHAR.match(text, p - 1) is None)
    if "tarifvertrag" in words.lower:
        out += (p for word, found in words.table().items() if "tarifvertrag" in word
                for p in found)
    return out
# "Band 6" and "collective agreement" are the job's pay in its title or a heading, on a short
# line of their own, beside pay words, or said of the post; not "experience at Band 6", "teams
# include Band 5 and Band 4" or "applying Collective Agreements"
_OF_THE_POST = re.compile(r"\b(?:this|the)\s+(?:post|role|position|job|vacancy)\b|\bpaid\b|"
                          r"\baccording\s+to\b|\bin\s+accordance\s+with\b", re.I)
# Amounts of a company's size, not pay: "$545 billion annual revenue", "$1.5M in funding"
_MAGNITUDE = re.compile(
    r"[ \t]*(?:million|billion|trillion|bn|mn|mio\.?|mrd\.?|millionen|milliarden|[MB])\b", re.I)


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
    role: str = "pay"  # "pay", or "other" money (an allowance, a bonus, relocation...)


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
    if re.search(r"\d\s?k\b|tsd|\bt\.|\dT\s?€|\d\s+T\s?€", text, re.I):
        value *= 1000
    return value


def _has_currency(text: str) -> bool:
    return re.search(_CUR, text, re.I) is not None and re.search(r"\d", text) is not None


# "Pound" written as a word is also a weight: "lift up to 50 pounds", "a truck of more than
# 26,001 pounds gross vehicle weight", "weights of 10-35 pounds". An amount whose only
# currency is that word is a weight when weight words stand around it.
_SURE_CURRENCY = re.compile(_CUR.replace("pounds?", "(?!)"), re.I)
_POUND_WORD = re.compile(r"\bpounds?\b", re.I)
_WEIGHT_WORDS = re.compile(
    r"\b(?:weigh\w*|lift\w*|carr(?:y|ies|ying)|push\w*|pull\w*|lbs?|kg|kilo\w*|heavy|"
    r"loads?|vehicles?|trucks?|objects|boxes|equipment)\b", re.I)


def _is_weight(text: str, start: int, end: int) -> bool:
    """Whether the amount ``text[start:end]`` is a weight in pounds, not money."""
    snippet = text[start:end]
    return _POUND_WORD.search(snippet) is not None and _SURE_CURRENCY.search(snippet) is None \
        and _WEIGHT_WORDS.search(text, max(0, start - 80), min(len(text), end + 60)) is not None


def _grade_of_the_job(doc: Document, start: int) -> bool:
    section = doc.section_at(start)
    if section is not None and section.heading is not None \
            and section.heading.start <= start < section.heading.end:
        return True
    if section is not None and section.kind == "salary":
        return True
    i = doc.sentence_index(start)
    if i < 0:
        return True
    sentence = doc.sentences[i].text
    if _PAY_WORDS.search(sentence) or _OF_THE_POST.search(sentence):
        return True
    block = doc.blocks[doc.sentences[i].block].text if doc.blocks else sentence
    facts_line = block.count("|") >= 2  # "Nurse | Band 5 | Liverpool | Full time"
    return (len(block) < 100 or facts_line) and doc.subjects[i] != "candidate"


def find_pay(doc: Document) -> list[Pay]:
    """Every amount, range and grade, with its role; see :func:`salary` for pay only."""
    return doc.memo("pay", _find_pay)


def salary(doc: Document) -> list[Pay]:
    """The amounts, ranges and grades that are the job's pay."""
    return [p for p in find_pay(doc) if p.role == "pay"]


def _heading(doc: Document, start: int) -> str:
    section = doc.section_at(start)
    return section.heading.text if section and section.heading else ""


def _pay_sentence(doc: Document, start: int) -> str:
    """The sentence around ``start``, with its section's heading ("Salary")."""
    i = doc.sentence_index(start)
    if i < 0:
        return ""
    return _heading(doc, start) + " " + doc.sentences[i].text


@dataclass(frozen=True, slots=True)
class _RoleWords:
    """The money words of a sentence (_ROLE_BEFORE's matches), in order: where each starts
    and ends, whether it is one of other money, and how many of the first k are pay's."""

    starts: list[int]
    ends: list[int]
    other: list[bool]
    pay_until: list[int]

    @classmethod
    def of(cls, matches: list[re.Match[str]]) -> _RoleWords:
        pay_until = [0]
        for m in matches:
            pay_until.append(pay_until[-1] + (m.group("pay") is not None))
        return cls([m.start() for m in matches], [m.end() for m in matches],
                   [m.group("other") is not None for m in matches], pay_until)


def _find_pay(doc: Document) -> list[Pay]:
    text = doc.text
    out: list[Pay] = []
    taken = SpanSet()

    def free(s: int, e: int) -> bool:
        return not taken.overlaps(s, e)

    # whether each sentence (with its section's heading) has a pay word, read once: a
    # sentence of thousands of amounts was read again at each ("$80,000+" x 2000: 5 s)
    pays: dict[int, bool] = {}

    def sentence_pays(s: int) -> bool:
        i = doc.sentence_index(s)
        if i not in pays:
            pays[i] = bool(_PAY_WORDS.search(_pay_sentence(doc, s)))
        return pays[i]

    def about_pay(s: int, e: int, snippet: str) -> bool:
        """A currency in the figure, or a pay word next to it or in its section's heading."""
        if _has_currency(snippet):
            return True
        near = text[max(0, s - 60):e + 60]
        section = doc.section_at(s)
        return bool(_PAY_WORDS.search(near)) or (section is not None and section.kind == "salary")

    def role(s: int, e: int) -> str:
        """"other" when an amount has a magnitude ("$545 billion"), when money words are
        attached after the amount ("£2k welcome payment") or the nearest money word before
        it in its sentence is one ("relocation package up to a maximum of £2000"); else
        "pay"."""
        if _OTHER_AFTER.match(text, e) or _MAGNITUDE.match(text, e):
            return "other"
        i = doc.sentence_index(s)
        if i >= 0:  # the money words of its sentence before it, and whether one comes after
            found = role_words(i)
            before = bisect.bisect_right(found.ends, s)
            last_other = before > 0 and found.other[before - 1]
            any_pay = found.pay_until[before] > 0
            after = bisect.bisect_left(found.starts, e) < len(found.starts)
        else:
            words = list(_ROLE_BEFORE.finditer(text, max(0, s - 200), s))
            before, after = len(words), False
            last_other = bool(words) and words[-1].group("other") is not None
            any_pay = any(w.group("pay") for w in words)
        if doc.zone_at(s) == "benefits" and not any_pay and not after \
                and not _ROLE_BEFORE.search(_heading(doc, s)):  # "Salary & Benefits"
            return "other"  # "Free mental health care ($550/year)" among the benefits
        if not before and i > 0:  # a list item: its lead-in ("Relocation support:") says
            lead_in = role_words(i - 1, own_text=True)
            return "other" if lead_in.other and lead_in.other[-1] else "pay"
        return "other" if last_other else "pay"

    # each sentence's money words, read once (an amount's were read from its sentence's
    # start at each amount: quadratic in a long sentence of amounts)
    read: dict[tuple[int, bool], _RoleWords] = {}

    def role_words(i: int, own_text: bool = False) -> _RoleWords:
        found = read.get((i, own_text))
        if found is None:
            sentence = doc.sentences[i]
            matches = list(_ROLE_BEFORE.finditer(sentence.text) if own_text
                           else _ROLE_BEFORE.finditer(text, sentence.start, sentence.end))
            found = read[i, own_text] = _RoleWords.of(matches)
        return found

    words = words_of(text)
    amount_starts = _amount_starts(words)
    range_starts = _amount_starts(words, ranges=True)
    pos = 0
    while (m := _search_from(_RANGE, text, range_starts, pos)) is not None:
        pos = m.end()
        low, high = amount_value(m.group("low")), amount_value(m.group("high"))
        if low is None or high is None:
            continue
        if low < 1000 <= high and re.search(r"\d\s?k\b|tsd|\bt\.|T\s?€", m.group("high"),
                                            re.I):
            low *= 1000  # "50 - 65K", "55 bis 65 Tsd. Euro", "55-65 T€"
        period = _PERIOD.match(text, m.end()) is not None
        one_sided = _has_currency(m.group("low")) != _has_currency(m.group("high"))
        if not (0 < low < high) or (high < 1000 and not _has_currency(m.group()) and not period) \
                or (one_sided and high > 20 * low):
            pos = m.start("high")  # "3-5 years", "51-200 employees", "Band 5 - £24,907 - ..."
            continue
        if not (period or about_pay(m.start(), m.end(), m.group())) \
                or _is_weight(text, m.start(), m.end()):
            continue
        out.append(Pay(*_trimmed(m), low, high, "range", role(m.start(), m.end())))
        taken.add(*m.span())
    for m in _OPEN.finditer(text):
        near = text[max(0, m.start() - 60):m.end() + 30]
        if not free(*m.span()) or _is_weight(text, *m.span()) or not (
                _PAY_WORDS.search(near) or _PERIOD.match(text, m.end())):
            continue  # "a commuter loan of up to £10,000", "pension up to DKK 74,244"
        value = amount_value(m.group("amount"))
        if value is None or value < 7 or (value < 1000 and not _has_currency(m.group())):
            continue  # "up to 30 days", "at least 25 operations per year"
        kind = m.group("kind").lower()
        is_max = kind.startswith(("up", "as much", "max", "bis", "op"))
        out.append(Pay(*_trimmed(m), None if is_max else value, value if is_max else None,
                       "open-max" if is_max else "open-min", role(m.start(), m.end())))
        taken.add(*m.span())
    for m in matches_at(_AMOUNT_RE, text, amount_starts):
        if not free(*m.span()) or not _has_currency(m.group()) or _is_weight(text, *m.span()):
            continue
        value = amount_value(m.group())
        if value is None or value < 7 or not (sentence_pays(m.start())
                                              or _PERIOD.match(text, m.end())):
            continue
        start, end, written = _trimmed(m)
        per = _PERIOD.match(text, end)  # ("$20/hr and up")
        more = _MINIMUM_AFTER.match(text, end) or (
            _MINIMUM_AFTER.match(text, per.end()) if per is not None else None)
        if more is not None:
            end = more.end()
            out.append(Pay(start, end, text[start:end], value, None, "open-min",
                           role(start, end)))
        else:
            out.append(Pay(start, end, written, value, value, "amount", role(m.start(), m.end())))
        taken.add(*m.span())
    grades: list[Pay] = []
    for m in matches_at(_GRADE, text, _grade_starts(text, words)):
        if m.group("generic") and not _grade_of_the_job(doc, m.start()):
            continue
        if grades and m.start() - grades[-1].end <= 3:  # "TV-L E13" is one grade
            last = grades.pop()
            grades.append(Pay(last.start, m.end(), text[last.start:m.end()], None, None, "grade"))
        else:
            grades.append(Pay(m.start(), m.end(), m.group(), None, None, "grade"))
    out.extend(grades)
    return sorted(out, key=lambda p: p.start)
