"""Long files: does the time grow with the file's length, or faster? (run by hand)

    python benchmarks/scale.py [--size 1500] [--only money,places]

A posting is a few kilobytes, but a folder holds what users put there: a posting pasted
hundreds of times, an export of a whole board in one file, a log. Each shape below is
generated (seeded; jdlint's own words, never the corpus's) at ``--size`` and twice that, and
linted in this process; the table gives both times and their ratio. A ratio well above 2
(flagged from 2.6) is a quadratic step: a pass over all earlier matches for each new one.
That is how these were found (2026-12-07): a town's every use read at each mention, a list
of taken pay spans read for every amount, the rest of a sorted list copied at each search,
fixes applied by rebuilding the whole text for each (a 12.8 MB file that repeats one
paragraph took over 5 minutes; now 7 s); then a run of stops tried at each stop (100 KB of
"." took 107 s), a long run of capitalised names split at each name, a hyphenated word's
parts merged by copying, the same short line compared with its first copy from there on
at each line, a list's items read to the block's end from each list, and an amount's money
words read from its sentence's start; then (eleventh session) an amount's sentence searched
for a pay word at each amount ("$80,000+" x 2000 in one line: 5 s, now 0.06 s); then (thirteenth session) a line of
thousands of capitalised words before ", CA", ", Ontario" or "(QC)", each word tried as the
town's start (8,000 words: 5.7 s, now 3 ms).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

import jdlint

_WORDS = ("nurse care patient team work support plan develop manage clinical service ward "
          "shift report data project client build design test review train skill").split()
_TOWNS = ("Leeds", "Toronto", "Berlin", "Aarhus", "Austin", "Denver", "Munich", "Ottawa")


def _sentence(r: random.Random, k: int = 0) -> str:
    return " ".join(r.choice(_WORDS) for _ in range(k or r.randint(6, 25))).capitalize() + "."


def _shapes() -> dict[str, tuple[str, Callable[[random.Random, int], str]]]:
    """Each shape's file extension and its text of ``n`` units."""
    return {
        "paragraphs": ("md", lambda r, n: "\n\n".join(
            " ".join(_sentence(r) for _ in range(5)) for _ in range(n))),
        "one paragraph pasted": ("txt", lambda r, n: (
            "We are hiring a nurse in Leeds. " * 8 + "\n\n") * n),
        "one line": ("txt", lambda r, n: " ".join(_sentence(r) for _ in range(5 * n))),
        "no punctuation": ("txt", lambda r, n: " ".join(r.choice(_WORDS) for _ in range(60 * n))),
        "bullets": ("md", lambda r, n: "\n".join(f"- {_sentence(r)}" for _ in range(5 * n))),
        "headings": ("md", lambda r, n: "\n\n".join(
            f"# {_sentence(r, 3)}\n\n{_sentence(r)}" for _ in range(2 * n))),
        "bold lines": ("md", lambda r, n: "\n\n".join(
            f"**{_sentence(r, 2)}**\n\n{_sentence(r, 4)}" for _ in range(2 * n))),
        "places": ("md", lambda r, n: "\n\n".join(
            f"Location: {r.choice(_TOWNS)}, ON. Based in {r.choice(_TOWNS)}, {_sentence(r)}"
            for _ in range(3 * n))),
        "dates": ("md", lambda r, n: "\n".join(
            f"Apply by {r.randint(1, 28)} May 2027. Closing date: {r.randint(1, 12)}/"
            f"{r.randint(1, 12)}/2027." for _ in range(3 * n))),
        "money": ("md", lambda r, n: "\n".join(
            f"Salary: ${r.randint(40, 90)},000 - ${r.randint(91, 150)},000 per year. Band "
            f"{r.randint(2, 9)}." for _ in range(3 * n))),
        "contacts": ("md", lambda r, n: "\n".join(
            f"Contact Sam Lee at sam{r.randint(1, 99999)}@example.org or +44 20 7946 "
            f"{r.randint(1000, 9999)}." for _ in range(3 * n))),
        "terms": ("md", lambda r, n: "\n".join(
            f"- The foreman and the salesmen of our young and dynamic team ({i})."
            for i in range(3 * n))),
        "German": ("md", lambda r, n: "\n\n".join(
            f"Wir suchen einen Mitarbeiter (m/w/d) in München für {r.choice(_WORDS)} {i}. "
            f"Bewerbung bis 1. Mai 2027 an jobs{i}@firma.de." for i in range(2 * n))),
        "table": ("md", lambda r, n: "| a | b |\n|---|---|\n" + "\n".join(
            f"| {_sentence(r, 4)} | {_sentence(r, 4)} |" for _ in range(3 * n))),
        # degenerate text, each once quadratic somewhere
        "a run of stops": ("txt", lambda r, n: "." * (20 * n)),
        "a run of names": ("txt", lambda r, n: " ".join(["New", "York", "City", "Of", "Leeds"]
                                                        * n)),
        "one hyphenated word": ("txt", lambda r, n: "-".join(["a"] * (10 * n))),
        "the same short line": ("md", lambda r, n: "".join(
            "  " * (i % 30) + "- x\n" for i in range(4 * n))),
        "two short lines": ("txt", lambda r, n: "\n".join(["- x", "- y"] * (2 * n))),
        "lists after semicolons": ("txt", lambda r, n: "; - A" * (4 * n)),
        "amounts in one sentence": ("txt", lambda r, n: "$1-$2-" * (2 * n)),
        "minimums in one sentence": ("txt", lambda r, n: "$80,000+" * (2 * n)),
        "links in one word": ("txt", lambda r, n: "Location: Denver, CO\n\nwww." * 1
                              + "www." * (10 * n)),
        "benefit kinds listed": ("txt", lambda r, n: "Location: Denver, CO\n\n"
                                 + "medical, " * (5 * n)),
        "labels before dates": ("txt", lambda r, n: "\n".join(
            f"Closing date\n{r.randint(1, 28)} May 2027" for _ in range(2 * n))),
        "a town that runs on": ("txt", lambda r, n: "We work in " + " ".join(
            f"Abc{i}." for i in range(2 * n))),
        "yearless dates": ("txt", lambda r, n: "Apply by 1/15. Open 24/7. KW 3/2027. " * (2 * n)),
        "sent to names": ("txt", lambda r, n: "Send your CV to Dr. Jane Lee at jane.lee@example.org"
                          " by 15 May 2027. " * (2 * n)),
        "questions": ("txt", lambda r, n: "Questions on the test questions go to the "
                      "Supplemental Questions Section. " * (2 * n)),
        "world domains": ("txt", lambda r, n: "Email kiri@example.co.nz or call +64 3 123 4567, "
                          "in New Zealand. " * (2 * n)),
        # one line of capitalised words before a town's code: each word once tried as the
        # town's start (2026-12-08: 8,000 words took 5.7 s)
        "capitals before a code": ("txt", lambda r, n: "Title\n" + "Abc " * (3 * n)
                                   + "x, CA; x, Ontario; x (QC)\n"),
        "HTML": ("html", lambda r, n: "<html><body>" + "".join(
            f"<p>{_sentence(r)}</p><ul><li>{_sentence(r)}</li></ul>" for _ in range(2 * n))
            + "</body></html>"),
    }


def _time(text: str, ext: str) -> float:
    start = time.perf_counter()
    jdlint.lint_text(text, path=f"long.{ext}", today="2026-12-01")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1500, help="units of the smaller file")
    parser.add_argument("--only", default="", help="shapes to run, comma-separated")
    args = parser.parse_args()
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    jdlint.lint_text("Nurse. Apply by 1 May 2027 to jobs@example.org.", path="warm.md")
    print(f"{'shape':22}{'size':>10}{'time':>9}{'2x size':>10}{'time':>9}{'ratio':>7}")
    worst = 0.0
    for name, (ext, make) in _shapes().items():
        if only and name not in only:
            continue
        small, big = (make(random.Random(1), n) for n in (args.size, 2 * args.size))
        t1, t2 = _time(small, ext), _time(big, ext)
        ratio = t2 / t1
        worst = max(worst, ratio)
        flag = "  <- faster than linear growth" if ratio >= 2.6 else ""
        print(f"{name:22}{len(small) / 1e6:>8.2f}MB{t1:>8.2f}s{len(big) / 1e6:>8.2f}MB"
              f"{t2:>8.2f}s{ratio:>7.2f}{flag}")
    print(f"worst ratio {worst:.2f} (2.0 is linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
