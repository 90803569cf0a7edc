"""Compliance rules: places, dates, thresholds, the seeds, and the labelled postings."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from jdlint.checks.compliance import has_privacy_notice
from jdlint.cli import cli
from jdlint.document import Document
from jdlint.model import FileResult, Severity
from jdlint.pay import amount_value, find_pay, salary

from .conftest import ROOT, SHARED

Lint = Callable[..., FileResult]
ON = "Location: Toronto, Ontario, Canada\n\n"
DK = "Location: Aarhus, Denmark\n\n"


def names(result: FileResult) -> list[str]:
    return sorted({d.name for d in result.diagnostics})


@pytest.mark.parametrize(("text", "value"), [
    ("$80,000", 80000), ("48.000 Euro", 48000), ("90k", 90000), ("DKK 34.000", 34000),
    ("€23,50", 23.5), ("1 200 000 kr.", 1200000), ("£32,000", 32000),
])
def test_amount_values(text: str, value: float) -> None:
    assert amount_value(text) == value


@pytest.mark.parametrize(("text", "kind", "low", "high"), [
    ("Salary: $52,000 - $60,000 per year.", "range", 52000, 60000),
    ("Ein Jahresgehalt zwischen 65.000 und 80.000 Euro.", "range", 65000, 80000),
    ("En månedsløn på 34.000-38.000 kr.", "range", 34000, 38000),
    ("Salary: 50 - 65K EUR", "range", 50000, 65000),
    ("Salary: up to $95,000 per year.", "open-max", None, 95000),
    ("Jahresgehalt ab 50.000 Euro.", "open-min", 50000, None),
    ("Vergütung nach TV-L E13.", "grade", None, None),
    ("W2-Professur für Betriebswirtschaft", "grade", None, None),  # Besoldung W2
    ("Vergütung nach Haustarifvertrag.", "grade", None, None),
    # a Danish state agreement as universities word it in English
    ("Salary and terms of employment are in accordance with the agreement between the "
     "Ministry of Finance and the Danish Confederation of Professional Associations.",
     "grade", None, None),
    # no currency, but a period or a pay word beside the figures
    ("The role pays 98,000 - 121,000 a year.", "range", 98000, 121000),
    ("Paid 21.40 - 26.10 per hour.", "range", 21.4, 26.1),
    ("Salary: £41,300 up to £47,900.", "range", 41300, 47900),
    ("Base salary up to£52,500 depending on experience.", "open-max", None, 52500),
    ("Total packages up to £95K for the right person.", "open-max", None, 95000),
    # an open end with the words UK adverts put beside pay
    ("Up to £45k DOE", "open-max", None, 45000),
    ("Up to £28,000 pro rata", "open-max", None, 28000),
    # "pounds" as money: no weight spoken of around it
    ("The salary is 30,000 - 34,000 pounds per year.", "range", 30000, 34000),
    ("You will be paid up to 28,000 pounds a year.", "open-max", None, 28000),
    # a minimum written after the amount, and one whose period says it is pay
    ("Salary: $80,000+ DOE", "open-min", 80000, None),
    ("Pay: $25+/hour", "open-min", 25, None),
    ("Pay: $20/hr and up", "open-min", 20, None),
    ("Salary: $60,000 and above", "open-min", 60000, None),
    ("Gehalt: 50.000 € und mehr", "open-min", 50000, None),
    ("Starting at $20 an hour", "open-min", 20, None),
    # ... not a figure with something added to it
    ("Salary: $80k+ bonus", "amount", 80000, 80000),
    # thousands as "Tsd." or "T€", a period after the first end, "Euro" read whole
    ("Jahresgehalt von 55 bis 65 Tsd. Euro", "range", 55000, 65000),
    ("Gehalt: 55-65 T€ p.a.", "range", 55000, 65000),
    ("Pay: $25.50/hr - $30.00/hr", "range", 25.5, 30),
    ("Pay: $20/hour + tips", "amount", 20, 20),
])
def test_pay_found(text: str, kind: str, low: float | None, high: float | None) -> None:
    (pay,) = find_pay(Document.from_source("p.txt", text))
    assert (pay.kind, pay.low, pay.high) == (kind, low, high)


@pytest.mark.parametrize("text", [
    "3-5 years of experience.", "A company of 51-200 employees and paid relocation.",
    "Up to 30 days of holiday per year.", "An interest-free commuter loan of up to £10,000.",
    "We are 400 people in 12 countries.", "Competitive salary and great benefits.",
    # "pounds" as a weight, however near a pay word
    "Paid role; you must lift and carry weights of 20-45 pounds.",
    "Paid experience driving a truck of over 12,000 pounds gross vehicle weight.",
    "Competitive pay. Able to lift up to 50 pounds.",
    "We raised $5 million a year ago.", "Members: 500+ companies.",
])
def test_not_pay(text: str) -> None:
    assert find_pay(Document.from_source("p.txt", text)) == []


@pytest.mark.parametrize(("text", "roles"), [
    # money attached to an allowance, a bonus, relocation... is not the pay
    ("Salary: up to £41,000 + £3k joining payment.", [("up to £41,000", "pay"), ("£3k", "other")]),
    ("A relocation allowance of up to £6,500 and a salary of £39,000.",
     [("up to £6,500", "other"), ("£39,000", "pay")]),
    ("Salary £52,000; we also offer a home-office stipend up to $900.",
     [("£52,000", "pay"), ("up to $900", "other")]),
    ("A Night Supplement of 10% of the basic salary (a minimum of £2,100 to a maximum of £3,050).",
     [("a minimum of £2,100 to a maximum of £3,050", "other")]),
    ("- Relocation support, paid as a lump sum\n  - Moving over 50 miles: up to £3,000\n",
     [("up to £3,000", "other")]),
    ("Gehalt ab 51.000 €, dazu ein Fahrtkostenzuschuss: bis zu 40 € im Monat.",
     [("ab 51.000 €", "pay"), ("bis zu 40 €", "other")]),
])
def test_money_roles(text: str, roles: list[tuple[str, str]]) -> None:
    found = find_pay(Document.from_source("p.txt", text))
    assert [(p.text, p.role) for p in found] == roles


@pytest.mark.parametrize(("text", "ranges"), [
    # bands joined by slashes, and a band number before a range, are not one range
    ("Band 6/7 - £33,100 - £40,600/ £41,700 - £47,600 per annum",
     [(33100, 40600), (41700, 47600)]),
    ("Band 5 - £26,000 - £31,500 per annum", [(26000, 31500)]),
    ("Opened 03-14-2019. Salary: $61,000 - $70,000", [(61000, 70000)]),
])
def test_bands_are_ranges_of_their_own(text: str, ranges: list[tuple[float, float]]) -> None:
    found = find_pay(Document.from_source("p.txt", text))
    assert [(p.low, p.high) for p in found if p.kind == "range"] == ranges


@pytest.mark.parametrize(("text", "expected"), [
    ("Salary: up to $95,000 a year.\n", ["open-ended-pay-range"]),
    ("Salary: $80,000 - $95,000 a year, and a sign-on bonus up to $5,000.\n", []),
    ("Salary: $80,000 - $95,000 a year; earn up to $110,000 with overtime.\n", []),
    ("We pay for your commute: up to $150 a month in transit passes.\n", ["open-ended-pay-range"]),
    ("Transit passes: a commuter subsidy up to $150 a month.\n", []),
])
def test_open_ended_pay_reads_roles(lint: Lint, text: str, expected: list[str]) -> None:
    assert names(lint(text, select=("open-ended-pay-range",))) == expected


@pytest.mark.parametrize(("text", "grades"), [
    # a band or an agreement is the job's pay in a heading, a short facts line, beside pay
    # words or said of the post
    ("# Staff Nurse (Band 5)\n\nJoin our ward.\n", ["Band 5"]),
    ("Staff Nurse | Band 5 depending on experience | Leeds | Full time, days only, weekends\n",
     ["Band 5"]),
    ("Salary and conditions in accordance with the joint agreement for state employees.\n",
     ["joint agreement"]),
    ("Vergütung nach A 13.\n", ["A 13"]),
    # ...not a requirement, the team's make-up or a duty
    ("You must have substantial experience at Band 6 level within an acute setting, ideally "
     "in critical care or a high dependency unit.\n", []),
    ("Our locality teams include Band 5 and Band 4 staff in a skill mix that serves children "
     "and families across the county.\n", []),
    ("Advise managers on applying legislation, policies and Collective Agreements consistently "
     "across all of the regional service delivery teams.\n", []),
    ("This is a 12 month secondment with a 12 hour shift pattern.\n", []),
])
def test_grades_of_the_job(text: str, grades: list[str]) -> None:
    found = find_pay(Document.from_source("p.md", text))
    assert [p.text for p in found if p.kind == "grade"] == grades


@pytest.mark.parametrize("text", [
    "Wealth management is a $545 billion industry, and we raised $30M in funding.",
    "Our capital programme spends $1.5 billion per year.",
    "## Benefits\n\n- Free mental health care ($550/year)\n- Gym reimbursement ($400/year)\n",
])
def test_company_size_and_benefit_values_are_not_pay(text: str) -> None:
    assert salary(Document.from_source("p.md", text)) == []


def test_pay_under_a_salary_and_benefits_heading_is_pay() -> None:
    text = "## Salary & Benefits\n\nWe offer up to £41,000pa for this vacancy, and more.\n"
    assert [p.text for p in salary(Document.from_source("p.md", text))] == ["up to £41,000"]


def test_currency_less_us_range_satisfies_pay_laws(lint: Lint) -> None:
    co = "Location: Denver, Colorado, USA\n\n"
    assert names(lint(co + "The range is 120,000 - 150,000 a year.\n",
                      select=("missing-pay-range",))) == []
    assert names(lint(co + "Hourly: 24.00 - 29.50 per hour.\n",
                      select=("missing-pay-range",))) == []
    assert names(lint(co + "Relocation allowance up to $5,000.\n",
                      select=("missing-pay-range",))) == ["missing-pay-range"]


@pytest.mark.parametrize(("line", "quoted"), [
    ("Full time | Salary: DOE | Hybrid", "Salary: DOE"),
    ("Compensation: Competitive, with bonus", "Compensation: Competitive, with bonus"),
    ("Base salary range: to be discussed", "Base salary range: to be discussed"),
    ("Gehalt: nach Vereinbarung", "Gehalt: nach Vereinbarung"),
])
def test_missing_pay_range_points_at_a_pay_label_without_a_figure(lint: Lint, line: str,
                                                                  quoted: str) -> None:
    """Where the posting has a pay label with no figure after it, that is where the figure
    belongs: the finding points there and quotes it."""
    co = "Location: Denver, Colorado, USA\n\nMarketing Lead\n\n"
    (d,) = lint(co + line + "\n\nApply online.\n", select=("missing-pay-range",)).diagnostics
    assert d.line == 5 and d.message.startswith(f'"{quoted}" gives no pay figure')
    assert d.excerpt is not None


def test_missing_pay_range_without_a_pay_label_points_at_the_posting(lint: Lint) -> None:
    co = "Location: Denver, Colorado, USA\n\nMarketing Lead\n\n"
    (d,) = lint(co + "We pay well: ask us.\n\nApply online.\n",
                select=("missing-pay-range",)).diagnostics
    assert d.line == 1 and d.message.startswith("No pay figure or range")
    assert d.excerpt is None


def test_unknown_jurisdiction_keeps_place_rules_silent(lint: Lint) -> None:
    text = "# Engineer\n\nCompetitive salary. Send your CV with a photo to jobs@example.com.\n"
    assert names(lint(text, select=("CMP",))) == ["photo-request"]
    assert "missing-pay-range" in names(lint(text, select=("CMP",), jurisdiction="US-CO"))


def test_effective_dates_and_employer_size(lint: Lint) -> None:
    text = ON + "Apply online at https://example.ca by 1 March 2030.\n"
    rules = ("missing-ai-disclosure", "missing-vacancy-status", "missing-pay-range")
    assert names(lint(text, select=rules)) == sorted(rules)
    before = lint(text, select=rules, today=date(2025, 12, 31)).diagnostics
    assert [(d.name, d.severity) for d in before] == [("missing-pay-range", Severity.WARNING)]
    assert names(lint(text, select=rules, employer_size=24)) == []
    (d,) = lint(text, select=("missing-pay-range",)).diagnostics
    assert d.severity == Severity.ERROR and "25 or more employees" in d.message
    (d,) = lint(text, select=("missing-pay-range",), employer_size=40).diagnostics
    assert "employer-size" not in d.message


def test_eu_pay_duty_coming_is_a_warning_and_user_severity_wins(lint: Lint) -> None:
    text = DK + "Send your CV to jobs@example.dk.\n"
    (d,) = lint(text, select=("missing-pay-range",)).diagnostics
    assert d.severity == Severity.WARNING and "2023/970" in d.message
    (d,) = lint(text, select=("missing-pay-range",),
                severity=(("missing-pay-range", Severity.INFO),)).diagnostics
    assert d.severity == Severity.INFO


def test_colorado_deadline_is_an_error(lint: Lint) -> None:
    text = "Location: Denver, Colorado, USA\n\nApply online at https://example.com.\n"
    (d,) = lint(text, select=("missing-deadline",)).diagnostics
    assert d.severity == Severity.ERROR and "Colorado" in d.message
    (d,) = lint(text, select=("missing-deadline",), jurisdiction="US-TX").diagnostics
    assert d.severity == Severity.WARNING


def test_ontario_range_cap(lint: Lint) -> None:
    wide = ON + "Salary: CAD 60,000 - 130,000 per year.\n"
    (d,) = lint(wide, select=("pay-range-too-wide",)).diagnostics
    assert d.severity == Severity.ERROR and "50,000" in d.message
    (d,) = lint(wide, select=("pay-range-too-wide",), jurisdiction="GB").diagnostics
    assert d.severity == Severity.INFO  # only the good-practice ratio elsewhere


@pytest.mark.parametrize(("text", "found"), [
    ("Please attach your CV, a recent photograph and your date of birth.",
     ["photo-request", "sensitive-data-request"]),
    ("In your CV please include a personal photo and your family status.",
     ["photo-request", "sensitive-data-request"]),
    ("We hire regardless of age, religion, nationality or family status.", []),
    ("Please leave photos, age and marital status out of your CV.", []),
    ("You will build an app where users upload photos from their phones.", []),
    ("You must be an EU citizen or hold a valid work permit.", []),
    ("Bitte senden Sie Ihre Unterlagen ohne Foto und ohne Angaben zum Familienstand.", []),
    ("Vedhæft venligst ikke billede til dit CV.", []),
    # a photo of the applicant, said as such; a photo the work attaches is none
    ("Vedlæg gerne et foto af dig selv.", ["photo-request"]),
    ("Bitte fügen Sie ein aktuelles Foto bei.", ["photo-request"]),
    ("You will attach photos to customer tickets.", []),
    ("Auf ein Bewerbungsfoto verzichten wir bewusst.", []),
    # the words other postings use: "mit Bild", "Passbild", "vedhæft ... billede af dig selv"
    ("Bitte senden Sie Ihren Lebenslauf mit Bild.", ["photo-request"]),
    ("Bitte fügen Sie ein Passbild bei.", ["photo-request"]),
    ("Vedhæft gerne et billede af dig selv.", ["photo-request"]),
    ("Include a picture of yourself.", ["photo-request"]),
    ("Machen Sie sich ein Bild von unserem Team.", []),
    ("Our report includes a picture of the market.", []),
    ("Please state your current salary.", ["pay-history-question"]),
    ("Please state your salary expectations.", []),
])
def test_request_rules(lint: Lint, text: str, found: list[str]) -> None:
    rules = ("photo-request", "sensitive-data-request", "pay-history-question")
    assert names(lint(text, select=rules)) == found


def test_gender_marker_german_titles_only(lint: Lint) -> None:
    de = ("# Vertriebsmitarbeiter\n\nStandort: Köln, Deutschland\n\n"
          "Wir suchen Verstärkung für unser Team.\n")
    (d,) = lint(de, select=("missing-gender-marker",)).diagnostics
    assert d.severity == Severity.WARNING
    # an English title is not gendered; AGG s. 11 is about masculine German nouns
    en = "# Sales Manager\n\nLocation: Cologne, Germany\n\nWe are looking for a sales manager.\n"
    assert lint(en, select=("missing-gender-marker",)).diagnostics == ()
    for title in ("Vertriebsmitarbeiter (m/w/d)", "Vertriebsmitarbeiter:in", "Teamleitung Vertrieb",
                  "Sales Manager (all genders)", "Kauffrau oder Kaufmann im Einzelhandel"):
        assert lint(de.replace("Vertriebsmitarbeiter", title, 1),
                    select=("missing-gender-marker",)).diagnostics == (), title


def test_json_reports_unknown_jurisdiction(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Cook\n\nWe need a cook.\n", "utf-8")
    out = CliRunner().invoke(cli, ["check", str(tmp_path), "--isolated", "--format", "json",
                                   "--fail-on", "never"]).output
    (entry,) = json.loads(out)["files"]
    assert entry["jurisdiction"] is None


SEEDS = sorted((SHARED / "seeds").glob("*.txt"))


@pytest.mark.skipif(not SEEDS, reason="../shared/seeds is not beside the project")
def test_seed_compliance_findings(lint: Lint) -> None:
    wanted = ("missing-pay-range", "missing-ai-disclosure", "missing-vacancy-status",
              "missing-photo-guidance", "missing-privacy-notice", "photo-request")
    got = {p.name[:3]: names(lint(p.read_text("utf-8"), str(p), select=wanted)) for p in SEEDS}
    assert got == {
        "000": ["missing-ai-disclosure", "missing-pay-range", "missing-vacancy-status"],
        "001": ["missing-pay-range", "missing-photo-guidance"],
        "002": ["missing-pay-range", "missing-photo-guidance", "missing-privacy-notice"],
        "003": ["missing-pay-range", "missing-privacy-notice"],
    }
    severities = {p.name[:3]: {d.severity for d in lint(p.read_text("utf-8"), str(p),
                                                         select=("missing-pay-range",)).diagnostics}
                  for p in SEEDS}
    assert severities["000"] == {Severity.ERROR} and severities["002"] == {Severity.WARNING}


LABELS = yaml.safe_load((ROOT / "benchmarks" / "labelled" / "labels.yaml").read_text("utf-8"))


@pytest.mark.parametrize("name", sorted(LABELS["files"]))
def test_labelled_postings(lint: Lint, name: str) -> None:
    path = ROOT / "benchmarks" / "labelled" / name
    result = lint(path.read_text("utf-8"), str(path), select=tuple(LABELS["measured"]))
    assert names(result) == sorted(LABELS["files"][name])


@pytest.mark.skipif(not SEEDS, reason="../shared/seeds is not beside the project")
def test_seed_wording_expectations(lint: Lint) -> None:
    """"craftsmen" (seed 001) is a gendered term; "Master's degree", "execution" and
    "German" are nobody's finding, whatever rules are on."""
    for path in SEEDS:
        text = path.read_text("utf-8")
        result = lint(text, str(path), select=("ALL",))
        quoted = [text_of(text, d) for d in result.diagnostics]
        for word in ("Master", "execution", "German"):
            assert not any(word in q for q in quoted), (path.name, word, quoted)
        if path.name.startswith("001"):
            assert any(d.name == "gendered-term" and "craftsmen" in d.message
                       for d in result.diagnostics)


def text_of(text: str, d) -> str:  # type: ignore[no-untyped-def]
    lines = text.splitlines()
    if d.line != d.end_line or d.line > len(lines):
        return ""
    return lines[d.line - 1][d.column - 1:d.end_column - 1]


@pytest.mark.parametrize("text", [
    "With your application you consent to the processing of your personal data.",
    "Mit Ihrer Bewerbung erteilen Sie Ihr Einverständnis zur Verarbeitung Ihrer persönlichen "
    "Daten bis zum Abschluss des Verfahrens.",
    "Die Bewerbungsunterlagen werden nach Abschluss des Verfahrens gelöscht.",
    "Should your application be unsuccessful, your data will be destroyed after 6 months.",
    "Weitere datenschutzrechtliche Infos: siehe Link.",
    "## Datenschutz\n\nSiehe unsere Website.\n",
    # retention in the plural, how the data is used, in each language
    "We retain unsuccessful applications for 12 months and then delete them.",
    "How we use your information: https://example.com/recruitment-privacy",
    "Informationen zur Verarbeitung Ihrer Daten finden Sie unter https://example.com/ds.",
    "Læs om hvordan vi behandler dine data på https://example.com/data.",
    # retention said of the documents first; how the applicant's data is handled
    "Applications are retained for 12 months.",
    "Your CV will be kept for six months.",
    "Read how we handle applicant data at https://example.com/candidates.",
])
def test_privacy_notice_found(text: str) -> None:
    assert has_privacy_notice(Document.from_source("p.md", text + "\n"))


@pytest.mark.parametrize("text", [
    "Wir digitalisieren medizinische Kommunikation datenschutzkonform.",
    "We are a software company with 22 years of experience in data protection.",
    "You will advise clients on personal data in their products.",
    "You will process customer data for our sales teams.",
    "Du skal behandle patienternes data.",
    "Records are kept for 7 years by the finance team you will support.",
    "You will learn how we handle customer data in our CRM.",
])
def test_privacy_words_about_the_business_are_no_notice(text: str) -> None:
    assert not has_privacy_notice(Document.from_source("p.md", text + "\n"))


def test_a_statement_of_what_is_done_with_the_data_is_a_notice() -> None:
    text = ("If you are a licensed physician, your name, address and any payments we make will "
            "be reported to the government.\n")
    assert has_privacy_notice(Document.from_source("p.md", text))


def test_each_amount_of_a_long_sentence_takes_the_money_word_nearest_before_it() -> None:
    # (read once per sentence: they were read from the sentence's start at each amount)
    parts = []
    for k in range(40):
        parts += [f"relocation support of £{1000 + k},", f"a salary of £{30000 + k} - £{40000 + k}",
                  f"per year, then a bonus of £{500 + k}"]
    text = "Senior Nurse\n\nWe offer " + ", ".join(parts) + ".\n"
    found = find_pay(Document.from_source("p.txt", text))
    roles = {p.text.split()[0].rstrip(","): p.role for p in found}
    assert roles["£1000"] == "other" and roles["£500"] == "other"
    assert roles["£30000"] == "pay" and roles["£30039"] == "pay" and roles["£1039"] == "other"
    assert sum(p.role == "pay" for p in found) == 40


@pytest.mark.parametrize(("text", "language", "sample"), [
    ("# Sachbearbeiter (m/w/d)\n\nWir suchen Verstärkung für unser Team in Mainz. Bewerben "
     "Sie sich bis zum 15.01.2027 online.\n", "de", "Bitte verzichten Sie auf ein Foto"),
    ("# Sygeplejerske\n\nVi søger en sygeplejerske til vores afdeling i Aarhus. "
     "Ansøgningsfrist: 15. januar 2027.\n", "da", "Vedlæg venligst ikke et foto"),
    (DK + "# Nurse\n\nJoin our ward team. Apply by 15 January 2027.\n", "en",
     "Please leave your photo out of your CV"),
])
def test_the_photo_sentence_to_add_is_in_the_postings_language_and_read_as_one(
        lint: Lint, text: str, language: str, sample: str) -> None:
    result = lint(text, select=("missing-photo-guidance",))
    assert result.language == language
    (d,) = result.diagnostics
    assert f'"{sample}"' in d.message
    assert not lint(f"{text}\n{sample}.\n", select=("missing-photo-guidance",)).diagnostics


@pytest.mark.parametrize(("text", "says"), [
    ("In your e-mail, please include the last four digits of your social security number.",
     "after the offer, through a secure channel"),
    ("Send venligst din ansøgning med dit CPR-nummer.", "databeskyttelsesloven § 11"),
    ("Please include your date of birth in your CV.", "; remove the request."),
    # the right to work is the advice for nationality only, in the job's country
    ("Location: Leeds, UK\n\nPlease state your nationality in your CV.",
     "ask instead whether they have the right to work in the UK"),
])
def test_an_identity_number_asked_for_gets_its_own_advice(lint: Lint, text: str,
                                                           says: str) -> None:
    (d,) = lint(text, select=("sensitive-data-request",)).diagnostics
    assert says in d.message
    assert ("right to work" in d.message) == ("nationality" in text)


@pytest.mark.parametrize(("notice", "triggers"), [
    # a retention notice hard-wrapped over two lines is one sentence
    ("Die Unterlagen nicht berücksichtigter Bewerbungen werden nach Ablauf von sechs Monaten\n"
     "nach Ende des Verfahrens vernichtet.", False),
    ("Wir freuen uns auf Ihre Bewerbung und auf ein persönliches Gespräch mit Ihnen\n"
     "in unserem Haus.", True),
    # ... but a paragraph break ends it
    ("Die Unterlagen nicht berücksichtigter Bewerbungen werden nach Ablauf von sechs Monaten\n\n"
     "nach Ende des Verfahrens vernichtet.", True),
])
def test_a_privacy_notice_wrapped_over_lines_counts(lint: Lint, notice: str,
                                                   triggers: bool) -> None:
    text = ("# Referent (m/w/d)\n\nArbeitsort: Magdeburg\n\nBewerben Sie sich bis zum 15.01.2030 "
            "per E-Mail an bewerbung@example.de.\n\n" + notice + "\n")
    found = names(lint(text, select=("missing-privacy-notice",), today=date(2029, 1, 1)))
    assert (found == ["missing-privacy-notice"]) == triggers


@pytest.mark.parametrize("guidance", [
    "Auf ein Bewerbungsfoto verzichten wir bewusst.",  # the word for leaving out comes after
    "Bitte sehen Sie von einem Foto ab.",
])
def test_photo_guidance_in_either_order_counts(lint: Lint, guidance: str) -> None:
    text = ("# Referent (m/w/d)\n\nArbeitsort: Mainz\n\nBewerben Sie sich bis zum 15.01.2030 "
            "per E-Mail an bewerbung@example.de.\n\n" + guidance + "\n")
    assert not lint(text, select=("missing-photo-guidance",)).diagnostics


@pytest.mark.parametrize(("title", "flagged"), [
    ("Projektmanager", True),  # a German compound: masculine as it stands
    ("Produktmanager (m/w/d)", False),
    ("Projektmanager*in", False),
    ("Product Manager", False),  # an English title names no German noun
])
def test_a_german_compound_with_an_english_loan_noun_is_a_masculine_title(
        lint: Lint, title: str, flagged: bool) -> None:
    text = f"# {title}\n\nStandort: Berlin, Deutschland\n\nWir suchen Verstärkung für unser Team.\n"
    assert bool(lint(text, select=("missing-gender-marker",)).diagnostics) == flagged



@pytest.mark.parametrize(("title", "flagged"), [
    # a title for women only breaks the same law as one for men only
    ("Bürokauffrau", True), ("Erzieherin", True), ("Psychologin", True),
    ("Krankenschwester in der Notaufnahme", True), ("Ärztin in Weiterbildung", True),
    ("ErzieherIn", False), ("Erzieher*in", False), ("Erzieherin (m/w/d)", False),
    ("Kauffrau oder Kaufmann im Einzelhandel", False),
    # words that end as feminine nouns do but name no person
    ("Terminplanung und Medizincontrolling im Team", False), ("Latin teacher", False),
])
def test_a_german_title_for_women_only(lint: Lint, title: str, flagged: bool) -> None:
    text = f"# {title}\n\nStandort: Berlin, Deutschland\n\nWir suchen Verstärkung für unser Team.\n"
    found = lint(text, select=("missing-gender-marker",)).diagnostics
    assert bool(found) == flagged, found
    assert all("names only women" in d.message for d in found)


_WA = "Location: Seattle, WA\n\nPay: $40 - $45 an hour.\n\n"


@pytest.mark.parametrize("text", [
    "Benefits: medical, dental and vision insurance.",
    "We match 401(k) contributions up to 4%.",
    "You get 15 days of paid time off and paid holidays.",
    "Eligible for an annual bonus and stock options.",
    "Salary + bonus + equity + benefits.",
    "Plus tips and a shift differential for nights.",
    "This temporary role is not eligible for benefits.",
    "Health care coverage starts on day one.",
    # a link to a public page that describes them (Illinois and Colorado accept it)
    "Learn about our benefits at https://example.com/careers.",
    "What we offer: https://example.com/careers/benefits",
])
def test_benefits_described(lint: Callable[..., FileResult], text: str) -> None:
    assert lint(_WA + text + "\n", select=("missing-benefits-description",)).diagnostics == ()


@pytest.mark.parametrize("text", [
    "Competitive benefits and a great team.",
    "We value diversity, equity and inclusion.",
    "Knowing Go is a bonus.",
    "Our lab is accredited by the Commission on Accreditation of Rehabilitation Facilities.",
    "You will process medical records and insurance claims.",
])
def test_benefits_not_described(lint: Callable[..., FileResult], text: str) -> None:
    (d,) = lint(_WA + text + "\n", select=("missing-benefits-description",)).diagnostics
    assert d.severity == Severity.ERROR and "RCW 49.58.110" in d.message


def test_benefits_description_is_asked_only_where_the_law_is_in_force(
        lint: Callable[..., FileResult]) -> None:
    text = "Location: Chicago, IL\n\nPay: $40 - $45 an hour.\n"
    select = ("missing-benefits-description",)
    assert lint(text, select=select, today=date(2024, 12, 31)).diagnostics == ()
    assert len(lint(text, select=select, today=date(2025, 1, 1)).diagnostics) == 1
    assert lint("Location: Austin, TX\n\nPay: $40 - $45 an hour.\n",
                select=select).diagnostics == ()


@pytest.mark.parametrize(("words", "federal"), [
    # USAJOBS's own labels, or two of a federal posting's words: state law does not bind
    ("Pay scale & grade: GS 12.", True),
    ("Federal employees may apply. Males born after 12/31/1959 must be registered for "
     "Selective Service.", True),
    # one alone is also a state's, and a contractor's "federal clients" are not its employer
    ("Males born after 12/31/1959 must be registered for Selective Service.", False),
    ("We build software for federal agencies and their clients.", False),
])
def test_a_us_federal_posting_is_not_held_to_state_posting_laws(
        lint: Lint, words: str, federal: bool) -> None:
    text = (f"# IT Specialist\n\nLocation: Lakewood, CO\n\n{words}\n\nApply at "
            "https://example.gov/jobs/1. Questions: Pat Rivera, 303-555-0147.\n")
    found = {d.name for d in lint(text, select=("missing-pay-range", "missing-deadline",
                                                "missing-benefits-description")).diagnostics}
    if federal:  # (no state law asks; the deadline is still missing, as anywhere)
        assert found == {"missing-deadline"}
        (d,) = lint(text, select=("missing-deadline",)).diagnostics
        assert "Colorado" not in d.message
    else:
        assert found == {"missing-pay-range", "missing-deadline", "missing-benefits-description"}


_ON_POSTING = ("# Analyst\n\nLocation: Toronto, ON\nSalary: $70,000 - $85,000 per year\n\n"
               "Apply at https://example.ca/jobs/1.\n\n")


@pytest.mark.parametrize(("words", "missing"), [
    ("The role is now vacant. Artificial intelligence is not used to screen applicants.", []),
    # "Your new role" heads the duties: it says nothing of a vacancy
    ("Your new role\n\nYou will plan the budget. AI: not used.", ["missing-vacancy-status"]),
    ("This posting is not for a current vacancy. No AI is used.", []),
    ("The position is vacant. AI: not used.", []),
    # "no AI experience", "vacant shifts": neither statement
    ("No AI experience needed. You will fill vacant shifts across the team.",
     ["missing-ai-disclosure", "missing-vacancy-status"]),
])
def test_ontario_statements_in_short_forms(lint: Lint, words: str, missing: list[str]) -> None:
    found = lint(_ON_POSTING + words + "\n",
                 select=("missing-ai-disclosure", "missing-vacancy-status")).diagnostics
    assert sorted(d.name for d in found) == missing
