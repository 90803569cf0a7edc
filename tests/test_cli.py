from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import cli

# What every posting needs (a deadline, a contact, how to apply), so that tests of other rules
# see only their own findings.
COMPLETE = ("\nApply at https://example.com/jobs by 1 March 2030. Questions? Contact Jane Doe, "
            "jane@example.com.\n")
BAD = "# Rockstar wanted\n\nWe need a ninja.\n" + COMPLETE
CLEAN = "# Cook wanted\n\nWe need a cook for our kitchen.\n" + COMPLETE


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def postings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.md").write_text(BAD, "utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, "utf-8")
    (tmp_path / "notes.py").write_text("print('not a posting')", "utf-8")
    # the fixtures are snippets, not whole postings: leave their length and grade alone
    (tmp_path / ".jdlint.toml").write_text('ignore = ["posting-length", "readability"]\n',
                                           "utf-8")
    return tmp_path


def test_text_output_and_exit_codes(postings: Path) -> None:
    code, out, _ = run("check", ".", "--format", "concise")
    assert code == 1
    assert "bad.md:1:3: INC006 [exclusionary-jargon]" in out
    assert "Found 2 problems (2 warnings) in 1 of 2 files." in out
    assert run("check", "clean.md")[0] == 0
    assert run("check", ".", "--fail-on", "error")[0] == 0
    assert run("check", ".", "--fail-on", "never")[0] == 0


def test_quiet_statistics_and_output_file(postings: Path) -> None:
    code, out, _ = run("check", ".", "--quiet")
    assert "Found" not in out and "INC006" in out
    code, out, _ = run("check", ".", "--statistics")
    assert "     2  warning  INC006  exclusionary-jargon" in out
    assert "Rockstar wanted" not in out  # the counts instead of the list
    code, out, _ = run("check", ".", "--format", "json", "--output", "report.json")
    assert out == "" and code == 1
    assert json.loads((postings / "report.json").read_text())["summary"]["diagnostics"] == 2


def test_select_and_ignore_options(postings: Path) -> None:
    assert run("check", ".", "--ignore", "INC006")[0] == 0
    assert run("check", ".", "--select", "RDB")[0] == 0
    code, _, err = run("check", ".", "--select", "XYZ999")
    assert code == 2 and "unknown rule or prefix 'XYZ999'" in err


def test_stdin_with_filename(postings: Path) -> None:
    code, out, _ = run("check", "-", "--stdin-filename", "from-stdin.md", "--format", "concise",
                       input=BAD)
    assert code == 1 and "from-stdin.md:1:3: INC006" in out


def test_missing_path_is_an_error_but_others_are_checked(postings: Path) -> None:
    code, out, err = run("check", "bad.md", "nope.md", "--format", "concise")
    assert code == 2
    assert "nope.md: no such file or folder" in err
    assert "bad.md:1:3" in out


def test_bad_option_values_exit_2(postings: Path) -> None:
    assert run("check", ".", "--today", "tomorrow")[0] == 2
    assert run("check", ".", "--jurisdiction", "Narnia!")[0] == 2
    assert run("check", ".", "--format", "xml")[0] == 2


def test_config_errors_exit_2_naming_the_key(postings: Path) -> None:
    (postings / ".jdlint.toml").unlink()  # it would win over pyproject.toml
    (postings / "pyproject.toml").write_text("[tool.jdlint]\nselect = ['INC']\ncolour = 1\n")
    code, _, err = run("check", ".")
    assert code == 2 and "unknown key 'colour'" in err and "pyproject.toml" in err


def test_jobs_output_is_identical(postings: Path) -> None:
    for i in range(40):
        (postings / f"p{i:02}.md").write_text(BAD if i % 3 else CLEAN, "utf-8")
    one = run("check", ".", "--jobs", "1", "--format", "json")[1]
    two = run("check", ".", "--jobs", "2", "--format", "json")[1]
    assert one == two and json.loads(one)["summary"]["files"] == 42


def test_rules_and_explain(postings: Path) -> None:
    code, out, _ = run("rules")
    assert code == 0 and "INC006  exclusionary-jargon" in out
    code, out, _ = run("rules", "--format", "json")
    assert {r["code"] for r in json.loads(out)} >= {"INC006", "RDB002"}
    for key in ("INC006", "exclusionary-jargon"):
        code, out, _ = run("explain", key)
        assert code == 0 and "## Why is this bad?" in out and "## References" in out
    code, _, err = run("explain", "exclusionary-jargn")
    assert code == 2 and "did you mean 'exclusionary-jargon'" in err


def test_version_rules_and_explain_do_not_import_spacy() -> None:
    probe = ("import sys; from jdlint.cli import cli\n"
             "for args in (['--version'], ['rules'], ['explain', 'INC006']):\n"
             "    try: cli(args)\n"
             "    except SystemExit: pass\n"
             "assert 'spacy' not in sys.modules, 'spacy imported'\n"
             "assert 'textstat' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True)


def test_python_dash_m_works() -> None:
    out = subprocess.run([sys.executable, "-m", "jdlint", "--version"], capture_output=True,
                         text=True, check=True).stdout
    assert out.startswith("jdlint, version")


def test_the_command_ends_with_its_exit_code_its_report_and_exit_handlers(tmp_path: Path) -> None:
    """The CLI ends without freeing every object (os._exit), yet as sys.exit would: the exit
    code, the report on stdout and in its file, and the exit handlers run (coverage, logging)."""
    (tmp_path / "p.md").write_text(BAD, "utf-8")
    marker = tmp_path / "handler-ran"
    script = (f"import atexit, pathlib, sys\n"
              f"atexit.register(lambda: pathlib.Path({str(marker)!r}).write_text('yes'))\n"
              f"sys.argv = ['jdlint', 'check', '--isolated', '--no-cache', 'p.md', "
              f"'--today', '2026-11-22']\n"
              f"from jdlint.cli import main\nmain()\n")
    out = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                         text=True, check=False)
    assert out.returncode == 1 and "INC006" in out.stdout and "Found" in out.stdout
    assert marker.read_text() == "yes"
    report = tmp_path / "r.json"
    out = subprocess.run([sys.executable, "-c", script.replace(
        "'p.md'", f"'p.md', '--format', 'json', '-o', {str(report)!r}")], cwd=tmp_path,
        capture_output=True, text=True, check=False)
    assert out.returncode == 1 and json.loads(report.read_text())["summary"]["files"] == 1


# --- jdlint rules --test: a rule author's examples, run as tests ------------------------------

def _readme_rule() -> str:
    """The rule file that rules/README.md shows a rule author."""
    import re

    readme = (Path(__file__).resolve().parent.parent / "rules" / "README.md").read_text("utf-8")
    found = re.search(r"<!-- rule-example-start -->\n```yaml\n(.*?)```\n<!-- rule-example-end -->",
                      readme, re.S)
    assert found is not None
    return found.group(1)


@pytest.fixture
def own_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "jdlint-rules").mkdir()
    (tmp_path / ".jdlint.toml").write_text('rule-dirs = ["jdlint-rules"]\n', "utf-8")
    return tmp_path


def test_the_rule_files_readme_example_works_as_shown(own_rules: Path) -> None:
    (own_rules / "jdlint-rules" / "house.yaml").write_text(_readme_rule(), "utf-8")
    code, out, _ = run("rules", "--test")
    assert code == 0 and out.rstrip().endswith("all pass"), out
    (own_rules / "p.md").write_text("Your onboarding starts on Monday.\n", "utf-8")
    code, out, _ = run("check", "p.md", "--select", "acme-house-words")  # (info: exit 0)
    assert code == 0 and '"onboarding" is not Acme house style; write "induction"' in out


@pytest.mark.parametrize(("swap", "says", "shown"), [
    # a trigger text the rule is silent on
    (("Your onboarding starts", "Your first week starts"), "should trigger on",
     "| Your first week starts with a week on the ward."),
    # a clean text the rule reports
    (("Your induction starts", "Your onboarding starts"), "should not trigger on",
     'found on line 1: "onboarding" is not Acme house style'),
])
def test_rules_test_names_each_example_its_rule_gets_wrong(own_rules: Path,
                                                           swap: tuple[str, str], says: str,
                                                           shown: str) -> None:
    rule = _readme_rule().replace(*swap)
    (own_rules / "jdlint-rules" / "house.yaml").write_text(rule, "utf-8")
    code, out, _ = run("rules", "--test")
    assert code == 1, out
    assert f"FAIL INC901 acme-house-words ({(own_rules / 'jdlint-rules' / 'house.yaml')}" in out
    assert says in out and shown in out
    assert out.rstrip().endswith("1 failed (1 rules)")


def test_rules_test_of_a_broken_rule_file_names_it(own_rules: Path) -> None:
    (own_rules / "jdlint-rules" / "house.yaml").write_text(
        _readme_rule().replace("{alternatives}", "{others}"), "utf-8")
    code, _, err = run("rules", "--test")
    assert code == 2 and "house.yaml" in err and "unknown placeholder {others}" in err
