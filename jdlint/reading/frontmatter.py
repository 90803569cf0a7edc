"""YAML front matter at the top of a Markdown posting: metadata, not text."""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import InputError

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def parse_front_matter(source: str) -> tuple[dict[str, Any], int]:
    """YAML front matter as a mapping, and the offset where the body starts."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return {}, 0
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise InputError(f"invalid YAML front matter{where}: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a YAML mapping (key: value lines)")
    return {str(k).lower().replace("_", "-"): v for k, v in data.items()}, m.end()
