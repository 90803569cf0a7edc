"""Which rules run on which file, at which severity, with which options.

Selection happens before any rule runs (flake8): a rule that is not selected is never called.
A selector is a code (``INC001``), a code prefix (``INC``, ``INC0``), a rule name
(``exclusionary-jargon``), a category (``inclusive``) or ``ALL``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .config import Config
from .errors import ConfigError
from .model import Category, Severity
from .rule import Rule


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    options: Mapping[str, Any]
    severity_configured: bool = False  # the user set it: it beats a rule's per-finding severity


class RuleSet:
    """All known rules, indexed by code and name, and the selection logic over them."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self._by_key = {r.meta.code: r for r in rules} | {r.meta.name: r for r in rules}

    def get(self, key: str) -> Rule | None:
        return self._by_key.get(key) or self._by_key.get(key.upper())

    def match(self, selector: str, where: str = "") -> list[Rule]:
        sel = selector.strip()
        if sel.upper() == "ALL":
            return list(self.rules)
        if rule := self._by_key.get(sel) or self._by_key.get(sel.upper()):
            return [rule]
        try:
            category = Category.parse(sel)
            return [r for r in self.rules if r.meta.category is category]
        except ValueError:
            pass
        found = [r for r in self.rules if r.meta.code.startswith(sel.upper())]
        if not found or not re.match(r"^[A-Za-z]{1,3}\d{0,3}$", sel):
            prefix = f"{where}: " if where else ""
            raise ConfigError(f"{prefix}unknown rule or prefix {selector!r} "
                              "(see `jdlint rules`)")
        return found

    def _matches(self, selectors: Sequence[str], where: str) -> set[str]:
        return {r.meta.code for s in selectors for r in self.match(s, where)}

    def select(self, config: Config) -> Selection:
        """Validate ``config`` against the known rules and resolve what runs by default."""
        where = str(config.source) if config.source else "configuration"
        if config.select is None:
            chosen = {r.meta.code for r in self.rules if r.meta.default_enabled}
        else:
            chosen = self._matches(config.select, where)
        chosen |= self._matches(config.extend_select, where)
        grammar = self.get("grammar")
        if config.languagetool_url and grammar is not None:  # naming a server turns it on
            chosen.add(grammar.meta.code)
        chosen -= self._matches(config.ignore, where)
        severities: dict[str, Severity] = {}
        for selector, level in sorted(config.severity, key=lambda kv: _specificity(kv[0])):
            for code in self._matches([selector], f"{where}: severity"):
                severities[code] = level
        options = self._options(config, where)
        if config.languagetool_url and grammar is not None:
            grammar_options = options[grammar.meta.code]
            if not grammar_options.get("url"):
                grammar_options["url"] = config.languagetool_url
        per_file = tuple(
            (_glob_regex(glob), frozenset(self._matches(codes, f"{where}: per-file-ignores")))
            for glob, codes in config.per_file_ignores
        )
        active = tuple(
            ActiveRule(r, severities.get(r.meta.code, r.meta.severity), options[r.meta.code],
                       r.meta.code in severities)
            for r in self.rules if r.meta.code in chosen
        )
        return Selection(active, per_file, config.root)

    def _options(self, config: Config, where: str) -> dict[str, dict[str, Any]]:
        options: dict[str, dict[str, Any]] = {r.meta.code: dict(r.meta.options)
                                              for r in self.rules}
        for key, values in config.rule_options.items():
            rule = self.get(key)
            if rule is None:
                raise ConfigError(f"{where}: [rules.{key}]: unknown rule (see `jdlint rules`)")
            for name, value in values.items():
                if name not in rule.meta.options:
                    allowed = ", ".join(sorted(rule.meta.options)) or "none"
                    raise ConfigError(f"{where}: [rules.{key}]: unknown option '{name}' "
                                      f"(options: {allowed})")
                default = rule.meta.options[name]
                if not _same_type(default, value):
                    raise ConfigError(f"{where}: [rules.{key}]: '{name}' must be "
                                      f"{type(default).__name__}, not {value!r}")
                options[rule.meta.code][name] = value
        return options


@dataclass(frozen=True)
class Selection:
    active: tuple[ActiveRule, ...]
    per_file_ignores: tuple[tuple[re.Pattern[str], frozenset[str]], ...]
    root: Path

    def for_path(self, path: str) -> tuple[ActiveRule, ...]:
        if not self.per_file_ignores:
            return self.active
        rel = relative_posix(path, self.root)
        ignored: set[str] = set()
        for pattern, codes in self.per_file_ignores:
            if glob_matches(pattern, rel):
                ignored |= codes
        return tuple(a for a in self.active if a.rule.meta.code not in ignored)


def _specificity(selector: str) -> tuple[int, int]:
    if selector.upper() == "ALL":
        return (0, 0)
    if re.match(r"^[A-Z]{3}\d{3}$", selector) or "-" in selector:
        return (2, 0)
    return (1, len(selector))


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    if default is None:
        return True
    return isinstance(value, type(default))


def relative_posix(path: str, root: Path) -> str:
    p = Path(path)
    try:
        return p.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return p.as_posix()


@lru_cache(maxsize=256)
def _glob_regex(glob: str) -> re.Pattern[str]:
    """gitignore-like globs: ``*`` within a folder, ``**`` across folders; no slash = any depth."""
    g = glob.strip().rstrip("/")
    anchored = "/" in g
    g = g.lstrip("/")
    out = []
    i = 0
    while i < len(g):
        if g.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif g.startswith("**", i):
            out.append(".*")
            i += 2
        elif g[i] == "*":
            out.append("[^/]*")
            i += 1
        elif g[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(g[i]))
            i += 1
    body = "".join(out)
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"^{prefix}{body}(?:/.*)?$")


def glob_matches(pattern: re.Pattern[str], rel_path: str) -> bool:
    return pattern.match(rel_path) is not None


def matches_any(globs: Sequence[str], rel_path: str) -> bool:
    return any(glob_matches(_glob_regex(g), rel_path) for g in globs)
