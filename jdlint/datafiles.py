"""The data files of ``jdlint/data``: YAML parsed once per process (callers must not change
it), and sorted line files looked up without a table (:class:`SortedLines`)."""

from __future__ import annotations

from collections.abc import Callable
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


class SortedLines:
    """A data file of lines "key<sep>rest" in order of their keys, looked up by a binary search
    over its text: no table of its lines is built for the few keys a single posting asks for
    (a cold check). ``text`` is the file's lines; ``order`` gives a line's key as the order
    counts it (the CMU dictionary's "word(2)" sorts as "word"); lines out of order count
    only within ``near`` characters of their place."""

    def __init__(self, text: str, sep: str, near: int = 2048,
                 order: Callable[[str], str] | None = None) -> None:
        # every line between two newlines
        self.text = f"\n{text}" if text.endswith("\n") else f"\n{text}\n"
        self.sep = sep
        self.near = near
        self.order = order

    def at_or_after(self, key: str) -> tuple[int, int]:
        """Offsets between which the first line whose key is not before ``key`` starts
        (within ``near`` on either side when the file is not strictly in order)."""
        text, sep, order = self.text, self.sep, self.order
        lo, hi = 0, len(text) - 1
        while hi - lo > self.near:
            start = text.find("\n", (lo + hi) // 2) + 1
            if start >= hi:
                break  # one long line between them: no smaller window
            found = text[start:text.find(sep, start)]
            if (order(found) if order else found) < key:
                lo = start
            else:
                hi = start
        return lo, hi

    def rest(self, key: str) -> str | None:
        """What follows ``key`` and the separator on its line, or None when no line has it."""
        if not key or self.sep in key or "\n" in key:
            return None
        lo, hi = self.at_or_after(key)
        needle = f"\n{key}{self.sep}"
        found = self.text.find(needle, max(0, lo - self.near),
                               min(len(self.text), hi + self.near + len(needle)))
        if found < 0:
            return None
        start = found + len(needle)
        return self.text[start:self.text.find("\n", start)]

    def starts(self, prefix: str) -> bool:
        """Whether a line starts with ``prefix``, a key's beginning (not its separator)."""
        if not prefix or "\n" in prefix:
            return False
        lo, hi = self.at_or_after(prefix)
        return self.text.find(f"\n{prefix}", max(0, lo - self.near),
                              min(len(self.text), hi + self.near + len(prefix) + 1)) >= 0

    def lines(self) -> list[str]:
        """Every line (for a table of them)."""
        return self.text[1:-1].splitlines()
