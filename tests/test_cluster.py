"""Ingest on a Dask cluster that the test starts on loopback and stops: the same store as a local ingest, every
guarantee kept (idempotence, refusals per input), nothing lost when a worker dies mid-ingest; into PostgreSQL
the workers write their own documents, with the same guarantees, a worker killed in the middle of a write
included."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from elitewatch import cluster, pipeline
from elitewatch.cli import app
from elitewatch.pipeline import ingest
from elitewatch.settings import Settings
from elitewatch.store import connect
from elitewatch.store.postgres import APPLICATION, WRITER_LOCK
from tests import pg
from tests.store.test_postgres import contents

distributed = pytest.importorskip("distributed", reason="Dask distributed is not installed")

PEOPLE = ["Anna Petrova", "Boris Ivanov", "Carla Mendes", "Daniel Okafor", "Elena Sokolova", "Farid Aliyev"]
CITIES = ["Astana", "Bishkek", "Tashkent", "Minsk", "Baku", "Yerevan"]


def article(n: int) -> str:
    """A short article of its own for each n: a meeting, an office, a quote."""
    a, b = PEOPLE[n % 6], PEOPLE[(n + 1) % 6]
    city = CITIES[n % 6]
    return (
        f"{a} met {b} in {city} on March {n % 27 + 1}, 2024.\n\n"
        f'"We agreed on the road and the railway," {a} said after the talks.\n\n'
        f"{b}, the deputy minister of transport, was appointed in 2021. "
        + " ".join(f"The delegation visited plant number {n * 10 + i} in {city}." for i in range(12))
    )


def write_corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"a{n:02d}.txt").write_text(article(n), encoding="utf-8")
    return folder


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def exported(db: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in run("export", "--db", str(db)).splitlines()]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[tuple[str, object]]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as local,
        distributed.Client(local, set_as_default=False) as client,
    ):
        yield local.scheduler_address, client


def test_a_cluster_ingest_stores_what_a_local_one_does(tmp_path: Path, scheduler: tuple[str, object]) -> None:
    address, _ = scheduler
    corpus = write_corpus(tmp_path / "in", 10)
    (corpus / "broken.json").write_text("{not json", encoding="utf-8")
    on_cluster, here = tmp_path / "cluster.db", tmp_path / "here.db"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(on_cluster), "--cluster", address, "-q"])
    assert result.exit_code == 0, result.output
    assert "ingested 10 (10 new" in result.output and "refused 1" in result.output
    assert "broken.json" in result.output  # the refusal names its input
    run("ingest", str(corpus), "--db", str(here), "--workers", "1", "-q")
    assert exported(on_cluster) == exported(here)
    again = run("ingest", str(corpus), "--db", str(on_cluster), "--cluster", address, "-q")
    assert "unchanged 10" in again  # idempotent: nothing analysed or written twice


def test_nothing_is_lost_when_a_worker_dies(tmp_path: Path, scheduler: tuple[str, object]) -> None:
    address, client = scheduler
    corpus = write_corpus(tmp_path / "in", 40)
    pids = list(client.run(os.getpid).values())  # type: ignore[attr-defined]
    killed = threading.Event()

    def progress(done: int, total: int) -> None:
        if done >= 1 and not killed.is_set():  # work is in flight on both workers: kill one of them
            os.kill(pids[0], signal.SIGKILL)
            killed.set()

    conn = connect(tmp_path / "s.db")
    try:
        report = ingest(conn, [str(corpus)], Settings(cluster=address), progress=progress)
        stored = conn.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM documents").fetchone()
    finally:
        conn.close()
    assert killed.is_set()
    assert (len(report.added), report.refused) == (40, [])
    assert tuple(stored) == (40, 40)


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 2)
    corpus = write_corpus(tmp_path / "in", 1)
    result = CliRunner().invoke(
        app, ["ingest", str(corpus), "--db", str(tmp_path / "s.db"), "--cluster", "tcp://127.0.0.1:9", "-q"]
    )
    assert result.exit_code != 0
    assert "tcp://127.0.0.1:9" in result.output and "cannot reach the Dask scheduler" in result.output
    assert "internal" not in result.output


# Into PostgreSQL: the workers write ----------------------------------------------------------------------


@contextmanager
def written_only_on_workers() -> Iterator[None]:
    """Inside: this process never writes a document; only the cluster's workers (other processes) may."""

    def refuse(*_: object) -> None:
        raise AssertionError("a document was written by the process that runs the ingest")

    original = pipeline.store_analysis
    pipeline.store_analysis = refuse  # type: ignore[assignment]
    try:
        yield
    finally:
        pipeline.store_analysis = original


def ingested_here(corpus: Path, db: Path) -> Path:
    conn = connect(db)
    try:
        ingest(conn, [str(corpus)], Settings(workers=1))
    finally:
        conn.close()
    return db


def test_the_workers_write_into_postgresql(
    tmp_path: Path, scheduler: tuple[str, object], postgres_cluster: pg.Cluster
) -> None:
    address, _ = scheduler
    corpus = write_corpus(tmp_path / "in", 10)
    (corpus / "broken.json").write_text("{not json", encoding="utf-8")
    here = ingested_here(corpus, tmp_path / "here.db")
    url = postgres_cluster.create()
    conn = connect(url)
    try:
        with written_only_on_workers():
            report = ingest(conn, [str(corpus)], Settings(cluster=address))
            assert (len(report.added), len(report.replaced)) == (10, 0)
            assert [source for source, _ in report.refused] == [str(corpus / "broken.json")]  # refused per input
            assert contents(url) == contents(here)
            again = ingest(conn, [str(corpus)], Settings(cluster=address))
            assert (len(again.unchanged), again.ingested) == (10, 0)  # idempotent: nothing analysed or written twice
            (corpus / "a03.txt").write_text(article(3) + " Talks went on.", encoding="utf-8")
            changed = ingest(conn, [str(corpus)], Settings(cluster=address))
            assert (changed.replaced, len(changed.unchanged)) == (["a03"], 9)
    finally:
        conn.close()


def _writing_worker(conn: Any, pids: list[int]) -> int | None:
    """The worker process that holds the store's writer lock now (in the middle of a document's write)."""
    rows = conn.execute(
        """SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objid::bigint = ? AND a.application_name LIKE ?""",
        (WRITER_LOCK, f"{APPLICATION} %"),
    ).fetchall()
    holders = [int(str(row[0]).rsplit(" ", 1)[1]) for row in rows]
    return next((pid for pid in holders if pid in pids), None)


def test_nothing_is_lost_or_doubled_when_a_worker_dies_writing_into_postgresql(
    tmp_path: Path, scheduler: tuple[str, object], postgres_cluster: pg.Cluster
) -> None:
    address, client = scheduler
    corpus = write_corpus(tmp_path / "in", 40)
    here = ingested_here(corpus, tmp_path / "here.db")
    url = postgres_cluster.create()
    connect(url).close()
    pids = list(client.run(os.getpid).values())  # type: ignore[attr-defined]
    killed: list[int] = []
    done = threading.Event()

    def kill_a_writer() -> None:  # SIGKILL the first worker seen holding the writer lock, inside its transaction
        watching = connect(url, readonly=True)
        try:
            while not done.is_set() and not killed:
                if (pid := _writing_worker(watching, pids)) is not None:
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
                time.sleep(0.001)
        finally:
            watching.close()

    conn = connect(url)
    watcher = threading.Thread(target=kill_a_writer)
    watcher.start()
    try:
        with written_only_on_workers():
            report = ingest(conn, [str(corpus)], Settings(cluster=address))
    finally:
        done.set()
        watcher.join()
        conn.close()
    assert killed, "no worker was seen writing"
    assert (len(report.added), report.refused) == (40, [])
    assert contents(url) == contents(here)  # every document once, whole, its facts and links as a local ingest's
