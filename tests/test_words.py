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
