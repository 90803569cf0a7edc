"""Reports for people: ``full`` (the default, grouped by file with the quoted line, as ruff's
and ESLint's) and ``concise`` (``path:line:col: CODE [name] message``, one line each, for
scripts). Both end with the summary; ``--statistics`` replaces the list with counts per rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TextIO

import click

from ..document.language import NAMES, SUPPORTED
from ..model import Diagnostic, FileResult, Report, Severity
from ..reading.parsed import BINARY_FORMATS
from .escape import printable, printable_path

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
#: Related places listed under a finding, at most.
MAX_RELATED = 8


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class _Base:
    def __init__(self, *, color: bool = False, quiet: bool = False, statistics: bool = False,
                 hidden: int = 0) -> None:
        self.color = color
        self.quiet = quiet
        self.statistics = statistics
        self.hidden = hidden  # findings below --min-severity, counted in the summary

    def _style(self, text: str, **kw: object) -> str:
        return click.style(text, **kw) if self.color else text  # type: ignore[arg-type]

    def _severity(self, severity: Severity) -> str:
        return self._style(f"{severity!s:<7}", fg=_COLOURS[severity], bold=True)

    def __call__(self, report: Report, out: TextIO) -> None:
        if self.statistics:
            write_statistics_table(report.diagnostics, out)
            files = _plural(len(report.files), "file")
            _write_list(out, f"place unknown for {{}} of {files} (place-bound rules skipped "
                        "there)", [printable_path(p) for p in unknown_place(report)])
            _write_list(out, f"placed where jdlint's data has no posting laws: {{}} of {files} "
                        "(only the rules that apply everywhere ran there)",
                        [f"{printable_path(f.path)} ({f.jurisdiction})"
                         for f in place_without_laws(report)])
            _write_list(out, f"in a language jdlint does not check: {{}} of {files} (the rules "
                        "that read words skipped there)",
                        [f"{printable_path(f.path)} ({language_name(f.language)})"
                         for f in other_language(report)])
        else:
            self.findings(report, out)
        if not self.quiet:
            self.summary(report, out)

    def findings(self, report: Report, out: TextIO) -> None:
        raise NotImplementedError

    def summary(self, report: Report, out: TextIO) -> None:
        diags = report.diagnostics
        files = len(report.files)
        if not files:
            return
        hidden = (f" ({_plural(self.hidden, 'finding')} below --min-severity not shown)"
                  if self.hidden else "")
        if not diags:
            out.write(self._style(f"All clear: no problems in {_plural(files, 'file')}.",
                                  fg="green") + hidden + "\n")
        else:
            counts = Counter(d.severity for d in diags)
            parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s is not Severity.INFO else ''}"
                     for s in _ORDER if counts[s]]
            with_problems = len({d.path for d in diags})
            line = (f"Found {_plural(len(diags), 'problem')} ({', '.join(parts)}) in "
                    f"{with_problems} of {_plural(files, 'file')}.")
            fixable = sum(1 for d in diags if d.fix is not None)
            if fixable:
                line += f" {fixable} fixable with --fix (preview with --diff)."
            out.write(self._style(line, bold=True) + hidden + "\n")
        unknown = unknown_place(report)
        if unknown:
            out.write(f"{_plural(len(unknown), 'file')}: place unknown, so the place-bound rules "
                      "(pay, privacy, photos, local posting laws) were skipped; set jurisdiction "
                      "in the config or front matter (--statistics lists the files).\n")
        lawless = place_without_laws(report)
        if lawless:
            codes = ", ".join(sorted({str(f.jurisdiction) for f in lawless}))
            out.write(f"{_plural(len(lawless), 'file')}: placed where jdlint's data has no "
                      f"posting laws ({codes}), so only the rules that apply everywhere ran "
                      "there; "
                      "set jurisdiction in the config or front matter if the place is wrong.\n")
        other = other_language(report)
        if other:
            names = sorted({language_name(f.language) for f in other})
            out.write(f"{_plural(len(other), 'file')}: written in {' and '.join(names)}, which "
                      "jdlint does not check, so only the rules that read no words ran "
                      "(duplicates, garbled text, length); set language in the config or "
                      "front matter if that is wrong.\n")


def _write_list(out: TextIO, heading: str, rows: list[str]) -> None:
    """``heading`` (its ``{}`` the number of rows) and the rows indented, when there are any:
    the files --statistics lists apart."""
    if rows:
        out.write(heading.format(len(rows)) + ":\n")
        out.writelines(f"  {row}\n" for row in rows)


def other_language(report: Report) -> list[FileResult]:
    """The files written in a language jdlint does not check (French, Spanish...)."""
    return [f for f in report.files
            if f.language and f.language not in SUPPORTED and f.error is None]


def language_name(code: str | None) -> str:
    return NAMES.get(code or "", code or "")


def unknown_place(report: Report) -> list[str]:
    return [f.path for f in report.files if f.jurisdiction is None and f.error is None]


def place_without_laws(report: Report) -> list[FileResult]:
    """The files placed in a country no place-bound rule has a law or custom for."""
    from ..facts import countries_with_laws

    known = countries_with_laws()
    return [f for f in report.files if f.jurisdiction and f.error is None
            and f.jurisdiction.split("-")[0] not in known]


class ConciseReporter(_Base):
    """One line per finding: ``path:line:col: CODE [name] message``."""

    def findings(self, report: Report, out: TextIO) -> None:
        for d in report.diagnostics:
            where = self._style(f"{printable_path(d.path)}:{d.line}:{d.column}:", bold=True)
            code = self._style(d.code, fg=_COLOURS[d.severity], bold=True)
            name = self._style(f"[{d.name}]", dim=True)
            out.write(f"{where} {code} {name} {printable(d.message)}\n")


class TextReporter(_Base):
    """Grouped by file, errors first; each finding with its severity in words (colour is only
    a help), the quoted line with the flagged span marked, and the places behind it."""

    def findings(self, report: Report, out: TextIO) -> None:
        for f in report.files:
            if not f.diagnostics:
                continue
            out.write(self._style(printable_path(f.path), bold=True, underline=True) + "\n")
            ordered = sorted(f.diagnostics, key=lambda d: (-d.severity, d.line, d.column, d.code))
            where = "¶" if f.format in BINARY_FORMATS else ""  # Word: paragraph numbers
            for d in ordered:
                self._finding(d, out, where)
            out.write("\n")

    def _finding(self, d: Diagnostic, out: TextIO, where: str = "") -> None:
        fixable = " [*]" if d.fix is not None else ""
        head = (f"  {self._severity(d.severity)} {self._style(d.code, bold=True)}{fixable} "
                f"{self._style(d.name, dim=True)}: {printable(d.message)}")
        out.write(head + "\n")
        if d.excerpt is not None:
            ex = d.excerpt
            ex = replace(ex, text=ex.text.replace("\t", " "))  # one column, like the marker
            before = printable(ex.text[:ex.start])
            marked = printable(ex.text[ex.start:ex.end]) or " "
            after = printable(ex.text[ex.end:])
            left = "…" if ex.cut_left else ""
            right = "…" if ex.cut_right else ""
            gutter = f"{where + str(d.line):>6} | "
            out.write(self._style(gutter, dim=True) + left + before
                      + self._style(marked, bold=True) + after + right + "\n")
            pad = " " * (len(left) + len(before))
            out.write(self._style(" " * 6 + " | ", dim=True) + pad
                      + self._style("^" * len(marked), fg=_COLOURS[d.severity], bold=True)
                      + "\n")
        if d.fix is not None:
            out.write(f"         fix: replace with \"{printable(d.fix.replacement)}\"\n")
        for r in d.related[:MAX_RELATED]:
            place = "paragraph" if where else "line"
            out.write(f"         - {place} {r.line}: \"{printable(r.quote)}\" "
                      f"({printable(r.message)})\n")
        if len(d.related) > MAX_RELATED:
            out.write(f"         - and {len(d.related) - MAX_RELATED} more\n")


def statistics(diagnostics: Sequence[Diagnostic]) -> list[dict[str, object]]:
    """Findings per rule, most first: code, name, severity, count, fixable."""
    counts: Counter[tuple[str, str, Severity]] = Counter()
    fixable: Counter[str] = Counter()
    for d in diagnostics:
        counts[(d.code, d.name, d.severity)] += 1
        if d.fix is not None:
            fixable[d.code] += 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], -kv[0][2], kv[0][0]))
    return [{"code": code, "name": name, "severity": str(sev), "count": n,
             "fixable": fixable[code]} for (code, name, sev), n in rows]


def write_statistics_table(diagnostics: Sequence[Diagnostic], out: TextIO) -> None:
    for row in statistics(diagnostics):
        fix = " [*]" if row["fixable"] else ""
        out.write(f"{row['count']:>6}  {row['severity']!s:<7}  {row['code']}  "
                  f"{row['name']}{fix}\n")
