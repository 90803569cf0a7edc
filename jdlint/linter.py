"""The library's entry point for batch use: build the rule set once, check many postings.

    from jdlint import Linter
    linter = Linter()                      # or Linter(jdlint.config.load_config(path))
    for text in postings:
        result = linter.lint_text(text, path="posting.md")
        for d in result.diagnostics:
            print(d.line, d.code, d.message)

A Linter is cheap per call, safe to share between threads, and picklable: it travels to a
worker process as its configuration and builds its rule set there (what Dask and
multiprocessing do with it).
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

from .config import Config
from .engine import Context, build_context, check_bytes, check_text
from .model import FileResult


class Linter:
    """The rules that ``config`` selects (the defaults if None), built once."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self._context: Context | None = None
        self._lock = threading.Lock()

    @property
    def context(self) -> Context:
        """The rule set and selection, built on first use (once, whichever thread asks)."""
        if self._context is None:
            with self._lock:
                if self._context is None:
                    self._context = build_context(self.config)
        return self._context

    def lint_text(self, text: str, path: str = "<text>", today: date | None = None) -> FileResult:
        """Check one posting given as text. ``path`` names it in the findings; its suffix
        says the format (``.md``, ``.html``, ``.txt``; anything else is read as text).
        ``today`` is the date deadlines are compared with (the config's, else today)."""
        return check_text(path, text, self.context, today=today)

    def lint_bytes(self, data: bytes, path: str, today: date | None = None) -> FileResult:
        """Check one posting's bytes as a file would be read (any encoding, or a .docx)."""
        return check_bytes(path, data, self.context, today=today)

    def lint_file(self, path: str | Path, today: date | None = None) -> FileResult:
        """Check one file; a file that cannot be read is a result with ``error`` set."""
        from .runner import check_file

        return check_file(str(path), self.context, today=today)

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config}  # compiled patterns and models are rebuilt where it lands

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["config"])  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"Linter({self.config.source or 'defaults'})"
