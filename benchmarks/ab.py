"""A/B timing of two checkouts of jdlint at the same time, one per core, then swapped.

Run by hand (not a test), from the checkout to compare with another (a git worktree):

    git worktree add /tmp/base main
    python benchmarks/ab.py /tmp/base .              # the dev corpus, 4 passes each
    python benchmarks/ab.py /tmp/base . --passes 6 --corpus DIR

On a shared machine the speed drifts by more than most changes make (2-15% between runs of
the same code in one day), so timing A, then B, compares the machine with itself. Here both
run at once, each pinned to its own core, in two rounds with the cores swapped: both see the
same load. Each side lints every posting in process (``jdlint.Linter``) ``--passes`` times and
reports its first pass (new words' syllables, first parses) and the best and median of the
others. Needs two cores (Linux: ``os.sched_setaffinity``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"

# what each side runs, with its checkout first on the path
_PASSES = """
import os, sys, time
from datetime import date
from pathlib import Path
os.sched_setaffinity(0, {int(sys.argv[1])})
from jdlint import Linter
texts = [(p.name, p.read_text("utf-8", errors="replace"))
         for p in sorted(Path(sys.argv[2]).iterdir()) if p.is_file()]
linter = Linter()
laps = []
for _ in range(int(sys.argv[3])):
    start = time.perf_counter()
    for name, text in texts:
        linter.lint_text(text, path=name, today=date(2026, 12, 1))
    laps.append(time.perf_counter() - start)
rest = sorted(laps[1:]) or laps
print(f"{len(texts)} postings: first {laps[0]:.2f} s, then best {rest[0]:.2f} s, "
      f"median {rest[len(rest) // 2]:.2f} s")
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", type=Path, help="a checkout of jdlint (the base)")
    parser.add_argument("b", type=Path, help="another checkout (the change)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--passes", type=int, default=4)
    args = parser.parse_args()
    if not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2:
        print("ab.py needs two cores it can pin processes to (Linux)", file=sys.stderr)
        return 2
    for checkout in (args.a, args.b):
        if not (checkout / "jdlint" / "__init__.py").is_file():
            print(f"{checkout}: not a checkout of jdlint", file=sys.stderr)
            return 2
    cores = sorted(os.sched_getaffinity(0))[:2]
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "passes.py"
        script.write_text(_PASSES, "utf-8")
        for first, second in (cores, cores[::-1]):
            sides = []
            for checkout, core in ((args.a, first), (args.b, second)):
                env = {**os.environ, "PYTHONPATH": str(checkout.resolve())}
                sides.append(subprocess.Popen(
                    [sys.executable, str(script), str(core), str(args.corpus), str(args.passes)],
                    env=env, stdout=subprocess.PIPE, text=True, cwd=tmp))
            outs = [side.communicate()[0].strip() for side in sides]
            print(f"A on core {first}: {outs[0]}\nB on core {second}: {outs[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
