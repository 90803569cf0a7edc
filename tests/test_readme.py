"""The README is the user's first page: its rule table and commands must stay true."""

from __future__ import annotations

import re

from jdlint.docs import readme_table
from jdlint.registry import discover

from .conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")
TEST_COMMAND = "pip install -e '.[test]' && pytest"


def test_rule_table_matches_the_rules() -> None:
    m = re.search(r"<!-- rules-table-start -->\n(.*?)\n<!-- rules-table-end -->", README, re.S)
    assert m, "README lacks the rules table markers"
    expected = readme_table([r.meta for r in discover()])
    assert m.group(1).strip() == expected, "regenerate with: jdlint rules --format markdown"


def test_readme_has_the_two_commands_and_ci_runs_the_test_command() -> None:
    assert "pip install . && jdlint check examples/" in README
    assert TEST_COMMAND in README
    assert TEST_COMMAND in (ROOT / ".ci" / "run").read_text("utf-8")


def test_every_config_key_is_documented() -> None:
    from jdlint.config import _KEYS

    for key in _KEYS:
        assert f"`{key}" in README or f"{key} =" in README, key
