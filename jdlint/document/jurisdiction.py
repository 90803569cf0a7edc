"""Jurisdiction codes: a country (DK, DE) or a US state or Canadian province (CA-ON, US-CO).

Checking and matching codes lives here; finding the place of a posting is
:mod:`jdlint.document.place`.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from ..datafiles import parse_yaml

_CODE = re.compile(r"^[A-Za-z]{2}(?:-[A-Za-z0-9]{1,3})?$")


@cache
def _places() -> dict[str, dict[str, list[str]]]:
    text = resources.files("jdlint").joinpath("data/places.yaml").read_text("utf-8")
    data: dict[str, dict[str, list[str]]] = parse_yaml(text)
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
