from __future__ import annotations

import json
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
        assert isinstance(analysis, pipeline.Analysis), analysis
        assert analysis.published_how.startswith("inferred"), name
        assert analysis.quotes and analysis.positions and analysis.events, name
        assert {e.type for e in analysis.entities} >= {"person", "place"}, name


def test_a_text_over_the_models_limit_is_analysed_in_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # spaCy refuses a text over nlp.max_length (E088); the limit and the piece size are lowered here so that a
    # short text crosses them, the mechanism being the same at 1,000,000 characters.
    from elitewatch.nlp import english
    from elitewatch.nlp import pipeline as routing

    monkeypatch.setattr(english.load(), "max_length", 3_000)
    monkeypatch.setattr(routing, "MAX_PIECE", 2_000)
    paragraphs = [f"Paragraph {n}: the minister of finance spoke to the committee about the budget." for n in range(130)]
    paragraphs.append('"We will not raise taxes," Finance Minister Ana Ortiz said on Monday.')
    text = "\n\n".join(paragraphs)
    assert len(text) > 3 * 3_000
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    conn = connect(tmp_path / "long.db")
    report = pipeline.ingest(conn, [str(tmp_path / "long.txt")], Settings(workers=1))
    assert report.added == ["long"] and not report.refused
    quotes = conn.execute("SELECT text, start FROM quotes").fetchall()
    assert [q["text"] for q in quotes] == ["We will not raise taxes"]
    assert quotes[0]["start"] > len(text) - 100  # offsets of a later piece point into the whole text


def test_a_document_that_fails_is_refused_by_name_and_the_others_are_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(f"Tokayev met Putin in Astana. Report {name}.", encoding="utf-8")
    from elitewatch.extract import events

    real = events.extract_events

    def failing(parsed, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "Report b." in parsed.doc.text:
            raise RuntimeError("a bug met on this text")
        return real(parsed, *args, **kwargs)

    monkeypatch.setattr(events, "extract_events", failing)
    report = pipeline.ingest(connect(tmp_path / "f.db"), [str(folder)], Settings(workers=1))
    assert sorted(report.added) == ["a", "c"]
    [(source, reason)] = report.refused
    assert source.endswith("b.txt") and "RuntimeError" in reason and "a bug met on this text" in reason


def test_a_document_that_cannot_be_stored_is_refused_and_undone_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from elitewatch.store import writer

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(f"Mishustin visited Minsk. Note {name}.", encoding="utf-8")
    real = writer._insert_quotes

    def failing(conn, analysis, local_ids):  # type: ignore[no-untyped-def]
        if analysis.parsed.doc.id == "b":
            raise ValueError("cannot bind this value")
        return real(conn, analysis, local_ids)

    monkeypatch.setattr(writer, "_insert_quotes", failing)
    conn = connect(tmp_path / "w.db")
    report = pipeline.ingest(conn, [str(folder)], Settings(workers=1))
    assert sorted(report.added) == ["a", "c"] and report.refused[0][0].endswith("b.txt")
    assert [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY id")] == ["a", "c"]
    assert conn.execute("SELECT COUNT(*) FROM doc_entities WHERE doc_id = 'b'").fetchone()[0] == 0


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_a_publication_date_at_the_calendars_ends_does_not_stop_the_run(tmp_path: Path, published: str) -> None:
    records = tmp_path / "ends.jsonl"
    text = "Next month the minister retires, Tokayev said yesterday. Last year he visited Moscow; next week, Minsk."
    records.write_text(
        json.dumps({"id": "end", "text": text, "published": published}) + "\n"
        + json.dumps({"id": "after", "text": "Mishustin visited Minsk on Monday."}) + "\n",
        encoding="utf-8",
    )
    conn = connect(tmp_path / "ends.db")
    report = pipeline.ingest(conn, [str(records)], Settings(workers=1))
    assert sorted(report.added) == ["after", "end"] and not report.refused


def test_text_in_a_script_no_model_reads_is_labelled_and_stored_without_facts(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "zh.txt").write_text("哈萨克斯坦总统托卡耶夫在阿斯塔纳会见了俄罗斯总统普京。双方讨论了合作问题。", encoding="utf-8")
    (folder / "ar.txt").write_text("قال الرئيس الكازاخستاني إن المحادثات مع روسيا كانت مثمرة.", encoding="utf-8")
    (folder / "en.txt").write_text("Tokayev met Putin in Astana on Monday.", encoding="utf-8")
    conn = connect(tmp_path / "s.db")
    report = pipeline.ingest(conn, [str(folder)], Settings(workers=1))
    assert sorted(report.added) == ["ar", "en", "zh"]
    assert sorted(report.unanalysed) == [("ar", "ar"), ("zh", "zh")]
    languages = dict(conn.execute("SELECT id, language FROM documents").fetchall())
    assert languages == {"ar": "ar", "en": "en", "zh": "zh"}
    assert conn.execute("SELECT COUNT(*) FROM doc_entities WHERE doc_id IN ('ar', 'zh')").fetchone()[0] == 0


def test_the_same_documents_in_any_order_give_the_same_entities(tmp_path: Path) -> None:
    texts = {
        "one": "Kassym-Jomart Tokayev met Vladimir Putin in Moscow.",
        "two": "Kassym-Zhomart Tokayev spoke in Astana about the economy.",
        "three": "President Tokayev and Putin signed an agreement.",
    }

    def entities(order: list[str], name: str) -> set[tuple[str, str, tuple[str, ...]]]:
        conn = connect(tmp_path / f"{name}.db")
        for doc_id in order:
            path = tmp_path / f"{doc_id}.txt"
            path.write_text(texts[doc_id], encoding="utf-8")
            pipeline.ingest(conn, [str(path)], Settings(workers=1))
        found = set()
        for row in conn.execute("SELECT id, type, name FROM entities"):
            aliases = tuple(sorted(r[0] for r in conn.execute("SELECT alias FROM aliases WHERE entity_id = ?", (row[0],))))
            found.add((row["type"], row["name"], aliases))
        return found

    forward = entities(["one", "two", "three"], "forward")
    assert forward == entities(["three", "two", "one"], "backward") == entities(["two", "three", "one"], "mixed")
    tokayev = [name for kind, name, aliases in forward if kind == "person" and "Tokayev" in name]
    assert len(tokayev) == 1  # both spellings are one person, whatever the order


def test_a_file_name_that_is_not_utf8_is_stored_once_under_a_printable_id(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as file:  # Latin-1 bytes in the name
        file.write(b"Tokayev met Putin in Astana on Monday.")
    conn = connect(tmp_path / "n.db")
    first = pipeline.ingest(conn, [str(folder)], Settings(workers=1))
    again = pipeline.ingest(conn, [str(folder)], Settings(workers=1))
    assert first.added == ["caf\\xe9"] and not first.refused
    assert again.unchanged == ["caf\\xe9"] and not again.added
    [(source,)] = conn.execute("SELECT source FROM documents").fetchall()
    assert source.endswith("caf\\xe9.txt") and source.encode("utf-8")
