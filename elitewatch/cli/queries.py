"""The commands that look facts up: entities, one person's profile, events, claims, quotes, full-text search and
the store's summary. Each opens the store read-only, calls one query function and prints its rows (or JSON)."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from elitewatch.cli.common import (
    DbOption,
    app,
    check_day,
    check_event_type,
    fails_cleanly,
    open_store,
    out,
    print_jsonl,
)
from elitewatch.errors import InputError
from elitewatch.settings import DEFAULT_STORE

# The library is imported inside each command: the CLI starts without loading it (and `ingest` starts its fork
# server before the models are imported).


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
        print_jsonl(rows)
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
    from elitewatch.query import search_events

    check_event_type(event_type)
    check_day(since, until)
    with open_store(db, readonly=True) as conn:
        rows = search_events(conn, type=event_type, person=person, since=since, until=until, limit=limit)
    if as_json:
        print_jsonl(rows)
        return
    if not rows:
        out.print("no events match")
    for row in rows:
        out.print(_event_line(row))


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

    check_day(since, until)
    with open_store(db, readonly=True) as conn:
        rows = search_claims(conn, source=source, about=about, text=search, since=since, until=until, limit=limit)
    if as_json:
        print_jsonl(rows)
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

    check_day(since, until)
    if language is not None and language not in ("en", "ru", "kk"):
        raise InputError("the languages are en, ru and kk", source=language)
    with open_store(db, readonly=True) as conn:
        rows = search_quotes(
            conn, speaker=speaker, text=search, since=since, until=until, language=language, limit=limit
        )
    if as_json:
        print_jsonl(rows)
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
        print_jsonl(rows)
        return
    for row in rows:
        out.print(f"[bold]{escape(row['id'])}[/bold] {escape(row['title'] or '')}\n  {escape(row['snippet'])}")


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
