"""Load through a real server: `elitewatch serve` (uvicorn) on loopback, CLIENTS threads of REQUESTS requests each
over a mix of pages and their JSON twins, once on an idle store and once while `elitewatch ingest` writes to it.

Part of `make bench` (run.py calls `measure` on its 10,000-document store and `section` to write the figures).
Alone, in a minute or two:

    .venv/bin/python bench/load.py                 # builds the 10,000-document store of run.py first
    .venv/bin/python bench/load.py --db elitewatch.db   # a copy of an existing store (yours is not written)
    .venv/bin/python bench/load.py --write         # and put the figures into BENCHMARKS.md's section

Every request goes to 127.0.0.1. The request loops stop by themselves (REQUESTS each, DEADLINE_S per run); the
server and the ingests are separate process groups, always killed at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import sections  # bench/ (the folder of the script run, or put on the path by run.py)

ROOT = Path(__file__).resolve().parent.parent
ELITEWATCH = str(Path(sys.executable).parent / "elitewatch")
STATIC = ROOT / "elitewatch" / "web" / "static"
HOST = "127.0.0.1"
CLIENTS = 20
REQUESTS = 200  # per client
DEADLINE_S = 300.0  # per run: a client stops at its REQUESTS or at this, whichever comes first
REQUEST_TIMEOUT_S = 30.0
STARTUP_S = 60.0  # for the server to answer, and for an ingest to write its first documents
COPIES = 2  # of the corpora in each ingest run under load: enough for a minute of writing or more
GOAL_P95_MS = 150.0  # idle store, CLIENTS clients, this 2-core machine
WORDS = ["security", "president", "election", "Moscow", "war", "сотрудничество", "government", "talks"]


# what the clients ask for ---------------------------------------------------------------------------


def targets(db: Path) -> dict[str, list[str]]:
    """Entity ids, document ids and person names taken from the store, for the requests to pick from."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        entities = [str(r[0]) for r in conn.execute("SELECT DISTINCT entity_id FROM doc_entities ORDER BY 1")]
        documents = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
        people = [
            r[0]
            for r in conn.execute(
                "SELECT e.name FROM entities e JOIN doc_entities d ON d.entity_id = e.id WHERE e.type = 'person' "
                "GROUP BY e.id ORDER BY COUNT(*) DESC LIMIT 200"
            )
        ]
    finally:
        conn.close()
    if not (entities and documents and len(people) >= 2):
        raise RuntimeError(f"{db}: too few entities, documents or people to load the server with")
    return {"entities": entities, "documents": documents, "people": people}


def request_kinds(found: dict[str, list[str]]) -> dict[str, Callable[[random.Random], str]]:
    """Each kind of request, as a maker of its path; the clients take them in turn, at random."""

    def word(rng: random.Random) -> str:
        return quote(rng.choice(WORDS))

    def pair(rng: random.Random) -> str:
        a, b = rng.sample(found["people"], 2)
        return f"a={quote(a)}&b={quote(b)}"

    return {
        "/": lambda rng: "/",
        "/index.json": lambda rng: "/index.json",
        "/search?q=": lambda rng: f"/search?q={word(rng)}",
        "/search.json?q=": lambda rng: f"/search.json?q={word(rng)}",
        "/quotes?q=": lambda rng: f"/quotes?q={word(rng)}",
        "/quotes.json?q=": lambda rng: f"/quotes.json?q={word(rng)}",
        "/events.json": lambda rng: "/events.json",
        "/entity/N": lambda rng: f"/entity/{rng.choice(found['entities'])}",
        "/entity/N.json": lambda rng: f"/entity/{rng.choice(found['entities'])}.json",
        "/document/ID": lambda rng: f"/document/{quote(rng.choice(found['documents']), safe='')}",
        "/compare?a=&b=": lambda rng: f"/compare?{pair(rng)}",
    }


# one run: CLIENTS threads against the server ----------------------------------------------------------


def run_clients(base: str, kinds: dict[str, Callable[[random.Random], str]], seed: int) -> dict[str, Any]:
    """CLIENTS threads, each with its own keep-alive client, REQUESTS requests each (fewer if DEADLINE_S passes).
    An error is any status outside 2xx/3xx, or an exception (timeout, connection refused or reset)."""
    records: list[tuple[str, float, str]] = []  # kind, milliseconds, "" or what went wrong
    dropped: list[str] = []  # transport errors on a connection whose previous answer was a 5xx
    lock = threading.Lock()
    labels = list(kinds)
    deadline = time.monotonic() + DEADLINE_S

    def client(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        mine: list[tuple[str, float, str]] = []
        with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT_S, headers={"accept": "text/html"}) as http:
            for _ in range(REQUESTS):
                if time.monotonic() > deadline:
                    break
                kind = rng.choice(labels)
                path = kinds[kind](rng)
                started = time.perf_counter()
                try:
                    status = http.get(path).status_code
                    wrong = "" if 200 <= status < 400 else f"{status} {path}"
                except httpx.HTTPError as error:
                    wrong = f"{type(error).__name__} {path}"
                    if mine and mine[-1][2].startswith("5"):
                        dropped.append(wrong)  # the server closes a connection after an exception in the app
                mine.append((kind, (time.perf_counter() - started) * 1000, wrong))
        with lock:
            records.extend(mine)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
    busy = os.getloadavg()[0]  # other work on the machine weighs on every figure: said with them
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(DEADLINE_S + REQUEST_TIMEOUT_S + 5)
    seconds = time.perf_counter() - started
    return {**summary(records, seconds), "after_5xx": len(dropped), "load_before": busy}


def warm_up(base: str, kinds: dict[str, Callable[[random.Random], str]]) -> None:
    """Each kind of request 3 times from each of CLIENTS connections at once, so that every server process
    (a connection stays with the process that accepted it) has built what it keeps: the templates, the
    first connection of each thread, the corpus-wide models its first person's page builds (echoes)."""

    def client(number: int) -> None:
        rng = random.Random(1000 + number)
        with httpx.Client(base_url=base, timeout=STARTUP_S * 3) as http:
            for make in kinds.values():
                for _ in range(3):
                    http.get(make(rng))

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(STARTUP_S * 10)


def settle(group: int, quiet_s: float = 3.0, longest_s: float = 300.0) -> float:
    """Seconds until the server's processes stop working after the warm-up: what they build behind the pages
    they answered (the paraphrases of the echoes embed every English statement) is not the load measured.
    Quiet: less than a tenth of a core used over `quiet_s`."""
    started = time.monotonic()
    last = _group_cpu(group)
    while time.monotonic() - started < longest_s:
        time.sleep(quiet_s)
        now = _group_cpu(group)
        if now - last < 0.1 * quiet_s:
            break
        last = now
    return time.monotonic() - started


def _group_cpu(group: int) -> float:
    """CPU seconds used so far by the processes of a process group (from their /proc/PID/stat)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # a process that ended meanwhile
        if int(fields[2]) == group:  # the process group (fields after the name: state, ppid, pgrp, …)
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def one_client(base: str, kinds: dict[str, Callable[[random.Random], str]], samples: int = 20) -> dict[str, Any]:
    """Each kind of request `samples` times from one client, one after another: what a request costs the server
    when it waits for no other (the runs of CLIENTS add the waiting)."""
    rng = random.Random(0)
    result = {}
    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT_S, headers={"accept": "text/html"}) as http:
        for kind, make in kinds.items():
            times = []
            for _ in range(samples):
                started = time.perf_counter()
                http.get(make(rng))
                times.append((time.perf_counter() - started) * 1000)
            result[kind] = _percentiles(times)
    return result


def floor(base: str, samples: int = 20) -> dict[str, Any] | None:
    """A static file, one request after another: what any answer costs beyond its own work (none is read)."""
    files = sorted(STATIC.glob("*.css")) or sorted(p for p in STATIC.glob("*") if p.is_file())
    if not files:
        return None
    path = f"/static/{files[0].name}"
    times = []
    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT_S) as http:
        http.get(path)
        for _ in range(samples):
            started = time.perf_counter()
            http.get(path)
            times.append((time.perf_counter() - started) * 1000)
    return {"path": path, **_percentiles(times)}


def summary(records: list[tuple[str, float, str]], seconds: float) -> dict[str, Any]:
    errors = [wrong for _, _, wrong in records if wrong]
    by_kind = {}
    for kind in sorted({k for k, _, _ in records}):
        times = [ms for k, ms, _ in records if k == kind]
        by_kind[kind] = {"requests": len(times), **_percentiles(times)}
    return {
        "requests": len(records),
        "errors": len(errors),
        "error_kinds": Counter(e.split(" ", 1)[0] for e in errors).most_common(),
        "error_examples": errors[:5],
        "seconds": seconds,
        "rps": len(records) / seconds if seconds else 0.0,
        "mean": statistics.mean(ms for _, ms, _ in records) if records else 0.0,
        **_percentiles([ms for _, ms, _ in records]),
        "by_kind": by_kind,
    }


def _percentiles(times: list[float]) -> dict[str, float]:
    """p50, p95 (as run.py takes them) and the maximum, in milliseconds."""
    if not times:
        return {"p50": 0.0, "p95": 0.0, "max": 0.0}
    ordered = sorted(times)
    return {
        "p50": statistics.median(ordered),
        "p95": ordered[max(int(len(ordered) * 0.95) - 1, 0)],
        "max": ordered[-1],
    }


# the server and the writer ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@contextmanager
def server(db: Path, log: Path) -> Iterator[tuple[str, int]]:
    """`elitewatch serve` on a free loopback port, until it answers: its address and its process group;
    killed on leaving."""
    port = free_port()
    base = f"http://{HOST}:{port}"
    with log.open("ab") as out:
        process = subprocess.Popen(
            [ELITEWATCH, "serve", "--db", str(db), "--host", HOST, "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: killed whole at the end
            env={**os.environ, "ELITEWATCH_TOKEN": ""},  # read-only, as a public server would be
        )
    try:
        waited = time.monotonic() + STARTUP_S
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server ended with {process.returncode}; see {log}")
            try:
                if httpx.get(f"{base}/index.json", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > waited:
                raise RuntimeError(f"the server did not answer within {STARTUP_S:.0f} s; see {log}")
            time.sleep(0.2)
        yield base, process.pid  # the group's id: the server is its leader (start_new_session)
    finally:
        _stop(process)


class Writer:
    """`elitewatch ingest` into the store, one run after another for as long as it is on: each run copies of the
    corpora under new file names, hence new document ids, so that every run writes (an unchanged document is
    skipped). Documents are counted in the store when the load starts and when it ends."""

    def __init__(self, db: Path, folders: list[Path], work: Path, log: Path) -> None:
        self.db, self.folders, self.work, self.log = db, folders, work, log
        self.runs = 0
        self.failures: list[int] = []
        self._process: subprocess.Popen[bytes] | None = None
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> Writer:
        before = documents(self.db)
        self._thread.start()
        waited = time.monotonic() + STARTUP_S + 60  # the models load first, then a batch is analysed
        while documents(self.db) == before:
            if time.monotonic() > waited or not self._thread.is_alive():
                self.__exit__()
                raise RuntimeError(f"the ingest wrote nothing within {STARTUP_S + 60:.0f} s; see {self.log}")
            time.sleep(0.25)
        return self

    def __exit__(self, *_: object) -> None:
        self._stopping.set()
        if self._process is not None:
            _stop(self._process)
        self._thread.join(30)

    def _loop(self) -> None:
        while not self._stopping.is_set():
            self.runs += 1
            folder = self.work / f"round-{self.runs}"
            for copy in range(COPIES):
                for source in self.folders:
                    target = folder / f"{source.parent.name}-{copy}"
                    target.mkdir(parents=True)
                    for path in sorted(source.iterdir()):
                        if path.is_file():
                            shutil.copyfile(path, target / f"load{self.runs}x{copy}-{path.name}")
            with self.log.open("ab") as out:
                self._process = subprocess.Popen(
                    [ELITEWATCH, "ingest", str(folder), "--db", str(self.db), "-q"],
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            code = self._process.wait()
            if code != 0 and not self._stopping.is_set():
                self.failures.append(code)
                if len(self.failures) >= 3:
                    return
            shutil.rmtree(folder, ignore_errors=True)


def documents(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    finally:
        conn.close()


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End a process this benchmark started, with its children (its own process group): politely, then not."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def server_processes(log: Path) -> int:
    """How many processes `elitewatch serve` says it started (its first line; one if it does not say)."""
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    found = re.search(r"(\d+) server process", text)
    return int(found.group(1)) if found else 1


def server_errors(log: Path) -> list[str]:
    """The last line of each traceback in the server's log: the exceptions behind its 500s."""
    found = []
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines() if log.exists() else []
    for number, line in enumerate(lines):
        if line.startswith("Traceback (most recent call last)"):
            for later in lines[number + 1 :]:
                if later and not later.startswith((" ", "\t", "Traceback", "During handling", "The above")):
                    found.append(later.strip())
                    break
    return found


# both runs ------------------------------------------------------------------------------------------


def measure(db: Path, folders: list[Path], work: Path) -> dict[str, Any]:
    """Both runs against one server on `db`: idle, then under ingest (which writes to `db`). The server's log
    and the ingests' are kept in `work` and their exceptions reported."""
    found = targets(db)
    kinds = request_kinds(found)
    server_log, ingest_log = work / "server.log", work / "ingest.log"
    result: dict[str, Any] = {
        "store_documents": len(found["documents"]),
        "store_entities": len(found["entities"]),
        "store_mb": db.stat().st_size / 1e6,
        "clients": CLIENTS,
        "requests_each": REQUESTS,
        "date": date.today().isoformat(),
    }
    with server(db, server_log) as (base, group):
        warm_up(base, kinds)
        result["settled_s"] = settle(group)
        result["server_processes"] = server_processes(server_log)
        result["alone"] = one_client(base, kinds)
        result["floor"] = floor(base)
        print("  load, idle store …", flush=True)
        result["idle"] = run_clients(base, kinds, seed=1)
        print(f"    {_line(result['idle'])}", flush=True)
        print("  load, while an ingest writes …", flush=True)
        with Writer(db, folders, work, ingest_log) as writer:
            before = documents(db)
            result["ingest"] = run_clients(base, kinds, seed=2)
            result["ingest"]["written"] = documents(db) - before
            result["ingest"]["ingest_runs"] = writer.runs
            result["ingest"]["ingest_failures"] = writer.failures
        print(f"    {_line(result['ingest'])}", flush=True)
    result["server_errors"] = Counter(server_errors(server_log)).most_common()
    return result


def _line(run: dict[str, Any]) -> str:
    written = f", {run['written']} documents written meanwhile" if "written" in run else ""
    return (
        f"{run['requests']} requests, {run['errors']} errors {run['error_kinds'] or ''}, p50 {run['p50']:.1f} ms, "
        f"p95 {run['p95']:.1f} ms, max {run['max']:.0f} ms, {run['rps']:.0f} requests/s{written}"
    )


# the report ------------------------------------------------------------------------------------------


HEADING = "## Load through a real server"


def section(load: dict[str, Any], store: str) -> list[str]:
    """The section of BENCHMARKS.md, as lines; `store` says which store it ran on."""
    idle, busy = load["idle"], load["ingest"]

    def met(ok: bool) -> str:
        return "met" if ok else "**not met**"

    def errors(run: dict[str, Any]) -> str:
        if not run["errors"]:
            return "0"
        kinds = ", ".join(f"{kind} × {n}" for kind, n in run["error_kinds"])
        after = f"; {run['after_5xx']} of them next after a 5xx on the same connection" if run["after_5xx"] else ""
        return f"**{run['errors']}** ({kinds}{after})"

    count = load.get("server_processes", 1)
    processes = "one process" if count == 1 else f"{count} processes"
    lines = [
        f"{HEADING}: {load['clients']} clients × {load['requests_each']} requests",
        "",
        f"Measured on {load['date']}: `elitewatch serve` (uvicorn, {processes}) on 127.0.0.1, on {store}",
        f"({load['store_documents']:,} documents, {load['store_mb']:.0f} MB). {load['clients']} client threads in one "
        "process on the same machine, each with",
        "its own keep-alive connection (httpx), send requests of the kinds below, each kind taken at random, with",
        "entity and document ids and person names taken at random from the store. Under ingest, `elitewatch ingest`",
        "(default workers) of copies of the corpora under new ids writes to the same store from before the first",
        "request to after the last.",
        f"Before the runs, each kind 3 times from each of the {load['clients']} connections (every server process builds "
        "what it keeps, such as",
        f"the echoes' shingles), then {load.get('settled_s', 0):.0f} s until the server's processes were idle (what they "
        "build behind the pages, such as",
        "the paraphrases' embeddings, is not the load measured).",
        "",
        "| run | requests | errors | p50 | p95 | max | requests/s | goal |",
        "|---|---|---|---|---|---|---|---|",
        f"| idle store (load average {idle['load_before']:.1f} before) | {idle['requests']} | {errors(idle)} | {idle['p50']:.0f} ms | {idle['p95']:.0f} ms | "
        f"{idle['max']:.0f} ms | {idle['rps']:.0f} | no errors, p95 ≤ {GOAL_P95_MS:.0f} ms: "
        f"{met(not idle['errors'] and idle['p95'] <= GOAL_P95_MS)} |",
        f"| while an ingest writes ({busy['written']} documents in {busy['seconds']:.0f} s; load average "
        f"{busy['load_before']:.1f} before) | {busy['requests']} | "
        f"{errors(busy)} | {busy['p50']:.0f} ms | {busy['p95']:.0f} ms | {busy['max']:.0f} ms | {busy['rps']:.0f} | "
        f"no errors: {met(not busy['errors'])} |",
        "",
        f"| request | one client alone p50 / p95 | {load['clients']} clients, idle p50 / p95 | under ingest p50 / p95 |",
        "|---|---|---|---|",
    ]
    nothing = {"p50": 0.0, "p95": 0.0}
    for kind, alone in load["alone"].items():
        idle_kind, busy_kind = idle["by_kind"].get(kind, nothing), busy["by_kind"].get(kind, nothing)
        lines.append(
            f"| `{kind}` | {alone['p50']:.1f} / {alone['p95']:.1f} ms | {idle_kind['p50']:.0f} / {idle_kind['p95']:.0f} ms | "
            f"{busy_kind['p50']:.0f} / {busy_kind['p95']:.0f} ms |"
        )
    mean_alone = statistics.mean(k["p50"] for k in load["alone"].values())
    dearest = sorted(load["alone"].items(), key=lambda item: -item[1]["p50"])[:2]
    costliest = " and ".join(f"`{kind}` ({times['p50']:.0f} ms)" for kind, times in dearest)
    share = sum(times["p50"] for _, times in dearest) / sum(k["p50"] for k in load["alone"].values())
    lines += [
        "",
        f"A request alone costs {mean_alone:.0f} ms (the medians of the first column, averaged). Each server process",
        f"runs Python in one thread at a time (the GIL; only SQLite's own work runs beside it), {processes} here,",
        f"so with {load['clients']} clients a request mostly waits for others: the mean latency on the idle store,",
        f"{idle['mean']:.0f} ms, is about clients / requests per second ({load['clients']} / {idle['rps']:.0f} = "
        f"{1000 * load['clients'] / idle['rps']:.0f} ms). The costliest alone, {costliest}, take {share:.0%} of",
        "the time the whole mix takes alone. The load average is the machine's (one minute) as the run began,",
        "the ingest's own processes included in the second run.",
    ]
    static = load.get("floor")
    if static:
        lines += [
            "",
            f"A static file alone (`{static['path']}`, not in the mix) takes {static['p50']:.1f} ms (p95 "
            f"{static['p95']:.1f} ms): what any answer costs beyond its own work, included in every figure above.",
        ]
        if static["p50"] >= 20 and count > 1:
            lines += [
                "The likely cause: uvicorn with more than one process binds its socket without IPPROTO_TCP, so asyncio leaves Nagle's",
                "algorithm on (uvicorn issue #3149): an answer written in two parts (headers, body) waits for the",
                "client's delayed ACK, about 40 ms on Linux, which one process does not pay.",
            ]
    lines.append("")
    if load["server_errors"]:
        lines += ["Exceptions in the server's log:", ""]
        lines += [f"- `{error}` × {n}" for error, n in load["server_errors"]]
        lines.append("")
    return lines


def replace_section(report: str, lines: list[str]) -> str:
    """BENCHMARKS.md with this section in place of its old one (or added at the end)."""
    return sections.replace_section(report, HEADING, lines)


# alone ------------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a store to copy and load (default: build run.py's store)")
    parser.add_argument("--size", type=int, default=10_000, help="documents of the store built without --db")
    parser.add_argument("--keep", type=Path, help="a folder to keep the logs in")
    parser.add_argument("--write", action="store_true", help="put the figures into BENCHMARKS.md's load section")
    args = parser.parse_args()
    os.environ.setdefault("TQDM_DISABLE", "1")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import _analyses, build_store, corpora

    folders = list(corpora().values())
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = work / "load.db"
        if args.db:
            source = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
            target = sqlite3.connect(db)
            source.backup(target)
            source.close()
            target.close()
            store = f"a copy of {args.db.name}"
        else:
            print(f"building a store of {args.size:,} documents …", flush=True)
            build_store(db, _analyses(folders), args.size)
            store = f"the {args.size:,}-document store of the query latency above"
        try:
            load = measure(db, folders, work)
        finally:
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                for log in work.glob("*.log"):
                    shutil.copyfile(log, args.keep / log.name)
    lines = section(load, store)
    print()
    print("\n".join(lines))
    if args.write:
        report = ROOT / "BENCHMARKS.md"
        report.write_text(replace_section(report.read_text(encoding="utf-8"), lines), encoding="utf-8")
    for run in ("idle", "ingest"):
        for example in load[run]["error_examples"]:
            print(f"{run}: {example}")


if __name__ == "__main__":
    main()
