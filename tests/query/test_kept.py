"""A corpus-wide read model is built once per store generation and again when the store changes."""

from __future__ import annotations

from pathlib import Path

from elitewatch.query.kept import kept, kept_ready, kept_recent
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


def test_a_recent_model_is_given_at_once_while_the_new_one_is_built(tmp_path: Path) -> None:
    import threading

    conn = connect(tmp_path / "r.db")
    release = threading.Event()
    builds: list[int] = []

    def build(_: object) -> int:
        if builds:  # the second build waits until the test lets it finish
            assert release.wait(10)
        builds.append(1)
        return len(builds)

    assert kept_recent(conn, "recent", build) == 1  # the first is built here
    with transaction(conn):
        conn.execute(
            "INSERT INTO judgements (kind, type, a, b, created_at) VALUES ('merge', 'person', 'A', 'B', 'now')"
        )
    assert kept_recent(conn, "recent", build) == 1  # at once: the earlier one, the new one building behind
    assert kept_recent(conn, "recent", build) == 1  # and only one build at a time
    release.set()
    for _ in range(100):
        if kept_recent(conn, "recent", build) == 2:
            break
        threading.Event().wait(0.05)
    assert kept_recent(conn, "recent", build) == 2 and len(builds) == 2


def test_a_ready_model_is_never_built_in_the_request(tmp_path: Path) -> None:
    import threading

    conn = connect(tmp_path / "ready.db")
    built = threading.Event()

    def build(_: object) -> str:
        built.set()
        return "model"

    assert kept_ready(conn, "ready", build) is None  # nothing yet: built behind
    assert built.wait(10)
    for _ in range(100):
        if kept_ready(conn, "ready", build) == "model":
            break
        threading.Event().wait(0.05)
    assert kept_ready(conn, "ready", build) == "model"
    assert kept_ready(connect(":memory:"), "ready", build) == "model"  # a store in memory: built here


def test_each_of_many_is_kept_per_generation_the_most_recent_only_and_never_one_made_behind(tmp_path: Path) -> None:
    from elitewatch.query.kept import _note_behind, kept_each

    conn = connect(tmp_path / "e.db")
    builds: list[str] = []

    def build(key: str, *, behind: bool = False):  # type: ignore[no-untyped-def]
        def make(_: object) -> str:
            builds.append(key)
            if behind:
                _note_behind("a model")
            return f"{key}{len(builds)}"

        return make

    assert kept_each(conn, "each", "a", build("a"), size=2) == "a1"
    assert kept_each(conn, "each", "a", build("a"), size=2) == "a1"  # kept
    assert kept_each(conn, "each", "b", build("b"), size=2) == "b2"
    assert kept_each(conn, "each", "c", build("c"), size=2) == "c3"  # "a" is the one let go
    assert kept_each(conn, "each", "b", build("b"), size=2) == "b2"
    assert kept_each(conn, "each", "a", build("a"), size=2) == "a4"
    with transaction(conn):
        conn.execute(
            "INSERT INTO judgements (kind, type, a, b, created_at) VALUES ('merge', 'person', 'A', 'B', 'now')"
        )
    assert kept_each(conn, "each", "a", build("a"), size=2) == "a5"  # the store changed
    assert kept_each(conn, "each", "d", build("d", behind=True), size=2) == "d6"
    assert kept_each(conn, "each", "d", build("d"), size=2) == "d7"  # made with an older model: not kept
