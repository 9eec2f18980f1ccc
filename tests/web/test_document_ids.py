"""Documents whose ids are not one path segment ("news/2024/01/story" from a JSONL record's "id", or with
"?", "#", "%", spaces or ".json" in them): their pages and twins answer, and every link to them works."""

from __future__ import annotations

import html
import json
import re

import pytest
from fastapi.testclient import TestClient

from elitewatch.pipeline import ingest
from elitewatch.settings import Settings
from elitewatch.store import connect
from elitewatch.web.app import create_app
from tests import pg

HTML = {"accept": "text/html"}
TEXT = "President Kassym-Jomart Tokayev said: “{words}” He met Vladimir Putin in Astana on March 4, 2024."
IDS = ["news/2024/01/story", "odd id?x=1#part 100%", "feeds/report.json", "/leading/slash"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, backend: str) -> TestClient:
    folder = tmp_path_factory.mktemp("slashed")
    records = folder / "records.jsonl"
    lines = [
        json.dumps(
            {"id": doc_id, "title": f"Story {n}", "published": "2024-03-05", "text": TEXT.format(words=f"We talk {n}.")}
        )
        for n, doc_id in enumerate(IDS)
    ]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = pg.new_store(backend, folder / "slashed.db")
    conn = connect(db)
    report = ingest(conn, [str(records)], Settings(workers=1))
    conn.close()
    assert sorted(report.added) == sorted(IDS), report.refused
    return TestClient(create_app(db))


def document_links(page: str) -> list[str]:
    return [html.unescape(href) for href in re.findall(r'href="(/document/[^"]+)"', page)]


@pytest.mark.parametrize("doc_id", IDS)
def test_the_page_and_its_twin_answer(client: TestClient, doc_id: str) -> None:
    links = document_links(client.get("/", headers=HTML).text)
    href = next(link for link in links if client.get(link + ".json").json().get("id") == doc_id)
    page = client.get(href, headers=HTML)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert html.escape(doc_id) in page.text
    twin = re.search(r'href="([^"]+)">\.json</a>', page.text)
    assert twin is not None
    data = client.get(html.unescape(twin.group(1))).json()
    assert data["id"] == doc_id and data["mentions"]


def test_every_link_to_a_document_works(client: TestClient) -> None:
    person = client.get("/person.json", params={"name": "Tokayev"}).json()["id"]
    pages = ["/", "/search?q=talk", "/quotes", "/events", f"/entity/{person}", "/compare?a=Tokayev&b=Putin"]
    seen: set[str] = set()
    for path in pages:
        for link in document_links(client.get(path, headers=HTML).text):
            if link in seen:
                continue
            seen.add(link)
            response = client.get(link, headers=HTML)
            assert response.status_code == 200, (path, link)
            assert any(html.escape(doc_id) in response.text for doc_id in IDS), link
    reached = {client.get(link.split("#")[0].split("?s=")[0] + ".json").json()["id"] for link in seen}
    assert reached == set(IDS)
