from __future__ import annotations

import pytest

from jdlint.document import Document
from jdlint.document.sections import section_kind
from jdlint.document.structure import looks_like_heading


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
