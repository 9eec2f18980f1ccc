"""The sums the store keeps of each office as written (migration 021, store/offices.py): after every way a
record is written, moved or removed, they are the sums of the records themselves, and a reader of a stale
office still gets the career its records give."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from elitewatch.dbapi import Connection, dialect
from elitewatch.pipeline import ingest
from elitewatch.query.careers import _kept_parts, career, office_summary, offices
from elitewatch.query.queries import find_entities
from elitewatch.resolve.judgements import merge_named, split_named
from elitewatch.settings import Settings
from elitewatch.store import connect, transaction
from elitewatch.store.corrections import record_correction
from elitewatch.store.offices import first_and_last, summed


def _kept(conn: Connection) -> dict[tuple[Any, ...], dict[str, Any]]:
    """office_parts as a mapping from its keys to its sums, the dates included."""
    dates: dict[int, set[tuple[str, str]]] = {}
    for part_id, kind, date in conn.execute("SELECT part_id, kind, date FROM office_part_dates"):
        dates.setdefault(part_id, set()).add((kind, date))
    sources: dict[int, set[tuple[Any, ...]]] = {}
    for part_id, *source in conn.execute(
        """SELECT part_id, listed, doc_id, sentence_start, position_id, sentence_end, pattern
             FROM office_part_sources"""
    ):
        sources.setdefault(part_id, set()).add(tuple(source))
    kept = {}
    for row in conn.execute(
        """SELECT id, person_entity_id, role, org_entity_id, org_text, start, "end", ended, total, ended_before, stale
             FROM office_parts"""
    ):
        part_id, *key, start, end, ended, total, ended_before, stale = tuple(row)
        assert not stale, key
        kept[tuple(key)] = {
            "start": start, "end": end, "ended": ended, "total": total, "ended_before": ended_before,
            "dates": dates.get(part_id, set()), "sources": sources.get(part_id, set()),
        }  # fmt: skip
    return kept


def _from_records(conn: Connection) -> dict[tuple[Any, ...], dict[str, Any]]:
    keys = conn.execute(
        """SELECT DISTINCT person_entity_id, role, COALESCE(org_entity_id, 0), COALESCE(org_text, '')
             FROM positions WHERE person_entity_id IS NOT NULL"""
    ).fetchall()
    return {
        tuple(key): {**summed(conn, tuple(key)), "sources": set(first_and_last(conn, tuple(key)))}  # type: ignore[arg-type, dict-item]
        for key in keys
    }


def _assert_kept_right(conn: Connection) -> int:
    expected = _from_records(conn)
    assert _kept(conn) == expected
    return len(expected)


def test_the_kept_sums_are_those_of_the_records_of_an_ingested_store(examples_db, seeds_db) -> None:  # type: ignore[no-untyped-def]
    offices_kept = sum(_assert_kept_right(conn) for conn in (examples_db, seeds_db))
    assert offices_kept >= 20


TEXTS = {
    "budget": "Dana Ospanova, the finance minister of Kazakhstan, presented the budget on Monday.",
    "grain": "Aigerim Tulegenova, the interior minister of Kazakhstan, presented the police reform on Tuesday.",
    "former": "Former finance minister Dana Ospanova opened a school in Taraz.",
    "dated": "Dana Ospanova became finance minister of Kazakhstan in March 2019.",
}


def _write(folder: Path, name: str, text: str, published: str) -> None:
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.meta.json").write_text(json.dumps({"published": published}))


def _texts(tmp_path: Path) -> Path:
    """TEXTS written into a folder, each dated a day after the one before."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for n, (name, text) in enumerate(TEXTS.items()):
        _write(folder, name, text, f"2024-03-0{n + 1}")
    return folder


def _person(conn: Connection, name: str) -> int:
    [found] = find_entities(conn, name, type="person")
    return int(found["id"])


def test_the_kept_sums_follow_writes_merges_splits_corrections_and_documents_written_again(
    tmp_path: Path,
    new_store,  # type: ignore[no-untyped-def]
) -> None:
    folder = _texts(tmp_path)
    conn = connect(new_store())
    try:
        ingest(conn, [str(folder)], Settings())
        assert _assert_kept_right(conn) >= 2
        dana = _person(conn, "Dana Ospanova")
        assert _kept_parts(conn, dana) is not None  # the page reads the kept sums

        with transaction(conn):
            kept = merge_named(conn, "Dana Ospanova", "Aigerim Tulegenova", "person")
        _assert_kept_right(conn)
        roles = " | ".join(o["role"] for o in office_summary(conn, kept["id"]))
        assert "finance minister" in roles and "interior minister" in roles

        with transaction(conn):
            split_named(conn, "Dana Ospanova", "Aigerim Tulegenova", "person")
        _assert_kept_right(conn)

        [record] = career(conn, _person(conn, "Aigerim Tulegenova"), sentences=False)
        position = conn.execute("SELECT id FROM positions WHERE doc_id = ?", (record["doc_id"],)).fetchone()[0]
        with transaction(conn):  # as the CLI and the web app make one
            record_correction(
                conn, "position", position, fields={"role": "health minister", "start": "2021-05"}, who="t"
            )
        _assert_kept_right(conn)

        # a document written again with other words, and one whose office moves to another date
        _write(folder, "budget", TEXTS["budget"].replace("finance", "energy"), "2024-03-01")
        _write(folder, "dated", TEXTS["dated"], "2025-01-01")
        ingest(conn, [str(folder)], Settings())
        _assert_kept_right(conn)
        dana = _person(conn, "Dana Ospanova")
        assert office_summary(conn, dana) == offices(career(conn, dana, sentences=False))
    finally:
        conn.close()


def test_a_stale_office_is_read_from_its_records_until_it_is_summed_again(tmp_path: Path, new_store) -> None:  # type: ignore[no-untyped-def]
    folder = _texts(tmp_path)
    conn = connect(new_store())
    try:
        ingest(conn, [str(folder)], Settings())
        dana = _person(conn, "Dana Ospanova")
        before = office_summary(conn, dana)
        # a record leaves the office outside a transaction of the store's: its sums wait
        conn.execute("DELETE FROM positions WHERE doc_id LIKE ?", ("%former%",))
        assert _kept_parts(conn, dana) is None
        after = office_summary(conn, dana)
        assert after == offices(career(conn, dana, sentences=False)) != before
        conn.commit()
        with transaction(conn):
            pass  # the next write transaction sums it again
        assert _kept_parts(conn, dana) is not None
        assert office_summary(conn, dana) == after
        _assert_kept_right(conn)
    finally:
        conn.close()


_BEFORE_021 = {
    "sqlite": [
        "DROP TABLE office_part_sources",
        "DROP TRIGGER office_parts_inserted",
        "DROP TRIGGER office_parts_changed",
        "DROP TRIGGER office_parts_deleted",
        "DROP TABLE office_part_dates",
        "DROP TABLE office_parts",
    ],
    "postgresql": [
        "DROP TABLE office_part_sources",
        "DROP TABLE office_part_dates",
        "DROP TABLE office_parts",
        "DROP FUNCTION office_parts_follow CASCADE",
        "DROP FUNCTION office_part_joined",
        "DROP FUNCTION office_part_left",
    ],
}


def test_a_store_written_before_the_sums_were_kept_gets_them_when_it_opens(tmp_path: Path, new_store) -> None:  # type: ignore[no-untyped-def]
    folder = _texts(tmp_path)
    store = new_store()
    conn = connect(store)
    ingest(conn, [str(folder)], Settings())
    expected = _kept(conn)
    for statement in _BEFORE_021[dialect(conn)]:
        conn.execute(statement)
    conn.execute("DELETE FROM schema_migrations WHERE version IN (21, 22)")
    conn.commit()
    conn.close()
    conn = connect(store)  # migrations 021 and 022 again: their tables, triggers and the sums of what is stored
    try:
        assert len(expected) >= 3
        assert _kept(conn) == expected
        _assert_kept_right(conn)
    finally:
        conn.close()


def test_an_office_of_many_records_keeps_its_first_and_last_five_sources(tmp_path: Path, new_store) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(14):  # written out of date order: each one kept or dropped as it comes
        day = (n * 5) % 14 + 1
        text = f"Dana Ospanova, the finance minister of Kazakhstan, opened a school in Taraz. It has {n + 3} classes."
        _write(folder, f"school{n:02}", text, f"2023-03-{day:02}")
    conn = connect(new_store())
    try:
        ingest(conn, [str(folder)], Settings())
        [(kept,)] = conn.execute("SELECT COUNT(*) FROM office_part_sources").fetchall()
        assert kept == 10
        _assert_kept_right(conn)
        with transaction(conn):  # the earliest two go: the next two are the first five's
            conn.execute("DELETE FROM documents WHERE published IN ('2023-03-01', '2023-03-02')")
        _assert_kept_right(conn)
        dana = _person(conn, "Dana Ospanova")
        assert office_summary(conn, dana, sentences=True) == offices(career(conn, dana, sentences=True))
    finally:
        conn.close()
