"""Every diagnostic's line:column points at the flagged text, whatever the file looks like."""

from __future__ import annotations

import pytest

from jdlint.config import Config
from jdlint.engine import build_context, check_bytes
from jdlint.reading.decode import decode

BODY = "Title line\n\nWe want a Rockstar who is also a ninja.\n- Be a guru\nCulture fit matters.\n"
TERMS = {"rockstar", "ninja", "guru", "culture fit"}


def source_slice(source: str, d) -> str:  # type: ignore[no-untyped-def]
    lines = source.split("\n")
    assert d.line == d.end_line
    return lines[d.line - 1][d.column - 1:d.end_column - 1]


@pytest.mark.parametrize(("name", "data"), [
    ("lf.txt", BODY.encode()),
    ("crlf.txt", BODY.replace("\n", "\r\n").encode()),
    ("bom.md", b"\xef\xbb\xbf" + BODY.encode()),
    ("bom-crlf.md", b"\xef\xbb\xbf" + BODY.replace("\n", "\r\n").encode()),
    ("front.md", b"---\ntitle: X\n---\n" + BODY.encode()),
    ("emoji.md", ("\U0001F680 " + BODY).encode()),
    ("cp1252.txt", ("Café jobs\n" + BODY).encode("cp1252")),
    ("page.html", ("<html><body><p>We want a <b>Rockstar</b> who is also a\n   ninja.</p>"
                   "<ul>\n<li>Be a guru</li></ul><p>Culture&nbsp;fit matters.</p></body></html>").encode()),
])
def test_diagnostics_point_at_the_flagged_text(name: str, data: bytes) -> None:
    ctx = build_context(Config(select=("INC006",)))
    result = check_bytes(name, data, ctx)
    source = decode(data).text
    found = [source_slice(source, d) for d in result.diagnostics]
    assert len(found) == 4, result.diagnostics
    for text in found:
        assert text.replace("\xa0", " ").replace("&nbsp;", " ").lower() in TERMS, (name, text)
