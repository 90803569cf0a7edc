"""Text garbled by a wrong encoding ("mojibake"): UTF-8 read as Windows-1252 or Latin-1 turns
a curly apostrophe into "â€™" and "für" into "fÃ¼r". An ATS export, a CMS or an open-data feed that
gets the encoding wrong once leaves the posting that way on every board it is sent to.

Repairs come from ftfy (Robyn Speer; Apache-2.0), the library for exactly this: it re-encodes a
suspect stretch and keeps the repair only when the result is less strange by its measure of
text badness, so "café”" and "São" are left alone. ftfy is imported only for a posting that
has a candidate: a character that can open a UTF-8 sequence (U+00C2 to U+00F4) followed by one
that a continuation byte (0x80 to 0xBF) reads as in Windows-1252 or Latin-1.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from ..document import Document
from ..document.blocks import widen_to_words
from ..model import Category, Example, Fix, RuleDocs, RuleMeta, Severity, Violation
from ..rule import Rule


def _continuations() -> str:
    """The characters a UTF-8 continuation byte becomes when read as Windows-1252 (Latin-1
    where Windows-1252 has none), as a regex class's body."""
    chars = set()
    for byte in range(0x80, 0xC0):
        chars.add(chr(byte))  # Latin-1 (and the C1 controls of Windows-1252's gaps)
        with contextlib.suppress(UnicodeDecodeError):
            chars.add(bytes([byte]).decode("cp1252"))
    return "".join(re.escape(c) for c in sorted(chars))


#: Where a stretch of mojibake can start: a UTF-8 lead byte's letter and a continuation's
_CANDIDATE = re.compile(f"[\u00c2-\u00f4][{_continuations()}]")
#: The stretch ftfy is given: the run of text between white space around a candidate (a
#: no-break space stays in it: "Â\u00a0" is a mangled no-break space)
_STRETCH = re.compile(r"[^ \t\n\r\f\v]+")


#: C0 and C1 control characters: Latin-1 reads some UTF-8 continuation bytes as these
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@cache
def _fix_encoding() -> Any:
    from ftfy import fix_encoding

    return fix_encoding


def garbled(text: str) -> list[tuple[int, int, str]]:
    """The garbled stretches of ``text`` (start, end, repaired text), trimmed to what changes,
    in order."""
    if text.isascii():
        return []
    out: list[tuple[int, int, str]] = []
    done = -1
    for m in _CANDIDATE.finditer(text):
        if m.start() < done:
            continue  # in the stretch before
        start = m.start()
        while start > 0 and text[start - 1] not in " \t\n\r\f\v":
            start -= 1
        stretch = _STRETCH.match(text, start)
        assert stretch is not None  # (the candidate's characters are not white space)
        done = stretch.end()
        was = stretch.group()
        fixed = _fix_encoding()(was)
        if fixed == was:
            continue
        head = 0  # the common start and end are not the repair's
        while head < min(len(was), len(fixed)) and was[head] == fixed[head]:
            head += 1
        tail = 0
        while (tail < min(len(was), len(fixed)) - head
               and was[len(was) - 1 - tail] == fixed[len(fixed) - 1 - tail]):
            tail += 1
        out.append((start + head, done - tail, fixed[head:len(fixed) - tail]))
    return out


class GarbledText(Rule):
    reads_languages = None  # (it reads no words: any language)
    meta = RuleMeta(
        code="RDB007",
        name="garbled-text",
        category=Category.READABILITY,
        severity=Severity.WARNING,
        summary="Characters garbled by a wrong encoding (\"Weâ€™re\" for \"We’re\", \"fÃ¼r\" for "
                "\"für\"), with the repair.",
        fixable=True,
        docs=RuleDocs(
            what="Flags mojibake: text saved as UTF-8 and read back as Windows-1252 or "
                 "Latin-1, so that each accented letter, curly quote or dash became two or three "
                 "odd characters (\"â€™\", \"Ã¼\", \"Â\"). Each garbled stretch is one finding "
                 "with its repair, which `--fix` applies. Repairs come from ftfy, which keeps one "
                 "only when the repaired text is plainly more natural than the garbled one: "
                 "\"café”\" and \"São\" are left as they are.",
            why="Applicants see the garbage on every board the posting is sent to; it reads as "
                "careless, and screen readers spell it out. It comes from one wrong setting in "
                "an export, a CMS or a feed, and search-and-replace by hand misses some.",
            example="Weâ€™re hiring a Projektleiter fÃ¼r our MÃ¼nchen office.",
            use_instead="We’re hiring a Projektleiter für our München office.",
            references=("ftfy: fixes text for you (Robyn Speer), https://ftfy.readthedocs.io/",),
            basis="good practice",
        ),
        examples=(
            Example("Weâ€™re hiring a nurse for the night shift.\n", True),
            Example("Wir suchen eine Pflegekraft fÃ¼r die Nachtschicht.\n", True),
            Example("Salary: Â£30,000 to Â£34,000 a year.\n", True),
            Example("We’re hiring a nurse für die Nachtschicht in São Paulo, café included.\n",
                    False),
            Example("Vi søger en sygeplejerske til afdelingen på Ærø; løn efter overenskomst.\n",
                    False),
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        text = doc.text
        for start, end, repaired in garbled(text):
            word_start, word_end = widen_to_words(text, start, end)
            # (shown with U+FFFD for the control characters a garbled stretch may hold)
            was = _UNPRINTABLE.sub("\ufffd", text[word_start:word_end])
            should = text[word_start:start] + repaired + text[end:word_end]
            yield Violation(start, end, f'"{was}" is garbled by a wrong encoding (UTF-8 read as '
                            f'Windows-1252); it should read "{should}"',
                            fix=Fix(start, end, repaired), data={"repaired": repaired})
