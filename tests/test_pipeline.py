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


def test_progress_counts_every_document_and_ends_complete(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Tokayev met Putin in Astana on Monday.", encoding="utf-8")
    (folder / "b.txt").write_text("", encoding="utf-8")  # refused: empty
    (folder / "c.jsonl").write_text(
        '{"id": "r1", "text": "Mishustin visited Minsk."}\n{"id": "r2", "text": "Lukashenko spoke."}\n',
        encoding="utf-8",
    )
    seen: list[tuple[int, int]] = []
    conn = connect(tmp_path / "p.db")
    report = pipeline.ingest(conn, [str(folder)], Settings(workers=1), progress=lambda d, t: seen.append((d, t)))
    assert sorted(report.added) == ["a", "r1", "r2"] and len(report.refused) == 1
    assert seen[0] == (0, 3) and seen[-1] == (4, 4)
    assert all(done <= total for done, total in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    again: list[tuple[int, int]] = []
    pipeline.ingest(conn, [str(folder)], Settings(workers=1), progress=lambda d, t: again.append((d, t)))
    assert again[-1] == (4, 4)  # unchanged documents count as handled


def test_the_warm_up_texts_run_every_extractor_in_both_languages() -> None:
    # The fork server analyses them before forking workers, so that no worker reads a lexicon or compiles a
    # pattern of its own: each text must reach dates, quotes, offices and events.
    from elitewatch.datafiles import DATA
    from elitewatch.model import Document

    texts = {path.name: path.read_text(encoding="utf-8") for path in (DATA / "warm_up").iterdir()}
    assert {"en.txt", "ru.txt"} <= set(texts)
    for name, text in texts.items():
        [analysis] = pipeline.analyse_documents([Document(id=name, text=text, source=name)], Settings(workers=1))
        assert analysis.published_how.startswith("inferred"), name
        assert analysis.quotes and analysis.positions and analysis.events, name
        assert {e.type for e in analysis.entities} >= {"person", "place"}, name
