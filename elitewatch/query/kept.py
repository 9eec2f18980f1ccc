"""Corpus-wide read models kept in the process while the store is unchanged (its generation, migration 007):
the shingles of echoes, the word counts of distinctive terms, which records tell one fact; and, by
`kept_each`, the most recently asked of many small ones (one person's profile).

`kept` builds a model again, in the request that finds the store changed; `kept_recent` gives the model of
an earlier generation at once and builds the new one in a thread of its own (one at a time, on a connection
of its own), for pages that would rather show a model a few seconds old than wait for it while an ingest
writes (each write is a new generation). Whoever keeps what it drew from them (web/kept.py keeps pages) asks
`noting_behind` which models were of an earlier generation, so as not to keep a page made with one."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypeVar

from elitewatch.dbapi import Connection
from elitewatch.store.db import connect, generation

T = TypeVar("T")
_kept: dict[str, tuple[tuple[str, int], Any]] = {}
_building: set[str] = set()
_each: dict[str, tuple[tuple[str, int], OrderedDict[Hashable, Any]]] = {}
_lock = threading.Lock()
# The models given from an earlier generation (or not yet) in the current context; a set, so that a request
# run in another thread (which gets a copy of the context) adds to the same one.
_behind: ContextVar[set[str] | None] = ContextVar("kept_behind", default=None)


@contextmanager
def noting_behind() -> Iterator[set[str]]:
    """Within: the names of the models `kept_recent` and `kept_ready` gave from an earlier generation of the
    store, or not at all while their first is built, are added to the set given."""
    behind: set[str] = set()
    token = _behind.set(behind)
    try:
        yield behind
    finally:
        _behind.reset(token)


def _note_behind(name: str) -> None:
    behind = _behind.get()
    if behind is not None:
        behind.add(name)


def kept(conn: Connection, name: str, build: Callable[[Connection], T]) -> T:
    """`build(conn)`, made once per store generation for each `name` (one store at a time: an older
    generation is never asked for again); a store in memory is built each time."""
    version = generation(conn)
    found = _kept.get(name)
    if version is not None and found is not None and found[0] == version:
        value: T = found[1]
        return value
    value = build(conn)
    if version is not None:
        _kept[name] = (version, value)
    return value


def kept_each(conn: Connection, name: str, key: Hashable, build: Callable[[Connection], T], *, size: int) -> T:
    """`build(conn)` for one `key` of many (an entity's id), kept for this store generation: the `size` asked
    for most recently. One made with a model of an earlier generation (kept_recent) is given, and noted as
    behind for whoever keeps pages, but not kept: it would be older than its generation says."""
    version = generation(conn)
    with _lock:
        found = _each.get(name)
        if version is not None and found is not None and found[0] == version and key in found[1]:
            found[1].move_to_end(key)
            value: T = found[1][key]
            return value
    with noting_behind() as behind:
        value = build(conn)
    for model in behind:
        _note_behind(model)
    if version is None or behind:
        return value
    with _lock:
        found = _each.get(name)
        if found is None or found[0] != version:
            if found is not None and found[0][0] == version[0] and found[0][1] > version[1]:
                return value  # a request that began later keeps a newer generation's: not replaced by an older
            found = _each[name] = (version, OrderedDict())
        found[1][key] = value
        while len(found[1]) > size:
            found[1].popitem(last=False)
    return value


def kept_recent(conn: Connection, name: str, build: Callable[[Connection], T]) -> T:
    """`build(conn)` of this generation if it is kept; else the one kept of an earlier generation of the same
    store, while this generation's is built in the background; built here only the first time."""
    version = generation(conn)
    found = _kept.get(name)
    if version is None or found is None or found[0][0] != version[0] or not Path(version[0]).is_file():
        return kept(conn, name, build)  # the first time, or a store the thread could not open again by name
    if found[0] != version:
        _build_behind(name, version, build)
        _note_behind(name)
    value: T = found[1]
    return value


def kept_ready(conn: Connection, name: str, build: Callable[[Connection], T]) -> T | None:
    """What `kept_recent` gives, but never built in the request: None until a first one is ready (it is then
    being built in the background), for a part of a page that can wait for the next visit. A store that
    cannot be opened again by its file name (a server, a store in memory) is built here, as by `kept`."""
    version = generation(conn)
    if version is None or not Path(version[0]).is_file():
        return kept(conn, name, build)
    found = _kept.get(name)
    if found is None or found[0][0] != version[0]:
        _build_behind(name, version, build)
        _note_behind(name)
        return None
    return kept_recent(conn, name, build)


def being_built() -> frozenset[str]:
    """The names of the models being built in the background now (a bench waits for them, as a server that has
    run a while has them)."""
    with _lock:
        return frozenset(_building)


def _build_behind(name: str, version: tuple[str, int], build: Callable[[Connection], Any]) -> None:
    with _lock:
        if name in _building:
            return
        _building.add(name)

    def run() -> None:
        try:
            conn = connect(version[0], readonly=True)
            try:
                now = generation(conn)
                value = build(conn)
            finally:
                conn.close()
            found = _kept.get(name)
            if now is not None and (found is None or found[0][0] != now[0] or found[0][1] < now[1]):
                _kept[name] = (now, value)
        except Exception:  # a store gone or changed meanwhile: the next request builds it again
            pass
        finally:
            with _lock:
                _building.discard(name)

    threading.Thread(target=run, name=f"kept-{name}", daemon=True).start()
