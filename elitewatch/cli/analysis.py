"""The commands that analyse across documents: waits between events (intervals), who met whom (network),
phrases one speaker echoes from another (echoes), one speaker's opposite statements (contrasts) and the narratives
of a watch-list taken up (narratives)."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from elitewatch.cli.common import (
    DbOption,
    NarrativesOption,
    app,
    check_day,
    check_event_type,
    fails_cleanly,
    open_store,
    out,
)
from elitewatch.dbapi import Connection
from elitewatch.errors import ElitewatchError, NotFoundError
from elitewatch.settings import DEFAULT_STORE

# The library is imported inside each command: the CLI starts without loading it (and `ingest` starts its fork
# server before the models are imported).


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
    from elitewatch.query.intervals import intervals as waits

    check_event_type(from_type, to_type)
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
    from elitewatch.query.network import TOGETHER, gexf, graphml
    from elitewatch.query.network import network as who_met_whom

    check_event_type(*(event_type or []))
    if format not in ("json", "gexf", "graphml"):
        raise ElitewatchError(f"unknown network format {format!r}; use json, gexf or graphml")
    check_day(since, until)
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
