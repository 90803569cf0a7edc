"""Bad input: a clear one-line message naming the file, never a traceback, others still checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import cli


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.md").write_text("We need a rockstar.\n", "utf-8")
    (tmp_path / "empty.md").write_text("", "utf-8")
    (tmp_path / "blank.txt").write_text("  \n\n", "utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "latin.txt").write_bytes("Kaffe på kontoret, café au lait.\n".encode("cp1252"))
    (tmp_path / "broken.md").write_text("---\ntitle: [oops\n---\nText\n", "utf-8")
    (tmp_path / "bom-bad.txt").write_bytes(b"\xef\xbb\xbfabc\xff\xfe")
    return tmp_path


def test_each_bad_file_gets_one_clear_diagnostic(folder: Path) -> None:
    result = CliRunner().invoke(cli, ["check", ".", "--extend-select", "JDL", "--format",
                                      "concise"])
    out = result.stdout
    assert "Traceback" not in out + result.stderr
    assert "good.md:1:11: INC006" in out
    assert "empty.md:1:1: JDL003 [empty-file]" in out
    assert "blank.txt:1:1: JDL003" in out
    assert "binary.txt:1:1: JDL002 [unreadable-file] Cannot check this file: binary file" in out
    assert "latin.txt:1:1: JDL004 [encoding-fallback] File is not valid UTF-8; read as Windows-1252" in out
    assert "broken.md:1:1: JDL002 [unreadable-file] Cannot check this file: invalid YAML front matter" in out
    assert "bom-bad.txt:1:1: JDL002 [unreadable-file] Cannot check this file: not valid UTF-8 (byte 0xff" in out
    assert result.exit_code == 1


def test_a_directory_with_no_postings_says_so(tmp_path: Path) -> None:
    (tmp_path / "x.py").write_text("x = 1")
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 0
    assert "no postings" in result.stderr


def test_a_large_file_is_checked_or_refused_cleanly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    paragraph = "We need a nurse for the night shift. " * 20 + "\n\n"
    big.write_text("A rockstar.\n\n" + paragraph * (10_000_000 // len(paragraph)), "utf-8")
    assert big.stat().st_size >= 9_900_000
    result = CliRunner().invoke(cli, ["check", str(big), "--quiet", "--select", "INC006"])
    assert result.exit_code == 1 and "Traceback" not in result.stdout
    small = tmp_path / ".jdlint.toml"
    small.write_text("max-file-size = 1000\n")
    result = CliRunner().invoke(cli, ["check", str(big), "--format", "concise"])
    assert "JDL002 [unreadable-file] Cannot check this file: file too large" in result.stdout
