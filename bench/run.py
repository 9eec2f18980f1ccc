"""The benchmark behind `make bench`: writes BENCHMARKS.md.

Measured in one run, on this machine:
1. ingest throughput (documents/s, tokens/s), English and Russian apart, on ../shared/dev (PolNeAR, factRuEval;
   the sample articles when ../shared is absent), against the bare models on the same texts (spaCy with the
   components we use; natasha's segmenter, morphology, syntax and NER): the ratio ours / bare, each pass run
   five times in fresh processes;
2. the speed-up of two worker processes over one, on both corpora together (wall time of `elitewatch ingest`,
   model loading included), and the peak memory of that process tree; database size per document;
3. query latency (p50 / p95) of a person page, a quote search and a full-text search, through the web app in
   process, on stores of 10,000 and 100,000 documents built from the real analyses written again under new ids
   with names and dates varied (BENCH_SIZES=10000 for the smaller one only);
4. load through a real server (bench/load.py, which also runs alone): 20 clients of 200 requests each against
   `elitewatch serve` on the smallest of those stores, idle and while an ingest writes to it;
5. ingest on a local Dask cluster against the fork-server workers, and one writer's documents per second
   (bench/cluster.py, which also runs alone).
"""

from __future__ import annotations

import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ELITEWATCH = [str(Path(sys.executable).parent / "elitewatch")]
REPEATS = 5  # runs of ours and bare, and of each worker count, of which the median is given
GOALS = {"ratio": 0.80, "speedup": 1.7, "memory_mb": 2048, "p95_ms": 100.0, "page_p95_ms": 150.0}


def corpora() -> dict[str, Path]:
    english, russian = SHARED / "dev" / "polnear" / "texts", SHARED / "dev" / "factrueval" / "texts"
    if english.is_dir() and russian.is_dir():
        return {"en": english, "ru": russian}
    return {"samples": ROOT / "examples" / "articles"}


def machine() -> dict[str, str]:
    model = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    return {
        "cpu": model,
        "cores": str(len(os.sched_getaffinity(0))),
        "memory": memory,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "date": date.today().isoformat(),
    }


# 1. throughput ----------------------------------------------------------------------------------


def throughput(folder: Path) -> dict[str, Any]:
    """Ours against bare on one folder, REPEATS times each, every pass in a fresh process that loads the models
    first (so that neither pass reads the texts from caches the other filled), taking turns: the median of each,
    and the median of the ratios of the passes run one after the other."""
    runs: dict[str, list[dict[str, float]]] = {"ours": [], "bare": []}
    for turn in range(REPEATS):
        for which in ("bare", "ours") if turn % 2 == 0 else ("ours", "bare"):
            output = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), "throughput", which, str(folder)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            runs[which].append(json.loads(output.strip().splitlines()[-1]))
    documents, tokens = runs["bare"][0]["documents"], runs["bare"][0]["tokens"]
    ours = statistics.median(r["seconds"] for r in runs["ours"])
    bare = statistics.median(r["seconds"] for r in runs["bare"])
    ratios = [b["seconds"] / o["seconds"] for o, b in zip(runs["ours"], runs["bare"], strict=True)]
    return {
        "documents": documents,
        "tokens": tokens,
        "ours_s": ours,
        "bare_s": bare,
        "ours_docs_s": documents / ours,
        "bare_docs_s": documents / bare,
        "ours_tokens_s": tokens / ours,
        "bare_tokens_s": tokens / bare,
        "ratio": statistics.median(ratios),
        "ratios": ratios,
    }


def throughput_once(which: str, folder: Path) -> dict[str, float]:
    """One pass, in this process, models loaded first: ours (the whole ingest) or bare (the models alone)."""
    from elitewatch.ingest import read_inputs
    from elitewatch.nlp import english, russian
    from elitewatch.pipeline import ingest
    from elitewatch.settings import Settings
    from elitewatch.store import connect

    documents = read_inputs([str(folder)], max_chars=10**8).documents
    english.load()
    russian.load()
    if which == "bare":
        tokens, seconds = _bare(documents)
        return {"documents": len(documents), "tokens": tokens, "seconds": seconds}
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "t.db")
        started = time.perf_counter()
        ingest(conn, [str(folder)], Settings(workers=1))
        seconds = time.perf_counter() - started
        conn.close()
    return {"documents": len(documents), "seconds": seconds}


def _bare(documents: list[Any]) -> tuple[int, float]:
    """The bare models on each document's text: spaCy for English texts, natasha for Russian ones."""
    from natasha import Doc

    from elitewatch.ingest import detect_language
    from elitewatch.nlp import english, russian

    nlp = english.load()
    models = russian.load()
    started = time.perf_counter()
    tokens = 0
    english_texts = []
    for document in documents:
        if detect_language(document.text) == "en":
            english_texts.append(document.text)
            continue
        doc = Doc(document.text)
        doc.segment(models["segmenter"])
        doc.tag_morph(models["morph"])
        doc.parse_syntax(models["syntax"])
        doc.tag_ner(models["ner"])
        for token in doc.tokens:  # lemmas and normal forms of names: we use them too
            token.lemmatize(models["vocab"])
        for span in doc.spans:
            span.normalize(models["vocab"])
        tokens += len(doc.tokens)
    for parsed in nlp.pipe(english_texts, batch_size=16):
        tokens += len(parsed)
    return tokens, time.perf_counter() - started


# 2. cores and memory ------------------------------------------------------------------------------


def cores(folders: list[Path], tmp: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """`ingest --workers 1` and `--workers 2` REPEATS times each, taking turns so that whatever else the machine
    does weighs on both alike: the median wall time of each. Then one more run of each with its memory
    watched: reading the proportional sizes of the processes costs CPU that the timed runs should not pay."""
    runs: dict[int, list[float]] = {1: [], 2: []}
    for turn in range(REPEATS):
        for workers in (1, 2):
            runs[workers].append(timed_ingest(folders, workers, tmp / f"{workers}-{turn}.db")["seconds"])
    summary = {}
    for workers, seconds in runs.items():
        watched = timed_ingest(folders, workers, tmp / f"{workers}-memory.db", watch=True)
        summary[workers] = {"seconds": statistics.median(seconds), "all_s": seconds, "peak_mb": watched["peak_mb"]}
    return summary[1], summary[2]


def timed_ingest(folders: list[Path], workers: int, db: Path, *, watch: bool = False) -> dict[str, float]:
    """Wall time and (`watch`) peak memory of the process and its workers of `elitewatch ingest --workers N`."""
    command = [*ELITEWATCH, "ingest", *map(str, folders), "--db", str(db), "--workers", str(workers), "-q"]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = _watch_memory(process) if watch else 0.0
    process.wait()
    if process.returncode != 0:
        raise RuntimeError(f"ingest failed: {' '.join(command)}")
    return {"seconds": time.perf_counter() - started, "peak_mb": peak}


def _watch_memory(process: subprocess.Popen[bytes]) -> float:
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, _tree_memory_mb(process.pid))
        time.sleep(0.25)
    return peak


def _tree_memory_mb(pid: int) -> float:
    """The memory of a process and its descendants: their proportional set sizes (a page shared by the
    workers forked from one server counts once in all, not once per worker); resident sizes where the kernel
    gives no proportional size."""
    total = 0.0
    for member in [pid, *_descendants(pid)]:
        total += _proc_kb(member, "smaps_rollup", "Pss:") or _proc_kb(member, "status", "VmRSS:")
    return total / 1024


def _proc_kb(pid: int, name: str, field: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(field):
                return float(line.split()[1])
    except OSError:
        pass
    return 0.0


def _descendants(pid: int) -> list[int]:
    found: list[int] = []
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return found
    for child in map(int, children):
        found.extend([child, *_descendants(child)])
    return found


# 3. query latency ---------------------------------------------------------------------------------


def build_store(path: Path, analyses: list[Any], size: int, seed: int = 7) -> float:
    """Write `size` documents: the real analyses again and again under new ids, person names swapped for
    others from the corpus and dates moved, so that entities, aliases and indexes grow as in real use."""
    from elitewatch.pipeline import store_analysis
    from elitewatch.store import connect

    rng = random.Random(seed)
    people = sorted({e.name for a in analyses for e in a.entities if e.type == "person" and " " in e.name})
    conn = connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    started = time.perf_counter()
    for number in range(size):
        original = analyses[number % len(analyses)]
        store_analysis(conn, _variant(original, number, people, rng))
    seconds = time.perf_counter() - started
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return seconds


def _variant(analysis: Any, number: int, people: list[str], rng: random.Random) -> Any:
    from elitewatch.model import Analysis

    document = replace(analysis.parsed.doc, id=f"{analysis.parsed.doc.id}~{number}")
    parsed = replace(analysis.parsed, doc=document)
    entities = []
    for entity in analysis.entities:
        if entity.type == "person" and rng.random() < 0.5:
            entities.append(_renamed(entity, rng.choice(people)))
        else:
            entities.append(entity)
    shift = rng.randint(-3000, 600)
    return Analysis(
        parsed=parsed,
        entities=entities,
        quotes=[replace(q, said_on=_shifted(q.said_on, shift)) for q in analysis.quotes],
        positions=analysis.positions,
        events=[replace(e, date=_shifted(e.date, shift)) for e in analysis.events],
        published=_shifted(analysis.published, shift),
        published_how=analysis.published_how,
        published_confidence=analysis.published_confidence,
    )


def _renamed(entity: Any, name: str) -> Any:
    """The same person entity under another person's name: every mention says the new name (or its surname
    where the text gave a surname alone), as a document about that person would."""
    from elitewatch.model import LocalEntity, Mention

    surname = name.split()[-1]
    mentions = []
    for m in entity.mentions:
        text = name if len(m.text.split()) > 1 else surname
        mentions.append(Mention(m.start, m.end, text, m.type, text, m.cluster, m.evidence))
    return LocalEntity(
        entity.index, entity.type, name, {m.text for m in mentions} | {name}, mentions, entity.confidence
    )


def _shifted(value: str | None, days: int) -> str | None:
    if not value or len(value) < 10:
        return value
    from datetime import timedelta

    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return value


def latencies(path: Path, samples: int = 200, seed: int = 11) -> dict[str, dict[str, float]]:
    from fastapi.testclient import TestClient

    from elitewatch.store import connect
    from elitewatch.web.app import create_app

    conn = connect(path)
    people = [r[0] for r in conn.execute("SELECT id FROM entities WHERE type = 'person' ORDER BY id")]
    words = ["security", "president", "election", "Moscow", "war", "сотрудничество", "government", "talks"]
    conn.close()
    client = TestClient(create_app(path))
    rng = random.Random(seed)
    html = {"accept": "text/html"}
    queries = {
        "person page": lambda: f"/entity/{rng.choice(people)}",
        "quote search": lambda: f"/quotes?q={rng.choice(words)}&limit=50",
        "full-text search": lambda: f"/search?q={rng.choice(words)}",
    }
    result = {}
    for label, make in queries.items():
        for _ in range(10):  # warm the page cache
            client.get(make(), headers=html)
        settled = _settled(lambda make=make: client.get(make(), headers=html))
        times = []
        for _ in range(samples):
            started = time.perf_counter()
            response = client.get(make(), headers=html)
            times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{label}: {response.status_code}")
        times.sort()
        result[label] = {"p50": statistics.median(times), "p95": times[int(len(times) * 0.95) - 1], "models_s": settled}
    return result


def _settled(ask: Any, patience: float = 3600.0) -> float:
    """Seconds until the corpus-wide models the pages began to build in the background (the echoes' shingles and
    paraphrases, query/kept.py) are ready, asking a page again each time one is, as a server that has run a
    while has them: the latencies are those of such a server, and the wait is reported beside them."""
    from elitewatch.query.kept import being_built

    began = time.perf_counter()
    while being_built() and time.perf_counter() - began < patience:
        while being_built() and time.perf_counter() - began < patience:
            time.sleep(0.5)
        ask()  # what it builds next (paraphrases follow the shingles)
    return time.perf_counter() - began


# the report ------------------------------------------------------------------------------------------


def main() -> None:
    os.environ.setdefault("TQDM_DISABLE", "1")
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,100000").split(",") if s]
    info = machine()
    folders = corpora()
    print("throughput …", flush=True)
    speeds = {language: throughput(folder) for language, folder in folders.items()}
    print("cores and memory …", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        one, two = cores(list(folders.values()), Path(tmp))
        documents = sum(s["documents"] for s in speeds.values())
        size_per_doc = sum(p.stat().st_size for p in Path(tmp).glob(f"2-{REPEATS - 1}.db*")) / documents
    print("stores …", flush=True)
    analyses = _analyses(list(folders.values()))
    stores = {}
    served: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"{size}.db"
            write_s = build_store(path, analyses, size)
            stores[size] = {
                "write_s": write_s,
                "mb": path.stat().st_size / 1e6,
                "latency": latencies(path),
            }
            print(f"  {size}: {stores[size]}", flush=True)
            if size == min(sizes):  # after its latencies: the run under ingest writes to it
                import load

                print("load through a real server …", flush=True)
                work = Path(tmp) / "load"
                work.mkdir()
                served = load.measure(path, list(folders.values()), work)
                served["store"] = f"the {size:,}-document store of the query latency above"
    print("ingest on a Dask cluster …", flush=True)
    import cluster

    with tempfile.TemporaryDirectory() as tmp:
        clustered = cluster.measure(list(folders.values()), Path(tmp))
    report = render(info, speeds, one, two, size_per_doc, stores, served, clustered)
    report = _kept_million(report)
    (ROOT / "BENCHMARKS.md").write_text(report, encoding="utf-8")
    print(report)


def _kept_million(report: str) -> str:
    """The report with the million-document section of the one it replaces (bench/million.py writes it; this
    run does not measure it)."""
    import million

    old = ROOT / "BENCHMARKS.md"
    previous = old.read_text(encoding="utf-8") if old.exists() else ""
    start = previous.find(million.HEADING)
    if start < 0:
        return report
    end = previous.find("\n## ", start + len(million.HEADING))
    return million.replace_section(report, [*previous[start : end if end >= 0 else None].rstrip("\n").split("\n"), ""])


def _analyses(folders: list[Path]) -> list[Any]:
    from elitewatch.ingest import read_inputs
    from elitewatch.model import Analysis
    from elitewatch.pipeline import analysed
    from elitewatch.settings import Settings

    documents = read_inputs([str(f) for f in folders], max_chars=10**8).documents
    return [a for a in analysed(documents, Settings(workers=2)) if isinstance(a, Analysis)]  # not the refused


def _runs(timed: dict[str, Any]) -> str:
    return ", ".join(f"{s:.1f}" for s in timed["all_s"])


def render(
    info: dict[str, str],
    speeds: dict[str, dict[str, float]],
    one: dict[str, float],
    two: dict[str, float],
    size_per_doc: float,
    stores: dict[int, dict[str, Any]],
    served: dict[str, Any] | None = None,
    clustered: dict[str, Any] | None = None,
) -> str:
    def met(ok: bool) -> str:
        return "met" if ok else "**not met**"

    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` ({Path(__file__).relative_to(ROOT)}) on {info['date']}.",
        "",
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory']}; {info['system']}; Python {info['python']}.",
        "",
        f"## Ingest throughput, one process (models loaded before timing; median of {REPEATS} fresh processes)",
        "",
        "| corpus | documents | tokens | ours docs/s | ours tokens/s | bare docs/s | bare tokens/s | ours / bare | goal ≥ 0.80 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for language, s in speeds.items():
        lines.append(
            f"| {language} | {s['documents']} | {s['tokens']} | {s['ours_docs_s']:.2f} | {s['ours_tokens_s']:.0f} | "
            f"{s['bare_docs_s']:.2f} | {s['bare_tokens_s']:.0f} | {s['ratio']:.2f} "
            f"({', '.join(f'{r:.2f}' for r in s['ratios'])}) | {met(s['ratio'] >= GOALS['ratio'])} |"
        )
    speedup = one["seconds"] / two["seconds"]
    lines += [
        "",
        "Bare: spaCy `en_core_web_sm` with the components we use (all of them: tagger, parser, lemmatizer, NER)",
        "on each English text; natasha's segmenter, morphology, syntax, NER, lemmas and name normal forms (all used)",
        "on each Russian one. Ours: the whole `ingest` (language routing, parsing, entities, quotes, offices,",
        "events, dates, resolution, SQLite). Both single-process; numpy may use a second core in both. Each pass",
        f"runs {REPEATS} times, each time in a new process that loads the models before the clock starts, bare and",
        "ours taking turns; the ratio is the median of the ratios of passes run one after the other (in brackets).",
        "",
        "## Both cores, memory, size",
        "",
        "| measure | value | goal |",
        "|---|---|---|",
        f"| `ingest --workers 1`, both corpora, wall time (median of {REPEATS}: {_runs(one)}) | {one['seconds']:.1f} s | |",
        f"| `ingest --workers 2`, same ({_runs(two)}) | {two['seconds']:.1f} s | |",
        f"| speed-up | {speedup:.3f}× | ≥ 1.7×: {met(speedup >= GOALS['speedup'])} |",
        f"| peak memory, one process (proportional set size) | {one['peak_mb']:.0f} MB | ≤ 2 GB: {met(one['peak_mb'] <= GOALS['memory_mb'])} |",
        f"| peak memory, two workers, their fork server and the writer (proportional set size) | {two['peak_mb']:.0f} MB | ≤ 2 GB: "
        f"{met(two['peak_mb'] <= GOALS['memory_mb'])} |",
        f"| database size per document | {size_per_doc / 1024:.1f} kB | |",
        "",
        "## Query latency through the web app (in process), HTML pages",
        "",
        "| store | built in | size | person page p50 / p95 | quote search p50 / p95 | full-text search p50 / p95 | goal |",
        "|---|---|---|---|---|---|---|",
    ]
    for size, store in stores.items():
        latency = store["latency"]
        worst = max(v["p95"] for v in latency.values())
        goal = GOALS["p95_ms"] if size >= 100_000 else GOALS["page_p95_ms"]
        cells = " | ".join(f"{v['p50']:.1f} / {v['p95']:.1f} ms" for v in latency.values())
        lines.append(
            f"| {size:,} documents | {store['write_s']:.0f} s | {store['mb']:.0f} MB | {cells} | "
            f"p95 ≤ {goal:.0f} ms: {met(worst <= goal)} |"
        )
    waits = ", ".join(
        f"{sum(v.get('models_s', 0.0) for v in store['latency'].values()):.0f} s at {size:,} documents"
        for size, store in stores.items()
    )
    lines += [
        "",
        "Each page 200 times after 10 to warm up, once the corpus-wide models the pages build in the background",
        f"(the echoes' shingles and paraphrases) are ready, as in a server that has run a while: {waits}.",
        "Stores are built from the analyses of the corpora above, written again under new ids with half of the",
        "people renamed as other people of the corpus (each mention saying the new name, or its surname where the",
        "text gave a surname alone) and every date moved by up to eight years, so that entities, aliases and the",
        "indexes grow as they would: the most named people end up in thousands of documents.",
        "",
    ]
    if served:
        import load

        lines += load.section(served, served["store"])
    if clustered:
        import cluster

        lines += cluster.section(clustered)
    return "\n".join(lines)


if __name__ == "__main__":
    threading.excepthook = lambda args: None
    if sys.argv[1:2] == ["throughput"]:
        os.environ.setdefault("TQDM_DISABLE", "1")
        print(json.dumps(throughput_once(sys.argv[2], Path(sys.argv[3]))))
    else:
        main()
