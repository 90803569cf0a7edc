"""Posting text never controls the terminal or the CI log it is printed to.

Messages quote postings and LanguageTool; paths are whatever files are named. Printed raw, an
ESC sequence clears the screen or sets the clipboard (OSC 52), a newline starts a line of its
own, and a line starting with ``::`` is a GitHub Actions workflow command. So every control
character (C0, DEL, C1), bidirectional override (Trojan Source), line separator and undecodable
file-name byte is shown as an escape (``\\x1b``, ``\\u202e``), and a path that would start a
line with ``::`` gets a ``./`` in front.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                     "\u2066-\u2069\udc80-\udcff]")


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    n = ord(c)
    if 0xDC80 <= n <= 0xDCFF:  # a file-name byte that is not UTF-8 (surrogateescape)
        return f"\\x{n - 0xDC00:02x}"
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def printable(text: str) -> str:
    """``text`` with every character that could steer a terminal or log shown escaped."""
    return _UNSAFE.sub(_escape, text)


def printable_path(path: str) -> str:
    """A path safe at the start of a report line."""
    out = printable(path)
    return "./" + out if out.lstrip().startswith("::") else out
