"""The YAML files of ``jdlint/data``, parsed once per process (callers must not change them)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_yaml(name: str) -> Any:
    """``jdlint/data/<name>`` parsed: the same object for every caller."""
    return yaml.safe_load(resources.files("jdlint").joinpath("data", name).read_text("utf-8"))
