"""The command line: parse options, build the run, pick a reporter, map the result to an exit code.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings; 2 usage, configuration, rule
definition or internal error. stdout carries only the report; messages go to stderr.
"""

from __future__ import annotations

import contextlib
import difflib
import gc
import io
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import JdlintError, UsageError
from .reporters import FORMATS

F = TypeVar("F", bound=Callable[..., Any])
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> None:
    from .reporters.escape import printable

    click.echo(f"jdlint: error: {printable(message)}", err=True)


def _split(values: Sequence[str]) -> tuple[str, ...] | None:
    items = tuple(v.strip() for value in values for v in value.split(",") if v.strip())
    return items or None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="jdlint")
def cli() -> None:
    """jdlint: a linter for job postings (compliance, duplicates, inclusive wording,
    readability)."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "--output-format", "fmt", type=click.Choice(FORMATS),
              default="text", show_default=True, help="Report format: text (grouped, with the "
              "quoted line), concise (one line per finding), json, jsonl (one finding per "
              "line), sarif, github, html (a page to open in a browser; use with -o "
              "report.html).")
@click.option("--select", multiple=True, help="Rules to run instead of the defaults "
              "(codes, prefixes, names, categories or ALL; comma-separated).")
@click.option("--extend-select", multiple=True, help="Rules to run on top of the selection.")
@click.option("--ignore", multiple=True, help="Rules not to run.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--min-severity", type=click.Choice(["error", "warning", "info"]),
              help="Hide findings below this severity, in every format [default: info; "
              "warning for --format github].")
@click.option("--today", metavar="YYYY-MM-DD", help="The date deadlines are compared with.")
@click.option("--jurisdiction", metavar="CODE", help="Where the job is (DE, DK, CA-ON, US-CO...); "
              "overrides detection.")
@click.option("--language", metavar="LANG", help="The posting's language (en, de, da); "
              "overrides detection.")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Use this configuration file for every input.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file instead of stdout.")
@click.option("--quiet", "-q", is_flag=True, help="Print diagnostics only, no summary.")
@click.option("--statistics", is_flag=True, help="Count the findings of each rule (instead of "
              "listing them in text formats; added to json, sarif and github).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour in text reports (auto: on a terminal, unless "
              "NO_COLOR is set; FORCE_COLOR turns it on).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Processes for large batches "
              "[default: the machine's cores].")
@click.option("--stdin-filename", metavar="PATH", help="Read the posting from standard input "
              "and report it under this name (its suffix gives the format).")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files, then report the rest.")
@click.option("--diff", is_flag=True, help="Show the fixes --fix would make as a unified diff; "
              "write nothing (exit code 1 if there is something to fix).")
@click.option("--force-exclude", is_flag=True, default=None, help="Apply the excludes to files "
              "named on the command line too (as pre-commit names them).")
@click.option("--across-files", is_flag=True, help="Also report blocks that several of the "
              "checked postings share (duplicate-block, as info).")
@click.option("--no-cache", is_flag=True, help="Check every file again instead of reusing the "
              "stored results of unchanged ones (also: JDLINT_NO_CACHE=1).")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where the result cache lives [default: .jdlint_cache at the project root].")
def check(paths: tuple[str, ...], fmt: str, select: tuple[str, ...],
          extend_select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None,
          min_severity: str | None, today: str | None, jurisdiction: str | None,
          language: str | None, config_file: Path | None, isolated: bool,
          output: Path | None, quiet: bool, statistics: bool, color: str, jobs: int | None,
          stdin_filename: str | None, fix: bool, diff: bool, force_exclude: bool | None,
          across_files: bool, no_cache: bool, cache_dir: Path | None) -> None:
    """Check job postings (.md, .txt, .html files, folders, or '-' for standard input)."""
    from .config import (
        parse_fail_on,
        parse_jurisdiction,
        parse_language,
        parse_min_severity,
        parse_today,
    )
    from .runner import Options

    try:
        overrides: dict[str, Any] = {
            "select": _split(select),
            "cli_extend_select": _split(extend_select),
            "cli_ignore": _split(ignore),
            "jurisdiction": parse_jurisdiction(jurisdiction) if jurisdiction else None,
            "language": parse_language(language) if language else None,
            "today": parse_today(today) if today else None,
            "min_severity": parse_min_severity(min_severity) if min_severity else None,
            "force_exclude": force_exclude,
            "keep_text": True if fmt == "html" else None,  # the page shows the postings
            "cli_rule_options": {"duplicate-block": {"across-files": True}} if across_files
            else None,
            "languagetool_url": os.environ.get("JDLINT_LANGUAGETOOL_URL") or None,
            "cache_dir": cache_dir.absolute() if cache_dir is not None else None,
        }
        if fail_on is not None:
            overrides["fail_on"] = parse_fail_on(fail_on) or "never"
        if stdin_filename is not None and not paths:
            paths = ("-",)  # --stdin-filename alone: the posting comes on standard input
        options = Options(config_file=config_file, overrides=overrides, jobs=jobs,
                          stdin_filename=stdin_filename, isolated=isolated,
                          cache=not no_cache)
        if (fix or diff) and "-" in paths:
            raise click.UsageError(f"--{'fix' if fix else 'diff'} cannot rewrite standard input")
        if fix and diff:
            raise click.UsageError("--fix and --diff exclude each other: --diff only shows")
        if output is not None:
            _check_output(output)
        view = View(fmt, output, quiet, statistics, _use_color(color, output))
        code = _check(list(paths) or ["."], options, view, fix, diff)
    except JdlintError as exc:
        _fail(str(exc))
        code = EXIT_ERROR
    sys.exit(code)


@dataclass(frozen=True)
class View:
    """How the report is shown: format, where, and what to leave out."""

    fmt: str
    output: Path | None
    quiet: bool
    statistics: bool
    color: bool


def _use_color(choice: str, output: Path | None) -> bool:
    """``--color``, then the conventions: a non-empty NO_COLOR turns colour off, a non-empty
    FORCE_COLOR on; otherwise colour only on a terminal (never into a file)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return output is None and sys.stdout.isatty()


def _check_output(output: Path) -> None:
    """Refuse a report file that cannot be written before any work is done."""
    if output.name in FORMATS and not output.suffix and not output.exists():
        raise UsageError(f"-o {output} names the report file; for the format use "
                         f"--format {output.name} (or --output-format {output.name})")
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"{output}: cannot write the report: the folder {parent} does not "
                         "exist")
    if not os.access(parent, os.W_OK):
        raise UsageError(f"{output}: cannot write the report: the folder {parent} is not "
                         "writable")


def _check(paths: list[str], options: Any, view: View, fix: bool, diff: bool) -> int:
    from . import reporters
    from .runner import plan, run

    p = plan(paths, options)
    if view.output is not None:
        _refuse_input_as_output(view.output, p)
    for missing in p.missing:
        _fail(f"{missing}: no such file or folder")
    if not p.files and not p.missing:
        click.echo(f"jdlint: no postings (.md, .txt, .html, .docx) found in {', '.join(paths)}",
                   err=True)
    report = _run_with_progress(p, options, run)
    if fix:
        report = _apply_fixes(report, p, options, run)
    for result in report.files:
        if result.error and not any(d.name == "unreadable-file" for d in result.diagnostics):
            _fail(f"{result.path}: {result.error}")
    config_of = {"": p.configs[0], **{path: p.configs[i] for path, i in p.files}}
    report, hidden = _shown(report, config_of, view.fmt)
    if diff:
        return _show_diff(report, p)
    reporter = reporters.get(view.fmt, color=view.color, quiet=view.quiet,
                             statistics=view.statistics, hidden=hidden)
    if view.output is None:
        with contextlib.suppress(AttributeError, ValueError):  # a file name that is not UTF-8
            sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        reporter(report, sys.stdout)
    else:
        from .fix import atomic_write

        buffer = io.StringIO()
        reporter(report, buffer)
        try:
            atomic_write(view.output, buffer.getvalue().encode("utf-8", "backslashreplace"))
        except OSError as exc:
            raise UsageError(f"{view.output}: cannot write the report: {exc.strerror or exc}") \
                from None
    failed = any(
        (fail := _config_for(config_of, d.path).fail_on) is not None and d.severity >= fail
        for d in report.diagnostics
    )
    if p.missing:
        return EXIT_ERROR
    return EXIT_FINDINGS if failed else EXIT_CLEAN


def _shown(report: Any, config_of: dict[str, Any], fmt: str) -> tuple[Any, int]:
    """The report without the findings below each file's minimum severity, and how many
    were left out. GitHub shows only ten annotations of a kind per step, so the github
    format leaves out info unless asked."""
    from .model import Severity

    default = Severity.WARNING if fmt == "github" else Severity.INFO
    hidden = 0
    files = []
    for f in report.files:
        config = _config_for(config_of, f.path)
        floor = config.min_severity or default
        kept = tuple(d for d in f.diagnostics if d.severity >= floor)
        hidden += len(f.diagnostics) - len(kept)
        files.append(replace(f, diagnostics=kept) if len(kept) != len(f.diagnostics) else f)
    return replace(report, files=tuple(files)), hidden


def _fixable_by_path(report: Any) -> list[tuple[str, list[Any]]]:
    """The findings with a fix, per file, files sorted."""
    by_path: dict[str, list[Any]] = {}
    for d in report.diagnostics:
        if d.fix is not None:
            by_path.setdefault(d.path, []).append(d)
    return sorted(by_path.items())


def _show_diff(report: Any, p: Any) -> int:
    from .fix import fix_diff

    digests = {r.path: r.digest for r in report.files}
    changes = 0
    for path, diags in _fixable_by_path(report):
        config = p.configs[dict(p.files)[path]]
        try:
            text = fix_diff(path, diags, config.encoding, expected=digests.get(path))
        except (JdlintError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            _fail(f"{path}: no diff: {reason}")
            continue
        if text:
            changes += 1
            click.echo(text, nl=False)
    click.echo(f"jdlint: {changes} file{'s' if changes != 1 else ''} would be changed by --fix"
               if changes else "jdlint: nothing to fix", err=True)
    return EXIT_FINDINGS if changes else EXIT_CLEAN


def _refuse_input_as_output(output: Path, p: Any) -> None:
    """``-o posting.md`` would replace a posting with its own report: refuse before linting."""
    if not output.exists():
        return
    if output.is_dir():
        raise UsageError(f"{output}: -o names a folder; give a file name for the report")
    for path, _ in p.files:
        with contextlib.suppress(OSError):
            if path != "-" and os.path.samefile(path, output):
                raise UsageError(f"{output}: -o names a file that is being checked; the "
                                 "report would replace it (choose another file name)")


def _config_for(config_of: dict[str, Any], path: str) -> Any:
    """The config of a reported path (the stdin posting is reported under its name; a folder
    that could not be listed under its own path: the run's first config)."""
    return config_of.get(path) or config_of.get("-") or config_of[""]


def _run_with_progress(p: Any, options: Any, run: Callable[..., Any]) -> Any:
    if sys.stderr.isatty() and len(p.files) >= 50:
        from .progress import Progress

        with Progress(len(p.files), sys.stderr) as bar:
            return run(p, options, progress=bar.update)
    return run(p, options)


def _apply_fixes(report: Any, p: Any, options: Any, run: Callable[..., Any]) -> Any:
    from .fix import fix_file

    fixed = 0
    files = 0
    digests = {r.path: r.digest for r in report.files}
    for path, diags in _fixable_by_path(report):
        config = p.configs[dict(p.files)[path]]
        try:
            n = fix_file(Path(path), diags, config.encoding, expected=digests.get(path))
        except (JdlintError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            _fail(f"{path}: not fixed, the file is untouched: {reason}")
            continue
        fixed += n
        files += 1 if n else 0
    if fixed:
        click.echo(f"jdlint: fixed {fixed} problem{'s' if fixed != 1 else ''} in {files} "
                   f"file{'s' if files != 1 else ''}", err=True)
        return run(p, options)
    return report


def _config(config_file: Path | None) -> Any:
    from .config import Config, find_config_file, load_config

    source = config_file or find_config_file(Path.cwd())
    return load_config(source) if source else Config()


def _ruleset(config: Any) -> Any:
    from .registry import discover
    from .selection import RuleSet

    return RuleSet(discover(config.rule_dirs))


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True)
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Include the rule folders of this configuration file.")
@click.option("--test", "run_examples", is_flag=True,
              help="Run every rule's examples (the texts that must trigger it and those that "
                   "must not) and list the ones it gets wrong; exit 1 if any.")
def rules_command(fmt: str, config_file: Path | None, run_examples: bool) -> None:
    """List every rule: code, name, category, default severity and summary."""
    try:
        config = _config(config_file)
        ruleset = _ruleset(config)
        if run_examples:
            sys.exit(_test_rules(ruleset.rules, config))
    except JdlintError as exc:
        _fail(str(exc))
        sys.exit(EXIT_ERROR)
    metas = [r.meta for r in ruleset.rules]
    if fmt == "json":
        import json

        click.echo(json.dumps([
            {"code": m.code, "name": m.name, "category": str(m.category),
             "severity": str(m.severity), "default": m.default_enabled, "fixable": m.fixable,
             "summary": m.summary, "options": dict(m.options)} for m in metas
        ], indent=2, ensure_ascii=False))
    elif fmt == "markdown":
        from .docs import readme_table

        click.echo(readme_table(metas))
    else:
        click.echo(f"{'CODE':<7} {'NAME':<28} {'SEVERITY':<8} {'FIX':<3}  SUMMARY")
        for m in metas:
            flag = "" if m.default_enabled else " (off by default)"
            fix = "[*]" if m.fixable else ""
            click.echo(f"{m.code:<7} {m.name:<28} {m.severity!s:<8} {fix:<3}  {m.summary}{flag}")


def _test_rules(rules: Sequence[Any], config: Any) -> int:
    """``jdlint rules --test``: each failed example with its rule and text; a count at the end."""
    from datetime import date

    from .reporters.escape import printable
    from .selftest import check_examples

    run, failed = check_examples(rules, config.today or date.today())
    for failure in failed:
        meta, example = failure.rule, failure.example
        where = "" if meta.origin == "jdlint" else f" ({printable(meta.origin)})"
        should = "should trigger on" if example.triggers else "should not trigger on"
        click.echo(f"FAIL {meta.code} {meta.name}{where}: {should}:")
        for line in example.text.rstrip("\n").split("\n"):
            click.echo(f"    | {printable(line)}")
        for d in failure.found:
            click.echo(f"    found on line {d.line}: {printable(d.message)}")
    tested = len({f.rule.code for f in failed})
    click.echo(f"{run} examples of {sum(1 for r in rules if r.meta.examples)} rules: "
               + (f"{len(failed)} failed ({tested} rules)" if failed else "all pass"))
    return EXIT_FINDINGS if failed else EXIT_CLEAN


@cli.command()
@click.argument("rule")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Include the rule folders of this configuration file.")
def explain(rule: str, config_file: Path | None) -> None:
    """Explain a rule, by code or name: what it does, why, examples, references."""
    from .docs import explain_markdown

    try:
        ruleset = _ruleset(_config(config_file))
    except JdlintError as exc:
        _fail(str(exc))
        sys.exit(EXIT_ERROR)
    found = ruleset.get(rule)
    if found is None:
        keys = [r.meta.name for r in ruleset.rules] + [r.meta.code for r in ruleset.rules]
        close = difflib.get_close_matches(rule, keys, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        _fail(f"unknown rule {rule!r}{hint}; `jdlint rules` lists them")
        sys.exit(EXIT_ERROR)
    click.echo(explain_markdown(found.meta), nl=False)


@cli.command()
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False,
              path_type=Path), help="Clear the cache of this configuration file's project.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="The cache folder to clear.")
def clean(config_file: Path | None, cache_dir: Path | None) -> None:
    """Remove the result cache (.jdlint_cache) of the project here."""
    from .cache import cache_dir as where
    from .cache import clear
    from .config import Config, find_config_file, load_config

    try:
        if cache_dir is None:
            source = config_file or find_config_file(Path.cwd())
            cache_dir = where(load_config(source) if source else Config())
        removed = clear(cache_dir)
    except JdlintError as exc:
        _fail(str(exc))
        sys.exit(EXIT_ERROR)
    except OSError as exc:
        _fail(f"{cache_dir}: cannot remove the cache: {exc.strerror or exc}")
        sys.exit(EXIT_ERROR)
    click.echo(f"jdlint: removed {cache_dir}" if removed else f"jdlint: no cache at {cache_dir}",
               err=True)


def main() -> None:
    from . import interrupts

    # jdlint allocates many long-lived objects (rule sets, word lists, the gazetteer, the
    # pronouncing dictionary) and few reference cycles: the collector's default first
    # threshold (700 allocations) makes it walk them over and over, about 30 ms of a one-file
    # check and 4% of a run with two processes. The CLI owns its process; the library leaves
    # the collector alone.
    gc.set_threshold(20_000, 20, 100)
    with interrupts.handled():
        try:
            code = _main()
        except KeyboardInterrupt:
            click.echo("jdlint: interrupted", err=True)
            code = interrupts.EXIT_INTERRUPTED
        except interrupts.Terminated:
            click.echo("jdlint: terminated", err=True)
            code = interrupts.EXIT_TERMINATED
    _exit(code)


def _exit(code: int) -> None:
    """End the process as ``sys.exit`` does, without freeing every object first: the
    interpreter's teardown spends about 50 ms on a one-file check freeing what the process
    is about to drop anyway (mypy ends the same way). The exit handlers still run (logging,
    worker processes, coverage), and the report is written by then: to stdout, flushed here,
    or to its file, written and closed before."""
    import atexit

    run_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_handlers is None or sys.flags.inspect:
        sys.exit(code)
    try:
        run_handlers()
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # a stream the reader closed (`| head`): exit as Python would
        sys.exit(code)
    os._exit(code)


def _main() -> int:
    """Run the command line; returns the exit code (click's own handling, except for Ctrl-C,
    which click would turn into exit code 1, the code for findings)."""
    try:
        cli.main(standalone_mode=False)
    except SystemExit as exc:
        if isinstance(exc.code, int) or exc.code is None:
            return exc.code or 0
        click.echo(str(exc.code), err=True)
        return EXIT_ERROR
    except click.exceptions.Abort:
        raise KeyboardInterrupt from None
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except BrokenPipeError:  # `jdlint check ... | head`: the reader left, stop quietly
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so the exit flush cannot fail
        return EXIT_FINDINGS
    except Exception as exc:
        if os.environ.get("JDLINT_DEBUG"):
            raise
        click.echo(f"jdlint: internal error: {type(exc).__name__}: {exc} "
                   "(set JDLINT_DEBUG=1 for the traceback, and please report it)", err=True)
        return EXIT_ERROR
    return EXIT_CLEAN
