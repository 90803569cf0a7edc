"""Check many paths: discover files, find each one's config, run in parallel, sort the report."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path

from .config import Config, find_config_file, load_config
from .engine import Context, build_context, check_bytes, check_text, cross_check, rules_of
from .model import Diagnostic, FileResult, Report
from .reading import FORMATS
from .selection import matches_any, relative_posix

STDIN = "-"
#: Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 16


@dataclass(frozen=True)
class Options:
    """What the caller decides for a whole run (the CLI's flags beyond the config keys)."""

    config_file: Path | None = None  # --config: one file for every input
    overrides: dict[str, object] = field(default_factory=dict)  # Config fields from the CLI
    jobs: int | None = None
    stdin_filename: str | None = None
    isolated: bool = False  # ignore config files (the library's default for lint_text)


@dataclass(frozen=True)
class Plan:
    files: tuple[tuple[str, int], ...]  # (path, index into configs)
    configs: tuple[Config, ...]
    missing: tuple[str, ...]


def _is_excluded(path: Path, config: Config) -> bool:
    rel = relative_posix(str(path), config.root)
    globs = (*config.exclude, *config.extend_exclude)
    return matches_any(globs, rel) or matches_any(globs, path.name)


def _walk(directory: Path, config_for: Callable[[Path], Config]) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
        root_path = Path(root)
        dirs[:] = sorted(d for d in dirs if not _is_excluded(root_path / d, config_for(root_path / d)))
        for name in sorted(files):
            p = root_path / name
            if p.suffix.lower() in FORMATS and not _is_excluded(p, config_for(p)):
                yield p


def plan(paths: Sequence[str], options: Options) -> Plan:
    configs: list[Config] = []
    index_of: dict[Path | None, int] = {}
    by_dir: dict[Path, int] = {}

    def config_index(path: Path) -> int:
        directory = path if path.is_dir() else path.parent
        if directory in by_dir:
            return by_dir[directory]
        if options.isolated:
            source = None
        elif options.config_file is not None:
            source = options.config_file
        else:
            source = find_config_file(directory)
        if source not in index_of:
            base = load_config(source) if source is not None else Config()
            index_of[source] = len(configs)
            configs.append(base.with_overrides(**options.overrides))
        by_dir[directory] = index_of[source]
        return by_dir[directory]

    files: list[tuple[str, int]] = []
    missing: list[str] = []
    for raw in paths:
        if raw == STDIN:
            name = options.stdin_filename or STDIN
            files.append((STDIN, config_index(Path(name).absolute())))
            continue
        p = Path(raw)
        if p.is_dir():
            files.extend((str(f), config_index(f)) for f in
                         _walk(p, lambda q: configs[config_index(q)]))
        elif p.exists():
            files.append((str(p), config_index(p.absolute())))
        else:
            missing.append(raw)
    if not configs:
        config_index(Path.cwd())
    seen: set[str] = set()
    unique = [(f, i) for f, i in files if not (f in seen or seen.add(f))]  # type: ignore[func-returns-value]
    return Plan(tuple(unique), tuple(configs), tuple(missing))


# A worker process builds each context once, then checks many files (fork or spawn alike).
_worker_contexts: list[Context] = []


def _init_worker(configs: tuple[Config, ...]) -> None:
    _worker_contexts[:] = [build_context(c) for c in configs]


def _check_in_worker(item: tuple[str, int]) -> FileResult:
    return check_file(item[0], _worker_contexts[item[1]])


def check_file(path: str, ctx: Context, stdin_filename: str | None = None) -> FileResult:
    if path == STDIN:
        name = stdin_filename or "<stdin>"
        data = sys.stdin.buffer.read()
        return check_bytes(name, data, ctx)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return check_text_error(path, ctx, reason)
    return check_bytes(path, data, ctx)


def check_text_error(path: str, ctx: Context, reason: str) -> FileResult:
    from .engine import internal_diagnostic

    diag = internal_diagnostic(ctx, path, "unreadable-file", f"cannot check this file: {reason}")
    return FileResult(path, (diag,) if diag else (), error=reason)


def run(p: Plan, options: Options, progress: Callable[[int], None] | None = None) -> Report:
    contexts = [build_context(c) for c in p.configs]
    jobs = options.jobs or os.cpu_count() or 1
    results: list[FileResult] = []
    parallel = jobs > 1 and len(p.files) >= PARALLEL_THRESHOLD and STDIN not in dict(p.files)
    if parallel:
        if sys.platform != "win32":  # forked workers inherit what the parent loaded
            for active in rules_of(contexts):
                with contextlib.suppress(Exception):  # check() reports a broken rule
                    active.rule.prepare()
        chunk = max(1, len(p.files) // (jobs * 8))
        with ProcessPoolExecutor(jobs, mp_context=get_context("spawn" if sys.platform == "win32" else "fork"),
                                 initializer=_init_worker, initargs=(p.configs,)) as pool:
            for result in pool.map(_check_in_worker, p.files, chunksize=chunk):
                results.append(result)
                if progress:
                    progress(1)
    else:
        for path, i in p.files:
            results.append(check_file(path, contexts[i], options.stdin_filename))
            if progress:
                progress(1)
    results = _add_cross_findings(results, contexts)
    results.sort(key=lambda r: r.path)
    return Report(tuple(results), tuple(a.rule.meta for a in rules_of(contexts)))


def _add_cross_findings(results: list[FileResult], contexts: list[Context]) -> list[FileResult]:
    if not any(r.collected for r in results):
        return results
    extra: dict[str, list[Diagnostic]] = {}
    for diag in cross_check(results, contexts):
        extra.setdefault(diag.path, []).append(diag)
    return [replace(r, diagnostics=tuple(sorted((*r.diagnostics, *extra[r.path]),
                                                key=Diagnostic.sort_key)))
            if r.path in extra else r for r in results]


def lint_paths(paths: Sequence[str], options: Options | None = None) -> tuple[Report, Plan]:
    """Check files and folders; returns the report and the plan (with any missing paths)."""
    options = options or Options()
    p = plan(paths, options)
    return run(p, options), p


def lint_text(text: str, path: str = "<text>", config: Config | None = None) -> FileResult:
    """Check one posting given as text, with ``config`` (defaults if None), no files read."""
    ctx = build_context(config or Config())
    return check_text(path, text, ctx)
