"""jdlint: a linter for job postings.

Library use::

    import jdlint
    result = jdlint.lint_text(open("posting.md").read(), path="posting.md")
    report, _plan = jdlint.lint_paths(["postings/"])

    linter = jdlint.Linter()  # many postings: the rule set is built once
    results = [linter.lint_text(text) for text in texts]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Linter", "__version__", "lint_paths", "lint_text"]

if TYPE_CHECKING:
    from .linter import Linter
    from .runner import lint_paths, lint_text


def __getattr__(name: str) -> Any:
    # Lazy, so that `import jdlint` (and `jdlint --version`) stays cheap.
    if name in ("lint_paths", "lint_text"):
        from . import runner

        return getattr(runner, name)
    if name == "Linter":
        from .linter import Linter

        return Linter
    raise AttributeError(name)
