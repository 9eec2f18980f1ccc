"""A real server on loopback: concurrent readers, and writes refused before their body is read."""

from __future__ import annotations

import contextlib
import itertools
import select
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from elitewatch.web.app import create_app
from tests.web.live import serving

CLIENTS = 8
REQUESTS = 200
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def live(examples_store: Path) -> Iterator[str]:
    with serving(create_app(examples_store, token=TOKEN)) as base:
        yield base


def _mixed_paths(base: str) -> list[str]:
    """Pages and JSON twins of every kind, with ids from the store."""
    corpus = httpx.get(f"{base}/index.json", timeout=30).json()
    person, document = corpus["most_mentioned"][0]["id"], corpus["recent"][0]["id"]
    return [
        "/",
        "/index.json",
        "/search?q=Tokayev",
        "/search.json?q=security",
        "/quotes.json",
        "/quotes?speaker=Putin",
        "/events.json",
        "/events?type=meeting",
        f"/entity/{person}",
        f"/entity/{person}.json",
        f"/document/{document}",
        f"/document/{document}.json",
        f"/compare.json?a={person}&b=Putin",
    ]


def test_eight_concurrent_clients_get_no_server_error(live: str) -> None:
    paths = itertools.cycle(_mixed_paths(live))
    work = [next(paths) for _ in range(REQUESTS)]
    statuses: Counter[int] = Counter()
    failures: list[str] = []
    lock = threading.Lock()

    def client(share: list[str]) -> None:
        with httpx.Client(base_url=live, timeout=60, headers={"accept": "text/html"}) as http:
            for path in share:
                try:
                    status = http.get(path).status_code
                except httpx.HTTPError as error:
                    with lock:
                        failures.append(f"{path}: {error!r}")
                    continue
                with lock:
                    statuses[status] += 1
                    if status != 200:
                        failures.append(f"{path}: {status}")

    threads = [threading.Thread(target=client, args=(work[i::CLIENTS],)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads), "clients still running after 5 minutes"
    assert not failures, f"{len(failures)} of {REQUESTS} failed, e.g. {failures[:5]}; statuses {dict(statuses)}"
    assert statuses == {200: REQUESTS}


def _raw_request(base: str, head: str, body: bytes = b"") -> tuple[bytes, float]:
    """Sends the request line and headers (and `body`, a first piece of a larger one) and reads the answer
    without sending more: a server that waits for the rest of the body never answers."""
    host, port = base.removeprefix("http://").split(":")
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(head.encode("latin-1") + body)
        answer = b""
        try:
            while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
                piece = connection.recv(65536)
                if not piece:
                    break
                answer += piece
        except TimeoutError:
            pass
    return answer, time.monotonic() - started


GIGABYTE_UPLOAD = (
    "POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 1000000000\r\n{auth}\r\n"
)
FIRST_PART = b'--xyz\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n\r\n' + b"a" * 65536


@pytest.mark.parametrize(("auth", "status"), [("", b"401"), ("Authorization: Bearer nope\r\n", b"401")])
def test_a_gigabyte_upload_without_the_token_is_refused_before_its_body(live: str, auth: str, status: bytes) -> None:
    answer, seconds = _raw_request(live, GIGABYTE_UPLOAD.format(auth=auth), FIRST_PART)
    assert answer.startswith(b"HTTP/1.1 " + status), answer[:200]
    assert b'"error"' in answer and b"token" in answer
    assert seconds < 10  # answered at once, not after a timeout waiting for the other 999 MB


def test_a_body_over_the_limit_is_refused_from_its_length(live: str) -> None:
    auth = f"Authorization: Bearer {TOKEN}\r\n"
    answer, _ = _raw_request(live, GIGABYTE_UPLOAD.format(auth=auth), FIRST_PART)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b'"error"' in answer and b"limit" in answer


def test_a_chunked_body_is_cut_at_the_limit(examples_store: Path) -> None:
    """No length declared: the server counts while the body streams, answers 413 at the limit and closes;
    the client sends 64 KB pieces until the answer comes, at most 13 MB."""
    head = GIGABYTE_UPLOAD.replace("Content-Length: 1000000000", "Transfer-Encoding: chunked")
    head = head.format(auth=f"Authorization: Bearer {TOKEN}\r\n").encode()
    chunk = b"%x\r\n%s\r\n" % (len(FIRST_PART), FIRST_PART)
    pieces, answer = 0, b""
    with serving(create_app(examples_store, token=TOKEN, body_limit=1_000_000)) as base:
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as connection:
            connection.sendall(head)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # closed: it reads no more
                while pieces < 200 and not select.select([connection], [], [], 0)[0]:
                    connection.sendall(chunk)
                    pieces += 1
            while b"}" not in answer and (more := connection.recv(65536)):
                answer += more
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"connection: close" in answer.lower() and b'"error"' in answer
    assert pieces < 200
