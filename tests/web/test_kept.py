"""Pages kept while the store is unchanged: drawn once, drawn again after a change, errors never kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from elitewatch.pipeline import ingest
from elitewatch.settings import Settings
from elitewatch.store import connect
from elitewatch.web.app import create_app
from elitewatch.web.routes import home as home_routes
from tests import pg


def test_a_page_is_drawn_once_until_the_store_changes(
    examples_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = pg.copy_store(examples_store, tmp_path / "s.db")
    drawn: list[int] = []
    real = home_routes.home

    def counting(conn):  # type: ignore[no-untyped-def]
        drawn.append(1)
        return real(conn)

    monkeypatch.setattr(home_routes, "home", counting)
    client = TestClient(create_app(db))
    first, second = client.get("/"), client.get("/")
    assert first.status_code == second.status_code == 200 and first.text == second.text
    assert len(drawn) == 1
    assert second.headers["content-security-policy"] and second.headers["x-content-type-options"] == "nosniff"
    assert client.get("/index.json").json()["documents"] == 6 and len(drawn) == 2  # another address
    (tmp_path / "new.txt").write_text("Mishustin visited Minsk on Monday.", encoding="utf-8")
    conn = connect(db)
    ingest(conn, [str(tmp_path / "new.txt")], Settings())
    conn.close()
    assert client.get("/index.json").json()["documents"] == 7 and len(drawn) == 3  # the store changed


def test_errors_are_never_kept(examples_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from elitewatch.web.routes import documents

    looked_up: list[str] = []
    real = documents.document_view

    def counting(conn, doc_id):  # type: ignore[no-untyped-def]
        looked_up.append(doc_id)
        return real(conn, doc_id)

    monkeypatch.setattr(documents, "document_view", counting)
    client = TestClient(create_app(examples_store))
    assert client.get("/document/no-such-document").status_code == 404
    assert client.get("/document/no-such-document").status_code == 404
    assert looked_up == ["no-such-document", "no-such-document"]  # looked up again: nothing kept of an error


def test_a_kept_read_connection_is_used_again_and_sees_each_write(
    examples_store: Path, tmp_path: Path, backend: str
) -> None:
    db = pg.copy_store(examples_store, tmp_path / "s.db")
    app = create_app(db)
    readers = app.state.web.readers
    client = TestClient(app)
    assert client.get("/entities.json").status_code == 200
    kept = list(readers.idle)
    assert len(kept) == 1  # the kept pages' check and the route took the same one in turn
    found = client.get("/quotes.json?q=Minsk").json()
    assert readers.idle == kept  # used again, not opened anew
    (tmp_path / "new.txt").write_text('"We will build the road to Minsk," Mishustin said on Monday.', encoding="utf-8")
    conn = connect(db)
    ingest(conn, [str(tmp_path / "new.txt")], Settings())
    conn.close()
    after = client.get("/quotes.json?q=Minsk").json()
    assert len(after["quotes"]) == len(found["quotes"]) + 1 and readers.idle == kept  # the write, at once
    if backend == "postgresql":  # a kept session the server ended is not given again: a new one answers
        conn = connect(db)
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
            "AND datname = current_database()"
        )
        conn.close()
        assert client.get("/quotes.json?q=Minsk").json() == after
        assert len(readers.idle) == 1 and readers.idle != kept


def test_a_store_in_a_folder_that_cannot_be_written_keeps_no_connection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from elitewatch.web import deps

    db = tmp_path / "s.db"
    connect(db).close()
    readers = deps.Readers(db)
    conn = readers.take()
    readers.give(conn)
    assert readers.idle == [conn] and readers.take() is conn
    # as another user would find it (root may write anywhere): the store may be opened immutable, and would
    # then not see a later write
    monkeypatch.setattr(deps.os, "access", lambda path, mode: Path(path) != tmp_path)
    readers = deps.Readers(db)
    conn = readers.take()
    readers.give(conn)
    assert readers.idle == [] and readers.take() is not conn


def test_two_people_compared_again_after_a_write_show_it(examples_store: Path, tmp_path: Path) -> None:
    db = pg.copy_store(examples_store, tmp_path / "s.db")
    client = TestClient(create_app(db))
    pair = {"a": "Tokayev", "b": "Putin"}
    before = client.get("/compare.json", params=pair).json()["comparison"]
    assert client.get("/compare.json", params={**pair, "topic": "x"}).json()["comparison"]["a"] == before["a"]
    (tmp_path / "new.txt").write_text(
        '"Our two countries will build a new bridge," President Kassym-Jomart Tokayev said on Monday.',
        encoding="utf-8",
    )
    conn = connect(db)
    ingest(conn, [str(tmp_path / "new.txt")], Settings())
    conn.close()
    after = client.get("/compare.json", params={**pair, "topic": "y"}).json()["comparison"]  # a page not kept
    assert len(after["a"]["quotes"]) == len(before["a"]["quotes"]) + 1
    assert any("new bridge" in quote["text"] for quote in after["a"]["quotes"])


def test_a_comparison_page_drawn_again_after_a_write_shows_the_new_events_and_words(
    examples_store: Path, tmp_path: Path
) -> None:
    # each person's events as drawn for the page, and the scores of their words, are kept for the store's
    # generation: a write makes them old
    import re

    def own_events(page: str) -> str:  # the first person's list of events (not those of both, "Together")
        found = re.search(r": events</h3><ul class=\"events\">(.*?)</ul></section>", page, re.S)
        assert found is not None
        return found.group(1)

    db = pg.copy_store(examples_store, tmp_path / "s.db")
    client = TestClient(create_app(db))
    pair = {"a": "Tokayev", "b": "Putin"}
    before = own_events(client.get("/compare", params=pair).text)
    assert own_events(client.get("/compare", params={**pair, "topic": "x"}).text) == before
    (tmp_path / "glaciers.txt").write_text(
        "President Kassym-Jomart Tokayev met Vladimir Putin in Astana on 3 March 2025. "
        '"Glaciers feed our rivers, and glaciers are melting, so the glaciers must be saved," Tokayev said.',
        encoding="utf-8",
    )
    conn = connect(db)
    ingest(conn, [str(tmp_path / "glaciers.txt")], Settings())
    conn.close()
    after = own_events(client.get("/compare", params={**pair, "topic": "y"}).text)  # a page not kept
    assert "/document/glaciers?" not in before and "/document/glaciers?" in after  # the new meeting's source
    assert after.count('class="event"') == before.count('class="event"') + 1
    terms = client.get("/compare.json", params=pair).json()["comparison"]["a_terms"]
    assert any(t["term"].startswith("glacier") for t in terms)
