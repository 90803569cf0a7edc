"""lemma: terms: spaCy blank pipelines with lookup lemmas, loaded lazily and once per process."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from jdlint import nlp
from jdlint.errors import RuleDefinitionError
from jdlint.kinds import TermSet
from jdlint.loader import load_rule_file
from jdlint.model import FileResult

Lint = Callable[..., FileResult]


def found(terms: TermSet, text: str, lang: str) -> list[tuple[str, int]]:
    return [(m.group(), i) for m, i in terms.finditer(text, lang)]


def test_lemma_terms_find_inflected_forms_and_nothing_else() -> None:
    terms = TermSet.compile([("lemma:tillidsmand", []), ("lemma:dansk statsborger", []),
                             ("rockstar", [])], True, "da")
    text = ("Tillidsmanden og tillidsmændene mødes. Kun danske statsborgere. En Rockstar. "
            "Tillidsrepræsentanten og en dansk kollega, ikke en statsborger fra Norge.")
    assert found(terms, text, "da") == [
        ("Tillidsmanden", 0), ("tillidsmændene", 0), ("danske statsborgere", 1),
        ("Rockstar", 2)]


def test_a_star_list_takes_the_postings_language() -> None:
    terms = TermSet.compile([("lemma:Mannschaft", [])], True)
    assert found(terms, "Die Mannschaften trainieren.", "de") == [("Mannschaften", 0)]


def test_pipelines_are_built_once_per_language() -> None:
    terms = TermSet.compile([("lemma:fagmand", [])], True, "da")
    found(terms, "En fagmand.", "da")
    first = nlp.pipeline("da")
    found(terms, "To fagmænd.", "da")
    assert nlp.pipeline("da") is first
    # only the forms of the lemmas that phrases use are kept, not the whole table
    assert "fagmænd" in first.forms and len(first.forms) < 5_000
    assert first.nlp.pipe_names == ["jdlint_lookup_lemmas"]  # a blank pipeline: no model


def test_an_inflected_form_gets_no_automatic_fix(lint: Lint) -> None:
    text = "Du arbejder tæt sammen med tillidsmanden og vores talsmand.\n"
    result = lint(text, language="da", select=("gendered-term",))
    fixes = {text[d.column - 1:d.end_column - 1]: d.fix for d in result.diagnostics}
    assert set(fixes) == {"tillidsmanden", "talsmand"}
    assert fixes["tillidsmanden"] is None  # "tillidsrepræsentant" would need the definite form
    assert fixes["talsmand"] is not None and fixes["talsmand"].replacement == "talsperson"


def test_an_empty_lemma_term_is_a_rule_error(tmp_path: Path) -> None:
    rule = tmp_path / "r.yaml"
    rule.write_text(textwrap.dedent("""\
        code: INC901
        name: x-rule
        kind: existence
        category: inclusive
        severity: info
        summary: s
        message: m
        terms: ["lemma: "]
        docs: {what: w, why: y}
        examples: {trigger: [a], clean: [b]}
        """), encoding="utf-8")
    with pytest.raises(RuleDefinitionError, match="lemma: term needs a phrase"):
        load_rule_file(rule)


@pytest.mark.parametrize(("text", "loaded"), [
    ("We are hiring a data engineer. You will build pipelines with our analysts.\n", False),
    # the built-in rules' Danish phrases come with their forms (jdlint/data/lemmas/da.json)
    ("Vi søger en tillidsmand til vores lager i Aarhus. Du bliver en del af et godt team.\n",
     False),
])
def test_spacy_is_imported_only_when_a_lemma_term_is_scanned(
        tmp_path: Path, text: str, loaded: bool) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(text, encoding="utf-8")
    probe = ("import sys\nfrom jdlint.cli import cli\n"
             "try:\n    cli(['check', '--isolated', '--fail-on', 'never', sys.argv[1]])\n"
             "except SystemExit:\n    pass\n"
             "print('spacy' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", probe, str(posting)], capture_output=True,
                         text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == str(loaded)


def test_a_phrase_the_shipped_forms_lack_loads_spacy() -> None:
    probe = ("import sys\nfrom jdlint.kinds import TermSet\n"
             "t = TermSet.compile([('lemma:lærling', [])], True, 'da')\n"
             "print([m.group() for m, _ in t.finditer('To lærlinge og en lærling.', 'da')])\n"
             "print('spacy' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == ["['lærlinge', 'lærling']", "True"]


DANISH = [
    "Tillidsmanden og tillidsmændene mødes hver uge; tillidsmandens rolle er vigtig.",
    "Kun danske statsborgere, dansk statsborgerskab eller dansk indfødsret kan søges.",
    "Krav: Dansk-statsborger? Nej. DANSKE STATSBORGERE. (Danske statsborgere.)",
    "Vores talsmand, to talsmænd og talsmandens kontor; en fagmand (fagmænd) søges.",
    "Opsynsmanden, rengøringsdamen og kassedamerne; modersmål: dansk, modersmålet engelsk.",
    "Tillidsrepræsentanten og en dansk kollega, ikke en statsborger fra Norge.",
    "tillidsmand-ordningen, e-mail: talsmand@firma.dk, fagmand.",
]


@pytest.mark.parametrize("text", DANISH)
def test_the_shipped_forms_match_what_spacy_matches(text: str) -> None:
    """Single spaces: spaCy makes a token of the second of two spaces, which breaks a phrase
    ("danske  statsborgere"); the shipped forms' tokens do not (a deliberate difference)."""
    from jdlint.registry import discover

    phrases = sorted({p for rule in discover() for value in vars(rule).values()
                      if isinstance(value, dict) for lang, terms in value.items()
                      if lang == "da" and isinstance(terms, TermSet)
                      for p, _ in terms.lemma_phrases})
    assert len(phrases) >= 10
    matcher = nlp.LemmaMatcher("da", tuple((p, i) for i, p in enumerate(phrases)))
    shipped = nlp.shipped_forms("da")
    assert shipped is not None
    fast = matcher._shipped_spans(text, shipped)
    pipe, spacy_matcher = matcher._matcher()
    doc = pipe.parse(text)
    strings = pipe.nlp.vocab.strings
    slow = sorted(((doc[s:e].start_char, doc[s:e].end_char, int(strings[m]))
                   for m, s, e in spacy_matcher(doc)), key=lambda x: (x[0], -x[1]))
    assert fast == slow


def test_the_shipped_forms_are_up_to_date() -> None:
    """A rule's new lemma: phrase, or a new spacy-lookups-data, needs the file rebuilt."""
    script = Path(__file__).resolve().parent.parent / "scripts" / "build_lemma_forms.py"
    out = subprocess.run([sys.executable, str(script), "--check"], capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stdout + out.stderr
