"""Configuration: ``[tool.jdlint]`` in pyproject.toml, or ``.jdlint.toml``, found upward.

The command line overrides the file, which overrides the defaults (ruff). Keys are kebab-case;
an unknown key or a bad value is a :class:`ConfigError` naming the file and the key.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from .document.jurisdiction import check_code
from .document.language import normalise as normalise_language
from .errors import ConfigError
from .model import Severity

CONFIG_NAMES = (".jdlint.toml", "pyproject.toml")
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox",
    "build", "dist", "site-packages", "*.egg-info",
    # a repository's own documents are not postings (pre-commit passes them by name: the
    # hook runs with --force-exclude so these apply there too)
    "README*", "CHANGELOG*", "CONTRIBUTING*", "CODE_OF_CONDUCT*", "SECURITY*", "LICENSE*",
    "LICENCE*", "NOTICE*", "AUTHORS*",
    "~$*",  # the lock file Word keeps beside a document it has open
)
FAIL_ON = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO,
           "never": None}


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None  # None: the rules enabled by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    fail_on: Severity | None = Severity.WARNING
    min_severity: Severity | None = None  # findings below it are not shown (None: the format's)
    force_exclude: bool = False  # excludes apply to files named on the command line too
    docx_headers_footers: bool = False  # read the page headers and footers of Word files
    keep_text: bool = False  # not a key: results keep the posting's text (the HTML report)
    rule_dirs: tuple[Path, ...] = ()
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    jurisdiction: str | None = None
    language: str | None = None
    today: date | None = None
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    encoding: str | None = None
    max_file_size: int = 20_000_000
    employer_size: int | None = None  # employees; laws with thresholds compare with it
    languagetool_url: str | None = None  # naming a server turns the grammar rule on
    cache_dir: Path | None = None  # the result cache (None: .jdlint_cache at the root)
    root: Path = field(default_factory=Path.cwd)  # relative paths and globs start here
    source: Path | None = None  # the file this came from

    def with_overrides(self, **overrides: Any) -> Config:
        """Command-line values over file values. ``cli_extend_select`` and ``cli_ignore`` add
        to the file's lists; ``fail_on="never"`` turns failing off."""
        o = {k: v for k, v in overrides.items() if v is not None}
        if "cli_extend_select" in o:
            o["extend_select"] = self.extend_select + tuple(o.pop("cli_extend_select"))
        if "cli_ignore" in o:
            o["ignore"] = self.ignore + tuple(o.pop("cli_ignore"))
        if "cli_rule_options" in o:
            merged = {k: dict(v) for k, v in self.rule_options.items()}
            for rule, values in o.pop("cli_rule_options").items():
                merged.setdefault(rule, {}).update(values)
            o["rule_options"] = merged
        if o.get("fail_on") == "never":
            o["fail_on"] = None
        return replace(self, **o)


def _table(path: Path) -> Mapping[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        section = tool.get("jdlint") if isinstance(tool, dict) else None
        return section if isinstance(section, dict) else None
    section = data.get("tool", {}).get("jdlint") if isinstance(data.get("tool"), dict) else None
    return section if isinstance(section, dict) else data


def find_config_file(start: Path) -> Path | None:
    """The nearest .jdlint.toml, or pyproject.toml with [tool.jdlint], from ``start`` up."""
    directory = start if start.is_dir() else start.parent
    directory = directory.resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and _table(candidate) is not None:
                return candidate
    return None


def load_config(path: Path) -> Config:
    table = _table(path)
    if table is None:
        raise ConfigError(f"{path}: has no [tool.jdlint] table")
    where = f"{path}: [tool.jdlint]" if path.name == "pyproject.toml" else str(path)
    return parse_config(table, where=where, root=path.parent.resolve(), source=path)


_KEYS = {
    "select", "extend-select", "ignore", "per-file-ignores", "severity", "fail-on", "rule-dirs",
    "rules", "jurisdiction", "language", "today", "exclude", "extend-exclude", "encoding",
    "max-file-size", "employer-size", "languagetool-url", "min-severity", "force-exclude",
    "docx-headers-footers", "cache-dir",
}


def parse_config(table: Mapping[str, Any], *, where: str, root: Path,
                 source: Path | None = None) -> Config:
    for key in table:
        if key not in _KEYS:
            close = difflib.get_close_matches(key, sorted(_KEYS), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(f"{where}: unknown key '{key}'{hint}")

    def strings(key: str) -> tuple[str, ...] | None:
        if key not in table:
            return None
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: '{key}' must be a list of strings")
        return tuple(value)

    def text(key: str) -> str | None:
        if key not in table:
            return None
        if not isinstance(table[key], str):
            raise ConfigError(f"{where}: '{key}' must be a string")
        return str(table[key])

    out: dict[str, Any] = {"root": root, "source": source}
    out["select"] = strings("select")
    out["extend_select"] = strings("extend-select") or ()
    out["ignore"] = strings("ignore") or ()
    if (exclude := strings("exclude")) is not None:
        out["exclude"] = exclude
    out["extend_exclude"] = strings("extend-exclude") or ()
    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, dict) or not all(
        isinstance(v, list) and all(isinstance(c, str) for c in v) for v in pfi.values()
    ):
        raise ConfigError(f"{where}: 'per-file-ignores' must map globs to lists of rules")
    out["per_file_ignores"] = tuple((g, tuple(v)) for g, v in pfi.items())
    sev = table.get("severity", {})
    if not isinstance(sev, dict):
        raise ConfigError(f"{where}: 'severity' must map rules to error, warning or info")
    try:
        out["severity"] = tuple((k, Severity.parse(str(v))) for k, v in sev.items())
    except ValueError as exc:
        raise ConfigError(f"{where}: 'severity': {exc}") from None
    dirs = strings("rule-dirs") or ()
    out["rule_dirs"] = tuple((root / d).resolve() for d in dirs)
    rules = table.get("rules", {})
    if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
        raise ConfigError(f"{where}: 'rules' must hold one table of options per rule")
    out["rule_options"] = {str(k): dict(v) for k, v in rules.items()}
    if (jur := text("jurisdiction")) is not None:
        out["jurisdiction"] = parse_jurisdiction(jur, where)
    if (lang := text("language")) is not None:
        out["language"] = parse_language(lang, where)
    if "today" in table:
        out["today"] = parse_today(table["today"], where)
    out["encoding"] = text("encoding")
    out["languagetool_url"] = text("languagetool-url")
    if (folder := text("cache-dir")) is not None:
        out["cache_dir"] = (root / Path(folder).expanduser()).absolute()
    if "max-file-size" in table:
        size = table["max-file-size"]
        if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
            raise ConfigError(f"{where}: 'max-file-size' must be a positive number of bytes")
        out["max_file_size"] = size
    if "employer-size" in table:
        employees = table["employer-size"]
        if not isinstance(employees, int) or isinstance(employees, bool) or employees < 1:
            raise ConfigError(f"{where}: 'employer-size' must be the number of employees")
        out["employer_size"] = employees
    if (level := text("min-severity")) is not None:
        out["min_severity"] = parse_min_severity(level, where)
    for key in ("force-exclude", "docx-headers-footers"):
        if key in table:
            if not isinstance(table[key], bool):
                raise ConfigError(f"{where}: '{key}' must be true or false")
            out[key.replace("-", "_")] = table[key]
    config = replace(Config(root=root), **{k: v for k, v in out.items() if v is not None})
    if (fail_on := text("fail-on")) is not None:  # "never" is None, so it is set apart
        config = replace(config, fail_on=parse_fail_on(fail_on, where))
    return config


def parse_fail_on(value: str, where: str = "--fail-on") -> Severity | None:
    if value.lower() not in FAIL_ON:
        raise ConfigError(f"{where}: 'fail-on' must be one of {', '.join(FAIL_ON)}, not {value!r}")
    return FAIL_ON[value.lower()]


def parse_min_severity(value: str, where: str = "--min-severity") -> Severity:
    try:
        return Severity.parse(value)
    except ValueError:
        raise ConfigError(f"{where}: 'min-severity' must be error, warning or info, not "
                          f"{value!r}") from None


def parse_jurisdiction(value: str, where: str = "--jurisdiction") -> str:
    code, nearest = check_code(value)
    if code is None:
        hint = f"; did you mean {' or '.join(nearest)}?" if nearest else ""
        raise ConfigError(f"{where}: 'jurisdiction' must be a code such as DE, DK, CA-ON or "
                          f"US-CO, not {value!r}{hint}")
    return code


def parse_language(value: str, where: str = "--language") -> str:
    lang = normalise_language(value)
    if lang is None:
        raise ConfigError(f"{where}: 'language' must be en, de or da, not {value!r}")
    return lang


def parse_today(value: Any, where: str = "--today") -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: 'today' must be a date as YYYY-MM-DD, not {value!r}") from None
