from __future__ import annotations

import pytest

from jdlint.document import Document
from jdlint.document.sections import section_kind
from jdlint.document.structure import find_blocks, looks_like_heading


def doc(text: str, path: str = "p.txt") -> Document:
    return Document.from_source(path, text)


@pytest.mark.parametrize("line", ["Deadline", "Your new role", "What we offer",
                                  "Your key responsibilities include:", "Any Questions?",
                                  "Ihr Profil", "Ansøgningsfrist"])
def test_heading_lines(line: str) -> None:
    assert looks_like_heading(line)


@pytest.mark.parametrize("line", ["This is a 13-month contract.", "Category: Digital & IT",
                                  "12 March 2025", "Kalundborg, Region Zealand, DK",
                                  "- Lead the team", "we are hiring now",
                                  "Do you thrive in dynamic environments where IT matters?"])
def test_not_heading_lines(line: str) -> None:
    assert not looks_like_heading(line)


@pytest.mark.parametrize(("heading", "kind"), [
    ("Deadline", "deadline"), ("Application deadline:", "deadline"),
    ("Bewerbungsfrist", "deadline"), ("Any Questions?", "contact"),
    ("Your skills and qualifications", "requirements"), ("Working at Acme", "about"),
    ("Vi tilbyder", "benefits"), ("Random words", ""),
])
def test_section_kind(heading: str, kind: str) -> None:
    assert section_kind(heading) == kind


def test_bullets_including_a_bare_dash_line_followed_by_its_text() -> None:
    d = doc("Tasks\n-\nPlan shifts.\n- Order stock\n• Coach staff\n1. Count\n2) Report\n")
    bullets = [b.text for b in d.blocks if b.kind == "bullet"]
    assert bullets == ["Plan shifts.", "Order stock", "Coach staff", "Count", "Report"]
    assert d.blocks[0].kind == "heading"


def test_sentences_respect_abbreviations_and_split_bullets() -> None:
    d = doc("We use tools, e.g. Excel and SAP. You lead the team! Do you agree?\n\n- No dot here\n")
    texts = [s.text for s in d.sentences]
    assert texts == ["We use tools, e.g. Excel and SAP.", "You lead the team!",
                     "Do you agree?", "No dot here"]


def test_hard_wrapped_markdown_paragraph_is_one_block() -> None:
    d = doc("This paragraph is wrapped at a narrow width by an editor and it\n"
            "continues on the next line.\n", "p.md")
    assert [b.kind for b in d.blocks] == ["paragraph"]


def test_sections_follow_headings() -> None:
    d = doc("Title line here\n\nDeadline\n1 May 2030\n\nContact\nAnna, anna@example.com\n")
    kinds = [s.kind for s in d.sections]
    assert "deadline" in kinds and "contact" in kinds
    deadline = d.sections_of("deadline")[0]
    assert "1 May 2030" in d.text[deadline.start:deadline.end]


# --- lines, lists and headings by shape (issue 10) ------------------------------------------

def kinds(d: Document) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in d.blocks]


def test_plain_text_requirement_lines_are_a_list_not_one_sentence() -> None:
    d = doc("Qualifications:\nFive years of experience building data pipelines at scale\n"
            "Strong knowledge of SQL and one scripting language\n"
            "Driven, ambitious and competitive\nExcellent written communication\n")
    assert d.blocks[0].kind == "heading"
    assert [b.kind for b in d.blocks[1:]] == ["bullet"] * 4
    assert all(b.implicit for b in d.blocks[1:])
    assert [s.text for s in d.sentences][1:] == [b.text for b in d.blocks[1:]]
    assert d.sections_of("requirements")


def test_lines_without_a_lead_in_are_still_sentences_of_their_own() -> None:
    d = doc("We build routing software for hospitals and clinics around the region\n"
            "Our team works across four offices and many time zones every single week\n")
    assert len(d.sentences) == 2


WRAPPED = (
    "We are a small company that builds planning software for hospitals. Our\n"
    "customers are nurses and doctors who need the right information at the\n"
    "right moment, and Ward managers tell us that our tools save them hours\n"
    "Every week. You will join a team of six engineers and work with them on\n"
    "the scheduling engine.\n"
)


def test_hard_wrapped_prose_stays_one_paragraph_even_at_capitalised_lines() -> None:
    d = doc(WRAPPED)
    assert [b.kind for b in d.blocks] == ["paragraph"]
    # the break before "Every" wraps: the word would not have fitted on the line before
    assert [s.text.split()[0] for s in d.sentences] == ["We", "Our", "You"]


def test_a_ragged_list_of_lower_case_lines_is_a_list() -> None:
    d = doc("Dein Profil:\nabgeschlossenes Studium der Informatik\n"
            "du hast sehr gute Kenntnisse in Python und SQL sowie erste Erfahrung mit Cloud\n"
            "sehr gute Deutschkenntnisse\n")
    assert [b.kind for b in d.blocks] == ["heading", "bullet", "bullet", "bullet"]


def test_a_sentence_that_continues_in_lower_case_is_joined() -> None:
    d = doc("Please send your application and a short letter about your\n"
            "motivation to the address below by the end of the month.\n")
    assert len(d.blocks) == 1 and len(d.sentences) == 1


@pytest.mark.parametrize(("heading", "kind"), [
    ("Who you are:", "requirements"), ("The ideal candidate:", "requirements"),
    ("What we offer:", "benefits"), ("Key responsibilities:", "responsibilities"),
])
def test_short_lines_ending_in_a_colon_open_sections(heading: str, kind: str) -> None:
    d = doc(f"Intro paragraph about the job and the team.\n\n{heading}\nFirst item here\n"
            "Second item here\n")
    assert d.sections_of(kind), d.blocks


def test_a_lead_in_sentence_is_not_a_heading_and_keeps_the_section() -> None:
    d = doc("Requirements\nAs a nurse on our ward, you will need:\nA nursing degree\n"
            "Current registration\n")
    lead = d.blocks[1]
    assert lead.kind == "paragraph"
    assert [b.kind for b in d.blocks[2:]] == ["bullet", "bullet"]
    assert [s.kind for s in d.sections] == ["requirements"]


def test_an_unnamed_sub_heading_does_not_end_a_named_section() -> None:
    d = doc("Person specification\nClinical:\nA nursing degree\nPersonal:\n"
            "A caring manner\n")
    assert [s.kind for s in d.sections] == ["requirements"]


@pytest.mark.parametrize("source", [
    "Intro text for the job.\n\n**About You**\n\nYou enjoy data.\n",
    "Intro text for the job.\n\n__About You__\n\nYou enjoy data.\n",
    "Intro text for the job.\n\n***About You***:\n\nYou enjoy data.\n",
])
def test_bold_only_markdown_paragraphs_are_headings(source: str) -> None:
    d = doc(source, "p.md")
    assert d.sections_of("requirements"), kinds(d)


def test_bold_lead_in_with_a_section_word_opens_its_section() -> None:
    d = doc("Intro.\n\n**Applicants should meet the following criteria:**\n\n- A degree\n"
            "- A licence\n", "p.md")
    assert d.sections_of("requirements"), kinds(d)


def test_a_long_bold_sentence_is_not_a_heading() -> None:
    d = doc("**Are you looking for a new challenge where you can make a difference every "
            "single day? If so, read on!**\n", "p.md")
    assert all(b.kind != "heading" for b in d.blocks)


def test_html_strong_only_paragraph_is_a_heading() -> None:
    d = doc("<html><body><p>Intro.</p><p><strong>What we offer</strong></p>"
            "<p>A pension.</p><p>Call <b>Anna</b> today.</p></body></html>", "p.html")
    assert d.sections_of("benefits")
    assert not any(b.kind == "heading" and "Anna" in b.text for b in d.blocks)


def test_html_line_breaks_are_lines() -> None:
    d = doc("<p>Requirements:<br>A degree in nursing from a recognised university<br>"
            "current registration with the council</p>", "p.html")
    assert [b.kind for b in d.blocks] == ["heading", "bullet", "bullet"]


def test_markdown_hard_break_ends_a_line() -> None:
    d = doc("Please send us your  \ncover letter by Friday.\n", "p.md")
    assert len(d.blocks) == 2


def test_o_bullets_from_word_documents() -> None:
    d = doc("Your main duties will be:\no To plan the care of patients\no To report incidents\n")
    assert [b.text for b in d.blocks if b.kind == "bullet"] == [
        "To plan the care of patients", "To report incidents"]


def test_one_word_per_line_pdf_text_is_read_as_prose() -> None:
    words = "You will work hand in hand with our teams and automate every aspect."
    d = doc("Your Role\n" + "\n".join(words.split()) + "\n")
    assert [b.kind for b in d.blocks] == ["heading", "paragraph"]
    assert len(d.sentences) == 2


# --- sentences -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "count"), [
    ("You will support U.S. Army bases. Travel is required.", 2),
    ("Applicants must live in the U.S. and hold a licence.", 1),
    ("The salary is approx. 45,000 per year.", 1),
    ("Ring på tlf. 12 34 56 78 for at høre mere.", 1),
    ("Sie bringen mind. drei Jahre Erfahrung mit.", 1),
    ("Bewerbungen bis zum 31. März 2026 an uns.", 1),
    ("Ansøgningsfrist er 1. december 2025 kl. 12.", 1),
    ("This is what we do. We build tools.", 2),
    ("Dr. Smith leads the team. She is kind.", 2),
    ("We grew for twenty years.We are now a large team.", 2),  # scraped without the space
    ("Read more at www.example.Com and apply today.", 1),
])
def test_sentence_boundaries(text: str, count: int) -> None:
    lang = "de" if "Sie " in text or "Bewerbungen" in text else "da" if "på" in text or \
        "Ansøg" in text else "en"
    d = Document.from_source("p.txt", text + "\n", language=lang)
    assert len(d.sentences) == count, [s.text for s in d.sentences]


def test_a_list_of_one_word_items_is_a_list() -> None:
    d = doc("Technologies:\nGit\nPython\nKafka\nSpark\nJava\n")
    assert [b.kind for b in d.blocks] == ["heading"] + ["bullet"] * 5


@pytest.mark.parametrize(("text", "expected"), [
    ("Use SAS or SQL (for example MS Access). * We count all experience.",
     ["Use SAS or SQL (for example MS Access).", "* We count all experience."]),
    ("Review filings. • Research rates. • Advise on policy.• Keep records.",
     ["Review filings.", "• Research rates.", "• Advise on policy.", "• Keep records."]),
    ("Plan the budget · Lead the team ·Report to the board",
     ["Plan the budget", "· Lead the team", "·Report to the board"]),
    ("Support permits, contracts, etc. The manager plans the work.",
     ["Support permits, contracts, etc.", "The manager plans the work."]),
    ("Tools such as Excel, Word, etc. are used daily.",
     ["Tools such as Excel, Word, etc. are used daily."]),
    ("Duties include: \u00e2\u20ac\u00a2 Comparing proposals \u00e2\u20ac\u00a2 Planning jobs",
     ["Duties include:", "\u00e2\u20ac\u00a2 Comparing proposals",
      "\u00e2\u20ac\u00a2 Planning jobs"]),
    ("1)\tWord and Excel 2)\tStrong PowerPoint 3)\tResearch skills",
     ["Word and Excel", "2)\tStrong PowerPoint", "3)\tResearch skills"]),
    ("You have (1) five years of experience or (2) a degree.",
     ["You have (1) five years of experience or (2) a degree."]),
    # glyphs that only mark list items, spaced or glued to the item before
    ("Depending on the role:↪ Further checks may apply↪ Some assets may be essential",
     ["Depending on the role:", "↪ Further checks may apply", "↪ Some assets may be essential"]),
    ("We offer ✓ Flexible hours ✓ Free parking", ["We offer", "✓ Flexible hours",
                                                  "✓ Free parking"]),
    ("Apply online.▶ We read every application.",
     ["Apply online.", "▶ We read every application."]),
    # ... not before a small letter
    ("Press ▶ play to start.", ["Press ▶ play to start."]),
])
def test_footnote_stars_inline_bullets_and_etc_end_sentences(text: str,
                                                             expected: list[str]) -> None:
    assert [s.text for s in doc(text + "\n").sentences] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("You will: ~ Prepare planting plans; ~ Review designs ~ Order plants",
     ["You will:", "~ Prepare planting plans;", "~ Review designs", "~ Order plants"]),
    ("You must have: - A driving licence - The right to work here - Your own car",
     ["You must have:", "- A driving licence", "- The right to work here", "- Your own car"]),
    ("Duties include:* Filing; * Booking travel; * Answering calls",
     ["Duties include:", "* Filing;", "* Booking travel;", "* Answering calls"]),
    # a word processor's second-level bullet, flattened into the line
    ("Reports are filtered by: o Client; o Site o Date of the visit",
     ["Reports are filtered by:", "o Client;", "o Site", "o Date of the visit"]),
    # a dash in prose, a range, a hyphenated word, "o" as a word: no list
    ("Our mission - The best care - Every day.", ["Our mission - The best care - Every day."]),
    ("Send it to: our office o Friday.", ["Send it to: our office o Friday."]),
    ("You have 3 - 5 years of experience in a well-known firm.",
     ["You have 3 - 5 years of experience in a well-known firm."]),
])
def test_an_inline_list_after_a_colon_is_one_sentence_per_item(text: str,
                                                                expected: list[str]) -> None:
    assert [s.text for s in doc(text + "\n").sentences] == expected


def test_a_wrapped_german_line_ending_in_a_comma_goes_on() -> None:
    """German nouns start lines in capitals: in wrapped text, after a comma the line goes on."""
    text = ("Wir suchen eine engagierte Person, die unser Team in der Verwaltung\n"
            "unterstützt und sich für die Arbeit mit Menschen begeistern kann und\n"
            "gerne im Team arbeitet, flexibel ist und auch in stressigen Zeiten den\n"
            "überblick behält.\n\n"
            "Bitte sende uns die vollständigen\n"
            "Bewerbungsunterlagen (Anschreiben,\n"
            "Lebenslauf, Zeugnisse) als eine PDF-Datei bis zum 31.01.2027 an uns.\n")
    blocks = find_blocks(text)
    assert any("(Anschreiben,\nLebenslauf, Zeugnisse)" in b.text for b in blocks)


from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = [". ", "! ", "?", "...", ".", "•", "·", "▪", "â€¢", "↪", "✓", " ", "  ", "\t", "\n", "1)\t",
           "12)\t", "123)\t", ")", "A", "a", "We", "etc", ";", ":", "\"", "(", "”", "’", "xx",
           "e.g.", "www.x.Com", "31", " März", "*", "Ü", "é", "~", "-", " - ", "–", ": - "]


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join), st.integers(0, 200),
       st.integers(0, 200))
@example("123)\t: - : - Ü", 10, 14)  # a colon just before the span, a list's marker after it
@example(": -  - A", 0, 8)  # a marker that opens no list (no capital after it)
def test_boundaries_found_from_hints_are_the_whole_pattern_s(text: str, a: int, b: int) -> None:
    """The boundaries tried only at hints are the pattern's tried everywhere, plus the items of
    a list opened after a colon or semicolon ("have: - A licence - A car")."""
    import re

    from jdlint.document.sentences import _BOUNDARY, _LIST_ITEMS, _LIST_OPENS, _boundaries

    start, end = sorted((min(a, len(text)), min(b, len(text))))
    items: dict[int, re.Pattern[str]] = {}
    for opener in re.finditer(r"[;:]\s*([~*\-–o])", text[:end]):
        # (a list opens where its marker stands before a capital: "- A", not "-  - A")
        if opener.start() >= start and _LIST_OPENS[opener.group(1)].match(
                text, opener.start(1), end):
            pattern = _LIST_ITEMS[opener.group(1)]
            items.update((m.start(), pattern) for m in pattern.finditer(text, opener.end(), end)
                         if m.start() not in items)
    expected, done, empty_at = [], start, -1
    for at in range(start, end + 1):  # every place, as finditer tries them
        if at < done or at == empty_at:
            continue
        m = _BOUNDARY.match(text, at, end) or (items[at].match(text, at, end)
                                                if at in items else None)
        if m is not None:
            expected.append(m.span())
            done = m.end()
            empty_at = at if m.end() == at else -1
    assert [m.span() for m in _boundaries(text, start, end)] == expected


def test_the_flowing_text_reads_a_wrapped_sentence_as_one_line() -> None:
    text = ("# Pflegekraft\n\nDie Unterlagen werden nach Ablauf von sechs Monaten\n"
            "nach Ende des Verfahrens vernichtet.\n\nNeuer Absatz.\n- Punkt eins\n- Punkt zwei\n")
    d = Document.from_source("p.txt", text)
    flowing = d.flowing
    assert len(flowing) == len(d.text)
    assert "sechs Monaten nach Ende" in flowing  # a wrap inside a paragraph
    assert "vernichtet.\n\nNeuer Absatz.\n- Punkt eins\n- Punkt zwei" in flowing  # not between
    unwrapped = Document.from_source("p.txt", "# Title\n\nOne line.\n\nAnother line.\n")
    assert unwrapped.flowing is unwrapped.text


def test_markdown_headings_pasted_into_plain_text_are_headings() -> None:
    d = doc("# Data Analyst\n\nWe build reports.\n\n## Requirements\n\n- SQL\n- Python\n\n"
            "# of openings: 2\n")
    headings = [(b.text, b.level) for b in d.blocks if b.kind == "heading"]
    assert headings == [("Data Analyst", 1), ("Requirements", 2)]  # not "# of openings"
    assert [s.kind for s in d.sections if s.heading is not None] == ["", "requirements"]


def test_short_lines_under_a_list_heading_are_its_items_even_one_naming_a_section() -> None:
    items = ["A degree", "Experience with SQL", "Experience with Python", "Teamwork"]
    d = doc("Requirements\n\n" + "\n\n".join(items) + "\n")
    assert [b.text for b in d.blocks if b.kind == "bullet"] == items
    assert [s.kind for s in d.sections if s.heading is not None] == ["requirements"]
    # label and value lines under no list heading stay as they are
    fields = doc("Location\n\nLeeds\n\nSalary\n\n£30,000\n")
    assert not [b for b in fields.blocks if b.kind == "bullet"]
