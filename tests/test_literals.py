"""The literal texts read from a regex's parse tree, and the searches built on them: they
must find exactly what a search of the whole text finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdlint.document.words import KeyedPattern
from jdlint.literals import leading_literals


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bon\s+a\s+rolling\s+basis", (("on", True),)),
    (r"(?:\b(?:rolling|ongoing)\s+basis)|(?:\bas\s+received)",
     (("as", True), ("ongoing", True), ("rolling", True))),
    (r"(?<!\w)Apply now", (("apply now", True),)),  # no word character before: a word start
    (r"(?<!x)Apply now", (("apply now", False),)),
    (r"\b\.net", ((".net", False),)),  # a \b before a dot says nothing of a word start
    (r"(?:please\s+)?apply", None),  # an optional start: unknown
    (r"[Aa]pply", None),
])
def test_leading_literals(pattern: str, expected: object) -> None:
    assert leading_literals(pattern, re.I) == expected


_PATTERN = re.compile(r"(?:\b(?:rolling|ongoing)\s+basis\b)|(?:\bas\s+(?:they\s+are\s+)?received)"
                      r"|(?:\bas\s+soon)|(?:(?<!\w)until\s+filled)", re.I)
_PIECES = ["rolling", " basis", "Rolling", "\n", " as ", "as", "has ", "received", " they are",
           "until", " filled", "-", "ongoing", "x" * 40, ". ", "soon", "İ"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), min_size=0, max_size=120).map("".join))
def test_keyed_search_finds_what_a_whole_text_search_finds(text: str) -> None:
    keyed = KeyedPattern(_PATTERN)
    assert keyed.keys is not None
    long_text = text + " " * 1600  # long enough for the word index to be used
    assert [m.span() for m in keyed.finditer(long_text)] == [
        m.span() for m in _PATTERN.finditer(long_text)]


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\ba\s+(?:wo)?man\s+who\b", ("who", "a")),  # "man" may be "woman": not a whole word
    (r"\bin\s+force\b", ("force", "in")),
    (r"x lead ", ("lead",)),
    (r"\bfoo(?:bar)?\b", ()),  # "foo" may go on
    (r"\b(?:the|our)\s+Team", ()),  # "Team" may go on ("Teams")
])
def test_required_words_are_whole_words_every_match_holds(pattern: str, expected: object) -> None:
    from jdlint.literals import required_words

    assert required_words(pattern, re.I) == expected
