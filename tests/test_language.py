"""Language detection: its function-word counts read from the word index are the counts a
pass of its own over the text gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdlint.document import language
from jdlint.document.words import Words

# function words of each language in several cases, glued to digits and "_", the "I" that is
# not Danish "i", a character whose lowercase is longer, and words that are none of them
_PIECES = ["the", "The", "THE", "und", "Und", "og", "i", "I", "I2", "2I", "og_", "_og", "the3",
           "3the", "x2und", "İ", "İn", "ß", "Før", "før", "é", "ab", " ", "  ", "\n", "-",
           "'", "’", "_", "7", ".", "vi", "Vi", "der", "die", "you", "your"]


def _function_words(counts: dict[str, int]) -> dict[str, int]:
    return {w: n for w, n in counts.items() if w in language._ALL_STOPWORDS and n}


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
       st.sampled_from([3, 10, 3000]))
def test_the_index_counts_the_words_a_pass_of_its_own_counts(text: str, sample: int) -> None:
    from_index = language._from_index(text, sample)
    counted, capital_i = language._counted(text, sample)
    if from_index is None:  # too long for the sample, or a lowercase the index shortens
        assert len(text) > sample * 8 or not Words(text).lower_exact or sum(
            counted.values()) == sample
        return
    counts, index_capital_i = from_index
    assert _function_words(dict(counts)) == _function_words(dict(counted))
    assert index_capital_i == capital_i


def test_a_text_with_more_words_than_the_sample_is_counted_by_its_own_pass() -> None:
    text = "the cat " * 20  # 40 words
    assert language._from_index(text, 39) is None
    assert language._from_index(text, 40) is not None
    assert language._from_index("og " * 10, 3) is None  # (more characters than 8 per word)


def test_a_lowercase_the_index_shortens_is_counted_by_its_own_pass() -> None:
    # "İ" lowercases to "i" and a combining dot: the index keeps "i", a Danish function word
    assert language._from_index("İ was there", 3000) is None
    assert language.detect("İ og du") == "da"


def test_words_glued_to_digits_count_as_the_letters_they_hold() -> None:
    counts, capital_i = language._from_index("og2 og_og I3 der", 3000) or ({}, -1)
    assert counts["og"] == 3 and counts["der"] == 1 and capital_i == 1


_TEXTS = {
    "en": "We are looking for a nurse to join our team. You will care for patients and work "
          "with doctors on the ward. Send us your CV by the end of the month.",
    "de": "Wir suchen eine Pflegekraft für unser Team. Sie betreuen Patienten und arbeiten "
          "mit den Ärztinnen auf der Station. Senden Sie uns Ihre Unterlagen bis zum Monatsende.",
    "da": "Vi søger en sygeplejerske til vores team. Du skal passe patienter og arbejde med "
          "lægerne på afdelingen. Send os dit CV inden udgangen af måneden, og skriv gerne til "
          "os, hvis du har spørgsmål efter opslaget.",
    "fr": "Nous cherchons une infirmière pour notre équipe. Vous prendrez soin des patients et "
          "travaillerez avec les médecins dans le service. Envoyez votre CV avant la fin du mois.",
    "es": "Buscamos una enfermera para nuestro equipo. Usted cuidará a los pacientes y trabajará "
          "con los médicos en la planta. Envíe su currículum antes del fin del mes.",
    "nl": "Wij zoeken een verpleegkundige voor ons team. Je zorgt voor patiënten en werkt samen "
          "met de artsen op de afdeling. Stuur je cv voor het einde van de maand naar ons.",
    "sv": "Vi söker en sjuksköterska till vårt team. Du kommer att ta hand om patienter och "
          "arbeta med läkarna på avdelningen. Skicka ditt CV till oss och berätta gärna hur du "
          "vill arbeta, för det är också viktigt att du trivs.",
    "nb": "Vi søker en sykepleier til vårt team. Du skal ta vare på pasienter og jobbe med "
          "legene på avdelingen. Etter en god opplæring blir du en del av et miljø som gir deg "
          "mye ansvar, og arbeidet er variert. Send oss søknaden din.",
}


def test_each_language_is_told_by_its_function_words() -> None:
    assert {code: language.detect(text) for code, text in _TEXTS.items()} == {
        code: code for code in _TEXTS}


def test_a_checked_language_with_a_foreign_name_in_it_stays_itself() -> None:
    text = _TEXTS["en"] + " Our partner is the Société Générale de la Banque in Paris."
    assert language.detect(text) == "en"


_FR_POSTING = ("Cuisinier ou cuisinière\n\nLieu : Montréal (Québec)\n\n" + _TEXTS["fr"] + "\n\n"
               "Nous offrons un horaire stable et des repas pour toute l'équipe de la cuisine.\n\n"
               "Nous offrons un horaire stable et des repas pour toute l'équipe de la cuisine.\n")


def test_a_posting_in_another_language_is_checked_only_by_rules_that_read_no_words(
        lint) -> None:  # type: ignore[no-untyped-def]
    result = lint(_FR_POSTING, "poste.txt")
    assert result.language == "fr"
    # no missing deadline, contact or how to apply read through German or Danish words; the
    # pasted paragraph is still found
    assert sorted(d.name for d in result.diagnostics) == ["duplicate-block", "posting-length"]
    # ... and told to check it as a checked language, every rule reads it
    forced = lint(_FR_POSTING, "poste.txt", language="en")
    assert "missing-deadline" in [d.name for d in forced.diagnostics]


def test_the_summary_names_the_language_not_checked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from jdlint.cli import cli

    (tmp_path / "poste.txt").write_text(_FR_POSTING, "utf-8")
    (tmp_path / "job.txt").write_text(_TEXTS["en"] + "\n", "utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path), "--isolated"])
    assert ("1 file: written in French, which jdlint does not check, so only the rules that "
            "read no words ran") in result.output
    stats = CliRunner().invoke(cli, ["check", str(tmp_path), "--isolated", "--statistics"])
    assert "in a language jdlint does not check: 1 of 2 files" in stats.output
    assert f"  {tmp_path / 'poste.txt'} (French)" in stats.output


@pytest.mark.parametrize(("text", "code"), [
    ("Инженер\n\nМы ищем инженера в нашу команду. Вы будете разрабатывать продукт на Python. "
     "Резюме отправляйте на jobs@example.org.\n", "und-Cyrl"),
    ("工程师\n\n我们正在寻找一名工程师加入我们的团队。请将简历发送至 jobs@example.org。\n", "und-Hani"),
])
def test_a_posting_in_another_script_is_told_by_its_letters(
        lint, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    result = lint(text, "job.txt")
    assert result.language == code
    # its few English words ("Python") make it no English posting: no missing deadline,
    # and where words have no spaces between them, no count of them either
    names = [d.name for d in result.diagnostics]
    assert "missing-deadline" not in names and "missing-apply-instructions" not in names
    assert ("posting-length" in names) == (code == "und-Cyrl")


def test_a_latin_posting_with_a_foreign_name_stays_english() -> None:
    text = "Café Москва, our new restaurant in Leeds, needs a cook. We train you on the job.\n"
    assert language.detect(text) == "en"
