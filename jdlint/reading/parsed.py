"""What every reader returns: the analysed text, its offset map, metadata and hints."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .offsets import OffsetMap

FORMATS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    # Word: .docx is read; a legacy .doc is found too, to say it cannot be read
    ".docx": "docx", ".doc": "docx",
}
#: Formats whose file is not the text jdlint checks (positions are paragraphs, no --fix).
BINARY_FORMATS = frozenset({"docx"})


@dataclass(frozen=True)
class Hint:
    """A span whose role the markup makes certain (text offsets): ``heading`` (with its
    level), ``bullet`` (a list item), ``emphasis`` (bold or italic text), ``break`` (a hard line
    break: the newline at ``start`` ends a line the writer meant)."""

    kind: str
    start: int
    end: int
    level: int = 0


@dataclass(frozen=True)
class Parsed:
    text: str
    offsets: OffsetMap
    meta: Mapping[str, Any] = field(default_factory=dict)
    hints: tuple[Hint, ...] = ()
    comments: bool = False  # whether <!-- jdlint-... --> suppressions apply
    hard_breaks: bool = False  # every newline ends a line the writer meant (HTML <br>, <p>...)
    notes: tuple[str, ...] = ()  # what the reader could not use, said to the user (info)


def format_for(path: str) -> str:
    for suffix, fmt in FORMATS.items():
        if path.lower().endswith(suffix):
            return fmt
    return "text"
