"""Place detection against the dev corpus manifest, per source (issue 12).

    python benchmarks/place_accuracy.py [--corpus ../shared/corpus] [--show-wrong] [--raw]

The truth per posting: the manifest's `country` and `region` (US state, Canadian province);
NHS postings are in the UK (GB) and Arbeitnow and Glassdoor give a `location` string
("Munich", "Linthicum, MD") from which the country (and US state) is taken by the same place
syntax jdlint uses. Reported per source: detected, right at country level, right at
state/province level (where the truth has one; for a job offered in several, when the
truth is one of them), wrong, the same two shares among postings whose
text names or implies the true place (the issue's targets: a posting that never says where
the job is cannot be placed; the language, "(m/w/d)", GmbH and e.V., which Germany shares with
Austria and Switzerland, imply no country), the state/province share again among postings
that write the state or province itself (its name, its code after a town, its public body, a
postcode: "region ok**"; "region ok*" counts a posting that names only one of its towns, which
jdlint never takes for the state alone), a row for the sources whose truth has a state or
province (US and Canadian postings), and the mean time per posting (each posting's first
inference, best of three passes).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import defaultdict
from pathlib import Path

from jdlint.document import Document
from jdlint.document.place import (
    _GERMAN_SPEAKING,
    _named_phrases,
    _signals,
    _town_phrases,
    country_of,
    infer_place,
    names,
)
from jdlint.document.words import Words, words_of

ROOT = Path(__file__).resolve().parent.parent
DK_REGIONS = {"hovedstaden", "sjælland", "syddanmark", "midtjylland", "nordjylland", "bornholm"}


def truth(entry: dict) -> tuple[str | None, str | None]:
    """(country, region code or None) of a manifest entry."""
    country, region = entry.get("country"), entry.get("region")
    source = entry["source"]
    if source == "nhs":
        return "GB", None
    if country is None and entry.get("location"):
        # a board's "City, ST" is the US state whatever the town (Brisbane, CA is no Australian
        # city); anything else is read by jdlint's own place syntax
        state = re.fullmatch(r".+, ([A-Z]{2})", entry["location"].strip())
        if state and f"US-{state.group(1)}" in names().abbreviations.get(state.group(1), ()):
            return "US", f"US-{state.group(1)}"
        place = infer_place(entry["location"] + ", ", {"location": entry["location"]}, "en")
        if place.code is None:
            return None, None
        return country_of(place.code), place.code if "-" in place.code else None
    if country in ("US", "CA") and region and len(region) == 2:
        return country, f"{country}-{region}"
    return country, None


CORRECTIONS = ROOT / "benchmarks" / "dev-labels" / "place-corrections.tsv"


def corrections() -> dict[str, tuple[str, str | None]]:
    """The manifest's places that the posting's own text contradicts (read by hand; see
    dev-labels/README.md): file -> (country, region or None)."""
    out = {}
    for line in CORRECTIONS.read_text("utf-8").splitlines()[1:]:
        file, country, region, _why = line.split("\t")
        out[file] = (country, region or None)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--show-wrong", action="store_true")
    parser.add_argument("--raw", action="store_true",
                        help="score against the manifest as it is, without place-corrections.tsv")
    args = parser.parse_args()
    fixed = {} if args.raw else corrections()
    manifest = args.corpus / "dev-manifest.jsonl"
    if not manifest.exists():
        print(f"{manifest} not found; skipped")
        return 0
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    index_spent = 0.0
    wrong: list[str] = []
    indexed: list[tuple[str, str]] = []
    for line in manifest.read_text("utf-8").splitlines():
        entry = json.loads(line)
        path = args.corpus / "dev" / entry["file"]
        source = "ca" if entry["source"].startswith("ca_") else entry["source"]
        source_text = path.read_text("utf-8", errors="replace")
        doc = Document.from_source(path.name, source_text)
        doc.zones  # noqa: B018 (structure is built for every rule anyway; time the place alone)
        start = time.perf_counter()
        index = Words(doc.text)  # what the word index costs (built once, shared)
        index.table(hyphens=True), index.table(), index.sorted_words(), index.sorted_words(True)
        index_spent += time.perf_counter() - start
        indexed.append((path.name, source_text))
        place = doc.place
        country, region = fixed.get(entry["file"]) or truth(entry)
        r = rows[source]
        r["postings"] += 1
        r["known"] += country is not None
        r["regional"] += region is not None
        # does the text name or imply the true place at all? (any signal for it but the
        # language and the signals several countries share: German, "(m/w/d)" and a GmbH are
        # also Austria's and Switzerland's, and a posting that says nothing else does not
        # imply its country)
        found = [e for e in _signals(doc.text, doc.meta, doc.language)
                 if e.signal != "language" and e.options != _GERMAN_SPEAKING]
        signals = {e.code for e in found}
        named_country = country is not None and any(country_of(c) == country for c in signals)
        named_region = region is not None and region in signals
        # the state or province itself written (its name, its code after a town, its public
        # body, a postcode), not only one of its towns
        state_named = named_region and any(e.code == region and e.signal != "town"
                                           for e in found)
        r["known-named"] += named_country
        r["regional-named"] += named_region
        r["state-named"] += state_named
        if place.code is None:
            continue
        r["detected"] += 1
        if country is None:
            continue
        r["several"] += bool(place.places)
        if country_of(place.code) == country:
            r["country-right"] += 1
            r["country-right-named"] += named_country
            # a job offered in several states is right when the board's is among them
            if region is not None and (place.code == region or region in place.places):
                r["region-right"] += 1
                r["region-right-named"] += named_region
                r["region-right-state"] += state_named
            elif region is not None and ("-" in place.code or place.places):
                r["region-wrong"] += 1
                wrong.append(f"{entry['file']}: {place.code} (truth {region})")
        else:
            r["wrong"] += 1
            wrong.append(f"{entry['file']}: {place.code} (truth {country})")
    print(f"{'source':22}{'postings':>9}{'detected':>10}{'country ok':>12}{'region ok':>12}"
          f"{'wrong':>8}{'country ok*':>13}{'region ok*':>12}{'region ok**':>13}")
    total: dict[str, int] = defaultdict(int)
    north_america: dict[str, int] = defaultdict(int)  # the sources whose truth has a region
    for source, r in sorted(rows.items()):
        for k, v in r.items():
            total[k] += v
            if r["regional"]:
                north_america[k] += v
        _row(source, r)
    _row("US and CA", north_america)
    _row("all", total)
    print("* among postings whose text names or implies the true place (any signal for it but "
          "the posting's language and the signals Germany shares with Austria and Switzerland)")
    print("** among postings whose text names the true state or province itself (its name, its "
          "code after a town, its public body, a postcode), not only one of its towns")
    print(f"{total['several']} postings offered in several states or provinces (their "
          "country and each state's rules; right at region level when the board's is one)")
    if fixed:
        print(f"{len(fixed)} manifest places corrected from the postings' own text "
              f"({CORRECTIONS.name}; --raw: none)")
    n = max(1, total["postings"])
    spent = _inference_time(indexed)
    print(f"\n{spent / n * 1000:.3f} ms per posting (inference only), and "
          f"{index_spent / n * 1000:.3f} ms for the word index it shares with the term rules")
    if args.show_wrong:
        print("\n".join(wrong))
    return 0


def _inference_time(postings: list[tuple[str, str]]) -> float:
    """Seconds that inferring every posting's place takes, each posting once, as a run does
    (its structure and word index built first: the rules build and share them; the postings
    before it gone): the best of three passes, the caches of earlier postings' runs of
    capitalised words emptied before each (the machine's noise is larger than a change)."""
    best = float("inf")
    for _ in range(3):
        _named_phrases.cache_clear()
        _town_phrases.cache_clear()
        spent = 0.0
        for name, text in postings:
            doc = Document.from_source(name, text)
            doc.zones  # noqa: B018
            index = words_of(doc.text)
            index.table(hyphens=True), index.table(), index.sorted_words(), index.sorted_words(True)
            start = time.perf_counter()
            infer_place(doc.text, doc.meta, doc.language)
            spent += time.perf_counter() - start
        best = min(best, spent)
    return best


def _row(source: str, r: dict[str, int]) -> None:
    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:5.1f}%" if b else "    -"

    print(f"{source:22}{r['postings']:>9}{pct(r['detected'], r['postings']):>10}"
          f"{pct(r['country-right'], r['known']):>12}{pct(r['region-right'], r['regional']):>12}"
          f"{pct(r['wrong'] + r['region-wrong'], r['postings']):>8}"
          f"{pct(r['country-right-named'], r['known-named']):>13}"
          f"{pct(r['region-right-named'], r['regional-named']):>12}"
          f"{pct(r['region-right-state'], r['state-named']):>13}")


if __name__ == "__main__":
    raise SystemExit(main())
