"""`elitewatch serve` in a real process: several server processes answer."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def test_serve_answers_from_several_processes(tmp_path: Path, examples_store: Path) -> None:
    db = tmp_path / "s.db"
    shutil.copy(examples_store, db)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "elitewatch.cli", "serve", "--db", str(db), "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        statuses: list[int] = []
        while time.monotonic() < deadline and len(statuses) < 10:
            try:
                statuses.append(httpx.get(f"http://127.0.0.1:{port}/index.json", timeout=5).status_code)
            except httpx.HTTPError:  # not listening yet
                time.sleep(0.2)
        assert statuses == [200] * 10
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output = server.communicate(timeout=30)[0].decode()
    assert "2 server processes" in output
