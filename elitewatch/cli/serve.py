"""`elitewatch serve`: the web UI and HTTP API on a port of this machine."""

from __future__ import annotations

from typing import Annotated

import typer

from elitewatch.cli.common import DbOption, NarrativesOption, app, err, fails_cleanly
from elitewatch.settings import DEFAULT_STORE

# The library is imported inside each command: the CLI starts without loading it (and `ingest` starts its fork
# server before the models are imported).


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
