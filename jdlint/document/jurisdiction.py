"""Where the job is: a country code (DK, DE) or a province or state (CA-ON, US-CO).

Looked for, in order, in front matter (``jurisdiction``, ``country``, ``location``), in a
"Location:" line, and in the first lines of the posting ("Mainz, Rheinland-Pfalz, DE"). Prose
further down ("patients across Canada") does not count: it rarely says where the job is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml

_CODE = re.compile(r"^[A-Za-z]{2}(?:-[A-Za-z0-9]{1,3})?$")
_LOCATION_LINE = re.compile(
    r"^[ \t*_#>-]*(?:location|locations|job location|work location|arbeitsort|standort|einsatzort|"
    r"arbejdssted|arbejdsplads|lokation|placering|ort)[ \t*_]*:[ \t*_]*(.*)$",
    re.I | re.M,
)
HEAD_LINES = 12


@cache
def _places() -> dict[str, dict[str, list[str]]]:
    text = resources.files("jdlint").joinpath("data/places.yaml").read_text("utf-8")
    data: dict[str, dict[str, list[str]]] = yaml.safe_load(text)
    return data


def normalise_code(value: str) -> str | None:
    """``"ca-on"`` -> ``"CA-ON"``; None for anything that is not a code."""
    v = value.strip()
    return v.upper() if _CODE.match(v) else None


@cache
def subdivisions() -> frozenset[str]:
    """The US states and Canadian provinces jdlint knows (US-CA, CA-ON...)."""
    data = _places()
    return frozenset((*data["provinces"], *data["states"], "CA-YT", "CA-NT", "CA-NU"))


def check_code(value: str) -> tuple[str | None, list[str]]:
    """(the normalised code, []) or (None, the nearest valid codes). A country is any ISO
    3166-1 alpha-2 code; a US or Canadian subdivision must be one that exists."""
    import difflib

    code = normalise_code(value)
    if code is not None and ("-" not in code or code[:2] not in ("US", "CA")
                             or code in subdivisions()):
        return code, []
    wanted = value.strip().upper()
    known = sorted(subdivisions() | {c for c in _places()["countries"]})
    return None, difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)


def _lookup(table: str, name: str) -> str | None:
    for code, names in _places()[table].items():
        if name in names:
            return code
    return None


def from_place(text: str) -> str | None:
    """The jurisdiction named by a place string such as "Mississauga, Ontario, CA"."""
    parts = [p.strip(" .*_").lower() for p in re.split(r"[,;/|()\n]", text) if p.strip(" .*_")]
    if not parts:
        return None
    country = None
    for part in reversed(parts):
        country = _lookup("countries", part)
        if country:
            break
    region = None
    if country in (None, "CA"):
        region = next((c for p in parts[1:] if (c := _lookup("provinces", p))), None)
        region = region or next(
            (c for p in parts if len(p) > 2 and (c := _lookup("provinces", p))), None
        )
    if region is None and country in (None, "US"):
        region = next((c for p in parts[1:] if (c := _lookup("states", p))), None)
        region = region or next(
            (c for p in parts if len(p) > 2 and (c := _lookup("states", p))), None
        )
        if region and country is None and len(parts) < 2:
            region = None  # a bare "Georgia" or "Washington" is too ambiguous
    if region:
        return region
    if country is None:
        country = next((c for p in parts if (c := _lookup("cities", p))), None)
    return country


def detect_jurisdiction(text: str, meta: Mapping[str, Any]) -> str | None:
    for key in ("jurisdiction", "country"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            return normalise_code(value) or from_place(value)
    value = meta.get("location")
    if isinstance(value, str) and (found := from_place(value)):
        return found
    m = _LOCATION_LINE.search(text)
    if m:
        rest = m.group(1).strip() or text[m.end():m.end() + 200].strip().split("\n")[0]
        if found := from_place(rest):
            return found
    head = text.split("\n", HEAD_LINES * 3)[: HEAD_LINES * 3]
    lines = [ln for ln in head if ln.strip()][:HEAD_LINES]
    for line in lines:
        if len(line) <= 80 and "," in line and (found := from_place(line)):
            return found
    for line in lines[:4]:  # "... across sites in Denmark." in the opening sentence
        for m in _IN_PLACE.finditer(line):
            if found := _lookup("countries", m.group(1).lower().rstrip(".")):
                return found
    return None


_IN_PLACE = re.compile(r"\b(?:in|i)\s+(?:the\s+)?([A-ZÆØÅÄÖÜ][\w.]+(?:\s+[A-Z][\w.]+)?)")


def matches(jurisdiction: str | None, wanted: str) -> bool:
    """``US-CO`` matches ``US`` and ``US-CO``; ``EU`` matches the EU member states."""
    if jurisdiction is None:
        return False
    wanted = wanted.upper()
    if wanted == "EU":
        return jurisdiction.split("-")[0] in EU_MEMBERS
    return jurisdiction == wanted or jurisdiction.startswith(wanted + "-")


EU_MEMBERS = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
