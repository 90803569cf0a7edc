from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from jdlint.config import Config, find_config_file, load_config, parse_config
from jdlint.engine import build_context, check_text
from jdlint.errors import ConfigError
from jdlint.model import Severity


def parse(table: dict, root: Path = Path(".")) -> Config:  # type: ignore[type-arg]
    return parse_config(table, where="cfg", root=root)


def test_all_keys_parse(tmp_path: Path) -> None:
    c = parse({
        "select": ["INC"], "extend-select": ["RDB002"], "ignore": ["long-sentence"],
        "per-file-ignores": {"drafts/*.md": ["INC006"]}, "severity": {"INC006": "error"},
        "fail-on": "error", "rule-dirs": ["my-rules"], "rules": {"long-sentence": {"max-words": 20}},
        "jurisdiction": "ca-on", "language": "German", "today": "2026-01-31",
        "exclude": ["old"], "extend-exclude": ["tmp"], "encoding": "cp1252", "max-file-size": 100,
    }, tmp_path)
    assert c.select == ("INC",) and c.fail_on is Severity.ERROR
    assert c.jurisdiction == "CA-ON" and c.language == "de" and c.today == date(2026, 1, 31)
    assert c.rule_dirs == ((tmp_path / "my-rules").resolve(),)


@pytest.mark.parametrize(("table", "message"), [
    ({"selct": ["INC"]}, "unknown key 'selct' \\(did you mean 'select'\\?\\)"),
    ({"select": "INC"}, "'select' must be a list"),
    ({"fail-on": "sometimes"}, "'fail-on' must be one of"),
    ({"severity": {"INC006": "fatal"}}, "not a severity"),
    ({"jurisdiction": "Germany!"}, "'jurisdiction' must be a code"),
    ({"language": "fr"}, "'language' must be en, de or da"),
    ({"today": "yesterday"}, "'today' must be a date"),
    ({"max-file-size": -1}, "'max-file-size'"),
    ({"rules": {"long-sentence": 3}}, "'rules' must hold one table"),
])
def test_bad_values_name_the_key(table: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ConfigError, match=message):
        parse(table)


@pytest.mark.parametrize(("config", "message"), [
    (Config(select=("NOPE",)), "unknown rule or prefix 'NOPE'"),
    (Config(rule_options={"no-such-rule": {}}), "unknown rule"),
    (Config(rule_options={"long-sentence": {"max-wrds": 3}}), "unknown option 'max-wrds'"),
    (Config(rule_options={"long-sentence": {"max-words": "many"}}), "must be int"),
])
def test_config_is_validated_against_the_rules(config: Config, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build_context(config)


def test_discovery_walks_up_and_skips_pyproject_without_table(tmp_path: Path) -> None:
    (tmp_path / ".jdlint.toml").write_text('select = ["INC"]\n', "utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text("[project]\nname = 'x'\n", "utf-8")
    found = find_config_file(sub)
    assert found == (tmp_path / ".jdlint.toml").resolve()
    (sub / "pyproject.toml").write_text("[tool.jdlint]\nfail-on = 'never'\n", "utf-8")
    assert find_config_file(sub) == (sub / "pyproject.toml").resolve()
    assert load_config(sub / "pyproject.toml").fail_on is None


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    p = tmp_path / ".jdlint.toml"
    p.write_text("select = [\n", "utf-8")
    with pytest.raises(ConfigError, match=r"\.jdlint\.toml: invalid TOML"):
        load_config(p)


TEXT = "We want a rockstar.\nWe need a ninja who writes one very long sentence here.\n"


def codes(config: Config, path: str = "p.md") -> list[str]:
    config = replace(config, ignore=(*config.ignore, "REQ", "RDB005"))  # TEXT is a snippet
    return [d.code for d in check_text(path, TEXT, build_context(config)).diagnostics]


def test_select_ignore_and_extend_select() -> None:
    assert codes(Config()) == ["INC006", "INC006"]
    assert codes(Config(ignore=("exclusionary-jargon",))) == []
    assert codes(Config(select=("RDB",))) == []
    assert codes(Config(select=("RDB",), rule_options={"RDB002": {"max-words": 5}})) == ["RDB002"]
    assert codes(Config(select=("ALL",), ignore=("INC",), rule_options={"long-sentence": {"max-words": 5}})) == ["RDB002"]


def test_per_file_ignores_and_severity_overrides(tmp_path: Path) -> None:
    config = Config(root=tmp_path, per_file_ignores=(("drafts/*.md", ("INC006",)),),
                    severity=(("INC", Severity.INFO), ("INC006", Severity.ERROR)))
    assert codes(config, str(tmp_path / "drafts" / "a.md")) == []
    result = check_text(str(tmp_path / "a.md"), TEXT,
                        build_context(replace(config, ignore=("REQ", "RDB005"))))
    assert {d.severity for d in result.diagnostics} == {Severity.ERROR}


def test_overrides_extend_lists_and_never_disables_failing() -> None:
    base = Config(extend_select=("RDB002",), ignore=("INC006",))
    merged = base.with_overrides(cli_extend_select=("JDL005",), cli_ignore=("RDB",), fail_on="never")
    assert merged.extend_select == ("RDB002", "JDL005")
    assert merged.ignore == ("INC006", "RDB")
    assert merged.fail_on is None


def test_discovery_excludes_by_the_resolved_path(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding files resolves each folder once; the files kept and their configs are those
    of resolving every path (a link is resolved to where it points, and excluded there)."""
    import os

    from jdlint import runner
    from jdlint.reading import FORMATS
    from jdlint.selection import matches_any, relative_posix

    root = tmp_path / "repo"
    (root / "jobs" / "old").mkdir(parents=True)
    (root / "drafts").mkdir()
    (root / ".jdlint.toml").write_text('extend-exclude = ["jobs/old", "*~"]\n', "utf-8")
    (root / "drafts" / ".jdlint.toml").write_text('select = ["INC"]\n', "utf-8")
    for name in ("jobs/a.md", "jobs/old/b.md", "jobs/c.md~", "drafts/d.txt", "jobs/e*f.md"):
        (root / name).write_text("# A job\n", "utf-8")
    os.symlink(root / "jobs" / "old" / "b.md", root / "jobs" / "link.md")  # into an exclusion
    os.symlink(root / "jobs" / "a.md", root / "drafts" / "alias.md")
    os.symlink(root / "jobs" / "old", root / "drafts" / "older")  # a folder: not followed
    monkeypatch.chdir(root)

    def config_of(path: Path) -> Config:
        folder = path if path.is_dir() else path.parent
        found = find_config_file(folder.absolute())
        return load_config(found) if found else Config()

    def excluded(path: Path) -> bool:  # every path resolved, as discovery did before
        config = config_of(path)
        rel = relative_posix(str(path), config.root)
        globs = (*config.exclude, *config.extend_exclude)
        return matches_any(globs, rel) or matches_any(globs, path.name)

    def reference(given: str) -> list[str]:
        out = []
        for folder, dirs, names in os.walk(given):
            dirs[:] = [d for d in dirs if not excluded(Path(folder) / d)]
            out += [str(Path(folder) / n) for n in names
                    if Path(n).suffix.lower() in FORMATS and not excluded(Path(folder) / n)]
        return sorted(out)

    for given in (".", str(root), "jobs/../drafts"):
        found = runner.plan([given], runner.Options())
        assert sorted(f for f, _ in found.files) == reference(given), given
        assert all(found.configs[i].select == config_of(Path(f)).select for f, i in found.files)
    names = {f for f, _ in runner.plan(["."], runner.Options()).files}
    assert "jobs/link.md" not in names and "jobs/e*f.md" in names and "drafts/alias.md" in names
