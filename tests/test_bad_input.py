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


# -- text with control characters (a PDF's lost ligatures) ----------------------------------

_PROSE = ("We are looking for a developer to build our booking service with a small team. "
          "You will plan releases, review code and talk with the people who use it. ")


@pytest.mark.parametrize(("data", "binary"), [
    ((_PROSE + "Our so\x00ware runs in the cloud.\n").encode(), False),  # one lost "ft"
    ((_PROSE * 3 + "A \x00quote\x00 and a \x01 mark.\n").encode("cp1252"), False),
    (b"\x00\x01\x02 job", True),  # mostly controls
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", True),  # not UTF-8
    ("Job".encode("utf-16-le"), True),  # UTF-16 without its mark: half NULs
    ((_PROSE * 3)[:300].encode() + b"\x00" * 4, True),  # more than 1 in 100
])
def test_nul_bytes_make_a_file_binary_only_when_they_are_not_rare(data: bytes,
                                                                  binary: bool) -> None:
    from jdlint.errors import InputError
    from jdlint.reading.decode import decode

    if binary:
        with pytest.raises(InputError, match="binary file"):
            decode(data)
    else:
        assert "\x00" in decode(data).text
        assert decode(data, "cp1252").text == data.decode("cp1252")


def test_each_control_character_is_reported_in_its_word(tmp_path: Path) -> None:
    from jdlint import lint_text

    text = ("# Developer\n\n" + _PROSE + "\nOur so\x00ware and a \x00quote\x00.\n"
            "Tabs\tand form feeds\x0c are white space.\r\n")
    found = [d for d in lint_text(text).diagnostics if d.name == "control-character"]
    # one finding per word: its first control character to its last
    assert [(d.line, d.column, d.end_column) for d in found] == [(4, 7, 8), (4, 19, 26)]
    assert 'U+0000 in "so\ufffdware"' in found[0].message
    assert '"\ufffdquote\ufffd."' in found[1].message and found[0].severity.name == "WARNING"
    assert "a ligature" in found[0].message
    converted = _PROSE + "\nA large\x1ascale service, and a back\x08space.\n"
    sub, other = [d for d in lint_text(converted).diagnostics if d.name == "control-character"]
    assert 'U+001A in "large\ufffdscale"' in sub.message and "(SUB)" in sub.message
    assert 'U+0008 in "back\ufffdspace."' in other.message and "delete it" in other.message
    clean = _PROSE + "\nTabs\tand a form feed\x0c.\n"
    assert not [d for d in lint_text(clean).diagnostics if d.name == "control-character"]


def test_many_control_characters_are_reported_up_to_a_limit(tmp_path: Path) -> None:
    from jdlint import lint_text
    from jdlint.engine import CONTROLS_SHOWN

    text = _PROSE * 30 + "\n" + " ".join(f"w\x00o\x01rd{i}" for i in range(CONTROLS_SHOWN + 5))
    found = [d for d in lint_text(text).diagnostics if d.name == "control-character"]
    assert len(found) == CONTROLS_SHOWN
    assert found[-1].message.endswith("(and in 5 more words of this file).")
    assert "more words" not in found[0].message
    assert 'U+0000, U+0001 in "w\ufffdo\ufffdrd0"' in found[0].message  # one word, two marks


def test_a_pdf_copy_is_checked_and_its_lost_characters_reported(folder: Path) -> None:
    (folder / "copied.txt").write_bytes((_PROSE + "We need a rockstar for so\x00ware.\n").encode())
    result = CliRunner().invoke(cli, ["check", "copied.txt", "--format", "concise"])
    assert "copied.txt:1:178: JDL008 [control-character] Control character U+0000" in result.stdout
    assert "INC006" in result.stdout and "JDL002" not in result.stdout
    result = CliRunner().invoke(cli, ["check", "copied.txt", "--ignore", "JDL008",
                                      "--format", "concise"])
    assert "JDL008" not in result.stdout and "INC006" in result.stdout
