"""The store at a million documents (issue 23, item 5): the query latency of `make bench` (run.py's
`latencies`: a person page, a quote search and a full-text search through the web app in process) on stores of
1,000,000 documents, SQLite and PostgreSQL. Not part of `make bench` (it takes hours); run alone:

    .venv/bin/python bench/million.py --build            # both stores, into MILLION_DIR (/work/big by default)
    .venv/bin/python bench/million.py --measure --write  # their latencies, into BENCHMARKS.md's section

1. `--build` writes the SQLite store as run.py's `build_store` does (the corpora's real analyses written again
   and again under new ids, half of the people renamed, dates moved, in the same random sequence), through
   `store_analysis`, with its
   transactions committed 1,000 documents at a time (`store.db.batch`, as ingest commits what is ready) and a
   page cache of 1 GB. It logs its progress and resumes where it stopped when run again.
2. Then the PostgreSQL store, from the finished SQLite one: writing a million documents through
   `store_analysis` over a socket would take many hours, so a throwaway cluster (initdb on a local socket, its
   data under MILLION_DIR/pg) gets the PostgreSQL migrations, then every table is copied with COPY (the same
   rows, ids and rowids), the sequences set past the largest ids, and the search vectors computed by the
   migrations' own generated columns (to_tsvector in the document's language's configuration, as every write
   through the adapter computes them); the secondary indexes are dropped for the copy and made again after it,
   and the store vacuumed and analysed (what autovacuum does to a server's tables after a bulk load).
3. `--measure` starts that cluster when it is not running (and stops it again), runs `latencies` on both
   stores with the load average before and after each, and `--write` puts the section into BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import pwd
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sections  # bench/ (the folder of the script run, or put on the path by run.py)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

WORK = Path(os.environ.get("MILLION_DIR", "/work/big"))
SIZE = 1_000_000
BATCH = 1_000  # documents committed together while building
LOG_EVERY = 10_000
GOAL_MS = 100.0
DATABASE = "elitewatch1m"
HEADING = "## The store at a million documents"
SEARCHED_TABLES = ("documents", "quotes", "claims")  # their search vectors are generated columns (to_tsvector)
PG_OPTIONS = {
    "listen_addresses": "''",
    "shared_buffers": "1GB",
    "maintenance_work_mem": "1GB",
    "max_wal_size": "8GB",
    "checkpoint_timeout": "30min",
    "wal_level": "minimal",
    "max_wal_senders": "0",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
}


def sqlite_path() -> Path:
    return WORK / "store1m.db"


def state_path() -> Path:
    return WORK / "million.json"


def read_state() -> dict[str, Any]:
    return json.loads(state_path().read_text()) if state_path().exists() else {}


def write_state(**changes: Any) -> None:
    state = {**read_state(), **changes}
    state_path().write_text(json.dumps(state, indent=1))


def say(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)


# 1. the SQLite store -------------------------------------------------------------------------------------


def analyses() -> list[Any]:
    """run.py's analyses of the corpora, kept in MILLION_DIR so that a resumed build writes the same ones."""
    cache = WORK / "analyses.pickle"
    if cache.exists():
        return list(pickle.loads(cache.read_bytes()))
    from run import _analyses, corpora

    found = _analyses(list(corpora().values()))
    cache.write_bytes(pickle.dumps(found))
    return found


def build_sqlite(size: int, seed: int = 7) -> None:
    """run.py's build_store at `size` documents, in batches of BATCH, resumable."""
    from run import _variant

    from elitewatch.pipeline import store_analysis
    from elitewatch.store import connect
    from elitewatch.store.db import batch

    found = analyses()
    people = sorted({e.name for a in found for e in a.entities if e.type == "person" and " " in e.name})
    path = sqlite_path()
    conn = connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -1000000")  # 1 GB of pages: the indexes of a million documents
    start = _stored(conn)
    state = read_state().get("sqlite", {})
    seconds = float(state.get("seconds", 0.0)) if start else 0.0
    say(f"SQLite: {len(found)} analyses, {len(people)} people; {start:,} documents stored, writing up to {size:,}")
    rng = random.Random(seed)
    number = 0
    started = time.perf_counter()
    chunk_started = started
    try:
        while number < size:
            variants = []
            while number < size and len(variants) < BATCH:
                variant = _variant(found[number % len(found)], number, people, rng)  # the same sequence as run.py
                if number >= start:
                    variants.append(variant)
                number += 1
            if not variants:
                continue
            with batch(conn):
                for variant in variants:
                    store_analysis(conn, variant)
            if number % LOG_EVERY == 0 or number == size:
                now = time.perf_counter()
                rate = LOG_EVERY / (now - chunk_started) if number > start + LOG_EVERY else 0.0
                chunk_started = now
                total = seconds + now - started
                write_state(sqlite={"documents": number, "seconds": total, "done": False})
                say(
                    f"SQLite: {number:,} documents, {total:.0f} s, {rate:.0f} documents/s lately, "
                    f"{_bytes(path) / 1e9:.2f} GB, load {os.getloadavg()[0]:.1f}"
                )
    finally:
        total = seconds + time.perf_counter() - started
        write_state(sqlite={"documents": _stored(conn), "seconds": total, "done": False})  # to resume from
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
    write_state(sqlite={"documents": size, "seconds": total, "done": True, "bytes": path.stat().st_size})
    say(f"SQLite: done, {size:,} documents in {total:.0f} s, {path.stat().st_size / 1e9:.2f} GB")


def _stored(conn: Any) -> int:
    """How many of the numbered documents the store holds (they are written in order, BATCH at a time)."""
    row = conn.execute("SELECT id FROM documents ORDER BY rowid DESC LIMIT 1").fetchone()
    return 0 if row is None else int(str(row[0]).rsplit("~", 1)[1]) + 1


def _bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


# 2. the PostgreSQL cluster and store -------------------------------------------------------------------


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl, found as tests/pg.py finds it."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    return debian[-1].parent if debian else None


class Server:
    """A PostgreSQL cluster in MILLION_DIR/pg on a socket of its own (as tests/pg.py: run as the postgres
    system user when this runs as root)."""

    def __init__(self) -> None:
        self.root = WORK / "pg"
        self.data = self.root / "data"
        self.user = "postgres" if os.geteuid() == 0 else None
        found = binaries()
        if found is None:
            raise SystemExit("PostgreSQL's server binaries (initdb, pg_ctl) are not installed")
        self.bin = found

    def url(self, name: str = DATABASE) -> str:
        return f"postgresql://postgres@/{name}?host={self.root}"

    def _run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        return subprocess.run([*prefix, *command], check=check, capture_output=True, cwd=self.root)

    def running(self) -> bool:
        return (
            self.data.exists()
            and self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "status", check=False).returncode == 0
        )

    def start(self) -> bool:
        """Start the cluster (made first when there is none); False when it was running already."""
        if self.running():
            return False
        self.root.mkdir(parents=True, exist_ok=True)
        if self.user:
            os.chown(self.root, pwd.getpwnam(self.user).pw_uid, -1)
        if not self.data.exists():
            self._run(
                str(self.bin / "initdb"),
                "-D",
                str(self.data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            )
        options = f"-k {self.root} " + " ".join(f"-c {key}={value}" for key, value in PG_OPTIONS.items())
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "log"),
            "-w",
            "-t",
            "300",
            "start",
        )
        return True

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")


@contextmanager
def server() -> Iterator[Server]:
    """The cluster, started for the block if it was not running (and stopped after it then)."""
    cluster = Server()
    started = cluster.start()
    try:
        yield cluster
    finally:
        if started:
            cluster.stop()


def build_postgres() -> None:
    """The PostgreSQL store from the finished SQLite one: migrations, COPY of every table, sequences, indexes."""
    import psycopg

    from elitewatch.store import connect

    if not read_state().get("sqlite", {}).get("done"):
        raise SystemExit("the SQLite store is not finished: run --build first")
    say("SQLite: migrations (a store built by an earlier version gets the tables added since)")
    connect(sqlite_path()).close()
    with server() as cluster:
        with psycopg.connect(cluster.url("postgres"), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
            admin.execute(f"CREATE DATABASE {DATABASE}")
        connect(cluster.url()).close()  # the PostgreSQL migrations, as any new store gets them
        started = time.perf_counter()
        with psycopg.connect(cluster.url(), autocommit=True) as pg:
            counts = _copy_tables(pg, cluster.url())
        copy_s = time.perf_counter() - started
        with psycopg.connect(cluster.url(), autocommit=True) as pg:
            say("PostgreSQL: VACUUM ANALYZE")
            pg.execute("VACUUM ANALYZE")
            size = int(pg.execute("SELECT pg_database_size(current_database())").fetchone()[0])
    total = time.perf_counter() - started
    write_state(postgresql={"seconds": total, "copy_s": copy_s, "bytes": size, "rows": counts, "done": True})
    say(f"PostgreSQL: done in {total:.0f} s, {size / 1e9:.2f} GB")


def _copy_tables(pg: Any, url: str) -> dict[str, int]:
    tables = [r[0] for r in pg.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' "
        "AND table_name != 'schema_migrations' ORDER BY table_name"
    )]  # fmt: skip
    indexes = list(pg.execute(
        """SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
              AND indexname NOT IN (SELECT conname FROM pg_constraint)"""
    ))  # fmt: skip
    for name, _ in indexes:
        pg.execute(f'DROP INDEX "{name}"')
    always = list(pg.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND is_identity = 'YES' AND identity_generation = 'ALWAYS'"
    ))  # fmt: skip
    for table, column in always:  # SQLite's rowids copied as they are
        pg.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" SET GENERATED BY DEFAULT')
    # Two copies at once, one per core: the tables whose search vectors PostgreSQL computes row by row (its work)
    # beside the others (the work of this process, row by row into COPY).
    searched = [t for t in tables if t in SEARCHED_TABLES]
    with ThreadPoolExecutor(max_workers=1) as pool:
        vectors = pool.submit(_copy_each, url, searched)
        counts = _copy_each(url, [t for t in tables if t not in searched])
        counts.update(vectors.result())
    for table, column in always:
        pg.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" SET GENERATED ALWAYS')
    for table, column in pg.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND is_identity = 'YES'"
    ).fetchall():
        pg.execute(
            f"""SELECT setval(pg_get_serial_sequence('"{table}"', '{column}'),
                              (SELECT COALESCE(MAX("{column}"), 0) + 1 FROM "{table}"), false)"""
        )
    for name, definition in indexes:
        began = time.perf_counter()
        pg.execute(definition)
        say(f"PostgreSQL: index {name} in {time.perf_counter() - began:.0f} s")
    return counts


def _copy_each(url: str, tables: list[str]) -> dict[str, int]:
    """Copy these tables, in order, through connections of their own (one thread's)."""
    import psycopg

    source = sqlite3.connect(f"file:{sqlite_path()}?mode=ro", uri=True)
    try:
        with psycopg.connect(url, autocommit=True) as pg:
            return {table: _copy_table(source, pg, table) for table in tables}
    finally:
        source.close()


def _copy_table(source: sqlite3.Connection, pg: Any, table: str) -> int:
    """One table's rows, by the columns both stores have (SQLite's implicit rowid where PostgreSQL keeps it),
    without the generated ones (the search vectors), which PostgreSQL computes as each row arrives."""
    theirs = {r[1] for r in source.execute(f'PRAGMA table_info("{table}")')}
    ours = [
        r[0]
        for r in pg.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = %s "
            "AND is_generated = 'NEVER' ORDER BY ordinal_position",
            (table,),
        )
    ]
    columns = [c for c in ours if c in theirs or c == "rowid"]
    names = ", ".join(f'"{c}"' for c in columns)
    began = time.perf_counter()
    rows = 0
    with pg.cursor() as cursor:
        # The generation triggers and the foreign keys' checks off for the copy: the rows are those of a whole store.
        cursor.execute("BEGIN")
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(f'DELETE FROM "{table}"')  # store_generation's one row, made by its migration
        with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
            for row in source.execute(f'SELECT {names} FROM "{table}"'):
                copy.write_row(row)
                rows += 1
                if rows % 5_000_000 == 0:
                    say(f"PostgreSQL: {table}: {rows:,} rows, {time.perf_counter() - began:.0f} s")
        cursor.execute("COMMIT")
    say(f"PostgreSQL: {table}: {rows:,} rows in {time.perf_counter() - began:.0f} s")
    return rows


# why the PostgreSQL store is copied ---------------------------------------------------------------------


def writers(count: int = 500) -> dict[str, float]:
    """Documents per second of `store_analysis` (one writer, each document its own transaction, as ingest's
    cluster workers write) on the first `count` documents of the build, into a new SQLite file and into a new
    database on the cluster: what writing the million through `store_analysis` would cost on each."""
    import tempfile

    import psycopg
    from run import _variant

    from elitewatch.pipeline import store_analysis
    from elitewatch.store import connect

    found = analyses()
    people = sorted({e.name for a in found for e in a.entities if e.type == "person" and " " in e.name})
    result = {}
    with tempfile.TemporaryDirectory() as tmp, server() as cluster:
        with psycopg.connect(cluster.url("postgres"), autocommit=True) as admin:
            admin.execute("DROP DATABASE IF EXISTS elitewatch_writer")
            admin.execute("CREATE DATABASE elitewatch_writer")
        for name, store in (("SQLite", str(Path(tmp) / "w.db")), ("PostgreSQL", cluster.url("elitewatch_writer"))):
            rng = random.Random(7)
            variants = [_variant(found[n % len(found)], n, people, rng) for n in range(count)]
            conn = connect(store)
            started = time.perf_counter()
            for variant in variants:
                store_analysis(conn, variant)
            result[name] = count / (time.perf_counter() - started)
            conn.close()
            say(f"{name}: {result[name]:.1f} documents/s, load {os.getloadavg()[0]:.1f}")
        with psycopg.connect(cluster.url("postgres"), autocommit=True) as admin:
            admin.execute("DROP DATABASE elitewatch_writer")
    write_state(writers={**result, "documents": count, "load": os.getloadavg()[0]})
    return result


# 3. latency ------------------------------------------------------------------------------------------------


def measure() -> dict[str, Any]:
    from run import latencies, machine

    state = read_state()
    result: dict[str, Any] = {"machine": machine(), "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    stores: dict[str, Any] = {}
    if state.get("sqlite", {}).get("done"):
        stores["SQLite"] = _measured(sqlite_path(), latencies, state["sqlite"])
        say(f"SQLite: {stores['SQLite']}")
    if state.get("postgresql", {}).get("done"):
        with server() as cluster:
            stores["PostgreSQL"] = _measured(cluster.url(), latencies, state["postgresql"])
        say(f"PostgreSQL: {stores['PostgreSQL']}")
    result["stores"] = stores
    if "SQLite" in stores:
        result["largest"] = largest_person(sqlite_path())
    write_state(measured=result)
    return result


def largest_person(path: Path) -> dict[str, Any]:
    """The most named person of a store: documents naming them, their office records, and the time (warm, the
    second of two runs) of the offices a person page shows for them (the store's sum of those records)."""
    from elitewatch.query.careers import office_summary
    from elitewatch.store import connect

    conn = connect(path)
    try:
        entity, documents = conn.execute(
            """SELECT de.entity_id, COUNT(*) FROM doc_entities de JOIN entities e ON e.id = de.entity_id
                WHERE e.type = 'person' GROUP BY de.entity_id ORDER BY COUNT(*) DESC LIMIT 1"""
        ).fetchone()
        records = conn.execute("SELECT COUNT(*) FROM positions WHERE person_entity_id = ?", (entity,)).fetchone()[0]
        counts = sorted(
            row[0]
            for row in conn.execute(
                "SELECT COUNT(*) FROM positions WHERE person_entity_id IS NOT NULL GROUP BY person_entity_id"
            )
        )
        office_summary(conn, entity)
        began = time.perf_counter()
        offices = len(office_summary(conn, entity))
        elapsed = (time.perf_counter() - began) * 1000
        median = counts[len(counts) // 2] if counts else 0
        return {"documents": documents, "records": records, "offices": offices, "offices_ms": elapsed, "median": median}
    finally:
        conn.close()


PARTS_ASKED = 200  # people whose page parts are timed


def page_parts(store: Path | str, count: int = PARTS_ASKED, seed: int = 11) -> dict[str, dict[str, float]]:
    """What a person page's time goes to: each query of `entity_profile` (web/routes/entities.py asks it
    with records=False) and the person's echoes (once the store's shingles are built) timed apart for `count`
    people at random, each once (mostly first visits, as the latency run's), p50 and p95 in ms."""
    from elitewatch.query import queries
    from elitewatch.query.careers import office_summary
    from elitewatch.query.echoes import echoes
    from elitewatch.store import connect
    from elitewatch.web.routes.entities import ECHOES_SHOWN

    conn = connect(store)
    try:
        people = [r[0] for r in conn.execute("SELECT id FROM entities WHERE type = 'person' ORDER BY id")]
        rng = random.Random(seed)
        parts: dict[str, Any] = {
            "documents": lambda e: (
                queries.documents_naming(conn, e),
                conn.execute(
                    "SELECT d.id, d.title FROM doc_entities de JOIN documents d ON d.id = de.doc_id "
                    "WHERE de.entity_id = ? ORDER BY de.id DESC LIMIT 50",
                    (e,),
                ).fetchall(),
            ),
            "offices": lambda e: office_summary(conn, e),
            "quotes": lambda e: queries.search_quotes(conn, speaker_id=e, limit=50),
            "claims": lambda e: (
                queries.search_claims(conn, source_id=e, limit=50),
                queries.search_claims(conn, about_id=e, limit=50),
            ),
            "events": lambda e: queries.search_events(conn, participant_id=e, limit=50),
            "named with": lambda e: queries.named_with(conn, e),
            "echoes": lambda e: echoes(conn, speaker_id=e, limit=ECHOES_SHOWN, recent=True),
        }
        echoes(conn, speaker_id=people[0], limit=ECHOES_SHOWN, paraphrases=False)  # the shingles built once, not timed
        times: dict[str, list[float]] = {name: [] for name in parts}
        for _ in range(count):
            person = rng.choice(people)
            for name, part in parts.items():
                began = time.perf_counter()
                part(person)
                times[name].append((time.perf_counter() - began) * 1000)
    finally:
        conn.close()
    return {name: {"p50": _percentile(values, 50), "p95": _percentile(values, 95)} for name, values in times.items()}


def _percentile(values: list[float], q: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))] if ordered else 0.0


def _measured(store: Path | str, latencies: Any, built: dict[str, Any]) -> dict[str, Any]:
    before = os.getloadavg()[0]
    latency = latencies(store)
    after = os.getloadavg()[0]
    parts = page_parts(store)
    return {"built": built, "latency": latency, "load_before": before, "load_after": after, "parts": parts}


def section(result: dict[str, Any]) -> list[str]:
    state = read_state()
    sqlite_state = state.get("sqlite", {})
    lines = [
        HEADING,
        "",
        f"Measured on {result['when']} by `bench/million.py` (not part of `make bench`). The query latency of the",
        "table above (the same three HTML pages through the web app in process, 200 requests each after 10 to warm",
        "up and once the corpus-wide models those pages build in the background are ready, as in a server that has",
        f"run a while: {_models(result)}) on stores of 1,000,000 documents. The searches ask eight words in turn, so after each word's first",
        "request the page the web app keeps for the store's generation (web/kept.py) answers: their figures are",
        "those of a kept page; a person page is asked for one of the store's 768 people at random, mostly a first visit.",
        "",
        "| store | built in | size | person page p50 / p95 | quote search p50 / p95 | full-text search p50 / p95 | load average before / after | goal |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, store in result["stores"].items():
        latency = store["latency"]
        worst = max(v["p95"] for v in latency.values())
        cells = " | ".join(f"{v['p50']:.1f} / {v['p95']:.1f} ms" for v in latency.values())
        built = store["built"]
        how = f"{built['seconds']:.0f} s" if name == "SQLite" else f"{built['seconds']:.0f} s (from the SQLite store)"
        met = "met" if worst <= GOAL_MS else "**not met**"
        lines.append(
            f"| {name}, {sqlite_state.get('documents', SIZE):,} documents | {how} | {built['bytes'] / 1e9:.1f} GB | "
            f"{cells} | {store['load_before']:.1f} / {store['load_after']:.1f} | p95 ≤ {GOAL_MS:.0f} ms: {met} |"
        )
    lines += [
        "",
        *_findings(result),
        "The SQLite store is built as the 100,000-document one above (run.py's `build_store`: the corpora's real",
        "analyses written again under new ids through `store_analysis`, half of the people renamed, dates moved;",
        "in the same random sequence), its transactions committed",
        f"{BATCH:,} documents at a time with synchronous off and a 1 GB page cache. Writing a million documents",
        "through `store_analysis` over a socket into PostgreSQL would take many hours, so the PostgreSQL store is",
        "made from the finished SQLite one: the PostgreSQL migrations, then every table copied with COPY (the same",
        "rows, ids and rowids), the sequences set past the largest ids, the search vectors computed by the",
        "migrations' own generated columns (to_tsvector in the language's configuration, as every write through",
        "the adapter computes them), the secondary indexes made again after the copy, then VACUUM ANALYZE (what",
        "autovacuum does after a bulk load). Its server: PostgreSQL on a local socket, "
        + ", ".join(f"{k} = {v}" for k, v in PG_OPTIONS.items() if k in ("shared_buffers", "fsync"))
        + "; each request opens its own connection, as the web app does.",
        "",
        *_writer_lines(state.get("writers")),
        "To run it again: `.venv/bin/python bench/million.py --build` (the SQLite store, then the PostgreSQL one,",
        "into MILLION_DIR, /work/big by default: about 20 GB and 30 GB of disk; the log of the build gives the",
        "time each took on this machine, shared with other work, in the table above), then",
        "`.venv/bin/python bench/million.py --measure --write` (a few minutes; it starts the PostgreSQL cluster",
        "when it is not running, and stops it after).",
        "",
    ]
    return lines


def _models(result: dict[str, Any]) -> str:
    """How long the models took to be ready on each store (the echoes' shingles and paraphrases)."""
    waits = []
    for name, store in result["stores"].items():
        wait = sum(v.get("models_s", 0.0) for v in store["latency"].values())
        # a store the background thread cannot open by a file name builds them in the warm-up's requests
        waits.append(f"{wait:.0f} s more on {name}" if wait >= 1 else f"built in the warm-up's requests on {name}")
    return "the echoes' shingles and paraphrases, " + ", ".join(waits)


def _findings(result: dict[str, Any]) -> list[str]:
    """What a person page reads, what each part of it took, and the pages that miss the goal, if any."""
    missed = [
        f"{label} on {name}"
        for name, store in result["stores"].items()
        for label, figures in store["latency"].items()
        if figures["p95"] > GOAL_MS
    ]
    lines = [
        "A person page reads what it shows, not every record of the person: each fact keeps the entity it names",
        "(migration 019), so the newest 50 quotes, claims, events and documents are each read by one index; the",
        "store keeps each person's offices summed as documents are written (migration 021: a row per person and",
        "office as written, added to by a trigger, summed again when a record leaves it), and the first and last",
        "sources of each office are read by seeks on an index in the career's order (migration 020).",
        *_largest_lines(result.get("largest")),
        *_parts_lines(result),
    ]
    if missed:
        lines += [
            f"Missed: {', '.join(missed)}. The parts above are each read from disk on a first visit (this",
            "machine keeps a few GB of the store in its page cache); a page's time is their sum and the page's",
            "own work (rendering, the career chart, the echoes of the person's quotes).",
        ]
    return [*lines, ""]


def _parts_lines(result: dict[str, Any]) -> list[str]:
    stores = {name: store["parts"] for name, store in result["stores"].items() if "parts" in store}
    if not stores:
        return []
    names = list(stores)
    lines = [
        "",
        f"Where a person page's time goes: each of its queries timed apart for {PARTS_ASKED} people at random,",
        "once each (`page_parts`), p50 / p95:",
        "",
        "| part | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for part in next(iter(stores.values())):
        cells = " | ".join(f"{stores[n][part]['p50']:.1f} / {stores[n][part]['p95']:.1f} ms" for n in names)
        lines.append(f"| {part} | {cells} |")
    return [*lines, ""]


def _largest_lines(largest: dict[str, Any] | None) -> list[str]:
    if not largest or "records" not in largest:
        return []
    return [
        f"The store's most named person is in {largest['documents']:,} documents, with {largest['records']:,} office",
        f"records in {largest['offices']:,} offices: {largest['offices_ms']:.0f} ms to read those offices, warm (SQLite); the median",
        f"person with office records has {largest.get('median', 0):,} of them.",
    ]


def _writer_lines(writers: dict[str, float] | None) -> list[str]:
    if not writers:
        return []
    return [
        f"`store_analysis`, one writer, a transaction a document (`--writers`, the build's first {writers['documents']:.0f}",
        f"documents into new stores, load average {writers['load']:.1f}): SQLite {writers['SQLite']:.1f} documents/s,",
        f"PostgreSQL {writers['PostgreSQL']:.1f}/s (every statement a round trip to the server): a million documents",
        f"would take {SIZE / writers['PostgreSQL'] / 3600:.0f} hours that way, against "
        f"{SIZE / writers['SQLite'] / 3600:.0f} into SQLite.",
        "",
    ]


def replace_section(report: str, lines: list[str]) -> str:
    """BENCHMARKS.md with this section in place of its old one (or added at the end)."""
    return sections.replace_section(report, HEADING, lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", action="store_true", help="build the stores (resumes an unfinished one)")
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="with --build: one store only")
    parser.add_argument("--size", type=int, default=SIZE, help="documents of the SQLite store")
    parser.add_argument("--measure", action="store_true", help="the latencies on the stores built")
    parser.add_argument("--writers", action="store_true", help="store_analysis's speed into SQLite and PostgreSQL")
    parser.add_argument("--write", action="store_true", help="put the figures into BENCHMARKS.md")
    args = parser.parse_args()
    os.environ.setdefault("TQDM_DISABLE", "1")
    WORK.mkdir(parents=True, exist_ok=True)
    if args.build:
        if args.only != "postgresql" and not read_state().get("sqlite", {}).get("done"):
            build_sqlite(args.size)
        if args.only != "sqlite":
            build_postgres()
    if args.writers:
        writers()
    result = measure() if args.measure else read_state().get("measured")
    if args.write:
        if not result:
            raise SystemExit("nothing measured yet: --measure")
        lines = section(result)
        print("\n".join(lines))
        report = ROOT / "BENCHMARKS.md"
        report.write_text(replace_section(report.read_text(encoding="utf-8"), lines), encoding="utf-8")


if __name__ == "__main__":
    main()
