"""Spelling and grammar through a LanguageTool server the user names (opt-in).

Nothing is sent anywhere unless a server is configured (`languagetool-url` or the environment
variable JDLINT_LANGUAGETOOL_URL); naming one turns the rule on. A local LanguageTool install
is used the same way: start its server (``java -cp languagetool-server.jar
org.languagetool.server.HTTPServer --port 8081``) and name ``http://127.0.0.1:8081``. jdlint
never starts or downloads LanguageTool itself.
"""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from ..document import Document
from ..model import Category, Example, RuleDocs, RuleMeta, Severity, Violation
from ..rule import Rule

_LANGUAGES = {"en": "en-US", "de": "de-DE", "da": "da-DK"}

# One client per (server, language, timeout) and process; a server that failed is not asked
# again in the same run, so an unreachable server costs one timeout, not one per file.
_clients: dict[tuple[str, str, float], Any] = {}
_failed: dict[str, str] = {}


T = TypeVar("T")


def is_loopback(url: str) -> bool:
    """Is the server on this machine (127.0.0.0/8, ::1, localhost)?"""
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def redact(url: str) -> str:
    """``url`` without the user name and password it may carry (they never reach a report)."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, "***@" + netloc, parts.path, parts.query, parts.fragment))


def _scrub(message: str, url: str) -> str:
    parts = urlsplit(url)
    out = message.replace(url, redact(url))
    for secret in (parts.password, parts.username):
        if secret:
            out = out.replace(secret, "***")
    return out


def within(seconds: float, call: Callable[[], T]) -> T:
    """``call()``, or TimeoutError after ``seconds`` in all. The client's own timeout bounds
    each socket read, so a server trickling one byte a second could hold a run for minutes;
    this bounds the whole request. The abandoned call finishes in a daemon thread."""
    box: list[Any] = []

    def target() -> None:
        try:
            box.append((True, call()))
        except BaseException as exc:  # handed to the caller's thread
            box.append((False, exc))

    worker = threading.Thread(target=target, name="jdlint-languagetool", daemon=True)
    worker.start()
    worker.join(seconds)
    if not box:
        raise TimeoutError(f"no complete answer within {seconds:g} s")
    ok, value = box[0]
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]


def _client(url: str, language: str, timeout: float) -> Any:
    key = (url, language, timeout)
    if key not in _clients:
        import language_tool_python as ltp  # deferred: an optional extra

        bounded = type("BoundedLanguageTool", (ltp.LanguageTool,), {"_TIMEOUT": timeout})
        # A server on this machine is reached directly: with HTTP_PROXY set, requests would
        # otherwise send the posting through the proxy. None values switch a proxy off.
        proxies = {"http": None, "https": None} if is_loopback(url) else None
        _clients[key] = bounded(language, remote_server=url, proxies=proxies)
    return _clients[key]


class Grammar(Rule):
    heavy = True
    meta = RuleMeta(
        code="RDB006",
        name="grammar",
        category=Category.READABILITY,
        severity=Severity.WARNING,
        summary="Spelling and grammar from a LanguageTool server you name (opt-in).",
        default_enabled=False,
        options={"url": "", "timeout": 15.0, "disabled-rules": []},
        docs=RuleDocs(
            what="Sends the posting's text to the LanguageTool server you configure "
                 "(`languagetool-url = \"http://127.0.0.1:8081\"` in `[tool.jdlint]`, or the "
                 "environment variable JDLINT_LANGUAGETOOL_URL; naming a server turns the "
                 "rule on) and reports its spelling and grammar matches with LanguageTool's "
                 "suggestions. Needs the optional extra: `pip install 'jdlint[grammar]'`. "
                 "Options: `timeout` (seconds per request, default 15) and `disabled-rules` "
                 "(LanguageTool rule IDs). Text is never sent to the public LanguageTool API "
                 "unless you name it as the server.",
            why="Typos in a posting cost credibility with exactly the careful applicants you "
                "want; LanguageTool checks English, German and Danish.",
            example="You will join teh team.",
            use_instead="You will join the team.",
            references=("LanguageTool (LGPL-2.1), https://languagetool.org/; "
                        "language-tool-python (GPL-3.0), "
                        "https://github.com/jxmorris12/language_tool_python",),
            basis="good practice",
        ),
        examples=(
            Example("You will join teh team.\n", True,
                    options={"url": "http://127.0.0.1:9/"}),  # unreachable: says so
            Example("You will join the team.\n", False),  # no server named: nothing sent
        ),
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Violation]:
        url = str(options.get("url") or "")
        if not url:
            return
        start, anchor_end = doc.first_line
        if url in _failed:
            yield Violation(start, anchor_end, _failed[url], severity=Severity.INFO,
                            located=False)
            return
        timeout = float(options["timeout"])
        language = _LANGUAGES.get(doc.language, "en-US")
        disabled = set(options.get("disabled-rules") or ())
        try:
            matches = within(timeout, lambda: _client(url, language, timeout).check(doc.text))
        except ImportError:
            _failed[url] = ("grammar was not checked: install the optional extra "
                            "(pip install 'jdlint[grammar]')")
            yield Violation(start, anchor_end, _failed[url], severity=Severity.INFO,
                            located=False)
            return
        except Exception as exc:  # any client or network failure
            _failed[url] = _scrub(f"grammar was not checked: the LanguageTool server at {url} "
                                  f"did not answer ({type(exc).__name__}: {str(exc)[:160]})",
                                  url)
            yield Violation(start, anchor_end, _failed[url], severity=Severity.INFO,
                            located=False)
            return
        for m in matches:
            if m.rule_id in disabled:
                continue
            begin = max(0, min(int(m.offset), len(doc.text)))
            end = min(len(doc.text), begin + int(m.error_length))
            if doc.is_protected(begin, end):
                continue
            fix = ""
            if m.replacements:
                fix = " (" + ", ".join(f'"{r}"' for r in m.replacements[:3]) + ")"
            yield Violation(begin, end, f"{m.message}{fix} [{m.rule_id}]",
                            data={"rule-id": m.rule_id, "replacements": m.replacements[:5]})
