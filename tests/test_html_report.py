"""The HTML report (--format html): a self-contained page, every finding marked at its text,
filters that work without a server, no request to anywhere. The browser test renders it in
headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them)."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from jdlint.cli import cli
from jdlint.reporters.html import write_html
from jdlint.runner import Options, lint_paths

from .conftest import ROOT

HOSTILE = ("# Barista wanted <script>window.pwned = true</script>\n\n"
           "We want a coffee ninja. <img src=\"http://127.0.0.1:9/x.png\"> "
           "<link rel=stylesheet href=\"http://127.0.0.1:9/x.css\">\n\n"
           "Apply by 1 March 2020 at https://example.com/jobs. Questions? Ask Kim Lee, "
           "kim@example.com.\n")


@pytest.fixture
def postings(tmp_path: Path) -> Path:
    folder = tmp_path / "postings"
    shutil.copytree(ROOT / "examples", folder,
                    ignore=shutil.ignore_patterns("*.golden"))
    (folder / "hostile.md").write_text(HOSTILE, "utf-8")
    return folder


def build(folder: Path, out: Path) -> dict[str, str]:
    """Write the report for ``folder`` to ``out``; returns each located finding's element
    id and the text it must mark."""
    options = Options(overrides={"keep_text": True, "today": __import__("datetime").date(
        2026, 11, 22)}, isolated=True)
    report, _ = lint_paths([str(folder)], options)
    with out.open("w", encoding="utf-8") as stream:
        write_html(report, stream)
    expected: dict[str, str] = {}
    for i, f in enumerate(report.files):
        for j, d in enumerate(f.diagnostics):
            if d.shown is not None and f.text is not None and d.shown[1] > d.shown[0]:
                expected[f"f{i}-{j}"] = f.text[d.shown[0]:d.shown[1]]
    return expected


def test_cli_writes_a_self_contained_page(postings: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["check", str(postings), "--isolated", "--today",
                                      "2026-11-22", "--format", "html", "-o", str(out)])
    assert result.exit_code == 1, result.output
    page = out.read_text("utf-8")
    assert page.startswith("<!doctype html>")
    assert "word-posting.docx" in page and "paragraph 17" in page
    # posting text is escaped, never markup: no script, image or stylesheet from a posting
    assert "&lt;script&gt;window.pwned" in page
    assert len(re.findall(r"<script\b", page)) == 1  # the report's own, inline
    assert not re.search(r"<(?:img|link|iframe)\b", page)
    assert not re.search(r"\b(?:src|href)=\"(?!#)", page)  # links only within the page
    assert "default-src 'none'" in page


def test_every_located_finding_is_marked_in_the_markup(postings: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    expected = build(postings, out)
    page = out.read_text("utf-8")
    assert len(expected) > 20
    for fid in expected:
        assert re.search(rf'data-f="[^"]*\b{fid}\b', page), fid
        assert f'id="{fid}"' in page


def _browser(tmp_path: Path) -> Any:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        pytest.skip("no Chromium with chromedriver on this machine (Debian: apt-get install "
                    "chromium chromium-driver; .ci/run installs them)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_AVOID_STATS", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,1600",
                f"--user-data-dir={tmp_path / 'chrome-profile'}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=driver_path), options=options)


def test_report_in_a_real_browser(postings: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    expected = build(postings, out)
    driver = _browser(tmp_path)
    try:
        driver.get(out.as_uri())
        driver.save_screenshot(str(tmp_path / "report.png"))
        # every finding is marked at its text (pieces of overlapping marks joined)
        marked = driver.execute_script(
            "var out = {};"
            "document.querySelectorAll('mark[data-f]').forEach(function (m) {"
            "  m.dataset.f.split(' ').forEach(function (id) {"
            "    out[id] = (out[id] || '') + m.textContent; }); });"
            "return out;")
        assert {fid: marked.get(fid) for fid in expected} == expected
        # the posting's script did not run
        assert driver.execute_script("return window.pwned === undefined")

        def hidden(selector: str) -> list[bool]:
            return driver.execute_script(
                f"return Array.from(document.querySelectorAll({json.dumps(selector)}))"
                ".map(function (e) { return e.offsetParent === null; });")

        assert not any(hidden("li.finding"))
        driver.find_element("css selector", "input[name=severity][value=info]").click()
        assert all(hidden("li.finding[data-severity=info]"))
        assert not any(hidden("li.finding[data-severity=warning]"))
        info_only = driver.execute_script(
            "return Array.from(document.querySelectorAll('mark[data-f]')).filter(function (m) {"
            " return m.dataset.f.split(' ').every(function (id) {"
            "  return document.getElementById(id).dataset.severity === 'info'; }); })"
            ".map(function (m) { return m.classList.contains('off'); });")
        assert info_only and all(info_only)
        driver.find_element("css selector", "input[name=category][value=inclusive]").click()
        assert all(hidden("li.finding[data-category=inclusive]"))
        assert driver.find_element("id", "shown-total").text == str(
            len(driver.find_elements("css selector", "li.finding:not([hidden])")))
        for value in ("info", "inclusive"):
            name = "severity" if value == "info" else "category"
            driver.find_element("css selector", f"input[name={name}][value={value}]").click()
        assert not any(hidden("li.finding"))
        # a click on marked text shows its finding
        mark = driver.find_element("css selector", "mark.warning[data-f]")
        fid = mark.get_attribute("data-f").split()[0]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", mark)
        mark.click()
        assert "focus" in driver.find_element("id", fid).get_attribute("class")
        # nothing was requested but the page itself
        urls = [json.loads(entry["message"])["message"].get("params", {}).get("request", {})
                .get("url") for entry in driver.get_log("performance")]
        # (the browser's own pages, chrome://, are not the report's doing)
        requested = {u for u in urls if u and not u.startswith(
            ("chrome://", "chrome-untrusted://", "devtools://", "about:", "data:"))}
        assert requested <= {out.as_uri()}, requested
        assert driver.execute_script(
            "return performance.getEntriesByType('resource').length") == 0
    finally:
        driver.quit()
    assert (tmp_path / "report.png").stat().st_size > 10_000


def _report_of(folder: Path) -> str:
    """The HTML report of the postings in ``folder`` (written beside them)."""
    out = folder / "report.html"
    CliRunner().invoke(cli, ["check", str(folder), "--isolated", "--format", "html", "-o",
                             str(out)])
    return out.read_text("utf-8")


def test_the_page_says_which_postings_are_in_a_language_not_checked(tmp_path: Path) -> None:
    (tmp_path / "poste.txt").write_text(
        "Cuisinier\n\nNous cherchons un cuisinier pour notre équipe. Vous préparerez les repas "
        "et vous travaillerez avec les serveurs dans la salle. Envoyez votre CV avant la fin "
        "du mois.\n", "utf-8")
    (tmp_path / "job.txt").write_text("Cook\n\nWe need a cook for our kitchen.\n", "utf-8")
    page = _report_of(tmp_path)
    assert "1 posting in a language jdlint does not check" in page
    assert f"{tmp_path / 'poste.txt'} (French)" in page and "job.txt (" not in page


def test_the_page_says_which_postings_are_placed_where_jdlint_has_no_laws(tmp_path: Path) -> None:
    (tmp_path / "nz.txt").write_text("Ward Nurse\nLocation: Christchurch, New Zealand\n\n"
                                     "Apply now.\n", "utf-8")
    (tmp_path / "uk.txt").write_text("Ward Nurse\nLocation: Leeds, England\n\nApply now.\n",
                                     "utf-8")
    page = _report_of(tmp_path)
    assert "1 posting placed where jdlint's data has no posting laws" in page
    assert f"{tmp_path / 'nz.txt'} (NZ)" in page and "uk.txt (" not in page


def test_a_report_written_among_the_postings_is_not_checked_as_one(postings: Path) -> None:
    """A report saved next to the postings quotes every one of them: the folder's next check
    leaves it out (it says it is jdlint's), while a page named on the command line is checked
    as asked."""
    out = postings / "report.html"
    CliRunner().invoke(cli, ["check", str(postings), "--isolated", "--today", "2026-11-22",
                             "--format", "html", "-o", str(out)])
    assert '<meta name="generator" content="jdlint">' in out.read_text("utf-8")[:1024]
    again = CliRunner().invoke(cli, ["check", str(postings), "--isolated", "--today",
                                     "2026-11-22", "--format", "json"])
    paths = {Path(f["path"]).name for f in json.loads(again.output)["files"]}
    assert "report.html" not in paths and "careers-page.html" in paths
    named = CliRunner().invoke(cli, ["check", str(out), "--isolated", "--format", "json"])
    assert [Path(f["path"]).name for f in json.loads(named.output)["files"]] == ["report.html"]
