"""Corpus-wide answers kept while the store is unchanged, and never past a change."""

from __future__ import annotations

from pathlib import Path

from elitewatch.pipeline import ingest
from elitewatch.query import cache
from elitewatch.query.pages import home
from elitewatch.resolve.resolver import judge, set_external_id
from elitewatch.settings import Settings
from elitewatch.store import connect, transaction


def test_an_answer_is_kept_until_a_document_a_judgement_or_an_id_changes_the_store(tmp_path: Path) -> None:
    cache.forget()
    (tmp_path / "a.txt").write_text("Tokayev met Putin in Astana on Monday.", encoding="utf-8")
    db = tmp_path / "s.db"
    writer = connect(db)
    ingest(writer, [str(tmp_path / "a.txt")], Settings())
    calls: list[int] = []

    @cache.while_unchanged
    def documents(conn):  # type: ignore[no-untyped-def]
        calls.append(1)
        return {"count": conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]}

    reader = connect(db, readonly=True)
    assert documents(reader) == {"count": 1} and documents(reader) == {"count": 1} and len(calls) == 1
    documents(reader)["count"] = 99  # a caller changing its copy changes nothing kept
    assert documents(reader) == {"count": 1}
    (tmp_path / "b.txt").write_text("Mishustin visited Minsk.", encoding="utf-8")
    ingest(writer, [str(tmp_path / "b.txt")], Settings())
    reader = connect(db, readonly=True)
    assert documents(reader) == {"count": 2} and len(calls) == 2
    with transaction(writer):
        judge(writer, "reject", "person", "Tokayev", "Putin")
    documents(reader)
    with transaction(writer):
        set_external_id(writer, "person", "Putin", "Q7747")
    documents(reader)
    assert len(calls) == 4


def test_the_home_page_is_the_same_kept_or_not(tmp_path: Path, examples_store: Path) -> None:
    cache.forget()
    conn = connect(examples_store, readonly=True)
    first, second = home(conn), home(conn)
    assert first == second and first["documents"] >= 6
    memory = connect(":memory:")  # nothing tells two stores in memory apart: never kept
    assert cache.generation(memory) is None
