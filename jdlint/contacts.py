"""Channels in a posting: mailboxes and phone numbers, found as a reader would read them.

A mailbox is an e-mail address, cut free of labels that the source glued to it ("Email
addressjane.doe@nhs.netTelephone number..." is ``jane.doe@nhs.net``). A phone number is found
by Google's libphonenumber rules (the ``phonenumbers`` package, Apache-2.0, offline) for the
posting's country, so "0333 577 3316" in a British posting is a number without a "tel." before
it, and a date, a reference number or an amount of pay is not. Where the country is not known,
only a number with a country code or a phone cue ("Tel.: 0711 898-48603") counts.

Every rule that asks about channels (``missing-contact``, ``personal-contact-data``) uses these
finders; they are memoised on the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .datafiles import load_yaml
from .dates import find_dates
from .document import Document
from .document.blocks import SpanSet
from .document.words import occurrences, on_lines

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# An address written to keep harvesters off: "jobs(at)example.de", "jobs [at] example [dot] de"
_OBFUSCATED = (r"[\w.+-]+[ \t]*(?:\(at\)|\[at\]|\{at\}|\(ät\)|\[ät\])[ \t]*[\w-]+"
               r"(?:(?:\.|[ \t]*(?:\(dot\)|\[dot\]|\(punkt\)|\[punkt\])[ \t]*)[\w-]+)+")
MAILBOX = re.compile(rf"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|{_OBFUSCATED}", re.I)
OBFUSCATION = re.compile(r"[(\[{](?:at|ät)[)\]}]", re.I)

# A label glued in front of the address: "Email addressjane@...", "Email: addressjane@...",
# "or emailjane@...", "HR Advisor atJane.Doe@..."
_LABEL_BEFORE = re.compile(
    r"(?:e-?mail|mail)[ \t]*:?[ \t]*$|(?:\bor|\band|\bvia|\bby|:)[ \t]*$", re.I)
_GLUED_LABEL = re.compile(r"(?i:address|e-?mail)(?=[\w.+-]{2,}@)|(?:at|on|to)(?=[A-Z][\w.+-]+@)")
# A word glued after it: a top-level domain has no digits and no capital after a small letter
_GLUED_AFTER = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)")

# A run of digits that may be a phone number; a "+" or "(" before it opens it ("+49", "(0151)")
_DIGITS_ON = re.compile(r"\d[\d \t()./-]{5,}\d")


def digit_runs(text: str) -> list[tuple[int, int]]:
    """The spans of the runs ``[+(]?\\d[\\d \\t()./-]{5,}\\d`` finds, left to right: each run of
    _DIGITS_ON with the "+" or "(" before it (nothing before a run is in one: a run ends with a
    digit and would go on). A pattern that opens with a digit is looked for at digits only, one
    that opens with an optional character at every character."""
    out = []
    for m in _DIGITS_ON.finditer(text):
        start = m.start()
        if start and text[start - 1] in "+(":
            start -= 1
        out.append((start, m.end()))
    return out
# A cue that makes a digit run a phone number where the country is not known
# A digit run that is a reference or a fax, not a number to call: after such a label, or with
# a letter glued to its end ("Requisition ID 2206054567W")
_ID_BEFORE = re.compile(
    r"(?:\b(?:id|ref\.?|reference(?:[ \t]+(?:no|number))?|requisition(?:[ \t]+(?:id|no|number))?"
    r"|(?:job|vacancy|posting|position)[ \t]+(?:code|id|no|number|ref\w*)|kennziffer|kennung"
    r"|referenz\w*|ausschreibungs(?:nummer|kennziffer)|sagsnr|sagsnummer|stillingsnr|fax)\b|#)"
    r"[\s.:#]*$", re.I)
_ID_AFTER = re.compile(r"[A-Za-z](?![a-z])")
_MONEY = re.compile(r"[$£€¥]|\b(?:EUR|USD|GBP|CAD|DKK|kr)\b")
_LANGUAGE_REGION = {"de": "DE", "da": "DK"}


@cache
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The phone cue before a number ("Tel.:") and the words of a sentence that offers
    contact, from ``data/required.yaml``."""
    data = load_yaml("required.yaml")
    union = "|".join(f"(?:{p})" for p in data["phone-cues"])
    return (re.compile(rf"(?:{union})(?:[ \t]*(?:number|no\.?|nr\.?|nummer))?[ \t]*[:.]?[ \t]*$",
                       re.I),
            re.compile("|".join(f"(?:{p})" for p in data["contact-words"]), re.I))
# Where the place is not known: the countries a language's postings most often come from; a
# number valid in one of them counts in a sentence that offers contact
# (English is the language of many postings in continental Europe too)
_LANGUAGE_COUNTRIES = {"en": ("GB", "US", "CA", "IE", "AU", "NZ", "DK", "DE", "NL", "SE", "NO"),
                       "de": ("DE", "AT", "CH"), "da": ("DK",)}
@dataclass(frozen=True, slots=True)
class Channel:
    kind: str  # "email" or "phone"
    start: int
    end: int
    text: str

    @property
    def local(self) -> str:
        """An address's part before the "@" (or "(at)")."""
        return re.split(r"@|[ \t]*[(\[{](?:at|ät)[)\]}]", self.text, maxsplit=1, flags=re.I)[0]


def mailboxes(doc: Document) -> tuple[Channel, ...]:
    return doc.memo("mailboxes", _find_mailboxes)


def _find_mailboxes(doc: Document) -> tuple[Channel, ...]:
    text = doc.text
    if "@" in text:
        pattern = MAILBOX if OBFUSCATION.search(text) else EMAIL
    elif OBFUSCATION.search(text):
        pattern = MAILBOX
    else:
        return ()
    # an address stays on its line, and holds an "@" or an "(at)": only those lines are searched
    hints = occurrences(text, "@")
    if pattern is MAILBOX:
        hints += [m.start() for m in OBFUSCATION.finditer(text)]
    found = []
    for m in on_lines(pattern, text, hints):
        start, end = m.span()
        if glued := _GLUED_LABEL.match(text, start):
            capital_after = glued.group().islower() and text[glued.end()].isupper()
            if capital_after or _LABEL_BEFORE.search(text, max(0, start - 12), start):
                start = glued.end()
        if "@" not in m.group():  # an obfuscated address keeps its spelling
            found.append(Channel("email", start, end, m.group()))
            continue
        domain_start = text.index("@", start) + 1
        last_dot = text.rfind(".", domain_start, end)
        if last_dot > 0 and (cut := _GLUED_AFTER.search(text, last_dot + 1, end)):
            end = cut.start()
        if text.rfind(".", domain_start, end) < 0:
            continue  # nothing left of the domain
        found.append(Channel("email", start, end, text[start:end]))
    return tuple(found)


def region(doc: Document) -> str | None:
    """The country whose phone-number formats the posting uses: its place's, else its
    language's where the language has one main country."""
    place = (doc.jurisdiction or "").split("-")[0]
    if len(place) == 2 and place.isalpha() and place != "EU":
        return place.upper()
    return _LANGUAGE_REGION.get(doc.language)


def phones(doc: Document) -> tuple[Channel, ...]:
    return doc.memo("phones", _find_phones)


def _find_phones(doc: Document) -> tuple[Channel, ...]:
    text = doc.text
    candidates = [(start, end) for start, end in digit_runs(text)
                  if not (_in_mailbox(doc, start) or _ID_AFTER.match(text, end)
                          or _ID_BEFORE.search(text, max(0, start - 30), start)
                          or _MONEY.search(text, max(0, start - 2), min(len(text), end + 5))
                          or any(d.end - d.start >= end - start - 1
                                 for d in find_dates(text, start, end)))]
    # (not a reference, an amount or a date: "05.02.2025")
    if not candidates:
        return ()
    # 13-20 ms to import: only for a posting with a number that may be a phone's (a cold
    # check of a posting without one never pays it)
    import phonenumbers

    country = region(doc)
    found: list[Channel] = []
    for start, end in candidates:
        window = text[start:end]
        matches = list(phonenumbers.PhoneNumberMatcher(
            window, country or "ZZ", leniency=phonenumbers.Leniency.VALID))
        if not matches and country is None and _offers_contact(doc, start):
            matches = next((valid for c in _LANGUAGE_COUNTRIES.get(doc.language, ())
                            if (valid := list(phonenumbers.PhoneNumberMatcher(
                                window, c, leniency=phonenumbers.Leniency.VALID)))), [])
        if matches:
            found.extend(Channel("phone", start + m.start, start + m.end,
                                 m.raw_string) for m in matches)
        elif _cues()[0].search(text, max(0, start - 25), start) \
                and sum(c.isdigit() for c in window) >= 6:
            # after "Tel.:" a number the rules find merely possible counts too; where the
            # country is not known, the cue decides
            possible = [] if country is None else list(phonenumbers.PhoneNumberMatcher(
                window, country, leniency=phonenumbers.Leniency.POSSIBLE))
            if country is None or possible:
                found.append(Channel("phone", start, end, window))
    return tuple(found)


def _offers_contact(doc: Document, offset: int) -> bool:
    i = doc.sentence_index(offset)
    return i >= 0 and _cues()[1].search(doc.sentences[i].text) is not None


def _in_mailbox(doc: Document, offset: int) -> bool:
    return offset in doc.memo("mailbox-spans",
                              lambda d: SpanSet((c.start, c.end) for c in mailboxes(d)))


def channels(doc: Document) -> tuple[Channel, ...]:
    """Mailboxes and phone numbers, in the order they are written."""
    return tuple(sorted((*mailboxes(doc), *phones(doc)), key=lambda c: c.start))
