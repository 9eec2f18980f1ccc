"""The front door: indexes of documents and entities, search by any spelling opening at the hit, facts
without a date of their own placed by their document's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from elitewatch.cli import app
from elitewatch.query import search_documents, search_events
from elitewatch.query.indexes import document_index, entity_index
from elitewatch.store import connect
from elitewatch.web.app import create_app
from tests import pg

ARTICLES = {
    "summit-en": (
        "2024-07-05",
        "en",
        "Leaders gather in Astana\n\nKassym-Jomart Tokayev met Shavkat Mirziyoyev in Astana on July 4, 2024.\n"
        '"We agreed on water," Tokayev told reporters.\n',
    ),
    "summit-ru": (
        "2024-07-06",
        "ru",
        "Саммит в Астане\n\nКасым-Жомарт Токаев провёл переговоры с Шавкатом Мирзиёевым в Астане 4 июля 2024 года.\n",
    ),
    "undated-visit": (
        "2024-09-02",
        "en",
        "A visit to Tashkent\n\nShavkat Mirziyoyev welcomed Kassym-Jomart Tokayev, who paid a state visit to "
        "Tashkent.\n",
    ),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Path | str:
    folder = tmp_path_factory.mktemp("front")
    for name, (published, _, text) in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / f"{name}.meta.json").write_text(json.dumps({"published": published}))
    db = pg.new_store(backend, folder / "front.db")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture()
def conn(store: Path):  # type: ignore[no-untyped-def]
    connection = connect(store, readonly=True)
    yield connection
    connection.close()


def test_every_document_is_listed_with_its_first_line_as_title_sorted_and_paged(conn) -> None:  # type: ignore[no-untyped-def]
    first = document_index(conn, sort="published", descending=True, per=2)
    assert (first["total"], first["pages"]) == (3, 2)
    assert [d["title"] for d in first["documents"]] == ["A visit to Tashkent", "Саммит в Астане"]
    second = document_index(conn, sort="published", descending=True, per=2, page=2)
    assert [d["id"] for d in second["documents"]] == ["summit-en"]
    assert second["documents"][0]["quotes"] == 1
    assert [d["id"] for d in document_index(conn, language="ru")["documents"]] == ["summit-ru"]
    assert [d["id"] for d in document_index(conn, since="2024-09")["documents"]] == ["undated-visit"]
    assert [d["id"] for d in document_index(conn, words="gather Astana")["documents"]] == ["summit-en"]
    by_title = document_index(conn, sort="title", descending=False)
    assert [d["title"] for d in by_title["documents"]] == [
        "A visit to Tashkent",
        "Leaders gather in Astana",
        "Саммит в Астане",
    ]


def test_entities_are_listed_by_any_of_their_names(conn) -> None:  # type: ignore[no-untyped-def]
    people = entity_index(conn, type="person", sort="documents")
    assert {e["name"] for e in people["entities"][:2]} == {"Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"}
    assert all(e["documents"] == 3 for e in people["entities"][:2])
    [found] = entity_index(conn, name="Токае")["entities"]  # a part of the Russian form
    assert found["name"] == "Kassym-Jomart Tokayev"


def test_a_name_in_another_spelling_finds_every_document_of_its_entity_at_the_mention(conn) -> None:  # type: ignore[no-untyped-def]
    found = {row["id"]: row for row in search_documents(conn, "Tokaev")}  # no text spells it so
    assert set(found) == {"summit-en", "summit-ru", "undated-visit"}
    text = conn.execute("SELECT text FROM documents WHERE id = 'summit-ru'").fetchone()[0]
    hit = found["summit-ru"]
    assert text[hit["hit_start"] : hit["hit_end"]].startswith("Касым-Жомарт Токаев")
    assert "[" in hit["snippet"] and "Токаев" in hit["snippet"]


def test_an_event_the_text_does_not_date_is_placed_by_its_document(conn) -> None:  # type: ignore[no-untyped-def]
    events = search_events(conn, person="Tokayev")
    assert [(e["date"], e["published"]) for e in events][-1] == (None, "2024-09-02")
    assert [e["date"] or e["published"] for e in events] == sorted(e["date"] or e["published"] for e in events)


def test_the_pages_link_every_document_and_open_a_search_at_its_hit(store: Path) -> None:
    client = TestClient(create_app(store))
    home = client.get("/").text
    assert 'href="/documents"' in home
    listed = client.get("/documents").text
    for doc_id in ARTICLES:
        assert f'href="/document/{doc_id}"' in listed
    assert client.get("/documents.json", params={"per": 1, "page": 3}).json()["documents"][0]["id"] == "summit-en"
    assert client.get("/entities.json", params={"type": "place"}).json()["entities"]
    search = client.get("/search.json", params={"q": "Tokaev"}).json()
    assert {e["name"] for e in search["entities"]} == {"Kassym-Jomart Tokayev"}
    assert search["events"] and search["quotes"]
    page = client.get("/search", params={"q": "Tokaev"}).text
    assert "?s=" in page and "#hl" in page
    events = client.get("/events").text
    assert "2024-09-02 (published)" in events


def test_quotes_from_the_cli_by_dates_and_language(store: Path) -> None:
    runner = CliRunner()
    english = runner.invoke(app, ["quotes", "--db", str(store), "--from", "2024-07", "--language", "en"])
    assert english.exit_code == 0 and "We agreed on water" in english.output
    assert "2024-07-05 published" in english.output  # the quote's day is not said: its document's date
    assert "water" not in runner.invoke(app, ["quotes", "--db", str(store), "--to", "2024-06"]).output
    assert "water" not in runner.invoke(app, ["quotes", "--db", str(store), "--language", "ru"]).output
