"""Shared fixtures: the sample articles, ../shared when present, stores built once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from elitewatch.dbapi import Connection
from elitewatch.pipeline import ingest
from elitewatch.settings import Settings
from elitewatch.store import connect
from tests import pg

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpora sit beside the project only in CI and for developers")
    return path


# The tests that run on both backends (those of the store, the queries and the web UI that ask for a store);
# the browser's drive the same pages, on SQLite only.
BOTH = ("store", "query", "web")
SQLITE_ONLY = {"test_browser.py", "test_live.py"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: a test of what only an SQLite file does (WAL, folders)")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        path = metafunc.definition.path
        both = path.parent.name in BOTH and path.parent.parent.name == "tests" and path.name not in SQLITE_ONLY
        both = both and metafunc.definition.get_closest_marker("sqlite_only") is None
        metafunc.parametrize("backend", pg.BACKENDS if both else ["sqlite"], indirect=True, scope="session")


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    """"sqlite" or "postgresql": the database a test's stores are made in (pg.new_store)."""
    kind = str(getattr(request, "param", "sqlite"))
    if kind == "postgresql":
        request.getfixturevalue("postgres_cluster")
    return kind


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[pg.Cluster]:
    """The session's one PostgreSQL cluster, started when a test first asks for it and stopped at the end."""
    cluster = pg.start()
    if isinstance(cluster, str):
        if pg.REQUIRE:
            pytest.fail(f"ELITEWATCH_REQUIRE_POSTGRES=1 but {cluster}")
        pytest.skip(cluster)
    yield cluster
    pg.stop()


@pytest.fixture
def new_store(backend: str, tmp_path: Path) -> Iterator[object]:
    """new_store("name.db"): a new, empty store for this test, a file in tmp_path or a database."""
    yield lambda name="store.db": pg.new_store(backend, tmp_path / name)


@pytest.fixture(scope="session")
def examples_store(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Path | str:
    """A store (a database file, or a PostgreSQL database) with the sample articles ingested."""
    store = pg.new_store(backend, tmp_path_factory.mktemp("examples") / "examples.db")
    conn = connect(store)
    ingest(conn, [str(EXAMPLES)], Settings())
    conn.close()
    return pg.kept_store(store)


@pytest.fixture(scope="session")
def examples_db(examples_store: Path) -> Iterator[Connection]:
    conn = connect(examples_store)
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def seeds_store(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Path | str:
    """A store with the five seed articles ingested (skips without ../shared)."""
    seeds = shared_path("corpus", "seeds")
    store = pg.new_store(backend, tmp_path_factory.mktemp("seeds") / "seeds.db")
    conn = connect(store)
    ingest(conn, [str(seeds)], Settings())
    conn.close()
    return pg.kept_store(store)


@pytest.fixture(scope="session")
def seeds_db(seeds_store: Path) -> Iterator[Connection]:
    conn = connect(seeds_store)
    yield conn
    conn.close()


@pytest.fixture
def memory_db() -> Iterator[Connection]:
    conn = connect(":memory:")
    yield conn
    conn.close()
