"""POST /api/ingest as a careless or hostile client uses it: names that are not file names, two files of one
name, bodies over the limit, no token; and the Authorization header's scheme."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from elitewatch.web.app import create_app
from tests import pg

TOKEN = "s3cret-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
PUTIN = "“We will meet again,” Vladimir Putin said in Astana on Monday."
BOUNDARY = "elitewatch-test-boundary"
TOKAYEV = "President Kassym-Jomart Tokayev said: “The reforms will go on.” on Tuesday in Astana."


@pytest.fixture
def store(examples_store: Path, tmp_path: Path) -> Path:
    copy = pg.copy_store(examples_store, tmp_path / "w.db")
    return copy


@pytest.fixture
def writable(store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store, token=TOKEN)) as client:
        yield client


def upload(client: TestClient, *files: tuple[str, str]) -> Any:
    """The multipart body written here, so that a name arrives exactly as given (httpx would escape it)."""
    body = b""
    for name, text in files:
        quoted = name.replace("\\", "\\\\").replace('"', '\\"')
        disposition = f'Content-Disposition: form-data; name="files"; filename="{quoted}"'
        body += f"--{BOUNDARY}\r\n{disposition}\r\n\r\n".encode() + text.encode() + b"\r\n"
    body += f"--{BOUNDARY}--\r\n".encode()
    headers = {**AUTH, "content-type": f"multipart/form-data; boundary={BOUNDARY}"}
    return client.post("/api/ingest", content=body, headers=headers)


def test_two_uploads_of_one_name_are_both_ingested(writable: TestClient) -> None:
    response = upload(writable, ("note.txt", PUTIN), ("note.txt", TOKAYEV))
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["added"] == ["note", "note-2"] and not report["refused"]
    assert report["renamed"] == [{"upload": "note.txt", "as": "note-2.txt"}]
    assert writable.get("/document/note.json").json()["text"] == PUTIN
    assert writable.get("/document/note-2.json").json()["text"] == TOKAYEV


@pytest.mark.parametrize("name", ["", " ", "..", ".", "a/..", "dir/", "bad\x00name.txt", "x" * 300 + ".txt"])
def test_a_name_that_is_no_file_name_is_refused_naming_the_upload(writable: TestClient, name: str) -> None:
    response = upload(writable, ("fine.txt", PUTIN), (name, TOKAYEV))
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["source"] == name and "name" in error["message"]
    assert writable.get("/document/fine.json").status_code == 404  # refused whole: nothing ingested


@pytest.mark.parametrize("name", ["../../etc/passwd.txt", "/passwd.txt", "a\\..\\passwd.txt"])
def test_a_path_is_cut_to_its_file_name(writable: TestClient, name: str) -> None:
    response = upload(writable, (name, PUTIN))
    assert response.status_code == 200, response.text
    assert response.json()["added"] == ["passwd"]
    assert response.json()["renamed"] == [{"upload": name, "as": "passwd.txt"}]


def test_refusals_name_the_upload_never_the_server_folder(writable: TestClient) -> None:
    records = json.dumps({"text": TOKAYEV}) + "\n{not json\n"
    response = upload(writable, ("empty.txt", "   \n"), ("records.jsonl", records), ("photo.pdf", "%PDF"))
    assert response.status_code == 200, response.text
    refused = {r["source"]: r["reason"] for r in response.json()["refused"]}
    assert set(refused) == {"empty.txt", "records.jsonl:2", "photo.pdf"}
    assert "/tmp" not in response.text and "elitewatch-upload" not in response.text


def test_a_sidecar_comes_with_its_document_or_is_refused(writable: TestClient) -> None:
    meta = json.dumps({"title": "Astana talks"})
    report = upload(writable, ("talks.txt", PUTIN), ("talks.meta.json", meta), ("alone.meta.json", meta)).json()
    assert report["added"] == ["talks"]
    assert [r["source"] for r in report["refused"]] == ["alone.meta.json"]
    assert writable.get("/document/talks.json").json()["title"] == "Astana talks"


@pytest.mark.parametrize(
    ("header", "status"),
    [
        (f"Bearer {TOKEN}", 404),  # past the token: the names mean no entity
        (f"bearer {TOKEN}", 404),
        (f"BEARER   {TOKEN} ", 404),
        (TOKEN, 401),
        (f"Basic {TOKEN}", 401),
        (f"Token {TOKEN}", 401),
        ("Bearer", 401),
        ("Bearer ", 401),
        (f"Bearer {TOKEN}x", 401),
    ],
)
def test_authorization_needs_the_bearer_scheme(writable: TestClient, header: str, status: int) -> None:
    body = {"a": "Nobody Atall", "b": "Noone Either"}
    response = writable.post("/api/merge", json=body, headers={"authorization": header})
    assert response.status_code == status, response.text
    assert set(response.json()) == {"error"}
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"


# The gate, called as the server calls the app: how much of the body it pulls is counted. --------------


CHUNK = 64 * 1024


def call(app: Any, path: str, headers: dict[str, str], chunks: int) -> tuple[int, dict[str, Any], int]:
    """POST `path` with a body of `chunks` pieces of 64 KB, streamed: (status, JSON answer, pieces pulled).
    The body is one file upload, of 64 MB at 1000 pieces."""
    pulled = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        if pulled >= chunks:
            return {"type": "http.disconnect"}
        pulled += 1
        head = FILE_PART if pulled == 1 else b""
        return {"type": "http.request", "body": head + b"a" * (CHUNK - len(head)), "more_body": pulled < chunks}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], json.loads(body), pulled


MULTIPART = {"content-type": f"multipart/form-data; boundary={BOUNDARY}"}
FILE_PART = f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n\r\n'.encode()


@pytest.mark.parametrize(("token", "status"), [(None, 403), (TOKEN, 401)])
def test_no_token_no_byte_of_the_body_is_read(store: Path, token: str | None, status: int) -> None:
    app = create_app(store, token=token)
    answer, error, pulled = call(app, "/api/ingest", MULTIPART, chunks=1000)  # 64 MB
    assert (answer, pulled) == (status, 0)
    assert error["error"]["status"] == status


def test_a_streamed_body_is_cut_at_the_limit(store: Path) -> None:
    app = create_app(store, token=TOKEN, body_limit=1_000_000)
    answer, error, pulled = call(app, "/api/ingest", {**MULTIPART, **AUTH}, chunks=1000)
    assert answer == 413 and "limit" in error["error"]["message"]
    assert pulled == 1_000_000 // CHUNK + 1  # stopped at the first piece past the limit


def test_a_declared_length_over_the_limit_is_refused_before_reading(store: Path) -> None:
    app = create_app(store, token=TOKEN, body_limit=1_000_000)
    headers = {**MULTIPART, **AUTH, "content-length": str(1000 * CHUNK)}
    assert call(app, "/api/ingest", headers, chunks=1000)[::2] == (413, 0)


def test_the_review_form_is_small_and_off_without_a_token(store: Path) -> None:
    form = {"content-type": "application/x-www-form-urlencoded"}
    assert call(create_app(store), "/review/1", form, chunks=1)[::2] == (403, 0)
    answer, _, pulled = call(create_app(store, token=TOKEN), "/review/1", form, chunks=100)
    assert answer == 413 and pulled < 100
