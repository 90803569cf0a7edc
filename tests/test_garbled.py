"""garbled-text: mojibake found, repaired by ftfy, and left alone where the text is sound."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.checks.garbled import garbled
from jdlint.cli import cli
from jdlint.model import FileResult

Lint = Callable[..., FileResult]


def _byte(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:  # a byte Windows-1252 leaves out: Latin-1's, as most readers do
        return chr(b)


def _garble(text: str) -> str:
    """``text`` as a wrong reader sees it: its UTF-8 bytes read as Windows-1252."""
    return "".join(_byte(b) for b in text.encode("utf-8"))


@pytest.mark.parametrize("word", ["We’re", "für", "Ærø", "São", "–", "•", "£30,000", "“quoted”",
                                  "naïve", "Größe", "İstanbul"])
def test_a_garbled_word_is_found_and_repaired(word: str) -> None:
    text = f"We hire for the {_garble(word)} team.\n"
    found = garbled(text)
    assert len(found) == 1
    start, end, repaired = found[0]
    assert text[:start] + repaired + text[end:] == f"We hire for the {word} team.\n"


def test_the_finding_covers_what_changes_only() -> None:
    text = "Our agencyâ€™s staff and the cityâ€™s parks.\n"
    assert [(text[s:e], r) for s, e, r in garbled(text)] == [("â€™", "’"), ("â€™", "’")]


def test_text_garbled_twice_is_repaired_whole() -> None:
    twice = _garble(_garble("We’re"))
    (start, end, repaired), = garbled(f"{twice} hiring")
    assert repaired == "’" and twice[start:end] != "’"


@pytest.mark.parametrize("text", [
    "Wir suchen eine Fachkraft (m/w/d) für unser Büro in Köln – ab sofort.",
    "Vi søger en medarbejder til Ærø, Århus og Næstved; løn efter aftale.",
    "Café” and “naïve” are words; São Paulo, Besançon, Ångström, ½ day.",
    "Prix: 30 000 € par an, « télétravail » possible.",
    "ASCII only: we're hiring -- apply by 1 March.",
])
def test_sound_text_is_left_alone(text: str) -> None:
    assert garbled(text) == []


def test_each_garbled_stretch_is_a_fixable_finding(lint: Lint) -> None:
    text = "# Projektleiter\n\nWeâ€™re hiring a Projektleiter fÃ¼r our MÃ¼nchen office.\n"
    found = lint(text, select=("garbled-text",)).diagnostics
    assert [(d.line, d.column, d.fix.replacement if d.fix else None) for d in found] == [
        (3, 3, "’"), (3, 33, "ü"), (3, 42, "ü")]
    assert found[0].message == ('"Weâ€™re" is garbled by a wrong encoding (UTF-8 read as '
                                'Windows-1252); it should read "We’re".')


def test_fix_repairs_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    posting = tmp_path / "post.md"
    posting.write_text("# Nurse\n\nWeâ€™re hiring **fÃ¼r** the ward â€“ apply now.\n", "utf-8")
    result = CliRunner().invoke(cli, ["check", "post.md", "--select", "RDB007", "--fix"])
    assert result.exit_code == 0, result.output
    assert posting.read_text("utf-8") == "# Nurse\n\nWe’re hiring **für** the ward – apply now.\n"


def test_a_control_character_in_a_garbled_word_is_shown_as_a_mark(lint: Lint) -> None:
    text = f"We follow our {_garble('“EH&S”')} rules on every site.\n"
    (found,) = lint(text, select=("garbled-text",)).diagnostics
    assert "\x9d" in text and "\x9d" not in found.message and "\ufffd" in found.message
    assert found.fix is not None and found.fix.replacement.startswith("“")
