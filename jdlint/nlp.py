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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

LEMMA_PREFIX = "lemma:"

_registered: dict[str, set[str]] = defaultdict(set)  # language -> phrases seen so far
_pipelines: dict[str, Pipeline] = {}
_last: list[tuple[str, Pipeline, Any]] = []  # the last text parsed (rules scan the same text)


class NLPUnavailable(RuntimeError):
    """spaCy or its lookup data cannot be loaded."""


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
        from spacy.util import load_language_data, registry
    except ImportError as exc:  # a broken install: say so instead of a traceback
        raise NLPUnavailable(f"spaCy cannot be imported ({exc}); reinstall jdlint") from None
    if not Language.has_factory("jdlint_lookup_lemmas"):
        Language.factory("jdlint_lookup_lemmas", func=_LookupLemmas.factory)
    try:
        nlp = spacy.blank(lang)
    except (ImportError, KeyError, ValueError):
        nlp = spacy.blank("xx")  # a language spaCy has no rules for: split on its generic rules
    table: dict[str, str] = {}
    if lang in registry.lookups:
        data = registry.lookups.get(lang)
        if "lemma_lookup" in data:
            table = load_language_data(data["lemma_lookup"])  # type: ignore[assignment]
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
        pipe, matcher = self._matcher()
        doc = pipe.parse(text)
        strings = pipe.nlp.vocab.strings
        found = []
        for match_id, start, end in matcher(doc):
            span = doc[start:end]
            found.append((span.start_char, span.end_char, int(strings[match_id])))
        found.sort(key=lambda s: (s[0], -s[1]))
        return found
