"""Word documents (.docx, Office Open XML), read with python-docx.

A DOCX has no lines, so positions are by paragraph: the text jdlint checks holds one body
paragraph per line (empty paragraphs too, so paragraph N is line N), and a finding at
"line 12, column 5" is paragraph 12, character 5. Table cells give their paragraphs in
reading order (row by row), and a text box its paragraphs after the paragraph it is anchored
in; headers and footers are left out unless asked for (they hold logos, page numbers and the
company address, not the posting). Tracked insertions are kept and
tracked deletions, moved-from text, comments and field codes are not (what Word shows with
"No Markup"). Word's heading styles and outline levels become heading hints, numbered and
bulleted paragraphs list items; the document's title and dates become metadata.

A legacy ``.doc`` (Word 97-2003), a password-protected file (an encrypted OLE container) and
a damaged one are each an :class:`~jdlint.errors.InputError` with a clear reason.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from .offsets import OffsetMap
from .parsed import Hint, Parsed

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc files and encrypted .docx files
#: Elements whose text Word does not show as the document's text (with "No Markup").
_SKIP = {f"{{{_W}}}{n}" for n in ("del", "moveFrom", "txbxContent", "instrText", "delText",
                                  "footnoteReference", "endnoteReference")} | {f"{{{_MC}}}Fallback"}
_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|overskrift|titre|kop)\s*(\d)$", re.I)
_TITLE_STYLE = re.compile(r"^(?:title|titel|subtitle|untertitel|undertitel)$", re.I)


@dataclass(frozen=True)
class DocxText:
    """What the DOCX reader gives: the paragraph text (also the reported "source") and its
    parse (identity offsets, hints, metadata)."""

    source: str
    parsed: Parsed


#: The most a .docx may expand to when unzipped: a posting is a few hundred kilobytes, and a
#: zip bomb must not take the machine's memory.
MAX_UNZIPPED = 200_000_000


def read_docx(data: bytes, headers_footers: bool = False,
              max_unzipped: int = MAX_UNZIPPED) -> DocxText:
    if data.startswith(_OLE):
        raise InputError("a Word 97-2003 document (.doc) or a password-protected .docx; "
                         "save it as a Word document (.docx) without a password")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError("not a Word document (.docx): the file is damaged or of another kind")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"a damaged Word document ({exc})") from None
    if unzipped > max_unzipped:
        raise InputError(f"a Word document that unzips to {unzipped:,} bytes (more than "
                         f"{max_unzipped:,}); not read")
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError("reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(f"a damaged Word document ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # lxml's XMLSyntaxError and the like: still one file's problem
        raise InputError(f"a damaged Word document ({type(exc).__name__}: {exc})") from None
    return _build(document, headers_footers)


def _build(document: Any, headers_footers: bool) -> DocxText:
    lines: list[str] = []
    hints: list[Hint] = []
    offset = 0

    def add(paragraph: Any) -> None:
        nonlocal offset
        text = _paragraph_text(paragraph._p)
        kind, level = _role(paragraph)
        if kind and text.strip():
            hints.append(Hint(kind, offset, offset + len(text), level))
        lines.append(text)
        offset += len(text) + 1

    parts = [document.element.body]
    if headers_footers:  # each section's own (a linked one repeats the one before)
        heads = [s.header for s in document.sections if not s.header.is_linked_to_previous]
        feet = [s.footer for s in document.sections if not s.footer.is_linked_to_previous]
        parts = [h._element for h in heads] + parts + [f._element for f in feet]
    for part in parts:
        for paragraph in _paragraphs(part, document):
            add(paragraph)
    source = "\n".join(lines) + "\n"
    parsed = Parsed(source, OffsetMap.identity(len(source)), _meta(document), tuple(hints),
                    hard_breaks=True)
    return DocxText(source, parsed)


def _paragraphs(container: Any, document: Any) -> Iterator[Any]:
    """Paragraphs in reading order: body paragraphs, table cells row by row (nested tables
    too), content controls' contents; a merged cell once."""
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{{{_W}}}p":
            yield Paragraph(child, document)
            for box in _text_boxes(child):  # (after the paragraph they are anchored in)
                yield from _paragraphs(box, document)
        elif tag == f"{{{_W}}}tbl":
            for row in child.iterchildren(f"{{{_W}}}tr"):
                for cell in row.iterchildren(f"{{{_W}}}tc"):
                    yield from _paragraphs(cell, document)
        elif tag in (f"{{{_W}}}sdt", f"{{{_W}}}sdtContent", f"{{{_W}}}customXml",
                     f"{{{_W}}}ins"):
            yield from _paragraphs(child, document)


_TEXT_BOX = f"{{{_W}}}txbxContent"
_FALLBACK = f"{{{_MC}}}Fallback"


def _text_boxes(p: Any) -> list[Any]:
    """The text boxes anchored in paragraph ``p`` (a sidebar with the closing date, a box with
    the contact), each once: Word keeps a copy for older readers (``mc:Fallback``), and a box
    inside a box is read with its box."""
    out = []
    for box in p.iter(_TEXT_BOX):
        parent = box.getparent()
        while parent is not None and parent is not p and parent.tag not in (_FALLBACK,
                                                                            _TEXT_BOX):
            parent = parent.getparent()
        if parent is p:
            out.append(box)
    return out


def _paragraph_text(p: Any) -> str:
    out: list[str] = []

    def walk(element: Any) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP or tag == f"{{{_W}}}pPr":
                continue
            if tag == f"{{{_W}}}t":
                out.append(child.text or "")
            elif tag == f"{{{_W}}}tab":
                out.append("\t")
            elif tag in (f"{{{_W}}}br", f"{{{_W}}}cr"):
                out.append(" ")  # a soft break stays inside the paragraph (its line)
            elif tag == f"{{{_W}}}noBreakHyphen":
                out.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(out).replace("\n", " ").replace("\r", " ")


def _role(paragraph: Any) -> tuple[str | None, int]:
    """("heading", level), ("bullet", 0) or (None, 0) from the paragraph's style, its
    outline level and its numbering."""
    p_pr = paragraph._p.pPr
    level = _outline_level(p_pr)
    style = _style(paragraph)
    name = style.name if style is not None and style.name else ""
    if level is None and style is not None:
        level = _outline_level(style.element.pPr)
    if m := _HEADING_STYLE.match(name):
        return "heading", int(m.group(1))
    if _TITLE_STYLE.match(name):
        return "heading", 1
    if level is not None and level < 9:
        return "heading", level + 1
    numbered = p_pr is not None and p_pr.numPr is not None
    if not numbered and style is not None and style.element.pPr is not None:
        numbered = style.element.pPr.numPr is not None
    if numbered or name.lower().startswith(("list", "liste")):
        return "bullet", 0
    return None, 0


def _style(paragraph: Any) -> Any:
    try:
        return paragraph.style
    except (KeyError, ValueError, AttributeError):  # a style id the styles part lacks
        return None


def _outline_level(p_pr: Any) -> int | None:
    if p_pr is None:
        return None
    found = p_pr.find(f"{{{_W}}}outlineLvl")
    if found is None:
        return None
    try:
        return int(found.get(f"{{{_W}}}val"))
    except (TypeError, ValueError):
        return None


def _meta(document: Any) -> dict[str, Any]:
    """The document's properties as posting metadata: title, subject, dates."""
    meta: dict[str, Any] = {}
    try:
        props = document.core_properties
        title, subject = props.title, props.subject
        created, modified = props.created, props.modified
    except Exception:  # malformed core.xml: the text is still worth checking
        return meta
    if title:
        meta["title"] = title
    if subject:
        meta["subject"] = subject
    if created is not None:
        meta["created"] = created.date().isoformat()
    if modified is not None:
        meta["modified"] = modified.date().isoformat()
    return meta
