"""Required elements: an application deadline that has not passed, a contact, how to apply."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from ..dates import format_date
from ..document import Document
from ..document.language import NAMES as LANGUAGE_NAMES
from ..elements import apply_instructions, contact, deadlines, document_date
from ..facts import deadline_law
from ..model import Category, Example, RuleDocs, RuleMeta, Severity, Violation
from ..rule import Rule
from ..samples import quoted

_TODAY = date(2026, 11, 22)
_BODY = ("# Data Engineer\n\nYou will build and run our data platform.\n\n"
         "## How to apply\n\nApply online at https://jobs.example.com/4711.\n")
_CONTACT_LINE = "Questions about the role? Contact Mette Lund, +45 70 20 30 40.\n"


class MissingDeadline(Rule):
    meta = RuleMeta(
        code="REQ001",
        name="missing-deadline",
        category=Category.REQUIRED,
        severity=Severity.WARNING,
        summary="No application deadline, and no statement that applications are reviewed "
                "on a rolling basis.",
        docs=RuleDocs(
            what="Looks for an application deadline: a date after a cue such as "
                 "\"deadline\", \"closing date\", \"apply by\", \"no later than\", "
                 "\"Bewerbungsfrist\", \"Bewerbungsschluss\", \"ansøgningsfrist\" or "
                 "\"senest\", the first date under a Deadline heading, or a `deadline` key "
                 "in front matter. A start date, a posting date, \"apply now\" or \"as soon "
                 "as possible\" is not a deadline. A statement that applications are "
                 "reviewed on a rolling basis, until the position is filled (\"laufend\", "
                 "\"bis zur Besetzung\", \"løbende\") also satisfies the rule.",
            why="Applicants plan around the deadline, and without one they cannot tell a "
                "live posting from a forgotten one. In Colorado the posting law requires "
                "the date (see the compliance rules); elsewhere it is the first thing "
                "recruiters are asked.",
            example="Send us your CV and a short motivation. We look forward to hearing "
                    "from you!",
            use_instead="Apply by 15 March 2030. We review applications as they arrive "
                        "and may close the posting early.",
            references=(
                "Colorado Equal Pay for Equal Work Act, C.R.S. 8-5-201(2)(b) and 7 CCR "
                "1103-13 Rule 4.2 (2024): postings must state the application deadline.",
                "Danish Agency for Digital Government, 'Gode råd om stillingsopslag' "
                "(guidance for public employers): state the application deadline.",
            ),
            basis="good practice (a legal requirement in Colorado)",
        ),
        examples=(
            Example(_BODY, True),
            Example(_BODY + "\nThe position starts on 1 April 2026.\n", True),
            Example(_BODY, True, jurisdiction="US-CO"),
            Example(_BODY + "\n## Deadline\n\n15 March 2026\n", False, today=date(2026, 1, 1)),
            Example(_BODY + "\nWe review applications on a rolling basis.\n", False),
            Example("Bewerbungsfrist: 15. Januar 2026\n\nWir freuen uns auf Sie.\n", False),
            Example("Ansøgningsfrist: 1. december 2025\n\nVi glæder os til at høre fra dig.\n",
                    False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        info = deadlines(doc)
        if info.deadlines or info.rolling:
            return
        start, end = doc.anchor("deadline", "apply")
        message = (f"no application deadline: add one"
                   f"{quoted('deadline', doc.language, doc.today)} or say "
                   f"that applications are reviewed on a rolling basis"
                   f"{quoted('rolling', doc.language)}")
        law = deadline_law(doc)
        if law is None:
            yield Violation(start, end, message, located=False)
            return
        yield Violation(start, end, f"{message}; {law.law} requires the date the application "
                        "window is expected to close", severity=Severity.ERROR,
                        data={"law": law.law}, located=False)


class ExpiredDeadline(Rule):
    meta = RuleMeta(
        code="REQ002",
        name="expired-deadline",
        category=Category.REQUIRED,
        severity=Severity.ERROR,
        summary="The application deadline has passed.",
        docs=RuleDocs(
            what="Compares the posting's application deadline with the lint date "
                 "(`--today`, config `today`, else the real date). For a range (\"open for "
                 "applications from 29.05.2024 - 29.10.2024\") the end counts. When a posting "
                 "names several deadlines, the latest counts. A day and month without a year "
                 "(\"31.10.\") takes the year of the nearest dated mention.",
            why="A posting with a past deadline is either stale (and misleads applicants) or "
                "about to be republished with the old date: both are mistakes worth "
                "stopping in CI.",
            example="Application deadline: 1 March 2024",
            use_instead="Application deadline: 1 March 2027",
            references=("jdlint's own rule; dates in EN/DE/DA formats are listed in "
                        "`tests/test_dates.py`.",),
            basis="good practice",
        ),
        examples=(
            Example("Application deadline: 1 March 2024\n", True, today=_TODAY),
            Example("Open for applications from 29.05.2024 - 29.10.2024.\n", True, today=_TODAY),
            Example("Application deadline: 1 March 2027\n", False, today=_TODAY),
            Example("Bewerbungsfrist bis 31.01.2027\n", False, today=_TODAY),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        dated = [d for d in deadlines(doc).deadlines if d.value is not None]
        if not dated:
            return
        latest = max(d.value for d in dated if d.value is not None)
        if latest >= doc.today:
            return
        first = next(d for d in dated if d.value == latest)
        when = format_date(latest)
        if first.range_start is not None:
            message = (f"the application period {format_date(first.range_start)} to {when} "
                       f"ended on {when}")
        else:
            where = " (front matter)" if first.from_meta else ""
            message = f"the application deadline {when}{where} has passed"
        message += f" (today is {format_date(doc.today)}); update the date or unpublish the posting"
        yield Violation(first.start, first.end, message,
                        data={"deadline": latest.isoformat(), "today": doc.today.isoformat()})


class AmbiguousDate(Rule):
    meta = RuleMeta(
        code="REQ003",
        name="ambiguous-date",
        category=Category.REQUIRED,
        severity=Severity.WARNING,
        summary="A date that reads two ways (03/04/2026: day-first or month-first) or a "
                "deadline without a year.",
        docs=RuleDocs(
            what="Flags dates written with slashes or dashes whose day and month are both 12 "
                 "or less, so that they read as two different days; not the posting's own "
                 "dates as a document (\"Open date:\", \"Posted\", \"Revised:\", the date "
                 "at the end of a form's footer line of dots), which no applicant acts on. The "
                 "message gives both "
                 "readings and the one jdlint chose: month-first for jobs in the US (and "
                 "English-language postings in Canada), day-first elsewhere. Dotted dates "
                 "(03.04.2026) are day-first everywhere and are not flagged. Also flags a "
                 "deadline written without a year (\"Closing date: 19th November\") when the "
                 "posting's own dates (published, start, interviews) do not tell the year.",
            why="Postings travel: a US applicant reads 03/04/2026 as 4 March, a Danish one as "
                "3 April. A deadline misread by a month loses applicants.",
            example="Closing date: 03/04/2026",
            use_instead="Closing date: 3 April 2026 (or 2026-04-03)",
            references=("ISO 8601-1:2019, Date and time: representations for information "
                        "interchange.",),
            basis="good practice",
        ),
        examples=(
            Example("Closing date: 03/04/2026\n", True),
            Example("Closing date: 3 April 2026\n", False),
            Example("Closing date: 25/04/2026\n", False),
            Example("Bewerbungsfrist: 03.04.2026\n", False),
            # the posting's own dates as a document: no applicant acts on them
            Example("Open date: 03/04/2026\n\nClass code 1234 . . . . . . 05/06/2026 Rev. "
                    "07/08/2026\n", False),
            Example("Since 1 April 2011 we have grown.\n\nClosing date: 19th November\n", True),
            Example("Closing date: 19th November\n\nInterviews: 4 December 2026\n", False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        info = deadlines(doc)
        for dl in info.deadlines:
            if dl.value is None and not dl.from_meta:
                yield Violation(dl.start, dl.end, f"the deadline \"{dl.text}\" has no year, "
                                "and the posting's own dates (published, start, interviews) "
                                "do not tell it; write the year")
        where = doc.jurisdiction or "unknown"
        for d in info.dates:
            if not d.ambiguous or d.readings is None or document_date(doc, d):
                continue  # (the day it was posted or revised: no applicant acts on it)
            dmy, mdy = d.readings
            chosen = dmy if info.day_first else mdy
            why = (f"the job is in {where}" if doc.jurisdiction else
                   f"the posting is in {LANGUAGE_NAMES.get(doc.language, doc.language)} and "
                   "its place is unknown")
            text = d.text.split()[-1] if d.range_start is not None else d.text
            yield Violation(
                d.end - len(text), d.end,
                f"{text} reads as {format_date(dmy)} (day first) or {format_date(mdy)} (month "
                f"first); jdlint read it as {format_date(chosen)} because {why}; write "
                f"\"{format_date(chosen)}\" or {chosen.isoformat()}",
                data={"day-first": dmy.isoformat(), "month-first": mdy.isoformat(),
                      "chosen": chosen.isoformat()},
            )


class MissingContact(Rule):
    meta = RuleMeta(
        code="REQ004",
        name="missing-contact",
        category=Category.REQUIRED,
        severity=Severity.WARNING,
        summary="No named person, e-mail address or phone number for questions about the role.",
        docs=RuleDocs(
            what="Looks for someone applicants can ask: a named person in a contact sentence "
                 "or section (\"contact Jane Doe\", \"Ihre Ansprechpartnerin: Frau Weber\", "
                 "\"kontakt Mette Lund\"; the lines after a lead-in ending in \":\"), an "
                 "e-mail address, a phone number (in the format of the job's country, read "
                 "with libphonenumber), or a `contact` key in front matter. A careers-site "
                 "link or \"apply online\" alone is not a contact, nor is a mailbox or number "
                 "given only for disability adjustments, for agencies or for data protection.",
            why="A named contact is one of the strongest signals of a real, staffed vacancy. "
                "Applicants with questions about accessibility, part-time or relocation need "
                "someone to ask before they apply; without one, many do not apply.",
            example="Apply online through our careers site.",
            use_instead="Questions about the role? Contact Jane Doe, Engineering Manager, at "
                        "+45 70 20 30 40.",
            references=("Danish Agency for Digital Government, 'Gode råd om stillingsopslag': "
                        "name a contact person for questions.",),
            basis="good practice",
        ),
        examples=(
            Example(_BODY, True),
            Example(_BODY + "\nFor further information, visit https://example.com/careers.\n",
                    True),
            Example(_BODY + "\n" + _CONTACT_LINE, False),
            Example(_BODY + "\nQuestions? Write to jobs@example.com.\n", False),
            Example("## Ihre Ansprechpartnerin\n\nFrau Anna Weber, Personalabteilung\n", False),
            Example("Har du spørgsmål, så kontakt Mette Lund.\n", False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        if contact(doc) is not None:
            return
        start, end = doc.anchor("contact", "apply", "deadline")
        yield Violation(start, end, "no contact for questions: name a person (or a team "
                        f"mailbox) and how to reach them{quoted('contact', doc.language)}",
                        located=False)


class MissingApplyInstructions(Rule):
    meta = RuleMeta(
        code="REQ005",
        name="missing-apply-instructions",
        category=Category.REQUIRED,
        severity=Severity.WARNING,
        summary="The posting does not say how to apply.",
        docs=RuleDocs(
            what="Looks for how to apply: a link or mailbox in a sentence about applying, "
                 "\"click Apply\", \"apply online\", \"submit your application\", \"Bewerben "
                 "Sie sich über...\", \"søg stillingen\", \"send din ansøgning\", an \"How to "
                 "apply\" section with a link, or an `apply-url` key in front matter.",
            why="A posting copied to a job board, an intranet or a PDF loses the careers-site "
                "button; the text has to say how to apply on its own.",
            example="We look forward to hearing from you!",
            use_instead="Apply online at https://jobs.example.com/4711 with your CV.",
            references=("jdlint's own rule.",),
            basis="good practice",
        ),
        examples=(
            Example("# Data Engineer\n\nYou will build our data platform.\n", True),
            Example("# Data Engineer\n\nWe look forward to hearing from you!\n", True),
            Example(_BODY, False),
            Example("Bewerben Sie sich bitte über unser Karriereportal.\n"
                    "Senden Sie uns Ihre Bewerbung über https://example.com.\n", False),
            Example("Søg stillingen via linket herunder.\n", False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        if apply_instructions(doc) is not None:
            return
        start, end = doc.anchor("apply", "deadline", "contact")
        yield Violation(start, end, "the posting does not say how to apply: give a link, a "
                        f"mailbox or the button to use{quoted('apply', doc.language)}",
                        located=False)
