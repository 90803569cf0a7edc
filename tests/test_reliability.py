"""Issue 11: never lose a posting, never hang, never let posting text steer the terminal.

Each test reproduces one case of the reliability review; the texts are written for these tests.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdlint import runner
from jdlint.cli import cli
from jdlint.config import Config
from jdlint.document import Document
from jdlint.engine import build_context, check_bytes, content_digest
from jdlint.errors import InputError
from jdlint.fix import FileChanged, fix_file
from jdlint.loader import load_rule_text
from jdlint.model import (
    Category,
    Diagnostic,
    FileResult,
    Report,
    RuleDocs,
    RuleMeta,
    Severity,
    Violation,
)
from jdlint.reading.files import read_capped
from jdlint.registry import discover
from jdlint.reporters.github import write_github
from jdlint.reporters.text import TextReporter
from jdlint.rule import Rule
from jdlint.selection import compile_glob, matches_any

from .test_fix import RULE as FIX_RULE

POSTING = "# Chair of the board\n\nWe want a chairman to lead our team.\n"


def _invoke(*args: str, **kw: object) -> object:
    # the one-line format, so lines can be matched; a later --format wins
    return CliRunner().invoke(cli, ["check", "--isolated", "--format", "concise", *args],
                              **kw)  # type: ignore[arg-type]


def _jdlint(*args: str, cwd: Path, timeout: float = 120,
            prelude: str = "") -> subprocess.CompletedProcess[str]:
    """Run jdlint in a fresh interpreter (``prelude`` runs first: a monkeypatch)."""
    code = f"{prelude}\nfrom jdlint.cli import main\nmain()\n"
    return subprocess.run([sys.executable, "-c", code, "check", "--isolated", "--format",
                           "concise", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)


# -- data loss ------------------------------------------------------------------------------

def test_output_never_replaces_an_input(tmp_path: Path) -> None:
    posting = tmp_path / "posting.md"
    posting.write_text(POSTING, "utf-8")
    for target in (posting, tmp_path / "." / "posting.md"):
        result = _invoke(str(tmp_path), "-o", str(target))
        assert result.exit_code == 2  # type: ignore[attr-defined]
        assert "-o names a file that is being checked" in result.output  # type: ignore[attr-defined]
        assert posting.read_text("utf-8") == POSTING
    report = tmp_path / "report.txt"
    assert _invoke(str(posting), "-o", str(report)).exit_code == 1  # type: ignore[attr-defined]
    assert "INC002" in report.read_text("utf-8")


def _fix_ctx_args(tmp_path: Path) -> list[str]:
    rules = tmp_path / "rules"
    rules.mkdir(exist_ok=True)
    (rules / "fix.yaml").write_text(FIX_RULE, "utf-8")
    config = tmp_path / "jdlint.toml"
    config.write_text(f'rule-dirs = ["{rules.as_posix()}"]\nselect = ["INC950"]\n', "utf-8")
    return ["--config", str(config)]


def test_fix_leaves_a_file_edited_during_the_run_untouched(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    posting = tmp_path / "p.txt"
    posting.write_text("The chairman decides.\n", "utf-8")
    edited = "IMPORTANT: the salary is fixed. The chairman decides.\n"
    real_run = runner.run

    def run_then_edit(*args: object, **kw: object) -> Report:
        report = real_run(*args, **kw)  # type: ignore[arg-type]
        posting.write_text(edited, "utf-8")  # the writer saves while jdlint runs
        return report

    monkeypatch.setattr(runner, "run", run_then_edit)
    result = CliRunner().invoke(cli, ["check", *_fix_ctx_args(tmp_path), "--fix", str(posting)])
    assert posting.read_text("utf-8") == edited
    assert "not fixed, the file is untouched: the file changed after it was checked" in \
        result.output
    assert "fixed 1 problem" not in result.output


def _diags(path: Path) -> list[Diagnostic]:
    ctx = build_context(Config(select=("INC950",)), [*discover(), load_rule_text(FIX_RULE, "f")])
    result = check_bytes(str(path), path.read_bytes(), ctx)
    return [d for d in result.diagnostics if d.fix]


def test_fix_refuses_when_the_file_changes_while_it_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    posting = tmp_path / "p.txt"
    posting.write_text("The chairman decides.\n", "utf-8")
    diags = _diags(posting)
    from jdlint import fix

    real = fix._copy_metadata

    def edit_meanwhile(*args: object) -> None:
        real(*args)  # type: ignore[arg-type]
        posting.write_text("The chairman decides. Edited.\n", "utf-8")

    monkeypatch.setattr(fix, "_copy_metadata", edit_meanwhile)
    with pytest.raises(FileChanged):
        fix_file(posting, diags, expected=content_digest(b"The chairman decides.\n"))
    assert posting.read_text("utf-8") == "The chairman decides. Edited.\n"
    assert list(tmp_path.glob("*.jdlint-tmp")) == []


def test_fix_writes_through_symlinks_and_keeps_mode_and_links(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("The chairman decides.\n", "utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target.name)
    hard = tmp_path / "hard.txt"
    os.link(target, hard)
    assert fix_file(link, _diags(link)) == 1
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_text("utf-8") == "The chairman decides.\n".replace("chairman", "chair")
    assert hard.read_text("utf-8") == target.read_text("utf-8")  # the hard link kept
    assert os.stat(target).st_mode & 0o777 == 0o640
    assert list(tmp_path.glob("*.jdlint-tmp")) == []


def test_fix_keeps_extended_attributes(tmp_path: Path) -> None:
    posting = tmp_path / "p.txt"
    posting.write_text("The chairman decides.\n", "utf-8")
    try:
        os.setxattr(posting, "user.jdlint-test", b"kept")
    except (AttributeError, OSError):
        pytest.skip("extended attributes are not supported here")
    assert fix_file(posting, _diags(posting)) == 1
    assert os.getxattr(posting, "user.jdlint-test") == b"kept"


def test_fix_refuses_read_only_files(tmp_path: Path) -> None:
    posting = tmp_path / "p.txt"
    posting.write_text("The chairman decides.\n", "utf-8")
    diags = _diags(posting)
    posting.chmod(0o444)
    with pytest.raises(InputError, match="read-only"):
        fix_file(posting, diags)
    assert posting.read_text("utf-8") == "The chairman decides.\n"
    result = CliRunner().invoke(cli, ["check", *_fix_ctx_args(tmp_path), "--fix", str(posting)])
    assert "read-only" in result.output and result.exit_code == 1


def test_fix_removes_its_temporary_file_when_interrupted(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    posting = tmp_path / "p.txt"
    posting.write_text("The chairman decides.\n", "utf-8")
    diags = _diags(posting)

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fix_file(posting, diags)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.txt"]
    assert posting.read_text("utf-8") == "The chairman decides.\n"


# -- unbounded cost -------------------------------------------------------------------------

def _alias_bomb(levels: int = 8) -> str:
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels + 1):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*{'a' if i == 1 else f'l{i - 1}'}"] * 9)
                     + "]")
    return "\n".join([*lines, f"deadline: *l{levels}", "---", "A job posting.", ""])


def test_alias_bomb_in_front_matter_is_refused(tmp_path: Path) -> None:
    (tmp_path / "bomb.md").write_text(_alias_bomb(), "utf-8")
    (tmp_path / "ok.md").write_text(POSTING, "utf-8")
    result = _invoke(str(tmp_path), "--format", "json")
    data = json.loads(result.output)  # type: ignore[attr-defined]
    by_path = {Path(d["path"]).name: d for d in data["diagnostics"] if d["code"] == "JDL002"}
    assert "YAML aliases (*a) are not allowed" in by_path["bomb.md"]["message"]
    assert any(d["code"] == "INC002" and d["path"].endswith("ok.md") for d in data["diagnostics"])


def test_deeply_nested_front_matter_is_refused() -> None:
    text = "---\na: " + "[" * 200 + "1" + "]" * 200 + "\n---\nA job.\n"
    result = check_bytes("deep.md", text.encode(), build_context(Config()))
    assert result.error and "nested more than" in result.error


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifos_and_devices_are_reported_not_read(tmp_path: Path) -> None:
    (tmp_path / "jobs").mkdir()
    (tmp_path / "jobs" / "ok.md").write_text(POSTING, "utf-8")
    os.mkfifo(tmp_path / "jobs" / "pipe.md")
    os.mkfifo(tmp_path / "explicit.txt")
    args = ["jobs", "explicit.txt", "--format", "json"]
    if os.path.exists("/dev/zero"):
        args.append("/dev/zero")
    proc = _jdlint(*args, cwd=tmp_path, timeout=60)
    assert proc.returncode == 1, proc.stderr
    messages = {d["path"]: d["message"] for d in json.loads(proc.stdout)["diagnostics"]
                if d["code"] == "JDL002"}
    assert "named pipe (FIFO)" in messages[os.path.join("jobs", "pipe.md")]
    assert "named pipe (FIFO)" in messages["explicit.txt"]
    if "/dev/zero" in args:
        assert "character device" in messages["/dev/zero"]


class _Endless:
    def __init__(self) -> None:
        self.read_bytes = 0

    def read(self, n: int = -1) -> bytes:
        assert n > 0, "an unbounded read"
        self.read_bytes += n
        return b"x" * n


def test_the_size_cap_applies_while_reading() -> None:
    stream = _Endless()
    with pytest.raises(InputError, match="file too large"):
        read_capped(stream, 1000)  # type: ignore[arg-type]
    assert stream.read_bytes <= 1001


def _rule(term: str) -> Rule:
    return load_rule_text(textwrap.dedent(f"""\
        code: INC990
        name: slow-term
        kind: existence
        category: inclusive
        summary: A user's rule with a slow pattern.
        message: 'Avoid "{{match}}".'
        terms:
          en: ['{term}']
        docs: {{what: x, why: y}}
        examples: {{trigger: [aaa], clean: [bbb]}}
        """), "user-rules/slow.yaml")


def test_a_catastrophic_user_regex_is_stopped() -> None:
    ctx = build_context(Config(select=("INC990", "INC002", "JDL")), [*discover(), _rule("re:(a|aa)+$")])
    started = time.monotonic()
    result = check_bytes("p.txt", ("We want a chairman. " + "a" * 60 + "b\n").encode(), ctx)
    assert time.monotonic() - started < 30  # exponential: it would run for years
    codes = [d.code for d in result.diagnostics]
    assert "INC002" in codes  # the other rules still ran
    (error,) = [d for d in result.diagnostics if d.code == "JDL001"]
    assert "'re:(a|aa)+$' took more than" in error.message


def test_an_ordinary_user_regex_still_matches() -> None:
    ctx = build_context(Config(select=("INC990",)), [*discover(), _rule("re:(?<=very )a+")])
    result = check_bytes("p.txt", b"We are very aaa here.\n", ctx)
    assert [d.code for d in result.diagnostics] == ["INC990"]


# -- one bad file never stops the others -----------------------------------------------------

def test_an_impossible_front_matter_date_is_a_note(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text("---\ndeadline: 2026-02-30\n---\n" + POSTING, "utf-8")
    (tmp_path / "ok.md").write_text(POSTING, "utf-8")
    result = _invoke(str(tmp_path), "--format", "json")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    diags = json.loads(result.output)["diagnostics"]  # type: ignore[attr-defined]
    notes = [d for d in diags if d["code"] == "JDL006"]
    assert notes and "'2026-02-30' is not a calendar date" in notes[0]["message"]
    assert {Path(d["path"]).name for d in diags if d["code"] == "INC002"} == {"bad.md", "ok.md"}


@pytest.mark.parametrize("markup", [
    "<html><![CDA[x]]><p>We want a chairman.</p>",
    "<p>x<![if !supportLists]>y<![endif]> We want a chairman.</p>",
    "<html><head><title>T</title>We want a chairman.</html>",
    "<html><head><title>T</title><font>We want a chairman.</font></html>",
    "<head><meta charset=utf-8><table><tr><td>We want a chairman.</td></tr></table>",
])
def test_odd_html_is_read(markup: str) -> None:
    result = check_bytes("p.html", markup.encode(), build_context(Config(select=("INC002",))))
    assert [d.code for d in result.diagnostics] == ["INC002"]


def test_an_internal_error_on_one_file_is_that_files_diagnostic(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "boom.md").write_text(POSTING, "utf-8")
    (tmp_path / "ok.md").write_text(POSTING, "utf-8")
    real = Document.from_source.__func__  # type: ignore[attr-defined]

    def from_source(cls: type[Document], path: str, *args: object, **kw: object) -> Document:
        if path.endswith("boom.md"):
            raise ValueError("day is out of range for month")
        return real(cls, path, *args, **kw)  # type: ignore[no-any-return]

    monkeypatch.setattr(Document, "from_source", classmethod(from_source))
    result = _invoke(str(tmp_path), "--jobs", "1")
    out = result.output  # type: ignore[attr-defined]
    assert result.exit_code == 1, out  # type: ignore[attr-defined]
    assert "boom.md:1:1: JDL002 [unreadable-file] Cannot check this file: internal error " \
        "(ValueError: day is out of range for month)" in out
    assert "ok.md:3:11: INC002" in out


def test_an_unreadable_file_passed_explicitly(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    secret, ok = tmp_path / "secret.md", tmp_path / "ok.md"
    secret.write_text(POSTING, "utf-8")
    ok.write_text(POSTING, "utf-8")
    real_open = os.open

    def deny(path: str, *args: object, **kw: object) -> int:
        if str(path).endswith("secret.md"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    result = _invoke(str(secret), str(ok))
    out = result.output  # type: ignore[attr-defined]
    assert result.exit_code == 1, out  # type: ignore[attr-defined]
    assert "secret.md:1:1: JDL002 [unreadable-file] Cannot check this file: Permission denied" in out
    assert "ok.md:3:11: INC002" in out


def test_an_unreadable_subfolder_is_reported(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.md").write_text(POSTING, "utf-8")
    (tmp_path / "ok.md").write_text(POSTING, "utf-8")
    real_scandir = os.scandir

    def deny(path: object = ".") -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", deny)
    result = _invoke(str(tmp_path))
    out = result.output  # type: ignore[attr-defined]
    assert "locked:1:1: JDL002 [unreadable-file] Cannot list this folder: Permission denied" in out
    assert "ok.md:3:11: INC002" in out and result.exit_code == 1  # type: ignore[attr-defined]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names must be bytes")
def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.md")
    (tmp_path / name).write_text(POSTING, "utf-8")
    proc = _jdlint(".", "--format", "json", "-o", "report.json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert {d["path"] for d in report["diagnostics"]} == {name}  # round-trips to the file
    proc = _jdlint(".", cwd=tmp_path)
    assert "caf\\xe9.md:3:11: INC002" in proc.stdout


# -- positions ------------------------------------------------------------------------------

@pytest.mark.parametrize(("source", "where"), [
    ("Line one.\rWe want a chairman.\n", (2, 11)),
    ("Line one.\r\rWe want a chairman.\r", (3, 11)),
    ("One.\r\nTwo.\rThree.\nWe want a chairman.\n", (4, 11)),
])
@pytest.mark.parametrize("ext", ["txt", "md", "html"])
def test_positions_after_a_lone_cr(source: str, where: tuple[int, int], ext: str) -> None:
    result = check_bytes(f"p.{ext}", source.encode(), build_context(Config(select=("INC002",))))
    (d,) = result.diagnostics
    assert (d.line, d.column) == where


# -- silent skips ---------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "encoding"), [
    ("We want a chairman.\r\n".encode("utf-16"), None),  # Word's "Unicode text"
    (codecs.BOM_UTF16_BE + "We want a chairman.\n".encode("utf-16-be"), None),
    ("We want a chairman.\n".encode("utf-16-le"), "utf-16-le"),
    ("We want a chairman.\n".encode("utf-16-be"), "utf-16"),
    ("We want a chairman.\n".encode("utf-32"), None),
])
def test_utf16_and_utf32_are_read(data: bytes, encoding: str | None) -> None:
    ctx = build_context(Config(select=("INC002",), encoding=encoding))
    result = check_bytes("p.txt", data, ctx)
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("INC002", 1, 11)]


def test_fix_writes_utf16_back_with_its_bom(tmp_path: Path) -> None:
    posting = tmp_path / "p.txt"
    posting.write_bytes("The chairman decides.\r\n".encode("utf-16"))
    assert fix_file(posting, _diags(posting)) == 1
    assert posting.read_bytes() == "The chair decides.\r\n".encode("utf-16")


class _Raises(Rule):
    def __init__(self, exc: BaseException, code: str = "INC991") -> None:
        self.exc = exc
        self.meta = RuleMeta(code, f"raises-{code.lower()}", Category.INCLUSIVE,
                             Severity.WARNING, "Raises.", RuleDocs(what="x", why="y"))

    def check(self, doc: Document, options: Mapping[str, object]) -> Iterable[Violation]:
        raise self.exc


@pytest.mark.parametrize("exc", [SystemExit(0), SystemExit(3), KeyboardInterrupt(),
                                 GeneratorExit(), RuntimeError("bug")])
def test_a_plugin_that_raises_anything_is_a_rule_error(exc: BaseException) -> None:
    ctx = build_context(Config(select=("INC991", "INC002", "JDL")), [*discover(), _Raises(exc)])
    result = check_bytes("p.md", POSTING.encode(), ctx)
    codes = [d.code for d in result.diagnostics]
    assert "INC002" in codes
    (error,) = [d for d in result.diagnostics if d.code == "JDL001"]
    assert f"Rule INC991 (raises-inc991) crashed: {type(exc).__name__}" in error.message


# -- output injection and leaks -------------------------------------------------------------

HOSTILE = "clear\x1b[2J\x1b]52;c;ZXZpbA==\x07 and\n::error file=x::owned \u202eevil\x9b"


def _report(path: str, message: str) -> Report:
    d = Diagnostic(path, "INC002", "gendered-term", Severity.WARNING, 1, 1, 1, 2, message)
    return Report((FileResult(path, (d,)),), ())


def test_text_report_escapes_control_characters() -> None:
    import io

    out = io.StringIO()
    TextReporter(color=False, quiet=True, statistics=False)(
        _report("::warning::x.md", HOSTILE), out)
    text = out.getvalue()
    assert text.count("\n") == 3  # the file's name, the finding, a blank line
    assert not any(ch in text for ch in "\x1b\x07\x9b\u202e")
    assert "\\x1b[2J" in text and "\\u202e" in text
    assert not any(line.lstrip().startswith("::") for line in text.splitlines())


def test_github_annotations_escape_control_characters() -> None:
    import io

    out = io.StringIO()
    write_github(_report("p.md", HOSTILE), out)
    text = out.getvalue()
    assert text.count("\n") == 1 and text.startswith("::warning ")
    assert "\x1b" not in text and "%0A::error" in text


def test_file_names_cannot_start_a_workflow_command(tmp_path: Path) -> None:
    name = "::error file=a,line=1::owned.md"
    (tmp_path / name).write_text(POSTING, "utf-8")
    proc = _jdlint(name, cwd=tmp_path)
    assert proc.stdout.startswith("./::error")
    assert not any(line.startswith("::") for line in proc.stdout.splitlines())


# -- signals and workers --------------------------------------------------------------------

SLOW_RULES = """
import time
from jdlint.checks import text_metrics
for name in dir(text_metrics):
    obj = getattr(text_metrics, name)
    if getattr(getattr(obj, "meta", None), "name", None) == "posting-length":
        real = obj.check
        def slow(self, doc, options, real=real):
            time.sleep(0.5)
            return real(self, doc, options)
        obj.check = slow
"""


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with open(task / "children") as handle:
            found |= {int(p) for p in handle.read().split()}
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_workers_at_once(tmp_path: Path, signum: int, code: int) -> None:
    for i in range(40):
        (tmp_path / f"p{i:02}.md").write_text(POSTING, "utf-8")
    script = f"{SLOW_RULES}\nfrom jdlint.cli import main\nmain()\n"
    proc = subprocess.Popen([sys.executable, "-c", script, "check", "--isolated", ".", "-j", "2"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(proc.pid)
    assert len(workers) >= 2
    time.sleep(0.5)
    if signum == signal.SIGINT:
        os.killpg(proc.pid, signum)  # Ctrl-C reaches the whole process group
    else:
        proc.send_signal(signum)
    _, err = proc.communicate(timeout=15)
    assert proc.returncode == code, err
    assert "Traceback" not in err
    time.sleep(0.2)
    assert not [w for w in workers if Path(f"/proc/{w}").exists()
                and "Z" not in Path(f"/proc/{w}/stat").read_text().split()[2]]


def test_after_a_stop_another_thread_s_exception_is_not_printed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool's manager thread may fail as its workers are killed under it: after Ctrl-C
    that is no news, and the run ends with its one line, not a stray traceback."""
    import threading

    from jdlint import interrupts

    printed: list[str] = []

    def fail() -> None:
        raise EOFError("the workers are gone")

    def run_thread() -> None:
        thread = threading.Thread(target=fail)
        thread.start()
        thread.join()

    monkeypatch.setattr(threading, "excepthook",
                        lambda args: printed.append(type(args.exc_value).__name__))
    monkeypatch.setattr(interrupts, "_received", [])
    runner._quiet_threads()
    run_thread()
    assert printed == ["EOFError"]  # not stopped: printed as ever
    monkeypatch.setattr(interrupts, "_received", [2])
    run_thread()
    assert printed == ["EOFError"]


def test_workers_that_cannot_start_are_an_error_not_a_hang(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("fork only")
    for i in range(20):
        (tmp_path / f"p{i:02}.md").write_text(POSTING, "utf-8")
    prelude = ("import os\n"
               "def fork():\n"
               "    raise BlockingIOError(11, 'Resource temporarily unavailable')\n"
               "os.fork = fork\n")
    proc = _jdlint(".", "-j", "2", cwd=tmp_path, timeout=60, prelude=prelude)
    assert proc.returncode == 2
    assert "cannot run the worker processes" in proc.stderr and "Traceback" not in proc.stderr


# -- properties: any front matter, markup or file kind ---------------------------------------

YAMLISH = st.lists(st.sampled_from(["a: 1", "deadline: 2026-02-30", "b: &x [1, 2]", "c: *x",
                                    "- x", "  y: [", "date: 2026-13-01", "t: !!timestamp x",
                                    "k: {a: b}", "? x", "e: 'it''s'", "\t", "z: 2026-01-01 25:00",
                                    "!!python/object:os.system x"]),
                    max_size=8).map("\n".join)
MARKUP = st.lists(st.sampled_from(["<html>", "<head>", "</head>", "<body>", "<![CDATA[x]]>",
                                   "<![CDA[", "<!--", "-->", "<script>", "</script>", "<p>",
                                   "chairman", "&amp;", "&#xD800;", "&#99999999;", "<a href='",
                                   "<![endif]>", "<!doctype html>", "<?xml?>", "</", "<", ">",
                                   "\r", "\n", "<title>", "<br/>", "<li>"]),
                  max_size=20).map("".join)
CTX_ALL = build_context(Config(select=("ALL",)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front=YAMLISH, body=MARKUP, ext=st.sampled_from(["md", "txt", "html"]))
def test_any_front_matter_or_markup_gives_a_result(front: str, body: str, ext: str) -> None:
    data = f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass")
    result = check_bytes(f"p.{ext}", data, CTX_ALL)
    assert all(d.code != "JDL001" for d in result.diagnostics), result.diagnostics


KINDS = ["regular", "empty", "folder", "fifo", "symlink", "dangling", "loop", "binary", "utf16",
         "big"]


def _make(path: Path, kind: str) -> None:
    if kind == "regular":
        path.write_text(POSTING, "utf-8")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink":
        (path.parent / (path.name + ".target")).write_text(POSTING, "utf-8")
        path.symlink_to(path.name + ".target")
    elif kind == "dangling":
        path.symlink_to("nowhere")
    elif kind == "loop":  # two links that lead to each other
        path.symlink_to(path.name + ".other")
        (path.parent / (path.name + ".other")).symlink_to(path.name)
    elif kind == "binary":
        path.write_bytes(b"\x00\x01\x02 job")
    elif kind == "utf16":
        path.write_bytes(POSTING.encode("utf-16"))
    else:
        path.write_bytes(b"x" * 2048)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
@settings(max_examples=40, deadline=None)
@given(kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=6))
def test_any_file_kind_gives_a_result_and_never_blocks(kinds: list[str],
                                                       tmp_path_factory: pytest.TempPathFactory
                                                       ) -> None:
    folder = tmp_path_factory.mktemp("kinds")
    ctx = build_context(Config(select=("ALL",), max_file_size=1024))
    for i, kind in enumerate(kinds):
        path = folder / f"f{i}.md"
        _make(path, kind)
        result = runner.check_file(str(path), ctx)
        assert isinstance(result, FileResult)
        if kind in ("regular", "symlink", "utf16"):
            assert result.error is None, (kind, result.error)
        elif kind != "empty":
            assert result.error, kind
    # ... and a folder that holds them is walked: each is listed and reported, none stops the
    # run (a link loop raised RuntimeError while the exclusions were matched)
    found = runner.plan([str(folder)], runner.Options(isolated=True))
    assert sorted(Path(f).name for f, _ in found.files) == sorted(
        f"f{i}.md" for i, kind in enumerate(kinds) if kind != "folder")


# -- globs ----------------------------------------------------------------------------------

def _backtracking_glob(glob: str) -> re.Pattern[str]:
    """The regex translation jdlint used before: the oracle for what a glob means."""
    g = glob.strip().rstrip("/")
    anchored = "/" in g
    g = g.lstrip("/")
    out, i = [], 0
    while i < len(g):
        if g.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif g.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            out.append({"*": "[^/]*", "?": "[^/]"}.get(g[i], re.escape(g[i])))
            i += 1
    return re.compile(f"^{'' if anchored else '(?:.*/)?'}{''.join(out)}(?:/.*)?$")


NAMES = st.text(alphabet="ab*?.", min_size=1, max_size=4).filter(lambda n: "**" not in n)
GLOBS = st.lists(st.one_of(NAMES, st.just("**")), min_size=1, max_size=5).map("/".join)
# (a name may hold "*", "?" or "[" itself: a file may be called so)
PATHS = st.lists(st.text(alphabet="ab.*?[", max_size=3), min_size=1, max_size=6).map("/".join)


@settings(max_examples=600, deadline=None)
@given(glob=GLOBS, path=PATHS, lead=st.booleans())
def test_globs_mean_what_they_meant(glob: str, path: str, lead: bool) -> None:
    glob = "/" + glob if lead else glob
    assert compile_glob(glob).matches(path) == bool(_backtracking_glob(glob).match(path))


@pytest.mark.parametrize(("glob", "path"), [("*", "*b"), ("a*", "a*b"), ("?x", "?x"),
                                            ("*.md", "jobs/*.md"), ("a*c", "a*?c")])
def test_a_name_holding_a_wildcard_character_is_matched_as_any_name(glob: str, path: str) -> None:
    # (a "*" of the name once took the glob's "*" as a literal one and the match failed)
    assert compile_glob(glob).matches(path) and matches_any([glob], path)
    assert bool(_backtracking_glob(glob).match(path))


def test_stacked_double_star_globs_on_a_deep_path() -> None:
    deep = "/".join(["a"] * 60) + "/posting.txt"
    glob = "**/" * 12 + "a*a*a*a*a*a*a*b/**"
    assert not compile_glob(glob).matches(deep)  # the backtracking regex took tens of seconds
    assert matches_any(["**/a/**/a/**/*.txt"], deep)


@settings(max_examples=400, deadline=None)
@given(globs=st.lists(st.one_of(GLOBS, NAMES), min_size=1, max_size=6), path=PATHS)
def test_a_set_of_globs_matches_where_one_of_them_does(globs: list[str], path: str) -> None:
    """Exclusions are tested as one set (names, wildcard names, the rest): the same answer
    as trying each glob, and each glob means what the backtracking reference says."""
    assert matches_any(globs, path) == any(compile_glob(g).matches(path) for g in globs) \
        == any(_backtracking_glob(g).match(path) for g in globs)


def test_a_link_loop_or_a_dangling_link_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to("b.md")
    (tmp_path / "b.md").symlink_to("a.md")
    (tmp_path / "gone.md").symlink_to("nowhere.md")
    (tmp_path / "ok.md").write_text(POSTING, "utf-8")
    result = CliRunner().invoke(cli, ["check", "--isolated", "--no-cache", str(tmp_path),
                                      str(tmp_path / "a.md")])
    out = result.output
    assert "Traceback" not in out and "internal error" not in out, out
    assert out.count("a symbolic link that leads back to itself (a loop)") == 2  # a.md, b.md
    assert "a symbolic link to 'nowhere.md', which does not exist" in out
    assert "ok.md" in out and result.exit_code == 1
