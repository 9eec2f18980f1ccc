"""The commands by which a person decides over the extraction and the resolver: correct or reject a fact, merge
and split entities, review the resolver's unsure pairs, list the judgements, attach Wikidata ids. Each decision is
kept with who and when and survives re-ingestion."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from elitewatch.cli.common import DbOption, app, fails_cleanly, open_store, out, print_jsonl
from elitewatch.errors import InputError
from elitewatch.settings import DEFAULT_STORE

# The library is imported inside each command: the CLI starts without loading it (and `ingest` starts its fork
# server before the models are imported).


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
        print_jsonl(pairs)
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
        print_jsonl(made)
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

    from elitewatch.resolve.judgements import apply_judgements, set_external_id
    from elitewatch.resolve.linker import entities_named
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
