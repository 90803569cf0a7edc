"""Precision and recall on hand-labelled postings of the dev corpus (issue 14).

    python benchmarks/dev_accuracy.py          # the table
    python benchmarks/dev_accuracy.py -v       # and every disagreement, by file name
    python benchmarks/dev_accuracy.py --set heldout   # the 40 postings labelled after tuning

The labels are in benchmarks/dev-labels/labels.tsv (file names and labels only; the README
beside them says how they were drawn and what each column means). The postings are read from
../shared/corpus/dev/. Rules are measured as findings (a positive is a finding the labels call
for); pay and the privacy notice, whose rules depend on the place's law, are measured as what
jdlint finds in the text, and so is a rolling deadline.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

try:
    from jdlint.checks.compliance import has_privacy_notice
except ImportError:  # a jdlint from before the notice needed context (for before/after)
    from jdlint.checks.compliance import patterns

    def has_privacy_notice(doc: Document) -> bool:
        return patterns()["privacy-notice"].search(doc.text) is not None
from jdlint.config import Config
from jdlint.document import Document
from jdlint.elements import deadlines
from jdlint.engine import build_context, check_text

try:
    from jdlint.pay import salary
except ImportError:  # a jdlint from before money had roles (for before/after figures)
    from jdlint.pay import find_pay as salary

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "dev"
TODAY = date(2026, 12, 1)
RULES = ("missing-deadline", "expired-deadline", "missing-contact", "missing-apply-instructions",
         "sensitive-data-request", "photo-request")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, name: str, expected: bool, got: bool) -> None:
        if expected and got:
            self.tp += 1
        elif got:
            self.fp += 1
            self.wrong.append(f"false positive: {name}")
        elif expected:
            self.fn += 1
            self.wrong.append(f"missed: {name}")
        else:
            self.tn += 1

    @staticmethod
    def ratio(a: int, b: int) -> str:
        return f"{a / b:.2f}" if b else "-"


def load_labels(name: str) -> list[dict[str, str]]:
    with open(HERE / "dev-labels" / name, encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip()]
    header = lines[0].lstrip("# ").rstrip("\n").split("\t")
    return list(csv.DictReader(lines[1:], fieldnames=header, delimiter="\t"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--set", choices=("labels", "heldout", "all"), default="labels",
                        help="labels.tsv (the 156 read while rules were tuned), heldout.tsv "
                             "(40 labelled after the tuning and never tuned on), or both")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no dev corpus at {CORPUS}", file=sys.stderr)
        return 1
    files = {"labels": ["labels.tsv"], "heldout": ["heldout.tsv"],
             "all": ["labels.tsv", "heldout.tsv"]}[args.set]
    labels = [row for name in files for row in load_labels(name)]
    context = build_context(Config(today=TODAY, select=RULES))
    elements = ("rolling (found)", "pay (found)", "privacy notice (found)")
    scores: dict[str, Score] = {name: Score() for name in (*RULES, *elements)}
    exact = Score()
    for row in labels:
        name = row["file"]
        text = (CORPUS / name).read_text("utf-8")
        found = check_text(name, text, context).diagnostics
        names = {d.name for d in found}
        doc = Document.from_source(name, text, today=TODAY)
        has_deadline = row["deadline"] != "-"
        rolling = row["rolling"] == "y"
        expected: dict[str, bool] = {
            "missing-deadline": not has_deadline and not rolling,
            "expired-deadline": has_deadline and date.fromisoformat(row["deadline"]) < TODAY,
            "missing-contact": row["contact"] == "n",
            "missing-apply-instructions": row["apply"] == "n",
            "sensitive-data-request": row["sensitive"] == "y",
            "photo-request": row["photo"] == "y",
        }
        for rule in RULES:
            scores[rule].add(name, expected[rule], rule in names)
        measured: dict[str, tuple[bool, bool]] = {
            "rolling (found)": (rolling, deadlines(doc).rolling is not None),
            "pay (found)": (row["pay"] != "none", bool(salary(doc))),
            "privacy notice (found)": (row["privacy"] == "y", has_privacy_notice(doc)),
        }
        for key, (want, got) in measured.items():
            scores[key].add(name, want, got)
        if has_deadline:  # expiry exact to the day
            told = [d.data.get("deadline") for d in found if d.name == "expired-deadline"]
            right = told == [row["deadline"]]
            exact.add(name + f" (labelled {row['deadline']}, jdlint {told or 'none'})", True, right)
    print(f"{len(labels)} labelled postings; today {TODAY}")
    print(f"{'rule / element':28} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4} {'precision':>9} "
          f"{'recall':>7}")
    for key, s in scores.items():
        print(f"{key:28} {s.tp:4} {s.fp:4} {s.fn:4} {s.tn:4} "
              f"{Score.ratio(s.tp, s.tp + s.fp):>9} {Score.ratio(s.tp, s.tp + s.fn):>7}")
    print(f"deadline date exact to the day: {exact.tp} of {exact.tp + exact.fn}")
    if args.verbose:
        for key, s in [*scores.items(), ("deadline date", exact)]:
            for line in s.wrong:
                print(f"{key}: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
