"""Legal facts as data (``rules/facts/*.yaml``): which law applies where, from when, to whom.

Updating jdlint for a new law is a change to those files: a jurisdiction, an effective date,
an employer-size threshold. Rules ask :func:`pay_law` or :func:`posting_law` for the law that
applies to a Document on its lint date and report its status.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from .datafiles import parse_yaml
from .document import Document
from .document.jurisdiction import matches
from .packs import rules_root


@cache
def _facts(name: str) -> dict[str, Any]:
    text = rules_root().joinpath(f"facts/{name}.yaml").read_text("utf-8")
    data: dict[str, Any] = parse_yaml(text)
    return data


@dataclass(frozen=True)
class Law:
    jurisdiction: str
    law: str
    source: str = ""
    effective: date | None = None  # None: not in force yet (a directive awaiting transposition)
    due: date | None = None
    min_employees: int | None = None
    max_width: int | None = None
    width_exempt_above: int | None = None
    grade_counts: bool = False
    in_posting: bool = True

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Law:
        return cls(
            jurisdiction=str(data["jurisdiction"]), law=str(data["law"]),
            source=str(data.get("source", "")), effective=data.get("effective"),
            due=data.get("due"), min_employees=data.get("min-employees"),
            max_width=data.get("max-width"), width_exempt_above=data.get("width-exempt-above"),
            grade_counts=bool(data.get("grade-counts", False)),
            in_posting=bool(data.get("in-posting", True)),
        )

    def in_force(self, today: date) -> bool:
        return self.effective is not None and self.effective <= today

    def covers(self, doc: Document) -> bool:
        """The employer is not known to be below the threshold, nor, for a US state's law, to
        be the US federal government (which state law does not bind)."""
        if self.jurisdiction.startswith("US-") and us_federal(doc):
            return False
        return (self.min_employees is None or doc.employer_size is None
                or doc.employer_size >= self.min_employees)

    def size_note(self, doc: Document) -> str:
        if self.min_employees and self.min_employees > 1 and doc.employer_size is None:
            return (f"; this law applies to employers with {self.min_employees} or more "
                    "employees: set employer-size in the config if yours is smaller")
        return ""

    def status(self, today: date) -> str:
        if self.in_force(today):
            return f"in force since {self.effective}"
        if self.effective is not None:
            return f"in force from {self.effective}"
        if self.due is not None:
            return f"transposition due {self.due}, not yet in national law in jdlint's data"
        return "not yet in force"


#: What only a US federal job's posting says: USAJOBS's own labels, the Selective Service
#: registration and federal employment as such (not a contractor's "federal clients")
_FEDERAL = re.compile(
    r"\b(?:usajobs|pay\s+scale\s*(?:&|and)\s*grade|office\s+of\s+personnel\s+management|"
    r"selective\s+service|federal\s+(?:employment|employees?|civil\s+service|service\s+"
    r"(?:employees?|appointment)|benefits|agency\s+(?:employees?|positions?)))\b", re.I)


def us_federal(doc: Document) -> bool:
    """Whether the employer is the US federal government: two of its posting's words (one
    alone is also a state's: some states ask state hires for Selective Service registration),
    or USAJOBS's labels."""
    def find(d: Document) -> bool:
        if d.jurisdiction is None or not d.jurisdiction.startswith("US"):
            return False
        found = {m.group().lower() for m in _FEDERAL.finditer(d.flowing)}
        return len(found) >= 2 or any(w.startswith(("usajobs", "pay scale")) for w in found)
    return bool(doc.memo("us-federal", find))


def _most_specific(laws: Sequence[Law], doc: Document) -> Law | None:
    """The law of the job's place; of a job offered in several places, the one most specific
    to a place and then in force (the posting must meet every place's law: the first unmet
    one is reported), else the first place's."""
    found = [(law, -i) for law in laws for i, place in enumerate(doc.places)
             if matches(place, law.jurisdiction)]
    if not found:
        return None
    # "US-CO" beats "US", a country beats "EU"
    return max(found, key=lambda li: (li[0].jurisdiction != "EU", len(li[0].jurisdiction),
                                      li[0].in_force(doc.today), li[1]))[0]


@cache
def pay_laws() -> tuple[Law, ...]:
    return tuple(Law.from_data(d) for d in _facts("pay-transparency")["laws"])


def pay_law(doc: Document) -> Law | None:
    return _most_specific(pay_laws(), doc)


@cache
def deadline_laws() -> tuple[Law, ...]:
    return tuple(Law.from_data(d) for d in _facts("posting-laws")["deadline-required"])


def deadline_law(doc: Document) -> Law | None:
    law = _most_specific(deadline_laws(), doc)
    return law if law is not None and law.in_force(doc.today) and law.covers(doc) else None


@cache
def benefits_laws() -> tuple[Law, ...]:
    return tuple(Law.from_data(d) for d in _facts("posting-laws")["benefits-required"])


def benefits_law(doc: Document) -> Law | None:
    """The law that asks the posting to describe the job's benefits, where one is in force."""
    law = _most_specific(benefits_laws(), doc)
    return law if law is not None and law.in_force(doc.today) else None


@cache
def ontario_law() -> Law:  # (asked for each posting: read once)
    return Law.from_data(_facts("posting-laws")["ontario-2026"])


@cache
def countries_with_laws() -> frozenset[str]:
    """The countries some place-bound rule has a law or a custom for (the EU's members for
    "EU"): a posting placed elsewhere (New Zealand, India) is checked only by the rules that
    apply everywhere, and the summary says so."""
    from .document.jurisdiction import EU_MEMBERS

    codes: set[str] = set()
    for law in (*pay_laws(), *deadline_laws(), *benefits_laws(), ontario_law()):
        codes.add(law.jurisdiction)
    for key in ("privacy", "photo-customary"):
        codes.update(str(c) for c in posting_setting(key)["jurisdictions"])
    out = {c.split("-")[0].upper() for c in codes}
    if "EU" in out:
        out = (out - {"EU"}) | EU_MEMBERS
    return frozenset(out)


def posting_setting(key: str) -> Mapping[str, Any]:
    value: Mapping[str, Any] = _facts("posting-laws")[key]
    return value
