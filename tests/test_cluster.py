"""Ingest on a Dask cluster that the test starts on loopback and stops: the same store as a local ingest, every
guarantee kept (idempotence, refusals per input), nothing lost when a worker dies mid-ingest."""

from __future__ import annotations

import json
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from elitewatch import cluster
from elitewatch.cli import app
from elitewatch.pipeline import ingest
from elitewatch.settings import Settings
from elitewatch.store import connect

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
