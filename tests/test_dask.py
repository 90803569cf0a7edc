"""Postings on Dask: a two-process LocalCluster gives the CLI's findings, record for record."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import cli
from jdlint.dask import lint_records

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TODAY = date(2026, 11, 22)


def _cli_findings(paths: list[str]) -> list[dict]:
    result = CliRunner().invoke(cli, ["check", *paths, "--isolated", "--format", "jsonl",
                                      "--today", TODAY.isoformat(), "--jobs", "1"])
    return [json.loads(line) for line in result.stdout.splitlines()]


def _records() -> list[dict]:
    out = []
    for p in sorted(EXAMPLES.iterdir()):
        if p.suffix == ".docx":
            out.append({"path": str(p), "text": p.read_bytes()})
        elif p.suffix in (".md", ".txt", ".html"):
            out.append({"path": str(p), "text": p.read_text("utf-8")})
    return out


def _key(d: dict) -> tuple:
    return (d["path"], d["line"], d["column"], d["code"], d["message"])


def test_a_local_cluster_finds_what_the_cli_finds(tmp_path: Path) -> None:
    import dask.bag as db
    from distributed import Client, LocalCluster

    from jdlint.dask import lint_bag

    records = _records()
    expected = _cli_findings([r["path"] for r in records])
    assert len(expected) > 20
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        bag = db.from_sequence(records, npartitions=4)
        found = lint_bag(bag, today=TODAY).compute()
        workers = client.run(lambda: __import__("os").getpid())
    assert len(workers) == 2
    assert sorted(found, key=_key) == sorted(expected, key=_key)


def test_postings_read_from_json_lines_and_parquet(tmp_path: Path) -> None:
    from jdlint.dask import lint_bag, read_postings

    lines = [json.dumps({"id": 1, "path": "a.md", "text": "# Rockstar\n\nWe need a ninja."}),
             "", "not json", json.dumps({"path": "b.txt"}), json.dumps(["a", "list"])]
    (tmp_path / "postings.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    found = lint_bag(read_postings(str(tmp_path / "postings.jsonl")), today=TODAY) \
        .compute(scheduler="sync")
    by_path: dict[str, list[str]] = {}
    for d in found:
        by_path.setdefault(Path(d["path"]).name, []).append(d["name"])
    assert by_path["a.md"].count("exclusionary-jargon") == 2
    assert by_path["b.txt"] == ["unreadable-file"]
    errors = [d["message"] for d in found if d["path"].endswith("postings.jsonl")]
    assert len(errors) == 2 and "not JSON" in errors[0] and "not a JSON object" in errors[1]

    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    pd.DataFrame({"posting": ["We need a ninja.", "We need a guru."]}).to_parquet(
        tmp_path / "postings.parquet")
    rows = lint_bag(read_postings(str(tmp_path / "postings.parquet"), text_column="posting"),
                    today=TODAY).compute(scheduler="sync")
    jargon = [d for d in rows if d["name"] == "exclusionary-jargon"]
    assert [d["quote"] for d in jargon] == ["ninja", "guru"]
    assert all(d["path"].startswith("<posting ") for d in rows)
    with pytest.raises(ValueError, match="no column 'text'"):
        read_postings(str(tmp_path / "postings.parquet"))


def test_records_without_a_dask_scheduler() -> None:
    found = list(lint_records([{"text": "We need a ninja."}, {"text": "We need a ninja."},
                               "not a record"], today=TODAY))
    names = {d["path"] for d in found if d["name"] == "exclusionary-jargon"}
    assert len(names) == 1  # the same text gets the same name
    assert any("it is a str" in d["message"] for d in found)
