"""The word index: its tables and prefix lookups against a plain regex pass over the text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from jdlint.document.words import Words

_PIECES = ["Nurse", "nursing", "nur", "-", " ", "\n", "well-being", "İstanbul", "ß", "x",
           "Team", "team-player", "3rd", "_", "ab", "abc", "Abcd", ".", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join),
       st.sampled_from(["", "n", "nu", "nur", "nurs", "team", "ab", "abc", "zz", "well",
                        "well-", "i", "3", "é"]),
       st.booleans())
def test_the_words_that_begin_with_a_prefix_are_those_a_regex_finds(
        text: str, prefix: str, hyphens: bool) -> None:
    words = Words(text)
    pattern = re.compile(r"[\w\-]+" if hyphens else r"\w+")
    expected = sorted(m.start() for m in pattern.finditer(words.lower)
                      if m.group().startswith(prefix))
    assert sorted(words.starts(prefix, hyphens)) == expected
    assert sorted(words.starts(prefix, hyphens)) == expected  # asked again: the kept answer


def test_a_prefix_no_word_begins_with_has_no_offsets() -> None:
    words = Words("Staff nurse, team player")
    assert words.starts("zebra") == []
    assert words.starts("nur") == [6]
    assert words.starts("team-", hyphens=True) == []
    assert words.starts("t") == [13]


# patterns whose keys go past their first word ("the team"), are words ("nurse"), begin words
# ("nurs") or need not start one ("-being"); the texts hold them, near misses and glued words
_KEYED = [r"\bthe team\b", r"\bthe team player\b", r"(?i:\bthe\s+Team)", r"\bwell-being\b",
          r"\bnurse\b", r"\bnurs\w*", r"-being", r"\ba team-player\b", r"\bthe nurse's\b",
          r"\b(?:the|a) (?:team|nurse)(?: player)?\b", r"\bab abc\b", r"\b3rd team\b",
          r"\bteam\b|\bthe nurse\b"]
_KEYED_PIECES = ["the", "The", "team", "Team", "teams", "player", "nurse", "nurse's",
                 "nursing", "a", "the team", "well-being", " ", "  ", "-", "\n", "İ", "_",
                 "ab", "abc", "3rd", "x", "é"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_KEYED_PIECES), max_size=30).map("".join),
       st.sampled_from(_KEYED))
def test_a_pattern_tried_where_its_keys_stand_finds_what_a_search_finds(
        text: str, source: str) -> None:
    """key_positions looks a key that goes past its first word up from the rarest of its
    words (and not at all when the text lacks one): the matches are the search's."""
    from jdlint.document.words import key_positions, matches_at
    from jdlint.literals import leading_literals

    pattern = re.compile(source)
    keys = leading_literals(source, pattern.flags)
    assert keys is not None
    found = matches_at(pattern, text, key_positions(Words(text), keys))
    assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text)]


def test_a_key_past_its_first_word_is_found_from_its_rarest_word() -> None:
    from jdlint.document.words import key_positions

    text = "the the the the trust, the trustee, xthe trust, the trust"
    words = Words(text)
    assert sorted(key_positions(words, [("the trust", True, True)])) == [12, 48]
    # without "must end a word", the key may go on ("the trustee")
    assert sorted(key_positions(words, [("the trust", True, False)])) == [12, 23, 48]
    assert key_positions(words, [("the nurse", True, True)]) == []


def test_short_texts_never_push_the_postings_index_out() -> None:
    """The rules ask for sentences' word indexes between their looks at the posting's: the
    posting's is kept apart, not rebuilt after every few sentences."""
    from jdlint.document.words import INDEXED_FROM, indexed, words_of

    posting = "We hire nurses. " * (INDEXED_FROM // 10)
    first = words_of(posting)
    for i in range(10):
        words_of(f"A sentence about shift {i}.")
    assert words_of(posting) is first and indexed(posting)
    sentence = "A sentence about the ward."
    assert words_of(sentence) is words_of(sentence) and not indexed(sentence)
