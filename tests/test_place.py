"""Where is the job: place strings that must resolve, prose that must not."""

from __future__ import annotations

import json
import re

import pytest

from jdlint.document import Document
from jdlint.document.place import infer_place
from jdlint.document.words import on_lines


@pytest.mark.parametrize(("text", "code"), [
    ("Data Analyst\nSan Jose, CA 95134\n", "US-CA"),
    ("Engineer\nSan Francisco, CA\nWe build tools.\n", "US-CA"),
    ("Analyst\nMountain View, CA\n", "US-CA"),
    ("Chemist\nWilmington, DE\n", "US-DE"),
    ("Entwickler\nMainz, DE\n", "DE"),
    ("Manager\nToronto, ON\n", "CA-ON"),
    ("Manager\nLondon, ON\n", "CA-ON"),
    # a German Land and the country's code, not a town in Delaware
    ("Entwickler (m/w/d)\nArbeitsort: Trier, Rheinland-Pfalz, DE\n", "DE"),
    # the town of "City, ST" is the one there, also where a cue names it first
    ("Registered Nurse\nLocation: London, ON\nJoin our hospital team.\n", "CA-ON"),
    ("Cashier\nLocation: Paris, TX\nJoin our store team.\n", "US-TX"),
    ("Engineer\nLocation: Melbourne, FL\nEEO employer.\n", "US-FL"),
    # with a ZIP code, also a town the gazetteer knows only abroad
    ("Data Scientist\nBrisbane, CA 94005\n", "US-CA"),
    # the District, not the state of Washington; the AP's abbreviations
    ("Policy Analyst\nLocation: Washington, DC\nJoin our team.\n", "US-DC"),
    ("Policy Analyst\nLocation: Washington, D.C.\nJoin our team.\n", "US-DC"),
    ("Reporter\nNew York, N.Y.\nJoin our newsroom.\n", "US-NY"),
    # the job is where the candidate commutes to
    ("Analyst\nLive within a commutable distance of Herndon, VA.\n", "US-VA"),
    ("Director\nMississauga, Ontario, CA\n", "CA-ON"),
    ("Planner\nOttawa, Ontario\n", "CA-ON"),
    ("Forester\nPort McNeill, BC V0N 2R0\n", "CA-BC"),
    ("Staff Nurse\nSurrey and Sussex Healthcare NHS Trust\nBand 5\n", "GB"),
    ("Nurse\nLeeds Teaching Hospitals, LS9 7TF\n", "GB"),
    ("Wir suchen dich in München für unser Team.\n", "DE"),
    ("Softwareentwickler (m/w/d)\n📍 Standort: Nürnberg\n", "DE"),
    ("Werkstudent aus Stuttgart gesucht, bewirb dich bei der Muster GmbH.\n", "DE"),
    ("Vi søger en medarbejder til vores kontor i 8000 Aarhus C.\n", "DK"),
    ("Our teams across sites in Denmark are growing.\n", "DK"),
    ("The City of Los Angeles is hiring a gardener.\n", "US-CA"),
    ("Ontario Public Service: policy advisor.\n", "CA-ON"),
    # the town ends its sentence: the next one's first word is not part of its name
    ("Nurse\nJoin our ward team in Leeds. We care for adults after surgery.\n", "GB"),
    ("Wir suchen dich in München. Wir bieten ein tolles Team.\n", "DE"),
    ("Clerk\nOur office in St. Louis. We are hiring.\n", "US"),
    # ... or runs into a small word: "and" is not "an" of "Frankfurt an der Oder", "on Monday"
    # not "on" of "Southend-on-Sea"
    ("Nurse\nJoin our ward team in Nottingham and the county.\n", "GB"),
    ("Nurse\nStart in Leeds on Monday with our ward team.\n", "GB"),
    ("Entwickler (m/w/d)\nWir suchen dich in Frankfurt am Main.\n", "DE"),
    ("Nurse\nJoin our ward team in Newcastle upon Tyne.\n", "GB"),
    # a town with a word for a part of it
    ("Nurse\nJoin our ward team in Central London.\n", "GB"),
    ("Clerk\nOur office in Leeds City Centre is hiring.\n", "GB"),
    ("Developer\nJoin our team in Downtown Toronto.\n", "CA"),
    ("Nurse\nWork in the heart of Manchester with our ward team.\n", "GB"),
    ("Developer\nOur office in downtown Seattle is growing.\n", "US"),
    # "the" before a town with a word for its area; a label on a line of its own
    ("Analyst\nWe have an opening in the Tallahassee area for an analyst.\n", "US"),
    ("Nurse\nJoin us in the Leeds office.\n", "GB"),
    ("Analyst\nWe hire.\n\nLocation\n\nBoston\n\nContract type\n\nPermanent\n", "US"),
    # a town with its state's or province's code in brackets
    ("Analyst\nPortland (OR)\nJoin our team.\n", "US-OR"),
    ("Analyst\nPortland (ME)\nJoin our team.\n", "US-ME"),
    ("Nurse\nLondon (ON)\nJoin our ward team.\n", "CA-ON"),
    ("Analyst\nPortland (OR) or Seattle (WA)\nJoin our team.\n", "US"),
    # a town on a line with how the job is done: a location line
    ("Analyst\nToronto (hybrid)\nJoin our team.\n", "CA"),
    ("Analyst\nHybrid | Manchester\nJoin our team.\n", "GB"),
    ("Analyst\nLeeds - on-site\nJoin our team.\n", "GB"),
    # the area around a town; labels in Danish and of public services
    ("Wir suchen Verstärkung im Raum Stuttgart.\n", "DE"),
    ("Entwickler (m/w/d)\nEinsatzort: Großraum München\n", "DE"),
    ("Vi søger en medarbejder\nLokation: Odense\n", "DK"),
    ("Analyst\nDuty station: Ottawa\nJoin our team.\n", "CA-ON"),
    # a location label's town names its state when no other town of note bears its name
    ("Analyst\nLocation: Denver\nJoin our team.\n", "US-CO"),
    ("Analyst\nJob location: Toronto\nJoin our team.\n", "CA-ON"),
    ("Analyst\nLocation: Portland\nJoin our team.\n", "US"),  # Oregon's or Maine's
    ("Analyst\nOur teams in Seattle and Austin are growing.\nJoin us.\n", "US"),
    ("Analyst\nPlace of work: Leeds\nJoin our team.\n", "GB"),
])
def test_place_strings_resolve(text: str, code: str) -> None:
    lang = "de" if "suchen" in text or "Werkstudent" in text or "(m/w/d)" in text else \
        "da" if "søger" in text else "en"
    place = infer_place(text, {}, lang)
    assert place.code == code, place.evidence
    assert 0 < place.confidence <= 1 and place.evidence


@pytest.mark.parametrize("text", [
    "We are looking for a career in IT support and helpdesk work.\n",
    "You will run Quality Control (QC) and write reports.\n",
    "Analyst\nQuality Control (QC)\nJoin our team.\n",
    "Analyst\nWork with our Data Science (DS) team.\n",
    # a town alone on a line may be a heading ("Mission", "Reading")
    "Analyst\n\nMission\n\nWe help farms use less water.\n",
    "A degree in Computer Science, MS or PhD preferred.\n",
    "Work with Operations, IT and Finance every day.\n",
    "Reading and writing reports is part of the job.\n",
    "Join the Queen Elizabeth Hospital team.\n",
    "We value calm, clear writing.\n",
    # a brand is not a town (GeoNames lists "Google" among a Kansas city's alternate names)
    "Google Cloud Engineer\nJoin Google and build Google Cloud.\n",
    # a list of products is not "town, state"
    "Office skills\nMS Office, MS Word and Excel\n",
    # a label is a whole word: "Support:" is not "Ort:"
    "Tech Support: Leeds office hours are 9 to 5.\n",
    # a sentence that ends with no town after the cue
    "Work in Enterprise Solutions. We are hiring.\n",
    # a part that is no town's part: North York is in Toronto, not York
    "Our office in North York is hiring.\n",
    "Work in Central Services for us.\n",
    "Work in the heart of our community.\n",
    # a name after "the" is a thing's (a project), a label word ending a line of prose
    "Work in the Phoenix project team.\n",
    "We are proud of the work in our city\nLeeds United is our sponsor.\n",
])
def test_prose_names_no_place(text: str) -> None:
    assert infer_place(text, {}, "en").code is None


@pytest.mark.parametrize(("text", "code"), [
    # Cambridge is England's first, but this posting is in Massachusetts
    ("Research Scientist\nOur lab in Cambridge is growing. Massachusetts benefits and a "
     "401(k) plan.\n", "US-MA"),
    # Birmingham is England's first, but a 401(k) plan and E-Verify say the US
    ("Warehouse Associate\nJoin our team in Birmingham. 401(k) plan. E-Verify employer.\n",
     "US"),
    # ... and without other evidence the most populous town is meant
    ("Staff Nurse\nJoin our ward in Birmingham. Band 5.\n", "GB"),
    # among one country's towns of that name, the state the posting names
    ("Clerk\nOur office in Richmond is hiring. California benefits, E-Verify employer.\n",
     "US-CA"),
    # ... also when all its towns of that name are in one country (Columbia: South Carolina,
    # Missouri, Maryland; Portland: Oregon, Maine)
    ("Junior Accountant\nOur office in Columbia is hiring. Maryland benefits, 401(k) plan, "
     "E-Verify employer.\n", "US-MD"),
    ("Data Analyst\nColumbia, MD 21044\nWork from our office in Columbia.\n", "US-MD"),
    ("Barista\nOur cafe in Portland is hiring. Maine benefits, 401(k) plan, E-Verify "
     "employer.\n", "US-ME"),
    # a namesake a tenth the size of the town is not another reading of it: London is not
    # London, Kentucky because the posting mentions E-Verify
    ("Analyst\nJoin our office in London. E-Verify employer.\n", None),
    # a town abroad that dwarfs its namesake is the town unless the posting says otherwise:
    # Sydney is Australia's, not Nova Scotia's ...
    ("Registered Nurse\nLocation: Sydney\nJoin our ward team.\n", "AU"),
    ("Registered Nurse\nLocation: Sydney\nPay: AUD 80,000 plus super.\n", "AU"),
    # ... unless the posting names the province
    ("Registered Nurse\nLocation: Sydney\nNova Scotia Health is hiring for its ward.\n",
     "CA-NS"),
    # ... or the country: Perth beside the NHS is Scotland's
    ("Staff Nurse\nNHS Tayside is recruiting a staff nurse to work in Perth. Band 5.\n", "GB"),
    # a dollar amount is the US's, Canada's, Australia's or New Zealand's: England's Birmingham
    # is not meant, and among the dollar countries' towns the most populous is
    ("Analyst\nLocation: Birmingham\nPay: $80,000 a year.\n", "US"),
    ("Analyst\nLocation: Vancouver\nPay: $80,000 a year.\n", "CA"),
    ("Analyst\nLocation: Vancouver\nPay: $80,000 a year. 401(k) plan.\n", "US"),
])
def test_a_town_name_several_places_bear_follows_the_rest_of_the_evidence(
        text: str, code: str | None) -> None:
    assert infer_place(text, {}, "en").code == code


@pytest.mark.parametrize("text", [
    # a landmark says the country, not the state: the lab is in neither city
    "Physicist\nOur lab lies midway between Baltimore and Washington, DC. EEO employer, "
    "401(k) plan.\n",
    "Nurse\nOur clinic is near Boston, MA. EEO employer, 401(k) plan.\n",
])
def test_a_landmark_decides_no_state(text: str) -> None:
    assert infer_place(text, {}, "en").code == "US"


@pytest.mark.parametrize(("text", "code"), [
    # German, the gender marker and the company forms are Austria's and Switzerland's too
    ("Entwickler (m/w/d)\nStandort: Wien\nWir freuen uns auf Ihre Bewerbung.\n", "AT"),
    ("Entwickler (m/w/d)\nArbeitsort: Zürich\nDie Muster GmbH freut sich auf Sie.\n", "CH"),
    # ... and Germany's when nothing else points elsewhere; the employer's seat does not
    ("Berater (m/w/d)\nUnser Beratungshaus mit Sitz in Zürich sucht für das Büro in "
     "Düsseldorf Verstärkung.\n", "DE"),
])
def test_german_signals_follow_the_named_place(text: str, code: str) -> None:
    assert infer_place(text, {}, "de").code == code


def test_a_state_named_in_a_legal_notice_decides_no_state() -> None:
    """"California" in a California privacy notice says nothing of where the job is; the
    Kentucky plant does (the notice is a data-protection zone of the document)."""
    text = ("Process Engineer - Kentucky Plant\n\nYou will improve the lines of our plant. We "
            "offer a 401(k) plan.\n\nCalifornia Privacy Notice\n\nUnder the California Consumer "
            "Privacy Act, we inform applicants who live in California how we process their "
            "personal data; see our privacy policy.\n")
    doc = Document.from_source("plant.txt", text)
    assert doc.zone_at(text.index("Under the")) == "data-protection"
    assert doc.place.code == "US-KY"
    assert infer_place(text, {}, "en").code != "US-KY"  # without the zones, California wins


def test_the_last_words_of_a_state_name_are_no_town() -> None:
    """"York" of "New York" in the title is not York, Pennsylvania (or England)."""
    place = infer_place("Reporter, New York\nJoin our newsroom.\n", {}, "en")
    assert not [e for e in place.evidence if e.signal == "town"]
    assert place.code == "US-NY"


def test_a_list_of_states_is_not_a_town_and_its_state() -> None:
    text = ("Engineer\nFor Colorado, Connecticut, Nevada and New York City residents: the pay "
            "range is $50,000 to $90,000.\n")
    assert not [e for e in infer_place(text, {}, "en").evidence if e.signal == "place"]


def test_a_town_abroad_leaves_its_namesake_a_reading() -> None:
    """Alexandria is Egypt's first, but beside a 401(k) plan it is Virginia's (a town alone
    decides no state: the country is placed)."""
    text = "Analyst\nOur office in Alexandria is near the Metro. 401(k) plan, EEO employer.\n"
    place = infer_place(text, {}, "en")
    assert place.code == "US"
    assert [e.code for e in place.evidence if e.signal == "town"] == ["US-VA"]


def test_a_town_in_the_title_weighs_more_in_its_countrys_language() -> None:
    text = "Sachbearbeitung Buchhaltung Jena\nWir freuen uns auf Ihre Unterlagen.\n"
    assert infer_place(text, {}, "de").code == "DE"
    english = "Bookkeeper Jena\nWe look forward to your papers.\n"
    assert infer_place(english, {}, "en").code is None  # a town alone is not enough


def test_the_employers_home_country_is_its_seat() -> None:
    text = "Backend Developer\nWe are a Danish SaaS company. " + "We ship software. " * 40 + \
        "The team is based in Aarhus.\n"  # the town far below the first lines: 2.0 alone
    place = infer_place(text, {}, "en")
    assert place.code == "DK"
    home = [e for e in place.evidence if e.signal == "organisation"]
    assert [(e.text, e.seat) for e in home] == [("Danish SaaS company", True)]


@pytest.mark.parametrize(("text", "code", "not_named"), [
    ("Welder\nMichigan City, Indiana\nJoin our Michigan City plant.\n", "US-IN", "US-MI"),
    ("Engineer\nThis position will be in Kansas City, MO. Our Kansas City campus is big.\n",
     "US-MO", "US-KS"),
])
def test_a_state_name_that_begins_a_town_name_is_the_towns(text: str, code: str,
                                                            not_named: str) -> None:
    place = infer_place(text, {}, "en")
    assert place.code == code
    assert not_named not in {e.code for e in place.evidence}, place.evidence


@pytest.mark.parametrize("text", [
    # the home country is the employer's, and alone it is not enough
    "Backend Developer\nWe are a Danish software company. Join us.\n",
    # a demonym that does not describe the employer
    "Translator\nYou translate German manuals into English for our customers.\n",
    # sites in several countries name none of them
    "Account Manager\nOur agency has studios in Paris, Milan, London and Dubai.\n",
])
def test_weak_or_listed_places_decide_nothing(text: str) -> None:
    assert infer_place(text, {}, "en").code is None


def test_an_unclear_lead_is_no_place() -> None:
    place = infer_place("Offices in Toronto, ON and in Boston, MA.\n", {}, "en")
    assert place.code is None  # two countries, neither clearly ahead


def test_metadata_decides() -> None:
    assert infer_place("Toronto, ON\n", {"jurisdiction": "DE"}, "en").code == "DE"
    assert infer_place("Some text.\n", {"location": "Linthicum, MD"}, "en").code == "US-MD"


def test_the_document_carries_the_place_and_its_evidence() -> None:
    d = Document.from_source("p.txt", "Nurse\nSurrey and Sussex Healthcare NHS Trust\n")
    assert d.jurisdiction == "GB" and d.place is not None
    assert {e.signal for e in d.place.evidence} >= {"organisation"}
    forced = Document.from_source("p.txt", "Nurse\n", jurisdiction="DK")
    assert forced.jurisdiction == "DK" and forced.place is not None


def test_json_output_explains_the_place(lint) -> None:  # type: ignore[no-untyped-def]
    result = lint("Data Analyst\nSan Jose, CA 95134\n\nYou will analyse data.\n", path="p.txt")
    assert result.jurisdiction == "US-CA" and result.place_confidence == 1.0
    assert result.place_evidence[0]["signal"] == "place"
    assert result.place_evidence[0]["line"] == 2


# --- never silent: the summary, --statistics, and codes checked -----------------------------

def _run(*args: str):  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from jdlint.cli import cli

    return CliRunner().invoke(cli, ["check", *args, "--today", "2026-11-22", "--isolated"])


@pytest.mark.parametrize(("posting", "summary", "statistics", "listed", "override", "gone"), [
    # the place unknown: the place-bound rules were skipped
    ("Cook wanted for our kitchen. Apply now.\n",
     "1 file: place unknown, so the place-bound rules (pay, privacy, photos, local posting "
     "laws) were skipped; set jurisdiction", "place unknown for 1 of 2 files", "", "DE",
     "place unknown"),
    # placed where jdlint's data has no posting laws: only the rules that apply everywhere
    ("Ward Nurse\nLocation: Christchurch, New Zealand\n\nApply now.\n",
     "1 file: placed where jdlint's data has no posting laws (NZ), so only the rules that "
     "apply everywhere ran there", "placed where jdlint's data has no posting laws: 1 of 2 "
     "files", " (NZ)", "GB", "no posting laws"),
])
def test_the_summary_says_where_the_place_bound_rules_did_not_run(  # type: ignore[no-untyped-def]
        tmp_path, posting: str, summary: str, statistics: str, listed: str, override: str,
        gone: str) -> None:
    (tmp_path / "a.txt").write_text(posting)
    (tmp_path / "b.txt").write_text("Cook wanted\nToronto, ON\n\nApply now.\n")
    assert summary in _run(str(tmp_path)).output
    stats = _run(str(tmp_path), "--statistics")
    assert statistics in stats.output
    assert f"  {tmp_path / 'a.txt'}{listed}" in stats.output
    assert gone not in _run(str(tmp_path), "--jurisdiction", override).output


@pytest.mark.parametrize(("value", "suggestion"), [
    ("CA-ONT", "CA-ON"), ("US-XX", "US-TX"), ("Germany!", None),
    # two letters are not yet a country: no ISO 3166-1 code, and the union, not a place
    ("XX", None), ("ZZ", None), ("EU", "a member state's code such as DE or FR")])
def test_unknown_codes_are_rejected_with_the_nearest(tmp_path, value: str,  # type: ignore[no-untyped-def]
                                                    suggestion: str | None) -> None:
    (tmp_path / "a.txt").write_text("Cook wanted.\n")
    result = _run(str(tmp_path / "a.txt"), "--jurisdiction", value)
    assert result.exit_code == 2
    assert value in result.output
    if suggestion:
        assert f"did you mean {suggestion}" in result.output


@pytest.mark.parametrize("value", ["NO", "JP", "ca-on", "US-NY", "GB", "DE-BY", "XK"])
def test_valid_codes_pass(tmp_path, value: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text("Cook wanted.\n")
    assert _run(str(tmp_path / "a.txt"), "--jurisdiction", value).exit_code in (0, 1)


def test_uk_is_read_as_gb(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # "UK" was kept as a code of its own: no rule of Great Britain's applied, silently
    body = "Cook\n\nWe need a cook. Apply by 1 May 2027 to jobs@example.org.\n"
    (tmp_path / "a.md").write_text(body)
    for args in (["--jurisdiction", "uk"], []):
        if not args:  # front matter
            (tmp_path / "a.md").write_text("---\njurisdiction: UK\n---\n" + body)
        out = _run(str(tmp_path / "a.md"), "--format", "json", *args).output
        assert json.loads(out)["files"][0]["jurisdiction"] == "GB"
        assert "missing-privacy-notice" in out


@pytest.mark.parametrize(("front", "note"), [
    ("jurisdiction: XX", "jurisdiction 'XX' is not a place code"),
    ("jurisdiction: CA-ONT", "(did you mean CA-ON or"),
    ("jurisdiction: [DE, XX]", "jurisdiction 'XX' is not a place code"),
    ("language: Klingon", "language 'Klingon' is not one jdlint checks"),
    ("employer-size: many", "employer-size 'many' is not a number of employees"),
    ("employees: -3", "employees -3 is not a number of employees"),
])
def test_front_matter_values_that_cannot_be_used_are_said(front: str, note: str) -> None:
    text = f"---\n{front}\n---\nCook\n\nWe need a cook in Berlin.\n"
    doc = Document.from_source("p.md", text)
    assert any(note in n for n in doc.notes), doc.notes
    # ... and the rest is read from the text
    if front.startswith("jurisdiction"):
        assert doc.jurisdiction == "DE"


@pytest.mark.parametrize("front", ["jurisdiction: de", "jurisdiction: UK", "language: German",
                                   "employer-size: 40", "country: Germany", "title: Cook",
                                   "jurisdiction: [US-CA, US-NY]"])
def test_front_matter_values_that_are_used_give_no_note(front: str) -> None:
    doc = Document.from_source("p.md", f"---\n{front}\n---\nCook\n\nWe need a cook.\n")
    assert doc.notes == ()


@pytest.mark.parametrize(("text", "code"), [
    # the employer's sites in one list: the country, not one of the states
    ("Data Engineer\nWe own properties in growth markets New York City, Boston, Washington DC, "
     "Seattle, Denver and Los Angeles. Apply on our site. 401(k) and E-Verify.\n", "US"),
    # the employer's seat says less than where the job is
    ("Scientist\nAcme is a healthcare leader headquartered in Indianapolis, Indiana. The job "
     "is at our Research Triangle Park site in North Carolina. 401(k) plan. E-Verify "
     "employer.\n", "US"),
    # the seat alone never gives the state, however little else is said
    ("Field Technician\nHeadquartered in Herndon, Virginia, Acme Services has 9,000 staff in "
     "the United States. 401(k) plan. E-Verify employer.\n", "US"),
    # ... but a state the posting names for the job does
    ("Field Technician\nHeadquartered in Herndon, Virginia, Acme Services has 9,000 staff. "
     "This position is based in Richmond, Virginia. 401(k) plan.\n", "US-VA"),
    # a sentence that opens with where the company is based names its seat
    ("Sales Engineer\nBased in Dayton, Ohio, the company makes pumps. 401(k) plan. E-Verify "
     "employer. Equal Employment Opportunity.\n", "US"),
    # a list of towns after a comma is not "town, state"
    ("Analyst\nWe have offices in London, New York and Paris. Location: Boston, MA\n",
     "US-MA"),
    # the UK's medical grades and spelling
    ("LAS Specialty Registrar (ST4) in Paediatrics\nJoin our paediatric team.\n", "GB"),
    # a Danish town of 14,000 (GeoNames counts the town proper) in the title
    ("Warehouse helpers for the autumn in Skanderborg\nShifts from 7 to 15.\n", "DK"),
    # the employer's home country said of the employer, with a town it is based in
    ("Backend Developer\nWe are a Danish software company based in Odense. Join us.\n",
     "DK"),
    # a town that opens a list of towns abroad is one of the employer's sites
    ("Account Manager (m/w/d)\nWir haben Büros in Paris, Mailand und London. Wir suchen "
     "Verstärkung für unser Team in Hamburg.\n", "DE"),
])
def test_lists_head_offices_and_medical_grades(text: str, code: str) -> None:
    assert infer_place(text, {}, "en").code == code


@pytest.mark.parametrize(("text", "code"), [
    ("Join the team that delivers the Government of Saskatchewan’s new finance system.",
     "CA-SK"),
    ("Degrees must be recognised by the Province of Nova Scotia. The offer follows.", "CA-NS"),
    ("You will be part of the Manitoba public service, serving people across the province.",
     "CA-MB"),
    ("The State of Colorado offers a defined-benefit pension plan to its employees.", "US-CO"),
])
def test_a_province_or_state_government_places_the_job(text: str, code: str) -> None:
    assert Document.from_source("p.txt", text + "\n").jurisdiction == code


def test_state_of_the_art_is_no_state() -> None:
    doc = Document.from_source("p.txt", "We build state of the art tools. Government of Nowhere.\n")
    assert doc.jurisdiction is None


def test_a_county_no_other_country_uses_weighs_more() -> None:
    doc = Document.from_source("p.txt", "Community nurse\n\nJoin our team in Carmarthenshire.\n")
    assert doc.jurisdiction == "GB"
    # Suffolk is a county in England and a city in Virginia: no extra weight
    us = Document.from_source("p.txt", "Serve clients in Nassau and Suffolk for New York City.\n")
    assert us.jurisdiction == "US-NY"


# --- the cheap searches give what the full regex passes gave ---------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = ["San Jose", ", ", "CA", " 95134", "\n", " in ", "Location: ", "📍 ", "Mainz", "DE",
           "SW1A 1AA", "K1A 0B1", "80331 München", "2100 København", " the ", "NHS", "Band 5",
           "secondment", "Government of Ontario", " public service", "Manitoba", " Civil Service",
           "PUBLIC SERVICE", "Ltd", ".nhs.uk", ".de",
           "+44 20", "£", "USD", "kr.", "whilst", "Organisation", "x", "-", "1A", "2", "Ort: ",
           "NHSX", "the Trust", "Paediatrics", "(m/w/d)", "$5", "e. V.", "ApS", "A/S", "ST2",
           "Germany", "the Netherlands", "Baden-Württemberg", "U.S.", "New ", "York", "i",
           "Kent", ".", "Of ", "İ", "(", "'s ", "\t", "Kansas City", " and ",
           "headquartered in ", "HQ ", "Sitz in ", "near ", "miles from ", "+1 ", "0044 ", "+33",
           "100 ", "٣", "SW1A1AA", "remote ", "Remote - ", "remotely in the ", "US", "(UK)",
           "must reside in ", "open to residents of ", " or ", "AZ", "E-Verify", "EVerify",
           "e.V.", "401(k)", "401k"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_line_limited_searches_find_what_the_whole_text_search_finds(text: str) -> None:
    from jdlint.document import place as p
    from jdlint.document.words import key_positions, matches_at, matches_holding, words_of

    def spans(matches):  # type: ignore[no-untyped-def]
        return [m.span() for m in matches]

    commas = [m.start() for m in p._COMMA_CAPITAL.finditer(text)]
    for pattern in (p._CITY_CODE, p._CITY_REGION):
        assert spans(on_lines(pattern, text, commas)) == spans(pattern.finditer(text))
    hints = [m.start() for m in p._POSTCODE_HINT.finditer(text)]
    for pattern in (p._UK_POSTCODE, p._CA_POSTCODE, p._DE_POSTCODE, p._DK_POSTCODE):
        assert spans(on_lines(pattern, text, hints)) == spans(pattern.finditer(text))
    words = words_of(text)
    assert p._CUE_KEYS
    starts = key_positions(words, p._CUE_KEYS)
    assert spans(matches_at(p._CUE, text, starts)) == spans(p._CUE.finditer(text))
    for org in p._orgs():
        assert spans(org.finditer(text, words)) == spans(org.pattern.finditer(text))
    for pattern, keys in ((p._CURRENCY, p._CURRENCY_KEYS), (p._GOVERNMENT_OF, p._GOVERNMENT_KEYS),
                          (p._REMOTE, p._REMOTE_KEYS), (p._RESIDE, p._RESIDE_KEYS)):
        assert spans(matches_at(pattern, text, key_positions(words, keys))) == spans(
            pattern.finditer(text))
    assert spans(on_lines(p._PUBLIC_SERVICE, text, p._service_starts(words))) == spans(
        p._PUBLIC_SERVICE.finditer(text))
    dialled = p._calling_codes()[1]
    assert spans(matches_at(dialled, text, p._phone_starts(text))) == spans(
        dialled.finditer(text))
    # every residence cue holds a word for living or being somewhere (the posting's gate)
    assert all(p._RESIDE_WORDS & set(re.findall(r"\w+", m.group().lower()))
               for m in p._RESIDE.finditer(text))
    # the employer's seat and a landmark before a place: searched only where a cue starts
    for pattern, keys, span in ((p._HEADQUARTERS, p._HEADQUARTERS_KEYS, 40),
                                (p._LANDMARK_BEFORE, p._LANDMARK_BEFORE_KEYS, 60)):
        assert keys
        cues = sorted(key_positions(words, keys))
        for offset in range(len(text) + 1):
            assert p._ends_at(pattern, text, offset, span, cues) == (
                pattern.search(text, max(0, offset - span), offset) is not None)
    n = p.names()

    def named(matches):  # type: ignore[no-untyped-def]
        return [(m.start(), phrase) for m in matches for phrase in p._phrases(
            m.group(), lambda x: n.countries.get(x) or n.regions.get(x), n.named_firsts)]

    heads = p._name_starts(text, words, n.named_heads)
    assert named(matches_holding(p._CAPITALISED, p._CAPITALISED_HOLDS, text, heads)) \
        == named(p._CAPITALISED.finditer(text))
    # the runs that hold a position are the whole text's runs that do (any positions)
    anywhere = sorted({0, len(text) // 2, max(0, len(text) - 1), *heads})
    assert spans(matches_holding(p._CAPITALISED, p._CAPITALISED_HOLDS, text, anywhere)) == [
        m.span() for m in p._CAPITALISED.finditer(text)
        if any(m.start() <= q < m.end() for q in anywhere)]


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\bNHS\b", (("NHS", True),)),
    (r"(?i:\bband) [2-9]", (("band", False),)),
    (r"\b(?:secondment|bank (?:staff|nurse))\b", (("bank ", True), ("secondment", True))),
    (r"\be\.\s?V\.", (("V.", True),)),  # a capital says more than a lower-case letter
    (r"[A-Z]+\d", None),
])
def test_every_match_holds_one_of_these_texts(pattern: str, expected: object) -> None:
    from jdlint.literals import one_of_literals

    assert one_of_literals(pattern) == expected


def test_a_repeated_signal_counts_its_strongest_instance_first() -> None:
    """Each repeat of a signal counts half: the instance that counts whole is the strongest,
    whatever comes first in the text (the employer's seat named above the job's own line)."""
    from jdlint.document.place import Evidence, _decide

    seat = [Evidence("place", "in NYC", "US-NY", 0.5, 10, seat=True),
            Evidence("organisation", "NYC", "US-NY", 0.75, 5, seat=True)]
    job = [Evidence("place", "in NYC", "US-NY", 2.0, 100),
           Evidence("organisation", "NYC", "US-NY", 3.0, 120)]
    abroad = [Evidence("town", "in London", "GB", 2.0, 200)]
    assert _decide(seat + job + abroad).code == "US-NY"
    assert _decide(job + seat + abroad).code == "US-NY"


def test_weaker_repeats_of_a_signal_count_half_up_to_twice_the_first() -> None:
    """A province named once in the title's lines and twice further down counts 2 + 0.5 + 0.5
    (the cap is twice the first instance's weight, not twice the repeat's): enough to decide
    against one weak signal of another country; a fourth and fifth mention add nothing past
    twice the first."""
    from jdlint.document.place import Evidence, _decide

    named = [Evidence("name", "Ontario", "CA-ON", 2.0, 10),
             Evidence("name", "Ontario", "CA-ON", 1.0, 600),
             Evidence("name", "Ontario", "CA-ON", 1.0, 900)]
    spelling = [Evidence("spelling", "British spelling", "GB", 1.0, 950)]
    assert _decide(named + spelling).code == "CA-ON"
    assert _decide(named[:1] + spelling).code is None  # one mention is not enough
    many = [Evidence("name", "Ontario", "CA-ON", 1.0, 600 + i) for i in range(20)]
    rival = [Evidence("place", "Leeds, England", "GB", 5.0, 20)]
    assert _decide(named[:1] + many + rival).code is None  # 2 + 2, not 2 + 10, against 5


def test_a_posting_naming_its_province_three_times_is_placed_there() -> None:
    text = ("# Facilities Planner\n\nYou will plan building projects for clients across "
            "Ontario and travel throughout the province.\n\n" + "Duties include planning. " * 30
            + "\n\nYou hold a valid Ontario driver's licence and know the Ontario Building "
            "Code.\n")
    from jdlint.document.place import infer_place

    assert infer_place(text, {}, "en").code == "CA-ON"


def test_a_remote_job_is_placed_where_its_holder_must_live() -> None:
    """A remote job's JSON-LD names no jobLocation, only where applicants must be
    (applicantLocationRequirements): the job is done there. A jobLocation given too says
    more."""
    from jdlint.document import Document

    remote = ('<html><head><script type="application/ld+json">{"@type": "JobPosting", '
              '"title": "Support Engineer", "jobLocationType": "TELECOMMUTE", '
              '"applicantLocationRequirements": {"@type": "Country", "name": "USA"}}'
              '</script></head><body><h1>Support Engineer</h1><p>You answer tickets from '
              'our customers and write help articles.</p></body></html>')
    assert Document.from_source("job.html", remote).place.code == "US"
    both = remote.replace('"jobLocationType"', '"jobLocation": {"@type": "Place", "address": '
                          '{"addressLocality": "Toronto", "addressRegion": "ON", '
                          '"addressCountry": "CA"}}, "jobLocationType"')
    assert Document.from_source("job.html", both).place.code == "CA-ON"
    plain = remote.replace('"applicantLocationRequirements": {"@type": "Country", '
                           '"name": "USA"}', '"employmentType": "FULL_TIME"')
    assert Document.from_source("job.html", plain).place.code is None


from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["San Jose", "Columbia", ", ", ",", "CA", "MD", "IT", "QC",
                                 " 95134", "Ontario", "New York", "Java", "Python", " ", "\n",
                                 "in ", "Toronto", "x", ".", "Leeds", "England", "ON", " (OR)",
                                 "Rheinland-Pfalz", "Portland"]),
                max_size=30).map("".join))
def test_place_syntax_read_at_commas_a_known_code_or_name_follows_is_all_of_it(
        text: str) -> None:
    """"City, ST" and "City, Region" are read only at the commas that a known code or a word
    that begins a known name follows: the same evidence as reading at every comma before a
    capital."""
    from unittest import mock

    from jdlint.document import place as p

    fast = list(p._place_syntax(text))
    with mock.patch.object(p, "_known_after", lambda text, commas, after, known: commas):
        assert list(p._place_syntax(text)) == fast


@pytest.mark.parametrize(("text", "language", "code"), [
    # two weak signals of the text itself: a town in the title and a title of the trade
    ("Staff Nurse - Hartlepool\n\nJoin our friendly ward team on the late shift.\n", "en", "GB"),
    # ... a US-only phrase and a company form
    ("Data Analyst\n\nWe are an equal opportunity employer. Acme Inc. offers a 401(k) plan.\n",
     "en", "US"),
    # the language and one weak signal of it: German is also Austria's and Switzerland's
    ("Buchhalter\n\nDie Muster GmbH sucht Verstärkung für ihr Team.\n", "de", None),
    # one weak signal alone
    ("Staff Nurse\n\nJoin our friendly ward team on the late shift.\n", "en", None),
])
def test_a_place_rests_on_the_texts_own_signals_not_on_its_language(
        text: str, language: str, code: str | None) -> None:
    assert infer_place(text, {}, language).code == code


def test_every_gazetteer_line_reads_as_places_most_populous_first() -> None:
    from jdlint.document.jurisdiction import normalise_code
    from jdlint.document.place import _town_codes, names

    towns = names().towns
    assert len(towns) > 10_000
    for name in list(towns):
        places = _town_codes(name) if not name.endswith(".") else ()
        assert all(normalise_code(code) == code and people > 0 for code, people in places)
        assert [p for _, p in places] == sorted((p for _, p in places), reverse=True)
    assert _town_codes("Paris")[0] == ("FR", 2138551)
    assert _town_codes("Nowhereville") == ()


@pytest.mark.parametrize(("text", "code"), [
    ("Analyst\nYou must have the legal right to work in Germany.\n", "DE"),
    ("Analyst\nApplicants must be authorized to work in the U.S. on a full-time basis.\n",
     "US"),
    ("Nurse\nRight to work in the UK is required.\n", "GB"),
    ("Planner\nYou are entitled to live and work in Canada.\n", "CA"),
])
def test_the_right_to_work_in_a_country_places_the_job(text: str, code: str) -> None:
    place = infer_place(text, {}, "en")
    assert place.code == code
    assert [e.code for e in place.evidence if e.signal == "work-right"] == [code]


@pytest.mark.parametrize("text", [
    "Analyst\nYou are able to work in Excel and SQL.\n",
    "Analyst\nYou must have the right to work in London.\n",  # a town, not a country
    "Analyst\nYou must be eligible to work in the EU.\n",  # a union of countries
    "Analyst\nYou must be able to work in Georgia and Texas.\n",  # states, not countries
])
def test_work_in_no_country_is_no_work_right(text: str) -> None:
    assert not [e for e in infer_place(text, {}, "en").evidence if e.signal == "work-right"]


@pytest.mark.parametrize(("text", "places"), [
    # alternatives, each written as a location: every one's rules apply
    ("Analyst\nThis position will be located in Dayton, OH or Washington, DC.\n",
     ("US-OH", "US-DC")),
    ("Data Engineer\nLocation: Austin, TX (or) Denver, CO\nJoin our Austin team.\n",
     ("US-TX", "US-CO")),
    ("Actuary\nJoin our team in our Springfield, IL or Madison, WI offices.\n",
     ("US-IL", "US-WI")),
    # a list of them, introduced as where the job can be done
    ("Engineer\nThis role can be located in Fresno, CA; Tacoma, WA; Albany, NY; and Provo, UT.\n",
     ("US-CA", "US-WA", "US-NY", "US-UT")),
    ("Engineer\nLocations: Austin, TX; Denver, CO; Boston, MA\n", ("US-TX", "US-CO", "US-MA")),
])
def test_a_job_offered_in_several_states_is_placed_in_each(text: str,
                                                           places: tuple[str, ...]) -> None:
    place = infer_place(text, {}, "en")
    assert place.code == "US"
    assert sorted(place.places) == sorted(places)


@pytest.mark.parametrize(("text", "code"), [
    # the team's other site, named beside the job's own location line
    ("Research Scientist\nLocation: Boston, MA\nOur team works across two sites (Boston, MA "
     "and Austin, TX). Join us in Boston.\n", "US-MA"),
    # the employer's seat is no place of the job
    ("Analyst\nLocation: Denver, CO\nOur headquarters in Austin, TX.\n", "US-CO"),
    # one state
    ("Engineer\nLocation: Mountain View, CA or Irvine, CA\n", "US-CA"),
    # a list of the employer's offices
    ("Engineer\nOur offices: Austin, TX; Denver, CO; Boston, MA\n", "US"),
])
def test_other_sites_are_not_places_of_the_job(text: str, code: str) -> None:
    place = infer_place(text, {}, "en")
    assert (place.code, place.places) == (code, ())


def test_every_place_of_a_job_offered_in_several_brings_its_laws(lint) -> None:  # type: ignore[no-untyped-def]
    text = ("# Data Engineer\n\nLocation: Dallas, TX or Denver, CO\n\nYou build data "
            "pipelines. Apply by 1 March 2027 to jobs@example.com.\n")
    result = lint(text, path="p.md")
    assert result.jurisdiction == "US" and set(result.places) == {"US-TX", "US-CO"}
    pay = [d for d in result.diagnostics if d.name == "missing-pay-range"]
    assert len(pay) == 1 and "Colorado" in pay[0].message
    one = lint(text.replace(" or Denver, CO", ""), path="p.md")
    assert one.jurisdiction == "US-TX" and one.places == ()
    assert not [d for d in one.diagnostics if d.name == "missing-pay-range"]


@pytest.mark.parametrize(("text", "code"), [
    # the laws of the places an employer hires in say nothing of this job's state
    ("Analyst\nPlano, Texas\nWe consider applicants with records under New York City's Fair "
     "Chance Act and the San Francisco, California Police Code.\n", "US-TX"),
    ("Analyst\nOur team works in Plano. Texas benefits. We follow Article 23-A of the New "
     "York Correction Law.\n", "US-TX"),
    # a province's code is cited by that province's employers
    ("Nurse\nWe accommodate applicants under the Ontario Human Rights Code.\nToronto, ON\n",
     "CA-ON"),
])
def test_a_us_place_named_as_a_laws_owner_decides_no_state(text: str, code: str) -> None:
    assert infer_place(text, {}, "en").code == code


def test_a_place_in_a_name_that_is_no_law_still_counts() -> None:
    place = infer_place("Clerk\nNew York Life is hiring in Austin, TX.\n", {}, "en")
    assert [e.no_state for e in place.evidence if e.code == "US-NY"] == [False]


@pytest.mark.parametrize(("text", "code"), [
    ("QC Scientist\nNew Jersey\nJoin our lab.\n", "US-NJ"),
    ("Policy Analyst\n\nOntario\n\nWrite briefing notes.\n", "CA-ON"),
    ("Teacher\nBavaria.\nUnterrichte Mathe.\n", "DE"),
])
def test_a_place_name_on_a_line_of_its_own_at_the_top_is_a_location_line(text: str,
                                                                          code: str) -> None:
    assert infer_place(text, {}, "en").code == code


@pytest.mark.parametrize("text", [
    "QC Scientist\nServing New Jersey families since 1990.\nJoin our lab.\n",
    "QC Scientist\n" + "We test products every day. " * 40 + "\nNew Jersey\n",
])
def test_a_place_name_in_a_sentence_or_far_down_is_no_location_line(text: str) -> None:
    assert infer_place(text, {}, "en").code is None


@pytest.mark.parametrize("text", [
    "Call +1 555 0100 or 001 555 0100, +44 20 7946 0000, 0049 30 1234; not +33 1 23 or 30,000",
    "Our company is headquartered in Herndon, VA, and we hire in Austin, TX.",
    "x" * 21 + "HQ: Boston, MA. Sitz in München. Hauptsitz Hamburg. zentrale Bremen",
    "near Washington, DC; 30 miles from Baltimore, MD; between Reading and Slough",
    "Headquartered in a town " + "far " * 4 + "Denver, CO",
    "near" + " " * 70 + "Denver, CO",  # a match as long as the window
])
def test_cue_searches_find_what_the_whole_search_finds(text: str) -> None:
    """The phone numbers tried after a "+" or "00" and a country code, and the seat and
    landmark cues searched for only where a cue starts: at every offset, what a search
    finds (the windows' edges included)."""
    from jdlint.document import place as p
    from jdlint.document.words import key_positions, matches_at, words_of

    dialled = p._calling_codes()[1]
    assert [m.span() for m in matches_at(dialled, text, p._phone_starts(text))] == [
        m.span() for m in dialled.finditer(text)]
    words = words_of(text)
    hits = 0
    for pattern, keys, span in ((p._HEADQUARTERS, p._HEADQUARTERS_KEYS, 40),
                                (p._LANDMARK_BEFORE, p._LANDMARK_BEFORE_KEYS, 60)):
        cues = sorted(key_positions(words, keys))
        for offset in range(len(text) + 1):
            expected = pattern.search(text, max(0, offset - span), offset) is not None
            assert p._ends_at(pattern, text, offset, span, cues) == expected, (pattern, offset)
            hits += expected
    assert hits or not any(c in text for c in ("HQ", "headquartered", "near", "between"))


@pytest.mark.parametrize(("text", "currencies"), [
    ("Senior Analyst\nSalary: CAD 85,000 - 95,000 a year.\n", ["CA"]),
    ("Udvikler\nLøn: 45.000 DKK om måneden, eller 30.000,- kr. og bonus.\n", ["DK", "DK"]),
    ("Scientist\nMinimum salary: US Dollar (USD) 81,000\n", ["US"]),
    ("Ingenieur (m/w/d)\nEin Konzern mit 20 Mrd. USD Umsatz sucht Verstärkung.\n", ["US"]),
])
def test_a_currency_in_letters_counts_beside_an_amount(text: str,
                                                       currencies: list[str]) -> None:
    evidence = infer_place(text, {}, "en").evidence
    assert [e.code for e in evidence if e.signal == "currency"] == currencies


@pytest.mark.parametrize("text", [
    "Mechanical Engineer\nExperience with CAD and FEA modelling.\nCAD CAM tools a plus.\n",
    "Dispatcher\nYou will run the computer-aided dispatch (CAD) system.\n",
    "Analyst\nWe report in USD and GBP to the board.\n",
])
def test_a_currency_code_without_an_amount_is_another_word(text: str) -> None:
    place = infer_place(text, {}, "en")
    assert not any(e.signal == "currency" for e in place.evidence)
    assert place.code is None


@pytest.mark.parametrize(("text", "code"), [
    ("Data Scientist\nBenefits include a 401(k) plan with a company match.\n", "US"),
    ("Engineer\nThis employer participates in E-Verify.\n", "US"),
    # equal-opportunity words are the employer's, who uses them for its jobs abroad too
    ("Engineer\nWe welcome protected veterans and individuals with disabilities.\n", None),
])
def test_an_institution_only_one_country_has_places_the_job_there(text: str,
                                                                  code: str | None) -> None:
    assert infer_place(text, {}, "en").code == code



@pytest.mark.parametrize(("text", "code"), [
    ("Data Engineer\nLocation: Remote - US\nJoin us.\n", "US"),
    ("Engineer\nRemote (UK)\nWe are hiring.\n", "GB"),
    ("Engineer\nFully remote within Canada.\n", "CA"),
    ("Engineer\nWork remotely from anywhere in the United Kingdom.\n", "GB"),
    ("Analyst\nLocation: Remote - Colorado\n", "US-CO"),
    ("Engineer\nUS - Remote\n", "US"),
    ("Engineer\nOntario (Remote)\nJoin the team.\n", "CA-ON"),
])
def test_a_remote_jobs_place_is_where_it_is_done(text: str, code: str) -> None:
    place = infer_place(text, {}, "en")
    assert place.code == code
    assert any(e.signal == "remote" for e in place.evidence)


@pytest.mark.parametrize("text", [
    "Engineer\nRemote - CA\n",  # California or Canada: the code alone does not say
    "Engineer\nWe are remote: Collaborative teams across time zones.\n",
    "Engineer\nA remote-first culture with flexible hours.\n",
    "Sales Director - Remote\nJoin our team.\n",
    "Engineer\nRemote work is possible two days a week.\n",
])
def test_remote_without_a_place_names_none(text: str) -> None:
    place = infer_place(text, {}, "en")
    assert place.code is None
    assert not any(e.signal == "remote" for e in place.evidence)


@pytest.mark.parametrize(("text", "code", "places"), [
    ("Analyst\nYou must reside in New York State.\n", "US-NY", ()),
    ("Engineer\nRemote. Candidates must live in California or Oregon.\n", "US",
     ("US-CA", "US-OR")),
    # a list of states to live in is where the job is done, not a list of the employer's sites
    ("Analyst\nThis position is open to residents of Colorado, Texas and Utah.\n", "US",
     ("US-CO", "US-TX", "US-UT")),
    ("Engineer\nRemote. You must be located in one of the following states: AZ, CO, TX.\n",
     "US", ("US-AZ", "US-CO", "US-TX")),
    ("Engineer\nYou must reside in the United Kingdom.\n", "GB", ()),
    # a remote job open to candidates in a list of states is offered in each
    ("Manager\nRemote (US) - open to candidates in Colorado, New York, Washington and Texas\n",
     "US", ("US-CO", "US-NY", "US-WA", "US-TX")),
    ("Engineer\nThis role is open to applicants based in Ontario.\n", "CA-ON", ()),
])
def test_where_the_holder_must_live_is_where_the_job_is(text: str, code: str,
                                                        places: tuple[str, ...]) -> None:
    place = infer_place(text, {}, "en")
    assert (place.code, set(place.places)) == (code, set(places))
    assert any(e.signal == "residence" for e in place.evidence)


@pytest.mark.parametrize("text", [
    "Nurse\nWe serve residents of Sheffield and the surrounding towns.\n",
    "Engineer\nCandidates must live within a commutable distance of the office.\n",
    "Engineer\nYou must reside in the area or be willing to relocate.\n",
    "Engineer\nThe successful candidate must be located in an office two days a week.\n",
    "Engineer\nOur office is open to candidates in the mornings for interviews.\n",
])
def test_living_nearby_names_no_place(text: str) -> None:
    place = infer_place(text, {}, "en")
    assert not any(e.signal == "residence" for e in place.evidence)


def test_a_remote_job_open_to_residents_of_a_pay_law_state_gets_its_finding(lint) -> None:  # type: ignore[no-untyped-def]
    text = ("# Data Engineer (Remote)\n\nThis remote role is open to residents of Texas, Utah "
            "and Colorado.\n\nYou build data pipelines. Apply by 1 March 2027 to "
            "jobs@example.com.\n")
    result = lint(text, path="p.md")
    assert result.jurisdiction == "US" and set(result.places) == {"US-TX", "US-UT", "US-CO"}
    pay = [d for d in result.diagnostics if d.name == "missing-pay-range"]
    assert len(pay) == 1 and "Colorado" in pay[0].message
    texas = lint(text.replace("Texas, Utah and Colorado", "Texas"), path="p.md")
    assert texas.jurisdiction == "US-TX"
    assert not [d for d in texas.diagnostics if d.name == "missing-pay-range"]


@pytest.mark.parametrize(("text", "language", "code"), [
    ("Data Engineer\nLocation: Hybrid - London\nJoin us.\n", "en", "GB"),
    ("Data Engineer\nLocation: Hybrid (Berlin)\nJoin us.\n", "en", "DE"),
    ("Nurse\nLocation: Hybrid / Manchester\n", "en", "GB"),
    ("Developer\nLocation: On-site, Denver, CO\n", "en", "US-CO"),
    ("Entwickler (m/w/d)\nStandort: Hybrid in Hamburg\n", "de", "DE"),
])
def test_a_work_mode_before_the_town_of_a_location_line_hides_nothing(
        text: str, language: str, code: str) -> None:
    assert infer_place(text, {}, language).code == code


@pytest.mark.parametrize("text", [
    "Analyst\nLocation: Hybrid\nWe are a small team.\n",
    "Analyst\nLocation: Flexible - work from anywhere\n",
])
def test_a_work_mode_alone_names_no_place(text: str) -> None:
    assert infer_place(text, {}, "en").code is None


@pytest.mark.parametrize(("text", "code"), [
    ("Engineer\nThis hybrid role is based in our Leeds office.\n", "GB"),
    ("Data Scientist\nJoin us in our Washington DC office.\n", "US-DC"),
    ("Entwickler (m/w/d)\nDu arbeitest in unserem Team in unserem Büro in Köln.\n", "DE"),
])
def test_the_employers_office_the_job_is_in_places_it(text: str, code: str) -> None:
    assert infer_place(text, {}, "de" if "Entwickler" in text else "en").code == code


@pytest.mark.parametrize("text", [
    "Engineer\nExperience in our Salesforce platform and in our Agile teams helps.\n",
    "Engineer\nYou will grow in our Engineering Academy.\n",
])
def test_our_before_a_name_that_is_no_town_names_no_place(text: str) -> None:
    assert infer_place(text, {}, "en").code is None


def test_the_gazetteer_searched_in_its_text_answers_as_its_table() -> None:
    """Before the table is built, a name's line and a name's first word are found by a
    binary search over the file: the same answers as the table for every line and every
    first word, and for words that begin no name."""
    from importlib import resources

    from jdlint.document.place import _FIRST_WORD, _Gazetteer

    text = resources.files("jdlint").joinpath("data/gazetteer.tsv").read_text("utf-8")
    body = text[text.index("\n") + 1:]
    table = dict(line.split("\t", 1) for line in body.splitlines())
    firsts = frozenset(_FIRST_WORD.findall(body))
    searched = _Gazetteer(body)
    searched.SEARCHED = 10**9
    assert all(searched.get(name) == line for name, line in table.items())
    words = {w for name in table for w in name.split()} | {"", "zzz", "new", "nowhereville"}
    words |= {w[:-1] for w in firsts} | {f"{w}x" for w in firsts}
    assert all(searched.has_first(w) == (w in firsts) for w in words)
    assert searched.get("nowhereville") is None and searched._lines is None  # no table built
    built = _Gazetteer(body)
    built.SEARCHED = 1
    assert built.get("paris") == built.get("paris") == table["paris"] and built._lines is not None
    assert "new" in built.firsts() and "nowhereville" not in built.firsts()


def test_a_town_named_again_and_again_is_looked_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # a file that repeats a paragraph thousands of times read every use of the town's name
    # at each mention: a quadratic time (minutes for a few MB)
    from jdlint.document import place

    calls: list[str] = []
    real = place._uses_lower

    def counted(text: str, phrase: str) -> bool:
        calls.append(phrase)
        return real(text, phrase)

    monkeypatch.setattr(place, "_uses_lower", counted)
    text = "Nurse\n\n" + "We are hiring a nurse in Leeds for the ward.\n\n" * 300
    assert infer_place(text, {}, "en").code == "GB"
    assert calls.count("Leeds") == 1
    # the answers are the text's own: another text that writes the word in lower case
    other = "Editor\n\nWe are hiring an editor in Reading.\n\nReading is what you love.\n"
    lower = other + "You enjoy reading.\n"
    assert place._lower_use(other, "Reading") is False
    assert place._lower_use(lower, "Reading") is True
    assert place._lower_use(other, "Reading") is False


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["www", ".", "nhs", "uk", "NHS", "UK", "gov", "on", "ca", "Ca",
                                 "de", "DE", "co", "com", "org", "at", "ch", "dk", "-", "jobs",
                                 "@", " ", "\n", "x", "İ", "ac", "gc", "e.g", "ac.uk"]),
                max_size=25).map("".join))
@example("Apply at jobs.ca\nor x.com")
@example("www.jobs.gov.on.ca\nIT.AT\nmail@nhs.net.UK")
def test_domains_read_from_the_word_index_are_all_of_them(text: str) -> None:
    """The lines where a domain's suffix begins after a dot are found from the word index:
    the same matches as searching the whole text."""
    from jdlint.document import place as p
    from jdlint.document.words import words_of

    hints = p._domain_hints(text, words_of(text).table())
    assert [m.span() for m in on_lines(p._DOMAIN, text, hints)] == [
        m.span() for m in p._DOMAIN.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 400), st.sampled_from(["US-CA", "US-NY", "US-TX",
                                                                 "US-WA", "CA-ON"])),
                max_size=25),
       st.lists(st.sampled_from(["Locations: ", "Our sites. ", "x ", "\n", "may be located in "]),
                max_size=30).map("".join))
def test_places_listed_are_those_of_a_window_read_at_each_place(
        places: list[tuple[int, str]], prefix: str) -> None:
    """The list window moves over the places counting their codes: the same places as
    reading the whole window at each of them (several at one offset, as a run's names are)."""
    from jdlint.document.place import _LIST_SPAN, Evidence, _listed, _offered_in

    text = (prefix * 20)[:500]
    located = sorted((Evidence("name", "X", code, 1.0, offset) for offset, code in places),
                     key=lambda e: e.offset or 0)
    naive: set[int] = set()
    for i, e in enumerate(located):
        near = [f for f in located[i:] if (f.offset or 0) - (e.offset or 0) <= _LIST_SPAN]
        if len({f.code for f in near}) >= 3 and not _offered_in(text, near[-1].offset or 0):
            naive.update(id(f) for f in near)
    assert _listed(located, text) == naive


def test_no_town_name_is_longer_than_a_run_on_town_is_cut_back_to() -> None:
    from jdlint.document.place import LONGEST_NAME, names

    assert max(map(len, names().towns)) <= LONGEST_NAME


@pytest.mark.parametrize(("text", "language", "code"), [
    # a number written the Danish way after "tlf." with a posting in Danish: Denmark
    ("Spørgsmål til stillingen besvares af Mette Hansen på tlf. 51 23 45 67.", "da", "DK"),
    ("Ring til os på tlf.: 51234567, hvis du har spørgsmål.", "da", "DK"),
    # ... the number alone is one weak vote (Norway writes its numbers so too)
    ("Questions? Call tlf. 22 33 44 55.", "en", None),
    # ... and a posting in Danish without it names no place
    ("Spørgsmål til stillingen besvares af Mette Hansen.", "da", None),
])
def test_a_danish_phone_number_with_danish_text(text: str, language: str, code: str | None) -> None:
    assert infer_place(text, {}, language).code == code


@pytest.mark.parametrize(("text", "code"), [
    # a country jdlint has no rules for, by its name, its domain or its calling code: there,
    # not in the namesake town's country (Christchurch, Dorset; Canterbury, Kent)
    ("Ward Nurse\nLocation: Christchurch, Canterbury\nHold a current New Zealand practising "
     "certificate. Email kiri.walker@example.co.nz.\n", "NZ"),
    ("Developer\nBased in Bengaluru, India. Call +91 80 4000 1234.\n", "IN"),
    ("Accountant\nCork, Ireland\nSend your CV to jobs@example.ie\n", "IE"),
    # Puerto Rico is under US federal law
    ("Engineer\nLocation: San Juan, Puerto Rico\n", "US"),
])
def test_a_country_jdlint_has_no_rules_for_is_still_its_place(text: str, code: str) -> None:
    assert infer_place(text, {}, "en").code == code


@pytest.mark.parametrize(("text", "code"), [
    # a country named in prose only weighs half: a project's or trip's, not the job's
    ("Entwickler (m/w/d)\nStandort: Mainz\nUnser Team unterstützt Projekte in Angola und "
     "Kenia.\n", "DE"),
    ("Field Assistant (m/f/d)\nLocation: Leipzig, Germany\nThe project studies crows in "
     "New Caledonia.\n", "DE"),
    # a place travelled to is not where the job is
    ("Program Manager\nLocation: Denver, CO\nTravel (2-3 times a year) to our office in "
     "Nairobi, Kenya and to Kampala, Uganda is required.\n", "US-CO"),
    ("Consultant\nLocation: Austin, TX\nRegular business trips to Boston, MA.\n", "US-TX"),
])
def test_places_named_in_passing_do_not_outvote_the_job(text: str, code: str) -> None:
    assert infer_place(text, {}, "en").code == code


@pytest.mark.parametrize("text", [
    "Python developer\nKnow main.py, report.pl and the README.md of a repo.\n",
    "Designer\nSee our portfolio at https://studio.example.io and https://bit.ly/x2\n",
])
def test_file_names_and_vanity_domains_are_no_country(text: str) -> None:
    assert all(e.signal != "domain" for e in infer_place(text, {}, "en").evidence)


def test_every_country_place_is_a_valid_code_and_a_shared_domain_its_largest_countrys() -> None:
    from jdlint.document.jurisdiction import countries
    from jdlint.document.place import _country_domains, names

    assert set(names().countries.values()) <= countries()  # not the withdrawn AN, CS
    assert _country_domains()["gp"] == "GP"  # not Saint Martin's, which GeoNames also gives it
    assert infer_place("Engineer\nLocation: Belgrade, Serbia and Montenegro\n", {}, "en").code \
        != "CS"
