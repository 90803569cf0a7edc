"""Findings on the dev corpus, per source and rule, and random samples to read by hand.

    jdlint check ../shared/corpus/dev --format json --select ALL --today 2026-12-01 -o run.json
    python benchmarks/corpus_report.py run.json                       # counts per rule and source
    python benchmarks/corpus_report.py run.json --compare before.json # before/after per rule
    python benchmarks/corpus_report.py run.json --sample long-sentence --seed 7 -n 20
    python benchmarks/corpus_report.py run.json --sample RULE --compare before.json  # new only

Samples print the quoted text of each finding, to be read and judged by hand; the corpus is for
internal testing only, so never paste that output into the project or an issue.
The source of a file is the part of its name before the first "_" (``nhs_0001.md`` -> nhs).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any


def source_of(path: str) -> str:
    name = Path(path).name
    return name.split("_", 1)[0] if "_" in name else "other"


def load(path: Path) -> list[dict[str, Any]]:
    return list(json.loads(path.read_text("utf-8"))["diagnostics"])


def counts(diags: list[dict[str, Any]]) -> dict[str, Counter[str]]:
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for d in diags:
        out[d["name"]][source_of(d["path"])] += 1
    return out


def multiline(diags: list[dict[str, Any]], rule: str) -> tuple[int, int]:
    mine = [d for d in diags if d["name"] == rule]
    return sum(d["end_line"] > d["line"] for d in mine), len(mine)


def quote(d: dict[str, Any], cache: dict[str, list[str]], width: int = 300) -> str:
    path = d["path"]
    if path not in cache:
        try:
            cache[path] = Path(path).read_text("utf-8", errors="replace").splitlines()
        except OSError:
            cache[path] = []
    lines = cache[path][d["line"] - 1:d["end_line"]]
    if not lines:
        return ""
    if len(lines) == 1:
        text = lines[0][d["column"] - 1:d["end_column"] - 1]
    else:
        last = lines[-1][:d["end_column"] - 1]
        text = " / ".join([lines[0][d["column"] - 1:], *lines[1:-1], last])
    return text[:width]


def context(d: dict[str, Any], cache: dict[str, list[str]], width: int = 160) -> str:
    """The finding's line with ``width`` characters either side of the span, the span in [[ ]]."""
    lines = cache.get(d["path"]) or []
    if not lines or d["line"] > len(lines):
        return ""
    line = lines[d["line"] - 1]
    a = d["column"] - 1
    b = d["end_column"] - 1 if d["end_line"] == d["line"] else len(line)
    left = max(0, a - width)
    return (("…" if left else "") + line[left:a] + "[[" + line[a:b] + "]]"
            + line[b:b + width] + ("…" if b + width < len(line) else ""))


def per_posting(diags: list[dict[str, Any]], files: list[str]) -> str:
    """Mean and median findings per posting, by severity, over every checked file."""
    by: dict[str, Counter[str]] = defaultdict(Counter)
    for d in diags:
        by[d["severity"]][d["path"]] += 1
        by["all"][d["path"]] += 1
    out = []
    for severity in ("error", "warning", "info", "all"):
        values = sorted(by[severity][f] for f in files)
        if not values:
            continue
        mean = sum(values) / len(values)
        median = values[len(values) // 2] if len(values) % 2 else (
            values[len(values) // 2 - 1] + values[len(values) // 2]) / 2
        out.append(f"{severity}: mean {mean:.2f}, median {median:g}")
    return f"findings per posting ({len(files)} postings): " + "; ".join(out)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("run", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--sample")
    parser.add_argument("--source", help="only files of this source (with --sample)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-n", type=int, default=20)
    args = parser.parse_args()
    diags = load(args.run)
    if args.sample:
        pool = [d for d in diags if d["name"] == args.sample
                and (not args.source or source_of(d["path"]) == args.source)]
        if args.compare:  # only what the change added: the files the rule did not flag before
            flagged = {d["path"] for d in load(args.compare) if d["name"] == args.sample}
            pool = [d for d in pool if d["path"] not in flagged]
        rng = random.Random(args.seed)
        picked = rng.sample(pool, min(args.n, len(pool)))
        cache: dict[str, list[str]] = {}
        print(f"{len(picked)} of {len(pool)} {args.sample} findings, seed {args.seed}")
        for i, d in enumerate(picked, 1):
            print(f"\n[{i}] {Path(d['path']).name}:{d['line']}-{d['end_line']} {d['message']}")
            print("    " + quote(d, cache))
            if d.get("line"):
                print("    ctx: " + context(d, cache))
            if d.get("data"):
                print("    data: " + json.dumps(d["data"], ensure_ascii=False)[:600])
        return 0
    now = counts(diags)
    before = counts(load(args.compare)) if args.compare else {}
    sources = sorted({s for c in (*now.values(), *before.values()) for s in c})
    print("rule".ljust(28) + "".join(s[:9].rjust(10) for s in sources) + "total".rjust(8))
    for rule in sorted(set(now) | set(before)):
        cells = []
        for s in sources:
            n = now.get(rule, Counter())[s]
            cells.append(f"{before.get(rule, Counter())[s]}>{n}" if args.compare else str(n))
        total = sum(now.get(rule, Counter()).values())
        btotal = sum(before.get(rule, Counter()).values())
        print(rule.ljust(28) + "".join(c.rjust(10) for c in cells)
              + (f"{btotal}>{total}" if args.compare else str(total)).rjust(8))
    files = [f["path"] for f in json.loads(args.run.read_text("utf-8")).get("files", [])]
    if files:
        print(per_posting(diags, files))
    ml, n = multiline(diags, "long-sentence")
    print(f"\nlong-sentence findings spanning several lines: {ml} of {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
