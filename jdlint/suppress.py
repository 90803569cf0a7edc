"""Inline suppressions in Markdown and HTML comments (Vale's ``<!-- vale off -->``, ruff's noqa).

``<!-- jdlint-disable CODES -->`` ... ``<!-- jdlint-enable [CODES] -->`` silence a region,
``<!-- jdlint-disable-next-line CODES -->`` the next line, ``<!-- jdlint-disable-file CODES -->``
the whole file. Without codes they silence every rule. Codes may be codes, prefixes or names.
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
    r"<!--\s*jdlint-(disable-next-line|disable-file|disable|enable)\b(.*?)-->", re.S
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


def parse_suppressions(source: str, resolve: Resolver) -> list[Suppression]:
    line_of = LineIndex(source).position  # LF, CRLF and a lone CR each end a line

    out: list[Suppression] = []
    open_regions: list[tuple[int, int, frozenset[str] | None]] = []
    for m in _COMMENT.finditer(source):
        kind = m.group(1)
        codes = _codes(m.group(2), resolve)
        line, col = line_of(m.start())
        end_line, _ = line_of(m.end())
        if kind == "disable-next-line":
            out.append(Suppression(kind, codes, line, col, end_line + 1, end_line + 1))
        elif kind == "disable-file":
            out.append(Suppression(kind, codes, line, col, 1, math.inf))
        elif kind == "disable":
            open_regions.append((line, col, codes))
        else:  # enable: close every region it names (all regions when it names none)
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


def _codes(text: str, resolve: Resolver) -> frozenset[str] | None:
    words = [w for w in re.split(r"[\s,]+", text.strip()) if w and not w.startswith("--")]
    words = words[: words.index(":")] if ":" in words else words  # "CODES : reason"
    if not words:
        return None
    codes: set[str] = set()
    for word in words:
        try:
            codes |= resolve(word)
        except ConfigError:
            codes.add(word)  # unknown: matches nothing, reported as unused when asked
    return frozenset(codes)


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
    unused = [s for i, s in enumerate(suppressions) if i not in used]
    return kept, unused
