"""spaCy for the terms that match by lemma (``lemma:`` in a rule file).

Loaded lazily and once per process: ``import spacy`` costs about 0.8 s and a language's lemma
table 0.3-1.4 s, so nothing here is imported until a selected rule has a ``lemma:`` term for
the language of the posting being checked. The pipelines are blank (``spacy.blank``: the
tokenizer, no trained model, nothing downloaded); lemmas come from the lookup tables of
spacy-lookups-data, and a :class:`spacy.matcher.PhraseMatcher` on the ``LEMMA`` attribute
finds the phrases. So "lemma:formand" finds "formanden" and "formænd", and "lemma:junges Team"
finds "jungen Teams", without the rule listing each form.

Only the table entries whose lemma some registered phrase uses are kept (the Danish table
has 550,000 forms; a Python dict of all of them would take over 100 MB per process). Lemmas
are lowercased and a form the table lacks is its own lemma, so matching ignores case.

The built-in rules' phrases need none of that at run time: ``jdlint/data/lemmas/<lang>.json``
(built by ``scripts/build_lemma_forms.py`` from the same tables) holds their lemmas and every
form of them, and they are matched over a plain word tokenisation without importing spaCy
(a Danish posting then starts in a fraction of a second, in a third of the memory). spaCy is
loaded only for a ``lemma:`` phrase that file does not cover (a user's own rule).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

LEMMA_PREFIX = "lemma:"

_registered: dict[str, set[str]] = defaultdict(set)  # language -> phrases seen so far
_pipelines: dict[str, Pipeline] = {}
_last: list[tuple[str, Pipeline, Any]] = []  # the last text parsed (rules scan the same text)


class NLPUnavailable(RuntimeError):
    """spaCy or its lookup data cannot be loaded."""


_CHUNK = re.compile(r"(\W*)(\S*?)(\W*)(?=\s|$)", re.S)


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """Words and punctuation marks, with their offsets, split as spaCy splits them for the
    phrases the shipped forms cover: at white space, with the punctuation before and after a
    word apart and what is inside kept whole ("dansk-statsborger", "talsmand@firma.dk" and
    "e-mail" are one token each, so "dansk-statsborger" is not "dansk statsborger")."""
    for chunk in re.finditer(r"\S+", text):
        m = _CHUNK.match(chunk.group())
        assert m is not None  # the pattern matches any chunk
        base = chunk.start()
        for i in range(m.start(1), m.end(1)):
            yield chunk.group()[i], base + i, base + i + 1
        if m.group(2):
            yield m.group(2), base + m.start(2), base + m.end(2)
        for i in range(m.start(3), m.end(3)):
            yield chunk.group()[i], base + i, base + i + 1


@dataclass(frozen=True)
class ShippedForms:
    """``jdlint/data/lemmas/<lang>.json``: the built-in phrases' lemmas and their forms."""

    phrases: dict[str, tuple[str, ...]]  # phrase -> its lemmas
    forms: dict[str, str]  # form -> lowercase lemma

    def lemma(self, form: str) -> str:
        return self.forms.get(form) or self.forms.get(form.lower()) or form.lower()


@cache
def shipped_forms(lang: str) -> ShippedForms | None:
    from importlib import resources

    try:
        text = resources.files("jdlint").joinpath(f"data/lemmas/{lang}.json").read_text("utf-8")
    except (FileNotFoundError, OSError, ValueError):
        return None
    data = json.loads(text)
    return ShippedForms({p: tuple(seq) for p, seq in data["phrases"].items()}, data["forms"])


def full_table(lang: str) -> dict[str, str]:
    """spaCy's whole lookup table for ``lang`` (form -> lemma); empty if it has none."""
    try:
        from spacy.util import load_language_data, registry
    except ImportError as exc:
        raise NLPUnavailable(f"spaCy cannot be imported ({exc}); reinstall jdlint") from None
    if lang in registry.lookups:
        data = registry.lookups.get(lang)
        if "lemma_lookup" in data:
            return load_language_data(data["lemma_lookup"])  # type: ignore[return-value]
    return {}


def register(lang: str, phrases: Iterable[str]) -> None:
    """Announce phrases that will be matched in ``lang`` (cheap: nothing is imported)."""
    _registered[lang].update(phrases)


@dataclass
class Pipeline:
    lang: str
    nlp: Any  # spacy.language.Language
    forms: dict[str, str]  # surface form -> lowercase lemma, for the lemmas phrases use
    phrases: frozenset[str]

    def lemma(self, form: str) -> str:
        return self.forms.get(form) or self.forms.get(form.lower()) or form.lower()

    def parse(self, text: str) -> Any:
        """A spaCy Doc of ``text`` with lookup lemmas (the last one is reused)."""
        if _last and _last[0][0] is text and _last[0][1] is self:
            return _last[0][2]
        doc = self.nlp(text)
        _last[:] = [(text, self, doc)]
        return doc


def pipeline(lang: str) -> Pipeline:
    """The process's pipeline for ``lang``, built on first use (and again only when phrases
    with new lemmas were registered since)."""
    current = _pipelines.get(lang)
    wanted = frozenset(_registered[lang])
    if current is not None and wanted <= current.phrases:
        return current
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:  # a broken install: say so instead of a traceback
        raise NLPUnavailable(f"spaCy cannot be imported ({exc}); reinstall jdlint") from None
    if not Language.has_factory("jdlint_lookup_lemmas"):
        Language.factory("jdlint_lookup_lemmas", func=_LookupLemmas.factory)
    try:
        nlp = spacy.blank(lang)
    except (ImportError, KeyError, ValueError):
        nlp = spacy.blank("xx")  # a language spaCy has no rules for: split on its generic rules
    table = full_table(lang)
    pipe = Pipeline(lang, nlp, {}, wanted)

    def full_lemma(form: str) -> str:
        return (table.get(form) or table.get(form.lower()) or form).lower()

    lemmas = {full_lemma(t.text) for phrase in wanted for t in nlp.make_doc(phrase)}
    pipe.forms = {form: lemma.lower() for form, lemma in table.items()
                  if lemma.lower() in lemmas}
    pipe.forms.update((lemma, lemma) for lemma in lemmas)
    component: Any = nlp.add_pipe("jdlint_lookup_lemmas")
    component.pipeline = pipe
    _pipelines[lang] = pipe
    return pipe


@dataclass
class _LookupLemmas:
    """The pipeline component that sets ``token.lemma_`` from the filtered lookup table."""

    pipeline: Pipeline | None = None

    @classmethod
    def factory(cls, nlp: Any, name: str) -> _LookupLemmas:
        return cls()

    def __call__(self, doc: Any) -> Any:
        if self.pipeline is not None:
            lemma = self.pipeline.lemma
            for token in doc:
                token.lemma_ = lemma(token.text)
        return doc


@dataclass
class LemmaMatcher:
    """Phrases matched by lemma in one language: (phrase, term index) pairs."""

    lang: str
    phrases: tuple[tuple[str, int], ...]
    _built: tuple[Pipeline, Any] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        register(self.lang, (p for p, _ in self.phrases))

    def _matcher(self) -> tuple[Pipeline, Any]:
        pipe = pipeline(self.lang)
        if self._built is None or self._built[0] is not pipe:
            from spacy.matcher import PhraseMatcher

            matcher = PhraseMatcher(pipe.nlp.vocab, attr="LEMMA")
            for phrase, index in self.phrases:
                matcher.add(str(index), [pipe.nlp(phrase)])
            self._built = (pipe, matcher)
        return self._built

    def spans(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, term index) of each match, by character offset, longest first at a
        position."""
        shipped = shipped_forms(self.lang)
        if shipped is not None and all(p in shipped.phrases for p, _ in self.phrases):
            return self._shipped_spans(text, shipped)
        pipe, matcher = self._matcher()
        doc = pipe.parse(text)
        strings = pipe.nlp.vocab.strings
        found = []
        for match_id, start, end in matcher(doc):
            span = doc[start:end]
            found.append((span.start_char, span.end_char, int(strings[match_id])))
        found.sort(key=lambda s: (s[0], -s[1]))
        return found

    def _shipped_spans(self, text: str, shipped: ShippedForms) -> list[tuple[int, int, int]]:
        by_first: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
        for phrase, index in self.phrases:
            wanted = shipped.phrases[phrase]
            if wanted:
                by_first[wanted[0]].append((wanted, index))
        toks = list(tokens(text))
        lemmas = [shipped.lemma(t) for t, _, _ in toks]
        found = []
        for i, first in enumerate(lemmas):
            for seq, index in by_first.get(first, ()):
                if tuple(lemmas[i:i + len(seq)]) == seq:
                    found.append((toks[i][1], toks[i + len(seq) - 1][2], index))
        found.sort(key=lambda s: (s[0], -s[1]))
        return found
