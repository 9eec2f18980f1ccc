"""Shared fixtures: the sample articles, ../shared when present, stores built once per session."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from elitewatch.pipeline import ingest
from elitewatch.settings import Settings
from elitewatch.store import connect

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpora sit beside the project only in CI and for developers")
    return path


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file with the sample articles ingested."""
    path = tmp_path_factory.mktemp("examples") / "examples.db"
    conn = connect(path)
    ingest(conn, [str(EXAMPLES)], Settings())
    conn.close()
    return path


@pytest.fixture(scope="session")
def examples_db(examples_store: Path) -> Iterator[sqlite3.Connection]:
    conn = connect(examples_store)
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file with the five seed articles ingested (skips without ../shared)."""
    seeds = shared_path("corpus", "seeds")
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    conn = connect(path)
    ingest(conn, [str(seeds)], Settings())
    conn.close()
    return path


@pytest.fixture(scope="session")
def seeds_db(seeds_store: Path) -> Iterator[sqlite3.Connection]:
    conn = connect(seeds_store)
    yield conn
    conn.close()


@pytest.fixture
def memory_db() -> Iterator[sqlite3.Connection]:
    conn = connect(":memory:")
    yield conn
    conn.close()
