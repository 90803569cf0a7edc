"""Where the built-in rule packs are: the package ``jdlint._rules`` of an installed jdlint
(pyproject maps the repository's ``rules/`` folder to it), or ``rules/`` beside the package
when jdlint runs from a source checkout that is not installed (``python -m jdlint`` in the
repository root, where the checkout's ``jdlint/`` shadows any installed copy).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


@cache
def rules_root() -> Traversable:
    try:
        return resources.files("jdlint._rules")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "rules"
