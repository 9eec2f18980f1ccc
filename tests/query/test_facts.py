"""One fact told by many documents is one fact with many sources: events and offices joined across documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from elitewatch.cli import app
from elitewatch.query.facts import Held, Told, join_events, join_offices
from elitewatch.query.network import network
from elitewatch.query.queries import find_entities, office_holders, search_events
from elitewatch.store import connect
from elitewatch.web.app import create_app
from tests.helpers import ingest_articles


def told(id: int, date: str | None, published: str, people: tuple[int, ...] = (1, 2), place: str | None = None) -> Told:
    return Told(id=id, type="meeting", participants=people, date=date, published=published, place=place)


def test_reports_of_one_meeting_are_one_fact() -> None:
    facts = join_events(
        [
            told(1, "2019-04-03", "2019-04-03"),
            told(2, "2019-04", "2019-04-20"),  # a month holds the day
            told(3, None, "2019-04-05"),  # undated, written two days after
        ]
    )
    assert facts.fact_of[1] == facts.fact_of[2] == facts.fact_of[3]
    assert sorted(facts.sources(2)) == [1, 2, 3]


def test_what_differs_stays_apart() -> None:
    facts = join_events(
        [
            told(1, "2019-04-03", "2019-04-03"),
            told(2, "2019-04-04", "2019-04-04"),  # another day
            told(3, "2019-04-03", "2019-04-03", people=(1, 3)),  # someone else
            told(4, "2019-04-03", "2019-04-03", place="e:7"),
            told(5, "2019-04-03", "2019-04-03", place="e:8"),  # the same day in another place
            told(6, None, "2019-04-20"),  # written too long after to be a report of it
            told(7, "2019", "2019-06-01"),  # a year says too little to join
        ]
    )
    assert len({facts.fact_of[i] for i in range(1, 8)}) == 6
    assert facts.fact_of[4] == facts.fact_of[1] or facts.fact_of[5] == facts.fact_of[1]
    assert facts.fact_of[4] != facts.fact_of[5]


def test_events_without_participants_are_never_joined() -> None:
    facts = join_events([told(1, "2020-01-01", "2020-01-01", people=()), told(2, "2020-01-01", "2020-01-01", people=())])
    assert facts.fact_of[1] != facts.fact_of[2]


def test_fact_ids_do_not_depend_on_the_order_records_come_in() -> None:
    records = [told(1, "2019-04-03", "2019-04-03"), told(2, None, "2019-04-04"), told(3, "2019-04", "2019-05-01")]
    assert join_events(records).fact_of == join_events(records[::-1]).fact_of


def test_offices_join_by_holder_office_and_place() -> None:
    facts = join_offices(
        [
            Held(1, person=5, role="CSTO Secretary General", org="e:9"),
            Held(2, person=5, role="Secretary General", org=None),  # the one place this office has for him
            Held(3, person=5, role="генеральный секретарь", org="e:9"),  # the same office in Russian
            Held(4, person=6, role="Secretary General", org="e:9"),  # someone else
            Held(5, person=5, role="chairman", org="e:9"),  # another office
        ]
    )
    assert facts.fact_of[1] == facts.fact_of[2] == facts.fact_of[3]
    assert len({facts.fact_of[1], facts.fact_of[4], facts.fact_of[5]}) == 3


ARTICLES = {
    "wire": ("2024-05-09", "Kassym-Jomart Tokayev met Shavkat Mirziyoyev in Tashkent on May 9, 2024."),
    "daily": ("2024-05-10", "Shavkat Mirziyoyev and Kassym-Jomart Tokayev held talks in Tashkent on Thursday."),
    "weekly": ("2024-05-20", "On May 9, 2024, Kassym-Jomart Tokayev met Shavkat Mirziyoyev in Tashkent."),
    "later": ("2024-09-02", "Kassym-Jomart Tokayev met Shavkat Mirziyoyev in Tashkent on September 1, 2024."),
}


@pytest.fixture(scope="module")
def store(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Path | str:
    return ingest_articles(tmp_path_factory.mktemp("facts"), ARTICLES, titled=True, backend=backend)


def test_three_outlets_one_meeting(store: Path | str) -> None:
    conn = connect(store, readonly=True)
    try:
        meetings = search_events(conn, type="meeting", person="Tokayev")
        per_document = search_events(conn, type="meeting", person="Tokayev", joined=False)
    finally:
        conn.close()
    assert len(per_document) == 4
    assert [m["date"] for m in meetings] == ["2024-05-09", "2024-09-01"]
    assert sorted(s["doc_id"] for s in meetings[0]["sources"]) == ["daily", "weekly", "wire"]
    assert {m["fact"] for m in per_document} == {m["fact"] for m in meetings}


def test_the_network_counts_the_meeting_once(store: Path | str) -> None:
    conn = connect(store, readonly=True)
    try:
        data = network(conn)
    finally:
        conn.close()
    [edge] = data["edges"]
    assert edge["weight"] == 2
    assert len(edge["events"]) == 4  # every document's record stays listed under the edge


def test_the_export_keeps_each_record_and_adds_its_fact(store: Path | str) -> None:
    result = CliRunner().invoke(app, ["export", "--db", str(store)])
    assert result.exit_code == 0, result.output
    events = [r for r in map(json.loads, result.output.splitlines()) if r["kind"] == "event" and r["type"] == "meeting"]
    assert len(events) == 4
    by_doc = {e["doc"]: e["fact"] for e in events}
    assert by_doc["wire"] == by_doc["daily"] == by_doc["weekly"] != by_doc["later"]


def test_the_events_page_shows_the_meeting_once_with_its_sources(store: Path | str) -> None:
    client = TestClient(create_app(store))
    page = client.get("/events", params={"type": "meeting"})
    assert page.status_code == 200
    assert page.text.count('class="event"') == 2
    assert "3 sources" in page.text
    data = client.get("/events.json", params={"type": "meeting"}).json()
    assert len(data["events"]) == 2


OFFICES = {
    "one": ("2024-01-10", "Imangali Tasmagambetov, the CSTO Secretary General, arrived in Minsk."),
    "two": ("2024-02-11", "CSTO Secretary General Imangali Tasmagambetov spoke in Yerevan on Monday."),
    "three": ("2024-03-12", "Imangali Tasmagambetov, Secretary General of the CSTO, met officers in Dushanbe."),
}


def test_an_organization_page_lists_an_office_once(backend: str, tmp_path: Path) -> None:
    db = ingest_articles(tmp_path, OFFICES, backend=backend)
    conn = connect(db, readonly=True)
    try:
        [csto] = [e for e in find_entities(conn, "CSTO") if e["type"] == "organization"]
        holders = office_holders(conn, csto["id"])
    finally:
        conn.close()
    assert [(h["person"], len(h["sources"])) for h in holders] == [("Imangali Tasmagambetov", 3)]
    assert holders[0]["seen"] == ["2024-01-10", "2024-02-05", "2024-03-12"]  # "on Monday" before the 11th
