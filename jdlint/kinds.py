"""The closed set of rule kinds a YAML rule file can be (Vale's ``extends:``).

* ``existence``: flag each occurrence of a term, unless it lies inside an exception phrase.
* ``substitution``: flag a term and suggest its alternatives (with a fix when there is one).
* ``request``: like ``existence``, but only in a sentence that asks for something (``cues``)
  and is not an equal-opportunity statement or a voluntary survey (``unless``).
* ``required``: the posting must contain a pattern or a section; one finding when it does not.

Any kind may carry ``effective`` (a law's start date, compared with the lint date) and
``min-employees`` (a law's threshold, compared with the ``employer-size`` setting).

Terms are phrases: case-insensitive, whole words, any run of spaces or hyphens between words.
A term may instead be a regular expression (``re:`` prefix), or a phrase matched by lemma
(``lemma:`` prefix: "lemma:formand" also finds "formanden" and "formænd"; spaCy, loaded only
when such a term is scanned, see :mod:`jdlint.nlp`). Lists may be given per language.
"""

from __future__ import annotations

import re
import time
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

import regex

from .document import Document
from .document.jurisdiction import country_name
from .document.jurisdiction import matches as jurisdiction_matches
from .document.words import HYPHENATED_WORD, PLAIN_WORD, Words, key_lookups, words_of
from .literals import leading_literals, required_literals, required_words
from .model import Fix, RuleMeta, Violation
from .nlp import LEMMA_PREFIX, LemmaMatcher
from .rule import Rule

ALL_LANGUAGES = "*"


_WORD_CHAR = re.compile(r"[\w\-]")
# how a term's key is looked up in the word index (TermSet._steps)
_WORD_ITSELF, _WORDS_BEGINNING, _PAST_ITS_WORD, _FOUND = range(4)


@dataclass(frozen=True)
class _Lookups:
    """A term list's keyed terms (their indexes) by what a posting is asked for them: a word
    (``_WORD_ITSELF``), the words that begin with a prefix (``_WORDS_BEGINNING``: the prefix
    and which table), a word with more text after it (``_PAST_ITS_WORD``: the key, its word
    and the table), a text found with ``str.find`` (``_FOUND``: and whether at a word start)."""

    words: dict[str, tuple[int, ...]]
    beginnings: dict[tuple[str, bool], tuple[int, ...]]
    past_words: dict[tuple[str, str, bool], tuple[int, ...]]
    texts: dict[tuple[str, bool], tuple[int, ...]]


def term_pattern(term: str) -> tuple[str, bool]:
    """A regex for a phrase term (whole words, flexible whitespace and hyphens), and whether
    it must start at a word start (then the caller factors the look-behind out)."""
    if term.startswith("re:"):
        return term[3:].strip(), False
    words = re.split(r"[\s]+", term.strip())
    body = r"[\s\-]+".join(re.escape(w) for w in words)
    tail = r"(?![\w\-])" if re.search(r"\w$", term.strip()) else ""
    return body + tail, bool(re.match(r"\w", term.strip()))


_LEADING_ASSERTIONS = re.compile(r"^(?:\\b|\(\?<[=!](?:[^()]|\([^()]*\))*\))*")
_META = set(".^$*+?{}[]()|\\")


def literal_keys(term: str) -> frozenset[str] | None:
    """Lowercase strings one of which every match of ``term`` starts with, or None if unknown.

    :class:`TermSet` finds these with ``str.find`` and tries the term only there, anchored:
    far faster than a case-insensitive regex search over the whole posting."""
    if term.startswith(LEMMA_PREFIX):
        return None
    if not term.startswith("re:"):
        first = re.split(r"[\s\-]+", term.strip())[0].lower()
        return frozenset([first]) if first else None
    body = _LEADING_ASSERTIONS.sub("", term[3:].strip(), count=1)
    alternatives = _split_top(body)
    if len(alternatives) == 1 and body.startswith("(?:"):
        close = _group_end(body)
        if close is None or body[close + 1:close + 2] in ("?", "*", "{"):
            return None
        alternatives = _split_top(body[3:close])
    keys = [_leading_literal(_LEADING_ASSERTIONS.sub("", a, count=1)) for a in alternatives]
    return None if any(k is None for k in keys) else frozenset(k for k in keys if k)


def _tree_keys(source: str, flags: int) -> frozenset[str] | None:
    keys = leading_literals(source, flags)
    return frozenset(key for key, _, _ in keys) if keys else None


def _leading_literal(regex: str) -> str | None:
    """The literal characters a regex starts with (lowercased), or None if it starts with
    none (a class, an escape such as \\s, a group)."""
    out: list[str] = []
    i = 0
    while i < len(regex):
        ch = regex[i]
        if ch == "\\":
            nxt = regex[i + 1:i + 2]
            if not nxt or nxt.isalnum():
                break
            out.append(nxt)
            i += 2
            continue
        if ch in _META:
            break
        out.append(ch)
        i += 1
    if out and i < len(regex) and regex[i] in "?*{":
        out.pop()  # the quantifier applies to the last character
    return "".join(out).lower() or None


def _structure(regex: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) of each ``(``, ``)`` and ``|`` of ``regex``
    that is syntax: not escaped and not inside a character class."""
    depth, escaped, in_class = 0, False, False
    for i, ch in enumerate(regex):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[ch]
            yield i, ch, depth


def _split_top(regex: str) -> list[str]:
    """``regex`` split at its top-level ``|``."""
    cuts = [i for i, ch, depth in _structure(regex) if ch == "|" and depth == 0]
    return [regex[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(regex)], strict=True)]


def _group_end(regex: str) -> int | None:
    """The index of the ``)`` that closes the group ``regex`` starts with."""
    return next((i for i, ch, depth in _structure(regex) if ch == ")" and depth == 0), None)


@dataclass(frozen=True)
class LemmaHit:
    """A ``lemma:`` term's match, with the part of :class:`re.Match` the rules use."""

    string: str
    begin: int
    stop: int

    def span(self) -> tuple[int, int]:
        return self.begin, self.stop

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop

    def group(self) -> str:
        return self.string[self.begin:self.stop]


Hit = regex.Match[str] | re.Match[str] | LemmaHit

#: Seconds one term list may spend on one posting. Term regexes run on the ``regex`` module,
#: whose matcher takes a timeout: a user's ``re:(a|aa)+$`` would otherwise take exponential
#: time (the stdlib ``re`` cannot be stopped; google-re2 is linear but has no look-behind).
#: jdlint's own lists (``TermSet.trusted``) are checked against it per term instead, and their
#: terms matched one by one run on ``re`` where it reads them alike (:func:`compile_trusted_term`).
PATTERN_SECONDS = 1.0


class PatternTimeout(RuntimeError):
    """A term's regular expression ran out of time on one posting (the rule skips it)."""


def compile_term_regex(source: str, flags: int = 0) -> regex.Pattern[str]:
    return regex.compile(source, flags | regex.VERSION0)


def compile_trusted_term(source: str, flags: int = 0) -> re.Pattern[str] | regex.Pattern[str]:
    """A term of jdlint's own lists, compiled with the stdlib ``re`` when it reads the term as
    the ``regex`` module does (a match costs a third: no timeout to arm): not a term that ``re``
    rejects (a look-behind of varying width) or warns about (``[[``), nor other flags than
    case. The two differ only at characters postings hardly hold: a combining mark or a
    superscript is a word character to ``regex`` (not to ``re``, nor to the word index), and
    ASCII's separators 0x1C-0x1F are white space to ``re`` (tested on every own term)."""
    if flags & ~re.IGNORECASE == 0:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                return re.compile(source, flags)
            except (re.error, FutureWarning, DeprecationWarning, SyntaxWarning):
                pass
    return compile_term_regex(source, flags)


@dataclass(frozen=True)
class TermSet:
    """Terms (with their alternatives), compiled per language.

    A term whose matches start with known literal text (:func:`literal_keys`: "rockstar",
    or "must"/"should" for ``re:\\b(?:must|should)\\s+be...``) is tried only where that
    text occurs, found with ``str.find`` in the lowercased posting and matched there,
    anchored: a case-insensitive search over the whole text costs about a millisecond per
    term, the lookups microseconds. Terms without such a prefix are compiled into at most
    two regexes (plain phrases and ``re:`` terms apart) and searched. ``lemma:`` terms go to
    spaCy (:mod:`jdlint.nlp`). Matches do not overlap: at one position the longest wins.
    """

    patterns: tuple[regex.Pattern[str], ...]  # the terms without keys, searched
    alternatives: tuple[tuple[str, ...], ...]  # by term index
    terms: tuple[str, ...]
    word_start: tuple[bool, ...] = ()  # by term index: must the match start a word?
    sources: tuple[str, ...] = ()  # by term index: the regex compiled for it ("" for lemma:)
    keys: tuple[frozenset[str] | None, ...] = ()
    flags: int = 0
    boundary: tuple[bool, ...] = ()  # by term index: does its regex start with \b?
    single: dict[int, regex.Pattern[str] | re.Pattern[str]] = field(
        default_factory=dict, compare=False, repr=False)  # keyed terms, compiled on first use
    lemma_phrases: tuple[tuple[str, int], ...] = ()  # ``lemma:`` terms, without the prefix
    lemma_matchers: dict[str, LemmaMatcher] = field(
        default_factory=dict, compare=False, repr=False)
    # by term index: the words and texts a posting must hold for it to match, and each key
    # with the word it begins with (None: found with ``str.find``) and whether the key is that
    # word whole
    needles: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = field(
        default_factory=dict, compare=False, repr=False)
    plans: tuple[tuple[tuple[str, str | None, bool], ...], ...] = ()
    # jdlint's own (tested) term lists: matched without a per-call timeout, which costs more
    # than most matches, and on ``re`` where it can (compile_trusted_term); the term list's
    # time is still checked per term
    trusted: bool = False
    whole_words: dict[int, frozenset[str]] = field(default_factory=dict, compare=False,
                                                   repr=False)
    # by term index: the plan of a term with keys found by ``str.find``, from its parse tree
    # (:meth:`_tree_plan`)
    tree_plans: dict[int, tuple[tuple[str, str | None, bool], ...]] = field(
        default_factory=dict, compare=False, repr=False)
    # the keyed terms' lookups, worked out on first use (:meth:`_steps`; a list of one)
    steps: list[list[tuple[int, tuple[tuple[int, str, str], ...]]]] = field(
        default_factory=list, compare=False, repr=False)
    # the same by lookup (:meth:`_lookups`; a list of one)
    lookups: list[_Lookups] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def compile(cls, entries: Sequence[tuple[str, Sequence[str]]], ignorecase: bool,
                lang: str = ALL_LANGUAGES, trusted: bool = False) -> TermSet:
        """``lang`` is the language the list is for; a ``*`` list with ``lemma:`` terms
        takes each posting's language. ``trusted``: jdlint's own list (see the field)."""
        flags = re.IGNORECASE if ignorecase else 0
        sources: list[str] = []
        starts: list[bool] = []
        lemma_phrases: list[tuple[str, int]] = []
        for i, (term, _) in enumerate(entries):
            if term.startswith(LEMMA_PREFIX):
                lemma_phrases.append((term[len(LEMMA_PREFIX):].strip(), i))
                sources.append("")
                starts.append(False)
                continue
            pattern, at_word_start = term_pattern(term)
            sources.append(f"(?P<t{i}>{pattern})")
            starts.append(at_word_start)
        terms = tuple(t for t, _ in entries)
        # the texts a term's matches begin with, read from the term, or else from its regex's
        # parse tree (an optional start, a case-sensitive group: "(?:a\s+bit\s+)?OCD")
        keys = tuple(k if (k := literal_keys(t)) is not None or not sources[i]
                     else _tree_keys(sources[i], flags) for i, t in enumerate(terms))
        searched = [i for i, t in enumerate(terms) if sources[i] and keys[i] is None]
        patterns = _group_patterns(terms, sources, searched, flags)
        matchers = {}
        if lemma_phrases and lang != ALL_LANGUAGES:
            matchers[lang] = LemmaMatcher(lang, tuple(lemma_phrases))
        boundary = tuple(t.startswith("re:") and t[3:].strip().startswith("\\b")
                         for t in terms)
        plans = tuple(_key_plan(k or frozenset(), starts[i], boundary[i])
                      for i, k in enumerate(keys))
        return cls(patterns, tuple(tuple(a) for _, a in entries), terms, tuple(starts),
                   tuple(sources), keys, flags, boundary=boundary,
                   lemma_phrases=tuple(lemma_phrases), lemma_matchers=matchers,
                   plans=plans, trusted=trusted)

    def lemma_matcher(self, lang: str) -> LemmaMatcher | None:
        if not self.lemma_phrases:
            return None
        if lang not in self.lemma_matchers:
            self.lemma_matchers[lang] = LemmaMatcher(lang, self.lemma_phrases)
        return self.lemma_matchers[lang]

    def finditer(self, text: str, lang: str = "en",
                 overlaps: bool = False) -> Iterator[tuple[Hit, int]]:
        """Matches in ``text`` (a posting in ``lang``), left to right, without overlaps
        unless ``overlaps`` (exception lists: every span an exception covers counts)."""
        found: list[tuple[Hit, int]] = []
        deadline = time.monotonic() + PATTERN_SECONDS
        found += self._anchored(text, words_of(text), deadline)
        for pattern in self.patterns:
            found += self._scan(pattern, text, deadline)
        matcher = self.lemma_matcher(lang)
        if matcher is not None:
            found += [(LemmaHit(text, s, e), i) for s, e, i in matcher.spans(text)]
        found.sort(key=lambda hit: (hit[0].start(), -hit[0].end(), hit[1]))
        if overlaps:
            yield from found
            return
        end = -1
        for hit in found:
            if hit[0].start() >= end:
                end = hit[0].end()
                yield hit

    def _timeout(self, index: int | None) -> PatternTimeout:
        what = (f"the term {self.terms[index]!r}" if index is not None
                else "one of its `re:` terms")
        return PatternTimeout(f"{what} took more than {PATTERN_SECONDS:g} s on this posting and "
                              "was stopped (look for nested repetition such as (a+)+ or "
                              "(a|aa)+ in the rule file)")

    def _anchored(self, text: str, lowered: Words,
                  deadline: float) -> Iterator[tuple[Hit, int]]:
        lower = lowered.lower
        tables = {False: lowered.table(), True: lowered.table(True)}
        plain, starts = tables[False], lowered.starts
        lookups = self._lookups()
        # each term with a key in the posting, and where its keys stand (a term's matches are
        # sorted by the caller: the order terms are tried in does not matter)
        positions: dict[int, set[int]] = {}

        def add(terms: tuple[int, ...], found: Iterable[int]) -> None:
            for i in terms:
                held = positions.get(i)
                if held is None:
                    positions[i] = set(found)
                else:
                    held.update(found)

        for key in lookups.words.keys() & plain.keys():  # one set operation for all the words
            add(lookups.words[key], plain[key])
        for (head, at_word), terms in lookups.beginnings.items():
            if found := starts(head, at_word):  # any word that begins with the key
                add(terms, found)
        for (key, head, at_word), terms in lookups.past_words.items():
            # that word is its first word whole
            if found := [p for p in tables[at_word].get(head, ()) if lower.startswith(key, p)]:
                add(terms, found)
        for (key, at_word), terms in lookups.texts.items():  # found with str.find
            found = []
            pos = lower.find(key)
            while pos >= 0:
                if not (at_word and pos > 0 and _WORD_CHAR.match(text, pos - 1)):
                    found.append(pos)
                pos = lower.find(key, pos + 1)
            if found:
                add(terms, found)
        for i, held in positions.items():
            if len(held) > 1 and self._cannot_match(i, lowered):
                continue  # cheaper than trying each place
            pattern = self.single.get(i) or self.single.setdefault(i, (
                compile_trusted_term if self.trusted else compile_term_regex)(
                self.sources[i], self.flags))
            if self.trusted:  # jdlint's own terms: the time is checked per term, not per match
                if time.monotonic() > deadline:
                    raise self._timeout(i)
                for pos in sorted(held):
                    m = pattern.match(text, pos)
                    if m is not None and m.end() > pos:
                        yield m, i
                continue
            timeout = _left(deadline)
            checked = cast("regex.Pattern[str]", pattern)  # a user's term: always the regex module
            for pos in sorted(held):
                try:
                    m = checked.match(text, pos, timeout=timeout)
                except TimeoutError:
                    raise self._timeout(i) from None
                if m is not None and m.end() > pos:
                    yield m, i

    def _lookups(self) -> _Lookups:
        """The keyed terms by lookup (:meth:`_steps`): each word, prefix, word with more after
        it, and text with the terms that have it as a key, so that a posting is asked once per
        distinct lookup and the words once for all terms."""
        found = self.lookups
        if found:
            return found[0]
        grouped: tuple[dict[Any, list[int]], ...] = ({}, {}, {}, {})
        for i, steps in self._steps():
            at_word = self.word_start[i]
            for how, key, head in steps:
                lookup: Any = (key if how == _WORD_ITSELF else (head, at_word)
                               if how == _WORDS_BEGINNING else (key, head, at_word)
                               if how == _PAST_ITS_WORD else (key, at_word))
                terms = grouped[how].setdefault(lookup, [])
                if i not in terms:
                    terms.append(i)
        words, beginnings, past_words, texts = ({k: tuple(v) for k, v in g.items()}
                                                for g in grouped)
        out = _Lookups(words, beginnings, past_words, texts)
        self.lookups.append(out)
        return out

    def _steps(self) -> list[tuple[int, tuple[tuple[int, str, str], ...]]]:
        """Each keyed term (its index) with how each of its keys is looked up (``_WORD_ITSELF``,
        ``_WORDS_BEGINNING``, ``_PAST_ITS_WORD``, ``_FOUND``) and the word it begins with:
        read from the plans once, not per posting."""
        found = self.steps
        if found:
            return found[0]
        out = []
        for i, plan in enumerate(self.plans):
            if not plan or not self.sources[i]:
                continue
            at_word = self.word_start[i]
            if not at_word and any(head is None for _, head, _ in plan):
                plan = self._tree_plan(i)
            steps = []
            for key, head, whole in plan:
                if head is None:
                    steps.append((_FOUND, key, ""))
                elif whole and not at_word and key in self._whole_words(i):
                    steps.append((_WORD_ITSELF, key, head))
                elif whole:
                    steps.append((_WORDS_BEGINNING, key, head))
                else:
                    steps.append((_PAST_ITS_WORD, key, head))
            out.append((i, tuple(steps)))
        self.steps.append(out)
        return out

    def _tree_plan(self, index: int) -> tuple[tuple[str, str | None, bool], ...]:
        """The plan of a ``re:`` term some of whose keys are found with ``str.find`` (no
        leading ``\\b``), from its parse tree, read the first time it is needed: a key that
        the regex says starts a word (``\\b(?:s\\s*/\\s*he|...)`` inside an alternation)
        is looked up in the word index like a ``\\b`` term's, not found at every "s"."""
        found = self.tree_plans.get(index)
        if found is None:
            keys = leading_literals(self.sources[index], self.flags)
            if keys is None:
                found = self.plans[index]
            else:
                plan = {(key, head, head == key) for key, head, _ in key_lookups(keys)}
                found = tuple(sorted(plan, key=lambda step: (step[0], step[1] or "", step[2])))
            self.tree_plans[index] = found
        return found

    def _whole_words(self, index: int) -> frozenset[str]:
        """The keys of a ``\\b`` term that its regex says end a word ("the" in
        ``\\bthe\\s+Trust``, not in ``\\bthe\\w*``), read from its parse tree once."""
        found = self.whole_words.get(index)
        if found is None:
            keys = leading_literals(self.sources[index], self.flags) or ()
            found = self.whole_words[index] = frozenset(
                key for key, _, ends in keys if ends) - {key for key, _, ends in keys if not ends}
        return found

    def _cannot_match(self, index: int, words: Words) -> bool:
        """Whether the posting lacks a word or a text every match of the term holds
        (:func:`required_words`, :func:`required_literals`: read from its regex the first time
        they are needed; most terms never need them, their first word being absent)."""
        found = self.needles.get(index)
        if found is None:
            source = self.sources[index]
            found = self.needles[index] = (required_words(source, self.flags),
                                           required_literals(source, self.flags))
        table, lower = words.table(), words.lower
        return any(w not in table for w in found[0]) or any(n not in lower for n in found[1])

    def _scan(self, pattern: regex.Pattern[str], text: str,
              deadline: float) -> Iterator[tuple[regex.Match[str], int]]:
        pos = 0
        while True:
            try:
                m = pattern.search(text, pos, timeout=_left(deadline))
            except TimeoutError:
                names = list(pattern.groupindex)
                raise self._timeout(int(names[0][1:]) if len(names) == 1 else None) from None
            if m is None:
                return
            start, end = m.span()
            index = int((m.lastgroup or "t0")[1:])
            if self.word_start[index] and start > 0 and _WORD_CHAR.match(text, start - 1):
                pos = start + 1  # inside a word ("xrockstar"): look again from the next char
                continue
            if end > start:
                yield m, index
            pos = max(end, start + 1)


def _key_plan(keys: frozenset[str], at_word: bool,
              at_boundary: bool) -> tuple[tuple[str, str | None, bool], ...]:
    """Each key, the word it begins with when the term must start a word (looked up in the
    posting's word index) else None (found with ``str.find``), and whether it is that word
    whole; sorted, so that a term is tried the same way in every run."""
    plan = []
    for key in sorted(keys):
        head = ((HYPHENATED_WORD if at_word else PLAIN_WORD).match(key)
                if at_word or at_boundary else None)
        plan.append((key, head.group() if head else None, bool(head and head.end() == len(key))))
    return tuple(plan)


def _left(deadline: float) -> float:
    """Seconds left before ``deadline`` (a little at least: a match never gets 0)."""
    return max(deadline - time.monotonic(), 0.001)


def _group_patterns(terms: Sequence[str], sources: Sequence[str], indices: Iterable[int],
                    flags: int) -> tuple[regex.Pattern[str], ...]:
    indices = [i for i in indices if sources[i]]  # lemma: terms have no regex
    plain = [sources[i] for i in indices if not terms[i].startswith("re:")]
    free = [sources[i] for i in indices if terms[i].startswith("re:")]
    return tuple(compile_term_regex("|".join(group), flags) for group in (plain, free) if group)


def by_language(value: Mapping[str, Any], doc: Document) -> Any:
    return value.get(doc.language, value.get(ALL_LANGUAGES))


@dataclass(repr=False)
class DataRule(Rule):
    """What every YAML-defined rule shares: where it applies and how it words its message."""

    # (its own `languages` decide where it applies, and its terms are listed per language)
    reads_languages = None
    meta: RuleMeta
    message: str
    languages: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    skip_sections: tuple[str, ...] = ()
    ignorecase: bool = True
    effective: date | None = None  # a law's start: the rule is silent before this lint date
    min_employees: int | None = None  # a law's threshold, compared with `employer-size`

    def applies(self, doc: Document) -> bool:
        if self.languages and doc.language not in self.languages:
            return False
        if self.effective is not None and doc.today < self.effective:
            return False
        if (self.min_employees is not None and doc.employer_size is not None
                and doc.employer_size < self.min_employees):
            return False
        return not self.jurisdictions or any(
            jurisdiction_matches(place, j) for place in doc.places for j in self.jurisdictions
        )

    def skipped(self, doc: Document, start: int, end: int) -> bool:
        if doc.is_protected(start, end):
            return True
        # a zone is a section's kind or a boilerplate kind ("equal-opportunity"...)
        return bool(self.skip_sections) and doc.zone_at(start) in self.skip_sections


@dataclass(repr=False)
class TermRule(DataRule):
    """``existence`` and ``substitution``: find terms, drop those inside exceptions."""

    terms: Mapping[str, TermSet] | None = None
    exceptions: Mapping[str, TermSet] | None = None
    fix: bool = False
    skip_subjects: tuple[str, ...] = ()  # sentences about these are not flagged ("served")
    skip_names: str = "none"  # "organisations" or "any": a term inside a name is not flagged
    unless_posting: Mapping[str, TermSet] | None = None  # any match silences the whole rule
    messages: Mapping[str, str] = field(default_factory=dict)  # a term's own message

    def skipped(self, doc: Document, start: int, end: int) -> bool:
        if super().skipped(doc, start, end):
            return True
        if self.skip_names != "none" and doc.in_name(
                start, end, organisations_only=self.skip_names == "organisations"):
            return True
        return bool(self.skip_subjects) and doc.subject_at(start) in self.skip_subjects

    def exempt(self, doc: Document) -> bool:
        """Whether the posting states what makes the rule moot (a security clearance for a
        citizenship, a genuine occupational requirement for a gender): ``unless-posting``."""
        exempting: TermSet | None = by_language(self.unless_posting or {}, doc)
        return exempting is not None and next(
            exempting.finditer(doc.flowing, doc.language), None) is not None

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        if not self.applies(doc) or self.terms is None:
            return
        terms: TermSet | None = by_language(self.terms, doc)
        if terms is None:
            return
        excepted: list[tuple[int, int]] | None = None  # found once a term is found
        exempt: bool | None = None
        for m, index in terms.finditer(doc.flowing, doc.language):
            start, end = m.span()
            if self.skipped(doc, start, end):
                continue
            if excepted is None:
                excepted = self._exception_spans(doc)
            if any(s <= start and end <= e for s, e in excepted):
                continue
            if exempt is None:  # looked for once, when there is something to exempt
                exempt = self.exempt(doc)
            if exempt:
                return
            alternatives = terms.alternatives[index]
            template = self.messages.get(terms.terms[index], self.message)
            message = template.format(
                match=m.group(), term=_phrase(terms.terms[index]),
                alternatives=_join_or(alternatives), first=alternatives[0] if alternatives else "",
                country=_country(doc),
            )
            fix = None
            # a form found by lemma ("tillidsmanden") would need the alternative inflected
            inflected = isinstance(m, LemmaHit) and m.group().lower() != _phrase(
                terms.terms[index]).lower()
            if self.fix and len(alternatives) == 1 and not inflected:
                fix = Fix(start, end, match_case(m.group(), alternatives[0]))
            yield Violation(start, end, message, fix)

    def _exception_spans(self, doc: Document) -> list[tuple[int, int]]:
        if not self.exceptions:
            return []
        exceptions: TermSet | None = by_language(self.exceptions, doc)
        return ([m.span() for m, _ in exceptions.finditer(doc.flowing, doc.language,
                                                           overlaps=True)]
                if exceptions else [])


_CUE_WINDOW = 100


@dataclass(repr=False)
class RequestRule(TermRule):
    """``request``: a term counts only in a sentence that asks for something (``cues``) and
    not in one that ``unless`` cancels (equal-opportunity statements, voluntary surveys)."""

    cues: Mapping[str, TermSet] | None = None
    unless: Mapping[str, TermSet] | None = None

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        cues: TermSet | None = by_language(self.cues or {}, doc)
        unless: TermSet | None = by_language(self.unless or {}, doc)
        seen: set[tuple[int, str]] = set()
        for v in super().check(doc, options):
            i = doc.sentence_index(v.start)
            if i < 0:
                continue
            s = doc.sentences[i]
            if unless is not None and next(unless.finditer(s.text, doc.language), None) is not None:
                continue
            # the cue must be near: sentences run long in scraped text
            near = doc.flowing[max(s.start, v.start - _CUE_WINDOW):min(s.end, v.end + _CUE_WINDOW)]
            if cues is not None and next(cues.finditer(near, doc.language), None) is None:
                continue
            key = (i, doc.text[v.start:v.end].lower())
            if key not in seen:
                seen.add(key)
                yield v


@dataclass(repr=False)
class RequiredRule(DataRule):
    """``required``: one finding when no pattern matches and no listed section exists."""

    patterns: Mapping[str, TermSet] | None = None
    sections: tuple[str, ...] = ()
    anchor_sections: tuple[str, ...] = ()

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        if not self.applies(doc):
            return
        if any(doc.sections_of(kind) for kind in self.sections):
            return
        patterns: TermSet | None = by_language(self.patterns or {}, doc)
        if patterns is not None and next(patterns.finditer(doc.flowing, doc.language),
                                          None) is not None:
            return
        start, end = doc.anchor(*self.anchor_sections)
        yield Violation(start, end, self.message.format(country=_country(doc)), located=False)


def _country(doc: Document) -> str:
    """``{country}`` of a message: the name of the country of the job's place."""
    return country_name(doc.jurisdiction) or "the country where the job is"


def _phrase(term: str) -> str:
    return term[len(LEMMA_PREFIX):].strip() if term.startswith(LEMMA_PREFIX) else term


def _join_or(words: Sequence[str]) -> str:
    quoted = [f'"{w}"' for w in words]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def match_case(original: str, replacement: str) -> str:
    """Give ``replacement`` the capitalisation of ``original`` (Rockstar -> Expert)."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


KINDS: dict[str, type[DataRule]] = {
    "existence": TermRule,
    "substitution": TermRule,
    "request": RequestRule,
    "required": RequiredRule,
}
