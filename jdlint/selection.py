"""Which rules run on which file, at which severity, with which options.

Selection happens before any rule runs (flake8): a rule that is not selected is never called.
A selector is a code (``INC001``), a code prefix (``INC``, ``INC0``), a rule name
(``exclusionary-jargon``), a category (``inclusive``) or ``ALL``.
"""

from __future__ import annotations

import os
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
            close = self.suggest(sel)
            hint = f"; did you mean {close!r}?" if close else "; 'jdlint rules' lists them"
            raise ConfigError(f"{prefix}unknown rule or prefix {selector!r}{hint}")
        return found

    def suggest(self, selector: str) -> str | None:
        """The known rule name or code nearest to a misspelt ``selector``, if any is near."""
        import difflib

        keys = [r.meta.name for r in self.rules] + [r.meta.code for r in self.rules]
        close = difflib.get_close_matches(selector, keys, n=1) or \
            difflib.get_close_matches(selector.upper(), keys, n=1)
        return close[0] if close else None

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
            (compile_glob(glob), frozenset(self._matches(codes, f"{where}: per-file-ignores")))
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
    per_file_ignores: tuple[tuple[Glob, frozenset[str]], ...]
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


def resolved(path: Path) -> Path:
    """``path`` absolute, its links followed as far as they lead: ``Path.resolve``, but a link
    that leads back to itself (a loop) stays as it is instead of raising ``RuntimeError``
    (the file is then reported as unreadable, and the others are checked)."""
    return Path(os.path.realpath(path))


def relative_posix(path: str, root: Path) -> str:
    p = Path(path)
    try:
        return resolved(p).relative_to(resolved(root)).as_posix()
    except ValueError:
        return p.as_posix()


@dataclass(frozen=True)
class Glob:
    """A gitignore-like glob: ``*`` and ``?`` within a folder name, ``**`` across folders; a
    glob without a slash matches at any depth; a match of a folder matches what is in it.

    Matched folder by folder with a set of reachable positions, and within a name by the
    two-pointer wildcard algorithm: time is linear in the path for a given glob, however many
    ``**`` and ``*`` it stacks (a backtracking regex took tens of seconds on a deep path).
    """

    parts: tuple[str | None, ...]  # a folder-name pattern, or None for a ``**`` run

    @property
    def name_anywhere(self) -> str | None:
        """The one name this glob matches at any depth ("build", "*.egg-info"), or None."""
        return self.parts[1] if len(self.parts) == 2 and self.parts[0] is None else None

    def matches(self, rel_path: str) -> bool:
        names = rel_path.split("/")
        if (part := self.name_anywhere) is not None:  # one name at any depth: "build"
            if "*" not in part and "?" not in part:
                return part in names
            return any(_name_matches(part, name) for name in names)
        n = len(names)
        reach = {0}
        last = len(self.parts) - 1
        for k, part in enumerate(self.parts):
            if part is None:
                low = min(reach)
                # "**/" (and the implicit any-depth prefix): zero or more folders; a final
                # "**": one or more names ("a/**" is what is inside a, not a itself)
                first = low + 1 if k == last else low
                reach = set(range(first, n + 1))
            else:
                reach = {j + 1 for j in reach if j < n and _name_matches(part, names[j])}
            if not reach:
                return False
        return True


def _name_matches(pattern: str, name: str) -> bool:
    """``*`` (any run) and ``?`` (one character) against one folder or file name."""
    if pattern and ((pattern[0] not in "*?" and name[:1] != pattern[0])
                    or (pattern[-1] not in "*?" and name[-1:] != pattern[-1])):
        return False  # a literal first or last character says no at once (most names)
    p = s = 0
    star = -1
    mark = 0
    while s < len(name):
        if p < len(pattern) and pattern[p] == "*":  # (before a "*" of the name's own)
            star, mark = p, s
            p += 1
        elif p < len(pattern) and (pattern[p] == "?" or pattern[p] == name[s]):
            p += 1
            s += 1
        elif star >= 0:
            p = star + 1
            mark += 1
            s = mark
        else:
            return False
    return all(c == "*" for c in pattern[p:])


@lru_cache(maxsize=256)
def compile_glob(glob: str) -> Glob:
    g = glob.strip().rstrip("/")
    anchored = "/" in g
    g = g.lstrip("/")
    parts: list[str | None] = [] if anchored else [None]
    names = g.split("/")
    for i, name in enumerate(names):
        if name == "**":
            if parts and parts[-1] is None and i < len(names) - 1:
                continue  # "**/**/": one run
            parts.append(None)
        else:
            parts.append(re.sub(r"\*{2,}", "*", name))  # "a**b" within a name is "a*b"
    if len(parts) > 1 and parts[-1] is None and parts[-2] is None:
        parts.pop(-2)  # "(any depth) **": the final ** alone
    return Glob(tuple(parts))


def glob_matches(pattern: Glob, rel_path: str) -> bool:
    return pattern.matches(rel_path)


def matches_any(globs: Sequence[str], rel_path: str) -> bool:
    names, wild, other = _glob_set(tuple(globs))
    parts = rel_path.split("/")
    return (not names.isdisjoint(parts)
            or (wild is not None and any(wild.fullmatch(part) for part in parts))
            or any(g.matches(rel_path) for g in other))


@lru_cache(maxsize=64)
def _glob_set(globs: tuple[str, ...]) -> tuple[frozenset[str], re.Pattern[str] | None,
                                               tuple[Glob, ...]]:
    """``globs`` as one test: the names that match at any depth as they are ("build",
    ".git"), those with wildcards ("*.egg-info") as one regex that matches a whole name as
    :func:`_name_matches` does, and the rest (with a folder in them). Every file of a run is
    tested against the same exclusions."""
    names: set[str] = set()
    wild: list[str] = []
    other: list[Glob] = []
    for glob in globs:
        compiled = compile_glob(glob)
        if (part := compiled.name_anywhere) is not None:
            if "*" in part or "?" in part:
                wild.append(part)
            else:
                names.add(part)
        else:
            other.append(compiled)
    either = "|".join("".join(".*" if c == "*" else "." if c == "?" else re.escape(c)
                              for c in part) for part in wild)
    return (frozenset(names), re.compile(either, re.DOTALL) if wild else None, tuple(other))
