"""Which language a posting is written in: English, German or Danish.

A count of function words is all three need: they share few of them, postings are long enough,
and it is deterministic and free (no model, no download). The count comes from the posting's
word index (:mod:`.words`), which the rules build anyway, instead of a pass of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from .words import words_of

SUPPORTED = ("en", "de", "da")
NAMES = {"en": "English", "de": "German", "da": "Danish"}

_STOPWORDS = {
    # not "in" or "an", which are German words too ("in Wien", "Bewerbung an ...")
    "en": set(
        "the and of to for with you your we our is are will be on as this that or at by "
        "from have has who what can about their they it us".split()
    ),
    "de": set(
        "der die das und zu den mit von für ist sie wir ein eine im auf dich du ihre ihr bei "
        "uns unser unsere sich als auch oder nicht werden wird dem des zur zum über".split()
    ),
    "da": set(
        "og i at det en til af på er med som for den de vi du har vil dig kan om os vores din "
        "dine ikke fra eller også skal være ved efter hos".split()
    ),
}
_ALL_STOPWORDS = frozenset().union(*_STOPWORDS.values())
_WORD = re.compile(r"[^\W\d_]+")


def detect(text: str, default: str = "en", sample: int = 3000) -> str:
    """The supported language whose function words are most frequent among the first
    ``sample`` words (runs of letters) of ``text``, in its first ``sample * 8`` characters."""
    lowered, capital_i = _from_index(text, sample) or _counted(text, sample)
    scores = {lang: sum(lowered.get(w, 0) for w in _STOPWORDS[lang]) for lang in SUPPORTED}
    scores["da"] -= capital_i  # English "I" is not Danish "i" (in)
    best = max(SUPPORTED, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else default


def _counted(text: str, sample: int) -> tuple[Mapping[str, int], int]:
    """How often each word (lowercased) stands in ``text``'s sample, and how often "I"."""
    words = _WORD.findall(text, 0, sample * 8)[:sample]
    return Counter(map(str.lower, words)), words.count("I")


def _from_index(text: str, sample: int) -> tuple[Mapping[str, int], int] | None:
    """:func:`_counted`'s counts of the function words and of "I", read from the word index;
    None when they could differ: a text longer than the sample's characters or with more
    words (runs of letters) than ``sample``, or one with a character whose lowercase is
    longer (the index keeps its first). The index's words are runs of ``\\w``: one that holds
    a digit or "_" (it is then not all letters) holds runs of letters, each a word here."""
    if len(text) > sample * 8:
        return None
    words = words_of(text)
    if not words.lower_exact:
        return None
    table = words.table()
    counts = {w: len(table[w]) for w in _ALL_STOPWORDS & table.keys()}
    capital_i = sum(1 for p in table.get("i", ()) if text[p] == "I")
    total = 0
    for key, offsets in table.items():
        if key.isalpha():
            total += len(offsets)
            continue
        for p in offsets:
            for letters in _WORD.findall(text, p, p + len(key)):
                total += 1
                if (low := letters.lower()) in _ALL_STOPWORDS:
                    counts[low] = counts.get(low, 0) + 1
                capital_i += letters == "I"
    return (counts, capital_i) if total <= sample else None


def normalise(value: object) -> str | None:
    """A language code from front matter or config ("German", "de-DE", "da") or None."""
    if not isinstance(value, str):
        return None
    v = value.strip().lower().replace("_", "-")
    names = {"english": "en", "german": "de", "deutsch": "de", "danish": "da", "dansk": "da"}
    v = names.get(v, v.split("-")[0])
    return v if v in SUPPORTED else None
