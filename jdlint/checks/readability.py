"""Readability rules that need no NLP model."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..document import Document
from ..document.language import SPACELESS
from ..document.words import indexed, occurrences, words_of
from ..model import Category, Example, RuleDocs, RuleMeta, Severity, Violation
from ..rule import Rule

#: Related places on the one finding, at most.
MAX_RELATED = 40

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# WORD's matches in a text whose "_" are spaces (a word character that WORD leaves out as if it
# were one): the engine checks \w faster than [^\W_]
_WORD_NO_UNDERSCORE = re.compile(r"\w+(?:['’\-]\w+)*")


def words_in(text: str) -> int:
    """How many WORD matches ``text`` holds (read from its word index when it is at hand: a
    posting the rules are looking at)."""
    if indexed(text) and (counted := _words_indexed(text)) is not None:
        return counted
    return len(_WORD_NO_UNDERSCORE.findall(text.replace("_", " ")))


def _words_indexed(text: str) -> int | None:
    """WORD's matches in ``text`` counted from its word index: its runs of letters and digits
    (the index's runs of ``\\w``, each "_" in them a break) less the apostrophes and hyphens
    that join two of them into one word ("well-being", "don't"). None when the index's
    lowercase is not the text's (a character whose lowercase is longer)."""
    words = words_of(text)
    if not words.lower_exact:
        return None
    runs = 0
    for key, offsets in words.table().items():
        runs += len(offsets) * (1 if "_" not in key
                                else sum(1 for part in key.split("_") if part))
    joins = 0
    for key, offsets in words.table(hyphens=True).items():
        if "-" in key:  # (a word's lowercase is a letter or digit where the word's is)
            joins += len(offsets) * sum(
                1 for j in range(1, len(key) - 1)
                if key[j] == "-" and key[j - 1] not in "-_" and key[j + 1] not in "-_")
    last = len(text) - 1
    for mark in ("'", "’"):
        joins += sum(1 for p in occurrences(text, mark)
                     if 0 < p < last and text[p - 1].isalnum() and text[p + 1].isalnum())
    return runs - joins


def word_count(doc: Document) -> int:
    """The posting's words, less its pasted copies: the length readability and posting-length
    both measure, counted once."""
    return doc.memo("word-count", lambda d: words_in(d.text_without_copies))

_LONG = ("We are looking for a motivated colleague who will take responsibility for planning, "
         "coordinating and following up on our maintenance projects across all sites, while at "
         "the same time supporting the operators, reporting to management every week and "
         "keeping our documentation complete and up to date at all times.")


class LongSentence(Rule):
    reads_languages = None  # (it reads no words: any language)
    meta = RuleMeta(
        code="RDB002",
        name="long-sentence",
        category=Category.READABILITY,
        severity=Severity.INFO,
        summary="Sentences (or bullets) longer than the word limit: one finding at the longest, "
                "the others listed longest first.",
        options={"max-words": 35, "per-sentence": False},
        docs=RuleDocs(
            what="Flags sentences, bullets and headings with more words than `max-words` "
                 "(default 35). Bullets, and lines of a plain-text list, count as one sentence "
                 "each; prose wrapped across lines is one sentence. Statements of policy "
                 "(equal opportunity, accommodation, data protection, agencies) and pasted "
                 "copies are left out: their wording is usually set by law or by the legal "
                 "team. One finding per posting, at the longest sentence, says how many "
                 "sentences are over the limit; the others are its related places, longest "
                 "first (JSON `related`, SARIF `relatedLocations`, a list under it in the text "
                 "report), so a writer starts with the worst. Option `per-sentence = true` "
                 "gives one finding per sentence instead.",
            why="Long sentences are the main driver of reading difficulty: readers hold fewer "
                "ideas at once, skim job postings on phones, and many read them in a second "
                "language. Plain-language guidance puts the average at 15 to 20 words and "
                "treats anything much above 25 as a sentence to split.",
            example=_LONG,
            use_instead="You will plan, coordinate and follow up on maintenance projects at all "
                        "our sites. You will also support the operators, report to management "
                        "every week and keep the documentation up to date.",
            references=(
                "GOV.UK style guide, 'Sentence length' (Government Digital Service): aim for "
                "25 words or fewer.",
                "Federal Plain Language Guidelines (plainlanguage.gov, rev. 2011), "
                "'Write short sentences'.",
            ),
            basis="good practice",
        ),
        examples=(
            Example(_LONG, True),
            # a plain-text list is one sentence per line, not one long sentence
            Example("Requirements:\n" + "".join(f"Experience with tool number {i} in a team\n"
                                                 for i in range(8)), False),
            Example("We are an equal opportunity employer and all qualified applicants will "
                    "receive consideration for employment without regard to race, colour, "
                    "religion, sex, sexual orientation, gender identity, national origin, age, "
                    "disability, veteran status or any other characteristic protected by law.",
                    False),
            Example("Plan and follow up maintenance projects.\n\n- Support the operators.\n"
                    "- Report to management every week.", False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        if doc.language in SPACELESS:
            return  # (no spaces between words: none to count)
        limit = int(options["max-words"])
        long: list[tuple[int, int, int]] = []  # (words, start, end)
        for sentence in doc.sentences:
            if doc.in_boilerplate(sentence.start) or doc.in_copy(sentence.start):
                continue  # legal statements (equal opportunity...) are not the writer's to split
            if len(sentence.text) < 2 * limit + 1:
                continue  # n words take 2n - 1 characters at least: too short to be over
            words = words_in(sentence.text)
            if words > limit:
                long.append((words, sentence.start, sentence.end))
        if not long:
            return
        if options.get("per-sentence"):
            for words, start, end in long:
                yield Violation(start, end, f"sentence has {words} words (limit {limit}); split "
                                "it into shorter ones", data={"words": words, "limit": limit})
            return
        long.sort(key=lambda item: (-item[0], item[1]))  # longest first, then in reading order
        words, start, end = long[0]
        if len(long) == 1:
            message = f"sentence has {words} words (limit {limit}); split it into shorter ones"
        else:
            message = (f"{len(long)} sentences are longer than {limit} words; this one is the "
                       f"longest ({words} words): split it first, then the others listed")
        related = tuple((s, e, f"{n} words") for n, s, e in long[1:MAX_RELATED + 1])
        yield Violation(start, end, message, related=related,
                        data={"words": words, "limit": limit, "sentences": len(long),
                              "lengths": [n for n, _, _ in long]})
