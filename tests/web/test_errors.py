"""Every failure answers with the one error body, as JSON or a page: hostile parameters, and a store the
server cannot read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from elitewatch.web.app import create_app
from tests import pg

HTML = {"accept": "text/html"}
TOKEN = "s3cret-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
HUGE = "99999999999999999999"  # past SQLite's 64-bit integers: the driver raises OverflowError


@pytest.fixture(scope="module")
def client(examples_store: Path) -> TestClient:
    return TestClient(create_app(examples_store), raise_server_exceptions=False)


@pytest.fixture
def writable(examples_store: Path, tmp_path: Path) -> TestClient:
    copy = pg.copy_store(examples_store, tmp_path / "w.db")
    return TestClient(create_app(copy, token=TOKEN), raise_server_exceptions=False)


def error_of(response: object) -> dict[str, object]:
    assert response.headers["content-type"].startswith("application/json"), response.text  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message", "source"}
    assert body["error"]["status"] == response.status_code  # type: ignore[attr-defined]
    return dict(body["error"])


@pytest.mark.parametrize(
    "path",
    [
        f"/entity/{HUGE}",
        f"/entity/{HUGE}.json",
        "/entity/-1.json",
        "/entity/0",
        "/compare?a=²&b=x",
        "/compare.json?a=²&b=Putin",
        f"/compare.json?a={HUGE}&b=Putin",
        "/document/no/such/document.json",
    ],
)
def test_an_id_that_cannot_be_is_not_found(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert error_of(response)["message"]
    page = client.get(path.replace(".json", ""), headers=HTML)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "<h1>404</h1>" in page.text


@pytest.mark.parametrize("name", ["from", "to"])
@pytest.mark.parametrize("page", ["/events", "/quotes.json"])
def test_a_bad_date_is_told_in_a_sentence(client: TestClient, page: str, name: str) -> None:
    response = client.get(page, params={name: "garbage"})
    assert response.status_code == 422
    error = error_of(response)
    assert error["message"] == f"{name}: expected a date like 2024, 2024-03 or 2024-03-15"
    assert error["source"] == "garbage"
    shown = client.get(page.removesuffix(".json"), params={name: "garbage"}, headers=HTML).text
    assert "expected a date like 2024" in shown and "\\d{4}" not in shown


def test_ids_past_sqlite_on_the_write_routes(writable: TestClient) -> None:
    assert writable.post(f"/api/review/{HUGE}?decision=accept", headers=AUTH).status_code == 404
    form = writable.post(f"/review/{HUGE}", data={"decision": "accept", "token": TOKEN})
    assert form.status_code == 404 and error_of(form)["source"] == HUGE
    for body in ({"a": "²", "b": "Putin"}, {"a": HUGE, "b": "Putin"}):
        assert writable.post("/api/merge", json=body, headers=AUTH).status_code == 404
    split = writable.post("/api/split", json={"entity": "²", "alias": "x"}, headers=AUTH)
    assert split.status_code == 404 and error_of(split)


def test_anything_unexpected_is_a_500_with_the_error_body(tmp_path: Path) -> None:
    broken = tmp_path / "not-a-store.db"  # an SQLite file, but none of elitewatch's tables
    sqlite3.connect(broken).execute("CREATE TABLE other (x)").connection.close()
    client = TestClient(create_app(broken), raise_server_exceptions=False)
    response = client.get("/index.json")
    assert response.status_code == 500
    error = error_of(response)
    assert error["message"] and error["source"] is None
    for leak in (str(tmp_path), "Traceback", "sqlite", "documents"):
        assert leak not in response.text
    assert response.headers["x-content-type-options"] == "nosniff"
    page = client.get("/", headers=HTML)
    assert page.status_code == 500 and "<h1>500</h1>" in page.text and str(tmp_path) not in page.text
