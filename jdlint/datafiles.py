"""The YAML files of ``jdlint/data``, parsed once per process (callers must not change them)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

# libyaml's parser when PyYAML has it (its wheels do): the same safe constructors, about ten
# times faster, which is most of a cold start's rule loading
SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """YAML text parsed safely, as ``yaml.safe_load`` would."""
    return yaml.load(text, Loader=SafeLoader)


@cache
def load_yaml(name: str) -> Any:
    """``jdlint/data/<name>`` parsed: the same object for every caller."""
    return parse_yaml(resources.files("jdlint").joinpath("data", name).read_text("utf-8"))
