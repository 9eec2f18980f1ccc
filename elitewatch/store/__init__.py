"""The embedded SQLite store: migrations, transactions, writes of analysed documents."""

from elitewatch.store.db import batch, connect, transaction
from elitewatch.store.writer import WriteOutcome, replace_document, write_facts

__all__ = ["WriteOutcome", "batch", "connect", "replace_document", "transaction", "write_facts"]
