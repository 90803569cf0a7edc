from __future__ import annotations

import re

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


# --- Markdown through markdown-it-py (issue 10) ---------------------------------------------

def test_markdown_code_is_not_prose() -> None:
    source = ("# Engineer\n\nWe want someone kind.\n\n    leader_board = rank(dominant)\n\n"
              "```python\naggressive_cache = True\n```\n\nThanks.\n")
    parsed = parse(source, "markdown")
    assert "leader_board" not in parsed.text and "aggressive" not in parsed.text
    assert len(parsed.text) == len(source)
    assert "kind" in parsed.text and "Thanks" in parsed.text


def test_indented_prose_from_a_converter_stays_prose() -> None:
    source = "Intro line.\n\n        **About the department**\n\nWe are a team of ten.\n"
    parsed = parse(source, "markdown")
    assert "About the department" in parsed.text


@pytest.mark.parametrize("source", [
    "# Title #\n\nText with **bold** and *italic* and __more__ words.\n",
    "Title\n=====\n\nSub\n---\n\n- item *one*\n- item two\n\n1. first\n2) second\n",
    "> quoted **text** here\n\n<div>html <b>block</b></div>\n\n<!-- jdlint-disable -->\nEnd.\n",
    "Line with hard break  \nnext line\\\nlast line\n\n***\n\nAfter rule.\n",
    "---\ntitle: T\n---\r\n# Heading\r\n\r\nBody **x**\r\n",
])
def test_markdown_every_word_maps_back_to_itself(source: str) -> None:
    parsed = parse(source, "markdown")
    for m in re.finditer(r"[^\W_]+", parsed.text):
        s = parsed.offsets.to_source(m.start())
        e = parsed.offsets.to_source_end(m.end())
        assert source[s:e] == m.group(), (m.group(), source[s:e])


def test_markdown_headings_lists_and_emphasis_become_hints() -> None:
    parsed = parse("Intro\n=====\n\n## Your role ##\n\n- Plan shifts\n\n**Bold only**\n",
                   "markdown")
    kinds = {(h.kind, parsed.text[h.start:h.end]) for h in parsed.hints}
    assert ("heading", "Intro") in kinds and ("heading", "Your role") in kinds
    assert ("bullet", "Plan shifts") in kinds and ("emphasis", "Bold only") in kinds


# --- HTML: JSON-LD, emphasis, optional </head> ----------------------------------------------

JOB_LD = """<html><head><title>Job</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "JobPosting", "title": "Data Analyst",
 "validThrough": "2030-05-31", "datePosted": "2030-04-01",
 "hiringOrganization": {"@type": "Organization", "name": "Acme Inc."},
 "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress",
   "addressLocality": "San Jose", "addressRegion": "CA", "addressCountry": "US"}},
 "baseSalary": {"@type": "MonetaryAmount", "currency": "USD",
   "value": {"@type": "QuantitativeValue", "minValue": 90000, "maxValue": 110000,
             "unitText": "YEAR"}}}
</script></head><body><h1>Data Analyst</h1><p>You will analyse data for our teams.</p>
</body></html>"""


def test_json_ld_job_posting_becomes_metadata() -> None:
    parsed = parse(JOB_LD, "html")
    assert parsed.meta["title"] == "Data Analyst"
    assert parsed.meta["valid-through"] == "2030-05-31"
    assert parsed.meta["location"] == "San Jose, CA, US"
    assert parsed.meta["employer"] == "Acme Inc."
    assert parsed.meta["salary"] == {"currency": "USD", "min": 90000, "max": 110000,
                                     "unit": "YEAR"}
    assert "schema.org" not in parsed.text and parsed.notes == ()


def test_json_ld_in_a_graph_and_a_list() -> None:
    graph = JOB_LD.replace('{"@context": "https://schema.org", "@type": "JobPosting",',
                           '{"@graph": [{"@type": "WebPage"}, {"@type": "JobPosting",')
    graph = graph.replace('"unitText": "YEAR"}}}', '"unitText": "YEAR"}}}]}')
    assert parse(graph, "html").meta["valid-through"] == "2030-05-31"


@pytest.mark.parametrize("bad", ['{"@type": "JobPosting", "title": ', "[1, 2", "<<>>"])
def test_malformed_json_ld_is_a_note_not_a_crash(bad: str) -> None:
    source = f'<script type="application/ld+json">{bad}</script><p>Text here.</p>'
    parsed = parse(source, "html")
    assert parsed.notes and "not valid JSON" in parsed.notes[0]
    assert "Text here." in parsed.text


def test_html_without_closing_head_still_reads_the_body() -> None:
    parsed = parse("<html><head><title>T</title><body><p>Visible text.</p></body></html>", "html")
    assert "Visible text." in parsed.text
    parsed = parse("<html><head><meta charset=utf-8><p>Also visible.</p></html>", "html")
    assert "Also visible." in parsed.text


def test_json_ld_deadline_place_and_pay_drive_the_rules(lint) -> None:  # type: ignore[no-untyped-def]
    result = lint(JOB_LD, path="job.html", select=("ALL",))
    names = {d.name for d in result.diagnostics}
    assert "missing-deadline" not in names
    assert result.jurisdiction == "US-CA"
    assert "missing-pay-range" not in names  # California's pay law is met by baseSalary
    without_pay = JOB_LD.replace('"baseSalary"', '"notSalary"')
    names = {d.name for d in lint(without_pay, path="job.html", select=("ALL",)).diagnostics}
    assert "missing-pay-range" in names  # the place came from JSON-LD alone


def test_malformed_json_ld_is_an_info_diagnostic(lint) -> None:  # type: ignore[no-untyped-def]
    source = '<script type="application/ld+json">{"title": </script><p>Text here.</p>'
    result = lint(source, path="job.html")
    found = [d for d in result.diagnostics if d.name == "invalid-structured-data"]
    assert len(found) == 1 and str(found[0].severity) == "info"


def test_no_wording_finding_inside_markdown_code(lint) -> None:  # type: ignore[no-untyped-def]
    source = ("# Engineer\n\nYou will build our ranking service.\n\n"
              "    leader_board = dominant_rank(aggressive=True)\n\n"
              "```\ncompetitive_mode = decisive\n```\n")
    result = lint(source, path="p.md", select=("INC",),
                  rule_options={"gender-coded-wording": {"per-word": "all"}})
    assert [(d.line, d.data) for d in result.diagnostics] == [
        (1, {"masculine": 0, "feminine": 0, "verdict": "no coded words", "margin": 3,
             "occurrences": {}, "masculine-words": [], "feminine-words": []})]


def test_the_german_gender_star_is_not_emphasis() -> None:
    parsed = parse("# Werkstudent*in als Entwickler*in\n\nWir suchen **dich**.\n", "markdown")
    assert "Werkstudent*in als Entwickler*in" in parsed.text
    assert "**" not in parsed.text


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["*", "**", "***", "_", "__", "\\", " ", "\n", "word", "x",
                                 "Entwickler*in", "a_b", "-", "."]), max_size=40).map("".join))
def test_emphasis_found_at_its_markers_equals_a_whole_text_search(text: str) -> None:
    """Emphasis is looked for only where a ``*`` or ``_`` stands: the same matches as
    searching the whole text."""
    from jdlint.document.words import matches_at, occurrences
    from jdlint.reading.markdown import _STAR, _UNDERSCORE

    for pattern, marker in ((_STAR, "*"), (_UNDERSCORE, "_")):
        assert [(m.span(), m.span(1), m.span(2))
                for m in matches_at(pattern, text, occurrences(text, marker))] == \
            [(m.span(), m.span(1), m.span(2)) for m in pattern.finditer(text)]


def test_a_sites_navigation_menu_is_no_part_of_the_posting(lint) -> None:  # type: ignore[no-untyped-def]
    page = ("<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/apply'>Apply "
            "now</a></li><li><a href='/contact'>Contact us</a></li></ul></nav>"
            "<h1>Cook</h1><p>Join our kitchen team. We cook for 200 guests a day.</p>"
            "<nav aria-label='breadcrumb'>Jobs &gt; Kitchen &gt; Cook</nav></body></html>")
    parsed = parse(page, "html")
    assert "Apply now" not in parsed.text and "Home" not in parsed.text
    assert "Join our kitchen team." in parsed.text
    names = [d.name for d in lint(page, path="p.html").diagnostics]
    assert "missing-apply-instructions" in names  # the menu's "Apply now" is no instruction


def test_a_sites_header_footer_and_sidebar_are_no_part_of_a_marked_posting(lint) -> None:  # type: ignore[no-untyped-def]
    page = ("<html><body><header>Acme Careers · Call us: 0161 496 0000</header>"
            "<main><article><header><h1>Cook</h1><p>Location: Leeds</p></header>"
            "<p>Join our kitchen team. We cook for 200 guests a day.</p>"
            "<footer>Closing date: 15 January 2027</footer></article></main>"
            "<aside>Other jobs: Waiter (Apply now)</aside>"
            "<footer>Contact us: hello@example.org | Privacy policy | © 2026 Acme</footer>"
            "</body></html>")
    text = parse(page, "html").text
    # the site's own words are gone; the posting's own header and footer stay
    assert "Call us" not in text and "hello@example.org" not in text
    assert "Other jobs" not in text and "Privacy policy" not in text
    assert "Location: Leeds" in text and "Closing date: 15 January 2027" in text
    names = [d.name for d in lint(page, path="p.html").diagnostics]
    assert "missing-contact" in names  # the footer's "Contact us" is the site's, not the job's


def test_a_page_that_marks_no_content_keeps_its_header_and_footer() -> None:
    # (without <main> or <article> nothing says which part is the posting)
    page = ("<html><body><header><h1>Cook</h1><p>Location: Leeds</p></header>"
            "<p>Join our kitchen team.</p><footer>Questions? Call Sam on 0113 496 0000.</footer>"
            "</body></html>")
    text = parse(page, "html").text
    assert "Location: Leeds" in text and "Call Sam" in text
