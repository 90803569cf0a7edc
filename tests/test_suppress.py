from __future__ import annotations

from jdlint.config import Config
from jdlint.engine import build_context, check_text


def lint(text: str, path: str = "p.md", **config: object) -> list[tuple[int, str]]:
    config.setdefault("ignore", ("REQ", "RDB005"))  # these short texts are snippets
    result = check_text(path, text, build_context(Config(**config)))  # type: ignore[arg-type]
    return [(d.line, d.code) for d in result.diagnostics]


def test_disable_next_line_by_name_code_or_prefix() -> None:
    for selector in ("exclusionary-jargon", "INC006", "INC", ""):
        text = f"<!-- jdlint-disable-next-line {selector} -->\nA rockstar.\nA ninja.\n"
        assert lint(text) == [(3, "INC006")], selector


def test_disable_enable_region() -> None:
    text = ("A guru.\n<!-- jdlint-disable INC006 -->\nA rockstar.\nA ninja.\n"
            "<!-- jdlint-enable -->\nA wizard.\n")
    assert lint(text) == [(1, "INC006"), (6, "INC006")]


def test_enable_of_other_codes_keeps_region_open() -> None:
    text = "<!-- jdlint-disable INC006 -->\n<!-- jdlint-enable RDB002 -->\nA rockstar.\n"
    assert lint(text) == []


def test_disable_file() -> None:
    assert lint("A rockstar.\n\n<!-- jdlint-disable-file exclusionary-jargon -->\n") == []


def test_comments_do_not_apply_to_plain_text() -> None:
    text = "<!-- jdlint-disable-next-line INC006 -->\nA rockstar.\n"
    assert lint(text, "p.txt") == [(2, "INC006")]


def test_html_comments_work_too() -> None:
    text = "<p>A rockstar.</p>\n<!-- jdlint-disable-next-line -->\n<p>A ninja.</p>\n"
    assert lint(text, "p.html") == [(1, "INC006")]


def test_unused_suppression_is_reported_when_selected() -> None:
    text = "<!-- jdlint-disable-next-line INC006 -->\nAll fine here.\n"
    assert lint(text) == []
    assert lint(text, extend_select=("unused-suppression",)) == [(1, "JDL005")]


def test_suppressions_count_lines_as_the_reports_do() -> None:
    # a lone CR (classic Mac) and CRLF end lines for comments as they do for findings
    for eol in ("\r", "\r\n"):
        text = (f"Intro.{eol}<!-- jdlint-disable-next-line INC006 -->{eol}A rockstar.{eol}"
                f"A ninja.{eol}")
        assert lint(text) == [(4, "INC006")], repr(eol)
