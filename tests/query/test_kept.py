"""A corpus-wide read model is built once per store generation and again when the store changes."""

from __future__ import annotations

from elitewatch.query.kept import kept
from elitewatch.store import connect
from elitewatch.store.db import transaction


def test_built_once_per_generation_and_again_after_a_change(new_store) -> None:  # type: ignore[no-untyped-def]
    conn = connect(new_store("k.db"))
    builds: list[int] = []

    def build(_: object) -> int:
        builds.append(1)
        return len(builds)

    assert kept(conn, "test", build) == 1 and kept(conn, "test", build) == 1
    with transaction(conn):
        conn.execute(
            "INSERT INTO judgements (kind, type, a, b, created_at) VALUES ('merge', 'person', 'A', 'B', 'now')"
        )
    assert kept(conn, "test", build) == 2
    memory = connect(":memory:")
    assert kept(memory, "test", build) == 3 and kept(memory, "test", build) == 4  # nothing tells it apart
