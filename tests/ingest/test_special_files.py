"""FIFOs, devices and symbolic link loops: refused with what they are when named, passed over inside folders,
and never waited on."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from elitewatch.ingest import InputStream, read_inputs
from elitewatch.ingest.readers import ReadResult, read_file


def test_special_files_named_as_inputs_are_refused_with_what_they_are(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "sock.txt"))
        names = ["pipe.txt", "loop.txt", "dangling.txt", "sock.txt", "missing.txt"]
        result = read_inputs([*(str(tmp_path / name) for name in names), "/dev/zero"], max_chars=1000)
    assert result.documents == []
    assert dict(result.refused) == {
        str(tmp_path / "pipe.txt"): "not a regular file (a FIFO)",
        str(tmp_path / "loop.txt"): "a symbolic link loop",
        str(tmp_path / "dangling.txt"): "a symbolic link to nothing",
        str(tmp_path / "sock.txt"): "not a regular file (a socket)",
        str(tmp_path / "missing.txt"): "no such file or folder",
        "/dev/zero": "not a regular file (a character device)",
    }


def test_inside_a_folder_special_entries_are_skipped_with_a_warning_and_loops_do_not_hang(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Tokayev spoke in Astana.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a link back up: a walk that followed it would never end
    (tmp_path / "sub" / "b.md").write_text("Putin met Tokayev.", encoding="utf-8")
    (tmp_path / "sub" / "zero.txt").symlink_to("/dev/zero")
    stream = InputStream([str(tmp_path)], max_chars=1000)
    assert [d.id for d in stream] == ["a", "b"]
    assert stream.refused == []
    assert stream.warnings == [
        (str(tmp_path / "loop.txt"), "skipped: a symbolic link loop"),
        (str(tmp_path / "pipe.txt"), "skipped: not a regular file (a FIFO)"),
        (str(tmp_path / "sub" / "zero.txt"), "skipped: not a regular file (a character device)"),
    ]


def finishes_without_a_writer(work: Callable[[], object], fifo: Path) -> None:
    """Runs `work` in a thread; if it waits on the FIFO, a writer that comes and goes releases it, and fails."""
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(timeout=5)
    if thread.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(timeout=5)
        pytest.fail("opening the FIFO waited for a writer")


def test_a_file_that_became_a_fifo_after_listing_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    result = ReadResult()
    finishes_without_a_writer(lambda: list(read_file(fifo, result, max_chars=1000)), fifo)
    assert result.refused == [(str(fifo), "not a regular file (a FIFO)")]


def test_a_sidecar_that_is_a_fifo_refuses_its_document_without_waiting(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Tokayev spoke in Astana.", encoding="utf-8")
    os.mkfifo(tmp_path / "a.meta.json")
    results: list[ReadResult] = []
    finishes_without_a_writer(
        lambda: results.append(read_inputs([str(tmp_path / "a.txt")], max_chars=1000)), tmp_path / "a.meta.json"
    )
    assert results[0].refused == [(str(tmp_path / "a.txt"), "sidecar a.meta.json: not a regular file (a FIFO)")]
