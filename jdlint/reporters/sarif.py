"""SARIF 2.1.0 with rule metadata, as GitHub code scanning reads it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from .. import __version__
from ..docs import explain_markdown
from ..model import Report, RuleMeta, Severity

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
        "properties": {"category": str(meta.category), "tags": sorted({str(meta.category), meta.name})},
    }


def _uri(path: str) -> str:
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def sarif_dict(report: Report) -> dict[str, Any]:
    metas = sorted({m.code: m for m in report.rules}.values(), key=lambda m: m.code)
    index = {m.code: i for i, m in enumerate(metas)}
    results = []
    for d in report.diagnostics:
        region = {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line,
                  "endColumn": max(d.end_column, d.column if d.end_line > d.line else d.column + 1)}
        result: dict[str, Any] = {
            "ruleId": d.code,
            "level": _LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(d.path), "uriBaseId": "%SRCROOT%"}
                if not Path(d.path).is_absolute() else {"uri": _uri(d.path)},
                "region": region,
            }}],
        }
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
        }],
    }


def write_sarif(report: Report, out: TextIO) -> None:
    json.dump(sarif_dict(report), out, indent=2, ensure_ascii=False)
    out.write("\n")
