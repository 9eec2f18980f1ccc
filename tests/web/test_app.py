"""The HTTP API and the pages through an in-process client, on the sample articles."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote as quoted

import pytest
from fastapi.testclient import TestClient

from elitewatch.pipeline import ingest
from elitewatch.settings import Settings
from elitewatch.store import connect
from elitewatch.web.app import create_app
from elitewatch.web.routes import entities
from tests import pg

HTML = {"accept": "text/html"}
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(examples_store: Path) -> TestClient:
    return TestClient(create_app(examples_store))


@pytest.fixture
def writable(examples_store: Path, tmp_path: Path) -> TestClient:
    copy = pg.copy_store(examples_store, tmp_path / "w.db")
    return TestClient(create_app(copy, token=TOKEN))


def tokayev(client: TestClient) -> int:
    response = client.get("/person.json", params={"name": "Токаев"})
    assert response.status_code == 200, response.text
    return int(response.json()["id"])


def test_every_page_has_a_json_twin(client: TestClient) -> None:
    person = tokayev(client)
    document = client.get("/index.json").json()["recent"][0]["id"]
    for path in [
        "/",
        "/search",
        "/quotes",
        "/events",
        "/compare",
        "/review",
        f"/entity/{person}",
        f"/document/{document}",
    ]:
        page = client.get(path, headers=HTML)
        twin = client.get(("/index" if path == "/" else path) + ".json")
        assert page.status_code == twin.status_code == 200, path
        assert page.headers["content-type"].startswith("text/html")
        assert twin.headers["content-type"].startswith("application/json")
    schema = client.get("/openapi.json").json()
    assert {"/entity/{entity_id}.json", "/quotes.json", "/events.json", "/api/merge"} <= set(schema["paths"])


def test_person_page_shows_names_career_quotes_and_sources(client: TestClient) -> None:
    profile = client.get(f"/entity/{tokayev(client)}.json").json()
    assert {"Kassym-Jomart Tokayev", "Токаев"} <= set(profile["aliases"])
    assert profile["quotes"] and profile["events"] and profile["offices"]
    page = client.get(f"/entity/{profile['id']}", headers=HTML).text
    assert "Career" in page and "Токаев" in page
    assert 'href="/document/' in page and "#hl" in page  # every office links to its sentence


def test_a_person_page_lists_the_newest_few_and_links_to_the_rest(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page shows PAGE_ROWS of each list (its time does not grow with the person); the lists have them all."""
    person = tokayev(client)
    every = client.get(f"/entity/{person}.json").json()
    assert len(every["quotes"]) > 2 and len(every["events"]) > 2
    monkeypatch.setattr(entities, "PAGE_ROWS", 2)
    few = client.get(f"/entity/{person}.json?rows=2").json()  # another address than the kept pages above
    assert [q["id"] for q in few["quotes"]] == [q["id"] for q in every["quotes"][:2]]
    assert [e["id"] for e in few["events"]] == [e["id"] for e in every["events"][:2]]
    page = client.get(f"/entity/{person}?rows=2", headers=HTML).text
    name = quoted(every["name"])
    assert "Quotes (the newest 2:" in page and f'href="/quotes?speaker={name}&amp;limit=1000"' in page
    assert "Events (the first 2:" in page and f'href="/events?person={name}&amp;limit=2000"' in page
    listed = client.get("/quotes.json", params={"speaker": every["name"], "limit": 1000}).json()
    assert {q["id"] for q in every["quotes"]} <= {q["id"] for q in listed["quotes"]}


def test_document_page_highlights_mentions_quotes_and_a_passage(client: TestClient) -> None:
    document = client.get("/index.json").json()["recent"][0]["id"]
    data = client.get(f"/document/{document}.json").json()
    assert data["mentions"] and data["published"]
    mention = data["mentions"][0]
    page = client.get(f"/document/{document}", params={"s": mention["start"], "e": mention["end"]}, headers=HTML).text
    assert f'href="/entity/{mention["entity_id"]}"' in page
    assert '<mark id="hl"' in page
    for quote in data["quotes"]:
        assert f'id="q{quote["id"]}"' in page


def test_filters_on_quotes_and_events(client: TestClient) -> None:
    every = client.get("/quotes.json").json()["quotes"]
    russian = client.get("/quotes.json", params={"language": "ru"}).json()["quotes"]
    assert every and all(q["language"] == "ru" for q in russian) and len(russian) < len(every)
    dated = client.get("/quotes.json", params={"from": "2024-07", "to": "2024-12"}).json()["quotes"]
    assert all("2024-07" <= (q["said_on"] or q["published"])[:7] <= "2024-12" for q in dated)
    meetings = client.get("/events.json", params={"type": "meeting", "person": "Putin"}).json()["events"]
    assert meetings and all(e["type"] == "meeting" for e in meetings)
    assert all(any("Putin" in p["name"] for p in e["participants"]) for e in meetings)


def test_compare_two_people(client: TestClient) -> None:
    data = client.get("/compare.json", params={"a": "Tokayev", "b": "Putin"}).json()["comparison"]
    assert data["a"]["name"] == "Kassym-Jomart Tokayev" and data["b"]["name"] == "Vladimir Putin"
    assert data["both_at"], "the samples have Tokayev and Putin meeting"


@pytest.mark.parametrize(
    ("path", "status"),
    [("/entity/999999.json", 404), ("/quotes.json?from=last+week", 422), ("/events.json?type=party", 400)],
)
def test_one_json_error_body(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert set(response.json()) == {"error"} and {"status", "message", "source"} <= set(response.json()["error"])
    page = client.get(path.replace(".json", ""), headers=HTML)
    assert page.status_code == status and "<h1>" in page.text


def test_writing_needs_the_token(client: TestClient, writable: TestClient) -> None:
    body = {"a": "Kassym-Jomart Tokayev", "b": "Vladimir Putin"}
    assert client.post("/api/merge", json=body).status_code == 403  # no token set: writing is off
    assert writable.post("/api/merge", json=body).status_code == 401
    wrong = writable.post("/api/merge", json=body, headers={"authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json()["error"]["message"]
    files = {"files": ("note.txt", "“We will meet again,” Vladimir Putin said in Astana on Monday.".encode())}
    upload = writable.post("/api/ingest", files=files, headers={"authorization": f"Bearer {TOKEN}"})
    assert upload.status_code == 200 and upload.json()["added"] == ["note"]
    assert writable.get("/document/note.json").json()["quotes"][0]["speaker"] == "Vladimir Putin"


def test_article_text_is_shown_as_text(writable: TestClient) -> None:
    hostile = (
        "<script>alert('x')</script> President Kassym-Jomart Tokayev said: “<img src=x onerror=alert(1)>” "
        "on Monday. [bold]Rich[/bold] <a href='javascript:alert(2)'>link</a>"
    )
    files = {"files": ("hostile.txt", hostile.encode())}
    assert writable.post("/api/ingest", files=files, headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200
    for path in ["/document/hostile", "/search?q=script", "/quotes?q=onerror", f"/entity/{tokayev(writable)}"]:
        page = writable.get(path, headers=HTML).text
        assert "<script>" not in page and "<img" not in page
        assert "href='javascript" not in page and 'href="javascript' not in page
    assert "&lt;script&gt;" in writable.get("/document/hostile", headers=HTML).text


def test_timeline_labels_are_escaped_in_the_svg() -> None:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from elitewatch.web.app import HERE
    from elitewatch.web.timeline import career_chart

    office = {
        "role": "<script>alert(1)</script> head",
        "org": '" onmouseover="alert(2)',
        "org_id": None,
        "start": "2020",
        "end": None,
        "seen": [],
        "ended": False,
        "sources": [{"doc_id": "d<1>", "sentence_start": 0, "sentence_end": 5}],
        "sources_total": 1,
    }
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
    macro = env.get_template("_macros.html").module.timeline  # type: ignore[attr-defined]
    svg = str(macro(career_chart([("x", [office])], "2024-01-01")))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'onmouseover="alert' not in svg and "/document/d%3C1%3E?" in svg


def test_the_most_quoted_are_linked_as_what_they_are(tmp_path: Path) -> None:
    article = tmp_path / "prices.txt"
    article.write_text(
        "Gazprom keeps its prices\n\n"
        "MOSCOW, March 3, 2024. “We will not raise the prices for Europe this winter,” Gazprom said in a statement"
        " on Sunday. “Our contracts stay as they are,” the company added.\n\n"
        "“The market is calm,” said Alexei Miller, the chief executive of Gazprom.\n",
        encoding="utf-8",
    )
    store = tmp_path / "prices.db"
    conn = connect(store)
    ingest(conn, [str(article)], Settings())
    conn.close()
    client = TestClient(create_app(store))
    quoted = {row["name"]: row["type"] for row in client.get("/index.json").json()["most_quoted"]}
    assert quoted.get("Gazprom") == "organization" and quoted.get("Alexei Miller") == "person", quoted
    page = client.get("/", headers=HTML).text
    assert 'class="entity organization"' in page.split("Most quoted")[1].split("</ol>")[0]
