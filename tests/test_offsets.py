from __future__ import annotations

import pytest

from jdlint.reading.offsets import LineIndex, OffsetMap, TextBuilder


def test_identity_map_round_trips() -> None:
    m = OffsetMap.identity(10)
    assert [m.to_source(i) for i in range(11)] == list(range(11))
    assert m.to_source_end(4) == 4
    assert m.is_verbatim(0, 10)


def test_builder_merges_adjacent_copies_and_maps_synthetic_text() -> None:
    b = TextBuilder()
    b.copy("ab", 0)
    b.copy("cd", 2)
    b.insert("&", 4, 9)  # "&amp;" at 4..9
    b.copy("ef", 9)
    text, m = b.build()
    assert text == "abcd&ef"
    assert len(m.segments) == 3
    assert m.to_source(4) == 4 and m.to_source_end(5) == 9
    assert m.to_source(5) == 9
    assert not m.is_verbatim(3, 6)
    assert m.is_verbatim(5, 7)


@pytest.mark.parametrize(
    ("source", "offset", "expected"),
    [("abc", 0, (1, 1)), ("abc\ndef", 4, (2, 1)), ("abc\ndef", 6, (2, 3)),
     ("a\r\nb", 3, (2, 1)), ("", 0, (1, 1)), ("x\n", 2, (2, 1)),
     # between the CR and the LF of a CRLF: still the end of the line, not past it
     ("a\r\nb", 2, (1, 2)), ("\r\n#", 1, (1, 1))],
)
def test_line_index(source: str, offset: int, expected: tuple[int, int]) -> None:
    assert LineIndex(source).position(offset) == expected
