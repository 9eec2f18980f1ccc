"""The command line: each command opens the store, calls one library function, prints the result.

Domain errors become one clear line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import json
import os
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
from elitewatch.dbapi import Connection, is_url
from elitewatch.errors import ElitewatchError, InputError, NotFoundError
from elitewatch.settings import DEFAULT_MAX_CHARS, DEFAULT_STORE, Settings

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

DbOption = Annotated[
    str, typer.Option("--db", help="The store: an SQLite file or postgresql://user@host/db.", envvar="ELITEWATCH_DB")
]
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
        except BrokenPipeError:  # the reader went away (`elitewatch export | head`): end quietly
            _silence_stdout()
            raise typer.Exit(0) from None
        except Exception as error:  # a bug, not bad input: still one line, and a distinct exit code
            err.print(f"error: internal: {error.__class__.__name__}: {escape(str(error))}")
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the flush at exit does not fail on the closed pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (a test runner's capture): nothing to flush there
        pass


@contextmanager
def open_store(db: Path | str, *, readonly: bool = False) -> Iterator[Connection]:
    """The store; to read it, one made by an earlier version is migrated first where this user may write."""
    from elitewatch.store import connect
    from elitewatch.store.db import prepare

    if readonly and (is_url(db) or (Path(db).exists() and os.access(Path(db).parent, os.W_OK))):
        prepare(db)
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
    db: DbOption = DEFAULT_STORE,
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
    cluster: Annotated[
        str | None,
        typer.Option(help="A Dask scheduler (tcp://host:8786): analyse on that cluster's workers, write here."),
    ] = None,
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
        cluster=cluster,
    )
    if not cluster and worth_workers(InputStream(inputs or [], max_chars=max_chars, feeds=feed or []).expected, settings.workers) > 1:
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
    db: DbOption = DEFAULT_STORE,
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
    db: DbOption = DEFAULT_STORE,
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
        if seen == office.get("seen_by_document"):
            when += " (the document's date)"
        return when + (" (former)" if office["ended"] else "")
    if office.get("ended_before"):
        return f"ended before {office['ended_before']}"
    return "former" if office["ended"] else "date unknown"


def _office(row: dict[str, Any]) -> str:
    org = row["org"]
    if not org or org.lower() in row["role"].lower():
        return str(row["role"])
    return f"{row['role']} — {org}"


def _event_line(event: dict[str, Any]) -> str:
    """ "[2023-12-04] credentials: Dauren Abayev, Vladimir Putin — Kremlin (doc)"."""
    who = ", ".join(p["name"] + (f" ({p['role']})" if p.get("role") else "") for p in event["participants"])
    place = f" — {event['place']}" if event["place"] else ""
    when = event["date"] or (f"{event['published']} published" if event.get("published") else "date unknown")
    docs = list(dict.fromkeys(source["doc_id"] for source in event.get("sources") or [])) or [event["doc_id"]]
    told = ", ".join(docs[:3]) + (f" and {len(docs) - 3} more" if len(docs) > 3 else "")
    return escape(f"[{when}] {event['type']}: {who}{place}  ({told})")


@app.command()
@fails_cleanly
def events(
    db: DbOption = DEFAULT_STORE,
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
def intervals(
    db: DbOption = DEFAULT_STORE,
    from_type: Annotated[str, typer.Option("--from-type", help="The first event: appointment, election, …")] = (
        "appointment"
    ),
    to_type: Annotated[str, typer.Option("--to-type", help="The event waited for: credentials, resignation, …")] = (
        "credentials"
    ),
    role: Annotated[str | None, typer.Option(help="Only waits of an office with these words (ambassador).")] = None,
    country: Annotated[
        str | None, typer.Option(help="Only waits of an office of or to this country (any spelling).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """How long each person waited from one event to the next: days, words, the others' median, the
    predecessor and successor in the same office, and the duration the text states.

    Example: elitewatch intervals --from-type appointment --to-type credentials --role ambassador --country Russia
    """
    from elitewatch.extract.events import EVENT_TYPES
    from elitewatch.query.intervals import intervals as waits

    for value in (from_type, to_type):
        if value not in EVENT_TYPES:
            raise InputError(f"unknown event type; use one of {', '.join(EVENT_TYPES)}", source=value)
    with open_store(db, readonly=True) as conn:
        found = waits(conn, from_type, to_type, role=role, country=country)
    if as_json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False) + "\n")
        return
    if not found["intervals"]:
        out.print(f"no person has both a dated {from_type} and a later dated {to_type}")
        return
    table = Table(title=f"{from_type} → {to_type}, median {found['median_days']:g} days")
    for column in ("person, office", "from → to", "days", "the text says", "compared"):
        table.add_column(column, no_wrap=column == "from → to")
    for wait in found["intervals"]:
        office = wait["office"] or {}
        table.add_row(
            f"[bold]{escape(wait['person']['name'])}[/bold]\n{escape(office.get('role') or '')}",
            f"{wait['first']['date']}\n{wait['second']['date']}",
            f"{wait['days']}\n[dim]{wait['words']}[/dim]",
            escape("; ".join(s["text"] for s in wait["stated"])),
            escape(_compared(wait)),
        )
    out.print(table)


def _compared(wait: dict[str, Any]) -> str:
    said = []
    if wait["median_of_others"] is not None:
        said.append(f"others' median {wait['median_of_others']:g} d")
    for side in ("predecessor", "successor"):
        if wait[side]:
            said.append(f"{side} {wait[side]['person']['name']}: {wait[side]['days']} d")
    return "; ".join(said)


@app.command()
@fails_cleanly
def network(
    db: DbOption = DEFAULT_STORE,
    event_type: Annotated[
        list[str] | None, typer.Option("--type", help="Events that join people (repeat): meeting, visit, agreement.")
    ] = None,
    since: Annotated[str | None, typer.Option("--from", help="From this date on (2019, 2019-04).")] = None,
    until: Annotated[str | None, typer.Option("--to", help="Up to this date, inclusive.")] = None,
    person: Annotated[str | None, typer.Option(help="Only the people this person met (any spelling).")] = None,
    country: Annotated[str | None, typer.Option(help="Only events held in this country (any spelling).")] = None,
    format: Annotated[str, typer.Option("--format", help="json, gexf (Gephi) or graphml.")] = "json",
) -> None:
    """Who met whom: people, and the events they took part in together, as JSON, GEXF or GraphML.

    Example: elitewatch network --from 2019-04 --to 2019-04 --format gexf > april-2019.gexf
    """
    from elitewatch.extract.events import EVENT_TYPES
    from elitewatch.query.network import TOGETHER, gexf, graphml
    from elitewatch.query.network import network as who_met_whom

    for value in event_type or []:
        if value not in EVENT_TYPES:
            raise InputError(f"unknown event type; use one of {', '.join(EVENT_TYPES)}", source=value)
    if format not in ("json", "gexf", "graphml"):
        raise ElitewatchError(f"unknown network format {format!r}; use json, gexf or graphml")
    for day in (since, until):
        if day is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", day):
            raise InputError("dates are written 2023, 2023-12 or 2023-12-04", source=day)
    with open_store(db, readonly=True) as conn:
        found = who_met_whom(
            conn, types=tuple(event_type or TOGETHER), since=since, until=until, person=person, country=country
        )
    if format == "json":
        sys.stdout.write(json.dumps(found, ensure_ascii=False) + "\n")
    else:
        sys.stdout.buffer.write((gexf if format == "gexf" else graphml)(found))
        sys.stdout.flush()


@app.command()
@fails_cleanly
def echoes(
    db: DbOption = DEFAULT_STORE,
    speaker: Annotated[str | None, typer.Option(help="Only this speaker's echoes (any spelling).")] = None,
    limit: Annotated[int, typer.Option(help="How many to list of each kind.")] = 50,
    paraphrases: Annotated[
        bool, typer.Option(help="Also English statements that closely paraphrase another's (sentence embeddings).")
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of text.")] = False,
) -> None:
    """Phrases one speaker's quotes share with another's (any inflection or word order), and in English close
    paraphrases, who said it first; phrases everyone uses are left out.

    Example: elitewatch echoes --speaker Tasmagambetov
    """
    from elitewatch.query.echoes import echoes as shared_phrases

    with open_store(db, readonly=True) as conn:
        found = shared_phrases(conn, speaker=speaker, limit=limit, paraphrases=paraphrases)
    if as_json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False) + "\n")
        return
    if not found["echoes"]:
        out.print("no two speakers' quotes share a phrase")
    for echo in found["echoes"]:
        first, second = echo["first"], echo["second"]
        words = (
            f"{escape(' … '.join(echo['shared']))}"
            if echo["kind"] == "phrase"
            else f"{echo['similarity']:.2f} «{escape(first['text'][:120])}» ~ «{escape(second['text'][:120])}»"
        )
        out.print(
            f"{echo['kind']}: [bold]{escape(first['speaker']['name'])}[/bold] [{first['date'] or '?'}] → "
            f"[bold]{escape(second['speaker']['name'])}[/bold] [{second['date'] or '?'}]: "
            f"{words}  ({escape(first['doc_id'])}, {escape(second['doc_id'])})"
        )


@app.command()
@fails_cleanly
def contrasts(
    speaker: Annotated[str, typer.Argument(help="The speaker (any spelling).")],
    db: DbOption = DEFAULT_STORE,
    phrase: Annotated[str | None, typer.Option(help="Also: when the speaker first and last used this phrase.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of text.")] = False,
) -> None:
    """One speaker over time: pairs of their statements on one topic that may point opposite ways (a negation
    in one only, an antonym pair, asserted and denied), for you to judge; with --phrase its first and last use.

    Example: elitewatch contrasts Tokayev --phrase "multi-vector"
    """
    from elitewatch.query.contrasts import opposite_statements, phrase_history

    with open_store(db, readonly=True) as conn:
        people = find_people(conn, speaker)
        found: dict[str, Any] = {"speaker": speaker, "candidates": opposite_statements(conn, people[0]["id"])}
        if phrase:
            found["phrase"] = phrase_history(conn, speaker, phrase)
    if as_json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False) + "\n")
        return
    if phrase:
        history = found["phrase"]
        first, last = history["first"], history["last"]
        out.print(
            f"“{escape(phrase)}”: {len(history['uses'])} use(s)"
            + (f", first {first['date']} ({escape(first['doc_id'])}), last {last['date']} ({escape(last['doc_id'])})" if first else "")
        )
    if not found["candidates"]:
        out.print("no two statements on one topic point opposite ways")
    for pair in found["candidates"]:
        out.print(f"[bold]{escape(', '.join(pair['topic']))}[/bold] — {escape(pair['cue'])}")
        for side in (pair["earlier"], pair["later"]):
            out.print(f"  [{side['date'] or '?'}] {escape(side['text'][:160])} ({escape(side['doc_id'])})")


def find_people(conn: Connection, name: str) -> list[dict[str, Any]]:
    from elitewatch.query import find_entities

    people = find_entities(conn, name, type="person")
    if not people:
        raise NotFoundError("no person by that name", source=name)
    return people


NarrativesOption = Annotated[
    Path | None, typer.Option("--narratives", help="A folder of your own watch-lists (.yaml); else the starter list.")
]


@app.command()
@fails_cleanly
def narratives(
    db: DbOption = DEFAULT_STORE,
    speaker: Annotated[str | None, typer.Option(help="Only this speaker's uses (any spelling).")] = None,
    folder: NarrativesOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of text.")] = False,
) -> None:
    """Which speakers use the phrases of each narrative of a watch-list, since when and how often, matched
    on lemmas in their quotes (any inflection).

    Example: elitewatch narratives --speaker Tasmagambetov --narratives ~/watch-lists
    """
    from elitewatch.query.narratives import load_watch_lists
    from elitewatch.query.narratives import narratives as taken_up

    watch = load_watch_lists(folder)
    with open_store(db, readonly=True) as conn:
        found = taken_up(conn, watch, speaker=speaker)
    if as_json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False) + "\n")
        return
    used = [n for n in found["narratives"] if n["uses"]]
    if not used:
        out.print("no quote uses a phrase of the watch-list")
    for narrative in used:
        out.print(f"[bold]{escape(narrative['name'])}[/bold] ({escape(narrative['owner'])}): {narrative['uses']} use(s)")
        for who in narrative["speakers"]:
            out.print(f"  {escape(who['name'])}: {who['uses']}, first {who['first'] or '?'}, last {who['last'] or '?'}")
            for use in who["uses_list"][:3]:
                when = use["date"] or "?"
                marked = " published" if use["dated_by"] == "published" else ""
                out.print(f"    [{when}{marked}] “{escape(use['text'][:120])}” ({escape(use['doc_id'])})")


@app.command()
@fails_cleanly
def claims(
    db: DbOption = DEFAULT_STORE,
    source: Annotated[str | None, typer.Option(help="Only claims this source makes (any spelling).")] = None,
    about: Annotated[str | None, typer.Option(help="Only claims about this entity (any spelling).")] = None,
    search: Annotated[str | None, typer.Option(help="Only claims with these words.")] = None,
    since: Annotated[str | None, typer.Option("--from", help="Said (else published) from this date on.")] = None,
    until: Annotated[str | None, typer.Option("--to", help="Up to this date, inclusive.")] = None,
    limit: Annotated[int, typer.Option(help="How many to list.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of text.")] = False,
) -> None:
    """List what is attributed without quotation marks ("X said that …", "according to X", «по словам X»),
    with the source, the cue and whether the source asserts, denies or hedges it; newest first.

    Example: elitewatch claims --about Tasmagambetov
    """
    from elitewatch.query import search_claims

    for day in (since, until):
        if day is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", day):
            raise InputError("dates are written 2023, 2023-12 or 2023-12-04", source=day)
    with open_store(db, readonly=True) as conn:
        rows = search_claims(conn, source=source, about=about, text=search, since=since, until=until, limit=limit)
    if as_json:
        _print_jsonl(rows)
        return
    if not rows:
        out.print("no claims match")
    for row in rows:
        who = row["source"] or f"unnamed ({row['source_text'] or '?'})"
        when = row["said_on"] or (f"{row['published']} published" if row["published"] else "?")
        marked = "" if row["polarity"] == "assert" else f" [{row['polarity']}]"
        out.print(
            f"[bold]{escape(who)}[/bold] {escape(row['cue'])}{escape(marked)} [{escape(when)}] "
            f"{escape(row['text'])} ({escape(row['doc_id'])})"
        )


@app.command()
@fails_cleanly
def quotes(
    db: DbOption = DEFAULT_STORE,
    speaker: Annotated[str | None, typer.Option(help="Only quotes of this speaker (any spelling).")] = None,
    search: Annotated[str | None, typer.Option(help="Only quotes with these words.")] = None,
    since: Annotated[
        str | None, typer.Option("--from", help="Said (else published) from this date on (2023, 2023-12).")
    ] = None,
    until: Annotated[str | None, typer.Option("--to", help="Up to this date, inclusive.")] = None,
    language: Annotated[str | None, typer.Option(help="Only quotes in this language: en, ru or kk.")] = None,
    limit: Annotated[int, typer.Option(help="How many to list.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of text.")] = False,
) -> None:
    """List direct quotes with their speakers, newest first (a quote whose day is not said by its
    document's date, marked "published").

    Example: elitewatch quotes --speaker Tokayev --search neighbors --from 2019 --language en
    """
    from elitewatch.query import search_quotes

    for day in (since, until):
        if day is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", day):
            raise InputError("dates are written 2023, 2023-12 or 2023-12-04", source=day)
    if language is not None and language not in ("en", "ru", "kk"):
        raise InputError("the languages are en, ru and kk", source=language)
    with open_store(db, readonly=True) as conn:
        rows = search_quotes(
            conn, speaker=speaker, text=search, since=since, until=until, language=language, limit=limit
        )
    if as_json:
        _print_jsonl(rows)
        return
    for row in rows:
        who = row["speaker"] or (
            f"{row['speaker_stated']} (for {row['speaks_for']})" if row.get("speaks_for") else "unknown"
        )
        when = row["said_on"] or (f"{row['published']} published" if row["published"] else "?")
        out.print(f"[bold]{escape(who)}[/bold] [{escape(when)}] “{escape(row['text'])}” ({escape(row['doc_id'])})")


@app.command()
@fails_cleanly
def search(
    text: Annotated[str, typer.Argument(help="Words to find in the documents.")],
    db: DbOption = DEFAULT_STORE,
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
    db: DbOption = DEFAULT_STORE,
    format: Annotated[str, typer.Option("--format", help="jsonl (every fact), ftm (FollowTheMoney) or csv.")] = "jsonl",
    kind: Annotated[
        str | None, typer.Option("--kind", help="For csv: documents, entities, quotes, positions or events.")
    ] = None,
) -> None:
    """Write every fact to standard output: JSON Lines (the records of gold/FORMAT.md), FollowTheMoney
    entities as JSON lines, or one kind of fact as CSV with names instead of ids.

    Example: elitewatch export --format csv --kind quotes > quotes.csv
    (or `--format ftm | ftm aggregate`, or no option at all for JSON Lines)
    """
    if format not in ("jsonl", "ftm", "csv"):
        raise ElitewatchError(f"unknown export format {format!r}; use jsonl, ftm or csv")
    if (kind is not None) != (format == "csv"):
        raise ElitewatchError("--kind goes with --format csv: documents, entities, quotes, positions or events")
    with open_store(db, readonly=True) as conn:
        if format == "csv":
            _write_csv(conn, kind or "")
            return
        if format == "ftm":
            from elitewatch.query.ftm import export_ftm

            records = export_ftm(conn)
        else:
            from elitewatch.query import export_records

            records = export_records(conn)
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _write_csv(conn: Connection, kind: str) -> None:
    import csv

    from elitewatch.query.tables import COLUMNS, table_rows

    rows = table_rows(conn, kind)  # an unknown kind is refused before the header is written
    writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS[kind], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


KindArgument = Annotated[str, typer.Argument(help="quote, position or event.")]
FactId = Annotated[int, typer.Argument(help="The fact's id, as the export, the pages and --json show it.")]
Who = Annotated[str | None, typer.Option(help="Who decides (default: your login name).")]
Why = Annotated[str | None, typer.Option(help="Why, for whoever reads the correction later.")]


@app.command()
@fails_cleanly
def correct(
    kind: KindArgument,
    fact_id: FactId,
    db: DbOption = DEFAULT_STORE,
    speaker: Annotated[str | None, typer.Option(help="quote: who said it (a name the store knows).")] = None,
    role: Annotated[str | None, typer.Option(help="position: the office.")] = None,
    org: Annotated[str | None, typer.Option(help="position: its organization or country.")] = None,
    start: Annotated[str | None, typer.Option(help="position: taken on (2023, 2023-07, 2023-07-03).")] = None,
    end: Annotated[str | None, typer.Option(help="position: left on.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="event: its type.")] = None,
    date: Annotated[str | None, typer.Option(help="event: its date.")] = None,
    participant: Annotated[
        list[str] | None, typer.Option(help="event: who took part (repeat; replaces the participants).")
    ] = None,
    who: Who = None,
    why: Why = None,
) -> None:
    """Correct a fact: kept by the fact's words and place in its document, it survives re-ingestion and wins
    over extraction; the export carries the corrected value and the correction.

    Example: elitewatch correct quote 12 --speaker "Vladimir Putin" --why "the attribution introduces Putin"
    """
    fields = {
        "speaker": speaker,
        "role": role,
        "org": org,
        "start": start,
        "end": end,
        "type": event_type,
        "date": date,
        "participants": participant,
    }
    _record(db, kind, fact_id, fields=fields, reject=False, who=who, why=why)


@app.command()
@fails_cleanly
def reject(kind: KindArgument, fact_id: FactId, db: DbOption = DEFAULT_STORE, who: Who = None, why: Why = None) -> None:
    """Reject a fact the text does not state: it leaves the pages and the export, and stays rejected when its
    document is ingested again.

    Example: elitewatch reject event 7 --why "a photo caption, not a meeting"
    """
    _record(db, kind, fact_id, fields=None, reject=True, who=who, why=why)


def _who(who: str | None) -> str:
    """Who made a judgement or correction: as given, else the login name."""
    import getpass

    return who or getpass.getuser()


def _record(
    db: str, kind: str, fact_id: int, *, fields: dict[str, Any] | None, reject: bool, who: str | None, why: str | None
) -> None:
    import getpass

    from elitewatch.store.corrections import record_correction
    from elitewatch.store.db import transaction

    with open_store(db) as conn, transaction(conn):
        made = record_correction(
            conn, kind, fact_id, fields=fields, reject=reject, who=who or getpass.getuser(), why=why
        )
    what = "rejected" if reject else "corrected: " + ", ".join(f"{k} = {v}" for k, v in made["fields"].items())
    out.print(f"{kind} {fact_id} {escape(what)} (correction {made['id']}, by {escape(made['who'])})")


TypeOption = Annotated[str | None, typer.Option("--type", help="person, organization or place.")]


@app.command()
@fails_cleanly
def merge(
    a: Annotated[str, typer.Argument(help="A name of the entity that stays.")],
    b: Annotated[str, typer.Argument(help="A name of the entity that joins it.")],
    db: DbOption = DEFAULT_STORE,
    type: TypeOption = None,
    who: Who = None,
    why: Why = None,
) -> None:
    """Say two entities are one (a positive judgement). Kept by name, with who and when: it survives
    re-ingestion and wins over the resolver.

    Example: elitewatch merge "Kassym-Jomart Tokayev" "Tokaev K." --why "same person, Latin spelling"
    """
    from elitewatch.resolve.judgements import merge_named
    from elitewatch.store.db import transaction

    with open_store(db) as conn, transaction(conn):
        kept = merge_named(conn, a, b, type, by=_who(who), why=why)
    out.print(f"merged: {escape(kept['name'])} ({kept['type']}, id {kept['id']})")


@app.command()
@fails_cleanly
def split(
    entity: Annotated[str, typer.Argument(help="A name of the entity.")],
    alias: Annotated[str, typer.Argument(help="The name that is someone (or something) else.")],
    db: DbOption = DEFAULT_STORE,
    type: TypeOption = None,
    who: Who = None,
    why: Why = None,
) -> None:
    """Take a name out of an entity (a negative judgement): the documents that use it get an entity of their
    own.

    Example: elitewatch split "Nursultan Nazarbayev" "Nazarbayeva"
    """
    from elitewatch.resolve.judgements import split_named
    from elitewatch.store.db import transaction

    with open_store(db) as conn, transaction(conn):
        found = split_named(conn, entity, alias, type, by=_who(who), why=why)
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
    db: DbOption = DEFAULT_STORE,
    accept: Annotated[list[int] | None, typer.Option("--accept", help="Merge this pair (its number).")] = None,
    reject: Annotated[list[int] | None, typer.Option("--reject", help="Keep this pair apart (its number).")] = None,
    unsure: Annotated[
        list[int] | None, typer.Option("--unsure", help="Looked at, cannot tell: keep it to review, marked.")
    ] = None,
    who: Who = None,
    why: Why = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of text.")] = False,
) -> None:
    """The pairs the resolver was unsure of, with its score and reasons; accept, reject or mark them unsure
    by number (each decision kept with who and when: `elitewatch judgements`).

    Example: elitewatch review; elitewatch review --accept 3 --reject 4 --unsure 5
    """
    from elitewatch.resolve.judgements import decide_candidate, review_candidates
    from elitewatch.store.db import transaction

    by = _who(who)
    with open_store(db) as conn:
        with transaction(conn):
            decisions = [(n, "accept") for n in accept or []] + [(n, "reject") for n in reject or []]
            for number, decision in [*decisions, *((n, "unsure") for n in unsure or [])]:
                pair = decide_candidate(conn, number, decision, by=by, why=why)
                a, b = escape(str(pair["a_name"])), escape(str(pair["b_name"]))
                out.print({"accept": f"merged: {a} = {b}", "reject": f"kept apart: {a} ≠ {b}"}.get(
                    decision, f"unsure: {a} ? {b} (kept to review)"
                ))
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
        if pair["unsure"]:
            looked: dict[str, str] = pair["unsure"]  # type: ignore[assignment]
            out.print(f"      looked at by {escape(looked['who'] or 'someone')} on {looked['when'][:10]}: unsure")


@app.command()
@fails_cleanly
def judgements(
    db: DbOption = DEFAULT_STORE,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of text.")] = False,
) -> None:
    """Every judgement made, in order: positive (merge), negative (split, reject) or unsure, with who, when
    and why. They win over the resolver and survive re-ingestion.

    Example: elitewatch judgements --json
    """
    from elitewatch.resolve.judgements import list_judgements

    with open_store(db, readonly=True) as conn:
        made = list_judgements(conn)
    if as_json:
        _print_jsonl(made)
        return
    if not made:
        out.print("no judgements yet")
    for row in made:
        sign = {"merge": "=", "split": "∌", "reject": "≠"}.get(str(row["kind"]), "?")
        why = f" — {row['why']}" if row["why"] else ""
        out.print(
            escape(
                f"{str(row['when'])[:19]}  {row['verdict']:8} {row['kind']:6} {row['a']} {sign} {row['b']}"
                f" ({row['type']}) by {row['who'] or 'someone'}{why}"
            )
        )


@app.command(name="ids")
@fails_cleanly
def external_ids(
    table: Annotated[Path, typer.Argument(help="CSV with columns name, wikidata (and optionally type).")],
    db: DbOption = DEFAULT_STORE,
) -> None:
    """Attach Wikidata ids to entities from your own table; kept for entities ingested later.

    Example: elitewatch ids people.csv   (name,wikidata: "Kassym-Jomart Tokayev,Q1113436")
    """
    import csv

    from elitewatch.resolve.judgements import apply_judgements, entities_named, set_external_id
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
    db: DbOption = DEFAULT_STORE,
    host: Annotated[
        str, typer.Option(help="Address to listen on; loopback unless you mean to share it.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int | None, typer.Option(help="Server processes (default: one per core; each answers requests alone).", min=1)
    ] = None,
    folder: NarrativesOption = None,
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
    if folder is not None:
        from elitewatch.query.narratives import load_watch_lists

        load_watch_lists(folder)  # a bad watch-list is refused now, not on the first visit of /narratives
    run_server(db, host=host, port=port, processes=processes, narratives=folder)


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
def summary(db: DbOption = DEFAULT_STORE) -> None:
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
