"""The command line: each command opens the store, calls one library function, prints the result.

Domain errors become one clear line on stderr and a non-zero exit code, never a traceback. One module per group of
commands, in the order `elitewatch --help` lists them:

- common.py      the Typer app, the shared options, the error wrapper, the store opened for a command
- ingest.py      ingest
- queries.py     entities, person, events, claims, quotes, search, summary
- analysis.py    intervals, network, echoes, contrasts, narratives
- export.py      export
- judgements.py  correct, reject, merge, split, review, judgements, ids
- serve.py       serve
- evaluate.py    eval, eval-names, eval-dates
"""

from __future__ import annotations

from elitewatch import __version__
from elitewatch.cli.common import app, open_store, out

# Importing a module registers its commands: `elitewatch --help` lists them in this order.
# isort: off
from elitewatch.cli import ingest, queries, analysis, export, judgements, serve, evaluate  # noqa: F401
# isort: on

__all__ = ["app", "main", "open_store"]


@app.command()
def version() -> None:
    """Print the version.

    Example: elitewatch version
    """
    out.print(__version__)


def main() -> None:
    app()
