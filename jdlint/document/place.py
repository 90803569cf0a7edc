"""Where is the job? Many weak signals combined into one scored, explained decision.

Each signal found in the posting votes for a country (GB, DE) or a US state or Canadian province
(US-CA, CA-ON) with a weight: metadata (front matter, JSON-LD) and "Location:" lines most, place
syntax next ("San Jose, CA 95134", "Mainz, DE", "Toronto, ON", "in München"), then postcodes,
public bodies ("NHS Foundation Trust", "City of Los Angeles"), internet domains, phone codes,
currency, company forms and the language. A two-letter code counts only in place syntax, never in
prose ("in IT", "(QC)"), and "City, ST" is tried against the towns of the gazetteer
(``data/gazetteer.tsv``, GeoNames) so that "Wilmington, DE" is Delaware and "Mainz, DE" Germany.
The country with the most weight wins when it clearly leads; within the US and Canada, the state
or province does the same. A wrong place cites the wrong law, so an unclear lead is no place.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from ..datafiles import SortedLines, parse_yaml
from ..literals import leading_literals, one_of_literals, opens_with_literal
from .blocks import SpanSet
from .jurisdiction import countries as country_codes
from .jurisdiction import normalise_code
from .words import (
    HYPHENATED_WORD,
    PLAIN_WORD,
    Words,
    key_positions,
    matches_at,
    matches_holding,
    occurrences,
    on_lines,
    words_of,
)

HEAD_CHARS = 600  # the title and first lines: where a place in plain words is the job's place
MIN_SCORE = 3.0  # the weight a country needs, and...
LEAD = 2.0  # ...how many times the runner-up's it must have
MIN_OWN_SCORE = 2.5  # ... or the weight it needs from the text itself, its language aside


@dataclass(frozen=True, slots=True)
class Evidence:
    signal: str  # "metadata", "place", "postcode", "organisation", "domain", "phone"...
    text: str
    code: str
    weight: float
    offset: int | None = None  # where in the text (None: metadata)
    seat: bool = False  # it names the employer's seat ("headquartered in ..."), not the job's
    # it says the country, never the state: a place named as a landmark ("near Washington,
    # DC", "midway between Baltimore and Washington": metro areas cross state lines), or in a
    # legal notice ("California Privacy Notice", "Colorado and New York City residents: ...")
    no_state: bool = False
    # a town name that several places bear ("Birmingham": GB, US-AL): all of them, most
    # populous first (``code`` is the first until the rest of the evidence picks another)
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    code: str | None
    confidence: float  # the winner's share of all weight, 0 when unknown
    evidence: tuple[Evidence, ...] = ()
    #: the states or provinces of a job offered in several ("located in Cincinnati, OH or
    #: Washington, DC"), most weighed first; ``code`` is then their country. Empty otherwise.
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Names:
    countries: dict[str, str]  # name -> code
    regions: dict[str, str]  # full state/province name -> US-XX / CA-XX
    areas: frozenset[str]  # counties, Länder, Danish regions: names no other country uses
    abbreviations: dict[str, tuple[str, ...]]  # "CA" -> ("US-CA", "CA") ...
    # lower-case name -> "code:population ..." (:func:`_town_codes` reads it)
    towns: _Gazetteer
    # the first words of the country, area and region names (the towns': ``towns.firsts()``):
    # a run of capitalised words is looked up only from a word that can begin one
    named_firsts: frozenset[str] = frozenset()
    # the first plain word of each of named_firsts ("baden" of "baden-württemberg", "u" of
    # "u.s."), with the first words it begins
    named_heads: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: the names of the countries jdlint knows only by name (countries.tsv): named in prose
    #: ("field work in New Caledonia", "students from Angola") they are as often a trip's, a
    #: project's or people's as the job's, and weigh half
    abroad: frozenset[str] = frozenset()


#: Territories with a code of their own that are the country's for jdlint: a job in Puerto
#: Rico is under US federal law ("licensed in any U.S. state or Puerto Rico")
_PART_OF = {"PR": "US", "GU": "US", "VI": "US", "AS": "US", "MP": "US", "UM": "US"}


@cache
def world_countries() -> tuple[tuple[str, str, str, str, str], ...]:
    """Every country (GeoNames via ``scripts/build_gazetteer.py``): code, English name in
    lower case ("" where the name is a given name or a state's: Jordan, Georgia), internet
    domain, calling code and population."""
    text = resources.files("jdlint").joinpath("data/countries.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    valid = country_codes()  # (GeoNames still lists the withdrawn AN and CS)
    return tuple((code, name.strip(), tld, phone, people)
                 for code, name, tld, phone, people in rows if code in valid)


@cache
def names() -> _Names:
    raw = resources.files("jdlint").joinpath("data/places.yaml").read_text("utf-8")
    data: dict[str, dict[str, list[str]]] = parse_yaml(raw)
    countries: dict[str, str] = {}
    abbreviations: dict[str, list[str]] = defaultdict(list)
    for code, words in data["countries"].items():
        for w in words:
            if len(w) == 2:
                abbreviations[w.upper()].append(code)
            else:
                countries[w] = code
    regions: dict[str, str] = {}
    areas: set[str] = set()
    for code, words in data.get("areas", {}).items():  # UK counties, German Länder...
        for w in words:
            countries[w] = code
            areas.add(w)
    for table in ("provinces", "states"):
        for code, words in data[table].items():
            for w in words:
                if len(w) == 2 and w.isalpha():
                    abbreviations[w.upper()].insert(0, code)  # "CA" is California first
                else:
                    regions[w] = code
    abroad = set()
    for code, name, *_ in world_countries():  # every other country by its English name
        if name and name not in countries and name not in regions:
            countries[name] = _PART_OF.get(code, code)
            abroad.add(name)
    # one line per name: "paris<TAB>FR:2138551 US-TX:24782" (each name's places are parsed
    # when a posting names it: :func:`_town_codes`)
    gazetteer = resources.files("jdlint").joinpath("data/gazetteer.tsv").read_text("utf-8")
    body = gazetteer[gazetteer.index("\n") + 1:] if gazetteer.startswith("#") else gazetteer
    towns = _Gazetteer(body)
    return _Names(countries, regions, frozenset(areas),
                  {k: tuple(v) for k, v in abbreviations.items()}, towns,
                  (named := _firsts([*countries, *regions])), _heads(named),
                  frozenset(abroad))


_FIRST_WORD = re.compile(r"^[^\t\n ]+", re.M)  # a gazetteer line's name's first word


class _Gazetteer:
    """The gazetteer's lines ("paris<TAB>FR:2138551 US-TX:24782"), in order of their names:
    the first names asked for are found by a binary search over its text, and its table of
    names and their first words is built only after ``SEARCHED`` of them (10 ms: a cold check
    of one posting asks a few hundred). Each name's places are parsed when a posting names it
    (:func:`_town_codes`, kept in ``parsed``)."""

    SEARCHED = 2000

    def __init__(self, body: str) -> None:
        self._file: SortedLines | None = SortedLines(body, "\t", near=256)
        self._lines: dict[str, str] | None = None
        self._firsts: frozenset[str] = frozenset()
        self._asked = 0
        self.parsed: dict[str, tuple[tuple[str, int], ...]] = {}
        self._view = _FirstWords(self)

    def _table(self) -> dict[str, str]:
        lines = self._lines
        if lines is None:
            assert self._file is not None
            lines = self._lines = dict(line.split("\t", 1) for line in self._file.lines())
            self._firsts = frozenset(_FIRST_WORD.findall(self._file.text))
            self._file = None
        return lines

    def _searching(self) -> SortedLines | None:
        """The file to search, or None once the table answers (after ``SEARCHED`` asks)."""
        if self._lines is None:
            self._asked += 1
            if self._asked <= self.SEARCHED:
                return self._file
            self._table()
        return None

    def firsts(self) -> Container[str]:
        """The names' first words: a set once the table is built, until then a view that
        searches the file."""
        return self._view if self._lines is None else self._firsts

    def get(self, name: str) -> str | None:
        """The places of a (lower-case) name as its line gives them, or None."""
        if self._lines is not None:
            return self._lines.get(name)
        file = self._searching()
        return file.rest(name) if file is not None else self._table().get(name)

    def has_first(self, word: str) -> bool:
        """Whether a name begins with ``word`` as its first word."""
        file = self._searching()
        if file is None:
            return word in self._firsts
        return file.rest(word) is not None or file.starts(f"{word} ")

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


class _FirstWords:
    """The gazetteer's names' first words, as a container (``word in firsts``)."""

    def __init__(self, gazetteer: _Gazetteer) -> None:
        self._gazetteer = gazetteer

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._gazetteer.has_first(word)


def _firsts(names: Iterable[str]) -> frozenset[str]:
    return frozenset(name.lower().split()[0] for name in names if name.split())


def _heads(firsts: Iterable[str]) -> dict[str, tuple[str, ...]]:
    heads: dict[str, list[str]] = defaultdict(list)
    for first in firsts:
        if (head := PLAIN_WORD.search(first)) is not None:
            heads[head.group()].append(first[head.start():])
    return {head: tuple(sorted(fulls)) for head, fulls in heads.items()}


def country_of(code: str) -> str:
    return code.split("-")[0]


# --- signals ---------------------------------------------------------------------------------

# the small words inside a town's name ("Frankfurt am Main", "Newcastle upon Tyne")
_JOINING = r"(?:am|an|upon|on|de|la|le|sur)\b"
_TOWN = rf"[A-ZÆØÅÄÖÜ][\w.'’-]*(?:[ -](?:[A-ZÆØÅÄÖÜ][\w.'’-]*|{_JOINING}))*"
# "City, ST" ("Washington, D.C." and "New York, N.Y." in the AP's style)
_CITY_CODE = re.compile(
    rf"({_TOWN}),[ \t]*([A-Z]{{2}}\b(?![.'’]?\w)|[A-Z]\.[A-Z]\.(?!\w))"
    rf"(?:[ \t]+(\d{{5}})(?:-\d{{4}})?)?")
_CITY_REGION = re.compile(rf"({_TOWN}),[ \t]*([A-Z][a-z]+(?:[ -][A-Z][a-z]+)*)")
# "Portland (OR)", "Surrey (BC)": a town with its state's or province's code in brackets;
# counted only where the gazetteer has the town in that state ("Quality Control (QC)" is not)
_CITY_PAREN_CODE = re.compile(rf"({_TOWN})[ \t]*\(([A-Z]{{2}})\)")
_PAREN_CODE = re.compile(r"\([A-Z]{2}\)")  # (a literal first: the engine skips to each "(")


def _paren_codes(text: str) -> list[int]:
    """Where a town before "(ST)" would end: at the spaces before the bracket."""
    out = []
    for m in _PAREN_CODE.finditer(text):
        end = m.start()
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        out.append(end)
    return out
# a cue and the town after it: "in München", "Standort: Nürnberg", "📍 Ort: Kiel", "in the heart
# of Manchester", "in downtown Seattle", "in the Tallahassee area" (a name after "the" is
# otherwise a thing's: "in the Phoenix project"); a label is a whole word ("Ort:", not the end
# of "Report:"), followed by a colon or dash, or alone on a short line with the town on the
# next ("Location" / "Boston", as a board's page scraped to text gives it)
# ... and after the label, how the job is done, which a location line often gives before
# the town: "Location: Hybrid - London", "Location: Hybrid (Berlin)", "Standort: Hybrid in
# Hamburg", "Location: On-site, Austin"; and the area around a town: "im Raum Stuttgart",
# "Einsatzort: Großraum München"
_WORK_MODES = (r"(?:hybrid|on-?site|in[- ]office|office[- ]based|remote|flexible|home[- ]based|"
               r"vor[- ]ort|hjemmefra)")
_WORK_MODE = rf"{_WORK_MODES}(?:[ \t]*[-–—/,|(][ \t]*|[ \t]+(?:in|at|from|i)[ \t]+)"
_CUE = re.compile(
    rf"(?i:\b(?:in|aus|bei|near|based in|located in|i|office in|offices in)[ \t]+"
    rf"(?:our[ \t]+|the[ \t]+(?:heart|centre|center)[ \t]+of[ \t]+|(?:downtown|central)[ \t]+|"
    rf"the[ \t]+(?=(?-i:{_TOWN})[ \t]+(?:area|region|metro|office|offices|district)\b))?|"
    rf"\bim[ \t]+(?:groß)?raum[ \t]+|"
    rf"\b(?:location|standort|arbeitsort|einsatzort|dienstort|arbejdssted|job location|"
    rf"work location|place of work|workplace|duty station|lokation|arbejdsplads|tjenestested|"
    rf"city|ort)[ \t]*(?:[:\-–][ \t]*|(?<![^\n]{{15}})\n[ \t\n]*)"
    rf"(?:{_WORK_MODE})?(?:(?:groß)?raum[ \t]+)?|"
    rf"📍[ \t]*(?:\w+[ \t]*:[ \t]*)?)({_TOWN})")
# where a match of _CUE can start: the words (and the pin) it begins with
_CUE_KEYS = leading_literals(_CUE.pattern, _CUE.flags) or ()
# the right to work in a country, which the candidate must have: the job is there ("the
# legal right to work in Germany", "authorized to work in the United States", "entitled to
# work in Canada")
_WORK_RIGHT = re.compile(
    r"(?i:\b(?:right|rights|eligib\w*|authori[sz]\w*|entitled|permit\w*|allowed|able|"
    r"permission)[ \t]+to[ \t]+(?:live[ \t]+and[ \t]+)?work[ \t]+in[ \t]+(?:the[ \t]+)?)"
    r"([A-ZÆØÅÄÖÜ][\w.]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.]*)*)")
_WORK_RIGHT_KEYS = leading_literals(_WORK_RIGHT.pattern, _WORK_RIGHT.flags) or ()
# a run of capitalised words, from a word's start (not "Phone" of "iPhone")
# (its first capital opens the pattern, the look-behind after it: the engine skips to capitals)
_CAPITALISED = re.compile(r"[A-ZÆØÅÄÖÜ](?<!\w.)[\w.]*(?:[ -](?:of |and |the )?[A-ZÆØÅÄÖÜ][\w.]*)*")
_CAPITALISED_HOLDS = r"\w. \-"  # every character of a run is one of these
# (postcodes are written in ASCII digits: [0-9], which the engine scans for faster than \d)
_UK_POSTCODE = re.compile(
    r"\b(?:[A-PR-UWYZ][A-HK-Y]?[0-9][A-Z0-9]?)[ \t]?[0-9][ABD-HJLNP-UW-Z]{2}\b")
_CA_POSTCODE = re.compile(
    r"\b([ABCEGHJ-NPRSTVXY])[0-9][ABCEGHJ-NPRSTV-Z][ \t]?[0-9][ABCEGHJ-NPRSTV-Z][0-9]\b")
_CA_POSTAL_PROVINCE = {"A": "CA-NL", "B": "CA-NS", "C": "CA-PE", "E": "CA-NB", "G": "CA-QC",
                       "H": "CA-QC", "J": "CA-QC", "K": "CA-ON", "L": "CA-ON", "M": "CA-ON",
                       "N": "CA-ON", "P": "CA-ON", "R": "CA-MB", "S": "CA-SK", "T": "CA-AB",
                       "V": "CA-BC", "X": "CA", "Y": "CA-YT"}
_DE_POSTCODE = re.compile(rf"\b(?:D-)?([0-9]{{5}})[ \t]+({_TOWN})")
_DK_POSTCODE = re.compile(rf"\b(?:DK-)?([1-9][0-9]{{3}})[ \t]+({_TOWN})")


#: Every postcode above holds a digit followed by a capital ("1AA", "1A", "0B1") or four or
#: five digits and a town: the lines without one are not searched.
_POSTCODE_HINT = re.compile(r"[0-9](?:[A-Z]|[0-9]{3}[0-9]?[ \t]+[A-ZÆØÅÄÖÜ])")


def has_postal_address(text: str) -> bool:
    """Whether ``text`` gives a postcode (UK, Canada, Germany, Denmark): part of an address
    to write to."""
    hints = [m.start() for m in _POSTCODE_HINT.finditer(text)]
    return bool(hints) and any(
        next(on_lines(p, text, hints), None) is not None
        for p in (_UK_POSTCODE, _CA_POSTCODE, _DE_POSTCODE, _DK_POSTCODE))


def _finds_cased(text: str, lower: str, needles: Iterable[tuple[str, bool]]) -> list[int]:
    """Where each of ``needles`` (:func:`~jdlint.literals.one_of_literals`) occurs: in
    ``text`` if its case is exact, else in ``lower``."""
    return [p for needle, exact in needles for p in occurrences(text if exact else lower, needle)]


_DOMAIN = re.compile(r"(?<=[\w-])\.(nhs\.uk|gov\.uk|ac\.uk|co\.uk|org\.uk|gc\.ca|gov\.[a-z]{2}\.ca|"
                     r"uk|"
                     r"de|dk|ca|gov|at|ch)(?![\w-]|\.[\w-])", re.I)
#: After "+" (every country's calling code, :func:`_calling_codes`) or "00" (only these: in
#: "00" and a number more runs of digits read as a code) a calling code, then the number
_DIALLED = ("44", "49", "45", "1", "43", "41", "353")
_DK_PHONE = re.compile(r"tlf\.?(?:[ \t]*nr\.?)?[ \t]*:?[ \t]*(?:\+45[ \t]*)?"
                       r"\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}(?![\d])", re.I)
# in every _DOMAIN match: a dot and the whole word that begins the suffix
_DOMAIN_WORDS = ("nhs", "gov", "ac", "co", "org", "gc", "uk", "de", "dk", "ca", "at", "ch")
_CURRENCY = re.compile(r"£|\bDKK\b|\bkr\.|\bC\$|\bCAD\b|\bUS\$|\bUSD\b|\bGBP\b|\bAUD\b|\bA\$|"
                       r"\bNZD\b|\bNZ\$")
# (pattern, code, weight)
_ORG_LIST: tuple[tuple[str, str, float], ...] = (
        (r"\bNHS\b", "GB", 4.0), (r"\bnhs\.net\b", "GB", 3.0),
        (r"(?i:\bband) [2-9][abc]?\b", "GB", 3.0), (r"\bAgenda for Change\b", "GB", 3.0),
        (r"\bthe Trust\b", "GB", 2.0),
        (r"\b(?:[Pp]receptorship|[Rr]evalidation|Ofsted)\b", "GB", 2.0),
        (r"\b(?:Healthcare Assistant|Staff Nurse|Ward Manager|Matron)\b", "GB", 1.0),
        (r"\b(?:NMC|HCPC|CQC|GMC)\b", "GB", 2.0), (r"\b(?:RMN|RGN|RNLD|RNMH)\b", "GB", 2.0),
        (r"\bDBS\b", "GB", 1.5),
        # the UK's medical training grades and NHS staffing words, and British medical
        # spelling (Irish and Australian postings share some; each is one weak vote)
        (r"\b(?:Specialty Registrar|LAS post|ST[1-8]|CT[1-3]|FY[12]|Foundation Programme)\b",
         "GB", 2.0),
        (r"\bRoyal College of (?:Nursing|Physicians|Surgeons|Psychiatrists|Midwives|"
         r"Radiologists|Anaesthetists|Paediatrics)\b", "GB", 2.0),
        (r"\b(?:substantive post|secondment|whole time equivalent|fixed[- ]term contract|"
         r"bank (?:staff|shifts|nurse|worker)s?|BANK)\b", "GB", 1.0),
        (r"\b(?:[Pp]aediatric\w*|[Hh]aematolog\w*|[Aa]naesthe\w*|[Oo]rthopaedic\w*|"
         r"[Gg]ynaecolog\w*|[Oo]esophag\w*|[Hh]aem[oa]\w+|[Ff]oetal|[Oo]rthoptist\w*|"
         r"[Mm]ammographer)\b", "GB", 1.5),
        (r"\((?:m/w/d|w/m/d|m/f/d|f/m/d|m/w/x|all genders)\)", "DE", 1.5),
        (r"\bprotected veteran", "US", 2.0), (r"\bAffirmative Action\b", "US", 1.5),
        (r"\bU\.S\.(?= |$)", "US", 1.0), (r"\$\d", "US", 0.5),
        (r"\b(?:Ltd|PLC|plc)\b", "GB", 1.0), (r"\bGmbH\b", "DE", 1.5), (r"\be\.\s?V\.", "DE", 1.5),
        (r"\b(?:ApS|A/S)\b", "DK", 2.0), (r"\bRegion (?:Hovedstaden|Sjælland|Syddanmark|"
                                        r"Midtjylland|Nordjylland)\b", "DK", 4.0),
        (r"\bKommune\b", "DK", 2.0), (r"\b(?:Inc\.|LLC\b)", "US", 0.5),
        (r"\bOntario Public Service\b", "CA-ON", 6.0), (r"\bBC Public Service\b", "CA-BC", 6.0),
        (r"\bAlberta Public Service\b", "CA-AB", 6.0),
        (r"\bGovernment of (?:the )?Canada\b", "CA", 4.0),
        (r"\bCity of Los Angeles\b", "US-CA", 6.0), (r"\bCity of New York\b", "US-NY", 6.0),
        (r"\bNew York City\b", "US-NY", 4.0), (r"\bNYC\b", "US-NY", 3.0),
        # (the job's own: a US payroll's retirement plan, a US hire's work check, which
        # place it in the country alone; not the equal-opportunity words US employers use
        # for their jobs abroad too)
        (r"\bE-?Verify\b", "US", 2.5), (r"\bEqual Employment Opportunity\b", "US", 1.0),
        (r"\b401\(?k\b\)?", "US", 2.5), (r"\bEEO\b", "US", 1.0),
)


@dataclass(frozen=True)
class _Org:
    """A public body's or company form's pattern, and how to find it cheaply: the words its
    matches begin with (looked up in the word index) when it must start a word; else, unless
    its matches open with a literal character (which the regex engine skips to by itself), the
    texts one of which each match holds, looked for on the lines that hold one when its
    matches stay on one line, else in the whole posting."""

    pattern: re.Pattern[str]
    code: str
    weight: float
    keys: tuple[tuple[str, bool, bool], ...] | None
    needles: tuple[tuple[str, bool], ...] | None
    one_line: bool
    # the (lowercase) words of which a match holds one: when the posting has none of them,
    # there is nothing to look for (None: not known); see _org_gates
    gate: frozenset[str] | None = None
    options: tuple[str, ...] = ()  # the countries that share it (a German company form)

    def finditer(self, text: str, words: Words) -> Iterable[re.Match[str]]:
        if self.keys is not None:
            return matches_at(self.pattern, text, key_positions(words, self.keys))
        if self.needles is None:
            return self.pattern.finditer(text)
        if self.one_line:
            return on_lines(self.pattern, text, _finds_cased(text, words.lower, self.needles))
        if any(t in (text if exact else words.lower) for t, exact in self.needles):
            return self.pattern.finditer(text)
        return ()


@cache
def _orgs() -> tuple[_Org, ...]:
    out = []
    for source, code, weight in _ORG_LIST:
        pattern = re.compile(source)
        keys = leading_literals(source, pattern.flags)
        # words to look up, not one- or two-letter prefixes ("r" of "RMN|RGN": every word
        # beginning with r would be tried; the texts "MN", "GN" are found faster); a short
        # key that goes on past its first word is that word's ("e." of "e.V.": the word "e")
        heads = [PLAIN_WORD.match(key) for key, _, _ in keys or ()]
        usable = keys and all(at_word and (whole or len(key) >= 3 or (
            h is not None and h.end() < len(key))) for h, (key, at_word, whole)
            in zip(heads, keys, strict=True))
        # a key that is a word, or goes on past its first word, needs that word in the posting
        gate = frozenset(h.group() for h in heads if h is not None) if usable and all(
            h is not None and (whole or h.end() < len(key))
            for h, (key, _, whole) in zip(heads, keys or (), strict=True)) else None
        out.append(_Org(pattern, code, weight, keys if usable else None,
                        None if opens_with_literal(source, pattern.flags)
                        else one_of_literals(source, pattern.flags),
                        not re.search(r"\\s|\$|\^", source), gate,
                        _SHARED_SIGNALS.get(source, ())))
    return tuple(out)


@cache
def _org_gates() -> dict[str, tuple[int, ...]]:
    """Each gate word with the organisations (indexes in _orgs) it opens: one set
    intersection with the posting's words says which of them can match."""
    gates: dict[str, list[int]] = defaultdict(list)
    for i, org in enumerate(_orgs()):
        for word in org.gate or ():
            gates[word].append(i)
    return {word: tuple(found) for word, found in gates.items()}


def _organisations(text: str, words: Words) -> Iterator[Evidence]:
    gates = _org_gates()
    open_ = {i for word in gates.keys() & words.table().keys() for i in gates[word]}
    for i, org in enumerate(_orgs()):
        if org.gate is None or i in open_:
            for m in org.finditer(text, words):
                yield Evidence("organisation", m.group(), org.code, org.weight, m.start(),
                               options=org.options)


_DOMAIN_CODES = {"nhs.uk": ("GB", 3.0), "gov.uk": ("GB", 3.0), "ac.uk": ("GB", 2.0),
                 "co.uk": ("GB", 2.0), "org.uk": ("GB", 2.0), "uk": ("GB", 1.5),
                 "de": ("DE", 2.0), "dk": ("DK", 2.0), "gc.ca": ("CA", 3.0), "ca": ("CA", 1.5),
                 "gov": ("US", 1.5), "at": ("AT", 2.0), "ch": ("CH", 2.0)}
_PHONE_CODES = {"44": "GB", "49": "DE", "45": "DK", "43": "AT", "41": "CH", "353": "IE"}


@cache
def _calling_codes() -> tuple[dict[str, str], re.Pattern[str]]:
    """Each calling code with its country (the most populous that dials it: 44 is the UK's,
    not also Jersey's; +1 is no one country's, the US's and Canada's), and the pattern of a
    number dialled with one."""
    by_code: dict[str, tuple[int, str]] = {}
    for code, _, _, phone, people in world_countries():
        if phone and phone != "1" and int(people or 0) > by_code.get(phone, (-1, ""))[0]:
            by_code[phone] = (int(people or 0), code)
    countries = {phone: code for phone, (_, code) in by_code.items()} | _PHONE_CODES
    codes = sorted({*countries, "1"}, key=lambda c: (-len(c), c))  # the longest first
    pattern = re.compile(rf"(?:\+({'|'.join(codes)})|\b00({'|'.join(_DIALLED)}))[\s(-]*\d")
    return countries, pattern
_CURRENCY_CODES = {"£": ("GB", 1.5), "GBP": ("GB", 1.5), "DKK": ("DK", 2.0), "kr.": ("DK", 1.0),
                   "C$": ("CA", 2.0), "CAD": ("CA", 2.0), "US$": ("US", 1.0), "USD": ("US", 1.0),
                   "AUD": ("AU", 2.0), "A$": ("AU", 2.0), "NZD": ("NZ", 2.0), "NZ$": ("NZ", 2.0)}
_CURRENCY_KEYS = leading_literals(_CURRENCY.pattern) or ()
# an amount right after a currency's code ("CAD 85,000", "USD $120k") or right before it
# ("85.000 DKK", "30.000,- kr.", "120k USD")
# ("US Dollar (USD) 81,000", "20 Mrd. USD")
_AMOUNT_AFTER = re.compile(r"\)?[ \t]?[$€£]?[ \t]?\d")
_AMOUNT_BEFORE = re.compile(
    r"\d(?:,-)?(?:[ \t]?(?i:k|m|bn|mio\.?|mrd\.?|tsd\.?|thousand|million|billion))?[ \t]?$")


def _beside_amount(text: str, start: int, end: int) -> bool:
    """Whether a currency written in letters ("CAD", "DKK", "kr.") stands beside an amount:
    the currency it names then. Alone it is as often another word: "CAD" is computer-aided
    design, "experience with CAD and modelling"."""
    return _AMOUNT_AFTER.match(text, end) is not None or _AMOUNT_BEFORE.search(
        text, max(0, start - 16), start) is not None
_LANGUAGE = {"de": ("DE", 1.0), "da": ("DK", 2.0)}
#: Signals Germany shares with Austria and Switzerland (the language, the gender marker, the
#: company forms): Germany's unless the rest of the posting points to one of the others
#: ("Standort: Wien" in German with "(m/w/d)" is Austria)
_GERMAN_SPEAKING = ("DE", "AT", "CH")
_SHARED_BY_GERMAN_SPEAKERS = frozenset({
    r"\((?:m/w/d|w/m/d|m/f/d|f/m/d|m/w/x|all genders)\)", r"\bGmbH\b", r"\be\.\s?V\."})
#: A dollar amount: the currency of the US, Canada, Australia and New Zealand (the US's
#: unless the rest of the posting says which; and never England's Birmingham)
_DOLLAR_COUNTRIES = ("US", "CA", "AU", "NZ")
#: The signals several countries share, with those countries (the first unless the rest of
#: the evidence says another)
_SHARED_SIGNALS = {**dict.fromkeys(_SHARED_BY_GERMAN_SPEAKERS, _GERMAN_SPEAKING),
                   r"\$\d": _DOLLAR_COUNTRIES}


def _town_codes(name: str) -> tuple[tuple[str, int], ...]:
    towns = names().towns
    key = name.strip(" .").lower()
    places = towns.parsed.get(key)
    if places is None:  # the gazetteer's "FR:2138551 US-TX:24782", read once
        line = towns.get(key)
        if line is None:
            return ()  # (not kept: a posting's runs of capitalised words are endless)
        places = towns.parsed[key] = tuple((code, int(people)) for code, _, people in (
            place.partition(":") for place in line.split(" ")))
    return places


#: A namesake counts as another reading of a town's name only when it has at least this
#: share of the largest one's people: Cambridge, Massachusetts for Cambridge; not London,
#: Kentucky for London
_NAMESAKE_SHARE = 0.1


def _options(name: str) -> tuple[str, ...]:
    """The places a town name stands for when it is more than one place's ("Cambridge":
    England, Massachusetts, Ontario; "Columbia": South Carolina, Missouri, Maryland), most
    populous first; () when it is one place's."""
    found = _town_codes(name)
    if not found:
        return ()
    largest = found[0][1]
    # a town abroad that dwarfs its namesakes in the countries jdlint knows in detail (Sydney,
    # Australia; Alexandria, Egypt) leaves them readings for the rest of the evidence to
    # choose: "in Alexandria" beside a 401(k) plan is Virginia's
    abroad = country_of(found[0][0]) not in _DETAILED
    codes = tuple(dict.fromkeys(code for code, people in found
                                if people >= _NAMESAKE_SHARE * largest
                                or (abroad and country_of(code) in _DETAILED)))
    return codes if len(codes) > 1 else ()


def _best_town(name: str) -> tuple[str, int] | None:
    found = _town_codes(name)
    return found[0] if found else None


_COMMA_CAPITAL = re.compile(r",[ \t]*[A-Z]")  # in every "City, ST" and "City, Region"
_AFTER_COMMA_CODE = re.compile(  # ", ST" of _CITY_CODE
    r",[ \t]*([A-Z]{2}\b(?![.'’]?\w)|[A-Z]\.[A-Z]\.(?!\w))")
# the first word of _CITY_REGION's (its first plain word: "Rheinland" of "Rheinland-Pfalz")
_AFTER_COMMA_WORD = re.compile(r",[ \t]*([A-Z][a-z]+)")


def _place_syntax(text: str) -> Iterator[Evidence]:
    n = names()
    commas = [m.start() for m in _COMMA_CAPITAL.finditer(text)]
    # the commas to read at: those a known code or a word that begins a known name follows (a
    # match whose code or name is unknown gives no evidence)
    for m in _towns_before(_CITY_CODE, text, _known_after(
            text, commas, _AFTER_COMMA_CODE,
            lambda code: code.replace(".", "") in n.abbreviations)):
        town, abbr, zip_code = m.group(1), m.group(2).replace(".", ""), m.group(3)
        options = n.abbreviations.get(abbr, ())
        if not options:
            continue
        # a state, or a country's area, and its code: "Ontario, CA", "Rheinland-Pfalz, DE"
        region = n.regions.get(town.lower()) or n.countries.get(town.lower())
        if region is not None and (region in options
                                   or any(country_of(region) == o for o in options)):
            # "Ontario, CA"; "New York, NY" (the city, which the gazetteer calls New York City)
            yield Evidence("place", m.group(), region, 6.0, m.start())
            continue
        towns = {code for code, _ in _town_codes(_last_words(town))}
        match = next((c for c in options if c in towns or (
            c in _DETAILED and any(country_of(t) == c for t in towns))), None)
        if match is None and (zip_code or (not towns and (
                _location_line(text, m.start(), m.end())
                and not re.match(r"[ \t]+[A-Z][a-z]", text[m.end():m.end() + 3])))):
            # a town the gazetteer lacks: only with a ZIP code or alone on a short line
            # ("Linthicum, MD"), never in prose ("Computer Science, MS", "Operations, IT");
            # with a ZIP code also a town it knows only abroad ("Brisbane, CA 94005")
            match = options[0]
        if match is not None:
            weight = 6.0 if towns else 4.0 if zip_code else 2.0
            yield Evidence("place", m.group(), match, weight, m.start())
    for m in _towns_before(_CITY_PAREN_CODE, text, _paren_codes(text)):
        options = n.abbreviations.get(m.group(2), ())
        towns = {code for code, _ in _town_codes(_last_words(m.group(1)))}
        match = next((c for c in options if "-" in c and c in towns), None)
        if match is not None:
            yield Evidence("place", m.group(), match, 5.0, m.start())
    for m in _towns_before(_CITY_REGION, text, _known_after(
            text, commas, _AFTER_COMMA_WORD,
            lambda word: word.lower() in n.named_firsts or word.lower() in n.named_heads)):
        region = m.group(2).lower()
        words = m.group(1).lower().split()
        if any(" ".join(words[i:]) in n.regions or " ".join(words[i:]) in n.countries
               for i in range(len(words))):
            continue  # a list of states or countries ("For Colorado, Connecticut, Nevada"),
            # not a town and its state
        if (code := n.regions.get(region)) is not None:  # "Ottawa, Ontario"
            known = {c for c, _ in _town_codes(_last_words(m.group(1)))}
            if known and code not in known and not any(
                    country_of(c) == country_of(code) and "-" not in c for c in known):
                continue  # "offices in London, New York and Paris": a list of towns
            yield Evidence("place", m.group(), code, 5.0, m.start())
        elif (code := n.countries.get(region)) is not None:  # "Leeds, England", not "Nassau,
            known = {country_of(c) for c, _ in _town_codes(_last_words(m.group(1)))}  # Suffolk"
            yield Evidence("place", m.group(), code, 5.0 if code in known else 1.0, m.start())


_IN_TOWN = re.compile(r"[\w.'’-]")  # the characters of a town's word (_TOWN)
_NOT_IN_TOWN = re.compile(r"[^\w.'’-]")


def _towns_before(pattern: re.Pattern[str], text: str,
                  marks: Iterable[int]) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` (a town, group 1, then what follows it) whose town ends at
    one of ``marks`` (a comma, a bracket), each searched in the longest town name's length
    before it (from a word's start) to a little past it, on its line: one line of thousands of
    capitalised words is read once per mark, not from each of its words."""
    done = -1
    for mark in sorted(marks):
        if mark < done:
            continue
        line_start = text.rfind("\n", 0, mark) + 1
        start = max(line_start, mark - LONGEST_NAME - 2)
        if start <= done:
            start = done  # where the match before ended, as a search of the line goes on
        elif start > line_start and _IN_TOWN.match(text, start - 1) is not None:
            # (from a word's start: after the first character no town's word holds)
            gap = _NOT_IN_TOWN.search(text, start, mark)
            start = mark if gap is None else gap.end()
        line_end = text.find("\n", mark)
        end = min(len(text) if line_end < 0 else line_end, mark + LONGEST_NAME + 20)
        for m in pattern.finditer(text, start, end):
            if m.end(1) == mark:
                yield m
                done = m.end()
                break
            if m.start() > mark:
                break


def _known_after(text: str, commas: list[int], after: re.Pattern[str],
                 known: Callable[[str], bool]) -> list[int]:
    """The commas that ``after`` matches at with a ``known`` first group."""
    return [c for c in commas if (a := after.match(text, c)) is not None and known(a.group(1))]


def _line(text: str, start: int, end: int) -> str:
    """The line(s) that ``start:end`` stands on, whole."""
    line_end = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1:len(text) if line_end == -1 else line_end]


def _location_line(text: str, start: int, end: int) -> bool:
    line = _line(text, start, end)
    return len(line.strip()) <= 60 and not re.search(r"[.!?]\s", line)


def _last_words(town: str) -> str:
    """The town of "Based in San Jose": the longest tail of words the gazetteer knows."""
    words = town.split()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if _town_codes(tail):
            return tail
    return town


# where a remote job is done: "Remote - US", "Remote (UK)", "fully remote within Canada",
# "remotely from anywhere in Germany"; and "US - Remote", "Germany (remote)"
_PLACE_WORDS = r"[A-Z][\w.]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.]*){0,3}"
_REMOTE = re.compile(
    r"\b(?i:remote(?:ly)?)(?:[ \t]*[-–—:,|/(][ \t]*|[ \t]+(?i:(?:from[ \t]+)?(?:anywhere[ \t]+)?"
    rf"(?:within|in|across|from))[ \t]+(?:the[ \t]+)?)({_PLACE_WORDS})")
_REMOTE_KEYS = leading_literals(_REMOTE.pattern, _REMOTE.flags) or ()
_PLACE_REMOTE = re.compile(rf"(?<![\w.])({_PLACE_WORDS})[ \t]*[-–—:,|/(][ \t]*(?i:remote)\b")


def _remote(text: str, words: Words) -> Iterator[Evidence]:
    """The country, state or province a remote job is done in: as sure as a location line
    (a remote job's place is where its holder may live; "Remote" alone says nothing)."""
    for m in matches_at(_REMOTE, text, key_positions(words, _REMOTE_KEYS)):
        if (code := _named_place(m.group(1))) is not None:
            yield Evidence("remote", m.group(), code, 4.0, m.start())
    for start in words.table().get("remote", ()):
        # the place before it, on its line ("US - Remote"): a short line's first words
        line = text.rfind("\n", 0, start) + 1
        if start - line <= 40 and (before := _PLACE_REMOTE.search(text, line, start + 6)) \
                and before.end() == start + 6 \
                and (code := _named_place(before.group(1))) is not None:
            yield Evidence("remote", before.group(), code, 4.0, before.start())


# where the holder must live: "must reside in New York State", "candidates must live in
# California or Oregon", "open to residents of Colorado, Texas and Utah", "must be located
# in one of the following states: AZ, CO, TX"
_RESIDE = re.compile(
    r"(?i:\b(?:must|should|will\s+need\s+to|required\s+to|need\s+to)\s+(?:reside|live|be\s+"
    r"(?:a\s+)?resident|be\s+(?:located|based))\s+(?:in|within|of)|\bopen\s+(?:only\s+)?to\s+(?:residents\s+"
    r"of|(?:candidates|applicants|people)\s+(?:(?:residing|living|based|located|who\s+(?:reside|live|"
    r"are\s+based))\s+)?in))"
    r"(?i:\s+(?:one\s+of\s+)?(?:the\s+)?(?:following\s+)?(?:states?|provinces?)?\s*(?:of\s+)?:?)?"
    r"[ \t]*((?:[A-Z][\w.]*)(?:(?:[ \t]+|[ \t]*[,/;][ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)"
    r"[ \t]+)(?:[A-Z][\w.]*|of))*)")
_RESIDE_KEYS = leading_literals(_RESIDE.pattern, _RESIDE.flags) or ()
# (one of which every match holds)
_RESIDE_WORDS = frozenset("reside live resident located based residents residing living open"
                          .split())
_RESIDE_ITEM = re.compile(r"[ \t]*(?:[,/;][ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)")


def _residence(text: str, words: Words) -> Iterator[Evidence]:
    """The countries, states or provinces the holder must live in: where the job is done
    (several: it is offered in each). Two-letter codes count for states and provinces
    here ("AZ, CO, TX"; "CA" is California, as in "City, CA")."""
    if not _RESIDE_WORDS & words.table().keys():
        return  # no word for living or being somewhere
    n = names()
    for m in matches_at(_RESIDE, text, key_positions(words, _RESIDE_KEYS)):
        for item in _RESIDE_ITEM.split(m.group(1).rstrip(".")):
            code = _named_place(item)
            if code is None and re.fullmatch(r"[A-Z]{2}", item):
                code = next((c for c in n.abbreviations.get(item, ()) if "-" in c), None)
            if code is not None:
                yield Evidence("residence", f"{m.group()[:m.start(1) - m.start()]}{item}",
                               code, 4.0, m.start())


def _named_place(words: str, regions: bool = True) -> str | None:
    """The country (or, with ``regions``, state or province) that the longest leading run of
    ``words`` names, or the country of a code: with ``regions``, only a code that is one
    country's alone ("US", "U.K.", not "CA": California or Canada)."""
    n = names()
    parts = words.rstrip(".").split()
    for k in range(len(parts), 0, -1):
        name = " ".join(parts[:k]).lower()
        if (code := n.countries.get(name) or (n.regions.get(name) if regions else None)):
            return code
    codes = n.abbreviations.get(parts[0].replace(".", ""), ()) if parts else ()
    countries = [c for c in codes if "-" not in c]
    return countries[0] if countries and (len(codes) == 1 or not regions) else None


def _work_right(text: str, words: Words) -> Iterator[Evidence]:
    """The country the candidate must have the right to work in (its longest known name;
    "the UK", "the U.S.")."""
    for m in matches_at(_WORK_RIGHT, text, key_positions(words, _WORK_RIGHT_KEYS)):
        if (code := _named_place(m.group(1), regions=False)) is not None:
            yield Evidence("work-right", m.group(), code, 4.0, m.start())


def _mentions(text: str, head: int) -> Iterator[Evidence]:
    """Towns after a cue ("in München", "Standort: Nürnberg"), and country, state and province
    names; in the first lines (the title, the location line) they weigh more."""
    n = names()
    words = words_of(text)
    starts = key_positions(words, _CUE_KEYS)
    for m in matches_at(_CUE, text, starts):
        named = m.group(1).lower().rstrip(".")
        if (code := n.countries.get(named) or n.regions.get(named)) is not None:
            weight = (3.0 if m.start() < head else 2.0) * (0.5 if named in n.abroad else 1.0)
            if _listed_abroad(text, m.end(), country_of(code)):
                weight *= 0.25  # "available in Hong Kong and Singapore": one of the sites
            yield Evidence("place", m.group(), code, weight, m.start())
            continue  # "in Denmark", "based in Ontario"
        town = m.group(1).strip(" .,")
        best = _best_town(town)
        cue = m.group()
        if best is None:  # "in Leeds. We care for...", "in Leeds on Monday": the town's
            # words ran on past a stop or into a small word; the longest part before one
            # that is a town ("St. Louis. We": St. Louis), never a word cut off a name
            # ("Enterprise Solutions" is no town, and Enterprise is not its town)
            for cut in sorted((c.start() for c in _RUN_ON.finditer(town, 0, LONGEST_NAME + 1)),
                              reverse=True):  # (not every stop of a run of thousands)
                if (best := _best_town(town[:cut])) is not None:
                    town = town[:cut]
                    cue = cue[:m.start(1) - m.start() + cut]
                    break
        if best is None and (q := _QUALIFIED.fullmatch(town)) is not None:
            # the town with a word for its part: "Central London", "Leeds City Centre"
            best = _best_town(q.group(1))
            town = q.group(1) if best is not None else town
        if best is not None and not _lower_use(text, town):  # not "in Enterprise Solutions"
            weight = 3.0 if m.start() < head else 2.0
            if _listed_abroad(text, m.start() + len(cue), country_of(best[0])):
                weight *= 0.25  # "offices in Paris, Milan, London and Dubai": the sites
            yield Evidence("town", cue, best[0], weight, m.start(), options=_options(town))
    # a run without a name's first word in it names nothing ("Kansas City" is found from
    # "Kansas"), and there are many of them on a line that has a name
    for m in matches_holding(_CAPITALISED, _CAPITALISED_HOLDS, text,
                             _name_starts(text, words, n.named_heads)):
        run = m.group()
        for phrase in _named_phrases(run):
            code = n.countries.get(phrase.lower()) or n.regions.get(phrase.lower())
            if code is not None and _begins_town(run, phrase):
                continue  # "Kansas City" (Missouri) names a town, not Kansas
            if code is not None:  # a county or Land no other country's town is named after
                weight = 2.0 if m.start() < head else 1.0
                if m.start() < head and _whole_line(text, m.start(), phrase):
                    weight = 4.0  # a location line of its own ("New Jersey")
                if phrase.lower() in n.areas and all(
                        country_of(c) == country_of(code) for c, _ in _town_codes(phrase)):
                    weight += 1.0  # weighs more ("Carmarthenshire"; not "Suffolk", Virginia)
                if phrase.lower() in n.abroad:
                    weight *= 0.5
                yield Evidence("name", phrase, code, weight, m.start())


#: No town's name in the gazetteer is longer (tests/test_place.py checks it)
LONGEST_NAME = 60

#: Where a cue's town may have run on: a stop before the next word, or one of _TOWN's small
#: words ("Frankfurt am Main", "Newcastle upon Tyne", but also "Leeds on Monday")
_RUN_ON = re.compile(rf"\. |[ -](?={_JOINING})")


#: A town named with a word for a part of it, which is still the town: "Central London",
#: "Greater Copenhagen", "Leeds City Centre", "Aarhus C" (not "North York", a part of Toronto)
_QUALIFIED = re.compile(r"(?:(?:Central|Greater|Inner|Downtown|Uptown|Midtown) )?(.+?)"
                        r"(?: (?:City Centre|City Center|Centre|Center|Area|Metro Area|"
                        r"Metropolitan Area|Region|Downtown|[CKNSVØ]|SV|NV|NØ))?")


def _whole_line(text: str, start: int, phrase: str) -> bool:
    """Whether the line at ``start`` is ``phrase`` and nothing else (punctuation aside)."""
    return _line(text, start, start).strip(" \t.,;:|·•-–—") == phrase


_NEXT_TWO_WORDS = re.compile(r"\s*(\S+)(?:\s+(\S+))?")  # run.split()'s first two


def _begins_town(run: str, phrase: str) -> bool:
    """Whether ``phrase``, where it first stands in ``run``, begins a longer town name with the
    words after it ("Kansas City", "Virginia Beach")."""
    after = _NEXT_TWO_WORDS.match(run, run.find(phrase) + len(phrase))
    rest = [w for w in after.groups() if w] if after is not None else []  # (not the whole
    # rest of a run split at each of its names: a run of thousands of words)
    return bool(rest) and rest[0][0].isalpha() and any(
        _town_codes(" ".join([phrase, *rest[:k]])) for k in (1, 2) if len(rest) >= k)


def _name_starts(text: str, words: Words, heads: Mapping[str, tuple[str, ...]]) -> list[int]:
    """Where a capitalised word stands that can begin a name (``heads``: the first plain word
    of the names' first words, with those first words): the lines to look for names on. A
    name's first word is a whole word of a run of capitalised words, so it is in the index."""
    table = words.table()
    lower = words.lower
    return [p for head in heads.keys() & table.keys() for p in table[head]
            if text[p].isupper() and any(lower.startswith(first, p) for first in heads[head])]


_NEXT_IN_LIST = re.compile(rf"[ \t]*(?:,|&|and|und|og|or|oder|eller)[ \t]+({_TOWN})")


def _listed_abroad(text: str, end: int, country: str) -> bool:
    """Whether the town or country that ends at ``end`` opens a list that names a town or
    country of another country next ("in Paris, Mailand, London")."""
    m = _NEXT_IN_LIST.match(text, end)
    if m is None:
        return False
    n = names()
    named = n.countries.get(m.group(1).lower()) or n.regions.get(m.group(1).lower())
    if named is not None:  # "in Hong Kong and Singapore"
        return country_of(named) != country
    best = _best_town(_first_known(m.group(1)))
    return best is not None and country_of(best[0]) != country


_BRITISH_WORDS = ("whilst organisation programme behaviour specialised centre enquiries "
                  "prioritise organise recognise utilise colour labour favourable licence "
                  "practise paediatric anaesthetic haematology").split()
_BARE_TOWN_MIN = 50_000
_DETAILED = frozenset("GB US CA DE DK".split())


def _head_towns(text: str, head: int, language: str = "") -> Iterator[Evidence]:
    """Known towns named in the first lines without a cue ("The Priory Hospital Preston"):
    towns of 50,000 people or more, not written in lower case elsewhere (Reading, Bath)."""
    for m in _CAPITALISED.finditer(text, 0, head):
        run = m.group().strip(".,")
        for phrase in _town_phrases(run):
            if not (run.startswith(phrase) or run.endswith(phrase)):
                continue  # "Queen Elizabeth Hospital" names no town
            best = _best_town(phrase)
            if phrase.lower() in names().countries or phrase.lower() in names().regions:
                continue  # "Kent" is the county, not a town in Washington
            if _ends_name(run, phrase):
                continue  # "York" of "New York" is no town of York
            if (best is None or best[1] < _BARE_TOWN_MIN
                    or country_of(best[0]) not in _DETAILED or _lower_use(text, phrase)):
                continue
            home = _LANGUAGE.get(language)
            weight = 2.0 if home and home[0] == country_of(best[0]) else 1.5
            if _town_line(text, m.start(), phrase):
                weight = 3.0  # a location line: "Toronto (hybrid)", "Hybrid | Manchester"
            yield Evidence("town", phrase, best[0], weight, m.start(), options=_options(phrase))


#: What a location line holds beside its town: how the job is done, and separators (a town
#: alone on a line may be a heading: "Mission", "Reading")
_SEPARATORS = r"[ \t\-–—|/,:()·•*]*"
_WORK_MODE_WORD = re.compile(rf"{_SEPARATORS}(?i:{_WORK_MODES}){_SEPARATORS}")
_NOTHING_BUT_SEPARATORS = re.compile(_SEPARATORS)


def _town_line(text: str, start: int, phrase: str) -> bool:
    """Whether the line at ``start`` is the town ``phrase`` with how the job is done and
    nothing else ("Toronto (hybrid)", "Hybrid | Manchester", "Leeds - on-site"): a location
    line."""
    line = _line(text, start, start)
    at = line.find(phrase)
    if at < 0:
        return False
    before, after = line[:at], line[at + len(phrase):]
    return (_WORK_MODE_WORD.fullmatch(before) is not None
            and _NOTHING_BUT_SEPARATORS.fullmatch(after) is not None) or (
        _NOTHING_BUT_SEPARATORS.fullmatch(before) is not None
        and _WORK_MODE_WORD.fullmatch(after) is not None)


def _ends_name(run: str, phrase: str) -> bool:
    """Whether ``phrase`` ends ``run`` as the last words of a longer country or state name
    that the run ends with ("York" of "New York")."""
    n = names()
    words = run.split()
    for k in range(len(words)):
        tail = " ".join(words[k:])
        if len(tail) > len(phrase) and tail.endswith(phrase) and (
                tail.lower() in n.regions or tail.lower() in n.countries):
            return True
    return False


# a posting's titles and headings are other postings' too ("Job Description", "The Trust"):
# the names and towns in a run of capitalised words are read once per process
@lru_cache(maxsize=8192)
def _named_phrases(run: str) -> tuple[str, ...]:
    """The country, area, state and province names of ``run`` (:func:`_phrases`)."""
    n = names()
    return tuple(_phrases(run, lambda p: n.countries.get(p) or n.regions.get(p),
                          n.named_firsts))


@lru_cache(maxsize=8192)
def _town_phrases(run: str) -> tuple[str, ...]:
    """The town names of ``run`` (:func:`_phrases`)."""
    return tuple(_phrases(run, lambda p: _best_town(p) is not None, names().towns.firsts()))


def _phrases(run: str, known: Callable[[str], object],
             firsts: Container[str]) -> Iterator[str]:
    """The longest known phrases of a run of capitalised words, left to right, not
    overlapping: "New York City" is one place, not also "York". ``firsts`` holds the first
    words of the known phrases (lowercase): no phrase begins at another word."""
    words = run.split()
    i = 0
    while i < len(words):
        first = words[i].lower().lstrip(".,")
        if first and first not in firsts and first.rstrip(".,") not in firsts:
            i += 1
            continue
        for k in range(min(4, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + k]).strip(".,")
            if known(phrase.lower()):
                yield phrase
                i += k
                break
        else:
            i += 1


_WORD_OR_HYPHEN = re.compile(r"[\w-]")


# the answers of _lower_use for the text asked about last: a posting names its town again and
# again, and each mention would read every use of the word (in a file that repeats a
# paragraph thousands of times, a quadratic time)
_lower_uses: tuple[str, dict[str, bool]] = ("", {})


def _lower_use(text: str, phrase: str) -> bool:
    """Whether ``phrase`` stands in ``text`` (as whole words) with another first letter
    somewhere: "reading" beside "Reading"."""
    global _lower_uses
    seen_text, seen = _lower_uses
    if seen_text is not text:  # (another thread's text: the answers are kept apart)
        seen = {}
        _lower_uses = (text, seen)
    found = seen.get(phrase)
    if found is None:
        found = seen[phrase] = _uses_lower(text, phrase)
    return found


def _uses_lower(text: str, phrase: str) -> bool:
    low = phrase.lower()
    first = HYPHENATED_WORD.match(low)
    if first is None:
        return any(text[m.start()] != phrase[0]
                   for m in re.finditer(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text, re.I))
    words = words_of(text)
    lower, end = words.lower, len(low)
    # a match starts a word and its first word is the phrase's first word whole
    return any(lower.startswith(low, p) and text[p] != phrase[0]
               and _WORD_OR_HYPHEN.match(lower, p + end) is None
               for p in words.table(True).get(first.group(), ()))


def _postcodes(text: str) -> Iterator[Evidence]:
    hints = [m.start() for m in _POSTCODE_HINT.finditer(text)]
    if not hints:
        return
    for m in on_lines(_UK_POSTCODE, text, hints):
        yield Evidence("postcode", m.group(), "GB", 2.0, m.start())
    for m in on_lines(_CA_POSTCODE, text, hints):
        yield Evidence("postcode", m.group(), _CA_POSTAL_PROVINCE[m.group(1)], 3.0, m.start())
    for pattern, country in ((_DE_POSTCODE, "DE"), (_DK_POSTCODE, "DK")):
        for m in on_lines(pattern, text, hints):
            town = _best_town(_first_known(m.group(2)))
            if town is not None and country_of(town[0]) == country:
                yield Evidence("postcode", m.group(), country, 4.0, m.start())


def _first_known(town: str) -> str:
    words = town.split()
    for k in range(len(words), 0, -1):
        if _town_codes(" ".join(words[:k])):
            return " ".join(words[:k])
    return town


# A province's or state's own public body: "Government of Saskatchewan", "Province of Nova
# Scotia", "State of New York", "the Manitoba public service"
_GOVERNMENT_OF = re.compile(
    r"\b(?:Government of (?:the )?|Province of |State of |Commonwealth of )"
    r"((?:[A-Z][\wé]*)(?: (?:and )?[A-Z][\wé]*){0,3})")
_GOVERNMENT_KEYS = leading_literals(_GOVERNMENT_OF.pattern) or ()
_PUBLIC_SERVICE = re.compile(
    r"\b((?:[A-Z][\wé]*)(?: [A-Z][\wé]*){0,2})(?:'s|’s)? (?:[Pp]ublic|[Cc]ivil) [Ss]ervice\b")


def _region_named(words: str) -> str | None:
    """The province or state the longest leading run of ``words`` names."""
    parts = words.split()
    regions = names().regions
    for k in range(len(parts), 0, -1):
        if (code := regions.get(" ".join(parts[:k]).lower())) is not None:
            return code
    return None


def _service_starts(words: Words) -> list[int]:
    """Where "public service" or "civil service" stands (the lines _PUBLIC_SERVICE can match)."""
    lower = words.lower
    return [p for p in words.table().get("service", ())
            if lower.endswith(("public ", "civil "), 0, p)]


def _other(text: str, language: str) -> Iterator[Evidence]:
    words = words_of(text)
    for m in matches_at(_GOVERNMENT_OF, text, key_positions(words, _GOVERNMENT_KEYS)):
        if (code := _region_named(m.group(1))) is not None:
            yield Evidence("organisation", m.group(), code, 5.0, m.start())
    for m in on_lines(_PUBLIC_SERVICE, text, _service_starts(words)):
        body = m.group(1).split()
        code = next((c for k in range(len(body))
                     if (c := _region_named(" ".join(body[k:]))) is not None), None)
        if code is not None:
            yield Evidence("organisation", m.group(), code, 5.0, m.start())
    table = words.table()
    # one vote however many words: Danes write British English too (the evidence stands at
    # the first such word written in lower case)
    spelling = min((p for w in _BRITISH_WORDS for p in table.get(w, ())
                    if text.startswith(w, p)), default=None)
    if spelling is not None:
        yield Evidence("spelling", "British spelling", "GB", 1.0, spelling)
    yield from _organisations(text, words)
    for m in on_lines(_DOMAIN, text, _domain_hints(text, table)):
        suffix = m.group(1).lower()
        if re.fullmatch(r"gov\.[a-z]{2}\.ca", suffix):
            code = next((c for c in names().abbreviations.get(suffix[4:6].upper(), ())
                         if c.startswith("CA-")), "CA")
            yield Evidence("domain", m.group(), code, 3.0, m.start())
        elif suffix in _DOMAIN_CODES:
            code, weight = _DOMAIN_CODES[suffix]
            yield Evidence("domain", m.group(), code, weight, m.start())
    yield from _host_countries(text)
    # every match starts with "+" or "00" and a country code: tried there only (the engine
    # would try the pattern, which opens with an alternation, at every character)
    countries, dialled = _calling_codes()
    for m in matches_at(dialled, text, _phone_starts(text)):
        if (country := countries.get(m.group(1) or m.group(2))) is not None:
            yield Evidence("phone", m.group(), country, 2.0, m.start())
    # a number written the Danish way after "tlf." ("tlf. 51 23 45 67"): one weak vote (Norway
    # writes its numbers so too), which with a posting in Danish places it in Denmark
    for p in table.get("tlf", ()):
        if (number := _DK_PHONE.match(text, p)) is not None:
            yield Evidence("phone", number.group(), "DK", 1.0, p)
            break
    for m in matches_at(_CURRENCY, text, key_positions(words, _CURRENCY_KEYS)):
        if (cw := _CURRENCY_CODES.get(m.group())) is not None and (
                not m.group()[0].isalpha() or _beside_amount(text, m.start(), m.end())):
            yield Evidence("currency", m.group(), cw[0], cw[1], m.start())
    yield from _employer_home(text, words)
    if (lw := _LANGUAGE.get(language)) is not None:
        yield Evidence("language", language, lw[0], lw[1],
                       options=_GERMAN_SPEAKING if language == "de" else ())


#: Country domains that stand for something else as often ("startup.io", "bit.ly", "goo.gl",
#: ".tv", ".fm", free and vanity domains): not the country's
_VANITY_DOMAINS = frozenset(
    "io ai co me tv fm ly gg to cc ws la sh so ac nu tk ml ga cf gq vc gl am ms md re st pw cx "
    "nf is it su tm ag bz".split())
_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)*\.([a-z]{2})(?![\w-]|\.[\w-])", re.I)
_HOST_STARTS = ("@", "://", "www.")


@cache
def _country_domains() -> dict[str, str]:
    """Each country's internet domain ("nz", "au") with its country, but those _DOMAIN reads
    itself and the vanity ones."""
    # the most populous country that has the domain (GeoNames gives Guadeloupe's .gp to Saint
    # Martin and Saint Barthélemy too)
    ranked = sorted(world_countries(), key=lambda row: -int(row[4] or 0))
    out: dict[str, str] = {}
    for code, _, tld, *_ in ranked:
        if tld and tld not in _VANITY_DOMAINS and tld not in _DOMAIN_CODES:
            out.setdefault(tld, _PART_OF.get(code, code))
    return out


def _host_countries(text: str) -> Iterator[Evidence]:
    """A country's domain at the end of an address's or a link's host ("@example.co.nz",
    "https://jobs.example.com.au/"): only there, since "main.py" and "report.pl" are files."""
    domains = _country_domains()
    seen: set[int] = set()
    for sign in _HOST_STARTS:
        at = text.find(sign)
        while at >= 0:
            start = at + len(sign)
            if (m := _HOST.match(text, start)) is not None and m.end() not in seen:
                seen.add(m.end())
                if (code := domains.get(m.group(1).lower())) is not None:
                    yield Evidence("domain", m.group(), code, 1.5, m.start())
            at = text.find(sign, at + 1)


def _domain_hints(text: str, table: Mapping[str, list[int]]) -> list[int]:
    """Where a suffix that _DOMAIN knows begins after a dot: its first part is a whole word
    of the index ("nhs" of "x.nhs.uk")."""
    return [p for w in _DOMAIN_WORDS for p in table.get(w, ()) if p and text[p - 1] == "."]


def _phone_starts(text: str) -> list[int]:
    """Where a dialled number can start (:func:`_calling_codes`): a "+" before a digit, or
    "00" before a code dialled so."""
    out = [p for p in occurrences(text, "+") if text[p + 1:p + 2].isdigit()]
    out += (p for p in occurrences(text, "00") if text.startswith(_DIALLED, p + 2))
    return out


#: "a Danish SaaS company", "an American-owned firm", "our UK-based agency": the employer's home
#: country, said of the employer (so it is its seat: it never decides a state or province)
_HOME_COUNTRIES = {"danish": "DK", "german": "DE", "british": "GB", "uk": "GB",
                   "canadian": "CA", "american": "US", "us": "US"}
_EMPLOYER_HOME = re.compile(
    r"(?:(?<=\ba )|(?<=\ban )|(?<=\bour )|(?<=\bthe ))(Danish|German|British|UK|Canadian|American|"
    r"US)(?:-(?:based|owned|founded|headquartered))?[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:company|"
    r"companies|firm|employer|business|organi[sz]ation|start-?up|scale-?up|group|bank|"
    r"manufacturer|agency|consultancy|corporation|enterprise|retailer|brand|software house)\b")


def _employer_home(text: str, words: Words) -> Iterator[Evidence]:
    for m in matches_at(_EMPLOYER_HOME, text, words.offsets(_HOME_COUNTRIES)):
        code = _HOME_COUNTRIES[m.group(1).lower()]
        yield Evidence("organisation", m.group(), code, 1.5, m.start(), True)


#: The weight of a place in the metadata, by its key: where the job is (front matter, JSON-LD
#: ``jobLocation``), and where a remote job's holder must live (JSON-LD
#: ``applicantLocationRequirements``: the job is done there, but the job's own location, when
#: given, says more)
_META_WEIGHTS = {"location": 12.0, "locations": 12.0, "applicant-location": 6.0}


def _meta(meta: Mapping[str, Any]) -> Iterator[Evidence]:
    for key in ("jurisdiction", "country", "region", "location", "locations",
                "applicant-location"):
        values = meta.get(key)
        for value in values if isinstance(values, list) else [values]:
            if not isinstance(value, str) or not value.strip():
                continue
            code = normalise_code(value) if key in ("jurisdiction", "country") else None
            if code is not None:
                yield Evidence("metadata", f"{key}: {value}", code, 20.0)
                continue
            found = list(_place_syntax(value)) + list(_mentions(value, len(value)))
            if not found and (town := _best_town(_first_known(value.split(",")[0]))):
                found = [Evidence("town", value, town[0], 1.0)]
            for e in found:
                yield Evidence("metadata", f"{key}: {value}", e.code,
                               _META_WEIGHTS.get(key, 12.0))


def _signals(text: str, meta: Mapping[str, Any], language: str) -> list[Evidence]:
    head = min(len(text), HEAD_CHARS)
    out = list(_meta(meta))
    out += _place_syntax(text)
    out += _mentions(text, head)
    out += _head_towns(text, head, language)
    out += _postcodes(text)
    out += _work_right(text, words_of(text))
    out += _remote(text, words_of(text))
    out += _residence(text, words_of(text))
    out += _other(text, language)
    return out


# (and in German and Danish: "mit Sitz in Zürich", "Hauptsitz", "hovedkontor i Aarhus")
_HEADQUARTERS = re.compile(r"\b(?:headquartered|headquarters|head office|corporate office|HQ|"
                           r"(?:Sitz|Hauptsitz|Firmensitz|Unternehmenssitz|Stammsitz|Zentrale|"
                           r"hovedkontor|hovedsæde)\b)[\w\s,]{0,20}$", re.I)
_HEADQUARTERS_KEYS = leading_literals(_HEADQUARTERS.pattern, _HEADQUARTERS.flags) or ()
#: "Based in Toledo, Ohio, the company posted record sales": a sentence that opens with where
#: the employer is based and goes on about the company names its seat
_BASED_SEAT = re.compile(r"(?:^|(?<=[.!?]\s))Based (?:in|out of) ([^.!?\n]{1,60}?), (?:the|our) "
                         r"(?:company|firm|group|business|organi[sz]ation|employer)\b", re.M)
#: "Travel (1-3 times a year) to our office in Bamako, Mali", "Reisen nach Wien", "rejser til
#: Oslo": a place the job travels to, not where it is (not "relocation to": that is)
_TRAVEL_TO = re.compile(r"\b(?:travel\w*|trips?|visits?|business trips?|reisen|reisetätigkeit|"
                        r"dienstreisen|rejser?|rejseaktivitet)\b[^!?\n]{0,60}?"
                        r"\b(?:to|nach|til)\b[^!?\n]{0,50}$", re.I)
_TRAVEL_TO_KEYS = leading_literals(_TRAVEL_TO.pattern, _TRAVEL_TO.flags) or ()
#: Places named in one list ("markets in New York City, Boston, Seattle and Denver") are the
#: employer's sites, not the job's: three or more states or provinces within this many
#: characters count a quarter each.
_LIST_SPAN = 120


def _weigh_context(evidence: list[Evidence], text: str,
                   in_notice: Callable[[int], bool] | None = None) -> list[Evidence]:
    """Evidence with its weight adjusted for where it stands: in a list of several states or
    provinces, after "headquartered in" or in "Based in X, the company ..." (the employer's
    seat), or after "travel to" (a trip's), a place says less about the job. (Weighing down
    every sentence about the company lost more right places than wrong ones on the dev corpus:
    employers say "a Toronto-based company".)"""
    # (not the states a holder may live in: that list is where the job is done)
    located = sorted((e for e in evidence if e.offset is not None and "-" in e.code
                      and e.signal != "residence"), key=lambda e: e.offset or 0)
    listed = _listed(located, text)
    words = words_of(text)
    based = SpanSet((m.start(), m.end(1)) for m in matches_at(_BASED_SEAT, text, (
        p for p in words.table().get("based", ()) if text[p] == "B")))
    # where a match of _HEADQUARTERS or _LANDMARK_BEFORE can start (most postings have none)
    seats = sorted(key_positions(words, _HEADQUARTERS_KEYS))
    landmarks = sorted(key_positions(words, _LANDMARK_BEFORE_KEYS))
    trips = sorted(key_positions(words, _TRAVEL_TO_KEYS))
    out = []
    for e in evidence:
        weight = e.weight
        if id(e) in listed:
            weight *= 0.25
        seat = e.offset is not None and (
            _ends_at(_HEADQUARTERS, text, e.offset, 40, seats)
            or e.offset in based)
        if seat:
            weight *= 0.25
        trip = e.offset is not None and _ends_at(_TRAVEL_TO, text, e.offset, 120, trips)
        if trip:
            weight *= 0.25
        no_state = e.offset is not None and "-" in e.code and (
            trip or _LANDMARK_CUE.match(e.text) is not None
            or _names_a_law(e, text)
            or _ends_at(_LANDMARK_BEFORE, text, e.offset, 60, landmarks)
            # a state's name ("California residents", "in Colorado"); not a public body named
            # in its equal-opportunity statement (still the employer), nor "City, ST" (a
            # location line the notice's zone runs on into)
            or ((e.signal == "name" or (e.signal == "place" and "," not in e.text))
                and in_notice is not None and in_notice(e.offset)))
        if weight != e.weight or no_state:
            e = replace(e, weight=weight, seat=seat, no_state=no_state)
        out.append(e)
    return out


def _listed(located: list[Evidence], text: str) -> set[int]:
    """The ids of the places (in text order) that stand in a list of three or more states or
    provinces (within _LIST_SPAN characters of each other), unless the list offers the job in
    each ("Locations: ...")."""
    listed: set[int] = set()
    offsets = [e.offset or 0 for e in located]
    # a window over the places in order (the codes in it counted as it moves, and each place
    # listed once: not a pass over the window at each place, which a run of thousands of
    # names at one offset made quadratic)
    codes: Counter[str] = Counter()
    end = marked = 0
    offered: dict[int, bool] = {}
    for i, offset in enumerate(offsets):
        while end < len(located) and offsets[end] <= offset + _LIST_SPAN:
            codes[located[end].code] += 1
            end += 1
        last = offsets[end - 1]
        if len(codes) >= 3:
            if last not in offered:
                offered[last] = _offered_in(text, last)
            if not offered[last]:
                listed.update(id(f) for f in located[max(i, marked):end])
                marked = end
        codes[located[i].code] -= 1
        if not codes[located[i].code]:
            del codes[located[i].code]
    return listed


def _ends_at(pattern: re.Pattern[str], text: str, offset: int, span: int,
            starts: list[int]) -> bool:
    """Whether ``pattern`` (which ends with ``$``) matches in the ``span`` characters before
    ``offset``, searched only when one of the places its matches can start at (``starts``,
    in order) lies there."""
    i = bisect.bisect_left(starts, offset - span)
    return i < len(starts) and starts[i] < offset and pattern.search(
        text, max(0, offset - span), offset) is not None


#: What says that the places after it are where the job can be done ("Locations: ...", "This
#: position can be located in ..."), not the employer's sites
_OFFERED_IN = re.compile(
    r"(?:\blocations?[ \t]*:|\b(?:can|may|will) be (?:located|based|performed|done) (?:in|at|"
    r"from)|\bopen to (?:candidates|applicants) (?:in|based in))[^.!?\n:]*$", re.I)


def _offered_in(text: str, start: int) -> bool:
    """Whether the place at ``start`` is one of a list introduced as the places the job is
    offered in (on its line, before it)."""
    line = text.rfind("\n", 0, start) + 1
    return _OFFERED_IN.search(text, line, start) is not None


#: Words that name a place as a landmark, not as where the job is: right before the place
#: (not "within a commutable distance of Herndon, VA": that is where the job is)...
_LANDMARK_BEFORE = re.compile(
    r"(?:\b(?:near(?:by)?|outside(?: of)?|close to|(?:minutes|miles|hours?|drive) (?:from|of|"
    r"outside(?: of)?)|(?:suburbs|outskirts) of)"
    r"(?: the)?[ \t]+|\bbetween[ \t]+[^.!?\n]{0,40}?)$", re.I)
_LANDMARK_BEFORE_KEYS = leading_literals(_LANDMARK_BEFORE.pattern, _LANDMARK_BEFORE.flags) or ()
#: ... or as the cue of a town ("near Leeds")
_LANDMARK_CUE = re.compile(r"near\b", re.I)
#: A place named as the owner of a law: "New York City's Fair Chance Act", "the San Francisco,
#: California Police Code", "Article 23-A of the New York Correction Law"
_LAW_AFTER = re.compile(
    r"(?:['’]s)?(?:,[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?"  # "San Francisco, California"
    r"(?:[ \t]+(?:[A-Z][\w-]*|for|of|and|on|in|the)){0,6}[ \t]+"
    r"(?:Act|Law|Ordinance|Code|Statute)s?\b")


def _names_a_law(e: Evidence, text: str) -> bool:
    """Whether a US state or city is named as a law's owner: US postings list the laws of
    places their employer hires in (fair-chance and pay ordinances, privacy acts), which say
    nothing of the job's own state. (A Canadian posting that cites a province's code, "the
    Ontario Human Rights Code", is that province's: employers cite their own province's.)"""
    if not e.code.startswith("US-") or e.offset is None:
        return False
    end = text.find(e.text, e.offset)
    return end >= 0 and _LAW_AFTER.match(text, end + len(e.text)) is not None


_ALNUM = re.compile(r"[\W_]+")


@lru_cache(maxsize=4096)
def _same_text(text: str) -> str:
    """What two signals' texts have in common when they say the same: "D.C." is "DC" (the
    same texts recur: "NHS", "Band 5", a posting's every "the Trust")."""
    return _ALNUM.sub("", text.lower())


def _decide(evidence: list[Evidence], text: str = "") -> Place:
    countries: dict[str, float] = defaultdict(float)
    regions: dict[str, float] = defaultdict(float)
    per_signal: dict[tuple[str, str, str], float] = {}
    first: dict[tuple[str, str, str], float] = {}  # each signal's first (strongest) weight
    for e in sorted(evidence, key=lambda e: -e.weight):
        # a signal cannot outvote the rest by repetition: each repeat counts half, up to
        # twice the first, and the first is its strongest instance (not a mention of the
        # employer's seat that happens to come before the job's own line)
        key = (e.signal, e.code, _same_text(e.text))
        so_far = per_signal.get(key)
        if so_far is None:
            add = e.weight
            first[key] = e.weight
        else:  # (never past twice the first: a weaker repeat is capped by the first too)
            add = max(0.0, min(e.weight * 0.5, 2 * first[key] - so_far))
        per_signal[key] = (so_far or 0.0) + add
        countries[country_of(e.code)] += add
        if "-" in e.code and not e.no_state:
            regions[e.code] += add
    if not countries:
        return Place(None, 0.0, tuple(evidence))
    ranked = sorted(countries.items(), key=lambda kv: -kv[1])
    best, score = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    total = sum(countries.values())
    # the text's own signals of the country (its language aside, which Austria and
    # Switzerland share with Germany): one institution only that country has suffices (a
    # 401(k) plan, E-Verify), or two weak signals ("Staff Nurse" under a title naming
    # Hartlepool), while the language with one weak signal does not (a GmbH)
    own = score - sum(e.weight for e in evidence
                      if e.signal == "language" and country_of(e.code) == best)
    if (score < MIN_SCORE and own < MIN_OWN_SCORE) or score < LEAD * second:
        return Place(None, 0.0, tuple(evidence))
    code = best
    mine = sorted(((c, w) for c, w in regions.items() if country_of(c) == best),
                  key=lambda cw: -cw[1])
    if mine:
        region, weight = mine[0]
        runner_up = mine[1][1] if len(mine) > 1 else 0.0
        # a state or province no other one competes with needs less when it is named, not
        # only one of its towns ("Alberta" twice)
        # ... and a state never rests on towns alone: postings name head offices and other
        # sites ("our teams in Seattle and Austin")
        # ... nor on the employer's seat alone ("Headquartered in Herndon, Virginia")
        # ... but a location label's town that no other place of note bears names its state
        # ("Location: Denver"; not "Location: Portland", Oregon's or Maine's)
        named = any(e.code == region and not e.seat and (
            e.signal != "town" or (_LABELLED.match(e.text) is not None and not e.options))
            for e in evidence)
        needed = MIN_SCORE - 1 if not runner_up else MIN_SCORE
        if named and weight >= needed and weight >= LEAD * runner_up:
            code = region
    used = tuple(e for e in evidence if country_of(e.code) == best)
    several = _several(mine, evidence, text, alone=code == best)
    return Place(best if several else code, round(score / total, 2), used, several)


#: A town given as the value of a location label ("Location: Denver", "Job location: Toronto"):
#: the job's own town, which names its state as surely as "Denver, CO" (not a town in prose,
#: which may be a head office or another site)
_LABELLED = re.compile(r"(?i:location|job location|work location|place of work|workplace|"
                       r"duty station)[ \t]*:")


#: between two places offered as alternatives ("San Jose, CA (or) New York, NY")...
_OR = re.compile(r"[\s,;()]*(?:or|oder|eller|/)[\s,;()]*(?:in[ \t]+)?", re.I)
#: ... or listed after words that offer the job in each ("Locations: Austin, TX; Denver, CO")
_LISTED = re.compile(r"[ \t]*[,;|·•][\s,;]*(?:(?:and|or|&)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+", re.I)


def _several(regions: list[tuple[str, float]], evidence: list[Evidence], text: str,
             alone: bool) -> tuple[str, ...]:
    """The states or provinces of a job offered in several of them: each written as a
    location ("City, ST", "City, State": not a landmark, a legal notice, the employer's seat
    or one of a list of its sites, which weigh less) and weighing as much as a country needs;
    when none of them leads (``alone``: no state decided), or when they are offered as
    alternatives ("Location: San Jose, CA (or) New York, NY"; not "two sites (Cambridge, MA
    and San Diego, CA)", where the rest of the posting says which is the job's)."""
    located = sorted((e for e in evidence if _town_and_code(e)
                      and e.weight >= 4.0 and not e.no_state and e.offset is not None),
                     key=lambda e: e.offset or 0)
    heavy = {c for c, w in regions if w >= MIN_SCORE}
    # the states a holder may live in are alternatives by what they say ("must reside in
    # California or Oregon")
    resident = {e.code for e in evidence if e.signal == "residence" and "-" in e.code}
    codes = set(resident) if len(resident) >= 2 else set()
    if alone:
        codes |= {e.code for e in located}
    else:  # each of a pair of alternatives
        for a, b in itertools.pairwise(located):
            end = (a.offset or 0) + len(a.text)
            if a.code != b.code and (_OR.fullmatch(text, end, b.offset or 0) or (
                    _LISTED.fullmatch(text, end, b.offset or 0)
                    and _offered_in(text, a.offset or 0))):
                codes |= {a.code, b.code}
    out = tuple(c for c, _ in regions if c in codes and c in heavy)
    return out if len(out) >= 2 else ()


def infer_place(text: str, meta: Mapping[str, Any], language: str,
                in_notice: Callable[[int], bool] | None = None) -> Place:
    """The place of the job, with how sure and why. Front matter's ``jurisdiction`` decides.
    ``in_notice``: whether an offset is in a legal notice (equal opportunity, data
    protection...), where a state or province named says nothing of where the job is."""
    given = meta.get("jurisdiction")
    if isinstance(given, str) and (code := normalise_code(given)) is not None:
        return Place(code, 1.0, (Evidence("metadata", f"jurisdiction: {given}", code, 1.0),))
    # (the syntax's reading first: a town that a list rule counts is counted in its state)
    return _decide(_resolve_towns(_weigh_context(
        _as_written(_signals(text, meta, language), text), text, in_notice)), text)


def _town_and_code(e: Evidence) -> bool:
    """Whether the evidence is a town written with its state, province or country ("San Jose,
    CA", "Leeds, England", "Portland (OR)")."""
    return e.signal == "place" and ("," in e.text or _CITY_PAREN_CODE.fullmatch(e.text) is not None)


def _town_written(text: str) -> str:
    """The town of "San Jose, CA" or "Portland (OR)", as written."""
    return text.split(",")[0] if "," in text else text.split("(")[0].rstrip()


def _as_written(evidence: list[Evidence], text: str) -> list[Evidence]:
    """A town named in "City, ST" or "City, Region" is the one there: "Location: London, ON"
    is London, Ontario, though the larger London is England's, "Paris, TX" is not Paris,
    France, and "Washington, D.C." is not the state of Washington. The town's other mentions
    at that place (after a cue, in the title, as a name) take the code the syntax gives."""
    # (only a reading the syntax is sure of: a known town, a state's name or a ZIP code, not
    # a code guessed for a name the gazetteer lacks)
    places = sorted((e.offset, e.offset + len(_town_written(e.text)), i, e.code)
                    for i, e in enumerate(evidence)
                    if _town_and_code(e) and e.offset is not None
                    and e.weight >= 4.0)
    if not places:
        return evidence
    starts = [start for start, _, _, _ in places]
    longest = max(stop - start for start, stop, _, _ in places)
    out = []
    for e in evidence:
        # a town, or a state's name ("Location: Washington" of "Washington, D.C."), that lies
        # in the syntax's town: not a longer name that only ends there ("United States of
        # America, New York")
        if e.signal in ("town", "place", "name") and e.offset is not None:
            cued = _CUE.match(e.text)
            end = text.find(e.text, e.offset) + len(e.text)
            begin = end - len(cued.group(1) if cued else e.text)
            # the first town (in the evidence's order) that holds it, among those that
            # start no further before it than the longest is long
            near = places[bisect.bisect_left(starts, begin - longest):
                          bisect.bisect_right(starts, begin)]
            code = min(((i, c) for start, stop, i, c in near if start <= begin and end <= stop),
                       default=(0, e.code))[1]
            if code != e.code:
                e = replace(e, code=code, options=())
        out.append(e)
    return out


def _resolve_towns(evidence: list[Evidence]) -> list[Evidence]:
    """A town name that several places bear is read as the one in the country the rest of the
    evidence clearly points to ("in Birmingham" beside a 401(k) plan), and in that country as
    the one in the state it names ("in Cambridge" in a posting that names Massachusetts, "our
    office in Columbia" under "Columbia, MD"); else as the most populous. So is a signal that
    several countries share (German, "(m/w/d)", a GmbH: Germany's unless the rest points to
    Austria or Switzerland)."""
    if not any(e.options for e in evidence):
        return evidence
    scores: dict[str, float] = defaultdict(float)  # countries, and states and provinces
    for e in evidence:
        if not e.options:
            scores[country_of(e.code)] += e.weight
            if "-" in e.code:
                scores[e.code] += e.weight
    # the countries that signals several countries share allow (a dollar amount: the US,
    # Canada, Australia, New Zealand; a GmbH: Germany, Austria, Switzerland): a town's reading
    # there comes before a larger namesake elsewhere ("Location: Birmingham" beside "$80,000"
    # is Alabama's, not England's)
    allowed = [frozenset(e.options) for e in evidence
               if e.options and e.signal in ("organisation", "language")]
    out = []
    for e in evidence:
        if e.options and e.signal not in ("organisation", "language") and allowed:
            fits = [o for o in e.options if all(country_of(o) in a for a in allowed)]
            if fits and e.code not in fits:
                e = replace(e, code=fits[0])
        if e.options:  # the first (most populous) if tied
            best = max(e.options, key=lambda c: (scores.get(country_of(c), 0.0),
                                                 scores.get(c, 0.0) if "-" in c else 0.0))
            lead, first = (scores.get(country_of(c), 0.0) for c in (best, e.code))
            if best != e.code and lead > 0 and (
                    lead >= LEAD * first if country_of(best) != country_of(e.code)
                    else scores.get(best, 0.0) > scores.get(e.code, 0.0)):
                e = replace(e, code=best)  # clearly another country's, or a state it names
        out.append(e)
    return out
