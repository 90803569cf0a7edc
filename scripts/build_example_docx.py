"""Build examples/word-posting.docx, the Word example posting, with python-docx.

The posting is written for jdlint's examples (no text from elsewhere). It uses what Word users
use: a Title and heading styles, bulleted and numbered lists, a table, a page header (which
jdlint leaves out by default), a comment and a tracked change. Run from the repository root:

    python scripts/build_example_docx.py
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
from pathlib import Path

import docx
from docx.oxml.ns import qn

OUT = Path(__file__).resolve().parent.parent / "examples" / "word-posting.docx"
FIXED = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)


def tracked(paragraph: docx.text.paragraph.Paragraph, kept: str, deleted: str,
            inserted: str) -> None:
    """Append ``kept`` text, then a tracked deletion and a tracked insertion, as Word writes
    them with Track Changes on."""
    paragraph.add_run(kept)
    template = paragraph.runs[-1]._r
    for tag, text, text_tag in (("w:del", deleted, "w:delText"), ("w:ins", inserted, "w:t")):
        change = paragraph._p.makeelement(qn(tag), {qn("w:id"): "1" if tag == "w:del" else "2",
                                                    qn("w:author"): "Editor",
                                                    qn("w:date"): "2026-11-01T09:00:00Z"})
        run = copy.deepcopy(template)
        for t in run.findall(qn("w:t")):
            run.remove(t)
        t = run.makeelement(qn(text_tag), {})
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(t)
        change.append(run)
        paragraph._p.append(change)


def build(path: Path = OUT) -> Path:
    d = docx.Document()
    props = d.core_properties
    props.title = "Night Shift Foreman"
    props.author = "jdlint examples"
    props.created = props.modified = FIXED
    d.sections[0].header.paragraphs[0].text = "Brightwater Logistics Ltd - internal draft"
    d.add_paragraph("Night Shift Foreman", style="Title")
    intro = d.add_paragraph("We are a young and dynamic team moving parcels across Leeds. ")
    tracked(intro, "We are looking for a ", "guru", "lead for the night shift.")
    d.add_heading("What you will do", level=1)
    for item in ("Plan the work of twelve warehousemen.",
                 "Check every delivery against the manifest.",
                 "Keep the loading bay safe and tidy."):
        d.add_paragraph(item, style="List Bullet")
    d.add_heading("What you bring", level=1)
    for item in ("Experience of leading a shift.",
                 "You must be able to stand for long periods.",
                 "A forklift licence, or the wish to get one."):
        d.add_paragraph(item, style="List Number")
    d.add_heading("Pay and hours", level=1)
    table = d.add_table(rows=2, cols=2)
    rows = (("Pay", "£31,000 - £34,000 a year"), ("Hours", "Four nights a week, 22:00 to 06:00"))
    for row, (key, value) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = key, value
    d.add_heading("How to apply", level=1)
    apply = d.add_paragraph("Send your CV to jobs@brightwater.example by 15 January 2025. "
                            "Questions? Call Priya Shah on 0113 496 0000.")
    d.add_comment(apply.runs, text="Check the date before publishing.", author="Editor")
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    return path


if __name__ == "__main__":
    print(f"wrote {build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)}")
