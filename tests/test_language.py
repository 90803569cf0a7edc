"""Language detection: its function-word counts read from the word index are the counts a
pass of its own over the text gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from jdlint.document import language
from jdlint.document.words import Words

# function words of each language in several cases, glued to digits and "_", the "I" that is
# not Danish "i", a character whose lowercase is longer, and words that are none of them
_PIECES = ["the", "The", "THE", "und", "Und", "og", "i", "I", "I2", "2I", "og_", "_og", "the3",
           "3the", "x2und", "İ", "İn", "ß", "Før", "før", "é", "ab", " ", "  ", "\n", "-",
           "'", "’", "_", "7", ".", "vi", "Vi", "der", "die", "you", "your"]


def _function_words(counts: dict[str, int]) -> dict[str, int]:
    return {w: n for w, n in counts.items() if w in language._ALL_STOPWORDS and n}


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
       st.sampled_from([3, 10, 3000]))
def test_the_index_counts_the_words_a_pass_of_its_own_counts(text: str, sample: int) -> None:
    from_index = language._from_index(text, sample)
    counted, capital_i = language._counted(text, sample)
    if from_index is None:  # too long for the sample, or a lowercase the index shortens
        assert len(text) > sample * 8 or not Words(text).lower_exact or sum(
            counted.values()) == sample
        return
    counts, index_capital_i = from_index
    assert _function_words(dict(counts)) == _function_words(dict(counted))
    assert index_capital_i == capital_i


def test_a_text_with_more_words_than_the_sample_is_counted_by_its_own_pass() -> None:
    text = "the cat " * 20  # 40 words
    assert language._from_index(text, 39) is None
    assert language._from_index(text, 40) is not None
    assert language._from_index("og " * 10, 3) is None  # (more characters than 8 per word)


def test_a_lowercase_the_index_shortens_is_counted_by_its_own_pass() -> None:
    # "İ" lowercases to "i" and a combining dot: the index keeps "i", a Danish function word
    assert language._from_index("İ was there", 3000) is None
    assert language.detect("İ og du") == "da"


def test_words_glued_to_digits_count_as_the_letters_they_hold() -> None:
    counts, capital_i = language._from_index("og2 og_og I3 der", 3000) or ({}, -1)
    assert counts["og"] == 3 and counts["der"] == 1 and capital_i == 1
