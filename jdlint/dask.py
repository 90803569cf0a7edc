"""Millions of postings on Dask: a bag of postings in, a bag of findings out.

Needs the ``dask`` extra (``pip install 'jdlint[dask]'``)::

    import dask.bag as db
    from jdlint.dask import lint_bag, read_postings

    postings = read_postings("postings-2026-11-*.jsonl")    # or *.parquet: a "text" column
    findings = lint_bag(postings, today=date(2026, 12, 1))
    findings.to_textfiles("findings-*.jsonl", encoding="utf-8")  # after .map(json.dumps)

A posting is a dict ``{"path": ..., "text": ...}``: ``path`` names it in the findings and its
suffix gives the format (``.md``, ``.html``; anything else is plain text). A finding is a dict
in the JSON report's fields (path, code, name, severity, line, column, end_line, end_column,
message, fix, and quote, related and data where present), the same as ``jdlint check --format
jsonl`` prints for the same files. Each worker process builds the rule set once and reuses it
for every partition. A record without a path is named by a hash of its text (``<posting
3f2a9c1b0d4e>``); a record without text gets an ``unreadable-file`` finding; other records
go on. ``duplicate-block``'s ``across-files`` mode compares the files of one
run and is not applied to bags.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from .config import Config
from .linter import Linter
from .reporters.json import diagnostic_dict

_linters: dict[str, Linter] = {}
_lock = threading.Lock()


def _linter(config: Config) -> Linter:
    """This process's Linter for ``config``: built on the first partition, then reused."""
    key = repr(config)
    with _lock:
        if key not in _linters:
            _linters[key] = Linter(config)
        return _linters[key]


def lint_records(records: Iterable[Mapping[str, Any]], config: Config | None = None,
                 today: date | None = None) -> Iterator[dict[str, Any]]:
    """The findings of each record, in record order (what one partition of a bag does)."""
    linter = _linter(config or Config())
    for record in records:
        fields = record if isinstance(record, Mapping) else {}
        text = fields.get("text")
        path = fields.get("path")
        if not path:  # named by its content, so that the name is the same in every run
            digest = hashlib.blake2b(text if isinstance(text, bytes) else
                                     str(text).encode("utf-8", "surrogatepass"),
                                     digest_size=6).hexdigest()
            path = f"<posting {digest}>"
        path = str(path)
        if isinstance(text, bytes):
            result = linter.lint_bytes(text, path, today)
        elif isinstance(text, str):
            result = linter.lint_text(text, path, today)
        else:
            from .runner import check_text_error

            reason = fields.get("error") or (
                f"it is a {type(record).__name__}, not a {{'path', 'text'}} record"
                if not isinstance(record, Mapping) else "it has no text" if text is None
                else f"its text is a {type(text).__name__}, not a string")
            result = check_text_error(path, linter.context, reason, "cannot check this record")
        paragraphs = result.format == "docx"
        for d in result.diagnostics:
            yield diagnostic_dict(d, paragraphs)


def _partition(records: Iterable[Mapping[str, Any]], config: Config | None,
               today: date | None) -> list[dict[str, Any]]:
    return list(lint_records(records, config, today))


def lint_bag(bag: Any, config: Config | None = None, today: date | None = None) -> Any:
    """A Dask bag of ``{"path", "text"}`` records in, a bag of finding dicts out.

    ``config`` is a :class:`jdlint.config.Config` (``jdlint.config.load_config(path)`` reads
    a project's); ``today`` is the date deadlines are compared with (give it: a run that
    spans midnight would otherwise compare with two dates)."""
    return bag.map_partitions(_partition, config, today)


def read_postings(urlpath: str | list[str], *, text_column: str = "text",
                  path_column: str = "path", blocksize: str | int | None = "16 MiB") -> Any:
    """A bag of postings from JSON Lines (``.jsonl``, ``.ndjson``, optionally compressed) or
    Parquet (``.parquet``; needs pyarrow) files: one posting per line or row, its text in
    ``text_column`` and its name in ``path_column`` (a record without one is named by its
    position)."""
    import dask.bag as db

    paths = [urlpath] if isinstance(urlpath, str) else list(urlpath)
    if paths and all(str(p).rstrip("/").endswith(".parquet") for p in paths):
        import dask.dataframe as dd

        frame = dd.read_parquet(paths if len(paths) > 1 else paths[0])
        columns = [c for c in (path_column, text_column) if c in frame.columns]
        if text_column not in columns:
            raise ValueError(f"{urlpath}: no column {text_column!r} (columns: "
                             f"{', '.join(map(str, frame.columns))})")
        rows = frame[columns].to_bag(format="dict")
        return rows.map(_rename, text_column, path_column)
    compressed = any(str(p).endswith((".gz", ".bz2", ".xz", ".zst")) for p in paths)
    lines = db.read_text(paths, blocksize=None if compressed else blocksize,  # type: ignore[no-untyped-call]
                         compression="infer", encoding="utf-8", errors="replace",
                         include_path=True)
    return lines.filter(_not_blank).map(_parse_line, text_column, path_column)


def _not_blank(item: tuple[str, str]) -> bool:
    return bool(item[0].strip())


def _rename(row: Mapping[str, Any], text_column: str, path_column: str) -> dict[str, Any]:
    path = row.get(path_column)
    return {"path": None if path is None else str(path), "text": row.get(text_column)}


def _parse_line(item: tuple[str, str], text_column: str, path_column: str) -> dict[str, Any]:
    line, source = item
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"path": source, "text": None, "error": f"a line that is not JSON ({exc.msg}): "
                f"{line.strip()[:60]!r}"}
    if not isinstance(record, dict):
        return {"path": source, "text": None, "error": "a line that is not a JSON object"}
    return _rename(record, text_column, path_column)
