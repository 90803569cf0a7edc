"""Reporters turn a Report into text on a stream; they never decide the exit code."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from ..model import Report

Reporter = Callable[[Report, TextIO], None]


def get(name: str, *, color: bool = False, quiet: bool = False, statistics: bool = False) -> Reporter:
    if name == "json":
        from .json import write_json

        return write_json
    if name == "sarif":
        from .sarif import write_sarif

        return write_sarif
    if name == "github":
        from .github import write_github

        return write_github
    from .text import TextReporter

    return TextReporter(color=color, quiet=quiet, statistics=statistics)


FORMATS = ("text", "json", "sarif", "github")
