"""The result cache: unchanged postings are not checked again, anything that changes the
result makes a miss, and a broken cache never breaks a run."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint import cache as cache_module
from jdlint import engine, runner
from jdlint.cli import cli

POSTING = """\
# Warehouse Rockstar

We need a rockstar to join our warehouse team. Apply by 1 March 2026 to jobs@example.com.
"""


@pytest.fixture(autouse=True)
def cache_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JDLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("JDLINT_CACHE_DIR", raising=False)


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths actually checked (not served from the cache)."""
    seen: list[str] = []
    real = engine.check_bytes

    def spy(path: str, *args: object, **kwargs: object) -> object:
        seen.append(Path(path).name)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "check_bytes", spy)
    return seen


def check(folder: Path, *args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(cli, ["check", str(folder), "--isolated", "--format", "json",
                                      "--jobs", "1", "--cache-dir", str(folder / "cache"),
                                      *args])
    return result.exit_code, json.loads(result.stdout)


def postings(tmp_path: Path, n: int = 3) -> Path:
    folder = tmp_path / "postings"
    folder.mkdir()
    for i in range(n):
        (folder / f"job{i}.md").write_text(POSTING.replace("Warehouse", f"Warehouse {i}"),
                                           "utf-8")
    return folder


def test_a_rerun_reads_the_stored_results_and_reports_the_same(tmp_path: Path,
                                                                checked: list[str]) -> None:
    folder = postings(tmp_path)
    first = check(folder, "--today", "2026-12-01")
    assert sorted(checked) == ["job0.md", "job1.md", "job2.md"]
    checked.clear()
    second = check(folder, "--today", "2026-12-01")
    assert checked == []
    assert second == first
    assert {d["name"] for d in first[1]["diagnostics"]} >= {"expired-deadline",
                                                             "exclusionary-jargon"}
    cache = folder / "cache"
    assert (cache / ".gitignore").read_text("utf-8").splitlines()[-1] == "*"
    assert (cache / "CACHEDIR.TAG").is_file()
    assert not list(cache.rglob("*.tmp"))


def test_what_changes_the_result_makes_a_miss(tmp_path: Path, checked: list[str]) -> None:
    folder = postings(tmp_path)
    check(folder, "--today", "2026-12-01")
    checked.clear()
    (folder / "job1.md").write_text(POSTING + "\nA new line.\n", "utf-8")
    check(folder, "--today", "2026-12-01")
    assert checked == ["job1.md"]  # the content
    checked.clear()
    _code, report = check(folder, "--today", "2026-02-01")
    assert sorted(checked) == ["job0.md", "job1.md", "job2.md"]  # the date
    assert "expired-deadline" not in {d["name"] for d in report["diagnostics"]}
    checked.clear()
    check(folder, "--today", "2026-02-01", "--ignore", "exclusionary-jargon")
    assert len(checked) == 3  # the configuration


def test_another_release_of_a_library_findings_come_from_makes_a_miss(
        tmp_path: Path, checked: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    folder = postings(tmp_path)
    check(folder, "--today", "2026-12-01")
    checked.clear()
    real = cache_module.metadata.version

    def upgraded(name: str) -> str:  # the syllable counts' library, one release on
        return "99.0" if name == "textstat" else real(name)

    monkeypatch.setattr(cache_module.metadata, "version", upgraded)
    monkeypatch.setattr(cache_module, "_jdlint_fingerprint",
                        cache_module._jdlint_fingerprint.__wrapped__)
    check(folder, "--today", "2026-12-01")
    assert sorted(checked) == ["job0.md", "job1.md", "job2.md"]


def test_no_cache_and_the_environment_turn_it_off(tmp_path: Path, checked: list[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = postings(tmp_path)
    check(folder, "--no-cache")
    assert not (folder / "cache").exists()
    monkeypatch.setenv("JDLINT_NO_CACHE", "1")
    check(folder)
    assert not (folder / "cache").exists()
    assert len(checked) == 6


def test_a_corrupt_or_foreign_entry_is_a_miss(tmp_path: Path, checked: list[str]) -> None:
    folder = postings(tmp_path, 2)
    first = check(folder, "--today", "2026-12-01")
    entries = sorted((folder / "cache").rglob("*.json"))
    assert len(entries) == 2
    entries[0].write_text('{"key": "', "utf-8")
    key = json.loads(entries[1].read_text("utf-8"))["key"]
    entries[1].write_text(json.dumps({"key": key, "result": {"path": 3}}), "utf-8")
    checked.clear()
    assert check(folder, "--today", "2026-12-01") == first
    assert len(checked) == 2


def test_an_unwritable_cache_is_skipped(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = postings(tmp_path, 1)
    (tmp_path / "cache").write_text("a file, not a folder", "utf-8")
    monkeypatch.setenv("JDLINT_CACHE_DIR", str(tmp_path / "cache"))
    result = CliRunner().invoke(cli, ["check", str(folder), "--isolated", "--format", "json"])
    assert result.exit_code == 1 and json.loads(result.stdout)["summary"]["files"] == 1


def test_results_that_may_not_repeat_are_not_stored(tmp_path: Path) -> None:
    folder = postings(tmp_path, 1)
    (folder / "broken.md").write_bytes(b"\xff\xfe\x00\xd8" * 3)  # lone surrogates: unreadable
    check(folder, "--today", "2026-12-01", "--jobs", "1")
    stored = [json.loads(p.read_text("utf-8"))["result"]["path"]
              for p in (folder / "cache").rglob("*.json")]
    assert [Path(p).name for p in stored] == ["job0.md"]


def test_cross_file_data_comes_back_from_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    shared = ("Our company has grown every year since it was founded, and we offer training, "
              "a pension and flexible hours to everyone who joins one of our teams.\n")
    for name in ("a.md", "b.md"):
        (folder / name).write_text(f"# {name}\n\n{shared}", "utf-8")
    first = check(folder, "--across-files")
    second = check(folder, "--across-files")
    assert first == second
    assert sum(d["name"] == "duplicate-block" for d in second[1]["diagnostics"]) == 2


def test_clean_removes_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = postings(tmp_path, 1)
    check(folder)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["clean", "--cache-dir", str(folder / "cache")])
    assert result.exit_code == 0 and not (folder / "cache").exists()
    (tmp_path / "notes").mkdir()
    result = CliRunner().invoke(cli, ["clean", "--cache-dir", str(tmp_path / "notes")])
    assert result.exit_code == 2 and (tmp_path / "notes").is_dir()


def test_the_default_place_is_the_project_root(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    postings(tmp_path, 1)
    (tmp_path / ".jdlint.toml").write_text('cache-dir = "build/jdlint"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    CliRunner().invoke(cli, ["check", "postings"])
    assert (tmp_path / "build" / "jdlint" / ".gitignore").is_file()
    (tmp_path / ".jdlint.toml").unlink()
    CliRunner().invoke(cli, ["check", "postings"])
    assert (tmp_path / cache_module.DIR_NAME / "CACHEDIR.TAG").is_file()
    monkeypatch.setenv("JDLINT_CACHE_DIR", str(tmp_path / "elsewhere"))
    CliRunner().invoke(cli, ["check", "postings"])
    assert (tmp_path / "elsewhere" / f"v{cache_module.FORMAT}").is_dir()
    assert os.path.isdir(tmp_path / "elsewhere")


def test_an_entry_keeps_every_field_of_the_result() -> None:
    from jdlint.cache import result_from_json, result_to_json
    from jdlint.model import FileResult

    result = FileResult("p.md", (), "en", "US", "utf-8", None, 0.9,
                        ({"signal": "place", "text": "Dallas, TX", "code": "US-TX"},),
                        {"X": [1]}, "abc", "markdown", None, ("US-TX", "US-CO"))
    assert result_from_json(json.loads(json.dumps(result_to_json(result)))) == result
