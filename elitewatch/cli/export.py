"""`elitewatch export`: every fact on standard output, as JSON Lines (gold/FORMAT.md), FollowTheMoney entities or
one kind of fact as CSV."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from elitewatch.cli.common import DbOption, app, fails_cleanly, open_store
from elitewatch.dbapi import Connection
from elitewatch.errors import ElitewatchError
from elitewatch.settings import DEFAULT_STORE

# The library is imported inside each command: the CLI starts without loading it (and `ingest` starts its fork
# server before the models are imported).


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
