from __future__ import annotations

from pathlib import Path

import pytest

from elitewatch import pipeline
from elitewatch.query import export_records
from elitewatch.settings import Settings
from elitewatch.store import connect
from tests.conftest import EXAMPLES


def facts(path: Path) -> list[tuple[object, ...]]:
    """Every exported record less its store ids, in a stable order."""
    conn = connect(path)
    records = []
    for record in export_records(conn):
        records.append(
            tuple(
                sorted(
                    (k, str(v))
                    for k, v in record.items()
                    if k not in ("id", "person", "org", "speaker", "participants", "place", "ingested_at")
                )
            )
        )
    conn.close()
    return sorted(records)


def test_worker_processes_give_what_one_process_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "WORKER_CHUNK", 2)  # six sample articles: three chunks for two processes
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    report = pipeline.ingest(connect(one), [str(EXAMPLES)], Settings(workers=1))
    parallel = pipeline.ingest(connect(two), [str(EXAMPLES)], Settings(workers=2))
    assert sorted(report.added) == sorted(parallel.added) and len(report.added) >= 6
    assert facts(one) == facts(two)
