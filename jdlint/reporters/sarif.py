"""SARIF 2.1.0 with rule metadata, as GitHub code scanning reads it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from .. import __version__
from ..docs import explain_markdown
from ..model import Report, RuleMeta, Severity
from ..reading.parsed import BINARY_FORMATS
from .text import statistics as stats

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INFO_URI = "https://pypi.org/project/jdlint/"


def _rule(meta: RuleMeta) -> dict[str, Any]:
    return {
        "id": meta.code,
        "name": "".join(w.capitalize() for w in meta.name.split("-")),
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": meta.docs.what},
        "help": {"text": f"{meta.docs.why}", "markdown": explain_markdown(meta)},
        "defaultConfiguration": {"level": _LEVEL[meta.severity],
                                 "enabled": meta.default_enabled},
        "properties": {"category": str(meta.category),
                       "tags": sorted({str(meta.category), meta.name})},
    }


def _uri(path: str) -> str:
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def _location(path: str, line: int, column: int, end_line: int, end_column: int,
              snippet: str | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": line, "startColumn": column, "endLine": end_line,
        "endColumn": max(end_column, column if end_line > line else column + 1)}
    if snippet and end_line == line:  # the flagged text itself (one line, as quoted)
        region["snippet"] = {"text": snippet}
    artifact = ({"uri": _uri(path), "uriBaseId": "%SRCROOT%"}
                if not Path(path).is_absolute() else {"uri": _uri(path)})
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def sarif_dict(report: Report, statistics: bool = False) -> dict[str, Any]:
    metas = sorted({m.code: m for m in report.rules}.values(), key=lambda m: m.code)
    index = {m.code: i for i, m in enumerate(metas)}
    results = []
    word_files = {f.path for f in report.files if f.format in BINARY_FORMATS}
    for d in report.diagnostics:
        result: dict[str, Any] = {
            "ruleId": d.code,
            "level": _LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [_location(d.path, d.line, d.column, d.end_line, d.end_column,
                                    d.quote)],
        }
        if d.path in word_files:  # lines are paragraphs: say so, with the quoted text
            result["properties"] = {"paragraph": d.line, "column": d.column}
        if d.related:
            result["relatedLocations"] = [
                {"id": i, "message": {"text": f"\"{r.quote}\" ({r.message})"},
                 **_location(d.path, r.line, r.column, r.end_line, r.end_column, r.quote)}
                for i, r in enumerate(d.related)]
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        if d.fix is not None:
            result["fixes"] = [{
                "description": {"text": f"Replace with {d.fix.replacement!r}"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(d.path)},
                    "replacements": [{
                        "deletedRegion": {"startLine": d.fix.line, "startColumn": d.fix.column,
                                          "endLine": d.fix.end_line,
                                          "endColumn": d.fix.end_column},
                        "insertedContent": {"text": d.fix.replacement},
                    }],
                }],
            }]
        results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "jdlint", "version": __version__,
                                "informationUri": INFO_URI,
                                "rules": [_rule(m) for m in metas]}},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "results": results,
            **({"properties": {"statistics": stats(report.diagnostics)}} if statistics else {}),
        }],
    }


def write_sarif(report: Report, out: TextIO, statistics: bool = False) -> None:
    json.dump(sarif_dict(report, statistics), out, indent=2, ensure_ascii=False)
    out.write("\n")
