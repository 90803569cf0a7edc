"""Build jdlint/data/lemmas/<lang>.json: the word forms that the built-in rules' ``lemma:``
terms match, so that checking a Danish posting needs neither spaCy nor its 550,000-form
lemma table (1.4 s and 150 MB per process) unless a user's own rule has a ``lemma:`` term
the file does not cover.

    python scripts/build_lemma_forms.py          # rewrite the files
    python scripts/build_lemma_forms.py --check  # exit 1 if they are out of date (a test runs it)

The forms come from spacy-lookups-data's ``lemma_lookup`` tables (MIT), as jdlint's spaCy
path reads them: each file holds the phrases it was built for, each phrase's lemmas, and every
form whose lemma one of those lemmas is.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "jdlint" / "data" / "lemmas"


def builtin_phrases() -> dict[str, set[str]]:
    """The ``lemma:`` phrases of jdlint's own rule files, by language."""
    from collections.abc import Mapping

    from jdlint.kinds import TermSet
    from jdlint.loader import load_rule_file
    from jdlint.registry import builtin_rule_files

    out: dict[str, set[str]] = {}
    for path in builtin_rule_files():
        rule = load_rule_file(path)
        for value in vars(rule).values():
            if not isinstance(value, Mapping):
                continue
            for lang, terms in value.items():
                if isinstance(terms, TermSet) and lang != "*" and terms.lemma_phrases:
                    out.setdefault(lang, set()).update(p for p, _ in terms.lemma_phrases)
    return out


def build(lang: str, phrases: set[str]) -> dict[str, object]:
    from jdlint.nlp import full_table, tokens

    table = full_table(lang)

    def lemma(form: str) -> str:
        return (table.get(form) or table.get(form.lower()) or form).lower()

    lemmas_of = {p: [lemma(t) for t, _, _ in tokens(p) if t.strip()] for p in sorted(phrases)}
    wanted = {lemma for seq in lemmas_of.values() for lemma in seq}
    forms = {form: value.lower() for form, value in sorted(table.items())
             if value.lower() in wanted}
    return {
        "source": f"spacy-lookups-data {metadata.version('spacy-lookups-data')} (MIT), "
                  "lemma_lookup; built by scripts/build_lemma_forms.py",
        "language": lang,
        "phrases": lemmas_of,
        "forms": forms,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    stale = []
    for lang, phrases in sorted(builtin_phrases().items()):
        data = build(lang, phrases)
        text = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
        path = OUT / f"{lang}.json"
        if args.check:
            old = json.loads(path.read_text("utf-8")) if path.exists() else None
            if old is None or {k: v for k, v in old.items() if k != "source"} != \
                    {k: v for k, v in data.items() if k != "source"}:
                stale.append(str(path))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
            print(f"{path}: {len(data['phrases'])} phrases, {len(data['forms'])} forms")
    if stale:
        print("out of date (run python scripts/build_lemma_forms.py):", *stale)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
