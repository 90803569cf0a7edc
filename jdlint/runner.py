"""Check many paths: discover files, find each one's config, run in parallel, sort the report."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import interrupts
from .config import Config, find_config_file, load_config
from .engine import Context, build_context, check_bytes, cross_check, rules_of
from .errors import InputError, RunError
from .model import Diagnostic, FileResult, Report
from .reading import FORMATS
from .reading.files import read_capped, read_posting
from .selection import matches_any, resolved

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

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
    cache: bool = False  # reuse stored results of unchanged files (the CLI's default)


@dataclass(frozen=True)
class Plan:
    files: tuple[tuple[str, int], ...]  # (path, index into configs)
    configs: tuple[Config, ...]
    missing: tuple[str, ...]
    unreadable: tuple[tuple[str, int, str], ...] = ()  # folders that cannot be listed: why


def _is_excluded(path: Path, config: Config,
                 resolve: Callable[[Path], Path] = resolved) -> bool:
    try:  # (what selection.relative_posix gives, with the paths resolved by ``resolve``)
        rel = resolve(path).relative_to(resolve(config.root)).as_posix()
    except ValueError:
        rel = path.as_posix()
    globs = (*config.exclude, *config.extend_exclude)
    return matches_any(globs, rel) or matches_any(globs, path.name)


class _Resolver:
    """``Path.resolve`` for the many paths of one walk: each folder is resolved once, and a
    path in it that is no link is the resolved folder and its name (``resolve`` looks at every
    folder of every path again: most of the time of finding 1,700 files)."""

    def __init__(self) -> None:
        self._folders: dict[Path, Path] = {}

    def __call__(self, path: Path) -> Path:
        found = self._folders.get(path)
        if found is not None:
            return found
        name = path.name
        if not name or name == ".." or path.is_symlink():
            return resolved(path)
        parent = path.parent
        folder = self._folders.get(parent)
        if folder is None:
            folder = self._folders[parent] = resolved(parent)
        return folder / name

    def folder(self, path: Path) -> Path:
        """``path`` resolved, kept (a folder whose files are asked next, or a config's root)."""
        found = self._folders.get(path)
        if found is None:
            found = self._folders[path] = resolved(path)
        return found


def _walk(directory: Path, config_for: Callable[[Path], int], configs: Sequence[Config],
          onerror: Callable[[OSError], None]) -> Iterator[tuple[Path, int]]:
    """The files to check under ``directory``, each with its config's index."""
    resolver = _Resolver()

    def excluded(path: Path, config: Config) -> bool:
        resolver.folder(config.root)  # (kept: asked for every path)
        return _is_excluded(path, config, resolver)

    for root, dirs, files in os.walk(directory, onerror=onerror):
        root_path = Path(root)
        dirs[:] = sorted(d for d in dirs
                         if not excluded(root_path / d, configs[config_for(root_path / d)]))
        here = config_for(root_path)  # (os.walk lists no folder among the files)
        for name in sorted(files):
            p = root_path / name
            if p.suffix.lower() in FORMATS and not excluded(p, configs[here]) \
                    and not _jdlint_report(p):
                yield p, here


#: How far into a page jdlint's report says it is one (its head is short)
_REPORT_HEAD = 1024


def _jdlint_report(path: Path) -> bool:
    """Whether ``path`` is an HTML report jdlint wrote (``--format html``), which a folder's
    check leaves out: it quotes the postings it reports on."""
    if FORMATS.get(path.suffix.lower()) != "html":
        return False
    from .reporters.html import GENERATOR_TAG

    try:
        with path.open("rb") as f:
            head = f.read(_REPORT_HEAD)
    except OSError:
        return False  # the check says why it cannot be read
    return GENERATOR_TAG.encode() in head


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
    unreadable: list[tuple[str, int, str]] = []

    def cannot_list(exc: OSError) -> None:  # os.walk would skip the folder without a word
        where = exc.filename if isinstance(exc.filename, str) else str(exc.filename)
        unreadable.append((where, config_index(Path(where).absolute()),
                           exc.strerror or str(exc)))

    for raw in paths:
        if raw == STDIN:
            name = options.stdin_filename or STDIN
            files.append((STDIN, config_index(Path(name).absolute())))
            continue
        p = Path(raw)
        if p.is_dir():
            files.extend((str(f), i) for f, i in _walk(p, config_index, configs, cannot_list))
        elif p.exists() or p.is_symlink():  # (a link in a loop, or to nothing: unreadable)
            i = config_index(p.absolute())
            if not (configs[i].force_exclude and _is_excluded(p, configs[i])):
                files.append((str(p), i))
        else:
            missing.append(raw)
    if not configs:
        config_index(Path.cwd())
    seen: set[str] = set()
    unique = [(f, i) for f, i in files if not (f in seen or seen.add(f))]  # type: ignore[func-returns-value]
    return Plan(tuple(unique), tuple(configs), tuple(missing), tuple(unreadable))


# A worker process builds each context once, then checks many files (fork or spawn alike).
_worker_contexts: list[Context] = []


def _init_worker(configs: tuple[Config, ...] | None) -> None:
    """``configs`` None: the worker was forked from a parent that set ``_worker_contexts``
    to its own (built, prepared) contexts, so it need not build them again."""
    interrupts.in_worker()
    if configs is not None:
        _worker_contexts[:] = [build_context(c) for c in configs]


def _check_in_worker(items: list[tuple[str, int]]) -> list[FileResult]:
    return [check_file(path, _worker_contexts[i]) for path, i in items]


def check_file(path: str, ctx: Context, stdin_filename: str | None = None,
               today: date | None = None) -> FileResult:
    name = (stdin_filename or "<stdin>") if path == STDIN else path
    try:
        if path == STDIN:
            data = read_capped(sys.stdin.buffer, ctx.config.max_file_size)
        else:
            data = read_posting(path, ctx.config.max_file_size)
    except InputError as exc:
        return check_text_error(name, ctx, str(exc))
    try:
        return check_bytes(name, data, ctx, today)
    except BaseException as exc:  # one file's surprise must not stop the others
        if interrupts.is_stop(exc) or isinstance(exc, MemoryError):
            raise
        return check_text_error(name, ctx, f"internal error ({type(exc).__name__}: {exc}); "
                                "please report it with the file if you can share it")


def check_text_error(path: str, ctx: Context, reason: str,
                     what: str = "cannot check this file") -> FileResult:
    from .engine import internal_diagnostic

    diag = internal_diagnostic(ctx, path, "unreadable-file", f"{what}: {reason}")
    return FileResult(path, (diag,) if diag else (), error=reason)


def run(p: Plan, options: Options, progress: Callable[[int], None] | None = None) -> Report:
    contexts = [build_context(c) for c in p.configs]
    jobs = options.jobs or os.cpu_count() or 1
    cached, todo, keys = _from_cache(p, options)
    if progress and cached:
        progress(len(cached))
    results: list[FileResult] = list(cached)
    parallel = jobs > 1 and len(todo) >= PARALLEL_THRESHOLD and STDIN not in dict(todo)
    if parallel:
        if sys.platform != "win32":  # forked workers inherit what the parent loaded
            for active in rules_of(contexts):
                with contextlib.suppress(Exception):  # check() reports a broken rule
                    active.rule.prepare()
        checked = _run_pool(replace(p, files=tuple(todo)), jobs, progress, contexts)
    else:
        checked = []
        for path, i in todo:
            checked.append(check_file(path, contexts[i], options.stdin_filename))
            if progress:
                progress(1)
    for result in checked:
        if result.path in keys:
            store, key, digest = keys[result.path]
            if result.digest == digest:  # the bytes checked are the bytes hashed
                store.put(key, result)
    results += checked
    results += [check_text_error(path, contexts[i], reason, "cannot list this folder")
                for path, i, reason in p.unreadable]
    results = _add_cross_findings(results, contexts)
    results.sort(key=lambda r: r.path)
    return Report(tuple(results), tuple(a.rule.meta for a in rules_of(contexts)))


def _from_cache(p: Plan, options: Options) -> tuple[
        list[FileResult], list[tuple[str, int]], dict[str, tuple[Any, str, str]]]:
    """The stored results of unchanged files; the files left to check; and for each of
    those, where its result goes (cache, key, the digest of the bytes the key was made of)."""
    if not options.cache or not p.files:
        return [], list(p.files), {}
    from .cache import Cache, cache_dir, disabled_by_environment
    from .engine import content_digest

    if disabled_by_environment():
        return [], list(p.files), {}
    stores = [Cache(cache_dir(c), c) for c in p.configs]
    cached: list[FileResult] = []
    todo: list[tuple[str, int]] = []
    keys: dict[str, tuple[Any, str, str]] = {}
    for path, i in p.files:
        store = stores[i]
        if path == STDIN or not store.usable:
            todo.append((path, i))
            continue
        try:
            data = read_posting(path, p.configs[i].max_file_size)
        except InputError:
            todo.append((path, i))  # the check says why, in its own words
            continue
        digest = content_digest(data)
        key = store.key(path, digest)
        hit = store.get(key)
        if hit is not None and hit.path == path:
            cached.append(hit)
        else:
            todo.append((path, i))
            keys[path] = (store, key, digest)
    return cached, todo, keys


def _run_pool(p: Plan, jobs: int, progress: Callable[[int], None] | None,
              contexts: list[Context]) -> list[FileResult]:
    """Check ``p.files`` in ``jobs`` worker processes; on any way out but success (Ctrl-C,
    SIGTERM, a worker that could not start or died) the workers are killed, not awaited."""
    # (imported here: a run of one process, or of one file, does not pay for them)
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    from multiprocessing import get_context

    chunk = max(1, len(p.files) // (jobs * 32))
    forked = sys.platform != "win32"
    context = get_context("fork" if forked else "spawn")
    if forked:  # the workers inherit the contexts the parent built
        _worker_contexts[:] = contexts
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                               initargs=(None if forked else p.configs,))
    results: list[FileResult] = []
    done = False
    try:
        # submit, not map: map cancels the pending futures when it is interrupted, and the
        # pool's manager thread then fails on them (CPython 3.11: InvalidStateError)
        futures = [pool.submit(_check_in_worker, list(p.files[i:i + chunk]))
                   for i in range(0, len(p.files), chunk)]
        for future in futures:
            batch = future.result()
            results.extend(batch)
            if progress:
                progress(len(batch))
        done = True
    except (OSError, BrokenProcessPool) as exc:
        raise RunError(f"cannot run the worker processes ({type(exc).__name__}: {exc}); "
                       "try --jobs 1") from None
    finally:
        if not done:
            if interrupts.requested():  # (the run is ending: its pool's thread says nothing)
                _quiet_threads()
            _kill(pool)
        pool.shutdown(wait=done)  # the manager thread marks the killed workers' futures broken
        _worker_contexts.clear()
    return results


def _quiet_threads() -> None:
    """After Ctrl-C or SIGTERM, an exception in another thread (the pool's manager thread,
    whose workers are being killed under it) is not printed: the user asked to stop, and the
    run ends with its own one-line message, not a stray traceback."""
    import threading

    previous = threading.excepthook

    def hook(args: threading.ExceptHookArgs) -> None:
        if not interrupts.requested():
            previous(args)

    threading.excepthook = hook


def _kill(pool: ProcessPoolExecutor) -> None:
    processes = dict(getattr(pool, "_processes", None) or {})
    for process in processes.values():
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes.values():
        with contextlib.suppress(Exception):
            process.join(1)


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


def lint_text(text: str, path: str = "<text>", config: Config | None = None,
              today: date | None = None) -> FileResult:
    """Check one posting given as text, with ``config`` (defaults if None), no files read.
    Without a config it uses one shared :class:`~jdlint.linter.Linter`, built on first call."""
    from .linter import Linter

    linter = _default_linter() if config is None else Linter(config)
    return linter.lint_text(text, path, today)


@cache
def _default_linter() -> Any:
    from .linter import Linter

    return Linter()
