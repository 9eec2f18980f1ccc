"""Crash safety and concurrency with real processes: an ingest killed with SIGKILL at several points leaves
the store consistent (every document whole with all its facts, or absent), a second run completes it without
duplicates; two ingests into one store both finish; reads go on while an ingest writes."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from elitewatch import pipeline
from tests.conftest import EXAMPLES

ELITEWATCH = str(Path(sys.executable).parent / "elitewatch")
FACT_TABLES = ("mentions", "quotes", "positions", "events")


def corpus(folder: Path, copies: int) -> Path:
    """The sample articles, several times under other names: enough documents to kill an ingest between."""
    folder.mkdir()
    for number in range(copies):
        for path in EXAMPLES.iterdir():
            if path.suffix in (".txt", ".md", ".html") and not path.name.endswith(".meta.json"):
                shutil.copy(path, folder / f"{path.stem}-{number}{path.suffix}")
    return folder


def ingest(folder: Path, db: Path, workers: int = 1) -> subprocess.Popen[bytes]:
    command = [ELITEWATCH, "ingest", str(folder), "--db", str(db), "--workers", str(workers), "-q"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def documents(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def facts_by_document(db: Path) -> dict[str, tuple[int, ...]]:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    counts: dict[str, tuple[int, ...]] = {}
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone() is None:
        conn.close()
        return counts  # killed after the file was made, before its schema was: a store holding nothing
    for (doc_id,) in conn.execute("SELECT id FROM documents"):
        counts[doc_id] = tuple(
            conn.execute(f"SELECT COUNT(*) FROM {table} WHERE doc_id = ?", (doc_id,)).fetchone()[0]
            for table in FACT_TABLES
        )
    conn.close()
    return counts


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[int, ...]]]:
    folder = corpus(tmp_path_factory.mktemp("crash") / "in", copies=12)  # 48 documents: two write bursts
    db = tmp_path_factory.mktemp("crash") / "reference.db"
    process = ingest(folder, db)
    assert process.wait(timeout=900) == 0, process.stderr.read() if process.stderr else ""
    return folder, facts_by_document(db)


# Where the ingest is killed: while the models load (nothing written), as soon as the first document is in
# (inside the first burst of writes, most likely in the middle of a document's transaction), and between
# the two bursts (the second chunk of documents being analysed).
KILL_POINTS = {"loading": (0, 0), "first write": (1, 32), "between chunks": (pipeline.CHUNK, 47)}


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_an_ingest_killed_at_any_point_leaves_whole_documents_and_resumes(
    reference: tuple[Path, dict[str, tuple[int, ...]]], tmp_path: Path, point: str
) -> None:
    folder, expected = reference
    least, most = KILL_POINTS[point]
    db = tmp_path / "s.db"
    process = ingest(folder, db)
    started = time.monotonic()
    while process.poll() is None and (documents(db) < least if least else time.monotonic() - started < 1.0):
        assert time.monotonic() - started < 600, "the ingest made no progress"
        time.sleep(0.01)
    assert process.poll() is None, "the ingest ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = facts_by_document(db) if db.exists() else {}
    assert least <= len(partial) <= most, f"killed at {len(partial)} documents"
    for doc_id, counts in partial.items():
        assert counts == expected[doc_id], f"{doc_id} is in the store without all its facts"
    again = ingest(folder, db)
    assert again.wait(timeout=900) == 0
    assert facts_by_document(db) == expected  # complete, nothing twice


def descendants(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [grandchild for child in map(int, children) for grandchild in (child, *descendants(child))]


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to list worker processes")
def test_workers_of_a_killed_ingest_exit_and_the_rerun_completes(
    reference: tuple[Path, dict[str, tuple[int, ...]]], tmp_path: Path
) -> None:
    folder, expected = reference
    db = tmp_path / "s.db"
    process = ingest(folder, db, workers=2)
    started = time.monotonic()
    while process.poll() is None and documents(db) < 1:
        assert time.monotonic() - started < 600, "the ingest made no progress"
        time.sleep(0.01)
    workers = descendants(process.pid)
    assert process.poll() is None and len(workers) >= 2, "no worker processes to watch"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if alive(pid)], "worker processes outlived the killed ingest"
    for doc_id, counts in facts_by_document(db).items():
        assert counts == expected[doc_id], f"{doc_id} is in the store without all its facts"
    again = ingest(folder, db, workers=2)
    assert again.wait(timeout=900) == 0
    assert facts_by_document(db) == expected


def test_two_ingests_into_one_store_and_reads_meanwhile(tmp_path: Path) -> None:
    first, second = corpus(tmp_path / "a", copies=1), corpus(tmp_path / "b", copies=1)
    for path in second.iterdir():
        path.rename(path.with_name("b-" + path.name))
    db = tmp_path / "s.db"
    processes = [ingest(first, db), ingest(second, db)]
    reads = 0
    while any(p.poll() is None for p in processes):
        if db.exists():
            documents(db)  # a reader never fails while the writers write
            reads += 1
        time.sleep(0.05)
    assert [p.returncode for p in processes] == [0, 0], [p.stderr.read() for p in processes if p.stderr]
    assert len(facts_by_document(db)) == len(list(first.iterdir())) + len(list(second.iterdir()))
    assert reads > 0
