"""Zones: every offset knows what part of the posting it is in."""

from __future__ import annotations

import pytest

from jdlint.document import Document

POSTING = """Warehouse Lead

About us
We are a family-run logistics company with three sites in the region.

Your tasks
- Plan the weekly picking schedule
- Coach a team of eight operators

Your profile
- Two years of experience in a warehouse
- A forklift licence

What we offer
- A pension plan and paid overtime
- We are an equal opportunity employer and welcome applications regardless of age.

If you need a reasonable accommodation during the process, tell us.
We do not accept CVs from recruitment agencies.

Data protection
We process your personal data only to handle your application.
"""


def zone(d: Document, phrase: str) -> str:
    return d.zone_at(d.text.index(phrase))


@pytest.mark.parametrize(("phrase", "kind"), [
    ("family-run", "about"),
    ("picking schedule", "responsibilities"),
    ("forklift", "requirements"),
    ("pension plan", "benefits"),
    ("equal opportunity", "equal-opportunity"),
    ("reasonable accommodation", "accommodation"),
    ("recruitment agencies", "anti-agency"),
    ("personal data", "data-protection"),
    ("Warehouse Lead", ""),
])
def test_zone_at(phrase: str, kind: str) -> None:
    assert zone(Document.from_source("p.txt", POSTING), phrase) == kind


def test_zones_cover_the_text_in_order() -> None:
    d = Document.from_source("p.txt", POSTING)
    assert d.zones[0].start == 0 and d.zones[-1].end == len(d.text)
    for a, b in zip(d.zones, d.zones[1:], strict=False):
        assert a.end == b.start and a.kind != b.kind


def test_german_and_danish_boilerplate() -> None:
    de = Document.from_source("p.txt", "Ihr Profil\n- Erfahrung in der Pflege\n\nWir begrüßen "
                              "Bewerbungen unabhängig von Geschlecht, Alter und Herkunft.\n")
    assert zone(de, "unabhängig") == "equal-opportunity"
    da = Document.from_source("p.txt", "Om dig\n- Erfaring med salg\n\nVi behandler dine "
                              "personoplysninger fortroligt.\n")
    assert zone(da, "personoplysninger") == "data-protection"


def test_a_sentence_that_only_mentions_diversity_of_tasks_is_not_boilerplate() -> None:
    d = Document.from_source("p.txt", "Your tasks\n- A varied mix of duties across the site\n")
    assert zone(d, "varied") == "responsibilities"


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Agencies may not submit CVs to our hiring managers.", "anti-agency"),
    ("We do not accept CVs from third agencies.", "anti-agency"),
    ("The agency will support families across the county.", ""),
    ("Applications from graduates are welcome.", ""),
    # data protection said without "personal data"
    ("Data will be processed on consent expressed by sending an application.",
     "data-protection"),
    ("We may also process your data in our legitimate interest.", "data-protection"),
    ("Data is processed in real time by our pipelines.", ""),
    ("You will process data from many sources.", ""),
])
def test_boilerplate_by_its_own_words(sentence: str, kind: str) -> None:
    from jdlint.document.zones import boilerplate_kind

    assert boilerplate_kind(sentence, "en") == kind
