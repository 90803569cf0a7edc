"""Benchmark: speed and memory of jdlint, side by side with proselint in the same run.

Run by hand (not a test), after `pip install -e '.[dask]' proselint`:

    python benchmarks/bench.py                       # the dev corpus (../shared/corpus/dev)
    python benchmarks/bench.py --corpus DIR --big    # another folder; also one 10 MB file

It reports (issue 17's targets in brackets): postings per second with --jobs 1 [170] and
--jobs 2 [300, and 4.4 times proselint], a cold start for one English [0.35 s] and one Danish
[0.8 s] posting, peak memory [150 MB], a cached re-run of the whole corpus [1 s], the Dask
throughput with two worker processes, and the in-process cost of each rule. The postings
counted are the files jdlint checks (its own file discovery), whatever their suffix.

Thirteenth session (2026-12-08, 2 cores, the 1,700 dev postings; proselint 77-86/s). The
built-in patterns' literal keys come from a table built with the package instead of their
parse trees (about 40 ms of a cold start): cold start 0.319 s English (0.367 s that morning),
0.306 s Danish; --jobs 1 141/s, --jobs 2 244/s (2.82 times proselint at 86/s); peak 118 MB;
cached re-run 0.47 s; Dask 227/s; in process 180/s (reading and parsing 0.80 ms per posting,
missing-photo-guidance 0.71, duplicate-block 0.61, gender-coded-wording 0.61, readability
0.47). A --jobs 1 run is 2.7 s slower than a warm pass in process: 0.3 s to start and about
1.7 s each process spends once (syllables of words it has not seen, about 0.6 s; patterns
compiled on first use, about 0.3 s; imports); a hyphenation trie (1.2-1.5 times faster a word,
80-180 ms to build) and the collector off or frozen did not pay.
Twelfth session (2026-12-07, 2 cores, the 1,700 dev postings; a slow machine: proselint
75-82/s). At the start, 222/s with --jobs 2 (2.71 times proselint): the deadline rule searched
each posting with every cue for "Apply by 1/15" and "KW 3/2027" (two of the lists cannot be
keyed), 2.5 ms a posting. Looking for those cues only before such dates, and for a mailbox
only where an "@" is: cold start 0.380 s English, 0.443 s Danish; --jobs 1 115/s, --jobs 2
242/s (3.05 times proselint, 79/s); peak 121 MB; cached re-run 0.52 s; Dask 205/s; in process
167/s (reading and parsing 0.91 ms per posting, missing-photo-guidance 0.77, the first to ask
for the place; missing-deadline 0.33, was 2.5). Same-time A/B of the session's start and end
(benchmarks/ab.py, 3 passes): best pass 15.86-15.97 s -> 11.30-11.52 s, 28% less.
Eighth session (2026-12-07, 2 cores, the 1,700 dev postings; proselint 107/s), with
file discovery resolving each folder once and the session's new rules (control-character,
garbled-text) and segmentation changes: cold start 0.273 s English (43 MB), 0.245 s Danish
(40 MB); --jobs 1 185/s (119 MB), --jobs 2 339/s (98 MB); 3.16 times proselint; cached re-run
0.36 s; Dask with 2 workers 311/s; in process 232/s. Earlier that session 326-335/s with
--jobs 2 and 3.21-3.27 times proselint (proselint 100-104/s). A same-time A/B of the
session's start and end (benchmarks/ab.py) in process: 0.5-1.7% slower, the new rules' cost.
Seventh session (2 cores, the 1,700 dev postings; proselint 90-96/s),
with the language detection, readability word count and copies reading the shared word index:
cold start 0.330-0.337 s English (42 MB), 0.300-0.313 s Danish (40 MB); --jobs 1 153-158/s,
--jobs 2 283-286/s (peak 94-95 MB); 2.96-3.17 times proselint; cached re-run 0.51-0.55 s;
Dask with 2 workers 244-281/s; in process 190-207/s (reading and parsing, which now builds
the word index, 0.73-0.78 ms per posting; missing-photo-guidance 0.63-0.68; duplicate-block
0.62-0.68; gender-coded-wording 0.56-0.60; readability 0.47-0.57). A same-time A/B of the
session's start and end (benchmarks/ab.py), two runs: in process 3-5% faster.
Sixth session (2026-12-07, 2 cores, the 1,700 dev postings; six runs that day on
a machine slower than in the fifth session and drifting within a run: proselint 81-90/s
instead of 101-104/s). The last, with all of the session's changes: cold start 0.341 s
English (42 MB), 0.315 s Danish (40 MB); --jobs 1 142/s, --jobs 2 263/s, peak 115 MB; jdlint
--jobs 2 2.96 times proselint's rate (2.85-2.90 in the fifth session); cached re-run 0.50 s;
Dask with 2 workers 254/s; in process 174/s (missing-photo-guidance 1.03 ms per posting,
duplicate-block 0.71, reading and parsing 0.70, gender-coded-wording 0.63, readability 0.59).
Over the six runs: --jobs 1 132-147/s, --jobs 2 232-269/s, 2.86-3.00 times proselint.
Since the machine's speed moved more than the code's, the session's start and end were also
run at once, one per core (benchmarks/ab.py): in process 6-7% faster (the first pass 4-6%),
`check --jobs 1` 6-7% faster, place inference 12% faster, a cold start 19-20% faster in
English (min 0.42-0.45 -> 0.34-0.36 s) and 13-15% in Danish.
Fifth session (machine at proselint 101-104/s): cold start 0.34-0.36 s English,
0.29-0.30 s Danish; --jobs 1 162-165/s, --jobs 2 292-298/s, peak 115 MB; jdlint --jobs 2
2.85-2.90 times proselint's rate; cached re-run 0.42 s; Dask with 2 workers 291-300/s. In
process 5.0-5.2 ms per posting (192-201/s): missing-photo-guidance 0.89 ms (the first to ask
for the place, and the word index it builds), gender-coded-wording 0.67 (the first to ask for
the sentences' subjects), duplicate-block 0.65 (the blocks' words), reading and parsing 0.60,
readability 0.51, the other rules under 0.25 ms each. A run's first pass over the corpus
costs about 1.3 s more than a second one, 0.8 s of it each new word's syllables (pyphen's
patterns for German and Danish words and English words the CMU table lacks); a run with
--jobs 2 spends about 0.3 s before its workers start (imports, rule set, file discovery):
warming the workers' caches in the parent before forking would cost the same wall time.
(Earlier: 2026-12-07 third session 0.46 s and 0.40 s cold, 157/s and 278/s; second
session 0.55 s and 0.44 s, 109/s and 193/s; first session 0.58 s and 0.49 s, 84/s and 145/s;
2026-12-06 0.64 s and 0.55 s, 59/s and 101/s.)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
MANIFEST = ROOT.parent / "shared" / "corpus" / "dev-manifest.jsonl"
JDLINT = [sys.executable, "-m", "jdlint"]


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MB) of the command and its workers."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def best(cmd: list[str], repeat: int) -> tuple[float, float]:
    runs = [run(cmd) for _ in range(repeat)]
    return min(t for t, _ in runs), max(m for _, m in runs)


def checked_files(corpus: Path) -> list[str]:
    from jdlint.runner import Options, plan

    return [path for path, _ in plan([str(corpus)], Options(isolated=True)).files]


def one_posting(files: list[str], language: str) -> str | None:
    """A posting in ``language`` (from the corpus manifest, else by jdlint's detection)."""
    if MANIFEST.is_file():
        names = {Path(f).name: f for f in files}
        for line in MANIFEST.read_text("utf-8").splitlines():
            entry = json.loads(line)
            if entry.get("lang") == language and entry.get("file") in names:
                return names[entry["file"]]
    import jdlint

    for f in files[:200]:
        if jdlint.lint_text(Path(f).read_text("utf-8", "replace"), path=f).language == language:
            return f
    return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--big", action="store_true", help="also one 10 MB file")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus {args.corpus} not found; skipped")
        return 0
    files = checked_files(args.corpus)
    n = len(files)
    # jdlint's bytecode written, as pip writes it when installing: with PYTHONDONTWRITEBYTECODE
    # set, every cold start would compile the modules (about 0.05 s of it)
    import compileall

    import jdlint

    compileall.compile_dir(str(Path(jdlint.__file__).parent), quiet=1)
    check = [*JDLINT, "check", "--isolated", "--fail-on", "never", "-q", "--no-cache"]
    print(f"{n} postings checked in {args.corpus} ({os.cpu_count()} cores)")

    t, _ = best([*JDLINT, "--version"], 5)
    print(f"jdlint --version: {t:.3f} s")
    for language, target in (("en", 0.35), ("da", 0.8)):
        posting = one_posting(files, language)
        if posting:
            t, mem = best([*check, posting], 5)
            print(f"cold start, one {language} posting: {t:.3f} s [target {target} s]; "
                  f"{mem:.0f} MB")

    rates: dict[int, float] = {}
    for jobs in (1, 2):
        t, mem = best([*check, "--jobs", str(jobs), str(args.corpus)], args.repeat)
        rates[jobs] = n / t
        print(f"--jobs {jobs}: {t:.2f} s = {n / t:.0f} postings/s [target "
              f"{170 if jobs == 1 else 300}]; peak {mem:.0f} MB [target 150]")

    proselint = shutil.which("proselint") or str(Path(sys.executable).parent / "proselint")
    if Path(proselint).exists():
        t, mem = best([proselint, "check", *files], args.repeat)
        print(f"proselint {_version('proselint')}, one process: {t:.2f} s = {n / t:.0f} "
              f"postings/s; jdlint --jobs 2 is {rates[2] / (n / t):.2f} times its rate "
              "[target 4.4]")
    else:
        print("proselint is not installed (pip install proselint): no comparison")

    with tempfile.TemporaryDirectory() as tmp:
        cached = [*JDLINT, "check", "--isolated", "--fail-on", "never", "-q", "--cache-dir",
                  tmp, str(args.corpus)]
        run(cached)
        t, mem = best(cached, 3)
        print(f"cached re-run of all {n}: {t:.2f} s [target 1 s]; {mem:.0f} MB")

    dask_rate(files)
    per_rule(files)
    if args.big:
        big_file(files)
    return 0


def _version(dist: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def dask_rate(files: list[str]) -> None:
    """Postings per second through jdlint.dask.lint_bag on a LocalCluster of two worker
    processes (started and warmed up first: the figure is the steady rate)."""
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError:
        print("dask is not installed (pip install -e '.[dask]'): no Dask figure")
        return
    from jdlint.dask import lint_bag

    records = [{"path": f, "text": Path(f).read_bytes()} for f in files]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster):
        lint_bag(db.from_sequence(records[:4], npartitions=2)).compute()  # build the rules
        start = time.perf_counter()
        found = lint_bag(db.from_sequence(records, npartitions=16)).count().compute()
        t = time.perf_counter() - start
    print(f"Dask, LocalCluster of 2 worker processes: {t:.2f} s = {len(files) / t:.0f} "
          f"postings/s ({found} findings)")


def per_rule(files: list[str]) -> None:
    """In-process time of each default rule over the corpus, posting by posting as a run does
    (the rules share each posting's word index, sentences, zones and place: a shared analysis
    is counted in the first rule that asks for it)."""
    from datetime import date

    from jdlint.config import Config
    from jdlint.document import Document
    from jdlint.engine import build_context

    ctx = build_context(Config())
    texts = [(p, Path(p).read_text("utf-8", "replace")) for p in files
             if not p.endswith(".docx")]
    cost: dict[str, float] = {}
    for _lap in range(2):  # the first lap fills the per-process caches (syllables...)
        cost = {"reading and parsing": 0.0}
        for path, text in texts:
            start = time.perf_counter()
            doc = Document.from_source(path, text, today=date(2026, 12, 1))
            cost["reading and parsing"] += time.perf_counter() - start
            for active in ctx.selection.active:
                start = time.perf_counter()
                list(active.rule.check(doc, active.options))
                name = active.rule.meta.name
                cost[name] = cost.get(name, 0.0) + time.perf_counter() - start
    total = sum(cost.values())
    print(f"in process, {len(texts)} postings: {total:.2f} s = {len(texts) / total:.0f} "
          "postings/s")
    for name, c in sorted(cost.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {name:28} {c * 1000 / len(texts):6.2f} ms per posting")


def big_file(files: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        text = "".join(Path(p).read_text("utf-8", "replace") + "\n\n" for p in files[:300])
        with big.open("w", encoding="utf-8") as out:
            while out.tell() < 10_000_000:
                out.write(text)
        t, mem = run([*JDLINT, "check", "--isolated", "--fail-on", "never", "-q", "--no-cache",
                      str(big)])
        print(f"one {big.stat().st_size / 1e6:.1f} MB file of real postings: {t:.2f} s; "
              f"peak {mem:.0f} MB")


if __name__ == "__main__":
    raise SystemExit(main())
