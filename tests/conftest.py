from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from jdlint.config import Config
from jdlint.engine import Context, build_context, check_text
from jdlint.model import FileResult

# Tests patch rules and dates in process: a stored result would hide what they change. The
# cache has its own tests (test_cache.py), which turn it back on.
os.environ["JDLINT_NO_CACHE"] = "1"

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TODAY = date(2026, 11, 22)


@pytest.fixture(scope="session")
def default_context() -> Context:
    return build_context(Config(today=TODAY))


@pytest.fixture
def lint() -> Callable[..., FileResult]:
    """Lint ``text`` as ``path`` with config fields given as keywords (today fixed)."""

    def run(text: str, path: str = "posting.md", **config: Any) -> FileResult:
        config.setdefault("today", TODAY)
        return check_text(path, text, build_context(Config(**config)))

    return run
