from __future__ import annotations

from pathlib import Path

import pytest

from jdlint.errors import RuleDefinitionError
from jdlint.loader import load_rule_dir, load_rule_file, load_rule_text

GOOD = """\
code: INC900
name: test-term
kind: existence
category: inclusive
summary: A test rule.
message: 'Avoid "{match}".'
terms:
  en: [foo bar]
  de: [fuu]
docs:
  what: Flags foo bar.
  why: Because.
examples:
  trigger: [foo bar]
  clean: [foo]
"""


def test_good_rule_loads_with_per_language_terms() -> None:
    rule = load_rule_text(GOOD, "good.yaml")
    assert rule.meta.code == "INC900" and rule.meta.origin == "good.yaml"


@pytest.mark.parametrize(("change", "expected"), [
    (("kind: existence", "kind: exist"), r"good.yaml:3: key 'kind': 'exist' is not a rule kind"),
    (("code: INC900", "code: X1"), r"good.yaml:1: key 'code'"),
    (("code: INC900", "code: RDB900"), r"key 'code': codes of category 'inclusive' start with INC"),
    (("name: test-term", "name: Test Term"), r"key 'name'"),
    (("summary: A test rule.\n", "summary: A test rule.\ncolour: red\n"), r"good.yaml:6: key 'colour': unknown key"),
    (("message: 'Avoid \"{match}\".'", "message: 'Avoid {nope}'"), r"key 'message': unknown placeholder \{nope\}"),
    (("  de: [fuu]", "  xx: [fuu]"), r"key 'terms'"),
    (("  clean: [foo]\n", ""), r"key 'examples'"),
    (("  en: [foo bar]", "  en: ['re:(unclosed']"), r"key 'terms': invalid regular expression"),
    (("terms:", "terms: [\n"), r"good.yaml:\d+: invalid YAML"),
])
def test_broken_rule_names_file_key_and_line(change: tuple[str, str], expected: str) -> None:
    text = GOOD.replace(*change)
    assert text != GOOD
    with pytest.raises(RuleDefinitionError, match=expected):
        load_rule_text(text, "good.yaml")


def test_rule_dir_loads_every_yaml_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD, "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.yml").write_text(GOOD.replace("INC900", "INC901").replace("test-term", "test-two"), "utf-8")
    assert [r.meta.code for r in load_rule_dir(tmp_path)] == ["INC900", "INC901"]
    with pytest.raises(RuleDefinitionError, match="does not exist"):
        load_rule_dir(tmp_path / "missing")


def test_terms_match_after_a_character_whose_lowercase_is_longer() -> None:
    """'İ' lowercases to two characters; the matches must keep their offsets all the same."""
    from jdlint.kinds import TermSet

    terms = TermSet.compile([("rockstar", ()), ("re:\\bninjas?\\b", ())], ignorecase=True)
    for prefix in ("", "İzmir İİ "):
        text = prefix + "We want a Rockstar and a ninja."
        spans = [(m.group(), i) for m, i in terms.finditer(text)]
        assert spans == [("Rockstar", 0), ("ninja", 1)], prefix


def test_required_literals_are_texts_every_match_holds() -> None:
    from jdlint.kinds import required_literals

    assert required_literals(r"\b(?:the|our)\s+(?-i:Team(?:'s)?)\b") == ("team",)
    assert set(required_literals(r"\bone\s+(?:wo)?man\s+band\b")) == {"one", "man", "band"}
    assert required_literals(r"\b(?:cat|dog)s?\b") == ()  # a branch requires neither
    assert required_literals(r"(?:extra\s+)?word") == ("word",)  # an optional part neither
    assert required_literals(r"\p{Lu}+ing") == ()  # syntax only the regex module reads


def test_terms_are_found_in_hyphenated_words_and_behind_a_shared_first_word() -> None:
    """Terms are tried where their first word begins a word: a plain term's words may be
    joined by hyphens, a \\b term's word may follow one, and many places of a common first
    word ('the') are tried without losing the one that matches."""
    from jdlint.kinds import TermSet

    terms = TermSet.compile([("work hard play hard", ()), ("re:\\bguru\\b", ()),
                             ("re:\\bthe\\s+(?-i:Board)\\b", ())], ignorecase=True)
    text = ("The team, the office and the rest: work-hard-play-hard culture, a code-guru, "
            "and then the Board. Not the board.")
    assert [m.group() for m, _ in terms.finditer(text)] == [
        "work-hard-play-hard", "guru", "the Board"]
    assert [m.group() for m, _ in terms.finditer("a guruship, the boards")] == []


def test_every_builtin_term_compiles_alone() -> None:
    """jdlint's own packs load without compiling each term alone (a tenth of a cold start);
    here each term is compiled, so a broken regex in a pack fails the tests, not a user."""
    from jdlint.registry import builtin_rule_files

    files = list(builtin_rule_files())
    assert len(files) >= 10
    for path in files:
        load_rule_file(path, check_terms=True)



def test_a_key_that_ends_a_word_is_looked_up_as_that_word() -> None:
    from jdlint.kinds import TermSet

    terms = TermSet.compile([("re:\\bthe\\s+crew\\b", ()), ("re:\\bwiz\\w*", ())],
                            ignorecase=True)
    text = "Then the crew met a wizard. Theory aside, thecrew is no word."
    assert [m.group() for m, _ in terms.finditer(text)] == ["the crew", "wizard"]


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# terms whose first words are read from the regex's parse tree (an optional start, a
# case-sensitive group, a word class), beside a plain one
_TREE_TERMS = ["re:\\b(?:a\\s+(?:bit|little)\\s+)?OCD\\s+about\\b", "re:(?-i:Guy)\\b",
               "re:(?:(?<![\\w)])\\(s\\)he|\\b(?:s\\s*/+\\s*he|he\\s+or\\s+she))\\b",
               "re:\\b(?:nur\\s+)?EU-Bürger(?:innen|in)?\\b", "rockstar",
               # terms that share a key, a prefix, a phrase that goes on past its first word
               "rockstar ninja", "re:\\bwiz\\w*", "re:\\bwizard\\b", "re:\\bthe\\s+crew\\b",
               "re:\\bthe\\s+crews?\\b"]
_TREE_PIECES = ["a bit ", "a little ", "OCD", " about", "ocd about", "Guy", "guy", "(s)he",
                "s/he", "s / he", "he or she", "s", "/", "is", " /", "nur ", "EU-Bürgerin", "EU-Bürger", "rockstar",
                " ", "\n", "x", "-", "(", ")", "a", " ninja", "wiz", "wizard", "the", " crew",
                "crews"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_TREE_PIECES), max_size=30).map("".join))
def test_terms_keyed_from_their_parse_tree_find_what_their_regexes_find(text: str) -> None:
    from jdlint.kinds import _WORD_CHAR, TermSet, compile_term_regex

    terms = TermSet.compile([(t, ()) for t in _TREE_TERMS], ignorecase=True)
    assert not terms.patterns  # every term is tried only where its first words stand
    long_text = text + " " * 1600
    found = sorted((m.span(), i) for m, i in terms.finditer(long_text, overlaps=True))
    expected = []
    for i, source in enumerate(terms.sources):
        pattern = compile_term_regex(source, terms.flags)
        pos = 0
        while (m := pattern.search(long_text, pos)) is not None:
            # a term that must start a word does not start one after a letter or a hyphen
            if m.end() > m.start() and not (terms.word_start[i] and m.start() > 0
                                            and _WORD_CHAR.match(long_text, m.start() - 1)):
                expected.append((m.span(), i))
            pos = m.start() + 1
    assert found == sorted(set(expected))


def test_no_list_item_of_a_data_or_rule_file_is_read_as_a_mapping() -> None:
    """A pattern that ends in a colon ("\\bclosing\\s*:") unquoted is a YAML key, not text."""
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parent.parent

    def items(value: object) -> list[object]:
        if isinstance(value, list):
            return [*value, *(x for v in value for x in items(v))]
        if isinstance(value, dict):
            return [x for v in value.values() for x in items(v)]
        return []

    for path in [*root.glob("jdlint/data/*.yaml"), *root.glob("rules/**/*.yaml")]:
        data = yaml.safe_load(path.read_text("utf-8"))
        odd = [x for x in items(data) if isinstance(x, dict) and list(x.values()) == [None]]
        assert not odd, f"{path.name}: {odd[0]!r} (quote the entry)"
