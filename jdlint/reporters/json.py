"""Versioned JSON (schema in the README): 1-based lines and columns, exclusive end column."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, TextIO

from .. import __version__
from ..model import Diagnostic, Report
from ..reading.parsed import BINARY_FORMATS
from .text import statistics as stats

VERSION = 1


def diagnostic_dict(d: Diagnostic, paragraphs: bool = False) -> dict[str, Any]:
    """``paragraphs``: the file is a Word document, whose lines are its paragraphs."""
    fix = None
    if d.fix is not None:
        fix = {"replacement": d.fix.replacement, "line": d.fix.line, "column": d.fix.column,
               "end_line": d.fix.end_line, "end_column": d.fix.end_column}
    out: dict[str, Any] = {
        "path": d.path, "code": d.code, "name": d.name, "severity": str(d.severity),
        "line": d.line, "column": d.column, "end_line": d.end_line, "end_column": d.end_column,
        "message": d.message, "fix": fix,
    }
    if paragraphs:
        out["paragraph"], out["end_paragraph"] = d.line, d.end_line
    if d.quote is not None:
        out["quote"] = d.quote
    if d.related:
        out["related"] = [{"line": r.line, "column": r.column, "end_line": r.end_line,
                           "end_column": r.end_column, "message": r.message, "quote": r.quote}
                          for r in d.related]
    if d.data:
        out["data"] = dict(d.data)
    return out


def report_dict(report: Report, statistics: bool = False, hidden: int = 0) -> dict[str, Any]:
    counts = Counter(str(d.severity) for d in report.diagnostics)
    out: dict[str, Any] = {
        "version": VERSION,
        "tool": {"name": "jdlint", "version": __version__},
        "files": [
            {"path": f.path, "language": f.language, "jurisdiction": f.jurisdiction,
             "places": list(f.places), "confidence": f.place_confidence,
             "evidence": [dict(e) for e in f.place_evidence],
             "encoding": f.encoding, "format": f.format, "error": f.error}
            for f in report.files
        ],
        "diagnostics": [diagnostic_dict(d, f.format in BINARY_FORMATS)
                        for f in report.files for d in f.diagnostics],
        "summary": {"files": len(report.files), "diagnostics": len(report.diagnostics),
                    "error": counts["error"], "warning": counts["warning"],
                    "info": counts["info"], "hidden": hidden},
    }
    if statistics:
        out["statistics"] = stats(report.diagnostics)
    return out


def write_json(report: Report, out: TextIO, statistics: bool = False, hidden: int = 0) -> None:
    json.dump(report_dict(report, statistics, hidden), out, indent=2, ensure_ascii=False)
    out.write("\n")


def write_jsonl(report: Report, out: TextIO, statistics: bool = False) -> None:
    """One finding per line (JSON Lines), in the fields of the JSON report's ``diagnostics``;
    with ``statistics``, one line per rule instead (code, name, severity, count, fixable)."""
    if statistics:
        for row in stats(report.diagnostics):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    for f in report.files:
        paragraphs = f.format in BINARY_FORMATS
        for d in f.diagnostics:
            out.write(json.dumps(diagnostic_dict(d, paragraphs), ensure_ascii=False) + "\n")
