"""Reading scores of real postings, to set the readability limits (RDB001).

    python benchmarks/readability_calibration.py ../shared/corpus/dev

Scores each posting as the rule does (jdlint's sentences and bullets, policy statements and
pasted copies left out, postings under 100 words skipped) and prints percentiles per language:
Flesch-Kincaid grade (English), Wiener Sachtextformel (German), LIX (Danish).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from jdlint.checks.text_metrics import WORD, _textstat, scoring_text
from jdlint.document import Document
from jdlint.reading import FORMATS


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/dev")
    textstat = _textstat()
    scores: dict[str, list[float]] = defaultdict(list)
    for path in sorted(p for p in root.rglob("*") if p.suffix in FORMATS and p.suffix != ".docx"
                       and p.suffix != ".doc"):
        try:
            doc = Document.from_source(str(path), path.read_text("utf-8"))
        except (UnicodeDecodeError, ValueError):
            continue
        if len(WORD.findall(doc.text_without_copies)) < 100:
            continue
        text = scoring_text(doc)
        textstat.set_lang(doc.language)
        if doc.language == "da":
            scores["da LIX"].append(float(textstat.lix(text)))
        elif doc.language == "de":
            wstf = float(textstat.wiener_sachtextformel(text, 4))
            scores["de Wiener Sachtextformel"].append(wstf)
        else:
            scores["en Flesch-Kincaid grade"].append(float(textstat.flesch_kincaid_grade(text)))
    for name, values in sorted(scores.items()):
        values.sort()
        cut = {q: values[min(len(values) - 1, int(q / 100 * len(values)))]
               for q in (10, 25, 50, 75, 90, 95)}
        print(f"{name}: {len(values)} postings; " + ", ".join(
            f"p{q} {v:.1f}" for q, v in cut.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
