"""Finding rules: built-in YAML packs, the ``jdlint.rules`` entry-point group, user folders.

One plugin door (flake8): every Python rule, jdlint's own included, is loaded from an entry
point. An entry point names a Rule class, a Rule instance, an iterable of them, or a callable
returning one of those. YAML folders come from jdlint itself and from ``rule-dirs``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from . import interrupts
from .errors import RuleDefinitionError
from .loader import load_rule_dir, load_rule_file
from .packs import rules_root
from .rule import Rule

GROUP = "jdlint.rules"


def builtin_rule_files() -> list[Path]:
    root = rules_root()
    out: list[Path] = []
    for pack in sorted(root.iterdir(), key=lambda p: p.name):
        if pack.is_dir() and pack.name not in ("facts", "data"):  # data for Python rules
            out.extend(Path(str(f)) for f in sorted(pack.iterdir(), key=lambda p: p.name)
                       if f.name.endswith((".yaml", ".yml")))
    return out


def _as_rules(obj: Any, origin: str) -> list[Rule]:
    if isinstance(obj, type) and issubclass(obj, Rule):
        return [obj()]
    if isinstance(obj, Rule):
        return [obj]
    if callable(obj):
        return _as_rules(obj(), origin)
    if isinstance(obj, Iterable) and not isinstance(obj, (str, bytes)):
        return [rule for item in obj for rule in _as_rules(item, origin)]
    raise RuleDefinitionError(f"{origin}: entry point gave {obj!r}, not a jdlint Rule")


def plugin_rules() -> list[Rule]:
    rules: list[Rule] = []
    eps = sorted(metadata.entry_points(group=GROUP), key=lambda e: (e.name != "jdlint", e.name))
    if not any(ep.value.startswith("jdlint.builtin:") for ep in eps):
        from .builtin import python_rules  # a source checkout run without installing it

        rules.extend(python_rules())
    for ep in eps:
        dist = ep.dist.name if ep.dist is not None else "?"
        origin = f"plugin {ep.name!r} ({ep.value}) from distribution {dist!r}"
        try:
            loaded = ep.load()
            found = _as_rules(loaded, origin)
        except RuleDefinitionError:
            raise
        except BaseException as exc:  # a broken plugin must name itself, not crash jdlint
            if interrupts.is_stop(exc):
                raise
            raise RuleDefinitionError(
                f"{origin}: failed to load: {type(exc).__name__}: {exc}") from None
        for rule in found:
            if not hasattr(rule, "meta"):
                raise RuleDefinitionError(f"{origin}: {rule!r} has no 'meta'")
        rules.extend(found)
    return rules


def discover(rule_dirs: Sequence[Path] = ()) -> list[Rule]:
    """Every known rule, in a stable order; duplicate codes or names are an error."""
    # jdlint's own packs are checked term by term by the tests (tests/test_loader.py)
    rules: list[Rule] = [load_rule_file(p, check_terms=False) for p in builtin_rule_files()]
    rules.extend(plugin_rules())
    for directory in rule_dirs:
        rules.extend(load_rule_dir(directory))
    seen: dict[str, Rule] = {}
    for rule in rules:
        for key in (rule.meta.code, rule.meta.name):
            if key in seen:
                other = seen[key]
                raise RuleDefinitionError(
                    f"{rule.meta.origin}: rule {key!r} is already defined by {other.meta.origin}"
                )
            seen[key] = rule
    return sorted(rules, key=lambda r: r.meta.code)
