"""Web inputs against a local server and a fake DNS: never the internet.

The fake DNS gives test host names real-looking addresses (a public one, a private one, the cloud metadata
one); the policy checks run on those, and only a vetted public address is then routed to the local server.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from elitewatch.cli import app
from elitewatch.ingest.readers import read_inputs
from elitewatch.ingest.web import Fetcher, is_public

TRICKLE = 0.1  # seconds between two pieces a slow server sends: 40 pieces take 4 s, past the 1 s deadline
PUBLIC = "8.8.8.8"  # news.test resolves here; routed to the local server after the checks
ARTICLE = (
    "<html><head><title>Tokayev meets Putin</title></head><body><article><h1>Tokayev meets Putin</h1>"
    + "".join(
        f"<p>Kazakh President Kassym-Jomart Tokayev met Russian President Vladimir Putin in Moscow, paragraph {n}. "
        "“We discussed security and trade,” Tokayev said after the talks in the Kremlin.</p>"
        for n in range(6)
    )
    + "</article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    agents: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        Handler.agents.append(self.headers.get("user-agent", ""))
        host = self.headers.get("host", "")
        port = host.rsplit(":", 1)[-1]
        path = self.path.split("?", 1)[0]
        if path == "/article.html":
            self._send(200, ARTICLE.encode(), "text/html; charset=utf-8")
        elif path == "/to-metadata":
            self._redirect(f"http://metadata.test:{port}/article.html")
        elif path == "/to-article":
            self._redirect("/article.html")
        elif path == "/big":
            self._send(200, b"x" * 50_000, "text/plain")
        elif path == "/slow":
            time.sleep(2)
            self._send(200, b"late", "text/plain")
        elif path == "/trickle":  # the headers at once, then the body a byte at a time
            self._trickle(b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 40\r\n\r\n", b"x" * 40)
        elif path == "/trickle-headers":  # the status line, then a header line at a time
            headers = b"".join(b"x-pad-%d: 1\r\n" % n for n in range(40))
            self._trickle(
                b"HTTP/1.1 200 OK\r\n", headers + b"content-length: 2\r\n\r\nok", piece=len(b"x-pad-0: 1\r\n")
            )
        elif path.startswith("/hop/"):  # each step of the chain a little slow, the whole chain too slow
            time.sleep(TRICKLE * 3)
            left = int(path.rsplit("/", 1)[1])
            self._redirect(f"/hop/{left - 1}" if left else "/article.html")
        elif path == "/feed.xml":
            items = "".join(
                f"<item><title>{title}</title><link>http://{where}:{port}/article.html?{n}</link>"
                f"<pubDate>Mon, 04 Dec 2023 10:00:00 GMT</pubDate></item>"
                for n, (title, where) in enumerate(
                    [("First", "news.test"), ("Second", "news.test"), ("Inside", "inside.test")]
                )
            )
            feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
            self._send(200, feed.encode(), "application/rss+xml")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("content-type", content_type)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (the timeout test): nothing may reach another test's captured stderr

    def _trickle(self, start: bytes, rest: bytes, piece: int = 1) -> None:
        """Sends `start`, then `rest` a piece every TRICKLE seconds: at most 40 pieces, or until the client goes."""
        try:
            self.wfile.write(start)
            for offset in range(0, len(rest), piece):
                time.sleep(TRICKLE)
                self.wfile.write(rest[offset : offset + piece])
                self.wfile.flush()
        except OSError:
            pass  # the client gave up, as it should
        self.close_connection = True

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("location", location)
        self.send_header("content-length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield int(server.server_address[1])
    server.shutdown()


DNS = {"news.test": [PUBLIC], "inside.test": ["10.0.0.5"], "metadata.test": ["169.254.169.254"], "v6.test": ["::1"]}


def fake_dns(host: str, port: int) -> list[str]:
    return DNS.get(host, [host])  # an address literal resolves to itself


def fetcher(**options: object) -> Fetcher:
    return Fetcher(resolver=fake_dns, route=lambda address: "127.0.0.1", **options)  # type: ignore[arg-type]


def test_address_policy() -> None:
    for address in ["8.8.8.8", "2a00:1450:4001:80b::200e", "93.184.216.34"]:
        assert is_public(address), address
    private = ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0"]
    private += ["::1", "fe80::1", "fc00::1", "fd00:ec2::254", "::ffff:127.0.0.1", "224.0.0.1", "240.0.0.1"]
    for address in private:
        assert not is_public(address), address


def test_a_public_page_is_fetched_with_a_clear_user_agent(port: int) -> None:
    result = read_inputs([f"http://news.test:{port}/to-article"], max_chars=10**6, fetcher=fetcher())
    assert not result.refused, result.refused
    document = result.documents[0]
    assert "Kassym-Jomart Tokayev" in document.text and document.url.endswith("/article.html")
    assert Handler.agents[-1].startswith("elitewatch/")


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("http://inside.test:{port}/article.html", "10.0.0.5"),
        ("http://127.0.0.1:{port}/article.html", "127.0.0.1"),
        ("http://v6.test:{port}/article.html", "::1"),
        ("http://news.test:{port}/to-metadata", "169.254.169.254"),  # refused on the redirect, after DNS
        ("file:///etc/passwd", "only http and https"),
    ],
)
def test_private_loopback_link_local_and_metadata_addresses_are_refused(port: int, address: str, why: str) -> None:
    result = read_inputs([address.format(port=port)], max_chars=10**6, fetcher=fetcher())
    assert not result.documents
    assert why in result.refused[0][1]


def test_allow_private_fetches_them(port: int) -> None:
    result = read_inputs(
        [f"http://inside.test:{port}/article.html"], max_chars=10**6, fetcher=fetcher(allow_private=True)
    )
    assert result.documents and not result.refused


def test_size_limit_and_timeout(port: int) -> None:
    big = read_inputs([f"http://news.test:{port}/big"], max_chars=10**6, fetcher=fetcher(max_bytes=10_000))
    assert "larger than the limit" in big.refused[0][1]
    slow = read_inputs([f"http://news.test:{port}/slow"], max_chars=10**6, fetcher=fetcher(timeout=0.5))
    assert "no answer within" in slow.refused[0][1]
    missing = read_inputs([f"http://news.test:{port}/nothing"], max_chars=10**6, fetcher=fetcher())
    assert "404" in missing.refused[0][1]


def test_a_feed_brings_its_articles_with_titles_and_dates(port: int) -> None:
    result = read_inputs([], max_chars=10**6, feeds=[f"http://news.test:{port}/feed.xml"], fetcher=fetcher())
    assert [d.title for d in result.documents] == ["First", "Second"]
    assert all(d.published == "2023-12-04" for d in result.documents)
    assert len(result.refused) == 1 and "10.0.0.5" in result.refused[0][1]  # the item inside the network


def test_cli_refuses_a_loopback_address_clearly(port: int, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["ingest", f"http://127.0.0.1:{port}/article.html", "--db", str(tmp_path / "s.db"), "-q"]
    )
    assert result.exit_code == 1
    assert "refused" in result.output and "--allow-private" in result.output


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/trickle", "took longer than 1 s"),  # each byte comes within the timeout, the body does not
        ("/trickle-headers", "no answer within 1 s"),  # the headers never end within it
        ("/hop/4", "took longer than 1 s"),  # five answers of 0.3 s each: the redirects count too
    ],
)
def test_the_timeout_is_a_deadline_for_the_whole_fetch(port: int, path: str, reason: str) -> None:
    started = time.monotonic()
    result = read_inputs([f"http://news.test:{port}{path}"], max_chars=10**6, fetcher=fetcher(timeout=1))
    elapsed = time.monotonic() - started
    assert result.documents == []
    [(source, why)] = result.refused
    assert why == reason and source.startswith(f"http://news.test:{port}/")  # the address that was being fetched
    assert elapsed < 2.5  # the deadline and the time to see it passed, not the 4 s the server would take


def test_a_fetch_within_the_deadline_is_not_cut(port: int) -> None:
    result = read_inputs([f"http://news.test:{port}/hop/1"], max_chars=10**6, fetcher=fetcher(timeout=3))
    assert result.refused == [] and "Kassym-Jomart Tokayev" in result.documents[0].text
