"""Find a posting's required elements: its deadline, a contact and how to apply.

The vocabulary (cues in English, German and Danish) is data in ``data/required.yaml``; this
module holds the logic. Each finder works on a :class:`~jdlint.document.Document` and is
memoised on it, so the rules that share an analysis (three read the deadlines) compute it once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache
from typing import Any

from .contacts import MAILBOX, OBFUSCATION, channels, mailboxes
from .datafiles import load_yaml
from .dates import DateMatch, find_dates, with_context_year
from .document import Document
from .document.place import has_postal_address
from .document.sentences import Sentence
from .document.words import KeyedPattern, sentence_keys, words_of
from .document.zones import boilerplate_kind

_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
#: A site named without "https://" or "www.": "lumora.example.de/careers",
#: "careers.acme.com" (a common top-level domain after a dot, then a path, or a host of three
#: names or more: "gov.uk services" and "socket.io" name no page; not "e.g.", "Node.js",
#: "B.Sc./M.Sc.")
_SITE_END = r"(?:com|org|net|edu|gov|jobs|careers|io|co|eu|de|dk|uk|ca|us|at|ch|nl|be|ie|fr|es|" \
    r"it|se|no|fi|pl|au|nz|in)"
_BARE_SITE = re.compile(
    rf"(?<![\w.@/-])(?:(?:[a-z0-9][a-z0-9-]*\.)+{_SITE_END}/[^\s<>()]*|"
    rf"(?:[a-z0-9][a-z0-9-]*\.){{2,}}{_SITE_END}(?![\w/-]))")
_PLACEHOLDER_NAME = re.compile(r"<NAME>")
_PLACEHOLDER_CONTACT = re.compile(
    r"(?:e-?mail|mail|tel\.?|telephone|phone|mobile|tlf\.?|telefon)\s*:?\s*(?:at\s+|on\s+)?<CONTACT>",
    re.I,
)
# In de-identified text a mailbox or phone number became <CONTACT>, as did links: in a contact
# sentence it is a channel unless it follows words that introduce a web page.
_CHANNEL_PLACEHOLDER = re.compile(
    r"(?<!visit )(?<!visit: )(?<!website )(?<!website: )(?<!page )(?<!found at )"
    r"(?<!available at )(?<!more at )(?<!here )(?<!see )(?<!read )<CONTACT>", re.I)
_CAP = r"(?:[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáíóúß'’-]+|[A-Z]\.)"
_NAME_RUN = re.compile(rf"{_CAP}(?:[ \t]+(?:(?:van|von|der|de|den|la|le|zu|af|da)[ \t]+)?{_CAP})*")
_HONORIFIC = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Frau|Herr|Hr|Fr|Fru)\.?[ \t]+{_CAP}")


_WORD_BEFORE = re.compile(r"(\w+)[ \t]*$")
_NOT_BEFORE_NAME = frozenset("about of in at from for the our their your its this a an".split())


@dataclass(frozen=True)
class Vocabulary:
    deadline_strong: KeyedPattern
    deadline_weak: KeyedPattern
    deadline_modifiers: KeyedPattern
    not_deadline: KeyedPattern
    posted: KeyedPattern
    revised: KeyedPattern
    start: KeyedPattern
    rolling: KeyedPattern
    rolling_explicit: KeyedPattern
    application: KeyedPattern
    handling: KeyedPattern
    early_closing: KeyedPattern
    posting: KeyedPattern
    contact: KeyedPattern
    apply: KeyedPattern
    apply_weak: KeyedPattern
    apply_invitation: KeyedPattern
    applying: KeyedPattern
    software: KeyedPattern
    channel: KeyedPattern
    named_channel: KeyedPattern
    visit: KeyedPattern
    contact_verbs: KeyedPattern
    not_names: frozenset[str]
    meta_keys: Mapping[str, tuple[str, ...]]


@cache
def vocabulary() -> Vocabulary:
    data: dict[str, Any] = load_yaml("required.yaml")
    union = load_pattern
    return Vocabulary(
        union("deadline-cues"), union("deadline-cues-weak"), union("deadline-modifiers"),
        union("not-deadline-cues"),
        union("posted-cues"), union("revised-cues"), union("start-cues"),
        union("rolling"), union("rolling-explicit"), union("application-words"),
        union("handling-words"), union("early-closing"), union("posting-words"),
        union("contact-cues"), union("apply"), union("apply-weak"),
        union("apply-invitation"), union("applying-words"), union("software-applications"),
        union("channel", "channel-named"), union("channel-named"), union("visit-words"),
        union("contact-verbs"),
        frozenset(str(data["not-names"]).lower().split()),
        {k[5:]: tuple(v) for k, v in data.items() if k.startswith("meta-")},
    )


@cache
def load_pattern(*keys: str) -> KeyedPattern:
    """Lists of ``required.yaml`` as one pattern (case-insensitive)."""
    data: dict[str, Any] = load_yaml("required.yaml")
    return KeyedPattern(re.compile("|".join(f"(?:{p})" for k in keys for p in data[k]), re.I))


# --- deadlines -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Deadline:
    start: int  # where the date is written (0, 0 for front matter)
    end: int
    value: date | None  # None when the year cannot be told
    text: str
    range_start: date | None = None
    from_meta: bool = False


@dataclass(frozen=True)
class DeadlineInfo:
    deadlines: tuple[Deadline, ...]
    rolling: tuple[int, int] | None  # where the posting says it has no fixed deadline
    dates: tuple[DateMatch, ...]  # every date in the text, for ambiguous-date
    day_first: bool


def prefers_day_first(doc: Document) -> bool:
    """Month-first in the US (and English-language Canada), day-first elsewhere."""
    j = doc.jurisdiction or ""
    if j == "US" or j.startswith("US-"):
        return False
    return not ((j == "CA" or j.startswith("CA-")) and doc.language == "en")


def meta_value(doc: Document, kind: str) -> tuple[str, Any] | None:
    for key in vocabulary().meta_keys[kind]:
        value = doc.meta.get(key)
        if value not in (None, "", [], {}):
            return key, value
    return None


def deadlines(doc: Document) -> DeadlineInfo:
    return doc.memo("deadlines", _find_deadlines)


def _find_deadlines(doc: Document) -> DeadlineInfo:
    vocab = vocabulary()
    day_first = prefers_day_first(doc)
    raw = find_dates(doc.text, day_first=day_first)
    dates = list(with_context_year(raw, raw))
    found: list[Deadline] = []
    if (meta := meta_value(doc, "deadline")) is not None:
        found.append(_meta_deadline(doc, meta[1], day_first))
    in_section = _section_dates(doc, dates)
    frame: _Frame | None = None
    for d, written in zip(dates, raw, strict=True):
        if d.start in in_section or _cued(doc, d, vocab):
            if written.year is None:
                frame = frame or _process_dates(doc, raw, vocab)
                d = _year_within(written, frame)
            found.append(Deadline(d.start, d.end, d.value, d.text, d.range_start))
    if not found:  # "Apply by 1/15": a day and month right after a cue, no year
        for written in _yearless_after_cue(doc, vocab, day_first):
            frame = frame or _process_dates(doc, raw, vocab)
            d = _year_within(written, frame)
            found.append(Deadline(d.start, d.end, d.value, d.text))
    if not found:  # "Bewerbungsfrist: KW 3/2027": the week's last day
        found += _week_after_cue(doc, vocab)
    return DeadlineInfo(tuple(found), _rolling(doc, vocab), tuple(dates), day_first)


#: A day and month with a slash and no year ("1/15"), right after a deadline's cue: alone it
#: is no date ("24/7", "50/50"), there it is the deadline, its year to be told
_YEARLESS_DATE = r"([0-3]?\d)/([0-3]?\d)(?![\d/]|[.,:-]\d)"
_YEARLESS = re.compile(r"[ \t:*_]{0,4}(?:(?:on|by|is)[ \t]+)?" + _YEARLESS_DATE)
_YEARLESS_AT = re.compile(_YEARLESS_DATE)


def _yearless_heads(text: str) -> list[int]:
    """Where a yearless day and month begins: at a digit's slash digit (one digit before
    it may belong to it; a scan for "\\d/\\d" costs a sixth of one for the whole form),
    where the whole of one stands ("24/7" does, "2026/27" and "1/2/3" do not)."""
    out = []
    for m in _DIGIT_SLASH.finditer(text):
        at = m.start() - (m.start() > 0 and text[m.start() - 1].isdigit())
        if _YEARLESS_AT.match(text, at) is not None:
            out.append(at)
    return out


_DIGIT_SLASH = re.compile(r"\d/\d")


#: A calendar week after a deadline's cue, as German postings give one: "KW 3/2027", "bis zur
#: 3. KW 2027", "Kalenderwoche 3 2027"
_WEEK_DATE = (r"(?P<week>(?:KW|Kalenderwoche)\s?(\d{1,2})|(\d{1,2})\.\s?(?:KW|Kalenderwoche))"
              r"(?:\s*/\s*|\s+|\s*,\s*)((?:19|20)\d\d|\d\d)(?!\d)")
_WEEK = re.compile(r"[ \t:*_]{0,4}(?:(?:bis|zum|zur|in|der|die|ist|am|ende|spätestens)\s+){0,4}"
                   + _WEEK_DATE, re.I)
_WEEK_AT = re.compile(_WEEK_DATE, re.I)


def _week_heads(text: str) -> list[int]:
    """Where a calendar week begins: at "KW" or "Kalenderwoche", or at the number before it
    ("3. KW"), where a week and its year stand (not "5 kW" of power)."""
    out = []
    for m in _KW.finditer(text):
        before = _WEEK_NUMBER_BEFORE.search(text, max(0, m.start() - 4), m.start())
        at = before.start() if before is not None else m.start()
        if _WEEK_AT.match(text, at) is not None:
            out.append(at)
    return out


#: "KW" or "Kalenderwoche" in any case, spelt out: an ignore-case alternation scans slower
_KW = re.compile(r"[Kk](?:[Ww]|" + "".join(f"[{c.upper()}{c}]" for c in "alenderwoche") + ")")
_WEEK_NUMBER_BEFORE = re.compile(r"\d{1,2}\.\s?$")

#: How far before a date a deadline's cue may begin (the longest cue, with the words between)
_CUE_REACH = 320


def _right_after_cues(doc: Document, vocab: Vocabulary, pattern: re.Pattern[str],
                      heads: Callable[[str], list[int]]) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` that stand right after a deadline's cue, strong cues first.
    ``heads`` finds where a match's date itself may begin; cues are looked for only in the
    text just before those places (a search of the whole posting for every cue, some of
    which cannot be keyed, cost more than the rest of the deadline rule), and a cue that
    must end the text ("... bis $") ends at the date."""
    text = doc.flowing
    starts = heads(text)
    for cues in (vocab.deadline_strong, vocab.deadline_weak):
        for at in starts:
            for cue in cues.pattern.finditer(text, max(0, at - _CUE_REACH), at):
                if (m := pattern.match(text, cue.end())) is not None:
                    yield m


def _week_after_cue(doc: Document, vocab: Vocabulary) -> list[Deadline]:
    for m in _right_after_cues(doc, vocab, _WEEK, _week_heads):
        week, year = int(m.group(2) or m.group(3)), int(m.group(4))
        year += 2000 if year < 100 else 0
        try:
            last = date.fromisocalendar(year, week, 7)
        except ValueError:
            continue
        return [Deadline(m.start("week"), m.end(), last, m.string[m.start("week"):m.end()])]
    return []


def _yearless_after_cue(doc: Document, vocab: Vocabulary, day_first: bool) -> Iterator[DateMatch]:
    for m in _right_after_cues(doc, vocab, _YEARLESS, _yearless_heads):
        a, b = int(m.group(1)), int(m.group(2))
        if (a, b) == (24, 7):
            continue  # "24/7": always
        if a > 12 or (day_first and b <= 12):
            day, month = a, b  # "15/01", or day first where the place reads so
        else:
            day, month = b, a  # "1/15", or month first in the US
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        yield DateMatch(m.start(1), m.end(2), m.string[m.start(1):m.end(2)], None, day, month,
                        None)
        return


@dataclass(frozen=True)
class _Frame:
    posted: date | None  # the day the posting was published
    start: date | None  # the day the work starts
    process: tuple[DateMatch, ...]  # dated steps of the recruitment (closing, interviews...)


def _process_dates(doc: Document, raw: list[DateMatch], vocab: Vocabulary) -> _Frame:
    """The posting's own dates: when it was published, when work starts, and every dated
    step of the recruitment, from cues before each date."""
    posted = start = None
    if (meta := meta_value(doc, "posted")) is not None:
        posted = _meta_date(meta[1], prefers_day_first(doc), last=False)
    process = []
    for d in raw:
        if d.value is None:
            continue
        prefix = _cue_text(_sentence_prefix(doc, d.start, 60))
        deadline = max(_last_end(vocab.deadline_strong, prefix),
                       _last_end(vocab.deadline_weak, prefix))
        if posted is None and _last_end(vocab.posted, prefix) > deadline:
            posted = d.value
        elif start is None and _last_end(vocab.start, prefix) > deadline:
            start = d.value
        if deadline > -1 or vocab.posted.search(prefix) or vocab.start.search(prefix) \
                or vocab.not_deadline.search(prefix):
            process.append(d)
    return _Frame(posted, start, tuple(process))


def _year_within(d: DateMatch, frame: _Frame) -> DateMatch:
    """A deadline written without a year ("Closing date: 19th November") falls after the
    posting date and before the start; without either, it takes its year from the nearest
    dated step of the recruitment ("Interviews: 4 December 2020"), never from an unrelated
    date ("since 1st April 2017"); without one, the year cannot be told."""
    if frame.posted is not None:
        posted = frame.posted
        year = posted.year if (d.month, d.day) >= (posted.month, posted.day) else posted.year + 1
    elif frame.start is not None:
        start = frame.start
        year = start.year if (d.month, d.day) <= (start.month, start.day) else start.year - 1
    else:
        return next(with_context_year([d], list(frame.process)))
    try:
        return replace(d, year=year, value=date(year, d.month, d.day))
    except ValueError:  # 29 February
        return d


def _meta_date(value: Any, day_first: bool, last: bool = True) -> date | None:
    """A front-matter value as a date: YAML's own date, or the last (or first) date in its
    text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = find_dates(str(value), day_first=day_first)
    return (parsed[-1] if last else parsed[0]).value if parsed else None


def _meta_deadline(doc: Document, value: Any, day_first: bool) -> Deadline:
    anchor = doc.first_content_offset
    when = _meta_date(value, day_first)
    text = when.isoformat() if isinstance(value, date) and when is not None else str(value)
    return Deadline(anchor, anchor, when, text, from_meta=True)


def _section_dates(doc: Document, dates: list[DateMatch]) -> set[int]:
    """The first date under each "Deadline" heading (unless it reads as a start date)."""
    chosen: set[int] = set()
    for section in doc.sections_of("deadline"):
        for d in dates:
            if section.start <= d.start < section.end:
                chosen.add(d.start)
                break
    return chosen


_SPACES = re.compile(r"\s+")


def _sentence_prefix(doc: Document, offset: int, width: int = 160) -> str:
    """The last ``width`` characters of the sentence before ``offset``, runs of white space
    read as one (PDF text pads its lines), and a stop inside it read as none: it is no
    sentence's end ("send your resume to Dr. Kevin Chan by ...", "z. B."), so a cue whose
    words stop at a sentence's end reads past it."""
    i = doc.sentence_index(offset)
    start = doc.sentences[i].start if i >= 0 else 0
    raw = doc.text[max(start, offset - 3 * width):offset]
    return _INNER_STOP.sub("", _SPACES.sub(" ", raw))[-width:]


_INNER_STOP = re.compile(r"\.(?= \S)")


def _last_end(pattern: KeyedPattern, text: str) -> int:
    last = -1
    for m in pattern.finditer(text):
        last = m.end()
    return last


_EMPHASIS = str.maketrans("_*", "  ")
_GLUED = re.compile(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])")


def _cue_text(text: str) -> str:
    """Text to look for cues in: emphasis marks left in plain text ("_Closing Date:_") read
    as spaces, words the source glued together ("CompetitionClosing Date:") parted, and a
    link or mailbox read as one word ("Apply at https://careers.example.com/jobs/884 before
    15 February": a cue's words may stand a few words apart, not a long link's letters)."""
    if "/" in text or "@" in text or "www." in text:
        text = _ADDRESS.sub("link", text)
    return _GLUED.sub(" ", text.translate(_EMPHASIS))


_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?]|"
                      r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _cued(doc: Document, d: DateMatch, vocab: Vocabulary) -> bool:
    prefix = _cue_text(_sentence_prefix(doc, d.start, 240))
    strong = _last_end(vocab.deadline_strong, prefix)
    weak = _last_end(vocab.deadline_weak, prefix)
    against = _last_end(vocab.not_deadline, prefix)
    if strong > against:
        return True
    if weak > against:  # application words, then "by"/"bis": the cue nearest the date decides
        return True
    if against == -1 and _last_end(vocab.deadline_modifiers, prefix) > -1:
        return True
    # a label on the line before, the date alone on its own: "Closing date" / "January 12,
    # 2027" (a table's row read cell by cell, a board's details scraped to text)
    label = _label_before(doc.text, d.start) if strong == weak == against == -1 else None
    return label is not None and _last_end(vocab.deadline_strong, label) > _last_end(
        vocab.not_deadline, label)


#: A line that is a label for the line after it: a few words, no sentence's end
_LABEL = re.compile(r"[ \t*_#>|•-]*([^\n.!?;,]{2,48}?)[ \t*_|]*(?::[ \t*_]*)?")


def _label_before(text: str, start: int) -> str | None:
    """The label on the line before the one that ``start`` opens (a blank line between them
    allowed), as "label:" (cues such as "Closing:" end with the colon), or None."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t*_|•-"):
        return None  # words before it on its line: its sentence's cues decide
    end = line_start - 1
    if end > 0 and text[end - 1] == "\n":
        end -= 1  # one blank line between
    if end <= 0:
        return None
    begin = text.rfind("\n", 0, end) + 1
    m = _LABEL.fullmatch(text, begin, end)
    if m is None or len(m.group(1).split()) > 6:
        return None
    return _cue_text(m.group(1)) + ":"


#: A form's footer line: a label, a leader of dots, then its value ("Class Code 1590 . . . .
#: 06-01-18"): a date there is the form's, not one an applicant acts on
_DOT_LEADER = re.compile(r"(?:\.[ \t]?){4,}[ \t]*$")


def document_date(doc: Document, d: DateMatch) -> bool:
    """Whether ``d`` is one of the posting's own dates as a document, which no applicant acts
    on: the nearest cue before it says it was posted, opened or revised ("Open Date:",
    "Revised:"), not a deadline or a start, or it ends a form's footer line (a dot leader)."""
    vocab = vocabulary()
    # the line before it, or the sentence when the line has no words ("Rev." may end one)
    line_start = doc.text.rfind("\n", 0, d.start) + 1
    line = doc.text[max(line_start, d.start - 180):d.start]
    prefix = _cue_text(_SPACES.sub(" ", line)[-60:] if any(c.isalpha() for c in line)
                       else _sentence_prefix(doc, d.start, 60))
    acted_on = max(_last_end(vocab.deadline_strong, prefix),
                   _last_end(vocab.deadline_weak, prefix), _last_end(vocab.start, prefix))
    if acted_on == -1 and _DOT_LEADER.search(line):
        return True  # "Class Code 1590 . . . . 06-01-18", not "Closing date . . . 03/04/2027"
    own = max(_last_end(vocab.posted, prefix), _last_end(vocab.revised, prefix))
    return own > acted_on


_NOT_ABOUT_APPLYING = frozenset({"duties", "served"})
#: the explicit statements that there is no deadline ("we have no deadlines" may be a boast
#: about the team), not a deadline's label saying it is ongoing ("Deadline: ongoing")
_NO_DEADLINE = re.compile(r"\b(?:no|not|keine|ohne|ingen)\b.*(?:deadline|frist)", re.I)


def _rolling(doc: Document, vocab: Vocabulary) -> tuple[int, int] | None:
    for m in vocab.rolling_explicit.finditer(doc.flowing):
        i = doc.sentence_index(m.start())
        # "no deadline" must be about the posting, not a boast about the team ("we have no
        # deadlines, only happy customers"); "open until filled" always is
        if i >= 0 and _NO_DEADLINE.search(m.group()) and (
                doc.subjects[i] in _NOT_ABOUT_APPLYING | {"culture"}
                or not vocab.posting.search(doc.sentences[i].text)):
            continue
        return m.span()
    for m in vocab.rolling.finditer(doc.flowing):
        i = doc.sentence_index(m.start())
        # about handling applications, not a requirement ("authorised to work ... on an
        # ongoing basis"), a duty or the people served
        if i < 0 or doc.subjects[i] in _NOT_ABOUT_APPLYING:
            continue
        text = doc.sentences[i].text
        if vocab.application.search(text) and vocab.handling.search(text) \
                and not vocab.early_closing.search(text):
            return m.span()
    return None


# --- contact and how to apply --------------------------------------------------------------
def names_in(text: str, vocab: Vocabulary, cue_end: int | None = None,
             language: str = "en") -> bool:
    """Whether ``text`` names a person: a placeholder, an honorific and a name ("Frau
    Weber"), a name right after the cue (``cue_end``), or, outside German (where every noun is
    capitalised), a run of two or more capitalised words that are not a team's."""
    if _PLACEHOLDER_NAME.search(text) or _HONORIFIC.search(text):
        return True
    for m in _NAME_RUN.finditer(text) if language != "de" else ():
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before and before.group(1).lower() in _NOT_BEFORE_NAME:
            continue  # "more information about Customer Care", "the Data Team"
        words = [w for w in re.split(r"[ \t]+", m.group()) if w]
        run: list[str] = []
        for w in [*words, ""]:
            if w and w.lower().strip(".’'") not in vocab.not_names and w.rstrip(".").isalpha():
                run.append(w)
                continue
            if len(run) >= 2 and not all(x.endswith(".") for x in run):
                return True
            run = []
    return cue_end is not None and _name_right_after(text, cue_end, vocab)


#: A line that is a person's name, as a contact section lists one: after an optional label
#: ("Contact:", "Name", glued or not), two to four capitalised words, then the line's end or
#: what parts a name from a role or a channel ("Jason Goddard - Department Leader", "Neena
#: Khosla/ - Family Safeguarding", "Jean Hammond, Manager, on 01432 ...")
_NAME_LINE = re.compile(
    rf"^[ \t*_>•·-]*(?:[^\n:]{{1,40}}:[ \t*_]*)?(?:Name[ \t]*:?[ \t]*)?"
    rf"((?:{_CAP}[ \t]+){{1,3}}{_CAP})[ \t*_]*(?:$|[-–—,/(|#]|[ \t]+(?:on|at|via|tel)\b)",
    re.M)


def _names_person(text: str, vocab: Vocabulary) -> bool:
    """Whether a contact section names a person: a placeholder, an honorific and a name, a
    name after its label, or a line that is a name (:data:`_NAME_LINE`) of no team's words.
    A capitalised run in a sentence is not enough there: "More information" sections go on
    about the sites ("HMP Foston Hall") and the terms ("Practice Plus Group Terms &
    Conditions")."""
    if _PLACEHOLDER_NAME.search(text) or _HONORIFIC.search(text) or _NAME_LABEL.search(text):
        return True
    return any(not {w.lower() for w in m.group(1).split()} & vocab.not_names
               for m in _NAME_LINE.finditer(text))


#: A name after its label, glued to it as boards' forms print it: "Name: Helen Sherlock",
#: "NameHelen SherlockJob title..."
_NAME_LABEL = re.compile(rf"(?<![A-Za-z])Name[ \t]*:?[ \t]*(?={_CAP}[ \t]+{_CAP})")


def _name_right_after(text: str, cue_end: int, vocab: Vocabulary) -> bool:
    """ "contact Anna at ...", "contact Dr Lee": one person named right after the cue; or
    named in full after their role ("kontakte souschef Ole Olsen", "contact our head nurse
    Priya Raman")."""
    after = _AFTER_CUE.match(text, cue_end)
    if after is not None and after.group(1).lower() not in vocab.not_names:
        return True
    if not _CONTACT_VERB.search(text, max(0, cue_end - 12), cue_end):
        return False  # (after "contact", "kontakte": not "translating Questions into Data Models")
    titled = _AFTER_ROLE.match(text, cue_end)
    return titled is not None and not {w.lower() for w in titled.group(1).split()} & \
        vocab.not_names


_CONTACT_VERB = re.compile(r"(?i:contact|kontakte|kontaktieren|ring|call)\w{0,3}$")


_AFTER_CUE = re.compile(
    rf"[ \t]*:?[ \t]*(?:(?:Mr|Mrs|Ms|Mx|Dr|Herr|Frau|Fru|Hr)\.?[ \t]+)?({_CAP})\b")
#: a role in lower case, then a full name: "souschef Ole Olsen", "our head nurse Priya Raman"
_AFTER_ROLE = re.compile(
    rf"[ \t]+(?:(?:our|the|vores|vor|unsere[nmr]?|die|den)[ \t]+)?"
    rf"[a-zæøåäöüß][\w-]{{3,}}(?:[ \t]+[a-zæøåäöüß][\w-]{{3,}})?[ \t]+({_CAP}[ \t]+{_CAP})\b")


def contact(doc: Document) -> tuple[int, int] | None:
    """Where the posting names someone to ask, or gives a mailbox or phone number."""
    return doc.memo("contact", _find_contact)


# Sentences that cannot offer a contact: duties ("answer customers' questions"), the people
# served, boilerplate, benefits. In a sentence about the candidate ("you enjoy translating
# business questions", "if you have questions, contact Anna") only a name after the cue counts.
_CANNOT_OFFER_CONTACT = frozenset({"duties", "served", "policy", "benefits"})


def _find_contact(doc: Document) -> tuple[int, int] | None:
    vocab = vocabulary()
    if meta_value(doc, "contact") is not None:
        return (doc.first_content_offset, doc.first_content_offset)
    for channel in channels(doc):
        if _offered_for_contact(doc, channel.start, vocab):
            return (channel.start, channel.end)
    if "<CONTACT>" in doc.text and (m := _PLACEHOLDER_CONTACT.search(doc.text)) \
            and _offered_for_contact(doc, m.start(), vocab):
        return m.span()
    for section in doc.sections_of("contact"):
        # a name line ("Jane Doe, Engineering Manager") may itself look like a heading: read on
        # to the next section with a known kind
        end = next((s.start for s in doc.sections if s.start > section.start and s.kind),
                   len(doc.text))
        body = doc.text[section.start:min(end, section.start + 600)]
        if _names_person(body, vocab):
            return (section.start, section.end)
    for m in load_pattern("contact-owner").finditer(doc.flowing):
        i = doc.sentence_index(m.start())  # the person in charge of the post, named
        if i >= 0 and not _boilerplate_sentence(doc, m.start()) \
                and names_in(doc.sentences[i].text, vocab, language=doc.language):
            return (doc.sentences[i].start, doc.sentences[i].end)
    for i, s in _sentences_holding(doc, vocab.contact):
        if doc.subjects[i] in _CANNOT_OFFER_CONTACT:
            continue
        for cue in vocab.contact.finditer(s.text):
            if cue.start() and s.text[cue.start() - 1] in "-/":
                continue  # "On-Call", "Call/SMS" as a product
            if cue.group()[:8].lower() == "question" and not _asked(s.text, cue):
                continue  # "multiple choice questions", "the Supplemental Questions section"
            if doc.subjects[i] == "candidate":
                if _name_right_after(s.text, cue.end(), vocab):
                    return (s.start, s.end)
                continue
            if vocab.visit.search(s.text) and not vocab.contact_verbs.search(s.text):
                break  # "for more information, visit ...": a web page, not someone to ask
            frame = _frame(doc, i)
            if len(frame) > len(s.text) and s.text.rstrip().endswith(":"):
                # the lines after a lead-in ("More information:") name a person as a contact
                # section does, not by any capitalised words ("Please visit Why Carnegie
                # Mellon")
                named = names_in(s.text, vocab, cue.end(), doc.language) \
                    or _names_person(frame, vocab)
            else:
                named = names_in(frame, vocab, cue.end(), doc.language)
            if named or _CHANNEL_PLACEHOLDER.search(frame):
                return (s.start, s.end)
    return None


#: "Questions" someone answers: after a word that asks for them ("any questions", "send us
#: questions", "for further questions") or before a question mark, a colon or what they are
#: about ("Questions?", "Questions about the post may be directed to ...")
_ASKED_BEFORE = re.compile(
    r"\b(?:any|have|for|with|your|us|me|further|more|additional|general|informal|specific|"
    r"other)\s+(?:further\s+|other\s+)?$", re.I)
_ASKED_AFTER = re.compile(
    r"\s*[?:]|\s+(?:about|regarding|re\b|on\s+(?:the|this|our|your)|concerning|relating|"
    r"related|may|can|should|please|or\b|and\s+(?:queries|enquiries|answers)|to\b)", re.I)


def _asked(text: str, cue: re.Match[str]) -> bool:
    """Whether the "questions" at ``cue`` are someone's to answer, not a test's or a form's."""
    return _ASKED_BEFORE.search(text, max(0, cue.start() - 30), cue.start()) is not None \
        or _ASKED_AFTER.match(text, cue.end()) is not None


def _sentences_holding(doc: Document, pattern: KeyedPattern) -> Iterator[tuple[int, Sentence]]:
    """The sentences (with their index) in which ``pattern`` can match, in order: those that
    hold a word its matches begin with (all of them when that is not known)."""
    sentences = doc.sentences
    where = sentence_keys(words_of(doc.text), [s.start for s in sentences],
                          [s.end for s in sentences], pattern.keys)
    for i in sorted(where) if where is not None else range(len(sentences)):
        yield i, sentences[i]


def _offered_for_contact(doc: Document, offset: int, vocab: Vocabulary) -> bool:
    """Whether a mailbox or number is there for questions about the job: not one for
    adjustments, for agencies or for data protection, nor one form's drop box. A sentence
    that is such boilerplate by its own words never offers a contact; one that is only inside
    such a section or paragraph still does when it speaks of contact ("For informal visits
    contact: ..." under an "Equality and diversity" heading) or of where to apply."""
    i = doc.sentence_index(offset)
    if i >= 0 and _DROP_BOX.search(doc.text, max(doc.sentences[i].start, offset - 160), offset):
        return False  # "e-mail a copy of the completed VWE form ... to per.docs@..."
    if not doc.in_boilerplate(offset):
        return True
    if _boilerplate_sentence(doc, offset):
        return False
    text = doc.sentences[i].text
    # ... or that tells where to send an application ("Please send your CV to Siobhán
    # Murphy at ...", beside a sentence on how long applications are kept)
    return vocab.contact.search(text) is not None or vocab.apply.search(text) is not None


#: A mailbox that one document is sent to, not the application or questions: "e-mail a copy
#: of your completed VWE form, including the signatures, to ...", "certificates may be
#: e-mailed to ...". (Right before the mailbox, in its sentence.)
_DROP_BOX = re.compile(
    r"\b(?:e-?mail(?:ed)?|send|sent|submit(?:ted)?|forward(?:ed)?|fax(?:ed)?|upload(?:ed)?)\b"
    r"(?:(?!\b(?:applications?|cvs?|resumes?|résumés?|questions?|enquir\w+|inquir\w+|"
    r"cover\s+letters?)\b)[^.!?\n]){0,100}?"
    r"\b(?:forms?|certificates?|transcripts?|verifications?|proof|licen[cs]es?|copy|copies)\b"
    r"(?:(?!\b(?:applications?|cvs?|resumes?|résumés?|questions?)\b)[^.!?\n]){0,60}?"
    r"\bto[ \t]*:?[ \t]*$"
    r"|\b(?:forms?|certificates?|transcripts?|verifications?|copy|copies)\b[^.!?\n]{0,40}?"
    r"\b(?:may|must|can|should)\s+be\s+(?:e-?mailed|sent|submitted|faxed|forwarded)\s+to"
    r"[ \t]*:?[ \t]*$", re.I)


def _frame(doc: Document, i: int) -> str:
    """A contact sentence, and when it is a lead-in ending in ":" ("For questions please
    contact:"), the lines after it in its section, where the person is named."""
    s = doc.sentences[i]
    lead_in = s.text.rstrip().endswith(":")
    # ... or a short question ("Haben Sie Fragen?", "Questions?"): the answer is the next one
    asks = not lead_in and s.text.rstrip().endswith("?") and len(s.text.split()) <= 6
    if not (lead_in or asks):
        return s.text
    section = doc.section_at(s.start)
    limit = section.end if section is not None else len(doc.text)
    following = [t for t in doc.sentences[i + 1:i + (4 if lead_in else 2)] if t.start < limit]
    return doc.text[s.start:following[-1].end] if following else s.text


def apply_instructions(doc: Document) -> tuple[int, int] | None:
    return doc.memo("apply", _find_apply)


def _find_apply(doc: Document) -> tuple[int, int] | None:
    vocab = vocabulary()
    if meta_value(doc, "apply") is not None:
        return (doc.first_content_offset, doc.first_content_offset)
    for m in vocab.apply.finditer(doc.flowing):
        if _boilerplate_sentence(doc, m.start()):  # "agencies may not submit CVs to ..."
            continue
        if vocab.software.search(doc.flowing, max(0, m.start() - 40), m.start()):
            continue  # "develop applications using ..."
        return m.span()
    for m in vocab.apply_weak.finditer(doc.flowing):
        if _names_a_channel(doc, m.start(), vocab):
            return m.span()
    for m in vocab.apply_invitation.finditer(doc.flowing):
        if _names_a_channel(doc, m.start(), vocab, before=2):
            return m.span()
    for c in mailboxes(doc):  # a mailbox named for applications: "bewerbung@", "apply@"
        if _APPLICATION_MAILBOX.search(c.local) and not _boilerplate_sentence(doc, c.start):
            return (c.start, c.end)
    for i, s in _sentences_holding(doc, vocab.applying):  # a link or mailbox in a sentence,
        # or a portal or careers site named ("Ihre Bewerbung ... über das Onlineportal")
        if (_names_link_or_mailbox(s.text) or vocab.named_channel.search(s.text)
                or _addressed_by_mailbox(doc, s.text)) \
                and vocab.applying.search(s.text) \
                and not _boilerplate_sentence(doc, s.start) \
                and (doc.subjects[i] not in _CANNOT_INSTRUCT
                     or (doc.subjects[i] == "candidate" and _SENDS_DOCUMENTS.search(s.text))):
            return (s.start, s.end)
    for section in doc.sections_of("apply"):
        body = doc.text[section.heading.end if section.heading else section.start:section.end]
        if _names_link_or_mailbox(body) or has_postal_address(body):  # "Apply to: ... R3B 2A9"
            return (section.start, section.end)
    return None


_CANNOT_INSTRUCT = frozenset({"candidate", "duties", "served", "policy"})

#: Sending to someone by name: "... senden Sie bitte ... an Prof. Dr. Jan Goldschmidt", "send
#: your CV to Jane Lee" (the name's words in the group; searched in one sentence, whose stops
#: are abbreviations' and dates')
_SENT_TO = re.compile(
    r"\b(?:send|sende|senden|schick|schicken|richten|e-?mail|submit|forward|address|direct|"
    r"indsend|indsendes|sendes)\w*\b(?:[^!?\n]|\n(?!\n)){0,160}?\b(?:to|an|til)[ \t]+"
    r"(?:(?:Prof|Dr|Frau|Herr|Mr|Mrs|Ms|Mx)\.?[ \t]+)*"
    r"((?:[A-ZÄÖÜÆØÅ][\w'’-]+[ \t]+){0,3}[A-ZÄÖÜÆØÅ][\w'’-]+)", re.I)
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe",
                       "å": "aa", "é": "e", "è": "e"})


def _addressed_by_mailbox(doc: Document, text: str) -> bool:
    """Whether ``text`` sends the application to someone whose mailbox the posting gives
    elsewhere: a word of the name in a mailbox's own part ("... senden Sie bitte an Prof. Dr.
    Jan Goldschmidt", the posting's head giving jan.goldschmidt@...)."""
    boxes = [c.local.lower() for c in mailboxes(doc)]
    if not boxes or (m := _SENT_TO.search(text)) is None:
        return False
    for word in m.group(1).split():
        word = word.lower()
        if len(word) >= 4 and any(word in box or word.translate(_FOLD) in box for box in boxes):
            return True
    return False


#: A sentence about the candidate that has them send their application papers is an
#: instruction ("Interested candidates should email their CV to ..."), not a requirement
_SENDS_DOCUMENTS = re.compile(
    r"\b(?:send|submit|e-?mail|forward|upload|direct|address|senden|schicken|richten|reichen|"
    r"sende|indsend)\w*\b[^.!?\n]{0,60}?\b(?:cvs?|resumes?|résumés?|cover\s+letters?|"
    r"(?:their|your)\s+applications?|unterlagen|lebenslauf|bewerbung(?:en)?|ansøgning\w*)\b"
    r"|\b(?:cvs?|resumes?|résumés?|cover\s+letters?|applications|unterlagen|bewerbungen|"
    r"ansøgninger)\s+(?:should|must|can|may|are\s+to|sollten|können|skal|kan)\s+(?:be\s+)?"
    r"(?:sent|submitted|e-?mailed|forwarded|uploaded|directed|addressed|gesendet|gerichtet|"
    r"sendes)\b", re.I)


def _boilerplate_sentence(doc: Document, offset: int) -> bool:
    """Whether the sentence at ``offset`` is boilerplate (equal opportunity, data protection,
    agencies...) by its own words, not only by the paragraph or section it stands in: "Bitte
    senden Sie Ihre Bewerbung über unser Karriereportal." followed in its paragraph by a
    pointer to the privacy notice still says how to apply; "Agencies may not submit CVs to
    our hiring managers" does not."""
    if not doc.in_boilerplate(offset):
        return False
    i = doc.sentence_index(offset)
    return i < 0 or bool(boilerplate_kind(doc.sentences[i].text, doc.language))


_APPLICATION_MAILBOX = re.compile(
    r"^(?:apply|applications?|bewerbung(?:en)?|ansøgning(?:er)?|resumes?|cvs?)(?![a-z])"
    r"|[._-](?:apply|applications?|bewerbung(?:en)?|ansøgning(?:er)?)(?![a-z])"
    r"|^bewerbung", re.I)


def _names_a_channel(doc: Document, offset: int, vocab: Vocabulary, before: int = 0) -> bool:
    """Whether the words about applying at ``offset`` come with a channel (a link, a mailbox,
    a postal address, words for a button or portal): in their sentence or the next two in the
    same section ("To apply, please send your CV to ..."; "How to apply" over "Use the button
    below"), or the ``before`` sentences before it (two addresses, then "Meld dich bei uns").
    Not in a requirement or a duty ("the ability to apply statistics"), the people served,
    or a statement of policy ("everyone is welcome to apply")."""
    i = doc.sentence_index(offset)
    if i < 0 or _boilerplate_sentence(doc, offset) or doc.subjects[i] in _CANNOT_INSTRUCT:
        return False
    section = doc.section_at(offset)
    for s in doc.sentences[max(0, i - before):i + 3]:
        if section is not None and not section.start <= s.start < section.end:
            continue
        if _names_link_or_mailbox(s.text) or vocab.channel.search(s.text) \
                or has_postal_address(s.text):  # "... richten Sie an: ..., 55116 Mainz"
            return True
    return False


def _names_link_or_mailbox(text: str) -> bool:
    """Whether ``text`` holds a link or a mailbox: the patterns only where their signs are (a
    search for a mailbox tries a word at each letter: 40 times the cost of looking for "@")."""
    if "<CONTACT>" in text:
        return True
    if ("//" in text or "www." in text.lower()) and _URL.search(text):
        return True
    if "." in text and _BARE_SITE.search(text):
        return True
    return ("@" in text or OBFUSCATION.search(text) is not None) \
        and MAILBOX.search(text) is not None
