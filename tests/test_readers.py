from __future__ import annotations

import pytest

from jdlint.errors import InputError
from jdlint.reading import format_for, parse
from jdlint.reading.frontmatter import parse_front_matter


@pytest.mark.parametrize(("path", "fmt"), [("a.md", "markdown"), ("A.MARKDOWN", "markdown"),
                                           ("b.txt", "text"), ("c.html", "html"),
                                           ("d.htm", "html"), ("e", "text")])
def test_format_for(path: str, fmt: str) -> None:
    assert format_for(path) == fmt


def test_front_matter_becomes_metadata_and_is_not_text() -> None:
    src = "---\ntitle: Nurse\nDeadline: 2026-03-11\n---\nBody text.\n"
    parsed = parse(src, "markdown")
    assert parsed.meta["title"] == "Nurse"
    assert str(parsed.meta["deadline"]) == "2026-03-11"
    assert parsed.text == "Body text.\n"
    assert parsed.offsets.to_source(0) == src.index("Body")


def test_broken_front_matter_is_a_clear_input_error() -> None:
    with pytest.raises(InputError, match="front matter"):
        parse_front_matter("---\ntitle: [unclosed\n---\nBody\n")


def test_markdown_markup_is_masked_without_moving_offsets() -> None:
    src = "## Your role\n**Location:**Aarhus\n<!-- jdlint-disable -->\n"
    parsed = parse(src, "markdown")
    assert len(parsed.text) == len(src)
    assert "Location:" in parsed.text and "**" not in parsed.text
    assert "jdlint-disable" not in parsed.text
    assert parsed.hints[0].kind == "heading"
    assert parsed.text[parsed.hints[0].start:parsed.hints[0].end] == "Your role"


def test_crlf_is_folded_and_mapped() -> None:
    src = "one\r\ntwo\r\n"
    parsed = parse(src, "text")
    assert parsed.text == "one\ntwo\n"
    assert parsed.offsets.to_source(parsed.text.index("two")) == src.index("two")


def test_html_visible_text_only_with_exact_offsets() -> None:
    src = ("<html><head><title>Cook</title><script>var x = 'ninja';</script></head>"
           "<body><h2>Role</h2><p>Cook &amp; bake\n   daily.</p><ul><li>Clean</li></ul></body>")
    parsed = parse(src, "html")
    assert "ninja" not in parsed.text and "var" not in parsed.text
    assert parsed.meta["title"] == "Cook"
    assert "Cook & bake daily." in parsed.text
    i = parsed.text.index("daily")
    assert src[parsed.offsets.to_source(i):].startswith("daily")
    kinds = [h.kind for h in parsed.hints]
    assert kinds == ["heading", "bullet"]


def test_html_entity_maps_to_its_whole_source_span() -> None:
    src = "<p>R&amp;D</p>"
    parsed = parse(src, "html")
    i = parsed.text.index("&")
    assert parsed.offsets.to_source(i) == src.index("&amp;")
    assert parsed.offsets.to_source_end(i + 1) == src.index("D<")
