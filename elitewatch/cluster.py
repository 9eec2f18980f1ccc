"""Ingest past one machine: the analysis sent to the workers of a Dask cluster (`ingest --cluster ADDRESS`).

Dask distributed rather than Ray: elitewatch's work is plain Python functions over picklable documents, which
Dask's futures take as they are; a cluster is a scheduler and `dask worker` processes that pip installs with no
other service, on any machine with Python; and a worker that dies has its tasks run again elsewhere by the
scheduler itself. Each worker loads the models once, when it joins (the plugin below); the process that runs
`ingest` reads and skips what the store holds. Into an SQLite file it is the one writer, as with local workers;
into a PostgreSQL store each worker writes the documents it analysed itself (pipeline.analyse_and_store: a
transaction per document behind the store's writer lock, held only for the write), so that the store is fed
by as many writers as the cluster has workers and no analysis travels back. Imported only when a cluster is
asked for.
"""

from __future__ import annotations

import importlib
from typing import Any

from distributed import Client, Future
from distributed.diagnostics.plugin import WorkerPlugin

# How long to wait for a cluster's scheduler to answer before telling the user it cannot be reached.
CONNECT_TIMEOUT = 30
# How many times a task that failed is run again (a task whose worker died the scheduler runs again on
# another worker by itself, up to its `allowed-failures`, 3 by default).
RETRIES = 2


class ModelsOnEachWorker(WorkerPlugin):
    """Each worker of the cluster loads both models and makes the analysis ready once, when it joins
    (elitewatch.preload, as the fork server does), and keeps them for every task it runs."""

    name = "elitewatch-models"
    idempotent = True  # registered again by the next ingest: workers that have the models keep them

    def setup(self, worker: Any) -> None:
        importlib.import_module("elitewatch.preload")


def connect(address: str) -> Client:
    """A client of the cluster whose scheduler is at `address` (tcp://host:port), with the models loaded on
    each of its workers, now and on any worker that joins later."""
    client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    try:
        client.register_plugin(ModelsOnEachWorker())
    except BaseException:
        client.close()
        raise
    return client


def workers(client: Client) -> int:
    """How many workers the cluster has now (at least one, to keep work in flight while one joins)."""
    return max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))


def submit(client: Client, function: Any, *args: Any) -> Future:
    """`function(*args)` on a worker of the cluster."""
    return client.submit(function, *args, pure=False, retries=RETRIES)
