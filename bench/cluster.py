"""Ingest on a Dask cluster against the fork-server workers, and how fast one writer stores (in `make bench`;
also alone: `python bench/cluster.py [--write]`).

1. the same corpus ingested by `elitewatch ingest --workers 2` (the fork server: models loaded once, workers
   forked from it) and by `elitewatch ingest --cluster ADDRESS` on a local Dask cluster of two one-thread
   worker processes started and warmed before (as a team's cluster would be), taking turns REPEATS times: the
   engine's cost is the ratio of the median wall times;
2. the writer alone: the corpus analysed once in memory, then stored into a fresh store by one process
   (resolution, facts, indexes, corrections: all of `store_analysis`), documents per second;
3. from those two figures: how many machines like this one a single store can keep busy, and what a
   10-machine cluster would ingest per day;
4. the same writer into PostgreSQL (a throwaway cluster on a local socket, tests/pg.py), where the cluster's
   workers write their own documents: they take turns on the store's writer lock, so that one writer's
   documents per second is what a PostgreSQL store takes however many workers write (skipped without
   PostgreSQL's server binaries).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sections  # bench/ (the folder of the script run, or put on the path by run.py)

ROOT = Path(__file__).resolve().parent.parent
ELITEWATCH = [str(Path(sys.executable).parent / "elitewatch")]
REPEATS = 3
GOAL_COST = 0.10  # the engine may cost at most 10% over the fork-server workers
HEADING = "## Ingest on a Dask cluster, and one writer"


def measure(folders: list[Path], work: Path) -> dict[str, Any]:
    from distributed import Client, LocalCluster

    load_before = os.getloadavg()[0]  # others' work on the machine, before ours adds its own
    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as local,
        Client(local, set_as_default=False) as client,
    ):
        address = local.scheduler_address
        _ingest(folders, work / "warm.db", ["--cluster", address])  # models loaded on both workers
        warm_s = time.perf_counter() - started
        runs: dict[str, list[float]] = {"workers": [], "cluster": []}
        for turn in range(REPEATS):
            runs["workers"].append(_ingest(folders, work / f"w{turn}.db", ["--workers", "2"]))
            runs["cluster"].append(_ingest(folders, work / f"c{turn}.db", ["--cluster", address]))
        client.close()
    documents = _documents(work / "w0.db")
    writer = _writer(folders, work / "writer.db")
    postgres = _postgres_writer(folders)
    workers_s, cluster_s = statistics.median(runs["workers"]), statistics.median(runs["cluster"])
    return {
        "documents": documents,
        "warm_s": warm_s,
        "runs": runs,
        "workers_s": workers_s,
        "cluster_s": cluster_s,
        "cost": cluster_s / workers_s - 1,
        "machine_docs_s": documents / cluster_s,
        "writer": writer,
        "load_before": load_before,
        "postgres_writer": postgres,
        "load": os.getloadavg()[0],
    }


def _ingest(folders: list[Path], db: Path, how: list[str]) -> float:
    command = [*ELITEWATCH, "ingest", *map(str, folders), "--db", str(db), "-q", *how]
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"ingest failed: {' '.join(command)}\n{done.stderr[-2000:]}")
    return time.perf_counter() - started


def _documents(db: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    finally:
        conn.close()


def _writer(folders: list[Path], db: Path | str, *, batched: bool = True) -> dict[str, float]:
    """The corpus analysed once, then written by one process: documents per second of `store_analysis`
    (committed together, as the one writer of an ingest commits what is ready; else each alone, as a cluster
    worker writes into PostgreSQL)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import _analyses

    from elitewatch.pipeline import store_analysis
    from elitewatch.store import connect
    from elitewatch.store.db import batch

    analyses = _analyses(folders)
    conn = connect(db)
    try:
        started = time.perf_counter()
        if batched:
            with batch(conn):
                for analysis in analyses:
                    store_analysis(conn, analysis)
        else:
            for analysis in analyses:
                store_analysis(conn, analysis)
        seconds = time.perf_counter() - started
    finally:
        conn.close()
    return {"documents": len(analyses), "seconds": seconds, "docs_s": len(analyses) / seconds}


def _postgres_writer(folders: list[Path]) -> dict[str, float] | None:
    """`_writer` into a new database on a throwaway PostgreSQL cluster, each document its own transaction;
    None without PostgreSQL's server binaries."""
    sys.path.insert(0, str(ROOT))
    from tests import pg

    cluster = pg.start()
    if isinstance(cluster, str):
        print(f"  no PostgreSQL writer: {cluster}", flush=True)
        return None
    try:
        return _writer(folders, cluster.create(), batched=False)
    finally:
        pg.stop()


def section(result: dict[str, Any]) -> list[str]:
    writer = result["writer"]
    machines = writer["docs_s"] / result["machine_docs_s"]
    per_day = min(10 * result["machine_docs_s"], writer["docs_s"]) * 86_400
    cost = result["cost"]
    met = "met" if cost <= GOAL_COST else "**not met**"
    # Others' work weighs on the two runs unevenly (the fork-server workers run niced): judged only when the
    # machine was mostly idle before the run (the load at the end includes the run's own three processes).
    if result["load_before"] > (os.cpu_count() or 1) / 2:
        met = f"not judged: load average {result['load_before']:.1f} before the run on {os.cpu_count()} cores"
    runs = "; ".join(f"{name}: " + ", ".join(f"{s:.1f}" for s in seconds) for name, seconds in result["runs"].items())
    return [
        HEADING,
        "",
        f"{result['documents']} documents (the corpora above), `elitewatch ingest --workers 2` against `--cluster` on",
        "a local Dask cluster of two one-thread worker processes (started and warmed before: "
        f"{result['warm_s']:.0f} s, models included), taking turns, median of {REPEATS} (load average "
        f"{result['load_before']:.1f} before the run, {result['load']:.1f} at its end, its own processes included).",
        "",
        "| | wall time | documents/s |",
        "|---|---|---|",
        f"| fork-server workers (2) | {result['workers_s']:.1f} s | {result['documents'] / result['workers_s']:.2f} |",
        f"| Dask cluster (2 workers) | {result['cluster_s']:.1f} s | {result['machine_docs_s']:.2f} |",
        f"| one writer alone (`store_analysis`) | {writer['seconds']:.1f} s | {writer['docs_s']:.1f} |",
        "",
        f"The engine costs {cost:+.0%} (goal ≤ {GOAL_COST:.0%}: {met}). Runs (s): {runs}.",
        "",
        f"One store's writer takes {writer['docs_s']:.1f} documents/s; a machine like this one (2 cores) analyses "
        f"{result['machine_docs_s']:.2f}/s on the cluster, so one SQLite store can feed about {machines:.0f} such "
        f"machines before its writer is the limit. A 10-machine cluster would ingest about {per_day:,.0f} documents "
        f"a day into one store ({min(10 * result['machine_docs_s'], writer['docs_s']):.1f}/s, "
        f"{'the machines' if 10 * result['machine_docs_s'] < writer['docs_s'] else 'the writer'} being the limit).",
        "",
        *_postgres_lines(result),
    ]


def _postgres_lines(result: dict[str, Any]) -> list[str]:
    """Into PostgreSQL the workers write, taking turns on the writer lock: what one such store takes."""
    writer = result.get("postgres_writer")
    if not writer:
        return []
    machine = result["machine_docs_s"]
    per_day = min(10 * machine, writer["docs_s"]) * 86_400
    return [
        "Into PostgreSQL (`--db postgresql://…`) the cluster's workers write the documents they analysed, each in a",
        "transaction of its own; they take turns on the store's writer lock, held only while a document is",
        f"written. One writer there (`store_analysis`, a transaction a document, over a local socket) takes "
        f"{writer['docs_s']:.1f} documents/s ({writer['documents']} in {writer['seconds']:.1f} s), so one PostgreSQL "
        f"store takes what about {writer['docs_s'] / machine:.1f} machines like this one analyse; a 10-machine "
        f"cluster would write about {per_day:,.0f} documents a day into it "
        f"({'the machines' if 10 * machine < writer['docs_s'] else 'the writer lock'} being the limit).",
        "",
    ]


def replace_section(report: str, lines: list[str]) -> str:
    """BENCHMARKS.md with this section in place of its old one (or added at the end)."""
    return sections.replace_section(report, HEADING, lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="put the figures into BENCHMARKS.md")
    args = parser.parse_args()
    os.environ.setdefault("TQDM_DISABLE", "1")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import corpora

    with tempfile.TemporaryDirectory() as tmp:
        result = measure(list(corpora().values()), Path(tmp))
    lines = section(result)
    print("\n".join(lines))
    if args.write:
        report = ROOT / "BENCHMARKS.md"
        report.write_text(replace_section(report.read_text(encoding="utf-8"), lines), encoding="utf-8")


if __name__ == "__main__":
    main()
