"""`elitewatch ingest`: read articles from files, folders, web addresses, feeds or standard input into the store,
then report what was stored, refused and skipped."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from elitewatch.cli.common import DbOption, app, err, fails_cleanly, open_store, out, progress
from elitewatch.errors import InputError
from elitewatch.settings import DEFAULT_MAX_CHARS, DEFAULT_STORE, Settings

if TYPE_CHECKING:
    from elitewatch.pipeline import IngestReport

# The library is imported inside each command: the CLI starts without loading it (and `ingest` starts its fork
# server before the models are imported).


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

    with open_store(db) as conn, progress(enabled=not quiet) as update:
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
