"""The CLI's tests: a runner, and the sample articles ingested once through `elitewatch ingest`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from elitewatch.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


@pytest.fixture(scope="session")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    result = run("ingest", str(EXAMPLES), "--db", str(path), "-q")
    assert result.exit_code == 0, result.output
    assert "ingested 6" in result.output
    return path
