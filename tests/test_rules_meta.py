"""Meta-tests: codes unique and well-formed, categories match prefixes, every rule documented."""

from __future__ import annotations

from jdlint.model import CODE_RE, NAME_RE
from jdlint.registry import builtin_rule_files, discover


def test_codes_and_names_are_unique_and_well_formed() -> None:
    rules = discover()
    codes = [r.meta.code for r in rules]
    names = [r.meta.name for r in rules]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for r in rules:
        assert CODE_RE.match(r.meta.code), r.meta.code
        assert NAME_RE.match(r.meta.name), r.meta.name
        assert r.meta.code.startswith(r.meta.category.value), r.meta.code


def test_every_rule_is_documented() -> None:
    for r in discover():
        d = r.meta.docs
        assert r.meta.summary and d.what and d.why, r.meta.name
        if r.meta.category.value != "JDL":
            assert d.references, f"{r.meta.name} cites no source"
            assert d.example and d.use_instead, f"{r.meta.name} lacks an example"


def test_builtin_rule_files_are_shipped() -> None:
    files = builtin_rule_files()
    assert files, "no built-in YAML rules found"
    assert all(f.suffix in (".yaml", ".yml") for f in files)
