"""Required elements: deadline, expiry, ambiguous dates, contact, how to apply; and the seeds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from jdlint.model import FileResult

from .conftest import SHARED

Lint = Callable[..., FileResult]


def names(result: FileResult) -> list[str]:
    return [d.name for d in result.diagnostics]


def test_missing_deadline_anchors_at_apply_heading(lint: Lint) -> None:
    text = "# Engineer\n\nBuild things.\n\n## How to apply\n\nApply online at https://x.io.\n"
    (d,) = [d for d in lint(text, select=("missing-deadline",)).diagnostics]
    assert (d.line, d.column) == (5, 4)


@pytest.mark.parametrize("text", [
    "Apply now! We start interviews soon.",
    "Start: as soon as possible. Posted 2026-01-10.",
    "Deadline for applications: ASAP",
    # a shop's or a book's closing, an office open until a time: no application deadline
    "We are closing the books on 5 January 2027.",
    "Our office is open until 5pm on weekdays.",
    # the day it was advertised, a licence's expiry: no deadline
    "Advertised on 1 December 2026.",
    "Your driving licence expires on 1 March 2027? Renew it before you start.",
    # a line before the date that is no deadline's label
    "Start date\nJanuary 12, 2027",
    "We were founded in Hamilton.\nJanuary 12, 2027",
    # a contract's end is no deadline
    "---\nend-date: 2027-12-31\n---\nApply now.",
    # a link is one word, not a way past the sentence's end
    "Apply at https://careers.example.org/jobs. Our offices close on 24 December 2026.",
    # a mailbox open until a date, a contract until a date: no deadline
    "Email us with any questions. Our support desk is staffed until 23 December 2026.",
    "Apply at https://careers.example.org/jobs. This is a fixed-term contract until 31 March 2028.",
])
def test_missing_deadline_triggers(lint: Lint, text: str) -> None:
    assert "missing-deadline" in names(lint(text, select=("missing-deadline",)))


@pytest.mark.parametrize("text", [
    "---\ndeadline: 2027-01-01\n---\nApply now.",
    # the front matter's other names for it
    "---\ncloses: 2027-01-01\n---\nApply now.",
    "---\nApplications_Close: 2027-01-01\n---\nApply now.",
    "---\nexpires: 2027-01-01\n---\nApply now.",
    "Applications will be considered on an ongoing basis until the position is filled.",
    # a deadline's label that says there is none
    "Closing date: Continuous. The first review of applications is on 4 January 2027.",
    "Deadline: ongoing",
    "Bewerbungsfrist: laufend",
    "Ansøgninger behandles løbende.",
    # labels: "Closing:", "Closes:", "Open until:", an applicant tracking system's end date
    "Closing: 5th Jan 2027",
    "Closes: 5 January 2027",
    "Open until: 2027-01-05",
    "Job Posting End Date: 2027-01-05",
    # a period from the opening to the closing day: its end is the deadline
    "Open & closing dates: 12/01/2026 to 01/15/2027",
    "Opening and closing dates: December 1, 2026 - January 15, 2027",
    "Closing dates: 15 January 2027",
    "Ausschreibungszeitraum: 01.12.2026 bis 15.01.2027",
    "Ansøgningsperiode: 1. december 2026 - 15. januar 2027",
    # the day the advert ends
    "Advertised until: 2027-01-06",
    "Posting expires: January 6, 2027",
    "Stellenanzeige gültig bis 31.01.2027",
    "Stellenausschreibung endet am 15.01.2027.",
    "Opslaget udløber 6. januar 2027",
    # a label on its own line, the date on the next (a table read cell by cell, a board's
    # details scraped to text)
    "Location\nHamilton, ON\nClosing date\nJanuary 12, 2027\nContact\nChris Wong",
    "**Application deadline**\n\n12/01/2027",
    "Bewerbungsfrist\n31.01.2027",
    # a long link or a mailbox between the cue's words reads as one word
    "Apply through https://careers.example.org/vacancies/2026/senior-analyst-finance-team "
    "before 15 January 2027.",
    "Please send your application to recruitment.finance.team@example.org by 15 January 2027.",
    # an abbreviation's stop inside the sentence ends no cue
    "Please send your resume to Dr. Kevin Osei at k.osei@example.ca by February 1, 2027.",
    "Send applications to St. Anne's Clinic, Human Resources, by 1 February 2027.",
    # the ways papers go, with no "apply" or "send" in the sentence
    "Email your CV to jobs@example.co.uk by 20 January 2027",
    "Upload your résumé and two references before February 3, 2027.",
    "CVs with a short cover note are accepted until 31 January 2027.",
])
def test_missing_deadline_satisfied(lint: Lint, text: str) -> None:
    assert names(lint(text, select=("missing-deadline",))) == []


def test_deadline_in_an_html_table_row(lint: Lint) -> None:
    text = ("<html><body><h1>Library Assistant</h1><table><tr><th>Closing date</th>"
            "<td>January 12, 2026</td></tr></table></body></html>")
    assert names(lint(text, "posting.html", select=("missing-deadline", "expired-deadline"),
                      today=date(2026, 12, 7))) == ["expired-deadline"]


def test_expired_deadline_names_date_and_uses_latest(lint: Lint) -> None:
    text = "Early round: apply by 1 March 2026. Final deadline: 1 December 2026.\n"
    assert names(lint(text, select=("expired-deadline",))) == []
    result = lint(text, select=("expired-deadline",), today=date(2026, 12, 2))
    (d,) = result.diagnostics
    assert "1 December 2026" in d.message and d.data and d.data["deadline"] == "2026-12-01"


def test_open_and_closing_dates_expire_at_their_end(lint: Lint) -> None:
    text = "Open & closing dates: 11/02/2026 to 12/15/2026\n"
    assert names(lint(text, select=("expired-deadline",), jurisdiction="US-CO",
                      today=date(2026, 12, 7))) == []
    (d,) = lint(text, select=("expired-deadline",), jurisdiction="US-CO",
                today=date(2026, 12, 16)).diagnostics
    assert d.data and d.data["deadline"] == "2026-12-15"


@pytest.mark.parametrize(("text", "place", "found"), [
    # a day and month right after a cue, no year: the deadline, its year told or asked for
    ("Apply by 1/15", "US-TX", ["ambiguous-date"]),
    ("Closing date: 15/01", "GB", ["ambiguous-date"]),
    ("Posted 11/20/2026. Apply by 1/15.", "US-TX", []),
    # not a deadline: "24/7", a fraction with no cue
    ("Deadline: 24/7 support", "US-TX", ["missing-deadline"]),
    ("We offer 24/7 support and 1/2 days on Fridays.", "US-TX", ["missing-deadline"]),
])
def test_a_yearless_day_and_month_after_a_cue(lint: Lint, text: str, place: str,
                                              found: list[str]) -> None:
    rules = ("missing-deadline", "ambiguous-date", "expired-deadline")
    assert names(lint(text + "\n", select=rules, jurisdiction=place,
                      today=date(2026, 12, 7))) == found


@pytest.mark.parametrize(("text", "found"), [
    # a calendar week after a cue: its last day is the deadline
    ("Bewerbungsfrist: KW 3/2027", []),
    ("Bewerbungsschluss ist die 3. KW 2027.", []),
    ("Bewerbungsfrist: KW 45/2026", ["expired-deadline"]),  # ended Sunday 8 November 2026
    # a week that is no deadline's, or none at all
    ("Wir planen den Start in KW 3/2027.", ["missing-deadline"]),
    ("Bewerbungsfrist: KW 60/2027", ["missing-deadline"]),
])
def test_a_calendar_week_after_a_cue(lint: Lint, text: str, found: list[str]) -> None:
    rules = ("missing-deadline", "expired-deadline")
    assert names(lint(text + "\n", select=rules, today=date(2026, 12, 7))) == found


def test_expired_deadline_reported_once_when_pasted_twice(lint: Lint) -> None:
    text = "Deadline: 1 March 2025.\n\nMore text here.\n\nDeadline: 1 March 2025.\n"
    assert names(lint(text, select=("expired-deadline",))) == ["expired-deadline"]


def test_ambiguous_date_message_names_both_readings(lint: Lint) -> None:
    (d,) = lint("Closing date: 03/04/2026\n", select=("ambiguous-date",),
                jurisdiction="US-CO").diagnostics
    assert "3 April 2026 (day first)" in d.message and "March 4" not in d.message
    assert "4 March 2026 (month first)" in d.message
    assert "read it as 4 March 2026 because the job is in US-CO" in d.message
    assert (d.column, d.end_column) == (15, 25)


@pytest.mark.parametrize("text", [
    "Contact Jane Doe (jane.doe@example.com) with questions.",
    "Questions? Call +49 30 1234567.",
    "Ihre Ansprechpartnerin ist Frau Weber.",
    "## Contact\n\nJane Doe, Engineering Manager\n",
    "If you have questions, you are welcome to contact Anna.",
    "For further information, please contact Associate Professor <NAME> <NAME>.",
    "---\ncontact: Jane Doe\n---\nText.",
    "Du er velkommen til at ringe til Mette Hansen på tlf. 70 20 30 40.",
    # a lead-in ending in ":" with the person on the next lines
    "Role\n\nFor questions about the post please contact:\n\nPriya Raman\nWard Sister\n",
    # a team number in the place's national format, no "tel." before it
    "Location: Bristol, UK\n\nTo talk it through, ring the Nights Team on 0117 496 0345.",
    "Location: Bristol, UK\n\nPlease telephone Owen Pryce (Charge Nurse) on 01174960345.",
    "Standort: Leipzig\n\nBei Rückfragen erreichen Sie uns telefonisch bei Herrn Albers-Ott "
    "unter 015112345678.",
    # label and value lines
    "Recruiter Name: Dana Whitfield\nPhone Number: 415-555-0143\n",
    # a contact paragraph under an equality heading
    "Our commitment to equality\n\nFor informal visits contact: Lee Marsh, Lead Nurse, at "
    "lee.marsh@example.org",
    "Ansprechpartnerin: Anna Weber",
    "Noch Fragen? Kontaktieren Sie Frau Dr. Weber.",
    "Questions about the role? Contact Priya Raman or visit our careers site.",
    # a label for the person to ask
    "Recruiter: Dana Whitfield",
    "Hiring manager: Priya Raman",
    # the person in charge of filling the post, named ("responsible for" is no duty here)
    "Frau Dr. Ada Beispiel ist für diese Stellenbesetzung verantwortlich.",
    "Priya Raman is the recruiter responsible for this role.",
    "Mette Hansen er ansvarlig for rekrutteringen.",
    # a short question, answered by the next sentence; a role before the name
    "Haben Sie Fragen? Dann melden Sie sich gerne bei Frau Dr. Weber.",
    "Du er velkommen til at kontakte souschef Ole Olsen for yderligere oplysninger.",
    "You are welcome to contact our head nurse Priya Raman with any questions.",
    # a lead-in's lines, or a contact section, that name a person
    "For an informal discussion please contact:\n\nJason Okafor - Ward Leader\n\nMia Holt "
    "- Deputy Ward Leader\n",
    "## Contact\n\nNameHelen ByrneJob titleRecruitment Manager\n",
    "## Further information\n\nJean Hollis, Community Services Manager\n",
    # questions someone answers
    "Feel free to send us questions at talent@example.com.",
    # a mailbox for the application itself
    "Send a copy of your CV and cover letter to careers@example.org.",
    "Questions about the post may be directed to Mira Lindqvist, Ward Manager.",
    "For further questions please ask Tomas Berg, Head of Finance.",
    # where to send the application, in the paragraph that says how long it is kept
    "Please send your CV to Siobhan Reilly at siobhan.reilly@example.ie by 28 January 2027. "
    "We keep applications for six months, as our privacy notice says.",
])
def test_contact_found(lint: Lint, text: str) -> None:
    assert names(lint(text, select=("missing-contact",))) == []


@pytest.mark.parametrize("text", [
    "Apply online at https://careers.example.com.",
    "For more information about Customer Care, visit https://example.com.",
    "Our team includes Customer Care, Medical Information and Grants.",
    "Feel free to contact the HR Department with questions.",
    "We will contact you as soon as possible.",
    "Read more at <CONTACT>.",
    # mailboxes and numbers that are for something else
    "If you need an adjustment because of a disability, email access@example.com.",
    "Recruitment agencies: please do not send CVs to talent@example.com.",
    "Requisition ID 5550123456X",
    # contact words that offer no one to ask
    "Over 900 people call Springfield Falls home.",
    "You enjoy translating Business Questions into Data Models.",
    # a duty, not the person in charge of this post
    "You are responsible for the recruitment of new staff.",
    "Questions? We will answer them at the open day.",
    "You will contact new customers Monday to Friday.",
    "On-Call Rates are paid for weekend cover.",
    "We design the right Customer Contact and Channel Strategy for Retail Brands.",
    "For more information, please visit the Acme Transparency Reporting Site.",
    "## Technical help contact\n\nEmail: portal.help@example.org\n",
    "Als Support Manager bist du erste Anlaufstelle bei Technischen Fragen unserer Kunden.",
    "Our recruiter will call the candidates we shortlist.",
    "If you need an adjustment to apply, email access@example.org. We are an equal "
    "opportunity employer.",
    # one form's drop box
    "Applicants may e-mail a copy of the completed VWE form, including the signatures, to "
    "per.docs@example.gov.",
    "Copies of licences must be sent to licence.drop@example.org.",
    # a "More information" lead-in or section that goes on about sites and terms
    "More information:\n\nPlease visit Why Northfield College to learn about Campus Life.\n",
    "## More information\n\nThe post works across HMP Ashdown Hall and HMP Kestrel. Offers "
    "are subject to Acme Health Group Terms and Conditions.\n",
    # questions that are a test's, a form's or a duty's, beside capitalised words
    "The written test has multiple choice questions on Electrical Construction Plans.",
    "List your courses in the Supplemental Questions Section of the City Application.",
    "You will answer their questions and help Data Scientists and Product Owners.",
])
def test_contact_missing(lint: Lint, text: str) -> None:
    assert names(lint(text, select=("missing-contact",))) == ["missing-contact"]


@pytest.mark.parametrize("text", [
    "Apply via https://example.com/jobs/1.",
    'Click on "Apply now" and attach your CV.',
    "Send your application to jobs@example.com.",
    "Please submit your online application no later than 1 May 2026.",
    "Bewerben Sie sich jetzt über unser Portal.",
    "Send din ansøgning til os.",
    "---\napply-url: https://example.com\n---\nText.",
    # words about applying with a channel beside them
    "To apply, send a short cover letter and your CV to careers@example.org.",
    "## How to apply\n\nUse the orange button at the bottom of this page.\n",
    "- Please use the following link to apply for this job:\n- https://example.org/j/77\n",
    "Please submit a copy of your CV via our recruitment site.",
    "Interested? Please send a PDF copy of your resume to hiring@example.net.",
    "Submit Resume To: https://example.org/careers/4411",
    "If you would like to discuss the role, please leave your details below.",
    # an invitation to write with a mailbox just before or after it
    "Lust mitzumachen?\nOle: ole@example.de\nMELDE DICH GERNE\nBEI UNS.\n",
    "Wenn du Interesse hast, dann schreibe mir unter:\nteam@example.de\n",
    # a mailbox named for applications, an obfuscated address, a portal, a postal address
    "Mehmet Aksoy\nTalent Scout\nbewerbung_koeln@example.de\n",
    "Ihre Bewerbung schicken Sie bitte bis zum 1. März 2026 an jobs(at)example.de.",
    "Laden Sie alles bis zum **15. März 2026** in das Bewerbungsportal (Schaltfläche unten).",
    "## Application instructions\n\n### Apply to\n\nHuman Resources\nWinnipeg, MB\nR3B 2A9\n",
    "Ihre Bewerbung richten Sie bitte unter Angabe der Reg.-Nr.\n4-11/26 an jobs@example.de.",
    "Ihre Unterlagen (Lebenslauf, Zeugnisse) senden Sie bitte ausschließlich online über das "
    "Bewerbungsmanagementsystem.",
    # a postal address is a channel; a Danish passive
    "Ihre Bewerbung richten Sie bitte an: Muster GmbH, Personalabteilung, Musterstr. 1, "
    "55116 Mainz",
    "Ansøgning sendes via linket nedenfor.",
    # a job platform named as the way in, or the reference to quote
    "For more information or to apply, please use NHS Jobs quoting the vacancy reference.",
    "To apply, please quote reference 4711 in your covering letter.",
    # forwarding one's resume, applying in person, a mailbox where resumes are accepted
    "Interested candidates should forward their resume to hr@example.com.",
    "Qualified applicants may apply in person at 12 High Street, Leeds.",
    "Resumes accepted at jobs@example.com.",
    "Interessiert? Schick uns deine Unterlagen an jobs@example.de.",
    # the papers sent to a named person's mailbox; a candidate told to send them
    "Bitte senden Sie Ihre Unterlagen an Frau Lindqvist, lindqvist@example.de.",
    "Interested candidates should email their CV and cover letter to talent@example.com.",
    "Candidates must submit a resume to careers@example.org by the closing date.",
    # a portal or careers site named beside words about applying, no link given; the
    # closing invitation at the end of the profile section is no requirement
    "Für Ihre Bewerbung nutzen Sie bitte unser Online-Bewerberportal.",
    "## Ihr Profil\n\n- Studium der Chemie\n\nWenn Sie uns unterstützen möchten, freuen wir "
    "uns über Ihre Bewerbung bis zum 15.01.2027 über das Onlineportal an Frau Prof. Lind.",
    "We look forward to receiving your application through our careers site.",
    # sent to someone by name whose mailbox the posting gives elsewhere
    "[lena.brandt@example.de]\n\nIhre Unterlagen senden Sie bitte bis zum 15.1.2027 unter "
    "Angabe der Kennziffer an Prof. Dr. Lena Brandt, Fachbereich Chemie.",
    "Apply on line via Trac or NHS Jobs.",
    # an instruction in the paragraph
    "Bitte senden Sie Ihre Bewerbung ohne Foto über unser Karriereportal. Hinweise zum "
    "Datenschutz finden Sie unter www.example.de/datenschutz.",
    "Please submit your application through our careers site. Read our applicant privacy "
    "notice at https://example.com/privacy.",
    # a site named without "https://" or "www."
    "Apply with your CV (no cover letter needed) at lumora.example.de/careers by 31 January.",
    "Please apply with your CV at careers.example.com.",
])
def test_apply_found(lint: Lint, text: str) -> None:
    assert names(lint(text, select=("missing-apply-instructions",))) == []


@pytest.mark.parametrize("text", [
    "We look forward to hearing from you.",
    "You will build cloud applications and apply machine learning.",
    "Apply today and make a difference for patients.",
    # "apply" that is a skill, an invitation or boilerplate, not an instruction
    "Requirements\n\n- Ability to apply statistics to messy data sets online and offline.\n",
    "Speakers of French and English are equally welcome to apply.",
    "You will design and develop applications using Python and modern cloud services.",
    "If we have not replied within 21 days after submitting your application, assume you "
    "were not shortlisted.",
    "We strongly suggest that you apply at an early stage.",
    "Dann bewirb dich jetzt. Und finde heraus, ob das hier dein nächster Schritt ist.",
    "Read how we process applications prior to submitting your application form.",
    "If you need an adjustment to apply, email access@example.org and we will help.",
    "Graduates due to finish their studies this summer are encouraged to apply.",
    "Recruitment agencies: please do not submit your candidates' CVs to hr@example.org.",
    # an agency clause is boilerplate by its own words, wherever it stands
    "We are an equal opportunity employer. Agencies may not submit CVs to our hiring managers "
    "via https://example.com/jobs.",
    "Ihre Bewerbung richten Sie bitte an die Personalabteilung.",  # no channel named
    "We share our news on LinkedIn. You will quote prices to customers.",
    "You will forward the applications to the hiring manager.",
    "Sie reichen Ihre Unterlagen bei der Krankenkasse ein.",
    # a name whose mailbox the posting does not give
    "[lena.brandt@example.de]\n\nIhre Unterlagen senden Sie bitte an Prof. Dr. Tom Weiss.",
    # the form is no way in, nor a profile on a platform, nor software
    "Please state your preferred hours on your application form.",
    "Dann schick uns deinen Lebenslauf und dein LinkedIn-Profil.",
    "You will complete the build of our digital application system for passports.",
    # the candidate sends things in the job, not their application
    "The successful candidate will send weekly reports to finance@example.com.",
    "Candidates must be able to review CVs; questions go to team@example.com.",
    # a site named is no page to apply on; a library's name is no site
    "You will maintain the gov.uk services people use when applying for a visa.",
    "Apply your skills with socket.io and Node.js in our chat product.",
])
def test_apply_missing(lint: Lint, text: str) -> None:
    assert names(lint(text, select=("missing-apply-instructions",))) == [
        "missing-apply-instructions"]


SEEDS = sorted((SHARED / "seeds").glob("*.txt"))


@pytest.mark.skipif(not SEEDS, reason="../shared/seeds is not beside the project")
def test_seed_findings(lint: Lint) -> None:
    wanted = ("missing-deadline", "expired-deadline", "missing-contact", "duplicate-block")
    got = {p.name[:3]: sorted(set(names(lint(p.read_text("utf-8"), str(p), select=wanted))))
           for p in SEEDS}
    assert got == {
        "000": ["duplicate-block", "expired-deadline", "missing-contact"],
        "001": ["duplicate-block", "expired-deadline", "missing-contact"],
        "002": ["expired-deadline"],
        "003": ["expired-deadline"],
    }
    dup = [d for d in lint(SEEDS[0].read_text("utf-8"), select=("duplicate-block",)).diagnostics]
    assert len(dup) == 1 and "whole posting" in dup[0].message


@pytest.mark.parametrize(("text", "flagged"), [
    # the posting's own dates as a document: posted, opened, revised, a form's footer
    ("Open date: 06/09/2027\n", []),
    ("Posted 03/04/2027 by the recruiting team.\n", []),
    ("Revised: 06-01-2027\n", []),
    ("Class code 1590 . . . . . . . . . . 06-01-27\n", []),
    ("Form HR-12 . . . . . . . . Rev. 02-04-27\n", []),
    # dates an applicant acts on, the nearest cue deciding
    ("Open date: 06/09/2027. Closing date: 07/10/2027.\n", ["07/10/2027"]),
    ("Closing date . . . . . . . . 03/04/2027\n", ["03/04/2027"]),
    ("Start date: 05/06/2027\n", ["05/06/2027"]),
    ("We will hold an open day on 03/04/2027 in the library.\n", ["03/04/2027"]),
])
def test_ambiguous_dates_are_the_ones_applicants_act_on(lint: Lint, text: str,
                                                        flagged: list[str]) -> None:
    found = lint(text, select=("ambiguous-date",), jurisdiction="GB").diagnostics
    assert [d.message.split()[0] for d in found] == flagged



def test_the_lists_searched_over_whole_postings_are_keyed() -> None:
    """A list of required.yaml whose matches begin with no known words is tried at every
    character of what it searches: only those searched in one sentence or a cue's prefix may
    be so (a "questions" cue keyed on "for" and "your", and the deadline cues searched over a
    whole posting, each once cost a third of a posting's check)."""
    import dataclasses

    from jdlint.document.words import KeyedPattern
    from jdlint.elements import vocabulary

    vocab = vocabulary()
    unkeyed = {f.name for f in dataclasses.fields(vocab)
               if isinstance(p := getattr(vocab, f.name), KeyedPattern) and p.keys is None}
    # the deadline cues read a date's sentence before it; the channels one sentence
    assert unkeyed <= {"deadline_strong", "deadline_weak", "channel", "named_channel"}
