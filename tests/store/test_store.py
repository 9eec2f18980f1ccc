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


def test_ingest_is_idempotent_and_replaces_changed_documents(tmp_path: Path, new_store) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text("“Our alliance is stronger than ever before,” Vladimir Putin said in Moscow.", encoding="utf-8")
    conn = connect(new_store("s.db"))
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


def test_a_batch_commits_what_landed_before_a_failed_write_and_undoes_only_that(new_store) -> None:  # type: ignore[no-untyped-def]
    path = new_store("s.db")
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


def _as_reader_without_write_access(folder: Path, work) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """Run `work()` in a forked child that cannot write `folder` (made read-only; as root, the child also drops to
    the nobody user, whom root's permissions do not cover). Returns the child's exit code and what it printed."""
    import os

    folder.chmod(0o555)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            os.close(read)
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            message = str(work())
            code = 0
        except BaseException as error:
            message = f"{error.__class__.__name__}: {error}"
        os.write(write, message.encode("utf-8", "replace"))
        os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        said = pipe.read().decode("utf-8")
    _, status = os.waitpid(pid, 0)
    folder.chmod(0o755)
    return os.waitstatus_to_exitcode(status), said


@pytest.mark.sqlite_only
def test_reading_commands_and_the_server_work_on_a_store_in_a_read_only_folder(examples_store: Path) -> None:
    import shutil
    import tempfile

    from starlette.testclient import TestClient
    from typer.testing import CliRunner

    from elitewatch import query  # noqa: F401  (imported before the fork: the child may not read the package)
    from elitewatch.cli import app
    from elitewatch.store.db import prepare
    from elitewatch.web.app import create_app

    folder = Path(tempfile.mkdtemp(prefix="elitewatch-ro-"))  # not under pytest's root-only folders
    try:
        folder.chmod(0o755)
        db = folder / "store.db"
        shutil.copy(examples_store, db)
        db.chmod(0o644)

        def read_all() -> str:
            runner = CliRunner()
            summary = runner.invoke(app, ["summary", "--db", str(db)])
            person = runner.invoke(app, ["person", "Tokayev", "--db", str(db)])
            prepare(db)  # what `serve` does first
            page = TestClient(create_app(db)).get("/index.json")
            assert summary.exit_code == 0, summary.output
            assert person.exit_code == 0, person.output
            assert page.status_code == 200, page.text
            return f"{summary.output}\n{person.output}\n{page.json()['documents']}"

        code, said = _as_reader_without_write_access(folder, read_all)
        assert code == 0, said
        assert "documents" in said and "Tokayev" in said
        assert sorted(p.name for p in folder.iterdir()) == ["store.db"]  # nothing written beside it
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_the_generation_moves_with_documents_judgements_and_ids_and_nothing_else(tmp_path: Path, new_store) -> None:  # type: ignore[no-untyped-def]
    from elitewatch.resolve.judgements import judge, set_external_id
    from elitewatch.store.db import generation

    (tmp_path / "a.txt").write_text("Tokayev met Putin in Astana on Monday.", encoding="utf-8")
    db = new_store("g.db")
    writer = connect(db)
    ingest(writer, [str(tmp_path / "a.txt")], SETTINGS)
    reader = connect(db, readonly=True)
    first = generation(reader)
    assert first is not None and first[1] > 0
    ingest(writer, [str(tmp_path / "a.txt")], SETTINGS)  # unchanged: nothing written
    assert generation(reader) == first
    (tmp_path / "a.txt").write_text("Tokayev met Putin in Moscow on Monday.", encoding="utf-8")
    ingest(writer, [str(tmp_path / "a.txt")], SETTINGS)  # replaced
    replaced = generation(reader)
    assert replaced is not None and replaced[1] > first[1]
    with transaction(writer):
        judge(writer, "reject", "person", "Tokayev", "Putin")
    judged = generation(reader)
    assert judged is not None and judged[1] > replaced[1]
    with transaction(writer):
        set_external_id(writer, "person", "Putin", "Q7747")
    named = generation(reader)
    assert named is not None and named[1] > judged[1]
    assert generation(connect(":memory:")) is None  # nothing tells two stores in memory apart


def votes_recounted(conn) -> list[tuple[int, str, int, int]]:  # type: ignore[no-untyped-def]
    rows = conn.execute("SELECT entity_id, type, confidence FROM doc_entities").fetchall()
    totals: dict[tuple[int, str], list[int]] = {}
    for entity_id, kind, confidence in rows:
        total = totals.setdefault((int(entity_id), str(kind)), [0, 0])
        total[0] += round(float(confidence) * 1000)
        total[1] += 1
    return sorted((e, t, w, n) for (e, t), (w, n) in totals.items())


def votes_kept(conn) -> list[tuple[int, str, int, int]]:  # type: ignore[no-untyped-def]
    rows = conn.execute("SELECT entity_id, type, weight, mentions FROM entity_type_votes").fetchall()
    return sorted((int(e), str(t), int(w), int(n)) for e, t, w, n in rows)


def test_type_votes_kept_by_the_store_equal_a_recount_after_writes_merges_splits_and_replacements(
    tmp_path: Path,
    new_store,  # type: ignore[no-untyped-def]
) -> None:
    # Settling an entity's type reads these sums instead of summing its mentions on every document written.
    from elitewatch.resolve.judgements import merge_named, split_named

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Kassym-Jomart Tokayev met Vladimir Putin in Astana. Tokayev thanked the Senate of Kazakhstan.",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Президент Касым-Жомарт Токаев встретился в Москве с Владимиром Путиным.", encoding="utf-8"
    )
    conn = connect(new_store("s.db"))
    ingest(conn, [str(folder)], SETTINGS)
    assert votes_kept(conn) == votes_recounted(conn) and votes_kept(conn)
    with transaction(conn):
        merge_named(conn, "Astana", "Москве")  # a wrong merge, to move mentions between entities
    assert votes_kept(conn) == votes_recounted(conn)
    with transaction(conn):
        split_named(conn, "Astana", "Москве")
    assert votes_kept(conn) == votes_recounted(conn)
    (folder / "a.txt").write_text("Vladimir Putin spoke in Moscow about the Senate.", encoding="utf-8")
    ingest(conn, [str(folder)], SETTINGS)  # the old version's mentions go with the cascade
    assert votes_kept(conn) == votes_recounted(conn)
    assert all(n > 0 for *_, n in votes_kept(conn))  # no entity keeps the votes of mentions it lost


def test_an_organizations_initials_have_their_own_column_and_an_older_store_moves_them_there(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Следственный комитет России возбудил дело. Позже СК России сообщил о задержании.", encoding="utf-8"
    )
    path = tmp_path / "s.db"
    conn = connect(path)
    ingest(conn, [str(folder)], SETTINGS)
    rows = conn.execute("SELECT name, surname, initials FROM entities WHERE type = 'organization'").fetchall()
    assert [(r[1], r[2]) for r in rows if "комитет" in r[0]] == [(None, "СК")]
    # A store written before migration 018 kept them in `surname`, marked.
    conn.execute("DROP INDEX entities_initials")
    conn.execute("UPDATE entities SET surname = 'initials:' || initials WHERE initials IS NOT NULL")
    conn.execute("ALTER TABLE entities DROP COLUMN initials")
    conn.execute("DELETE FROM schema_migrations WHERE version = 18")
    conn.commit()
    conn.close()
    conn = connect(path)
    rows = conn.execute("SELECT name, surname, initials FROM entities WHERE type = 'organization'").fetchall()
    assert [(r[1], r[2]) for r in rows if "комитет" in r[0]] == [(None, "СК")]
    assert conn.execute("SELECT COUNT(*) FROM entities WHERE surname LIKE 'initials:%'").fetchone()[0] == 0
