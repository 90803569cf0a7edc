"""grammar: the real language-tool-python client against a LanguageTool stub on 127.0.0.1.

The stub speaks the two calls the client makes: GET /v2/languages and POST /v2/check. Like
LanguageTool (a Java server), it counts offsets in UTF-16 code units, so an emoji before an
error shifts them; jdlint must still point at the right column.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs

import pytest
from click.testing import CliRunner

from jdlint.checks import grammar
from jdlint.cli import cli
from jdlint.model import FileResult

pytest.importorskip("language_tool_python")

Lint = Callable[..., FileResult]
LANGUAGES = [{"name": "English (US)", "code": "en", "longCode": "en-US"},
             {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
             {"name": "Danish", "code": "da", "longCode": "da-DK"}]


def utf16_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


class Stub(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _json(self, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        Stub.requests.append(self.path)
        if self.path.startswith("/v2/languages"):
            self._json(LANGUAGES)
        else:
            self.send_error(404)

    def do_POST(self) -> None:
        Stub.requests.append(self.path)
        length = int(self.headers.get("Content-Length", 0))
        form = parse_qs(self.rfile.read(length).decode())
        text = form["text"][0]
        matches = []
        start = text.find("teh")
        while start != -1:
            matches.append({
                "message": "Possible spelling mistake found.", "shortMessage": "Spelling",
                "replacements": [{"value": "the"}], "offset": utf16_offset(text, start),
                "length": 3, "context": {"text": text, "offset": utf16_offset(text, start),
                                         "length": 3},
                "sentence": text, "type": {"typeName": "Other"},
                "rule": {"id": "MORFOLOGIK_RULE_EN_US", "description": "Spelling",
                         "issueType": "misspelling",
                         "category": {"id": "TYPOS", "name": "Possible Typo"}},
                "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
            })
            start = text.find("teh", start + 1)
        self._json({"software": {"name": "LanguageTool"}, "language": {"code": "en-US"},
                    "matches": matches})


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    grammar._clients.clear()
    grammar._failed.clear()
    Stub.requests.clear()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_matches_with_emoji_before_the_error(lint: Lint, server: str) -> None:
    text = "# Cook 🍳 wanted\n\nYou will join 🙂 teh kitchen team.\n"
    result = lint(text, select=("grammar",), languagetool_url=server)
    (d,) = result.diagnostics
    line = text.split("\n")[2]
    assert (d.line, d.column, d.end_column) == (3, line.index("teh") + 1, line.index("teh") + 4)
    assert '"the"' in d.message and d.data and d.data["rule-id"] == "MORFOLOGIK_RULE_EN_US"
    assert any(r.startswith("/v2/check") for r in Stub.requests)


def test_nothing_is_sent_without_a_server(lint: Lint, server: str) -> None:
    assert lint("You will join teh team.\n", select=("grammar",)).diagnostics == ()
    assert Stub.requests == []
    names = [d.name for d in lint("You will join teh team.\n").diagnostics]
    assert "grammar" not in names
    assert Stub.requests == []  # the default rule set never calls out


def test_naming_a_server_turns_the_rule_on(lint: Lint, server: str) -> None:
    result = lint("# Cook\n\nYou will join teh team.\n", select=("grammar",),
                  languagetool_url=server)
    assert [d.name for d in result.diagnostics] == ["grammar"]
    result = lint("# Cook\n\nYou will join teh team.\n", languagetool_url=server,
                  ignore=("grammar",))
    assert "grammar" not in [d.name for d in result.diagnostics]


def test_unreachable_server_is_a_clear_message_and_asked_once(tmp_path: Path) -> None:
    grammar._clients.clear()
    grammar._failed.clear()
    for i in range(3):
        (tmp_path / f"p{i}.md").write_text("# Cook\n\nYou will join teh team.\n", "utf-8")
    started = time.monotonic()
    result = CliRunner(env={"JDLINT_LANGUAGETOOL_URL": "http://127.0.0.1:9/"}).invoke(
        cli, ["check", str(tmp_path), "--isolated", "--select", "grammar", "--jobs", "1"])
    assert time.monotonic() - started < 30
    assert result.output.count("did not answer") == 3
    assert "Traceback" not in result.output


def test_config_key_and_env(tmp_path: Path, server: str) -> None:
    (tmp_path / ".jdlint.toml").write_text(f'languagetool-url = "{server}"\nselect = []\n',
                                           "utf-8")
    (tmp_path / "p.md").write_text("# Cook\n\nYou will join teh team.\n", "utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "p.md"), "--format", "json",
                                      "--fail-on", "never"])
    assert [d["name"] for d in json.loads(result.output)["diagnostics"]] == ["grammar"]


class Trickle(Stub):
    """A server that answers one byte a second: every read is within the client's timeout."""

    def do_POST(self) -> None:
        Stub.requests.append(self.path)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        try:
            for _ in range(60):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(1)
        except OSError:
            pass


def _serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    grammar._clients.clear()
    grammar._failed.clear()
    Stub.requests.clear()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture
def trickle() -> Iterator[str]:
    yield from _serve(Trickle)


def test_the_timeout_bounds_the_whole_request(lint: Lint, trickle: str) -> None:
    started = time.monotonic()
    result = lint("You will join teh team.\n", select=("grammar",), languagetool_url=trickle,
                  rule_options={"grammar": {"timeout": 1.0}})
    elapsed = time.monotonic() - started
    (d,) = result.diagnostics
    assert "did not answer (TimeoutError" in d.message
    assert elapsed < 20  # one byte a second for 60 s held the run for 120 s before


class Proxy(BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        Proxy.seen.append(self.path)
        self.send_error(502)

    do_POST = do_GET


def test_a_loopback_server_is_reached_without_the_proxy(
        lint: Lint, server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    Proxy.seen.clear()
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{proxy.server_address[1]}")
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    result = lint("You will join teh team.\n", select=("grammar",), languagetool_url=server)
    proxy.shutdown()
    assert [d.data["rule-id"] for d in result.diagnostics if d.data] == ["MORFOLOGIK_RULE_EN_US"]
    assert Proxy.seen == []  # the posting never went through the proxy


def test_credentials_in_the_server_url_never_reach_a_report(tmp_path: Path) -> None:
    grammar._clients.clear()
    grammar._failed.clear()
    (tmp_path / "p.md").write_text("# Cook\n\nYou will join teh team.\n", "utf-8")
    url = "http://writer:s3cr3t-pw@127.0.0.1:9/"
    for fmt in ("text", "json", "sarif", "github"):
        result = CliRunner(env={"JDLINT_LANGUAGETOOL_URL": url}).invoke(
            cli, ["check", str(tmp_path), "--isolated", "--select", "grammar", "--format", fmt,
                  "--min-severity", "info"])
        assert "did not answer" in result.output
        assert "s3cr3t" not in result.output and "writer" not in result.output
        assert "http://***@127.0.0.1:9/" in result.output


@pytest.mark.parametrize(("url", "loopback"), [
    ("http://127.0.0.1:8081/", True), ("http://localhost:8081", True), ("http://[::1]:8081/", True),
    ("http://127.8.0.1/", True), ("http://languagetool.example.org/", False),
    ("http://10.0.0.5:8081/", False),
])
def test_is_loopback(url: str, loopback: bool) -> None:
    assert grammar.is_loopback(url) is loopback
