"""A person's page read by the entity each fact names (migration 019): the offices the store sums are those
the records join into, the first few of a listing are those of the whole listing, and the facts follow their
entity when a judgement merges or splits it or a correction gives a quote another speaker."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from elitewatch.dbapi import Connection
from elitewatch.pipeline import ingest
from elitewatch.query.careers import career, office_summary, offices
from elitewatch.query.queries import entity_profile, find_entities, search_claims, search_events, search_quotes
from elitewatch.resolve.judgements import merge_named, split_named
from elitewatch.settings import Settings
from elitewatch.store import connect
from elitewatch.store.corrections import record_correction


def _people(conn: Connection) -> list[int]:
    return [row[0] for row in conn.execute("SELECT DISTINCT person_entity_id FROM positions ORDER BY 1")]


def test_the_store_sums_each_career_into_the_offices_its_records_join_into(examples_db, seeds_db) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for conn in (examples_db, seeds_db):
        for person in _people(conn):
            for sentences in (False, True):
                expected = offices(career(conn, person, sentences=sentences))
                assert office_summary(conn, person, sentences=sentences) == expected, person
            checked += 1
    assert checked >= 10


def _listings(conn: Connection, person: int, limit: int) -> list[list[int]]:
    """The ids of a person's quotes, events and claims (as source), the first `limit` of each."""
    quotes = search_quotes(conn, speaker_id=person, limit=limit)
    events = search_events(conn, participant_id=person, limit=limit, joined=False)
    claims = search_claims(conn, source_id=person, limit=limit)
    return [[row["id"] for row in rows] for rows in (quotes, events, claims)]


def test_a_listing_of_a_few_is_the_start_of_the_whole_listing(seeds_db) -> None:  # type: ignore[no-untyped-def]
    """Many quotes of one document share its date: the first few are chosen by the listing's whole order."""
    people = [row[0] for row in seeds_db.execute("SELECT id FROM entities WHERE type = 'person' ORDER BY id")]
    compared = 0
    for person in people:
        whole = _listings(seeds_db, person, 1_000)
        for n in range(1, max(map(len, whole)) + 1):
            assert _listings(seeds_db, person, n) == [ids[:n] for ids in whole], (person, n)
            compared += 1
    assert compared >= 20


TEXTS = {
    "budget": (
        "Dana Ospanova, the finance minister of Kazakhstan, presented the budget on Monday. "
        '"The deficit will shrink next year," Ospanova said. Ospanova met Ruslan Zhaksylykov in Astana.'
    ),
    "grain": (
        "Aigerim Tulegenova, the interior minister of Kazakhstan, presented the police reform on Tuesday. "
        '"Crime fell by a tenth," Tulegenova said.'
    ),
}


def _ingest(tmp_path: Path, store: Any) -> Connection:
    folder = tmp_path / "texts"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / f"{name}.meta.json").write_text(json.dumps({"published": "2024-03-04"}))
    conn = connect(store)
    ingest(conn, [str(folder)], Settings())
    return conn


def _roles(page: dict[str, Any]) -> set[str]:
    return {office["role"].removesuffix(" of Kazakhstan") for office in page["offices"]}


def _by_id(conn: Connection, entity_id: int) -> dict[str, Any]:
    return entity_profile(conn, entity_id, sentences=False, records=False)


def _page(conn: Connection, name: str) -> dict[str, Any]:
    [found] = find_entities(conn, name, type="person")
    return _by_id(conn, found["id"])


def test_a_persons_facts_follow_the_entity_when_it_is_merged_split_or_corrected(tmp_path, new_store) -> None:  # type: ignore[no-untyped-def]
    conn = _ingest(tmp_path, new_store())
    try:
        before = _page(conn, "Dana Ospanova")
        assert _roles(before) == {"finance minister"}
        assert [q["text"] for q in before["quotes"]] == ["The deficit will shrink next year"]
        assert [e["type"] for e in before["events"]] == ["meeting"]

        kept = merge_named(conn, "Dana Ospanova", "Aigerim Tulegenova", "person")
        merged = _by_id(conn, kept["id"])
        assert _roles(merged) == {"finance minister", "interior minister"}
        assert len(merged["quotes"]) == 2 and len(merged["events"]) == 1
        assert merged["documents_total"] == before["documents_total"] + 1  # Tulegenova's document too

        stays = split_named(conn, "Dana Ospanova", "Aigerim Tulegenova", "person")
        [other] = [e["id"] for e in find_entities(conn, "Aigerim Tulegenova", type="person") if e["id"] != stays["id"]]
        assert _roles(_by_id(conn, stays["id"])) == {"finance minister"}
        apart = _by_id(conn, other)
        assert _roles(apart) == {"interior minister"} and len(apart["quotes"]) == 1

        # a correction gives the other's quote to Ospanova: it leaves one page for the other
        [quote] = apart["quotes"]
        record_correction(conn, "quote", quote["id"], fields={"speaker": "Dana Ospanova"}, who="test")
        assert len(_by_id(conn, stays["id"])["quotes"]) == 2
        assert _by_id(conn, other)["quotes"] == []
    finally:
        conn.close()


def test_an_office_told_by_many_documents_lists_its_earliest_and_latest_sources(tmp_path, new_store) -> None:  # type: ignore[no-untyped-def]
    """More records of one office than a page lists: the store's first and last few are the career's."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(14):
        text = f"Dana Ospanova, the finance minister of Kazakhstan, opened a school in Taraz. It has {n + 3} classes."
        (folder / f"school{n:02}.txt").write_text(text, encoding="utf-8")
        (folder / f"school{n:02}.meta.json").write_text(json.dumps({"published": f"2023-{n % 12 + 1:02}-{n + 1:02}"}))
    conn = connect(new_store())
    try:
        ingest(conn, [str(folder)], Settings())
        [person] = find_entities(conn, "Dana Ospanova", type="person")
        expected = offices(career(conn, person["id"], sentences=True))
        assert [o["sources_total"] for o in expected] == [14]
        assert office_summary(conn, person["id"], sentences=True) == expected
        [office] = expected
        shown = [source["doc_id"] for source in office["sources"]]
        by_date = sorted(f"school{n:02}" for n in range(14))
        by_date.sort(key=lambda name: f"2023-{int(name[-2:]) % 12 + 1:02}-{int(name[-2:]) + 1:02}")
        assert [doc.rsplit("/", 1)[-1].removesuffix(".txt") for doc in shown] == by_date[:5] + by_date[-5:]
    finally:
        conn.close()


def test_a_page_counts_the_documents_naming_the_entity_from_the_counts_the_store_keeps(
    examples_db,  # type: ignore[no-untyped-def]
    seeds_db,
) -> None:
    from elitewatch.query.queries import documents_naming

    compared = 0
    for conn in (examples_db, seeds_db):
        for entity, count in conn.execute("SELECT entity_id, COUNT(*) FROM doc_entities GROUP BY entity_id"):
            assert documents_naming(conn, entity) == count, entity
            compared += 1
    assert compared >= 50
