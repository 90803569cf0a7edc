"""Which language a posting is written in: English, German or Danish, or another one.

A count of function words is all three need: they share few of them, postings are long enough,
and it is deterministic and free (no model, no download). The count comes from the posting's
word index (:mod:`.words`), which the rules build anyway, instead of a pass of its own.

A posting in a language jdlint does not check (a Québec posting in French, a Spanish one from
the US, a Norwegian or Swedish one that Danish function words would claim) is told by the
function words of that language that the three lack: its language is then that one's code
("fr"), and the rules that read words skip it rather than read French as Danish.
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
#: Languages jdlint does not check, by function words none of the three above has (so "de",
#: "en", "i", "du" count for none of them): enough to tell such a posting from a checked one
OTHER_NAMES = {"fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
               "nl": "Dutch", "sv": "Swedish", "nb": "Norwegian", "pl": "Polish"}
_OTHER_STOPWORDS = {
    "fr": set("le la les des et à pour dans vous nous du un une au aux sur avec par est votre "
              "vos qui que ou être notre nos ce cette".split()),
    "es": set("el la los las y para con por es del una su sus usted nosotros nuestro nuestra "
              "como más este esta que se lo al".split()),
    "it": set("il lo la gli le e per con è della delle degli che una nostro nostra sono come "
              "anche al alla nel nella".split()),
    "pt": set("o os as e para com é da das dos uma seu sua você nosso nossa não como mais "
              "ao na no pelo pela".split()),
    "nl": set("het een en van voor met je jij wij ons onze bent zijn wordt niet ook bij naar "
              "als zich deze dat".split()),
    "sv": set("och att är för ett inte från också ska vara våra vår oss av till mycket hur "
              "vill gärna blir".split()),
    "nb": set("av deg meg oss våre vår etter noe ble blir mye arbeid arbeidet".split()),
    "pl": set("i w na z do się jest że nie oraz dla od przez jako za twoje nasz".split()),
}
#: Swedish and Norwegian share most function words with Danish ("vi", "du", "har", "som"):
#: against Danish they are weighed by the words that set each apart, Danish by its own
_CLOSE_TO = {
    "sv": ("da", frozenset("og at af er ikke fra også skal være vores os".split())),
    "nb": ("da", frozenset("af vores os efter dig mig noget blev meget".split())),
}
# (a word a checked language has too counts for it alone: "och" is Swedish, "som" Danish too)
for _words in _OTHER_STOPWORDS.values():
    _words -= set().union(*_STOPWORDS.values())
NAMES.update(OTHER_NAMES)
_ALL_STOPWORDS = frozenset().union(*_STOPWORDS.values(), *_OTHER_STOPWORDS.values(),
                                   *(own for _, own in _CLOSE_TO.values()))
_WORD = re.compile(r"[^\W\d_]+")


def detect(text: str, default: str = "en", sample: int = 3000) -> str:
    """The supported language whose function words are most frequent among the first
    ``sample`` words (runs of letters) of ``text``, in its first ``sample * 8`` characters."""
    lowered, capital_i = _from_index(text, sample) or _counted(text, sample)
    scores = {lang: sum(lowered.get(w, 0) for w in _STOPWORDS[lang]) for lang in SUPPORTED}
    scores["da"] -= capital_i  # English "I" is not Danish "i" (in)
    best = max(SUPPORTED, key=lambda lang: scores[lang])
    # another language whose own function words outnumber the best checked one's: a French
    # posting's "de", "en" and "du" made it Danish
    other = {lang: sum(lowered.get(w, 0) for w in words)
             for lang, words in _OTHER_STOPWORDS.items()}
    rival = max(other, key=lambda lang: other[lang])
    close, own = _CLOSE_TO.get(rival, ("", frozenset()))
    against = sum(lowered.get(w, 0) for w in own) if close == best else scores[best]
    if other[rival] > max(against, 0) and other[rival] >= 5:
        return rival
    if scores[best] < _FEW and (script := _other_script(text, sample)) is not None:
        return script  # Russian, Chinese...: English rules read no words there
    return best if scores[best] > 0 else default


#: Fewer function words of the best checked language than this: the text may not be in a
#: Latin script at all (a Russian or Chinese posting has a few English words: "Python")
_FEW = 5
_SCRIPTS = (("und-Cyrl", "[\u0400-\u04ff]"), ("und-Grek", "[\u0370-\u03ff]"),
            ("und-Arab", "[\u0600-\u06ff]"), ("und-Hebr", "[\u0590-\u05ff]"),
            ("und-Hani", "[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"),
            ("und-Thai", "[\u0e00-\u0e7f]"))
_SCRIPT = re.compile("|".join(f"(?P<{code.replace('-', '_')}>{chars})" for code, chars in _SCRIPTS))
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
OTHER_NAMES.update({"und-Cyrl": "Cyrillic script", "und-Grek": "Greek script",
                    "und-Arab": "Arabic script", "und-Hebr": "Hebrew script",
                    "und-Hani": "Chinese, Japanese or Korean script", "und-Thai": "Thai script"})
NAMES.update(OTHER_NAMES)
#: Scripts that put no spaces between words: words cannot be counted there
SPACELESS = frozenset({"und-Hani", "und-Thai"})


def _other_script(text: str, sample: int) -> str | None:
    """The script most of the text's letters are in, when it is not the Latin one."""
    head = text[:sample * 8]
    counts = Counter(m.lastgroup for m in _SCRIPT.finditer(head))
    if not counts:
        return None
    group, n = counts.most_common(1)[0]
    if n <= len(_LATIN.findall(head)):
        return None
    return (group or "").replace("_", "-")


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
