"""The ingest pipeline, one orchestrating function with numbered stages.

1. read the inputs into Documents, one input at a time as the next stages ask (refusals are reported, never
   raised), so that parsing starts with the first file and a large corpus is never in memory whole;
2. skip documents whose content the store already holds unchanged;
3. detect each document's language and parse it (spaCy / natasha, batched);
4. extract: the registered components (publication date, entities, quotes, offices held, events, dating
   across facts) in the order their declarations give;
5. resolve each document's entities to canonical ones and write it with all its facts, in one transaction (a
   savepoint of one commit per ready batch).

Stages 3–4 run in worker processes when settings.workers > 1 (elitewatch.workers: forked from a server that
loads the models once), or on the workers of a Dask cluster when settings.cluster names one
(elitewatch.cluster: each worker loads the models once); the calling process reads, skips and is the one
writer to SQLite, at a higher priority than the workers. Into a PostgreSQL store the cluster's workers write
stage 5 themselves, each document in its own transaction behind the store's writer lock (concurrent writers:
the analysis, nearly all the time, runs unlocked), and send back only what became of each document.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any

from elitewatch.datafiles import DATA
from elitewatch.dbapi import Connection, dialect
from elitewatch.errors import InputError, StoreError, internal_reason
from elitewatch.extract.registry import PIPELINE
from elitewatch.ingest import InputStream
from elitewatch.ingest.language import ANALYSED, UNDETERMINED
from elitewatch.ingest.web import Fetcher
from elitewatch.model import Analysis, Document, Parsed
from elitewatch.nlp import parse_documents
from elitewatch.resolve.stage import link_document, settle_document
from elitewatch.settings import Settings
from elitewatch.store.corrections import apply_corrections
from elitewatch.store.db import batch, connect, transaction
from elitewatch.store.postgres import PostgresConnection
from elitewatch.store.writer import WriteOutcome, is_unchanged, replace_document, write_facts
from elitewatch.workers import (
    WORKER_CHUNK,
    fork_server,
    one_thread_each,
    start_worker,
    worth_workers,
)

# Documents analysed between two writes: large enough for spaCy batching, small enough that an
# interrupted ingest loses little work.
CHUNK = 32
# Chunks handed to the workers and not yet written, per worker: enough that no worker waits for the next one.
IN_FLIGHT = 2


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (input, what was ignored or assumed)
    unsupported: list[str] = field(default_factory=list)  # files in folders of a type elitewatch does not read
    # documents stored without facts: their text is in a script no model here reads (id, language label)
    unanalysed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ingested(self) -> int:
        return len(self.added) + len(self.replaced)


def analyse(parsed: Parsed) -> Analysis:
    """4. Every registered component over the parse, in the order their declarations give
    (elitewatch.extract.registry)."""
    return PIPELINE(Analysis(parsed=parsed))


@dataclass(frozen=True)
class Failure:
    """A document whose analysis failed: refused with the reason, while the others go on."""

    document: Document
    reason: str

    @classmethod
    def of(cls, document: Document, stage: str, error: BaseException) -> Failure:
        return cls(document, internal_reason(stage, error))


def analyse_documents(documents: list[Document], settings: Settings) -> list[Analysis | Failure]:
    """The analyses of the documents, parsed together; a document whose parsing or extraction fails becomes a
    Failure (parsed again alone to find which one failed) and the others are analysed all the same."""
    try:
        parsed = parse_documents(documents, batch_size=settings.batch_size)
    except Exception as error:
        if len(documents) == 1:
            return [Failure.of(documents[0], "parsed", error)]
        return [result for document in documents for result in analyse_documents([document], settings)]
    return [_analysed(item) for item in parsed]


def _analysed(parsed: Parsed) -> Analysis | Failure:
    try:
        return analyse(parsed)
    except Exception as error:
        return Failure.of(parsed.doc, "analysed", error)


def warm_up() -> None:
    """Analyse the short texts of data/warm_up (one per language): every lexicon, gazetteer and pattern the
    analysis uses is loaded and compiled, and each model has run once."""
    for path in sorted((DATA / "warm_up").iterdir(), key=lambda item: item.name):
        text = path.read_text(encoding="utf-8")
        analyse_documents([Document(id=f"warm-up-{path.name}", text=text, source=str(path))], Settings(workers=1))


def analyse_for_writer(documents: list[Document], settings: Settings) -> list[Analysis | Failure]:
    """What a worker process sends back: the analyses without tokens, sentences and raw spans, which the writer
    does not read and which would cost more to pickle and unpickle than the facts themselves."""
    analyses = analyse_documents(documents, settings)
    for analysis in analyses:
        if isinstance(analysis, Analysis):
            parsed = analysis.parsed
            analysis.parsed = Parsed(doc=parsed.doc, languages=parsed.languages, language=parsed.language)
    return analyses


def ingest(
    conn: Connection,
    inputs: Iterable[str],
    settings: Settings,
    *,
    stdin: Any = None,
    progress: Callable[[int, int], None] | None = None,
    feeds: Iterable[str] = (),
    fetcher: Fetcher | None = None,
) -> IngestReport:
    report = IngestReport()
    # 1. read (files, folders, standard input, web pages and feeds), one input at a time as parsing asks
    if fetcher is None:
        fetcher = Fetcher(
            allow_private=settings.allow_private, timeout=settings.timeout, max_bytes=settings.max_download
        )
    stream = InputStream(inputs, max_chars=settings.max_chars, stdin=stdin, feeds=feeds, fetcher=fetcher)
    report.refused = stream.refused  # filled as reading goes
    report.warnings = stream.warnings
    report.unsupported = stream.unsupported

    def tell() -> None:
        if progress:
            handled = report.ingested + len(report.unchanged) + len(report.refused)
            progress(handled, max(stream.expected, handled))

    tell()
    if settings.cluster and dialect(conn) == "postgresql":  # 3–5 on the cluster's workers, each writing its own
        for written in _written_on_cluster(conn, _to_analyse(conn, stream, report, tell), settings):
            _record(report, written)
            tell()
        tell()
        return report
    # 3–4. parse and extract (in worker processes when asked); 5. write, here: each document in a transaction of
    # its own, the documents analysed together committed together
    for ready in analysed_batches(_to_analyse(conn, stream, report, tell), settings):
        with batch(conn):
            for analysis in ready:
                _write(conn, analysis, report)
                tell()
    tell()
    return report


def store_analysis(conn: Connection, analysis: Analysis) -> WriteOutcome:
    """5. One analysed document into the store in one transaction: its row, its entities resolved to canonical
    ones (elitewatch.resolve.stage), its facts written by those links, then what it touched settled (aliases,
    judgements, external ids), and the analysts' corrections of its facts applied again."""
    with transaction(conn):
        replacing = replace_document(conn, analysis)
        if replacing is None:
            return WriteOutcome.UNCHANGED
        links = link_document(conn, analysis, replacing.entities)
        write_facts(conn, analysis, links.local_ids)
        settle_document(conn, analysis.parsed.doc.id, links, replaced=replacing.replaced)
        apply_corrections(conn, analysis.parsed.doc.id)  # an analyst's corrections win over extraction
    return WriteOutcome.REPLACED if replacing.replaced else WriteOutcome.ADDED


def _write(conn: Connection, analysis: Analysis | Failure, report: IngestReport) -> None:
    """5. One document into the store, or its refusal: a document that cannot be written is undone alone (its
    savepoint) and the run goes on. The store's own failures (a full disk, a lock held too long) stop it."""
    if isinstance(analysis, Failure):
        report.refused.append((analysis.document.source, analysis.reason))
        return
    document = analysis.parsed.doc
    try:
        outcome = store_analysis(conn, analysis)
    except sqlite3.OperationalError:
        raise
    except Exception as error:
        report.refused.append((document.source, internal_reason("stored", error)))
        return
    {WriteOutcome.ADDED: report.added, WriteOutcome.REPLACED: report.replaced}.get(outcome, report.unchanged).append(
        document.id
    )
    if outcome is not WriteOutcome.UNCHANGED and analysis.parsed.language not in ANALYSED:
        report.unanalysed.append((document.id, analysis.parsed.language or UNDETERMINED))


def _to_analyse(
    conn: Connection, documents: Iterable[Document], report: IngestReport, tell: Callable[[], None]
) -> Iterator[Document]:
    """2. The documents read, without those the store already holds unchanged and repeated ids."""
    seen: set[str] = set()
    for document in documents:
        repeated = document.id in seen
        seen.add(document.id)
        if repeated:
            report.refused.append((document.source, f"duplicate document id {document.id!r} in this run"))
            tell()
        elif (unchanged := _is_unchanged(conn, document, report)) is None:
            tell()
        elif unchanged:
            report.unchanged.append(document.id)
            tell()
        else:
            yield document


def _is_unchanged(conn: Connection, document: Document, report: IngestReport) -> bool | None:
    """Whether the store holds `document` as it is; None, and its refusal, when that cannot even be asked."""
    try:
        return is_unchanged(conn, document)
    except sqlite3.OperationalError:
        raise
    except Exception as error:
        report.refused.append((document.source, internal_reason("looked up", error)))
        return None


def analysed(documents: Iterable[Document], settings: Settings) -> Iterator[Analysis | Failure]:
    """The analyses of the documents, in their order: here, or in `settings.workers` processes that take
    WORKER_CHUNK documents at a time while this process goes on reading and writing."""
    for ready in analysed_batches(documents, settings):
        yield from ready


def analysed_batches(documents: Iterable[Document], settings: Settings) -> Iterator[list[Analysis | Failure]]:
    """`analysed`, in the batches they become ready in (a chunk parsed here, or one worker's answer)."""
    if settings.cluster:
        yield from _cluster_batches(documents, settings)
        return
    stream = iter(documents)
    first = list(islice(stream, settings.workers * WORKER_CHUNK))
    workers = worth_workers(len(first), settings.workers, WORKER_CHUNK)
    if workers <= 1:
        for chunk in _chunks(chain(first, stream), CHUNK):
            yield analyse_documents(chunk, settings)
        return
    with (
        one_thread_each(),
        ProcessPoolExecutor(max_workers=workers, mp_context=fork_server(), initializer=start_worker) as pool,
    ):
        pending: deque[Future[list[Analysis | Failure]]] = deque()
        for chunk in _chunks(chain(first, stream), WORKER_CHUNK):
            pending.append(pool.submit(analyse_for_writer, chunk, settings))
            while len(pending) > IN_FLIGHT * workers or (pending and pending[0].done()):
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _cluster_batches(documents: Iterable[Document], settings: Settings) -> Iterator[list[Analysis | Failure]]:
    """`analysed_batches` on a Dask cluster's workers: WORKER_CHUNK documents a task, IN_FLIGHT tasks per
    worker waiting, answers taken in the order sent (so the writer stores documents in input order). A task
    that fails however often the cluster runs it again (a document that kills every worker it is sent to) is
    sent again one document at a time, so only the documents that cannot be analysed are refused."""

    def failed(document: Document, error: BaseException) -> Analysis | Failure:
        return Failure.of(document, "analysed on the cluster", error)

    yield from _on_cluster(documents, settings, analyse_for_writer, (settings,), failed)


def _on_cluster(
    documents: Iterable[Document],
    settings: Settings,
    function: Callable[..., list[Any]],
    args: tuple[Any, ...],
    failed: Callable[[Document, BaseException], Any],
) -> Iterator[list[Any]]:
    """`function(chunk, *args)` on the cluster's workers for each chunk of the documents, the answers in the
    order sent; a chunk whose task fails is sent again a document at a time, a document that fails alone
    becomes `failed(document, error)`."""
    from elitewatch import cluster  # here, not at the top: Dask's distributed loads only for --cluster

    address = str(settings.cluster)
    try:
        client = cluster.connect(address)
    except (OSError, TimeoutError) as error:
        raise InputError(f"cannot reach the Dask scheduler ({error})", source=address) from None
    try:
        pending: deque[tuple[list[Document], Any]] = deque()
        for chunk in _chunks(documents, WORKER_CHUNK):
            pending.append((chunk, cluster.submit(client, function, chunk, *args)))
            while len(pending) > IN_FLIGHT * cluster.workers(client) or (pending and pending[0][1].done()):
                yield _cluster_answer(client, *pending.popleft(), function, args, failed)
        while pending:
            yield _cluster_answer(client, *pending.popleft(), function, args, failed)
    finally:
        client.close()


def _cluster_answer(
    client: Any,
    chunk: list[Document],
    future: Any,
    function: Callable[..., list[Any]],
    args: tuple[Any, ...],
    failed: Callable[[Document, BaseException], Any],
) -> list[Any]:
    from elitewatch import cluster  # Dask's distributed, for --cluster only (above)

    try:
        return list(future.result())
    except StoreError:
        raise  # the store cannot be written from the cluster: the run stops, as when it cannot be written here
    except Exception as error:
        if len(chunk) == 1:
            return [failed(chunk[0], error)]
    singles = [(document, cluster.submit(client, function, [document], *args)) for document in chunk]
    return [
        answer
        for document, single in singles
        for answer in _cluster_answer(client, [document], single, function, args, failed)
    ]


# Writers on the cluster's workers (a PostgreSQL store) ------------------------------------------------------


@dataclass(frozen=True)
class Written:
    """What became of one document a worker of the cluster analysed and wrote: "added", "replaced",
    "unchanged" or "refused" (with the reason); `language` when it was stored without facts (a script no
    model reads)."""

    doc_id: str
    source: str
    outcome: str
    reason: str = ""
    language: str | None = None


# Each worker thread's connection to the store, kept from one task to the next (worker threads run tasks).
_STORES = threading.local()


def _worker_store(url: str) -> Connection:
    stores: dict[str, Connection] = _STORES.__dict__.setdefault("stores", {})
    if url not in stores:
        stores[url] = connect(url)
    return stores[url]


def analyse_and_store(documents: list[Document], settings: Settings, url: str) -> list[Written]:
    """On a worker of the cluster: the documents analysed, then each written into the PostgreSQL store at `url`
    in a transaction of its own (store_analysis, behind the store's writer lock: the resolver's look-ups and
    the entities it makes see every other writer's committed documents, and none of theirs half-written). A
    document that cannot be written is refused alone; the store's own failure (the server gone, a full disk)
    fails the task with a StoreError, which stops the run."""
    written = []
    for analysis in analyse_documents(documents, settings):
        if isinstance(analysis, Failure):
            written.append(Written(analysis.document.id, analysis.document.source, "refused", analysis.reason))
            continue
        document = analysis.parsed.doc
        try:
            conn = _worker_store(url)
            outcome = store_analysis(conn, analysis)
        except sqlite3.OperationalError as error:
            _STORES.__dict__.get("stores", {}).pop(url, None)  # a task run again connects anew
            raise StoreError(f"a worker of the cluster cannot write to the store ({error})") from None
        except StoreError:
            raise
        except Exception as error:
            written.append(Written(document.id, document.source, "refused", internal_reason("stored", error)))
            continue
        stored_bare = outcome is not WriteOutcome.UNCHANGED and analysis.parsed.language not in ANALYSED
        language = (analysis.parsed.language or UNDETERMINED) if stored_bare else None
        written.append(Written(document.id, document.source, outcome.value, language=language))
    return written


def _written_on_cluster(conn: Connection, documents: Iterable[Document], settings: Settings) -> Iterator[Written]:
    """The documents analysed and written by the cluster's workers, what became of each in input order. A
    document the store already holds unchanged when its worker writes it was sent because it was new or
    changed when read: an earlier try of the same task wrote it (its worker died after that commit and the
    scheduler ran the task again) or another ingest did meanwhile; it counts as what it was when read."""
    assert isinstance(conn, PostgresConnection)
    url = conn.url
    expected: dict[str, str] = {}

    def sent(stream: Iterable[Document]) -> Iterator[Document]:
        for document in stream:
            stored = conn.execute("SELECT 1 FROM documents WHERE id = ?", (document.id,)).fetchone()
            expected[document.id] = "replaced" if stored else "added"
            yield document

    def failed(document: Document, error: BaseException) -> Written:
        return Written(document.id, document.source, "refused", internal_reason("analysed on the cluster", error))

    for answers in _on_cluster(sent(documents), settings, analyse_and_store, (settings, url), failed):
        for written in answers:
            if written.outcome == "unchanged":
                written = Written(written.doc_id, written.source, expected.get(written.doc_id, "unchanged"))
            yield written


def _record(report: IngestReport, written: Written) -> None:
    if written.outcome == "refused":
        report.refused.append((written.source, written.reason))
        return
    {"added": report.added, "replaced": report.replaced}.get(written.outcome, report.unchanged).append(written.doc_id)
    if written.language is not None:
        report.unanalysed.append((written.doc_id, written.language))


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    stream = iter(items)
    while chunk := list(islice(stream, size)):
        yield chunk
