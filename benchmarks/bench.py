"""Benchmark: cold start, postings per second (--jobs 1 and 2), peak memory, a 10 MB file.

Run by hand (not a test):  python benchmarks/bench.py [--corpus ../shared/corpus/skillspan]
Targets (issue 5): a cold start for one posting under 1 s; the default rules at 300 postings/s
or more with --jobs 2. Last run (2026-11-22, 2 cores): 0.64 s cold (English; a Danish posting
loads spaCy and its lemma table: 2.3 s), 58 postings/s with --jobs 1, 87 with --jobs 2.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "skillspan"


def timed(cmd: list[str], repeat: int = 3) -> tuple[float, int]:
    """Best wall time of ``repeat`` runs, and the peak RSS (KiB) of the children."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - start)
    return best, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    jdlint = [sys.executable, "-m", "jdlint"]
    if not args.corpus.is_dir():
        print(f"corpus {args.corpus} not found; skipped")
        return 0
    files = sorted(args.corpus.glob("*.txt"))
    t, _ = timed([*jdlint, "--version"], 5)
    print(f"jdlint --version: {t:.3f} s")
    t, _ = timed([*jdlint, "check", "--isolated", "--fail-on", "never", str(files[0])], 5)
    print(f"cold start, one posting, default rules: {t:.3f} s")
    for jobs in (1, 2):
        t, rss = timed([*jdlint, "check", "--isolated", "--fail-on", "never", "-q",
                        "--jobs", str(jobs), str(args.corpus)])
        print(f"{len(files)} postings, --jobs {jobs}: {t:.2f} s = {len(files) / t:.0f} postings/s "
              f"(process start included); peak RSS so far {rss / 1024:.0f} MiB")
    per_rule(files)
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        text = "".join(p.read_text("utf-8") + "\n\n" for p in files)
        with big.open("w", encoding="utf-8") as out:
            while out.tell() < 10_000_000:
                out.write(text)
        t, rss = timed([*jdlint, "check", "--isolated", "--fail-on", "never", "-q", str(big)], 1)
        print(f"one {big.stat().st_size / 1e6:.1f} MB file of real postings: {t:.2f} s; "
              f"peak RSS {rss / 1024:.0f} MiB")
    return 0


def per_rule(files: list[Path]) -> None:
    """In-process CPU time of each default rule over the corpus (documents parsed once)."""
    from datetime import date

    from jdlint.config import Config
    from jdlint.document import Document
    from jdlint.engine import build_context

    ctx = build_context(Config())
    texts = [(str(p), p.read_text("utf-8")) for p in files]
    start = time.process_time()
    docs = [Document.from_source(p, t, today=date(2026, 11, 22)) for p, t in texts]
    for d in docs:
        _ = d.sentences, d.sections  # structure is shared by the rules: time it once
    parse = time.process_time() - start
    cost: list[tuple[float, str]] = []
    for active in ctx.selection.active:
        start = time.process_time()
        for d in docs:
            list(active.rule.check(d, active.options))
        cost.append((time.process_time() - start, active.rule.meta.name))
    total = parse + sum(c for c, _ in cost)
    print(f"engine only, {len(docs)} postings: {total:.2f} s CPU = {len(docs) / total:.0f} "
          f"postings/s (parsing and structure {parse:.2f} s)")
    for c, name in sorted(cost, reverse=True)[:40]:
        print(f"  {name:28} {c * 1000 / len(docs):6.2f} ms per posting")


if __name__ == "__main__":
    raise SystemExit(main())
