"""Settings passed explicitly; defaults live here and nowhere else."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB = Path("elitewatch.db")
# `--db` and ELITEWATCH_DB: an SQLite file (this one by default) or a PostgreSQL server, postgresql://user@host/db.
DEFAULT_STORE = str(DEFAULT_DB)

# 5 MB of text: the largest single article in our corpora is under 100 kB; a larger
# "document" is nearly always a dump that should be split before ingesting.
DEFAULT_MAX_CHARS = 5_000_000

# spaCy batch size for nlp.pipe: 16 articles keep memory flat and the 2 cores busy.
DEFAULT_BATCH_SIZE = 16


# Worker processes for the NLP pass: one by default in the library (no process start-up for a handful of
# documents, and tests stay deterministic); the CLI asks for one per core. Workers come from a fork server, so a script
# that asks for more than one must guard its entry point with `if __name__ == "__main__":`.
DEFAULT_WORKERS = 1


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True)
class Settings:
    max_chars: int = DEFAULT_MAX_CHARS
    batch_size: int = DEFAULT_BATCH_SIZE
    workers: int = DEFAULT_WORKERS
    # A Dask scheduler's address (tcp://host:port): the analysis runs on that cluster's workers instead.
    cluster: str | None = None
    # Web inputs: refuse private, loopback and link-local addresses unless allowed; time and size limits.
    allow_private: bool = False
    timeout: float = 20.0
    max_download: int = 10_000_000
