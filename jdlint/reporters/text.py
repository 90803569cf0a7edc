"""``path:line:col: CODE [name] message``, a summary, optional statistics; colour on a TTY."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

import click

from ..model import Report, Severity
from .escape import printable, printable_path

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


class TextReporter:
    def __init__(self, *, color: bool, quiet: bool, statistics: bool) -> None:
        self.color = color
        self.quiet = quiet
        self.statistics = statistics

    def _style(self, text: str, **kw: object) -> str:
        return click.style(text, **kw) if self.color else text  # type: ignore[arg-type]

    def __call__(self, report: Report, out: TextIO) -> None:
        diags = report.diagnostics
        for d in diags:
            where = self._style(f"{printable_path(d.path)}:{d.line}:{d.column}:", bold=True)
            code = self._style(d.code, fg=_COLOURS[d.severity], bold=True)
            name = self._style(f"[{d.name}]", dim=True)
            out.write(f"{where} {code} {name} {printable(d.message)}\n")
        if self.statistics:
            self._statistics(report, out)
        if self.quiet:
            return
        counts = Counter(d.severity for d in diags)
        files = len(report.files)
        if not files:
            return
        if not diags:
            out.write(self._style(f"All clear: no problems in {files} file"
                                  f"{'s' if files != 1 else ''}.", fg="green") + "\n")
            self._place_unknown(report, out)
            return
        fixable = sum(1 for d in diags if d.fix is not None)
        parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s is not Severity.INFO else ''}"
                 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
        with_problems = len({d.path for d in diags})
        line = (f"Found {len(diags)} problem{'s' if len(diags) != 1 else ''} "
                f"({', '.join(parts)}) in {with_problems} of {files} file{'s' if files != 1 else ''}.")
        if fixable:
            line += f" {fixable} fixable with --fix."
        out.write(self._style(line, bold=True) + "\n")
        self._place_unknown(report, out)

    def _place_unknown(self, report: Report, out: TextIO) -> None:
        unknown = [f for f in report.files if f.jurisdiction is None and f.error is None]
        if unknown:
            n = len(unknown)
            out.write(f"{n} file{'s' if n != 1 else ''}: place unknown, place-bound rules "
                      "skipped; set `jurisdiction` in the config or front matter (see "
                      "--statistics)\n")

    def _statistics(self, report: Report, out: TextIO) -> None:
        by_code = Counter((d.code, d.name) for d in report.diagnostics)
        for (code, name), n in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0])):
            out.write(f"{n:>6}  {code}  {name}\n")
        unknown = [f.path for f in report.files if f.jurisdiction is None and f.error is None]
        if unknown:
            out.write(f"place unknown for {len(unknown)} of {len(report.files)} files "
                      "(place-bound rules skipped there):\n")
            for path in unknown:
                out.write(f"  {printable_path(path)}\n")
