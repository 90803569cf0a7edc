"""Compliance rules tied to where the job is: photos, privacy, Ontario's 2026 posting rules,
German gender markers and personal contact data. The vocabulary is ``data/compliance.yaml``;
the legal facts (place, effective date, threshold) are ``rules/facts/*.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any

from ..contacts import Channel, channels
from ..datafiles import parse_yaml
from ..document import Document
from ..document.jurisdiction import matches
from ..document.words import KeyedPattern, words_of
from ..elements import names_in, vocabulary
from ..facts import Law, ontario_law, posting_setting
from ..literals import one_of_literals
from ..model import Category, Example, RuleDocs, RuleMeta, Severity, Violation
from ..rule import Rule
from ..samples import quoted, sample

_DK = "Location: Aarhus, Denmark\n\n"
_DE = "Standort: Mainz, Deutschland\n\n"
_ON = "Location: Toronto, Ontario, Canada\n\n"


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    text = resources.files("jdlint").joinpath("data/compliance.yaml").read_text("utf-8")
    data: dict[str, list[str]] = parse_yaml(text)
    return {k: re.compile("|".join(f"(?:{p})" for p in v), re.I) for k, v in data.items()}


@cache
def keyed(name: str) -> KeyedPattern:
    """``patterns()[name]``, searched through a whole posting only where it can match."""
    return KeyedPattern(patterns()[name])


def in_places(doc: Document, places: Iterable[str]) -> bool:
    return any(matches(j, p) for j in doc.places for p in places)


# --- photos --------------------------------------------------------------------------------
def photo_requests(doc: Document) -> list[tuple[int, int]]:
    """Photo words in a sentence about the application that asks the applicant for something,
    outside guidance to leave them out."""
    def compute(d: Document) -> list[tuple[int, int]]:
        p = patterns()
        # every photo word holds one of these texts: most postings and sentences hold none
        words = p["photo-words"]
        needles = one_of_literals(words.pattern, words.flags) or (("", False),)
        lower = words_of(d.text).lower

        def holds(start: int, end: int) -> bool:
            return any((d.text if exact else lower).find(n, start, end) >= 0
                       for n, exact in needles)

        if not holds(0, len(d.text)):
            return []
        guidance: list[tuple[int, int]] | None = None  # found once a photo word may count
        out = []
        for s in d.sentences:
            if not holds(s.start, s.end):
                continue
            if not (p["photo-cues"].search(s.text) and p["photo-request-cues"].search(s.text)):
                continue
            for m in p["photo-words"].finditer(d.text, s.start, s.end):
                a, b = m.span()
                if guidance is None:
                    guidance = [g.span() for g in keyed("photo-guidance").finditer(d.text)]
                if not any(gs <= a and b <= ge for gs, ge in guidance):
                    out.append((a, b))
        return out
    return doc.memo("photo-requests", compute)


class PhotoRequest(Rule):
    meta = RuleMeta(
        code="CMP001",
        name="photo-request",
        category=Category.COMPLIANCE,
        severity=Severity.WARNING,
        summary="The posting asks applicants for a photo.",
        docs=RuleDocs(
            what="Flags a request for a photo in an application (\"CV with photo\", \"please "
                 "attach a recent photograph\", \"Lichtbild\", \"Bewerbungsfoto\", \"CV med "
                 "billede\"), in English, German and Danish. Guidance that tells applicants to "
                 "leave photos out (\"please refrain from adding a photo\", \"ohne Foto\", "
                 "\"vedhæft ikke billede\") does not trigger it.",
            why="A photo shows age, gender, ethnicity and disability before qualifications do. "
                "German anti-discrimination guidance recommends anonymised applications without "
                "photos; an employer who asks for one carries the burden of proof if a rejected "
                "applicant alleges discrimination (AGG s. 22). Danish and EU equal-treatment "
                "law points the same way.",
            example="Please send your CV with a recent photo.",
            use_instead="Please send your CV. To keep the process fair, leave out your photo.",
            references=(
                "Allgemeines Gleichbehandlungsgesetz (AGG, 2006) ss. 1, 7, 11, 22.",
                "Antidiskriminierungsstelle des Bundes, 'Anonymisierte Bewerbungsverfahren' "
                "(pilot project report, 2012).",
                "Danish Act on Prohibition of Discrimination in the Labour Market "
                "(Forskelsbehandlingsloven, LBK nr 1001 of 24/08/2017).",
            ),
            basis="good practice (a legal risk under anti-discrimination law)",
        ),
        examples=(
            Example("Please send your CV with a recent photo.\n", True),
            Example("Bitte senden Sie Ihre Unterlagen mit Lichtbild.\n", True),
            Example("Send din ansøgning og dit CV med billede.\n", True),
            Example("Please refrain from adding a photo to your CV.\n", False),
            Example("Bitte verzichten Sie auf ein Bewerbungsfoto.\n", False),
            Example("You will get a good picture of our products in your first week.\n", False),
            Example("Applications should include a CV and a recent photo.\n", True),
            Example("Spot roof damage in customer photos with computer vision (CV).\n", False),
            Example("- Aerial photo interpretation, including GPS applications.\n", False),
            Example("Wir bitten darum, in der Bewerbung von Fotos abzu-\nsehen.\n", False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        for start, end in photo_requests(doc):
            yield Violation(start, end, f"asks for a photo (\"{doc.text[start:end]}\"); ask for "
                            "the CV only and tell applicants to leave photos out")


class MissingPhotoGuidance(Rule):
    meta = RuleMeta(
        code="CMP002",
        name="missing-photo-guidance",
        category=Category.COMPLIANCE,
        severity=Severity.INFO,
        summary="Where CV photos are customary, the posting does not say to leave them out.",
        options={"jurisdictions": list(posting_setting("photo-customary")["jurisdictions"])},
        docs=RuleDocs(
            what="In places where applicants often add a photo to their CV unless told "
                 "otherwise (option `jurisdictions`, default Germany and Denmark), reports a "
                 "posting that does not tell them to leave it out. Silent when the posting asks "
                 "for a photo (that is `photo-request`) or when the place is unknown.",
            why="Where photos are the norm, most applicants send one unless told not to, and "
                "the photo then invites the bias the process is meant to avoid. One sentence "
                "fixes it.",
            example="Send your CV and a short cover letter.",
            use_instead="Send your CV and a short cover letter. Please leave out your photo.",
            references=(
                "Antidiskriminierungsstelle des Bundes, 'Leitfaden für einen "
                "diskriminierungsfreien Bewerbungsprozess' (2019).",
                "Institut for Menneskerettigheder (Danish Institute for Human Rights), "
                "guidance on inclusive recruitment (2021).",
            ),
            basis="good practice",
        ),
        examples=(
            Example(_DK + "Send your CV and a short cover letter.\n", True),
            Example(_DE + "Bitte senden Sie Ihren Lebenslauf.\n", True),
            Example(_DK + "Send your CV. Please refrain from adding a photo.\n", False),
            Example("Location: Leeds, United Kingdom\n\nSend your CV.\n", False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        if not in_places(doc, options["jurisdictions"]) or photo_requests(doc):
            return
        if keyed("photo-guidance").search(doc.flowing):
            return
        start, end = doc.anchor("apply", "deadline", "contact")
        yield Violation(start, end, f"in {doc.jurisdiction} many applicants add a photo unless "
                        f"told not to; add \"{sample('photo', doc.language)}\"", located=False)


# --- privacy -------------------------------------------------------------------------------
class MissingPrivacyNotice(Rule):
    meta = RuleMeta(
        code="CMP003",
        name="missing-privacy-notice",
        category=Category.COMPLIANCE,
        severity=Severity.WARNING,
        summary="A posting in the EU/EEA or UK collects applications but says nothing about "
                "how applicant data is handled.",
        options={"jurisdictions": list(posting_setting("privacy")["jurisdictions"])},
        docs=RuleDocs(
            what="For jobs in the EU, the EEA and the UK (option `jurisdictions`), reports a "
                 "posting that collects applications but says nothing about data protection: "
                 "no privacy notice or link, no mention of GDPR/DSGVO, Datenschutz, "
                 "personoplysninger, or of how long applications are kept (\"we delete "
                 "applications after 6 months\" counts).",
            why="GDPR Art. 13 requires telling applicants, when their data is collected, who "
                "processes it, why, and for how long. The posting is where collection starts; "
                "a one-line link to the applicant privacy notice satisfies applicants and "
                "regulators.",
            example="Send your CV to jobs@example.com.",
            use_instead="Send your CV to jobs@example.com. We keep applications for six months; "
                        "see our applicant privacy notice at https://example.com/privacy.",
            references=(
                "Regulation (EU) 2016/679 (GDPR), Art. 5(1)(e) and Art. 13 (applicable since "
                "25 May 2018).",
                "UK GDPR and Data Protection Act 2018; ICO, 'Employment practices: recruitment "
                "and selection' (2023).",
            ),
            basis="legal requirement (the notice itself); in the posting: good practice",
        ),
        examples=(
            Example(_DK + "Send your CV to jobs@example.com.\n", True),
            Example(_DK + "Send your CV to jobs@example.com. Due to GDPR we delete applications "
                    "after 6 months.\n", False),
            Example(_DE + "Bewerben Sie sich online. Hinweise zum Datenschutz finden Sie auf "
                    "unserer Website.\n", False),
            Example("Location: Denver, Colorado, USA\n\nSend your CV to jobs@example.com.\n",
                    False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        if not in_places(doc, options["jurisdictions"]) \
                or not keyed("collects").search(doc.flowing):
            return
        if has_privacy_notice(doc):
            return
        start, end = doc.anchor("apply", "deadline", "contact")
        yield Violation(start, end, "the posting collects applications but says nothing about "
                        "how applicant data is handled; link the applicant privacy notice and "
                        f"say how long applications are kept{quoted('privacy', doc.language)}",
                        located=False)


def has_privacy_notice(doc: Document) -> bool:
    """A notice of how applicant data is handled: a named notice ("GDPR", "privacy
    policy"), a retention period, a data-protection section, or data-protection words in a
    sentence about applicants or with a link."""
    p = patterns()
    if keyed("privacy-notice").search(doc.flowing) or doc.sections_of("data-protection"):
        return True
    for m in keyed("privacy-words").finditer(doc.flowing):
        i = doc.sentence_index(m.start())
        if i < 0 or p["privacy-context"].search(
                doc.flowing, doc.sentences[i].start, doc.sentences[i].end):
            return True
    return False


# --- personal contact data -----------------------------------------------------------------
# A mailbox whose name says what it is for, not whose it is ("jobs@", "dhc.careers@",
# "nursing-recruitment-team@", "hrsupport@"): one of its parts is, or begins or ends with, a role
_ROLE_WORD = (r"jobs?|careers?|recruit\w*|hr|people|talent|hiring|apply|applications?|"
              r"bewerbung\w*|karriere|personal\w*|stellen|rekruttering|ansøgning\w*|info|"
              r"kontakt|contact|mail|post|office|team|support|admin\w*|enquir\w*|inquir\w*|"
              r"vacanc\w*|resourc\w*|staffing|workforce|medical|nursing|bank|service\w*|"
              r"sekretariat|secretar\w*|verwaltung|desk|help|competitions?|process\w*|"
              r"advertis\w*|postings?|staff|employ\w*|appdocs|docs|noreply|no-reply")
_ROLE_PART = re.compile(rf"^(?:{_ROLE_WORD})$|^(?:{_ROLE_WORD})[a-zæøåäöü]{{2,}}$"
                        rf"|^[a-zæøåäöü]{{2,}}(?:{_ROLE_WORD})$", re.I)


def is_role_mailbox(local: str) -> bool:
    return any(_ROLE_PART.match(p) for p in re.split(r"[._+-]", local) if p)


class PersonalContactData(Rule):
    meta = RuleMeta(
        code="CMP005",
        name="personal-contact-data",
        category=Category.COMPLIANCE,
        severity=Severity.INFO,
        summary="A named person's direct e-mail address or phone number in a public posting.",
        default_enabled=False,
        docs=RuleDocs(
            what="Reports an e-mail address made of a person's name (\"jane.doe@example.com\" "
                 "near \"Jane Doe\"; role mailboxes such as \"dhc.careers@\" are fine) or a "
                 "phone number given next to a person's name, and "
                 "suggests a role mailbox. Off by default: enable it with "
                 "`extend-select = [\"personal-contact-data\"]`.",
            why="A public posting is copied to job boards and scraped, often for years. A "
                "person's direct address attracts spam and stays online after they change "
                "roles; GDPR's data minimisation (Art. 5(1)(c)) favours a role mailbox "
                "(jobs@, recruiting@) that outlives the person. Naming the person is still "
                "good: it is the direct channel that is the risk.",
            example="Questions? Contact Jane Doe at jane.doe@example.com.",
            use_instead="Questions? Contact Jane Doe, our hiring manager, at jobs@example.com.",
            references=("Regulation (EU) 2016/679 (GDPR), Art. 5(1)(c) data minimisation and "
                        "Art. 25 data protection by design.",),
            basis="good practice",
        ),
        examples=(
            Example("Questions? Contact Jane Doe at jane.doe@example.com.\n", True),
            Example("Questions? Contact Jane Doe at jobs@example.com.\n", False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        vocab = vocabulary()
        for c in channels(doc):
            if c.kind == "email":
                if not is_role_mailbox(c.local) and _named_after_person(doc, c):
                    yield Violation(c.start, c.end, f"A person's direct address ({c.text}): a "
                                    "role mailbox (jobs@...) outlives the person and keeps "
                                    "their address off job boards")
                continue
            i = doc.sentence_index(c.start)
            if i >= 0 and names_in(doc.sentences[i].text, vocab, language=doc.language) \
                    and sum(ch.isdigit() for ch in c.text) >= 8:
                yield Violation(c.start, c.end, "a person's direct phone number in a public "
                                "posting; consider a team number")


_CAPITALISED_WORD = re.compile(r"(?<![\w@.])[A-ZÆØÅÄÖÜ][a-zæøåäöüß'’-]{2,}")


def _named_after_person(doc: Document, c: Channel) -> bool:
    """Whether an address is made of a person's name: one of the capitalised words near it
    ("Jane Doe ... jane.doe@", "Dr Philip Lawrenson ... philiplawrenson@") is in the address's
    name part, and that word is not a role or team word."""
    local = c.local.lower()
    if len(local) > 30:
        return False  # a department's compound, not a person's name
    vocab = vocabulary()
    window = doc.text[max(0, c.start - 300):c.end + 200]
    for m in _CAPITALISED_WORD.finditer(window):
        word = m.group().lower().strip("'’-")
        if len(word) >= 3 and word in local and word not in vocab.not_names \
                and not _ROLE_PART.match(word):
            return True
    return False


# --- Ontario 2026 --------------------------------------------------------------------------
def _ontario_applies(doc: Document) -> Law | None:
    law = ontario_law()
    if in_places(doc, (law.jurisdiction,)) and law.in_force(doc.today) and law.covers(doc):
        return law
    return None


def _ontario_docs(what: str, why: str, example: str, use_instead: str) -> RuleDocs:
    law = ontario_law()
    return RuleDocs(
        what=what, why=why, example=example, use_instead=use_instead,
        references=(f"{law.law}; in force {law.effective} for employers with "
                    f"{law.min_employees}+ employees. {law.source}",),
        basis="legal requirement (Ontario)",
    )


class MissingAiDisclosure(Rule):
    meta = RuleMeta(
        code="CMP010",
        name="missing-ai-disclosure",
        category=Category.COMPLIANCE,
        severity=Severity.ERROR,
        summary="Ontario: the posting does not say whether AI screens, assesses or selects "
                "applicants.",
        docs=_ontario_docs(
            "For jobs in Ontario (from 1 January 2026, employers with 25+ employees), reports "
            "a publicly advertised posting with no statement on whether artificial "
            "intelligence is used to screen, assess or select applicants. Either answer "
            "satisfies it.",
            "Ontario's Employment Standards Act requires the disclosure in every publicly "
            "advertised job posting.",
            "Apply online with your CV.",
            "Apply online with your CV. We do not use artificial intelligence to screen, "
            "assess or select applicants."),
        examples=(
            Example(_ON + "Apply online with your CV.\n", True),
            Example(_ON + "We use AI tools to screen applications.\n", False),
            Example(_ON + "Apply online with your CV.\n", False, employer_size=10),
            Example("Location: Vancouver, British Columbia, Canada\n\nApply online.\n", False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        law = _ontario_applies(doc)
        if law is None or keyed("ai-disclosure").search(doc.flowing):
            return
        start, end = doc.anchor("apply", "deadline")
        yield Violation(start, end, "Ontario postings must say whether AI is used to screen, "
                        f"assess or select applicants{quoted('ai', doc.language)}; Employment "
                        "Standards Act job-posting rules, since 2026-01-01"
                        + law.size_note(doc), located=False)


class MissingVacancyStatus(Rule):
    meta = RuleMeta(
        code="CMP011",
        name="missing-vacancy-status",
        category=Category.COMPLIANCE,
        severity=Severity.ERROR,
        summary="Ontario: the posting does not say whether it is for an existing vacancy.",
        docs=_ontario_docs(
            "For jobs in Ontario (from 1 January 2026, employers with 25+ employees), reports "
            "a posting that does not state whether it is for an existing vacancy. A pipeline "
            "or talent-pool posting must say that there is no current vacancy.",
            "Applicants spend hours on applications for roles that do not exist; Ontario now "
            "requires postings to say so.",
            "Join our talent pool for future engineering roles.",
            "Join our talent pool. This posting is not for an existing vacancy; we will "
            "contact you when a matching role opens."),
        examples=(
            Example(_ON + "Join our talent pool for engineering roles.\n", True),
            Example(_ON + "This posting is for an existing vacancy.\n", False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        law = _ontario_applies(doc)
        if law is None or keyed("vacancy-status").search(doc.flowing):
            return
        start, end = doc.anchor("apply", "deadline")
        yield Violation(start, end, "Ontario postings must say whether they are for an "
                        f"existing vacancy{quoted('vacancy', doc.language)}; Employment "
                        "Standards Act job-posting rules, since 2026-01-01"
                        + law.size_note(doc), located=False)


# --- Germany: gender marker ----------------------------------------------------------------
def job_title(doc: Document) -> tuple[int, int, str] | None:
    """The posting's title: the first heading, else the first line (front matter `title`
    cannot be pointed at, so the text's own title is preferred)."""
    for block in doc.blocks:
        if block.kind == "heading" or block is doc.blocks[0]:
            if len(block.text) <= 120:
                return block.start, block.end, block.text
            return None
    return None


class MissingGenderMarker(Rule):
    meta = RuleMeta(
        code="CMP013",
        name="missing-gender-marker",
        category=Category.COMPLIANCE,
        severity=Severity.WARNING,
        summary="A German job title without \"(m/w/d)\" or another inclusive form.",
        options={"jurisdictions": ["DE", "AT"]},
        docs=RuleDocs(
            what="For postings in German, wherever the job is, and for jobs in Germany and "
                 "Austria (option `jurisdictions`), reports a job "
                 "title that names a person with a German masculine noun (Entwickler, "
                 "Bauleiter, Kaufmann) without \"(m/w/d)\", \"(w/m/d)\", \"(all genders)\", a "
                 "gender star or colon form (\"Entwickler:in\") or both forms (\"Kaufmann/-frau\","
                 " \"Kauffrau oder Kaufmann\"), and one that names only women (Bürokauffrau, "
                 "Erzieherin). Neutral nouns (Fachkraft, Leitung, Aushilfe) and "
                 "English titles (Software Engineer) are not gendered and need none. A "
                 "warning citing the AGG where the job is in Germany or Austria, or the place "
                 "is unknown; info for a German posting elsewhere (Switzerland has no such "
                 "law, but the masculine title still reads as one for men).",
            why="The General Equal Treatment Act (AGG) forbids advertising a job for one sex "
                "(s. 11 with s. 7); a masculine title alone (\"Entwickler\") is read as such, "
                "and courts have awarded compensation to rejected applicants. Since the 2018 "
                "ruling on a third positive gender entry, \"(m/w/d)\" is the usual form.",
            example="Softwareentwickler",
            use_instead="Softwareentwickler (m/w/d)",
            references=(
                "Allgemeines Gleichbehandlungsgesetz (AGG, 2006) ss. 7, 11, 15.",
                "Bundesverfassungsgericht, 1 BvR 2019/16 (10 October 2017), and the 2018 "
                "amendment of the Personenstandsgesetz (s. 22(3), 'divers').",
            ),
            basis="legal requirement (AGG s. 11)",
        ),
        examples=(
            Example("# Softwareentwickler\n\n" + _DE + "Wir suchen Verstärkung.\n", True),
            Example("# Softwareentwickler (m/w/d)\n\n" + _DE + "Wir suchen Verstärkung.\n", False),
            Example("# Pflegefachkraft\n\n" + _DE + "Wir suchen Verstärkung.\n", False),
            Example("# Softwareentwickler\n\n" + _DK + "Vi søger en udvikler.\n", False),
            Example("# Bürokaufmann/-frau\n\n" + _DE + "Wir suchen Verstärkung.\n", False),
            Example("# Mitarbeiter/in im Vertrieb\n\n" + _DE + "Wir suchen dich.\n", False),
            Example("# Stellenangebot 12/2026\n\n" + _DE + "Wir suchen Verstärkung.\n", False),
            Example("# Senior Software Engineer\n\n" + _DE + "We are hiring.\n", False),
            Example("# Bürokauffrau in Teilzeit\n\n" + _DE + "Wir suchen Verstärkung.\n", True),
            Example("# Erzieherin\n\n" + _DE + "Wir suchen Verstärkung für die Kita.\n", True),
            Example("# Erzieherin (m/w/d)\n\n" + _DE + "Wir suchen Verstärkung.\n", False),
            Example("# Kauffrau oder Kaufmann im Einzelhandel\n\n" + _DE
                    + "Wir suchen Verstärkung.\n", False),
            Example("# Termin- und Medizinmanagement-Team\n\n" + _DE
                    + "Wir suchen Verstärkung.\n", False),
            Example("# Bauleiter Hochbau\n\n" + _DE + "Wir suchen Verstärkung.\n", True),
            Example("# Bauleiter Hochbau\n\nWir suchen Verstärkung für unsere Baustellen.\n",
                    True),  # German, place unknown
            Example("# Bauleiter Hochbau\n\nStandort: Zürich, Schweiz\n\nWir suchen "
                    "Verstärkung für unsere Baustellen.\n", True),  # German, elsewhere: info
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        german = doc.language == "de"
        in_law = in_places(doc, options["jurisdictions"])
        if not (german or in_law):
            return
        title = job_title(doc)
        if title is None:
            return
        start, end, text = title
        p = patterns()
        if p["gender-marker"].search(text) or p["neutral-titles"].search(text):
            return
        feminine = not p["masculine-titles"].search(text)
        if feminine and not p["feminine-titles"].search(text):
            return  # no German noun for a person: "Stellenangebot", "Tech Lead, Android"
        if feminine:  # "Bürokauffrau", "Erzieherin": for women only
            yield Violation(start, end, f"the job title \"{text}\" names only women; add "
                            "\"(m/w/d)\" or name both forms"
                            + (" (AGG s. 11)" if in_law or doc.jurisdiction is None else ""),
                            severity=None if german and (in_law or doc.jurisdiction is None)
                            else Severity.INFO)
            return
        if in_law or doc.jurisdiction is None:
            yield Violation(start, end, f"the job title \"{text}\" has no inclusive form; add "
                            "\"(m/w/d)\"" + ("" if german else " (or \"(m/f/d)\")")
                            + " (AGG s. 11)", severity=None if german else Severity.INFO)
        else:  # a German posting for a job elsewhere: no AGG, the same reading
            yield Violation(start, end, f"the job title \"{text}\" names only men; add "
                            "\"(m/w/d)\" or use a neutral form", severity=Severity.INFO)
