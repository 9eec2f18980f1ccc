"""The CLI as a whole, through Typer's runner: every command documented with an example, errors in one line."""

from __future__ import annotations

from pathlib import Path

from elitewatch.cli import app
from tests.cli.conftest import run


def test_every_command_has_an_example() -> None:
    for command in app.registered_commands:
        assert command.callback is not None
        assert "Example: elitewatch" in (command.callback.__doc__ or ""), command.name


def test_errors_are_one_line_with_non_zero_exit(tmp_path: Path) -> None:
    missing = run("person", "Nobody", "--db", str(tmp_path / "none.db"))
    assert missing.exit_code == 1
    assert missing.output.strip().count("\n") == 0 and "none.db" in missing.output
    refused = run("ingest", str(tmp_path / "nothing-here.txt"), "--db", str(tmp_path / "x.db"), "-q")
    assert refused.exit_code == 1 and "nothing-here.txt" in refused.output
    assert "Traceback" not in refused.output
