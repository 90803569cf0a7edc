"""The plugin door: a third-party distribution registers rules through the entry-point group."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from jdlint.config import Config
from jdlint.engine import build_context, check_text
from jdlint.errors import RuleDefinitionError
from jdlint.registry import discover

PLUGIN = '''
from jdlint.model import Category, Example, RuleDocs, RuleMeta, Severity, Violation
from jdlint.rule import Rule


class NoLorem(Rule):
    meta = RuleMeta(
        code="RDB901", name="no-lorem", category=Category.READABILITY, severity=Severity.ERROR,
        summary="Placeholder text left in.", docs=RuleDocs(what="Flags lorem.", why="Unfinished."),
        examples=(Example("Lorem ipsum.", True), Example("Hello.", False)),
    )

    def check(self, doc, options):
        i = doc.text.find("Lorem")
        if i >= 0:
            yield Violation(i, i + 5, "placeholder text 'Lorem' left in")


class Crashes(Rule):
    meta = RuleMeta(
        code="RDB902", name="always-crashes", category=Category.READABILITY,
        severity=Severity.WARNING, summary="Crashes.", docs=RuleDocs(what="x", why="y"),
    )

    def check(self, doc, options):
        raise ZeroDivisionError("boom")
'''


def install_plugin(root: Path, name: str, module: str, body: str, target: str) -> None:
    (root / f"{module}.py").write_text(body, "utf-8")
    info = root / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", "utf-8")
    (info / "entry_points.txt").write_text(f"[jdlint.rules]\n{name} = {target}\n", "utf-8")


@pytest.fixture
def plugin_path(tmp_path: Path) -> Iterator[Path]:
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for mod in [m for m in sys.modules if m.startswith("acme_")]:
        del sys.modules[mod]


def test_third_party_rules_are_discovered_and_run(plugin_path: Path) -> None:
    install_plugin(plugin_path, "acme-jdlint", "acme_rules", PLUGIN, "acme_rules:NoLorem")
    rules = {r.meta.code: r for r in discover()}
    assert "RDB901" in rules
    result = check_text("p.md", "Lorem ipsum dolor.", build_context(Config()))
    assert [d.code for d in result.diagnostics if d.code == "RDB901"] == ["RDB901"]


def test_a_crashing_rule_is_reported_and_the_others_still_run(plugin_path: Path) -> None:
    install_plugin(plugin_path, "acme-crash", "acme_crash", PLUGIN, "acme_crash:Crashes")
    text = "We want a rockstar."
    result = check_text("p.md", text, build_context(Config(extend_select=("RDB902",))))
    codes = [d.code for d in result.diagnostics]
    assert "JDL001" in codes and "INC006" in codes
    crash = next(d for d in result.diagnostics if d.code == "JDL001")
    assert "RDB902" in crash.message and "always-crashes" in crash.message


def test_a_broken_plugin_names_its_distribution(plugin_path: Path) -> None:
    install_plugin(plugin_path, "acme-broken", "acme_broken", "raise ImportError('no numpy')",
                   "acme_broken:Rules")
    with pytest.raises(RuleDefinitionError, match="acme-broken.*no numpy"):
        discover()


def test_duplicate_codes_are_an_error(plugin_path: Path, tmp_path: Path) -> None:
    clash = PLUGIN.replace('"RDB901"', '"INC006"')
    install_plugin(plugin_path, "acme-clash", "acme_clash", clash, "acme_clash:NoLorem")
    with pytest.raises(RuleDefinitionError, match="INC006.*already defined"):
        discover()
