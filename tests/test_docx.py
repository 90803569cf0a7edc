"""Word documents (.docx): read as Word shows them, reported by paragraph. Every document here
is built in code with python-docx (no binary fixtures)."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from jdlint.cli import cli
from jdlint.config import Config
from jdlint.document import Document
from jdlint.engine import build_context, check_bytes
from jdlint.errors import InputError
from jdlint.reading.docx import read_docx

COMPLETE = ("Apply at https://example.com/jobs by 1 March 2030. Questions? Contact Jane Doe, "
            "jane@example.com.")


def save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def tracked(paragraph: docx.text.paragraph.Paragraph, tag: str, text: str) -> None:
    """Append a tracked insertion (``w:ins``) or deletion (``w:del``) holding ``text``."""
    paragraph.add_run("x")
    run = paragraph.runs[-1]._r
    paragraph._p.remove(run)
    change = paragraph._p.makeelement(qn(tag), {qn("w:id"): "7", qn("w:author"): "A"})
    run = copy.deepcopy(run)
    for t in run.findall(qn("w:t")):
        run.remove(t)
    t = run.makeelement(qn("w:delText" if tag == "w:del" else "w:t"), {})
    t.text = text
    run.append(t)
    change.append(run)
    paragraph._p.append(change)


def lines_of(data: bytes, **kw: bool) -> list[str]:
    return read_docx(data, **kw).source.splitlines()


def test_paragraphs_are_lines_and_tables_read_row_by_row() -> None:
    d = docx.Document()
    d.add_paragraph("First paragraph.")
    d.add_paragraph("")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Pay", "£30,000"
    table.cell(1, 0).text, table.cell(1, 1).text = "Hours", "Full time"
    merged = d.add_table(rows=1, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Once"
    d.add_paragraph("Last.")
    assert lines_of(save(d)) == ["First paragraph.", "", "Pay", "£30,000", "Hours",
                                 "Full time", "Once", "Last."]


def test_tracked_changes_comments_and_headers_are_read_as_word_shows_them() -> None:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Company letterhead"
    d.sections[0].footer.paragraphs[0].text = "Page 1"
    p = d.add_paragraph("We want a ")
    tracked(p, "w:del", "rockstar")
    tracked(p, "w:ins", "baker")
    p.add_run(".")
    d.add_comment(p.runs, text="a comment is not the posting", author="Editor")
    data = save(d)
    assert lines_of(data) == ["We want a baker."]
    assert lines_of(data, headers_footers=True) == ["Company letterhead", "We want a baker.",
                                                    "Page 1"]


def test_heading_styles_outline_levels_and_lists_become_structure() -> None:
    d = docx.Document()
    d.add_paragraph("Baker", style="Title")
    d.add_heading("What you will do", level=2)
    d.add_paragraph("Bake bread every morning.", style="List Bullet")
    d.add_paragraph("Clean the ovens.", style="List Number")
    outline = d.add_paragraph("How to apply")
    p_pr = outline._p.get_or_add_pPr()
    p_pr.append(p_pr.makeelement(qn("w:outlineLvl"), {qn("w:val"): "1"}))
    d.add_paragraph(COMPLETE)
    word = read_docx(save(d))
    kinds = {(h.kind, word.source[h.start:h.end]) for h in word.parsed.hints}
    assert kinds == {("heading", "Baker"), ("heading", "What you will do"),
                     ("bullet", "Bake bread every morning."), ("bullet", "Clean the ovens."),
                     ("heading", "How to apply")}
    doc = Document.from_source("p.docx", word.source, parsed=word.parsed)
    assert [s.kind for s in doc.sections if s.kind][-1] == "apply"


def test_properties_become_metadata() -> None:
    d = docx.Document()
    d.core_properties.title = "Baker (m/w/d)"
    d.core_properties.created = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
    d.add_paragraph("Text.")
    meta = read_docx(save(d)).parsed.meta
    assert meta["title"] == "Baker (m/w/d)" and meta["created"] == "2026-10-01"


@pytest.mark.parametrize(("data", "reason"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Word 97-2003"),
    (b"PK\x03\x04 broken", "damaged"),
    (b"just some text", "not a Word document"),
])
def test_a_doc_a_locked_or_a_damaged_file_is_one_clear_diagnostic(data: bytes,
                                                                   reason: str) -> None:
    result = check_bytes("old.docx", data, build_context(Config()))
    (d,) = result.diagnostics
    assert d.code == "JDL002" and reason in d.message and result.error


def test_a_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("hello.txt", "hi")
    (d,) = check_bytes("x.docx", buffer.getvalue(), build_context(Config())).diagnostics
    assert d.code == "JDL002" and "damaged Word document" in d.message


def word_posting(path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Night baker", level=1)
    d.add_paragraph("")
    d.add_paragraph("Join our team of rockstars and bake with the salesmen.")
    d.add_paragraph(COMPLETE)
    path.write_bytes(save(d))
    return path


def test_findings_give_paragraph_column_and_quote_in_every_format(tmp_path: Path) -> None:
    word_posting(tmp_path / "post.docx")
    (tmp_path / "~$post.docx").write_bytes(b"\0lock")  # Word's lock file is no posting
    run = CliRunner()
    args = ["check", str(tmp_path), "--isolated", "--select", "INC006,INC002"]
    text = run.invoke(cli, args).stdout
    assert "   ¶3 | Join our team of rockstars and bake with the salesmen." in text
    assert "~$" not in text
    data = json.loads(run.invoke(cli, [*args, "--format", "json"]).stdout)
    assert data["files"][0]["format"] == "docx"
    jargon = next(d for d in data["diagnostics"] if d["code"] == "INC006")
    assert (jargon["paragraph"], jargon["column"], jargon["quote"]) == (3, 18, "rockstars")
    assert jargon["fix"] is None  # --fix never writes into a Word file
    sarif = json.loads(run.invoke(cli, [*args, "--format", "sarif"]).stdout)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "INC006")
    assert result["properties"] == {"paragraph": 3, "column": 18}
    assert result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == \
        "rockstars"
    github = run.invoke(cli, [*args, "--format", "github"]).stdout
    assert "line=3,col=18" in github
    concise = run.invoke(cli, [*args, "--format", "concise"]).stdout
    assert "post.docx:3:18: INC006" in concise


def test_fix_and_diff_leave_word_files_alone(tmp_path: Path) -> None:
    path = word_posting(tmp_path / "post.docx")
    before = path.read_bytes()
    result = CliRunner().invoke(cli, ["check", str(path), "--isolated", "--fix"])
    assert "gendered-term" in result.stdout and "[*]" not in result.stdout
    assert path.read_bytes() == before
    result = CliRunner().invoke(cli, ["check", str(path), "--isolated", "--diff"])
    assert result.exit_code == 0 and result.stdout == ""


def test_headers_and_footers_on_request(tmp_path: Path) -> None:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Rockstar Bakery"
    d.add_paragraph("We bake bread. " + COMPLETE)
    (tmp_path / "p.docx").write_bytes(save(d))
    args = ["check", str(tmp_path / "p.docx"), "--select", "INC006", "--format", "concise"]
    assert "INC006" not in CliRunner().invoke(cli, [*args, "--isolated"]).stdout
    (tmp_path / ".jdlint.toml").write_text("docx-headers-footers = true\n", "utf-8")
    assert "p.docx:1:1: INC006" in CliRunner().invoke(cli, args).stdout


def test_a_document_that_unzips_too_large_is_refused_unread() -> None:
    d = docx.Document()
    d.add_paragraph("A short posting. " * 50)
    data = save(d)
    assert read_docx(data).source.startswith("A short posting.")
    with pytest.raises(InputError, match="unzips to"):
        read_docx(data, max_unzipped=1_000)


def test_headers_of_several_sections_are_read_once_each() -> None:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Head one"
    d.add_paragraph("Body one.")
    second = d.add_section()
    second.header.is_linked_to_previous = True  # repeats "Head one": read once
    d.add_paragraph("Body two.")
    third = d.add_section()
    third.header.is_linked_to_previous = False
    third.header.paragraphs[0].text = "Head three"
    lines = [x for x in lines_of(save(d), headers_footers=True) if x]
    assert lines == ["Head one", "Head three", "Body one.", "Body two."]


_BOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>
 <mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>{paragraphs}
 </w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>
 <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{paragraphs}
 </w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r>"""


def text_box(paragraph: docx.text.paragraph.Paragraph, *lines: str) -> None:
    """Anchor a text box (as Word writes one: a drawing, and a copy for older readers) holding
    ``lines`` as its paragraphs in ``paragraph``."""
    from lxml import etree

    inner = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    paragraph._p.append(etree.fromstring(_BOX.format(paragraphs=inner)))


def test_a_text_box_is_read_once_after_the_paragraph_it_stands_in(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Nurse for our ward team")
    text_box(d.add_paragraph("We care for adults after surgery."),
             "Closing date: 1 March 2030", "Questions: Jane Doe, jane@example.com")
    d.add_paragraph("Apply at https://example.com/jobs.")
    assert lines_of(save(d)) == [
        "Nurse for our ward team", "We care for adults after surgery.",
        "Closing date: 1 March 2030", "Questions: Jane Doe, jane@example.com",
        "Apply at https://example.com/jobs."]
    (tmp_path / "p.docx").write_bytes(save(d))
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "p.docx"), "--isolated",
                                      "--select", "REQ", "--today", "2026-12-07"])
    assert result.exit_code == 0, result.output  # the deadline and contact in the box count
