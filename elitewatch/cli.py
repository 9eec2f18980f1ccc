"""The command line: each command opens the store, calls one library function, prints the result.

Domain errors become one clear line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from elitewatch import __version__
from elitewatch.errors import ElitewatchError, InputError
from elitewatch.settings import DEFAULT_DB, DEFAULT_MAX_CHARS, Settings

if TYPE_CHECKING:
    from elitewatch.pipeline import IngestReport

app = typer.Typer(
    name="elitewatch",
    help="Who holds which office, who met whom, who said what: facts from English and Russian news.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", help="The SQLite database.", envvar="ELITEWATCH_DB")]
F = TypeVar("F", bound=Callable[..., Any])


def fails_cleanly(command: F) -> F:
    """Turn an ElitewatchError into one line on stderr and exit code 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ElitewatchError as error:
            err.print(f"error: {escape(str(error))}")
            raise typer.Exit(1) from None
        except sqlite3.DatabaseError as error:
            err.print(f"error: database: {escape(str(error))}")
            raise typer.Exit(1) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as error:  # a bug, not bad input: still one line, and a distinct exit code
            err.print(f"error: internal: {error.__class__.__name__}: {escape(str(error))}")
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


@contextmanager
def open_store(db: Path, *, readonly: bool = False) -> Iterator[sqlite3.Connection]:
    from elitewatch.store import connect

    conn = connect(db, readonly=readonly)
    try:
        yield conn
    finally:
        conn.close()


@app.command()
@fails_cleanly
def ingest(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Files, folders (recursive), http(s) addresses or - for standard input.")
    ] = None,
    db: DbOption = DEFAULT_DB,
    max_chars: Annotated[
        int, typer.Option(help="Refuse documents longer than this many characters.")
    ] = DEFAULT_MAX_CHARS,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: Annotated[
        int | None, typer.Option(help="Processes for the language models (default: one per core).", min=1)
    ] = None,
    feed: Annotated[list[str] | None, typer.Option("--feed", help="An RSS or Atom feed: ingest its articles.")] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Fetch from private, loopback and link-local addresses too.")
    ] = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a web server.", min=0.1)] = 20.0,
    max_download: Annotated[int, typer.Option(help="Refuse web downloads larger than this many bytes.")] = 10_000_000,
) -> None:
    """Read articles (.txt .md .html .json .jsonl files and folders, http(s) pages, feeds) and store their facts.

    Example: elitewatch ingest ./articles https://example.org/news/1 --feed https://example.org/rss
    """
    from elitewatch.ingest.readers import InputStream
    from elitewatch.settings import cores
    from elitewatch.workers import start_fork_server, worth_workers

    if not inputs and not feed:
        raise InputError("nothing to ingest: give files, folders, http(s) addresses, - or --feed URL")
    settings = Settings(
        max_chars=max_chars,
        workers=workers or cores(),
        allow_private=allow_private,
        timeout=timeout,
        max_download=max_download,
    )
    if worth_workers(InputStream(inputs or [], max_chars=max_chars, feeds=feed or []).expected, settings.workers) > 1:
        start_fork_server()  # before the rest of elitewatch is imported: the models load meanwhile
    from elitewatch.pipeline import ingest as run_ingest

    with open_store(db) as conn, _progress(enabled=not quiet) as update:
        report = run_ingest(conn, inputs or [], settings, stdin=sys.stdin.buffer, progress=update, feeds=feed or [])
    _print_report(report)
    if report.refused and not (report.ingested or report.unchanged):
        raise typer.Exit(1)


def _print_report(report: IngestReport) -> None:
    """Refusals and warnings on stderr, one line each with the input; then the summary on stdout."""
    for source, reason in report.refused:
        err.print(f"refused: {escape(source)}: {escape(reason)}")
    for source, warning in report.warnings:
        err.print(f"warning: {escape(source)}: {escape(warning)}")
    out.print(
        f"ingested {report.ingested} ({len(report.added)} new, {len(report.replaced)} replaced), "
        f"unchanged {len(report.unchanged)}, refused {len(report.refused)}"
    )
    if report.unanalysed:
        labels = Counter(language for _, language in report.unanalysed)
        scripts = ", ".join(f"{label} {count}" for label, count in sorted(labels.items()))
        out.print(
            f"stored without facts: {len(report.unanalysed)} in a script elitewatch cannot analyse ({scripts}); "
            "their text is searchable"
        )
    if report.unsupported:
        suffixes = Counter(Path(name).suffix.lower() or "(none)" for name in report.unsupported)
        kinds = ", ".join(f"{suffix} {count}" for suffix, count in sorted(suffixes.items()))
        out.print(f"skipped in folders: {len(report.unsupported)} files of types elitewatch does not read ({kinds})")


@contextmanager
def _progress(*, enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    if not enabled or not err.is_terminal:
        yield None
        return
    columns = (TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingest", total=None)

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        yield update


@app.command()
@fails_cleanly
def entities(
    db: DbOption = DEFAULT_DB,
    type: Annotated[str | None, typer.Option("--type", help="person, organization or place.")] = None,
    limit: Annotated[int, typer.Option(help="How many to list.")] = 30,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
) -> None:
    """List entities, most mentioned first.

    Example: elitewatch entities --type person
    """
    from elitewatch.query import list_entities

    with open_store(db, readonly=True) as conn:
        rows = list_entities(conn, type=type, limit=limit)
    if as_json:
        _print_jsonl(rows)
        return
    table = Table("id", "type", "name", "mentions", "documents")
    for row in rows:
        table.add_row(str(row["id"]), row["type"], escape(row["name"]), str(row["mentions"]), str(row["documents"]))
    out.print(table)


@app.command()
@fails_cleanly
def person(
    name: Annotated[str, typer.Argument(help="Any spelling, any script: Tokayev, Токаев.")],
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of text.")] = False,
) -> None:
    """Show one person: every name form, the career as a timeline, the documents, the quotes.

    Example: elitewatch person "Tasmagambetov"
    """
    from elitewatch.query import person_profile

    with open_store(db, readonly=True) as conn:
        profile = person_profile(conn, name)
    if as_json:
        out.print_json(data=profile)
        return
    out.print(f"[bold]{escape(profile['name'])}[/bold] ({profile['type']}, id {profile['id']})")
    out.print(f"names: {escape(' · '.join(profile['aliases']))}")
    out.print(f"career ({len(profile['offices'])} offices):")
    for office in profile["offices"]:
        sources = ", ".join(dict.fromkeys(f"{s['doc_id']} {s['pattern']}" for s in office["sources"]))
        if (more := office["sources_total"] - len(office["sources"])) > 0:
            sources += f" and {more} more"
        out.print(f"  {escape(_term(office)):<30} {escape(_office(office))}  ({escape(sources)})")
    out.print(f"documents ({len(profile['documents'])}):")
    for doc in profile["documents"]:
        out.print(
            f"  {escape(doc['id'])}  {escape(doc['published'] or '')}  {escape(doc['title'] or '')}  ({doc['mentions']} mentions)"
        )
    out.print(f"quotes ({len(profile['quotes'])}):")
    for quote in profile["quotes"]:
        when = quote["said_on"] or "date unknown"
        out.print(escape(f"  [{when}] “{quote['text']}”  ({quote['doc_id']})"))
    out.print(f"events ({len(profile['events'])}):")
    for event in profile["events"]:
        out.print(f"  {_event_line(event)}")
    if profile["also"]:
        out.print(
            "also matching: " + escape(", ".join(f"{e['name']} ({e['type']}, id {e['id']})" for e in profile["also"]))
        )


def _term(office: dict[str, Any]) -> str:
    """ "2019-03-20 – …", "1985 – 1991", "as of 2024-10-30", "seen 2023-05-09 … 2024-10-30", "former"."""
    if office["start"] or office["end"]:
        return f"{office['start'] or '?'} – {office['end'] or ('ended' if office['ended'] else '…')}"
    seen = office["seen"]
    if seen:
        when = f"as of {seen[0]}" if len(seen) == 1 else f"seen {seen[0]} … {seen[-1]}"
        return when + (" (former)" if office["ended"] else "")
    return "former" if office["ended"] else "date unknown"


def _office(row: dict[str, Any]) -> str:
    org = row["org"]
    if not org or org.lower() in row["role"].lower():
        return str(row["role"])
    return f"{row['role']} — {org}"


def _event_line(event: dict[str, Any]) -> str:
    """ "[2023-12-04] credentials: Dauren Abayev, Vladimir Putin — Kremlin (doc)"."""
    who = ", ".join(p["name"] for p in event["participants"])
    place = f" — {event['place']}" if event["place"] else ""
    when = event["date"] or "date unknown"
    return escape(f"[{when}] {event['type']}: {who}{place}  ({event['doc_id']})")


@app.command()
@fails_cleanly
def events(
    db: DbOption = DEFAULT_DB,
    event_type: Annotated[
        str | None, typer.Option("--type", help="appointment, resignation, credentials, meeting, visit, …")
    ] = None,
    person: Annotated[str | None, typer.Option(help="Only events this person took part in (any spelling).")] = None,
    since: Annotated[str | None, typer.Option("--from", help="From this date on (2023, 2023-12, 2023-12-04).")] = None,
    until: Annotated[str | None, typer.Option("--to", help="Up to this date, inclusive.")] = None,
    limit: Annotated[int, typer.Option(help="How many to list.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of text.")] = False,
) -> None:
    """List events (who met whom, who was appointed, visits, press conferences…) oldest first.

    Example: elitewatch events --type meeting --person Putin --from 2019 --to 2023-12
    """
    from elitewatch.extract.events import EVENT_TYPES
    from elitewatch.query import search_events

    if event_type is not None and event_type not in EVENT_TYPES:
        raise InputError(f"unknown event type; use one of {', '.join(EVENT_TYPES)}", source=event_type)
    for value in (since, until):
        if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise InputError("dates are written 2023, 2023-12 or 2023-12-04", source=value)
    with open_store(db, readonly=True) as conn:
        rows = search_events(conn, type=event_type, person=person, since=since, until=until, limit=limit)
    if as_json:
        _print_jsonl(rows)
        return
    if not rows:
        out.print("no events match")
    for row in rows:
        out.print(_event_line(row))


@app.command()
@fails_cleanly
def quotes(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option(help="Only quotes of this speaker (any spelling).")] = None,
    search: Annotated[str | None, typer.Option(help="Only quotes with these words.")] = None,
    limit: Annotated[int, typer.Option(help="How many to list.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of text.")] = False,
) -> None:
    """List direct quotes with their speakers.

    Example: elitewatch quotes --speaker Tokayev --search neighbors
    """
    from elitewatch.query import search_quotes

    with open_store(db, readonly=True) as conn:
        rows = search_quotes(conn, speaker=speaker, text=search, limit=limit)
    if as_json:
        _print_jsonl(rows)
        return
    for row in rows:
        who = row["speaker"] or "unknown"
        out.print(
            f"[bold]{escape(who)}[/bold] [{escape(row['said_on'] or '?')}] “{escape(row['text'])}” ({escape(row['doc_id'])})"
        )


@app.command()
@fails_cleanly
def search(
    text: Annotated[str, typer.Argument(help="Words to find in the documents.")],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="How many documents.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of text.")] = False,
) -> None:
    """Full-text search over the documents.

    Example: elitewatch search "credentials Kremlin"
    """
    from elitewatch.query import search_documents

    with open_store(db, readonly=True) as conn:
        rows = search_documents(conn, text, limit=limit)
    if as_json:
        _print_jsonl(rows)
        return
    for row in rows:
        out.print(f"[bold]{escape(row['id'])}[/bold] {escape(row['title'] or '')}\n  {escape(row['snippet'])}")


@app.command()
@fails_cleanly
def export(
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="Only jsonl for now.")] = "jsonl",
) -> None:
    """Write every fact as JSON Lines (the records of gold/FORMAT.md) to standard output.

    Example: elitewatch export --format jsonl > facts.jsonl
    """
    from elitewatch.query import export_records

    if format != "jsonl":
        raise ElitewatchError(f"unknown export format {format!r}; use jsonl")
    with open_store(db, readonly=True) as conn:
        for record in export_records(conn):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


TypeOption = Annotated[str | None, typer.Option("--type", help="person, organization or place.")]


@app.command()
@fails_cleanly
def merge(
    a: Annotated[str, typer.Argument(help="A name of the entity that stays.")],
    b: Annotated[str, typer.Argument(help="A name of the entity that joins it.")],
    db: DbOption = DEFAULT_DB,
    type: TypeOption = None,
) -> None:
    """Say two entities are one. Kept by name: it survives re-ingestion and wins over the resolver.

    Example: elitewatch merge "Kassym-Jomart Tokayev" "Tokaev K."
    """
    from elitewatch.resolve.resolver import merge_named
    from elitewatch.store.db import transaction

    with open_store(db) as conn, transaction(conn):
        kept = merge_named(conn, a, b, type)
    out.print(f"merged: {escape(kept['name'])} ({kept['type']}, id {kept['id']})")


@app.command()
@fails_cleanly
def split(
    entity: Annotated[str, typer.Argument(help="A name of the entity.")],
    alias: Annotated[str, typer.Argument(help="The name that is someone (or something) else.")],
    db: DbOption = DEFAULT_DB,
    type: TypeOption = None,
) -> None:
    """Take a name out of an entity: the documents that use it get an entity of their own.

    Example: elitewatch split "Nursultan Nazarbayev" "Nazarbayeva"
    """
    from elitewatch.resolve.resolver import split_named
    from elitewatch.store.db import transaction

    with open_store(db) as conn, transaction(conn):
        found = split_named(conn, entity, alias, type)
        parts = [r for r in conn.execute("SELECT id, name FROM entities WHERE name = ? COLLATE NOCASE", (alias,))]
    if not parts:
        raise InputError(f"no document names {found['name']} as this", source=alias)
    out.print(
        f"split: {escape(alias)} (id {parts[0]['id']}) from {escape(found['name'])} (id {found['id']}); "
        "kept for later ingests"
    )


@app.command()
@fails_cleanly
def review(
    db: DbOption = DEFAULT_DB,
    accept: Annotated[list[int] | None, typer.Option("--accept", help="Merge this pair (its number).")] = None,
    reject: Annotated[list[int] | None, typer.Option("--reject", help="Keep this pair apart (its number).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of text.")] = False,
) -> None:
    """The pairs the resolver was unsure of, with its score and reasons; accept or reject them by number.

    Example: elitewatch review; elitewatch review --accept 3 --reject 4
    """
    from elitewatch.resolve.resolver import decide_candidate, review_candidates
    from elitewatch.store.db import transaction

    with open_store(db) as conn:
        with transaction(conn):
            for number in accept or []:
                pair = decide_candidate(conn, number, accept=True)
                out.print(f"merged: {escape(str(pair['a_name']))} = {escape(str(pair['b_name']))}")
            for number in reject or []:
                pair = decide_candidate(conn, number, accept=False)
                out.print(f"kept apart: {escape(str(pair['a_name']))} ≠ {escape(str(pair['b_name']))}")
        pairs = review_candidates(conn)
    if as_json:
        _print_jsonl(pairs)
        return
    if not pairs:
        out.print("nothing to review")
    for pair in pairs:
        out.print(
            f"[bold]{pair['number']}[/bold]  {escape(str(pair['a_name']))} (id {pair['a']}) ? "
            f"{escape(str(pair['b_name']))} (id {pair['b']})  {pair['type']}, score {pair['score']:.2f}"
        )
        for reason in pair["reasons"]:  # type: ignore[attr-defined]
            out.print(f"      {escape(str(reason))}")


@app.command(name="ids")
@fails_cleanly
def external_ids(
    table: Annotated[Path, typer.Argument(help="CSV with columns name, wikidata (and optionally type).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Attach Wikidata ids to entities from your own table; kept for entities ingested later.

    Example: elitewatch ids people.csv   (name,wikidata: "Kassym-Jomart Tokayev,Q1113436")
    """
    import csv

    from elitewatch.resolve.resolver import apply_judgements, entities_named, set_external_id
    from elitewatch.store.db import transaction

    try:
        rows = list(csv.DictReader(table.read_text(encoding="utf-8-sig").splitlines()))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read the table ({error})", source=str(table)) from None
    if not rows or not {"name", "wikidata"} <= set(rows[0]):
        raise InputError("the table needs the columns name and wikidata", source=str(table))
    matched = 0
    with open_store(db) as conn, transaction(conn):
        for number, row in enumerate(rows, start=2):
            qid = (row.get("wikidata") or "").strip()
            if not re.fullmatch(r"Q\d+", qid):
                raise InputError(f"line {number}: {qid!r} is not a Wikidata id (Q123)", source=str(table))
            found = entities_named(conn, row["name"], row.get("type") or None)
            for entity in found[:1]:
                set_external_id(conn, entity["type"], entity["name"], qid)
                matched += 1
            if not found:
                set_external_id(conn, row.get("type") or "person", row["name"], qid)
        apply_judgements(conn)
    out.print(f"{len(rows)} ids read, {matched} attached to entities in the store; the rest wait for their names")


@app.command()
@fails_cleanly
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to listen on; loopback unless you mean to share it.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int | None, typer.Option(help="Server processes (default: one per core; each answers requests alone).", min=1)
    ] = None,
) -> None:
    """Start the web UI and HTTP API (pages with JSON twins at the same path + .json; /docs for the API).

    Writing (upload, merge, split, review) needs ELITEWATCH_TOKEN set in the environment; without it the
    server only reads. Example: elitewatch serve --port 8000
    """
    import os

    from elitewatch.settings import cores
    from elitewatch.store.db import prepare
    from elitewatch.web.app import serve as run_server

    prepare(db)  # created or migrated if need be, before it is served read-only
    token = os.environ.get("ELITEWATCH_TOKEN") or None
    processes = workers or cores()
    err.print(
        f"elitewatch on http://{host}:{port}/ ({'writes need the token' if token else 'read-only'}; "
        f"{processes} server process{'es' if processes > 1 else ''})"
    )
    run_server(db, host=host, port=port, processes=processes)


@app.command(name="eval-names")
@fails_cleanly
def evaluate_names(
    pairs: Annotated[Path, typer.Argument(help="Name pairs: latin<TAB>к и р и л л и ц а (dev/translit).")],
    every: Annotated[bool, typer.Option("--all", help="Score every pair, not only the held-out fifth.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Scores as JSON.")] = False,
) -> None:
    """Measure name matching across scripts: true pairs that match, random non-pairs that do not.

    Example: elitewatch eval-names ../shared/dev/translit/wd_russian_20.tsv
    """
    from elitewatch.evaluation.translit import held_out, load_pairs, score_translit

    loaded = load_pairs(pairs)
    result = score_translit(loaded if every else held_out(loaded))
    if as_json:
        out.print_json(data=result.as_dict())
        return
    out.print(
        f"{result.pairs} pairs{'' if every else ' (held out)'}: recall {result.recall:.4f}; "
        f"{result.negatives} random non-pairs: false matches {result.false_match_rate:.4f}"
    )


@app.command(name="eval-dates")
@fails_cleanly
def evaluate_dates(
    folder: Annotated[Path, typer.Argument(help="A folder of TimeML files (.tml), e.g. dev/timeml/TimeBank.")],
    as_json: Annotated[bool, typer.Option("--json", help="Scores as JSON.")] = False,
    show_errors: Annotated[bool, typer.Option("--errors", help="List every miss: gold, found, values.")] = False,
) -> None:
    """Score the temporal normalizer on TimeML documents: detection, value accuracy and value F1 per type.

    Example: elitewatch eval-dates ../shared/dev/timeml/TimeBank
    """
    from elitewatch.evaluation.timeml import GROUPS, errors, load_folder, score_documents

    documents = load_folder(folder)
    if show_errors:
        for name, gold, found in errors(documents):
            g = f"{gold.type}\t{gold.value}\t{gold.text!r}" if gold else "-\t-\t-"
            f = f"{found.type}\t{found.value}\t{found.text!r}" if found else "-\t-\t-"
            typer.echo(f"{name}\t{g}\t{f}")
        return
    scores = score_documents(documents)
    if as_json:
        out.print_json(data=scores.as_dict())
        return
    table = Table("type", "gold", "found", "precision", "recall", "F1", "value acc.", "value F1")
    for name in GROUPS:
        c = scores.groups[name].as_dict()
        table.add_row(
            name,
            str(c["gold"]),
            str(c["found"]),
            *(f"{c[key]:.3f}" for key in ("precision", "recall", "f1", "value_accuracy", "value_f1")),
        )
    out.print(f"{scores.documents} documents")
    out.print(table)


@app.command(name="eval")
@fails_cleanly
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSON Lines (gold/FORMAT.md).")],
    corpus: Annotated[Path, typer.Option("--corpus", help="The folder of texts the gold describes.")],
    as_json: Annotated[bool, typer.Option("--json", help="Scores as JSON.")] = False,
) -> None:
    """Ingest a corpus into a temporary database, export, and score against gold.

    Example: elitewatch eval ../shared/gold/seeds.jsonl --corpus ../shared/corpus/seeds
    """
    from elitewatch.evaluation import load_jsonl, score
    from elitewatch.ingest.readers import iter_folder
    from elitewatch.pipeline import ingest as run_ingest
    from elitewatch.query import export_records

    if not corpus.is_dir():
        raise ElitewatchError("not a folder", source=str(corpus))
    gold_records = load_jsonl(gold)
    # The gold file may sit inside the corpus folder: it is not one of the texts.
    inputs = [str(p) for p in iter_folder(corpus) if p.resolve() != gold.resolve()]
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "eval.db") as conn:
        with _progress(enabled=True) as update:
            run_ingest(conn, inputs, Settings(), progress=update)
        exported = list(export_records(conn))
        texts = [row[0] for row in conn.execute("SELECT text FROM documents")]
    scores = score(gold_records, exported, texts)
    if as_json:
        out.print_json(data=scores.as_dict())
        return
    table = Table("kind", "gold", "exported", "matched", "precision", "recall", "F1", "date acc.")
    for kind, s in scores.kinds.items():
        accuracy = "—" if s.date_accuracy is None else f"{s.date_accuracy:.3f}"
        table.add_row(
            kind,
            str(s.gold),
            str(s.exported),
            str(s.matched),
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            accuracy,
        )
    merge = scores.entity_merge
    table.add_row(
        "entity merge",
        str(merge.gold),
        str(merge.exported),
        str(merge.matched),
        f"{merge.precision:.3f}",
        f"{merge.recall:.3f}",
        f"{merge.f1:.3f}",
        "—",
    )
    out.print(table)
    if scores.type_accuracy is not None:
        out.print(f"entity type accuracy: {scores.type_accuracy:.3f}")
    if scores.published_scored:
        out.print(f"publication dates in range: {scores.published_right}/{scores.published_scored}")


@app.command()
@fails_cleanly
def summary(db: DbOption = DEFAULT_DB) -> None:
    """What the store holds: documents, people, organizations, quotes, the most quoted people.

    Example: elitewatch summary
    """
    from elitewatch.query import corpus_summary

    with open_store(db, readonly=True) as conn:
        found = corpus_summary(conn)
    languages = ", ".join(f"{n} {lang}" for lang, n in sorted(found["languages"].items()))
    out.print(f"[bold]{found['documents']} documents[/bold] ({languages})")
    out.print(
        f"{found['people']} people · {found['organizations']} organizations · {found['places']} places · {found['quotes']} quotes"
    )
    if found["most_quoted"]:
        out.print("most quoted: " + escape(", ".join(f"{r['name']} ({r['quotes']})" for r in found["most_quoted"])))
    if found["most_mentioned"]:
        out.print(
            "most mentioned: " + escape(", ".join(f"{r['name']} ({r['mentions']})" for r in found["most_mentioned"]))
        )


@app.command()
def version() -> None:
    """Print the version.

    Example: elitewatch version
    """
    out.print(__version__)


def _print_jsonl(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
