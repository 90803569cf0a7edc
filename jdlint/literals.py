"""What literal text the matches of a regular expression must hold, read from its parse tree.

A regex whose matches must contain "trust" cannot match a text without it; a substring test
says so far faster than the regex can, and says where to look. Used to skip term lists
(:mod:`jdlint.kinds`) and place signals (:mod:`jdlint.document.place`) on postings, or lines,
that cannot hold them. Texts are lowercased: they are looked for in the lowercased posting,
which finds case-sensitive patterns' texts too (a superset, then the regex decides).
"""

from __future__ import annotations

import hashlib
import json
import re
import re._constants as re_constants  # type: ignore[import-not-found]
import re._parser as re_parser  # type: ignore[import-not-found]
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

Keys = tuple[tuple[str, bool, bool], ...]

#: :func:`leading_literals` of jdlint's own patterns, worked out when the package was built
#: (``scripts/build_literal_keys.py``): reading them from their parse trees is about 40 ms of
#: a cold start (a tenth of it). Valid only for this file as it was then (its digest is in
#: the table); a pattern the table lacks (a user's rule, a pattern changed since) is read
#: from its parse tree. The keys belong to the language a pattern matches, not to the Python
#: version that parsed it.
KEYS_FILE = Path(__file__).with_name("data") / "literal_keys.json"
_MISSING: Any = object()
#: the patterns asked about since :func:`record` (the build script's list), else None
_recorded: set[tuple[str, int]] | None = None


def source_digest() -> str:
    """The digest of this file, which the table of keys must have been built with."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def record() -> set[tuple[str, int]]:
    """From now on, note each (pattern, flags) whose leading literals are asked for."""
    global _recorded
    _recorded = set()
    return _recorded


@cache
def _shipped() -> dict[tuple[str, int], Keys | None]:
    try:
        data = json.loads(KEYS_FILE.read_text("utf-8"))
        if data["literals.py"] != source_digest():
            return {}
        return {(source, flags): None if keys is None else tuple(
                    (str(key), bool(at_word), bool(ends)) for key, at_word, ends in keys)
                for flags, source, keys in data["keys"]}
    except (OSError, ValueError, KeyError, TypeError):  # missing, unreadable, another shape
        return {}


@lru_cache(maxsize=1024)  # patterns are few and asked about per posting
def _parse(source: str, flags: int) -> Any:
    try:
        return re_parser.parse(source, flags)
    except (re.error, TypeError, ValueError, RecursionError, OverflowError):
        return None  # syntax only the regex module reads ("\\p{L}")


def required_literals(source: str, flags: int = 0) -> tuple[str, ...]:
    """Lowercase texts (three characters or more) that every match of the regex ``source``
    contains, longest first; () when unknown."""
    tree = _parse(source, flags)
    if tree is None:
        return ()
    runs: list[str] = []
    _collect_runs(tree, runs)
    return tuple(sorted({r.lower() for r in runs if len(r) >= 3}, key=len, reverse=True))


def _collect_runs(items: Any, runs: list[str]) -> None:
    """Append to ``runs`` the literal runs a sequence of parsed regex items must contain."""
    current: list[str] = []
    for op, arg in items:
        if op is re_constants.LITERAL:
            current.append(chr(arg))
            continue
        runs.append("".join(current))
        current = []
        if op is re_constants.SUBPATTERN:
            _collect_runs(arg[-1], runs)
        elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and arg[0] >= 1:
            _collect_runs(arg[2], runs)
        # anything else (a class, a branch, an assertion, an optional part) requires nothing
    runs.append("".join(current))


@lru_cache(maxsize=1024)  # asked once per posting by photo-request
def one_of_literals(source: str, flags: int = 0) -> tuple[tuple[str, bool], ...] | None:
    """Texts one of which every match of the regex ``source`` contains ("secondment" or
    "substantive post" or "bank"...), each with whether its case is exact (else it is
    lowercased: look for it in the lowercased text); None when unknown (then the regex must
    run everywhere). Of the choices, the one whose shortest text says most is taken: longer,
    and a capital in an exact text counts two letters ("V." before "e." in "e.V.")."""
    tree = _parse(source, flags)
    return None if tree is None else _one_of(list(tree), bool(flags & re.IGNORECASE))


def opens_with_literal(source: str, flags: int = 0) -> bool:
    """Whether every match of ``source`` opens with one character given literally (``\\(``,
    ``£``), case and all: the regex engine then skips to each place that character stands in
    one fast scan, which beats looking for several texts one after another."""
    tree = _parse(source, flags)
    return (tree is not None and not flags & re.IGNORECASE and len(tree) > 0
            and tree[0][0] is re_constants.LITERAL)


_Needles = tuple[tuple[str, bool], ...]


def _worth(needles: _Needles) -> int:
    return min(len(t) + (2 if exact and not t.islower() else 0) for t, exact in needles)


def _one_of(items: list[Any], ignorecase: bool) -> _Needles | None:
    best: _Needles | None = None

    def consider(found: _Needles | None) -> None:
        nonlocal best
        if found and (best is None or _worth(found) > _worth(best)):
            best = found

    run: list[str] = []
    for op, arg in [*items, (None, None)]:
        if op is re_constants.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            text = "".join(run)
            consider(((text.lower(), False) if ignorecase else (text, True),))
            run = []
        if op is re_constants.SUBPATTERN:
            add, remove = arg[1], arg[2]
            inner = (ignorecase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            consider(_one_of(list(arg[-1]), inner))
        elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and arg[0] >= 1:
            consider(_one_of(list(arg[2]), ignorecase))
        elif op is re_constants.BRANCH:
            options = [_one_of(list(alternative), ignorecase) for alternative in arg[1]]
            if all(options):
                consider(tuple(sorted({t for o in options if o for t in o})))
    return best


@lru_cache(maxsize=1024)
def leading_literals(source: str, flags: int = 0) -> Keys | None:
    """Lowercase texts one of which every match of the regex ``source`` starts with, each
    with whether the match must start a word there (a ``\\b`` or ``(?<!\\w)`` before a word
    character) and whether the text must end a word too (``\\s``, ``\\b`` or punctuation
    after it: "as" in ``as\\s+much``, not in ``as\\w*``); None when unknown (a match may start
    with a class, an optional part...). Read from the table built with the package when it
    has the pattern (:data:`KEYS_FILE`)."""
    if _recorded is not None:
        _recorded.add((source, flags))
    shipped = _shipped().get((source, flags), _MISSING)
    return computed_leading_literals(source, flags) if shipped is _MISSING else shipped


def computed_leading_literals(source: str, flags: int = 0) -> Keys | None:
    """:func:`leading_literals` read from the pattern's parse tree."""
    tree = _parse(source, flags)
    if tree is None:
        return None
    keys = _leading(list(tree), False, False)
    if keys is not None and flags & re.ASCII:  # \w is not the word index's \w
        keys = tuple((key, False, False) for key, _, _ in keys)
    return keys


_ZERO_WIDTH = (re_constants.ASSERT, re_constants.ASSERT_NOT)


def _starts_word(op: Any, arg: Any) -> bool:
    """Whether a zero-width item says a word starts here: ``\\b``, or a look-behind that no
    word character precedes (``(?<!\\w)``, ``(?<![\\w-])``): followed by a word character,
    both mean a word starts."""
    if op is re_constants.AT:
        return arg is re_constants.AT_BOUNDARY
    if op is re_constants.ASSERT_NOT and arg[0] == -1 and len(arg[1]) == 1:
        kind, members = arg[1][0]
        return kind is re_constants.IN and (re_constants.CATEGORY,
                                            re_constants.CATEGORY_WORD) in members
    return False


_MAX_KEYS = 32


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _letters(op: Any, arg: Any) -> tuple[str, ...] | None:
    """The (lowercase) characters an item stands for, when it is one of a few: a literal, or a
    class of literals and short ranges (``[Pp]``, ``[1-8]``); None otherwise."""
    if op is re_constants.LITERAL:
        return (chr(arg).lower(),)
    if op is not re_constants.IN:
        return None
    out: set[str] = set()
    for kind, value in arg:
        if kind is re_constants.LITERAL:
            out.add(chr(value).lower())
        elif kind is re_constants.RANGE and value[1] - value[0] < 10:
            out.update(chr(c).lower() for c in range(value[0], value[1] + 1))
        else:  # a negated class, a category (\w, \d), a long range
            return None
    return tuple(sorted(out)) if out else None


def _leading(items: list[Any], boundary: bool,
             fenced: bool) -> tuple[tuple[str, bool, bool], ...] | None:
    """``fenced``: whether what follows these items where they stand is a word's end."""
    i = 0
    while i < len(items) and (items[i][0] is re_constants.AT or items[i][0] in _ZERO_WIDTH):
        boundary = boundary or _starts_word(*items[i])
        i += 1
    if i == len(items):
        return None
    op, arg = items[i]
    after = _fenced_at(items, i + 1, fenced)
    if _letters(op, arg) is not None:
        texts = [""]
        while i < len(items) and (letters := _letters(*items[i])) is not None \
                and len(texts) * len(letters) <= _MAX_KEYS:
            texts = [t + c for t in texts for c in letters]
            i += 1
        if i < len(items) and _letters(*items[i]) is not None:  # too many: the prefixes
            return tuple((t, boundary and _word_char(t[0]), False) for t in texts)
        ends = _fenced_at(items, i, fenced)
        keys = tuple((t, boundary and _word_char(t[0]), ends) for t in texts)
        if i < len(items) and (items[i][0] in (re_constants.SUBPATTERN, re_constants.BRANCH)
                               or _optional(*items[i])):
            # the parser factors out a common start: "R(?:MN|GN)" for "RMN|RGN"; an optional
            # character goes on in both ways: "e-verify" and "everify" of "E-?Verify"
            tail = _leading(items[i:], False, fenced)
            if tail is not None and len(texts) * len(tail) <= _MAX_KEYS:
                keys = tuple((t + k, boundary and _word_char(t[0]), e)
                             for t in texts for k, _, e in tail)
        return tuple(sorted(set(keys)))
    if op is re_constants.SUBPATTERN:
        return _leading(list(arg[-1]), boundary, after)
    if op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and arg[0] == 0:
        # an optional start: a match begins with it ("arbeits" of "(?:arbeits)?beginn") or
        # with what follows it ("beginn")
        rest = items[i + 1:]
        skipped = _leading(rest, boundary, fenced) if rest else None
        taken = (_leading(list(arg[2]) + rest, boundary, fenced) if arg[1] == 1
                 else _leading(list(arg[2]), boundary, False))
        if skipped and taken and len(skipped) + len(taken) <= _MAX_KEYS:
            return tuple(sorted(set(skipped) | set(taken)))
        return None
    if op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and arg[0] >= 1:
        return _leading(list(arg[2]), boundary, after and arg[1] == 1)
    if op is re_constants.BRANCH:
        options = [_leading(list(alternative), boundary, after) for alternative in arg[1]]
        if all(options):
            return tuple(sorted({k for o in options if o for k in o}))
    return None


@lru_cache(maxsize=4096)
def required_words(source: str, flags: int = 0) -> tuple[str, ...]:
    """Lowercase whole words (runs of word characters that the pattern fences with ``\\b``,
    white space or punctuation) that every match of the regex ``source`` contains: a posting
    whose word index lacks one cannot match ("man" in "a man who" is not the "man" of
    "management"). () when unknown."""
    tree = _parse(source, flags)
    if tree is None:
        return ()
    found: list[str] = []
    _collect_words(list(tree), found)
    return tuple(sorted(set(found), key=len, reverse=True))


def _optional(op: Any, arg: Any) -> bool:
    """Whether an item is one that may be left out, once at most: ``-?``, ``(?:the )?``."""
    return op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and arg[0] == 0 \
        and arg[1] == 1


def _fenced_at(items: list[Any], i: int, fenced: bool) -> bool:
    """Whether a word ends where ``items[i]`` stands (``fenced``: whether one ends after the
    last item): the item is a fence, or an optional run of fence characters followed by one
    ("s" ends a word in ``s\\s*/\\s*he``)."""
    while i < len(items):
        op, arg = items[i]
        if op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and arg[0] == 0 \
                and len(arg[2]) == 1 and _fence(*arg[2][0]):
            i += 1  # taken, a fence character follows; skipped, what comes next must be one
            continue
        return _fence(op, arg)
    return fenced


def _fence(op: Any, arg: Any) -> bool:
    """Whether an item stands for a character that is no word character, or a word edge."""
    if op is re_constants.LITERAL:
        return not (chr(arg).isalnum() or chr(arg) == "_")
    if op is re_constants.AT:
        return arg is re_constants.AT_BOUNDARY
    if op is re_constants.IN:  # a class of spaces and punctuation: "[- ]"
        return all(m == (re_constants.CATEGORY, re_constants.CATEGORY_SPACE)
                   or (m[0] is re_constants.LITERAL and _fence(*m)) for m in arg)
    if op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and arg[0] >= 1 \
            and len(arg[2]) == 1 and arg[2][0][0] in (re_constants.IN, re_constants.LITERAL):
        return _fence(*arg[2][0])  # "\s+", "/+"
    return False


def _collect_words(items: list[Any], found: list[str]) -> None:
    i = 0
    while i < len(items):
        op, arg = items[i]
        if op is re_constants.LITERAL and not _fence(op, arg):
            j = i
            while j < len(items) and items[j][0] is re_constants.LITERAL \
                    and not _fence(*items[j]):
                j += 1
            if i > 0 and _fence(*items[i - 1]) and j < len(items) and _fence(*items[j]):
                found.append("".join(chr(a) for _, a in items[i:j]).lower())
            i = j
            continue
        if op is re_constants.SUBPATTERN:
            _collect_words(list(arg[-1]), found)
        elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and arg[0] >= 1:
            _collect_words(list(arg[2]), found)
        i += 1
