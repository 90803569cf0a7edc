"""Inline suppressions in Markdown and HTML comments (Vale's ``<!-- vale off -->``, ruff's noqa).

``<!-- jdlint-disable CODES -->`` ... ``<!-- jdlint-enable [CODES] -->`` silence a region,
``<!-- jdlint-disable-next-line CODES -->`` the next line, ``<!-- jdlint-disable-line CODES -->``
the line it stands on, ``<!-- jdlint-disable-file CODES -->`` the whole file. Without codes
they silence every rule. Codes may be codes, prefixes or names.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .errors import ConfigError
from .model import Diagnostic
from .reading.offsets import LineIndex

_COMMENT = re.compile(
    r"<!--\s*jdlint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*?)-->", re.S
)

Resolver = Callable[[str], set[str]]


@dataclass(frozen=True)
class Suppression:
    kind: str
    codes: frozenset[str] | None  # None: every rule
    line: int  # where the comment starts
    column: int
    first: int  # the lines it covers
    last: float  # math.inf for open regions and whole-file suppressions
    unknown: tuple[str, ...] = ()  # words in it that name no rule (reported, never silent)


def parse_suppressions(source: str, resolve: Resolver) -> list[Suppression]:
    line_of = LineIndex(source).position  # LF, CRLF and a lone CR each end a line

    out: list[Suppression] = []
    open_regions: list[tuple[int, int, frozenset[str] | None]] = []
    for m in _COMMENT.finditer(source):
        kind = m.group(1)
        codes, unknown = _codes(m.group(2), resolve)
        line, col = line_of(m.start())
        end_line, _ = line_of(m.end())
        if kind == "disable-next-line":
            out.append(Suppression(kind, codes, line, col, end_line + 1, end_line + 1, unknown))
        elif kind == "disable-line":
            out.append(Suppression(kind, codes, line, col, line, end_line, unknown))
        elif kind == "disable-file":
            out.append(Suppression(kind, codes, line, col, 1, math.inf, unknown))
        elif kind == "disable":
            open_regions.append((line, col, codes))
            if unknown:  # reported once, with the comment's own place
                out.append(Suppression(kind, frozenset(), line, col, 0, -1, unknown))
        else:  # enable: close every region it names (all regions when it names none)
            if unknown:
                out.append(Suppression(kind, frozenset(), line, col, 0, -1, unknown))
            still_open: list[tuple[int, int, frozenset[str] | None]] = []
            for start, scol, region in open_regions:
                if codes is None or region is None or region & codes:
                    out.append(Suppression("disable", region, start, scol, start, line - 1))
                    if codes is not None and region is not None and region - codes:
                        still_open.append((line, scol, frozenset(region - codes)))
                else:
                    still_open.append((start, scol, region))
            open_regions = still_open
    out.extend(Suppression("disable", c, s, col, s, math.inf) for s, col, c in open_regions)
    return out


def _codes(text: str, resolve: Resolver) -> tuple[frozenset[str] | None, tuple[str, ...]]:
    """The codes a comment names (None: every rule), and the words that name no rule."""
    words = [w for w in re.split(r"[\s,]+", text.strip()) if w and not w.startswith("--")]
    words = words[: words.index(":")] if ":" in words else words  # "CODES : reason"
    if not words:
        return None, ()
    codes: set[str] = set()
    unknown: list[str] = []
    for word in words:
        try:
            codes |= resolve(word)
        except ConfigError:
            unknown.append(word)  # matches nothing; reported as invalid-suppression
    return frozenset(codes), tuple(unknown)


def apply_suppressions(
    diagnostics: Sequence[Diagnostic], suppressions: Sequence[Suppression]
) -> tuple[list[Diagnostic], list[Suppression]]:
    """The diagnostics that survive, and the suppressions that silenced nothing."""
    used: set[int] = set()
    kept: list[Diagnostic] = []
    for diag in diagnostics:
        hit = None
        for i, sup in enumerate(suppressions):
            if sup.first <= diag.line <= sup.last and (sup.codes is None or diag.code in sup.codes):
                hit = i
                break
        if hit is None:
            kept.append(diag)
        else:
            used.add(hit)
    unused = [s for i, s in enumerate(suppressions)
              if i not in used and s.first <= s.last and (s.codes or not s.unknown)]
    return kept, unused
