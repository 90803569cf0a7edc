"""GitHub Actions workflow commands: ``::warning file=..,line=..::message`` annotations."""

from __future__ import annotations

from typing import TextIO

from ..model import Report, Severity
from .escape import printable
from .text import write_statistics_table

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(value: str) -> str:
    """GitHub's own escapes for %, CR and LF; every other control character shown escaped."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(value)


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def write_github(report: Report, out: TextIO, statistics: bool = False) -> None:
    for d in report.diagnostics:
        props = (f"file={_prop(d.path)},line={d.line},col={d.column},endLine={d.end_line},"
                 f"endColumn={d.end_column},title={_prop(f'{d.code} [{d.name}]')}")
        out.write(f"::{_LEVEL[d.severity]} {props}::{_data(d.message)}\n")
    if statistics:  # plain lines: the log shows them, GitHub reads no command in them
        write_statistics_table(report.diagnostics, out)
