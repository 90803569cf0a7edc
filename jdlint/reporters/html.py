"""One self-contained HTML page for a whole run, for people who write postings.

A summary (files, findings by severity and category, files whose place is unknown), then each
posting as text with every finding marked where it stands: hovering shows the message, a click
shows the finding (message, fix, a link to the rule's explanation). Filters by severity and
category work in the page without a server. Styles and the small script are inlined; a
Content-Security-Policy forbids every request, so the page loads nothing from anywhere. Every
piece of posting text is escaped (a posting may contain ``<script>``).

It needs the postings' text (``FileResult.text``): the CLI keeps it when this format is chosen.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from importlib import resources
from itertools import pairwise
from typing import TextIO

from .. import __version__
from ..document.language import NAMES as LANGUAGE_NAMES
from ..model import Category, Diagnostic, FileResult, Report, RuleMeta, Severity
from ..reading.parsed import BINARY_FORMATS
from .text import language_name, other_language, place_without_laws

_CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        "img-src data:; form-action 'none'; base-uri 'none'")
_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def category_of(code: str) -> str:
    try:
        return str(Category(code[:3]))
    except ValueError:
        return "other"


#: Marks a page as jdlint's own report: a folder's check leaves it out (a report written
#: next to the postings is not a posting)
GENERATOR_TAG = '<meta name="generator" content="jdlint">'


def write_html(report: Report, out: TextIO, hidden: int = 0) -> None:
    data = resources.files("jdlint").joinpath("data")
    css = data.joinpath("report.css").read_text("utf-8")
    js = data.joinpath("report.js").read_text("utf-8")
    diags = report.diagnostics
    categories = sorted({category_of(d.code) for d in diags})
    out.write("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
              f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_CSP}\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
              f"{GENERATOR_TAG}\n"
              "<title>jdlint report</title>\n<style>\n" + css + "</style>\n</head>\n<body>\n")
    _header(report, categories, hidden, out)
    out.write("<main>\n")
    for i, f in enumerate(report.files):
        _posting(i, f, out)
    _rules(report.rules, {d.code for d in diags}, out)
    out.write("</main>\n<script>\n" + js + "</script>\n</body>\n</html>\n")


def _header(report: Report, categories: Sequence[str], hidden: int, out: TextIO) -> None:
    diags = report.diagnostics
    files = len(report.files)
    with_findings = len({d.path for d in diags})
    when = datetime.now().strftime("%Y-%m-%d %H:%M")
    out.write("<header class=\"top\">\n<h1>jdlint report</h1>\n")
    out.write(f"<p class=\"lead\">{files} posting{'s' if files != 1 else ''} checked, "
              f"{len(diags)} finding{'s' if len(diags) != 1 else ''} in {with_findings}; "
              f"<span id=\"shown-total\">{len(diags)}</span> shown. Click a marked passage to "
              f"see what jdlint says about it. <small>jdlint {_e(__version__)}, {when}"
              "</small></p>\n")
    if hidden:
        out.write(f"<p class=\"hidden-note\">{hidden} finding{'s' if hidden != 1 else ''} below "
                  "the minimum severity are not in this report.</p>\n")
    by = Counter((category_of(d.code), d.severity) for d in diags)
    out.write("<table class=\"counts\"><tr><th>Category</th>"
              + "".join(f"<th>{s}</th>" for s in _SEVERITIES) + "</tr>\n")
    for cat in categories:
        out.write(f"<tr><th>{_e(cat)}</th>"
                  + "".join(f"<td>{by[(cat, s)]}</td>" for s in _SEVERITIES) + "</tr>\n")
    out.write("</table>\n")
    unknown = [f.path for f in report.files if f.jurisdiction is None and f.error is None]
    if unknown:
        out.write(f"<details><summary>{len(unknown)} posting{'s' if len(unknown) != 1 else ''}"
                  " with an unknown place: the rules that depend on the place (pay, privacy, "
                  "photos, local posting laws) were skipped there. Set the place in the "
                  "configuration or front matter.</summary><ul>"
                  + "".join(f"<li>{_e(p)}</li>" for p in unknown) + "</ul></details>\n")
    lawless = place_without_laws(report)
    if lawless:
        out.write(f"<details><summary>{len(lawless)} posting"
                  f"{'s' if len(lawless) != 1 else ''} placed where jdlint's data has no "
                  "posting laws: only the rules that apply everywhere ran there. If a place "
                  "is wrong, set it in the configuration or front matter.</summary><ul>"
                  + "".join(f"<li>{_e(f.path)} ({_e(str(f.jurisdiction))})</li>"
                            for f in lawless) + "</ul></details>\n")
    other = other_language(report)
    if other:
        out.write(f"<details><summary>{len(other)} posting{'s' if len(other) != 1 else ''}"
                  " in a language jdlint does not check: only the rules that read no words "
                  "(duplicates, garbled text, length) ran there. If one is in English, German "
                  "or Danish after all, set its language in the configuration or front "
                  "matter.</summary><ul>"
                  + "".join(f"<li>{_e(f.path)} ({_e(language_name(f.language))})</li>"
                            for f in other) + "</ul></details>\n")
    out.write("</header>\n<form id=\"filters\" class=\"filters\" onsubmit=\"return false\">\n"
              "<fieldset><legend>Show</legend>")
    for s in _SEVERITIES:
        out.write(f"<label><input type=\"checkbox\" name=\"severity\" value=\"{s}\" checked> "
                  f"<span class=\"sev {s}\">{s}</span></label>")
    out.write("</fieldset>\n<fieldset><legend>Categories</legend>")
    for cat in categories:
        out.write(f"<label><input type=\"checkbox\" name=\"category\" value=\"{_e(cat)}\" "
                  f"checked> {_e(cat)}</label>")
    out.write("</fieldset>\n</form>\n")


def _posting(index: int, f: FileResult, out: TextIO) -> None:
    ids = {id(d): f"f{index}-{j}" for j, d in enumerate(f.diagnostics)}
    where = "paragraph" if f.format in BINARY_FORMATS else "line"
    language = LANGUAGE_NAMES.get(f.language or "", f.language)
    facts = [x for x in (language and f"language: {language}",
                         (f"place: {f.jurisdiction} ({', '.join(f.places)})" if f.places
                          else f"place: {f.jurisdiction}") if f.jurisdiction
                         else "place: unknown",
                         f.error and f"not checked: {f.error}") if x]
    out.write(f"<article class=\"posting\" id=\"file-{index}\">\n<h2>{_e(f.path)}</h2>\n"
              f"<p class=\"meta\">{_e(' · '.join(facts))} · <span class=\"shown-count\">"
              f"{len(f.diagnostics)}</span> of {len(f.diagnostics)} findings shown</p>\n")
    whole = [d for d in f.diagnostics if d.shown is None]
    located = [d for d in f.diagnostics if d.shown is not None]
    if whole:
        out.write("<ul class=\"whole\">\n")
        for d in sorted(whole, key=lambda d: -d.severity):
            _finding(d, ids[id(d)], where, out)
        out.write("</ul>\n")
    if f.text is not None:
        out.write("<div class=\"text\">" + _marked(f.text, located, ids) + "</div>\n")
    if located:
        out.write("<ol class=\"findings\">\n")
        for d in sorted(located, key=lambda d: (-d.severity, d.line, d.column)):
            _finding(d, ids[id(d)], where, out)
        out.write("</ol>\n")
    out.write("</article>\n")


def _finding(d: Diagnostic, fid: str, where: str, out: TextIO) -> None:
    cat = category_of(d.code)
    place = f" ({where} {d.line})" if d.shown is not None else ""
    fix = (f" <span class=\"fix\">Fix: replace with <q>{_e(d.fix.replacement)}</q>.</span>"
           if d.fix is not None else "")
    related = ""
    if d.related:
        words = ", ".join(f"<q>{_e(r.quote)}</q>" for r in d.related[:12])
        more = f" and {len(d.related) - 12} more" if len(d.related) > 12 else ""
        related = f"<br><span class=\"rule\">Words: {words}{more}</span>"
    out.write(f"<li class=\"finding\" id=\"{fid}\" data-severity=\"{d.severity}\" "
              f"data-category=\"{_e(cat)}\" data-code=\"{_e(d.code)}\">"
              f"<span class=\"sev {d.severity}\">{d.severity}</span> {_e(d.message)}{fix}"
              f"{related} <span class=\"rule\">{_e(d.code)} {_e(d.name)}{place} · "
              f"<a href=\"#rule-{_e(d.code)}\">about this rule</a></span></li>\n")


def _marked(text: str, located: Iterable[Diagnostic], ids: dict[int, str]) -> str:
    """``text`` escaped, with each finding's span in ``<mark>`` elements: where findings
    overlap, the text is cut at every span edge and each piece names all its findings."""
    spans = [(s, e, d) for d in located if d.shown is not None
             for s, e in [d.shown] if e > s]
    if not spans:
        return _e(text)
    edges = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    parts: list[str] = []
    for a, b in pairwise(edges):
        if b <= a:
            continue
        piece = _e(text[a:b])
        over = [d for s, e, d in spans if s <= a and b <= e]
        if not over:
            parts.append(piece)
            continue
        top = max(over, key=lambda d: d.severity)
        tip = " | ".join(f"{d.severity}: {d.message}" for d in over)
        names = " ".join(ids[id(d)] for d in over)
        parts.append(f"<mark class=\"{top.severity}\" data-f=\"{names}\" tabindex=\"0\" "
                     f"title=\"{_e(tip)}\">{piece}</mark>")
    return "".join(parts)


def _rules(metas: Sequence[RuleMeta], used: set[str], out: TextIO) -> None:
    shown = sorted((m for m in {m.code: m for m in metas}.values() if m.code in used),
                   key=lambda m: m.code)
    if not shown:
        return
    out.write("<section id=\"rules\"><h2>About the rules</h2>\n")
    for m in shown:
        d = m.docs
        parts = [f"<p>{_e(d.what)}</p>", f"<p><strong>Why it matters.</strong> {_e(d.why)}</p>"]
        if d.use_instead:
            parts.append(f"<p><strong>Instead:</strong> <q>{_e(d.use_instead)}</q></p>")
        if d.references:
            parts.append("<ul>" + "".join(f"<li>{_e(r)}</li>" for r in d.references) + "</ul>")
        out.write(f"<details class=\"rule-doc\" id=\"rule-{_e(m.code)}\"><summary>{_e(m.code)} "
                  f"{_e(m.name)}: {_e(m.summary)}</summary>{''.join(parts)}</details>\n")
    out.write("</section>\n")
