"""What every command shares: the Typer app, the consoles, the store option, the error wrapper that turns a
domain error into one line on stderr and an exit code, the store opened for a command, the progress bar.

Domain errors become one clear line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from elitewatch.dbapi import Connection, is_url
from elitewatch.errors import ElitewatchError, InputError

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
    # imported here, not at the top: `ingest` starts its fork server before the store and the models load
    from elitewatch.store import connect
    from elitewatch.store.db import prepare

    if readonly and (is_url(db) or (Path(db).exists() and os.access(Path(db).parent, os.W_OK))):
        prepare(db)
    conn = connect(db, readonly=readonly)
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def progress(*, enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on a terminal's stderr, updated with (done, total); None elsewhere."""
    if not enabled or not err.is_terminal:
        yield None
        return
    columns = (TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("ingest", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


NarrativesOption = Annotated[
    Path | None, typer.Option("--narratives", help="A folder of your own watch-lists (.yaml); else the starter list.")
]


def check_day(*values: str | None) -> None:
    """Refuse a date option not written 2023, 2023-12 or 2023-12-04."""
    for value in values:
        if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise InputError("dates are written 2023, 2023-12 or 2023-12-04", source=value)


def check_event_type(*values: str | None) -> None:
    """Refuse an event type the extractors do not make."""
    from elitewatch.extract.events import EVENT_TYPES  # here, not at the top: the CLI starts without the extractors

    for value in values:
        if value is not None and value not in EVENT_TYPES:
            raise InputError(f"unknown event type; use one of {', '.join(EVENT_TYPES)}", source=value)


def print_jsonl(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
