"""`jdlint check examples/` output matches the golden file; the clean posting stays clean.

Regenerate after an intended change with:  python -m tests.test_examples
"""

from __future__ import annotations

import os

from click.testing import CliRunner

from jdlint.cli import cli

from .conftest import ROOT

GOLDEN = ROOT / "examples" / "expected-output.golden"
ARGS = ["check", "examples", "--today", "2026-11-22", "--isolated"]


def current_output() -> str:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(cli, ARGS)
    finally:
        os.chdir(cwd)
    return result.stdout


def test_examples_match_golden_file() -> None:
    assert current_output() == GOLDEN.read_text("utf-8"), (
        "examples/ output changed; if intended, run: python -m tests.test_examples"
    )


def test_clean_posting_has_no_findings() -> None:
    output = current_output()
    assert "clean-posting.md" not in output


def test_every_example_except_the_clean_one_shows_a_finding() -> None:
    output = current_output()
    for path in (ROOT / "examples").iterdir():
        if path.suffix in (".md", ".txt", ".html", ".docx") and path.name != "clean-posting.md":
            assert f"examples/{path.name}\n" in output, path.name  # its findings' heading


if __name__ == "__main__":
    GOLDEN.write_text(current_output(), "utf-8")
    print(f"wrote {GOLDEN}")
