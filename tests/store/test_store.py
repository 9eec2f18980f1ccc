from __future__ import annotations

from pathlib import Path

import pytest

from elitewatch.pipeline import ingest
from elitewatch.settings import Settings
from elitewatch.store import batch, connect, transaction

SETTINGS = Settings()


def counts(conn) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    return tuple(  # type: ignore[return-value]
        conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("documents", "mentions", "quotes", "entities")
    )


def test_schema_has_wal_foreign_keys_and_migrations(tmp_path: Path) -> None:
    conn = connect(tmp_path / "s.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("SELECT version FROM schema_migrations").fetchall()[0][0] == 1


def test_ingest_is_idempotent_and_replaces_changed_documents(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text("“Our alliance is stronger than ever before,” Vladimir Putin said in Moscow.", encoding="utf-8")
    conn = connect(tmp_path / "s.db")
    first = ingest(conn, [str(folder)], SETTINGS)
    assert first.added == ["a"]
    before = counts(conn)
    again = ingest(conn, [str(folder)], SETTINGS)
    assert again.unchanged == ["a"] and counts(conn) == before
    article.write_text("“Our alliance has never been weaker,” Kassym-Jomart Tokayev said in Astana.", encoding="utf-8")
    changed = ingest(conn, [str(folder)], SETTINGS)
    assert changed.replaced == ["a"]
    speakers = [
        r[0]
        for r in conn.execute(
            "SELECT e.name FROM quotes q JOIN doc_entities de ON de.id = q.speaker_doc_entity_id JOIN entities e ON e.id = de.entity_id"
        )
    ]
    assert speakers == ["Kassym-Jomart Tokayev"]
    # Putin is gone with the old version: no orphan entity, no stale alias.
    assert conn.execute("SELECT COUNT(*) FROM entities WHERE name LIKE '%Putin%'").fetchone()[0] == 0


def test_mentions_point_at_their_text(examples_db) -> None:  # type: ignore[no-untyped-def]
    rows = examples_db.execute(
        "SELECT d.text, m.start, m.end, m.text FROM mentions m JOIN documents d ON d.id = m.doc_id"
    ).fetchall()
    assert rows
    for text, start, end, surface in rows:
        assert text[start:end] == surface


def test_one_entity_per_person_across_scripts(examples_db) -> None:  # type: ignore[no-untyped-def]
    rows = examples_db.execute(
        "SELECT e.id FROM entities e JOIN aliases a ON a.entity_id = e.id WHERE a.alias IN ('Tokayev', 'Токаев')"
    ).fetchall()
    assert len({r[0] for r in rows}) == 1


def test_a_batch_commits_what_landed_before_a_failed_write_and_undoes_only_that(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    conn = connect(path)
    conn.execute("CREATE TABLE notes (n INTEGER)")
    conn.commit()
    with pytest.raises(ValueError), batch(conn):
        for n in (1, 2, 3):
            with transaction(conn):
                conn.execute("INSERT INTO notes VALUES (?)", (n,))
                if n == 3:
                    conn.execute("INSERT INTO notes VALUES (33)")
                    raise ValueError("the third write fails half-way")
    # Seen from another connection: committed, 1 and 2 whole, nothing of the third.
    other = connect(path)
    assert [r[0] for r in other.execute("SELECT n FROM notes ORDER BY n")] == [1, 2]
    # Outside a batch, a transaction commits on its own again.
    with transaction(conn):
        conn.execute("INSERT INTO notes VALUES (4)")
    assert [r[0] for r in other.execute("SELECT n FROM notes ORDER BY n")] == [1, 2, 4]
