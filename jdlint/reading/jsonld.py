"""schema.org ``JobPosting`` JSON-LD in a careers page, as metadata like Markdown front matter.

Career pages and job boards embed the posting's facts for search engines
(https://schema.org/JobPosting, Google's "Job posting" structured data): the title, the
deadline (``validThrough``), the place (``jobLocation``, ``applicantLocationRequirements``),
pay (``baseSalary``) and the employer (``hiringOrganization``). They are the most reliable
statement of those facts, so they become the same metadata keys front matter uses. Malformed
JSON-LD is ignored with a note, never a crash.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

MAX_JSON_LD = 1_000_000  # characters of one script; a posting's data is a few kilobytes


def _postings(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 8:
        return
    if isinstance(node, list):
        for item in node:
            yield from _postings(item, depth + 1)
    elif isinstance(node, dict):
        kind = node.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and k.rsplit("/", 1)[-1] == "JobPosting" for k in kinds):
            yield node
        for key in ("@graph", "mainEntity", "itemListElement", "item"):
            if key in node:
                yield from _postings(node[key], depth + 1)


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        return _text(value.get("name")) or _text(value.get("@value"))
    return None


def _many(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _place(location: Any) -> str | None:
    """"Mountain View, CA, US" from a Place, its PostalAddress, or a plain string."""
    if isinstance(location, str):
        return _text(location)
    if not isinstance(location, dict):
        return None
    address = location.get("address", location)
    if isinstance(address, str):
        return _text(address)
    if not isinstance(address, dict):
        return _text(location)
    parts = [_text(address.get(k)) for k in
             ("addressLocality", "addressRegion", "postalCode", "addressCountry")]
    joined = ", ".join(p for p in parts if p)
    return joined or _text(location)


def _salary(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        return None
    amount = value.get("value")
    out: dict[str, Any] = {}
    if isinstance(value.get("currency"), str):
        out["currency"] = value["currency"]
    if isinstance(amount, dict):
        for key, name in (("minValue", "min"), ("maxValue", "max"), ("value", "value")):
            if isinstance(amount.get(key), (int, float, str)):
                out[name] = amount[key]
        if isinstance(amount.get("unitText"), str):
            out["unit"] = amount["unitText"]
    elif isinstance(amount, (int, float, str)):
        out["value"] = amount
    return out if any(k in out for k in ("min", "max", "value")) else None


def _to_meta(posting: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = {"structured-data": "JobPosting"}
    for key, name in (("title", "title"), ("validThrough", "valid-through"),
                      ("datePosted", "date-posted"), ("employmentType", "employment-type")):
        if (text := _text(posting.get(key))) is not None:
            meta[name] = text
    if (org := _text(posting.get("hiringOrganization"))) is not None:
        meta["employer"] = org
    places = [p for loc in _many(posting.get("jobLocation")) if (p := _place(loc))]
    if places:
        meta["location"] = places[0]
        if len(places) > 1:
            meta["locations"] = places
    applicants = [t for loc in _many(posting.get("applicantLocationRequirements"))
                  if (t := _text(loc))]
    if applicants:
        meta["applicant-location"] = applicants
    if str(posting.get("jobLocationType", "")).upper() == "TELECOMMUTE":
        meta["remote"] = True
    if (salary := _salary(posting.get("baseSalary"))) is not None:
        meta["salary"] = salary
    return meta


def job_posting_meta(scripts: Sequence[str]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The first JobPosting's facts as metadata, and notes about scripts that were unusable."""
    notes: list[str] = []
    for i, raw in enumerate(scripts, 1):
        if len(raw) > MAX_JSON_LD:
            notes.append(f"JSON-LD script {i} is over {MAX_JSON_LD:,} characters; ignored")
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            notes.append(f"JSON-LD script {i} is not valid JSON ({reason}); ignored")
            continue
        for posting in _postings(data):
            return _to_meta(posting), tuple(notes)
    return {}, tuple(notes)
