"""The report an HR writer reads and the habits CI users expect (issue 15): severity in words,
quoted lines, errors first, --min-severity, --diff, --force-exclude, -o checks, colour
conventions, "did you mean", statistics in every format, a progress estimate that is right."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import _use_color, cli
from jdlint.progress import Progress

from .conftest import ROOT

COMPLETE = ("\nApply at https://example.com/jobs by 1 March 2030. Questions? Contact Jane Doe, "
            "jane@example.com.\n")
# an error (expired deadline), warnings (jargon, a gendered word with a fix) and an info
POSTING = ("# Sales ninja\n\nJoin our salesmen in the field.\n\nApply by 1 March 2020 to "
           "jobs@example.com. Questions? Contact Jane Doe, jane@example.com.\n")


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None
        ) -> tuple[int, str, str]:
    result = CliRunner(env=env).invoke(cli, ["check", "--isolated", "--today", "2026-11-22",
                                             *args], input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text(POSTING, "utf-8")
    return tmp_path


def test_text_report_groups_by_file_puts_errors_first_and_quotes_the_line(folder: Path) -> None:
    code, out, _ = run("post.md")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "post.md"
    severities = [line.split()[0] for line in lines if line.startswith("  ") and
                  line.split()[0] in ("error", "warning", "info")]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert severities[0] == "error"  # the words, not only a colour
    # the quoted line with the span marked under it
    i = next(i for i, line in enumerate(lines) if "[*] gendered-term" in line)
    assert lines[i + 1] == "     3 | Join our salesmen in the field."
    assert lines[i + 2] == "       |          ^^^^^^^^"
    assert lines[i + 3].strip() == 'fix: replace with "salespeople"'
    assert "1 fixable with --fix" in out


def test_a_long_line_is_cut_around_the_span_and_stays_one_line(tmp_path: Path) -> None:
    long_line = "word " * 60 + "a true rockstar\tand " + "more " * 60
    (tmp_path / "p.txt").write_text("Title\n\n" + long_line + "\n" + COMPLETE, "utf-8")
    _, out, _ = run(str(tmp_path / "p.txt"), "--select", "INC006")
    quoted = next(line for line in out.splitlines() if line.startswith("     3 | "))
    marker = out.splitlines()[out.splitlines().index(quoted) + 1]
    assert quoted.count("…") == 2 and len(quoted) < 130
    assert quoted[marker.index("^"):marker.rindex("^") + 1] == "rockstar"


def test_concise_is_one_line_per_finding(folder: Path) -> None:
    _, out, _ = run("post.md", "--format", "concise", "--quiet")
    assert all(line.startswith("post.md:") for line in out.splitlines())
    assert "post.md:3:10: INC002 [gendered-term]" in out


def test_output_format_is_an_alias_and_json_quotes_the_text(folder: Path) -> None:
    _, out, _ = run("post.md", "--output-format", "json")
    data = json.loads(out)
    quotes = {d["name"]: d.get("quote") for d in data["diagnostics"]}
    assert quotes["gendered-term"] == "salesmen"
    assert quotes["exclusionary-jargon"] == "ninja"


def test_min_severity_hides_findings_in_every_format(folder: Path) -> None:
    _, out, _ = run("post.md", "--min-severity", "error", "--format", "json")
    data = json.loads(out)
    assert {d["severity"] for d in data["diagnostics"]} == {"error"}
    assert data["summary"]["hidden"] > 0
    _, out, _ = run("post.md", "--min-severity", "error")
    assert "warning" not in out.split("Found")[0] and "below --min-severity not shown" in out
    # GitHub shows ten annotations of a kind: the github format leaves out info by default
    _, out, _ = run("post.md", "--format", "github")
    assert "::notice" not in out and "::error" in out and "::warning" in out
    _, out, _ = run("post.md", "--format", "github", "--min-severity", "info")
    assert "::notice" in out
    (folder / ".jdlint.toml").write_text('min-severity = "warning"\n', "utf-8")
    result = CliRunner().invoke(cli, ["check", "post.md", "--format", "concise"])
    assert "RDB005" not in result.stdout and "INC002" in result.stdout


def test_exit_code_counts_only_what_is_shown(folder: Path) -> None:
    (folder / "info-only.md").write_text("# Cook\n\nCook for our kitchen." + COMPLETE, "utf-8")
    assert run("info-only.md", "--fail-on", "info")[0] == 1
    assert run("info-only.md", "--fail-on", "info", "--min-severity", "warning")[0] == 0


def test_diff_shows_fixes_and_writes_nothing(folder: Path) -> None:
    code, out, err = run("post.md", "--diff")
    assert code == 1
    assert "--- a/post.md" in out and "+Join our salespeople in the field." in out
    assert (folder / "post.md").read_text("utf-8") == POSTING
    assert "1 file would be changed" in err
    (folder / "fine.md").write_text("# Cook\n\nCook for our kitchen." + COMPLETE, "utf-8")
    code, out, err = run("fine.md", "--diff")
    assert code == 0 and out == "" and "nothing to fix" in err
    assert run("-", "--diff", input=POSTING)[0] == 2
    assert run("post.md", "--diff", "--fix")[0] == 2


def test_output_file_is_checked_before_the_lint(folder: Path) -> None:
    code, _, err = run("post.md", "-o", "json")
    assert code == 2 and "--format json" in err and not (folder / "json").exists()
    code, _, err = run("post.md", "-o", str(folder / "missing" / "out.txt"))
    assert code == 2 and "does not exist" in err and "internal error" not in err


def test_stdin_filename_alone_reads_stdin(folder: Path) -> None:
    (folder / "other.md").write_text("# We want a rockstar\n" + COMPLETE, "utf-8")
    code, out, _ = run("--stdin-filename", "piped.md", "--format", "concise", input=POSTING)
    assert code == 1 and "piped.md:3:10: INC002" in out and "other.md" not in out


def test_force_exclude_applies_excludes_to_named_files(folder: Path) -> None:
    (folder / "README.md").write_text("# A rockstar tool\n", "utf-8")
    assert "README.md" in run("README.md", "--format", "concise")[1]
    _, out, _ = run("README.md", "post.md", "--force-exclude", "--format", "concise")
    assert "README.md" not in out and "post.md" in out
    (folder / "pkg.egg-info").mkdir()
    (folder / "pkg.egg-info" / "SOURCES.txt").write_text("a rockstar\n", "utf-8")
    assert "egg-info" not in run(".", "--format", "concise")[1]


@pytest.mark.parametrize(("choice", "env", "expected"), [
    ("auto", {"NO_COLOR": ""}, False),   # not a terminal; an empty NO_COLOR changes nothing
    ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    ("auto", {"FORCE_COLOR": "1"}, True),
    ("auto", {"FORCE_COLOR": ""}, False),
    ("always", {"NO_COLOR": "1"}, True),
    ("never", {"FORCE_COLOR": "1"}, False),
])
def test_colour_conventions(choice: str, env: dict[str, str], expected: bool,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert _use_color(choice, None) is expected


def test_empty_no_color_keeps_colour_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert _use_color("auto", None) is True
    assert _use_color("auto", Path("report.txt")) is False  # never into a file


def test_color_always_styles_the_severity(folder: Path) -> None:
    _, out, _ = run("post.md", "--color", "always")
    assert "\x1b[31m" in out and "error" in out


def test_unknown_selectors_and_suppression_codes_say_what_was_meant(folder: Path) -> None:
    code, _, err = run("post.md", "--ignore", "long-sentences")
    assert code == 2 and "did you mean 'long-sentence'?" in err
    (folder / "s.md").write_text("<!-- jdlint-disable-next-line exclusionary-jargn -->\n"
                                 "We want a rockstar.\n" + COMPLETE, "utf-8")
    _, out, _ = run("s.md", "--format", "concise")
    assert ("s.md:1:1: JDL007 [invalid-suppression] 'exclusionary-jargn' in this "
            "jdlint-disable-next-line comment names no rule") in out
    assert "did you mean 'exclusionary-jargon'?" in out
    assert "s.md:2:11: INC006" in out  # the misspelt comment silenced nothing


def test_disable_line_silences_its_own_line(folder: Path) -> None:
    (folder / "s.md").write_text("We want a rockstar. <!-- jdlint-disable-line INC006 -->\n"
                                 "And a ninja.\n" + COMPLETE, "utf-8")
    _, out, _ = run("s.md", "--format", "concise", "--select", "INC006")
    assert "s.md:1:" not in out and "s.md:2:7: INC006" in out


def test_statistics_in_every_format_with_severity(folder: Path) -> None:
    _, out, _ = run("post.md", "--statistics")
    assert "     1  error    REQ002  expired-deadline" in out
    assert "     1  warning  INC002  gendered-term [*]" in out
    assert "| Join our" not in out  # counts instead of the list
    data = json.loads(run("post.md", "--statistics", "--format", "json")[1])
    row = next(r for r in data["statistics"] if r["code"] == "INC002")
    assert row == {"code": "INC002", "name": "gendered-term", "severity": "warning",
                   "count": 1, "fixable": 1}
    sarif = json.loads(run("post.md", "--statistics", "--format", "sarif")[1])
    assert sarif["runs"][0]["properties"]["statistics"][0]["count"] >= 1
    out = run("post.md", "--statistics", "--format", "github")[1]
    assert "INC002  gendered-term" in out


def test_progress_estimate_ignores_start_up_time() -> None:
    now = [0.0]
    out = io.StringIO()
    bar = Progress(1000, out, clock=lambda: now[0])
    now[0] = 3.0  # worker start-up: nothing is done yet
    bar.update(10)
    now[0] = 4.0  # then 100 files a second
    bar.update(100)
    eta = bar.eta()
    assert eta is not None and 8.0 <= eta <= 9.0  # 890 left at 100/s, not 890 * 4/110 * ...


def test_rules_lists_which_fix() -> None:
    result = CliRunner().invoke(cli, ["rules"])
    line = next(x for x in result.stdout.splitlines() if x.startswith("INC002"))
    assert "[*]" in line
    line = next(x for x in result.stdout.splitlines() if x.startswith("REQ001"))
    assert "[*]" not in line


def test_runs_from_a_source_checkout_without_installing() -> None:
    """``python -m jdlint`` in the repository root, where ``jdlint._rules`` (the installed
    mapping of rules/) and the entry points of the installed distribution are missing."""
    prelude = ("import sys; sys.modules['jdlint._rules'] = None\n"
               "import importlib.metadata as m; m.entry_points = lambda **kw: []\n"
               "import runpy; sys.argv = ['jdlint', 'check', '--isolated', '--format', "
               "'concise', 'examples/hero-titles.md']\n"
               "runpy.run_module('jdlint', run_name='__main__')\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run([sys.executable, "-c", prelude], cwd=ROOT, capture_output=True,
                          text=True, env=env)
    assert "ModuleNotFoundError" not in proc.stderr, proc.stderr
    assert "INC006 [exclusionary-jargon]" in proc.stdout  # a YAML rule
    assert "RDB005 [posting-length]" in proc.stdout  # a Python rule
