"""The embedded SQLite store: migrations, writes of analysed documents, cross-document linking."""

from elitewatch.store.db import batch, connect, transaction
from elitewatch.store.writer import WriteOutcome, write_analysis

__all__ = ["WriteOutcome", "batch", "connect", "transaction", "write_analysis"]
