"""The library API for batch use: one rule set, many postings, threads and pickling."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import jdlint
from jdlint.config import Config
from jdlint.linter import Linter

EXAMPLES = sorted(p for p in (Path(__file__).parent.parent / "examples").iterdir()
                  if p.suffix in (".md", ".txt", ".html"))

POSTING = """\
# Rockstar Developer

We need a rockstar who can work hard and play hard. Apply by 1 March 2020.
"""


def _codes(result: jdlint.model.FileResult) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in result.diagnostics]


def test_linter_gives_what_lint_text_gives() -> None:
    linter = Linter()
    today = date(2026, 1, 1)
    a = linter.lint_text(POSTING, path="job.md", today=today)
    b = jdlint.lint_text(POSTING, path="job.md", today=today)
    assert a == b
    assert "expired-deadline" in {d.name for d in a.diagnostics}
    assert "exclusionary-jargon" in {d.name for d in a.diagnostics}


def test_today_decides_expiry() -> None:
    linter = Linter()
    before = linter.lint_text(POSTING, path="job.md", today=date(2020, 2, 1))
    after = linter.lint_text(POSTING, path="job.md", today=date(2020, 3, 2))
    assert "expired-deadline" not in {d.name for d in before.diagnostics}
    assert "expired-deadline" in {d.name for d in after.diagnostics}


def test_the_config_selects_the_rules() -> None:
    linter = Linter(Config(select=("exclusionary-jargon",)))
    names = {d.name for d in linter.lint_text(POSTING, path="job.md").diagnostics}
    assert names == {"exclusionary-jargon"}


def test_threads_share_one_linter_and_agree_with_one_thread() -> None:
    """Readability once read a global language setting that threads overwrote."""
    linter = Linter(Config(today=date(2026, 1, 1)))
    danish = ("Vi søger en pædagog til vores børnehave. Du skal have en uddannelse som "
              "pædagog og lyst til at arbejde med børn i alderen tre til seks år. " * 4)
    texts = [*((p.name, p.read_text("utf-8")) for p in EXAMPLES), ("da.txt", danish)] * 6
    alone = [linter.lint_text(t, path=n) for n, t in texts]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda item: linter.lint_text(item[1], path=item[0]), texts))
    assert together == alone
    assert {r.language for r in alone} >= {"en", "de", "da"}


def test_a_linter_pickles_as_its_config_and_works_where_it_lands() -> None:
    linter = Linter(Config(select=("exclusionary-jargon",)))
    linter.lint_text("warm up")
    copy = pickle.loads(pickle.dumps(linter))
    assert copy.config == linter.config
    assert copy.lint_text(POSTING, path="job.md") == linter.lint_text(POSTING, path="job.md")


def test_lint_file_and_lint_bytes(tmp_path: Path) -> None:
    path = tmp_path / "job.md"
    path.write_text(POSTING, "utf-8")
    linter = Linter()
    today = date(2026, 1, 1)
    from_file = linter.lint_file(path, today=today)
    from_bytes = linter.lint_bytes(POSTING.encode("utf-8"), str(path), today=today)
    assert _codes(from_file) == _codes(from_bytes) != []
    missing = linter.lint_file(tmp_path / "gone.md")
    assert missing.error and missing.diagnostics[0].name == "unreadable-file"
