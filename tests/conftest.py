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
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    conn = connect(tmp_path_factory.mktemp("examples") / "examples.db")
    ingest(conn, [str(EXAMPLES)], Settings())
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    seeds = shared_path("corpus", "seeds")
    conn = connect(tmp_path_factory.mktemp("seeds") / "seeds.db")
    ingest(conn, [str(seeds)], Settings())
    yield conn
    conn.close()


@pytest.fixture
def memory_db() -> Iterator[sqlite3.Connection]:
    conn = connect(":memory:")
    yield conn
    conn.close()
