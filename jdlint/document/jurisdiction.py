"""Jurisdiction codes: a country (DK, DE) or a US state or Canadian province (CA-ON, US-CO).

Checking and matching codes lives here; finding the place of a posting is
:mod:`jdlint.document.place`.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from ..datafiles import parse_yaml

_CODE = re.compile(r"^[A-Za-z]{2}(?:-[A-Za-z0-9]{1,3})?$")


@cache
def _places() -> dict[str, Any]:
    """places.yaml: names by code (``countries``, ``states``...) and the ``country-codes``."""
    text = resources.files("jdlint").joinpath("data/places.yaml").read_text("utf-8")
    data: dict[str, Any] = parse_yaml(text)
    return data


#: Codes people write for a country that ISO 3166-1 gives another: the UK's own (which ISO
#: reserves for it) is GB
_ALIASES = {"UK": "GB"}


@cache
def countries() -> frozenset[str]:
    """Every country code of ISO 3166-1 alpha-2."""
    return frozenset(_places()["country-codes"].split())


#: Countries named with "the" or by the short form writers use
_NAMED = {"GB": "the UK", "US": "the US", "NL": "the Netherlands", "CZ": "the Czech Republic"}


def country_name(code: str | None) -> str | None:
    """The English name of a place's country ("US-CO" -> "the US", "DE" -> "Germany"), or
    None for an unknown place or a country places.yaml does not name."""
    if not code:
        return None
    country = code.split("-")[0]
    if country in _NAMED:
        return _NAMED[country]
    names = _places()["countries"].get(country)
    return names[0].title() if names else None


def normalise_code(value: str) -> str | None:
    """``"ca-on"`` -> ``"CA-ON"``, ``"uk"`` -> ``"GB"``; None for anything that is not the
    code of a country (ISO 3166-1 alpha-2) or of one of its parts (ISO 3166-2; for the US
    and Canada, a state or province that exists): ``XX``, ``CA-ONT``, ``EU``."""
    v = value.strip().upper()
    v = _ALIASES.get(v, v)
    if not _CODE.match(v) or v[:2] not in countries():
        return None
    if "-" in v and v[:2] in ("US", "CA") and v not in subdivisions():
        return None
    return v


@cache
def subdivisions() -> frozenset[str]:
    """The US states and Canadian provinces jdlint knows (US-CA, CA-ON...)."""
    data = _places()
    return frozenset((*data["provinces"], *data["states"], "CA-YT", "CA-NT", "CA-NU"))


def check_code(value: str) -> tuple[str | None, list[str]]:
    """(the normalised code, []) or (None, the nearest valid codes): :func:`normalise_code`,
    saying what was meant when it is None."""
    import difflib

    code = normalise_code(value)
    if code is not None:
        return code, []
    wanted = value.strip().upper()
    if wanted == "EU":  # a union, not a place: its members' codes are all countries'
        return None, ["a member state's code such as DE or FR"]
    # the nearest of the codes jdlint knows rules for (not every island's: "DK" for "DKK")
    known = sorted(subdivisions() | set(_places()["countries"]))
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
