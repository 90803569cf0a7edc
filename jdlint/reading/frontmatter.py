"""YAML front matter at the top of a Markdown posting: metadata, not text.

The loader is bounded, because a posting's author is not trusted: aliases (``*name``) are
refused, not expanded (nine levels of nine-fold aliases are a billion nodes: the "billion
laughs"), nesting is capped, and so is the size. A date YAML cannot construct
(``deadline: 2026-02-30``) stays the text it was, for the deadline rules to report.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import InputError

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
MAX_BYTES = 64 * 1024
MAX_DEPTH = 32


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader without aliases, with a nesting limit, and lenient about impossible dates."""

    _depth = 0

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.notes: list[str] = []

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise InputError(f"front matter line {event.start_mark.line + 2}: YAML aliases "
                             f"(*{event.anchor}) are not allowed in front matter; write the "
                             "value out")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise InputError(f"front matter is nested more than {MAX_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_lenient_timestamp(self, node: Any) -> Any:
        try:
            return self.construct_yaml_timestamp(node)
        except (ValueError, AttributeError):  # 2026-02-30 (or "!!timestamp x"): not a date
            value = self.construct_scalar(node)
            self.notes.append(f"front matter line {node.start_mark.line + 2}: {value!r} is "
                              "not a calendar date; it is read as text")
            return value


_BoundedLoader.add_constructor("tag:yaml.org,2002:timestamp",
                               _BoundedLoader.construct_lenient_timestamp)


def parse_front_matter(source: str) -> tuple[dict[str, Any], int, tuple[str, ...]]:
    """YAML front matter as a mapping, the offset where the body starts, and notes for the
    user (values that could not be read as their type)."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return {}, 0, ()
    if len(m.group(1)) > MAX_BYTES:
        raise InputError(f"front matter is larger than {MAX_BYTES // 1024} KiB")
    try:
        loader = _BoundedLoader(m.group(1))
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", exc)
        raise InputError(f"invalid YAML front matter{where}: {problem}") from None
    except RecursionError:
        raise InputError(f"front matter is nested more than {MAX_DEPTH} levels deep") from None
    except (ValueError, TypeError, AttributeError, OverflowError) as exc:  # PyYAML's own bugs
        raise InputError(f"invalid YAML front matter: {type(exc).__name__}: {exc}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a YAML mapping (key: value lines)")
    meta = {str(k).lower().replace("_", "-"): v for k, v in data.items()}
    return meta, m.end(), tuple(loader.notes)
