"""Build jdlint/data/literal_keys.json: the leading literals (:func:`jdlint.literals.
leading_literals`) of jdlint's own patterns, so that a cold start reads them from a table
instead of parsing about 200 regular expressions again (about 40 ms of 0.35 s).

    python scripts/build_literal_keys.py          # rewrite the file
    python scripts/build_literal_keys.py --check  # exit 1 if it is out of date (a test runs it)

The patterns are the ones jdlint asks about while it builds every rule (the default ones and
those off by default) and checks its examples and every rule's examples, each also padded past
the length from which whole postings are searched through the word index. A pattern the table
lacks is read from its parse tree at run time, as before: the table only saves time. The file
holds the digest of jdlint/literals.py it was built with and is ignored if that file changes.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jdlint import literals  # noqa: E402  (first: the patterns asked while importing count)

ASKED = literals.record()

#: Filler that takes an example past the length from which a posting is searched through the
#: word index (jdlint.document.words.INDEXED_FROM): a paragraph no rule reports
_FILLER = ("We build tools for the people who plan, run and improve services in our region. "
           "The team meets weekly to review progress and agree the next steps together. ") * 12


def asked_patterns() -> list[tuple[str, int]]:
    """The (pattern, flags) whose leading literals jdlint asks for on its own texts."""
    from jdlint.config import Config
    from jdlint.engine import build_context, check_text
    from jdlint.registry import discover
    from jdlint.selftest import check_examples

    rules = discover()
    context = build_context(Config(select=("ALL",)), rules)
    for path in sorted((ROOT / "examples").iterdir()):
        if path.suffix in (".md", ".txt", ".html"):
            check_text(path.name, path.read_text("utf-8"), context)
    check_examples(rules, date(2026, 12, 1))
    contexts = {language: build_context(Config(select=("ALL",), language=language,
                                               today=date(2026, 12, 1)), rules)
                for language in ("en", "de", "da")}
    for rule in rules:
        for example in rule.meta.examples:
            check_text("example.md", f"{example.text}\n\n{_FILLER}\n",
                       contexts[example.language or "en"])
    return sorted(ASKED, key=lambda sf: (sf[0], sf[1]))


def table() -> dict[str, object]:
    keys = [[flags, source, None if (found := literals.computed_leading_literals(source, flags))
             is None else [list(k) for k in found]] for source, flags in asked_patterns()]
    return {"literals.py": literals.source_digest(), "keys": keys}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if the file is out of date instead of writing it")
    args = parser.parse_args()
    text = json.dumps(table(), ensure_ascii=False, indent=0) + "\n"
    if args.check:
        current = literals.KEYS_FILE.read_text("utf-8") if literals.KEYS_FILE.exists() else ""
        if current != text:
            print(f"{literals.KEYS_FILE.relative_to(ROOT)} is out of date: run "
                  "python scripts/build_literal_keys.py", file=sys.stderr)
            return 1
        return 0
    literals.KEYS_FILE.write_text(text, "utf-8")
    print(f"wrote {literals.KEYS_FILE.relative_to(ROOT)}: {len(json.loads(text)['keys'])} "
          "patterns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
