"""The literal texts read from a regex's parse tree, and the searches built on them: they
must find exactly what a search of the whole text finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from jdlint.document.words import KeyedPattern
from jdlint.literals import leading_literals


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bon\s+a\s+rolling\s+basis", (("on", True, True),)),
    (r"(?:\b(?:rolling|ongoing)\s+basis)|(?:\bas\s+received)",
     (("as", True, True), ("ongoing", True, True), ("rolling", True, True))),
    (r"(?<!\w)Apply now", (("apply now", True, False),)),  # no word character before
    (r"(?<!x)Apply now", (("apply now", False, False),)),
    (r"\b\.net", ((".net", False, False),)),  # a \b before a dot says nothing of a word
    (r"\b(?:max\.?|maximum)\s+\d", (("max", True, False),)),  # the parser joins "max..."
    (r"\b(?:up|as\s+much)\s+to", (("as", True, True), ("up", True, True))),
    (r"\bas\w*", (("as", True, False),)),  # a word that begins with "as"
    (r"(?:please\s+)?apply", (("apply", False, False), ("please", False, True))),  # optional
    (r"\b(?:arbeits)?beginn\b", (("arbeitsbeginn", True, True), ("beginn", True, True))),
    (r"\bx*y", (("x", True, False), ("y", True, False))),  # "xxy": x, not "xy"
    (r"a?", None),  # a match may be empty
    (r"[Aa]pply", (("apply", False, False),)),  # a class of one letter's cases is the letter
    (r"\bST[1-3]\b", (("st1", True, True), ("st2", True, True), ("st3", True, True))),
    (r"\b(?:RMN|RGN)\b", (("rgn", True, True), ("rmn", True, True))),  # "R(?:MN|GN)" parsed
    (r"\b[A-Z]pply", None),  # too many letters
    (r"\b[^x]pply", None),
    # an optional run of spaces before a fence still ends the word; before a letter it does not
    (r"\bs\s*/+\s*he", (("s", True, True),)),
    (r"\bab\s*c", (("ab", True, False),)),
    (r"\bab\s*", (("ab", True, False),)),  # "abc" matches: nothing need follow
    (r"\bab[ ]*,", (("ab", True, True),)),
    # an optional character inside a word goes on both ways: whole words, not the prefix "e"
    (r"\bE-?Verify\b", (("e-verify", True, True), ("everify", True, True))),
    (r"\b401\(?k\b", (("401(k", True, True), ("401k", True, True))),
    (r"\bco-?op\w*", (("co-op", True, False), ("coop", True, False))),
    (r"\be\.\s?V\.", (("e.", True, False),)),  # an optional class: what comes before
])
def test_leading_literals(pattern: str, expected: object) -> None:
    assert leading_literals(pattern, re.I) == expected


_PATTERN = re.compile(r"(?:\b(?:rolling|ongoing)\s+basis\b)|(?:\bas\s+(?:they\s+are\s+)?received)"
                      r"|(?:\bas\s+soon)|(?:(?<!\w)until\s+filled)|(?:\b(?:no\s+)?later\s+than)"
                      r"|(?:\b(?:ab)*cd)", re.I)
_PIECES = ["rolling", " basis", "Rolling", "\n", " as ", "as", "has ", "received", " they are",
           "until", " filled", "-", "ongoing", "x" * 40, ". ", "soon", "İ", "no", " later",
           " than", "ab", "cd", " "]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), min_size=0, max_size=120).map("".join))
def test_keyed_search_finds_what_a_whole_text_search_finds(text: str) -> None:
    keyed = KeyedPattern(_PATTERN)
    assert keyed.keys is not None
    long_text = text + " " * 1600  # long enough for the word index to be used
    assert [m.span() for m in keyed.finditer(long_text)] == [
        m.span() for m in _PATTERN.finditer(long_text)]
    found, expected = keyed.search(long_text), _PATTERN.search(long_text)  # (index at hand)
    assert (found and found.span()) == (expected and expected.span())


_OPTIONAL = re.compile(r"(?:\bE-?Verify\b)|(?:\b401\(?k\b\)?)|(?:\bco-?op\w*)|(?:\be\.\s?V\.)")
_OPTIONAL_PIECES = ["E", "e", "-", "Verify", "verify", "401", "(", "k", ")", "co", "op", "erate",
                    ".", " ", "V", "\n", "x", "İ", "_"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_OPTIONAL_PIECES), min_size=0, max_size=120).map("".join))
@example("E-Verify, EVerify, 401(k), 401k), co-operate, cooperate, e.V., e. V.")
def test_keys_through_optional_characters_find_what_a_whole_text_search_finds(text: str) -> None:
    keyed = KeyedPattern(_OPTIONAL)
    assert keyed.keys is not None and all(len(key) >= 2 for key, _, _ in keyed.keys)
    long_text = text + " " * 1600
    assert [m.span() for m in keyed.finditer(long_text)] == [
        m.span() for m in _OPTIONAL.finditer(long_text)]


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\ba\s+(?:wo)?man\s+who\b", ("who", "a")),  # "man" may be "woman": not a whole word
    (r"\bin\s+force\b", ("force", "in")),
    (r"x lead ", ("lead",)),
    (r"\bfoo(?:bar)?\b", ()),  # "foo" may go on
    (r"\b(?:the|our)\s+Team", ()),  # "Team" may go on ("Teams")
    (r"\bfixed[- ]term\b", ("fixed", "term")),  # a class of punctuation and space fences
    (r"\bfixed[-x]term\b", ()),  # ... a class with a letter does not
])
def test_required_words_are_whole_words_every_match_holds(pattern: str, expected: object) -> None:
    from jdlint.literals import required_words

    assert required_words(pattern, re.I) == expected


_PAY_PIECES = ["$", "€", "£", "US$", "C$", "A$", "CA$", "USD", "EUR", "Euro", "euros", "kr.",
               "kroner", "DKK", "dollars", "pounds", "a minimum of", "maximum of", "up to",
               "as much as", "ab", "bis", "from", "max.", "50", "65K", "1,000", "48.000",
               "3.5", "2026", " ", " ", " - ", " to ", " and ", "\n", ",", ".", "/", "-", "x",
               "per year", "Salary", "EUR100", "a", "pay"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PAY_PIECES), max_size=40).map("".join))
@example("Pay: A$50 to A$60, C$70, CA$80, US$90 a year")
@example("EUR100 - EUR200, 3 kroner, a minimum of $40,000 and up to 65K")
def test_amounts_are_tried_only_where_they_can_start(text: str) -> None:
    from jdlint import pay
    from jdlint.document.words import Words, matches_at

    words = Words(text)
    amounts = pay._amount_starts(words)
    assert [m.span() for m in matches_at(pay._AMOUNT_RE, text, amounts)] == [
        m.span() for m in pay._AMOUNT_RE.finditer(text)]
    ranges = pay._amount_starts(words, ranges=True)
    for pos in range(len(text) + 1):
        found = pay._search_from(pay._RANGE, text, ranges, pos)
        expected = pay._RANGE.search(text, pos)
        assert (found and found.span()) == (expected and expected.span())
    assert [m.span() for m in pay._OPEN.finditer(text + " " * 1600)] == [
        m.span() for m in pay._OPEN.pattern.finditer(text + " " * 1600)]


_CLASSED = re.compile(r"\b(?:[Pp]aediatric\w*|ST[1-3]\b|RMN\b|RGN\b|[Aa]/S\b)")
_CLASSED_PIECES = ["paediatric", "Paediatric", "PAEDIATRIC", "s", " ST", "ST1", "st2", "4", "RMN",
                   "rgn", "RGN", "A/S", "a/s", "/", " ", "\n", "-", "x" * 30, "İ"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_CLASSED_PIECES), min_size=0, max_size=120).map("".join))
def test_keys_from_letter_classes_find_what_a_whole_text_search_finds(text: str) -> None:
    keyed = KeyedPattern(_CLASSED)
    assert keyed.keys is not None and ("st1", True, True) in keyed.keys
    long_text = text + " " * 1600
    assert [m.span() for m in keyed.finditer(long_text)] == [
        m.span() for m in _CLASSED.finditer(long_text)]


_GRADE_PIECES = ["TV-L", "TVL", "TVöD-Bund", "E", "E13", "E 9", "e13", "A 13", "A13", "W2", "W 3",
                 "EG 5", "Entgeltgruppe", "Haustarifvertrag", "Tarifvertrag", "tarifliche",
                 "Tarif", "overenskomsten", "løntrin", "pay band", "salary scale", "Band 5",
                 "grade 7", "collective bargaining agreement", "union agreement", " ", "\n",
                 "x", "-", "1", "0", "Ärzte", "TV-"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_GRADE_PIECES), max_size=30).map("".join))
def test_grades_are_tried_only_where_they_can_start(text: str) -> None:
    from jdlint import pay
    from jdlint.document.words import Words, matches_at

    found = matches_at(pay._GRADE, text, pay._grade_starts(text, Words(text)))
    assert [m.span() for m in found] == [m.span() for m in pay._GRADE.finditer(text)]


_SENTENCE_PATTERN = re.compile(r"(?<!\w)(?:apply|we\s+are|respons\w*|\.net)", re.I)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["Apply", " ", "we are", "We", " are", "responsible", "x",
                                 "2", "-", ".net", ". ", "\n", "İ", "_"]), max_size=40)
       .map("".join), st.lists(st.integers(min_value=0, max_value=200), max_size=8))
def test_sentence_keys_hold_every_match_of_each_sentence(text: str, cuts: list[int]) -> None:
    """Cut into sentences anywhere, a sentence's matches (searched in the sentence alone) each
    start at an offset that sentence_keys lists for that sentence."""
    from jdlint.document.words import Words, sentence_keys

    bounds = sorted({0, len(text), *(c for c in cuts if c < len(text))})
    starts, ends = bounds[:-1], bounds[1:]
    keys = leading_literals(_SENTENCE_PATTERN.pattern, _SENTENCE_PATTERN.flags)
    where = sentence_keys(Words(text), starts, ends, keys)
    assert where is not None
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        for m in _SENTENCE_PATTERN.finditer(text[start:end]):
            assert start + m.start() in where.get(i, [])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "-", "--", " ", "a-b", "b-a", "ab", "\n", "İ", "_",
                                 "1"]), max_size=30).map("".join))
def test_the_word_tables_hold_every_word_run_where_it_stands(text: str) -> None:
    """The plain table (runs of \\w) is cut from the hyphenated one (runs of \\w and -): each
    word with its offsets in order, as a regex pass over the lowercased text gives them; the
    hyphenated table's lists are not changed by the cutting."""
    from collections import defaultdict

    from jdlint.document.words import Words

    words = Words(text)
    hyphenated = {w: list(p) for w, p in words.table(hyphens=True).items()}
    for pattern, table in ((r"\w+", words.table()), (r"[\w\-]+", words.table(hyphens=True))):
        expected: dict[str, list[int]] = defaultdict(list)
        for m in re.finditer(pattern, words.lower):
            expected[m.group()].append(m.start())
        assert table == dict(expected)
    assert words.table(hyphens=True) == hyphenated


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["Apply", " ", "we are", "We", " are", "responsible", "x",
                                 "2", "-", ".net", ". ", "\n", "İ", "_", "now"]), max_size=40)
       .map("".join), st.lists(st.integers(min_value=0, max_value=200), max_size=8))
def test_first_kinds_equal_searching_each_sentence(text: str, cuts: list[int]) -> None:
    """Cut into sentences anywhere (even inside a word), each sentence's first matching kind
    is the same whether each kind is tried at its keys or searched for in it whole."""
    from jdlint.document.words import Words, first_kinds

    bounds = sorted({0, len(text), *(c for c in cuts if c < len(text))})
    sentences = [(a, b, text[a:b]) for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
    patterns = [("apply", re.compile(r"(?<!\w)apply\s+now", re.I)), ("team", _SENTENCE_PATTERN)]
    keys = {kind: leading_literals(p.pattern, p.flags) for kind, p in patterns}
    expected = [next((kind for kind, p in patterns if p.search(t)), "") for _, _, t in sentences]
    assert first_kinds(Words(text), sentences, patterns, keys) == expected


@pytest.mark.parametrize(("pattern", "flags", "expected"), [
    (r"\((?:m/w/d|all genders)\)", 0, True),  # every match opens with "("
    (r"£\d", 0, True),
    (r"\bNHS\b", 0, False),  # an assertion first: the engine tries every character
    (r"(?:NHS|Trust)", 0, False),  # a choice of first characters
    (r"[Bb]and", 0, False),
    (r"nhs", re.IGNORECASE, False),  # the case is not given
    (r"\p{L}+", 0, False),  # syntax only the regex module reads
])
def test_a_pattern_opens_with_a_literal_character(pattern: str, flags: int,
                                                  expected: bool) -> None:
    from jdlint.literals import opens_with_literal

    assert opens_with_literal(pattern, flags) is expected


def test_the_shipped_keys_are_up_to_date() -> None:
    """A changed pattern of jdlint's own, or a change to jdlint/literals.py, needs the table of
    keys rebuilt (the script recomputes every entry from its parse tree and compares)."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "build_literal_keys.py"
    out = subprocess.run([sys.executable, str(script), "--check"], capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_shipped_keys_are_read_only_for_the_code_that_built_them(
        tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """A table built with another jdlint/literals.py (or unreadable) is ignored: every pattern's
    keys come from its parse tree. A pattern the table lacks is read from its parse tree."""
    import json
    from pathlib import Path

    from jdlint import literals

    pattern = r"\bzzqx\s+widget\b"
    wrong = [[0, pattern, [["bogus", True, True]]]]
    table = Path(str(tmp_path)) / "keys.json"
    for digest, expected in (("0" * 64, (("zzqx", True, True),)),
                             (literals.source_digest(), (("bogus", True, True),))):
        table.write_text(json.dumps({"literals.py": digest, "keys": wrong}), "utf-8")
        monkeypatch.setattr(literals, "KEYS_FILE", table)
        literals._shipped.cache_clear()
        literals.leading_literals.cache_clear()
        assert literals.leading_literals(pattern) == expected
        assert literals.leading_literals(r"\bqqzx\b") == (("qqzx", True, True),)
    table.write_text("{not json", "utf-8")
    literals._shipped.cache_clear()
    literals.leading_literals.cache_clear()
    assert literals.leading_literals(pattern) == (("zzqx", True, True),)
    monkeypatch.undo()
    literals._shipped.cache_clear()
    literals.leading_literals.cache_clear()
