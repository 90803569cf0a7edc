"""Pay transparency: a figure or range where the law asks for one, and ranges worth the name."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..document import Document
from ..elements import load_pattern
from ..facts import Law, benefits_law, benefits_laws, pay_law, pay_laws
from ..model import Category, Example, RuleDocs, RuleMeta, Severity, Violation
from ..pay import salary
from ..rule import Rule
from ..samples import quoted

_ON = "Location: Toronto, Ontario, Canada\n\n"
_CO = "Location: Denver, Colorado, USA\n\n"
_DE = "Standort: Mainz, Deutschland\n\n"


#: A pay label whose value gives no figure: "Salary: DOE", "Compensation: Competitive",
#: "Gehalt: nach Vereinbarung", "Løn: efter aftale" (up to the line's end or a "|" that
#: separates it from the next detail): where a finding about the missing figure points.
_PAY_LABEL_WITHOUT_FIGURE = re.compile(
    r"(?<![\w-])(?:(?:base\s+|annual\s+|starting\s+)?(?:salary|pay|wages?|compensation|"
    r"remuneration)(?:\s+range)?|gehalt|vergütung|entgelt|bezahlung|løn|lønforhold)"
    r"[ \t]*:[ \t]*[^\d\s|·•$€£][^\d\n|·•$€£]{0,59}?(?=[ \t]*(?:[|·•]|$))", re.I | re.M)


def _pay_label_without_figure(doc: Document) -> tuple[int, int] | None:
    """The span of the first pay label that names no figure, if any."""
    m = _PAY_LABEL_WITHOUT_FIGURE.search(doc.text)
    return (m.start(), m.end()) if m is not None else None


def _law_references(laws: Iterable[Law] | None = None) -> tuple[str, ...]:
    return tuple(f"{law.jurisdiction}: {law.law}"
                 + (f", in force {law.effective}" if law.effective else
                    f", transposition due {law.due}" if law.due else "")
                 + (f", employers with {law.min_employees}+ employees"
                    if law.min_employees and law.min_employees > 1 else "")
                 for law in (pay_laws() if laws is None else laws))


def _applicable(doc: Document) -> Law | None:
    law = pay_law(doc)
    if law is None or not law.covers(doc):
        return None
    if not law.in_force(doc.today) and law.due is None and law.effective is None:
        return None
    return law


class MissingPayRange(Rule):
    meta = RuleMeta(
        code="CMP006",
        name="missing-pay-range",
        category=Category.COMPLIANCE,
        severity=Severity.WARNING,
        summary="Where pay transparency applies, the posting gives no pay figure or range.",
        docs=RuleDocs(
            what="Where a pay-transparency law covers the job (the laws and their dates are "
                 "data in `rules/facts/pay-transparency.yaml`), reports a posting with no pay "
                 "figure or range, at the pay label that gives none (\"Salary: DOE\") when "
                 "there is one. \"Competitive salary\" is not a figure; a pay grade or "
                 "collective agreement (\"TV-L E13\", \"løn efter overenskomst\") counts where "
                 "the law allows it (the EU). An error where the law requires the figure in "
                 "the posting and is in force; a warning where it is coming (Germany and "
                 "Denmark until their transposition of Directive (EU) 2023/970 is in force) "
                 "or lets the employer give pay before the interview instead. Silent where "
                 "no law applies, where the place is unknown, or when `employer-size` is "
                 "below the law's threshold.",
            why="Postings with pay get more and better-matched applicants, and pay ranges "
                "narrow pay gaps; more and more places require them.",
            example="Competitive salary and great benefits.",
            use_instead="The salary range for this role is USD 52,000 to 60,000 a year.",
            references=_law_references(),
            basis="legal requirement where listed; good practice elsewhere",
        ),
        examples=(
            Example(_CO + "Competitive salary and great benefits.\n", True),
            Example(_ON + "Apply online.\n", True),
            Example(_DE + "Wir bieten ein attraktives Gehalt.\n", True),
            Example(_CO + "Pay: $52,000 - $60,000 per year.\n", False),
            Example(_DE + "Vergütung nach TV-L E13.\n", False),
            Example(_ON + "Apply online.\n", False, employer_size=10),
            Example("Location: Leeds, United Kingdom\n\nCompetitive salary.\n", False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        law = _applicable(doc)
        if law is None or doc.meta.get("salary"):
            return  # pay given as structured data (JSON-LD baseSalary, front matter)
        pays = salary(doc)
        if any(p.kind != "grade" or law.grade_counts for p in pays):
            return
        strict = law.in_force(doc.today) and law.in_posting
        action = ("state the pay or its range" if strict else
                  "state the pay or its range here, as applicants have a right to know it")
        short_law = re.sub(r"\s*\([^()]*\)$", "", law.law)  # the law's name, not its remarks
        # ("Salary: DOE" is where the figure belongs: the finding points there)
        label = _pay_label_without_figure(doc)
        start, end = label or doc.anchor("salary", "benefits", "apply")
        what = (f'"{doc.text[start:end]}" gives no pay figure or range' if label
                else "no pay figure or range")
        yield Violation(start, end, f"{what}: {action} ({short_law}, "
                        f"{law.status(doc.today)}){law.size_note(doc)}",
                        severity=Severity.ERROR if strict else Severity.WARNING,
                        data={"law": law.law, "in-force": law.in_force(doc.today)},
                        located=label is not None)


class PayRangeTooWide(Rule):
    meta = RuleMeta(
        code="CMP007",
        name="pay-range-too-wide",
        category=Category.COMPLIANCE,
        severity=Severity.WARNING,
        summary="A pay range wider than the law allows, or too wide to tell applicants much.",
        options={"max-ratio": 2.0},
        docs=RuleDocs(
            what="Reports a pay range wider than the law of the place allows (Ontario: at "
                 "most $50,000 between the ends, unless the top exceeds $200,000), as an "
                 "error; and anywhere, as info, a range whose top is more than `max-ratio` "
                 "(default 2) times its bottom.",
            why="A range of $40,000 to $140,000 discloses nothing; Ontario caps the width, and "
                "regulators elsewhere ask for a good-faith range.",
            example="Salary: $60,000 - $120,000 per year.",
            use_instead="Salary: $80,000 - $95,000 per year.",
            references=_law_references(),
            basis="legal requirement (Ontario); good practice elsewhere",
        ),
        examples=(
            Example(_ON + "Salary: CAD 60,000 - 120,000 per year.\n", True),
            Example("Salary: $40,000 - $140,000 per year.\n", True),
            Example(_ON + "Salary: CAD 80,000 - 95,000 per year.\n", False),
            Example(_ON + "Salary: CAD 210,000 - 270,000 per year.\n", False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        law = _applicable(doc)
        ratio = float(options["max-ratio"])
        for p in salary(doc):
            if p.kind != "range" or p.low is None or p.high is None:
                continue
            width = p.high - p.low
            capped = (law is not None and law.max_width is not None and law.in_force(doc.today)
                      and (law.width_exempt_above is None or p.high <= law.width_exempt_above))
            if capped and law is not None and law.max_width is not None and width > law.max_width:
                yield Violation(p.start, p.end, f"the range is {width:,.0f} wide; {law.law} "
                                f"allows at most {law.max_width:,}", severity=Severity.ERROR,
                                data={"width": width, "max-width": law.max_width})
            elif p.low > 0 and p.high / p.low > ratio:
                yield Violation(p.start, p.end, f"the top of the range is {p.high / p.low:.1f} "
                                "times its bottom; a range this wide tells applicants little",
                                severity=Severity.INFO, data={"ratio": round(p.high / p.low, 2)})


class OpenEndedPayRange(Rule):
    meta = RuleMeta(
        code="CMP008",
        name="open-ended-pay-range",
        category=Category.COMPLIANCE,
        severity=Severity.WARNING,
        summary="Pay given with one end only: \"up to $X\", \"from $X\", \"ab 50.000 €\".",
        docs=RuleDocs(
            what="Reports pay with only a maximum (\"up to $90,000\", \"bis zu\", \"op til\") "
                 "or only a minimum (\"from $60,000\", \"starting at\", \"$60,000+\", "
                 "\"$20/hr and up\", \"ab\", \"fra\").",
            why="Colorado, California, Washington, New York and Ontario require a range with "
                "both ends; an open end hides the real offer and reads as bait.",
            example="Earn up to $95,000 a year.",
            use_instead="The salary range is $80,000 to $95,000 a year.",
            references=_law_references(),
            basis="legal requirement in the listed places; good practice elsewhere",
        ),
        examples=(
            Example("Salary: up to $95,000 per year.\n", True),
            Example("Jahresgehalt ab 50.000 Euro.\n", True),
            Example("Salary: $80,000+ DOE.\n", True),
            Example("Salary: $80,000 + bonus.\n", False),
            Example("Salary: $80,000 to $95,000 per year.\n", False),
            Example("Up to 30 days of holiday.\n", False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        law = _applicable(doc)
        pays = salary(doc)
        if any(p.kind == "range" for p in pays):
            return  # a range with both ends is given; "earn up to ... with enhancements" is extra
        for p in pays:
            if p.kind in ("open-max", "open-min"):
                end = "a maximum" if p.kind == "open-max" else "a minimum"
                where = f"; {law.law} asks for both ends" if law and law.in_posting else ""
                yield Violation(p.start, p.end, f"\"{p.text}\" gives only {end}; state the "
                                f"range with both ends{where}")


class MissingBenefitsDescription(Rule):
    meta = RuleMeta(
        code="CMP014",
        name="missing-benefits-description",
        category=Category.COMPLIANCE,
        severity=Severity.ERROR,
        summary="Where the law asks for it, the posting does not describe the benefits and other "
                "pay that come with the job.",
        docs=RuleDocs(
            what="Where a law asks a posting for \"a general description of the benefits and "
                 "other compensation\" beside the pay (Colorado, Washington, Maryland, Illinois, "
                 "Minnesota, New Jersey; the laws and dates are data in "
                 "`rules/facts/posting-laws.yaml`), reports a posting that names none: no "
                 "insurance, retirement plan, paid time off, bonus, commission or equity, no "
                 "link to a page that describes them, and no word that there are none. "
                 "\"Competitive benefits\" names none. Silent where no such law applies, where "
                 "the place is unknown, or when `employer-size` is below the law's threshold.",
            why="These states require it in the posting itself; applicants compare offers on "
                "the whole package, not the wage alone.",
            example="Pay: $52,000 - $60,000 per year, plus competitive benefits.",
            use_instead="Pay: $52,000 - $60,000 per year. Benefits: medical, dental and vision "
                        "insurance, a 401(k) with a 4% match and 15 days of paid time off.",
            references=_law_references(benefits_laws()),
            basis="legal requirement where listed",
        ),
        examples=(
            Example(_CO + "Pay: $52,000 - $60,000 per year, plus competitive benefits.\n", True),
            Example("Location: Seattle, WA\n\nPay: $40 - $45 an hour.\n", True),
            Example(_CO + "Pay: $52,000 - $60,000 per year. Benefits: medical and dental "
                    "insurance, a 401(k) and 15 days of paid time off.\n", False),
            Example(_CO + "Pay: $21 - $24 an hour. This seasonal role is not eligible for "
                    "benefits.\n", False),
            Example("Location: Austin, TX\n\nPay: $52,000 - $60,000 per year.\n", False),
            Example("Location: Seattle, WA\n\nPay: $40 - $45 an hour.\n", False, employer_size=10),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        law = benefits_law(doc)
        if law is None or not law.covers(doc):
            return
        if any(doc.meta.get(key) for key in ("benefits", "jobbenefits", "job-benefits")):
            return  # given as structured data (JSON-LD jobBenefits, front matter)
        if load_pattern("benefits").search(doc.flowing):
            return
        start, end = doc.anchor("benefits", "salary", "apply")
        yield Violation(start, end, "no description of the benefits and other pay that come with "
                        "the job: name them, or say there are none"
                        f"{quoted('benefits', doc.language)}; {law.law}, "
                        f"{law.status(doc.today)}{law.size_note(doc)}",
                        data={"law": law.law}, located=False)
