"""The worker processes of `ingest --workers N`: forked from a server that holds the models.

Kept apart from the pipeline, with light imports only, so that the command line can start the server before
it imports the rest of elitewatch: the server's loading of the models (2 s) then overlaps that import and
the reading of the first documents instead of following them.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing import forkserver, get_context
from typing import Any

# Documents a worker process takes at a time: small, so that both cores stay busy to the end.
WORKER_CHUNK = 8
WORKER_NICENESS = 5
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def worth_workers(expected_documents: int, workers: int, chunk: int = WORKER_CHUNK) -> int:
    """How many worker processes `expected_documents` keep busy, at most `workers` (1: none, analyse here)."""
    return min(workers, max(1, expected_documents // chunk))


def fork_server() -> Any:
    """Workers are forked from a server process that loads the models once (elitewatch.preload): they
    start with the models in shared memory instead of each loading them. The server is a single-threaded
    process of its own, so forking it is safe where forking this one (threads, an open store) is not."""
    context = get_context("forkserver")
    context.set_forkserver_preload(["elitewatch.preload"])
    return context


def start_fork_server() -> None:
    """Start the fork server now (it loads the models while this process goes on); starting it again does
    nothing."""
    with one_thread_each():
        fork_server()
        forkserver.ensure_running()


def start_worker() -> None:
    """Workers run at a lower priority than the writer: with as many workers as cores, a writer that waits
    for a core falls behind and finishes the ingest alone after the last analysis. A worker whose ingest
    was killed exits at once instead of waiting forever to hand back its analyses."""
    os.nice(WORKER_NICENESS)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _exit_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])  # ready when the ingest process is gone
    os._exit(1)


@contextmanager
def one_thread_each() -> Iterator[None]:
    """Worker processes start with one math-library thread each: a process per core is the parallelism, and
    numpy's own threads on top of it (natasha runs on numpy) only fight over the same cores. The fork server
    the workers come from is started inside this, so it reads this before numpy starts."""
    saved = {name: os.environ.get(name) for name in THREAD_VARIABLES}
    os.environ.update(dict.fromkeys(THREAD_VARIABLES, "1"))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
