from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import cli
from jdlint.fix import apply_fixes
from jdlint.model import SourceFix

RULE = """\
code: INC950
name: fix-test
kind: substitution
category: inclusive
summary: Test fixes.
message: 'Use {first}.'
fix: true
swap:
  chairman: chair
  salesman: salesperson
docs: {what: x, why: y}
examples: {trigger: [chairman], clean: [chair]}
"""


def test_apply_fixes_skips_overlaps() -> None:
    fixes = [SourceFix("X", 0, 3, 1, 1, 1, 4), SourceFix("Y", 2, 5, 1, 3, 1, 6)]
    assert apply_fixes("abcdef", fixes) == ("Xdef", 1)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "fix.yaml").write_text(RULE, "utf-8")
    (tmp_path / ".jdlint.toml").write_text('rule-dirs = ["rules"]\nselect = ["INC950"]\n')
    return tmp_path


@pytest.mark.parametrize(("encoding", "bom", "newline"), [
    ("utf-8", False, "\n"), ("utf-8", True, "\r\n"), ("cp1252", False, "\r\n"),
])
def test_fix_keeps_encoding_bom_and_line_endings(project: Path, encoding: str, bom: bool,
                                                 newline: str) -> None:
    text = newline.join(["Our Chairman, café owner.", "A salesman and a chairman.", ""])
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path = project / "p.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["check", "p.txt", "--fix"])
    assert result.exit_code == 0, result.output
    assert "fixed 3 problems in 1 file" in result.stderr
    expected = newline.join(["Our Chair, café owner.", "A salesperson and a chair.", ""])
    payload = expected.encode(encoding)
    assert path.read_bytes() == (b"\xef\xbb\xbf" + payload if bom else payload)
    again = CliRunner().invoke(cli, ["check", "p.txt", "--fix"])  # idempotent
    assert again.exit_code == 0 and "fixed" not in again.stderr
    assert not list(project.glob("*.jdlint-tmp"))


def test_fix_refuses_stdin(project: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "-", "--fix"], input="chairman")
    assert result.exit_code == 2
