"""Answers kept while the store is unchanged: for the corpus-wide pages, which read the whole store and
change only when it does (the store's generation, migration 007, counts those changes).

A kept answer is handed out as a new copy (kept pickled: unpickling 300 events takes 1 ms where copy.deepcopy
took 13), so callers may change what they get.
"""

from __future__ import annotations

import pickle
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import wraps
from typing import Any, TypeVar

R = TypeVar("R")

# Answers kept per process: a few hundred corpus-wide answers (filters and pages of them) of a few kB each.
KEPT = 256

_kept: OrderedDict[Hashable, bytes] = OrderedDict()
_lock = threading.Lock()


def generation(conn: sqlite3.Connection) -> tuple[str, int] | None:
    """Which store this is (its file) and how many changes it has seen, read in the connection's snapshot;
    None for a store in memory (nothing tells two of them apart) or one without a generation."""
    where = str(conn.execute("PRAGMA database_list").fetchone()[2] or "")
    try:
        row = conn.execute("SELECT value FROM store_generation WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # a store from before migration 007, opened read-only
        return None
    return (where, int(row[0])) if where and row else None


def while_unchanged(function: Callable[..., R]) -> Callable[..., R]:
    """Keep `function(conn, *args, **kwargs)`'s answer for as long as the store's generation stays the same."""

    @wraps(function)
    def kept(conn: sqlite3.Connection, *args: Any, **kwargs: Any) -> R:
        now = generation(conn)
        if now is None:
            return function(conn, *args, **kwargs)
        key = (function.__module__, function.__qualname__, now, args, tuple(sorted(kwargs.items())))
        with _lock:
            if key in _kept:
                _kept.move_to_end(key)
                return pickle.loads(_kept[key])
        answer = function(conn, *args, **kwargs)
        with _lock:
            _kept[key] = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
            while len(_kept) > KEPT:
                _kept.popitem(last=False)
        return answer

    return kept


def forget() -> None:
    """Drop every kept answer (tests; a process that wants its memory back)."""
    with _lock:
        _kept.clear()
