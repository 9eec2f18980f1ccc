"""Corpus-wide read models kept in the process while the store is unchanged (its generation, migration 007):
the shingles of echoes, the word counts of distinctive terms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from elitewatch.dbapi import Connection
from elitewatch.store.db import generation

T = TypeVar("T")
_kept: dict[str, tuple[tuple[str, int], Any]] = {}


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
