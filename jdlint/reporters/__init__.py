"""Reporters turn a Report into text on a stream; they never decide the exit code."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TextIO

from ..model import Report

Reporter = Callable[[Report, TextIO], None]

#: ``text`` is the people's report (grouped, quoted); ``concise`` one line per finding.
FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "html")


def get(name: str, *, color: bool = False, quiet: bool = False, statistics: bool = False,
        hidden: int = 0) -> Reporter:
    """The reporter for format ``name``; ``hidden`` counts the findings --min-severity left
    out, which the summaries mention."""
    if name == "json":
        from .json import write_json

        return partial(write_json, statistics=statistics, hidden=hidden)
    if name == "jsonl":
        from .json import write_jsonl

        return partial(write_jsonl, statistics=statistics)
    if name == "sarif":
        from .sarif import write_sarif

        return partial(write_sarif, statistics=statistics)
    if name == "html":
        from .html import write_html

        return partial(write_html, hidden=hidden)
    if name == "github":
        from .github import write_github

        return partial(write_github, statistics=statistics)
    from .text import ConciseReporter, TextReporter

    kind = ConciseReporter if name == "concise" else TextReporter
    return kind(color=color, quiet=quiet, statistics=statistics, hidden=hidden)
