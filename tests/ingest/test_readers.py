from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from elitewatch.ingest import InputStream, read_inputs

LIMIT = 1_000_000


def read(*paths: Path | str, limit: int = LIMIT):  # type: ignore[no-untyped-def]
    return read_inputs([str(p) for p in paths], max_chars=limit)


def test_plain_text_with_front_matter_keeps_offsets(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("---\ntitle: A title\npublished: 2023-12-05\n---\nTokayev met Putin.\n", encoding="utf-8")
    result = read(path)
    [document] = result.documents
    assert document.id == "note"
    assert document.title == "A title"
    assert document.published == "2023-12-05"
    # Front matter is blanked, not cut: offsets are offsets in the file.
    assert document.text.index("Tokayev") == path.read_text(encoding="utf-8").index("Tokayev")


def test_sidecar_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text about Astana.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"outlet": "Example", "id": "custom"}), encoding="utf-8")
    [document] = read(tmp_path).documents
    assert (document.id, document.outlet) == ("custom", "Example")


def test_html_main_text_and_metadata() -> None:
    root = Path(__file__).resolve().parents[2] / "examples" / "articles" / "abayev-credentials.html"
    [document] = read(root).documents
    assert "credentials" in document.text
    assert "Home" not in document.text.split("\n")[0]
    assert document.title and "ambassador" in document.title
    assert document.published == "2023-12-06"


def test_jsonl_bad_line_is_reported_and_good_lines_go_in(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "one", "text": "First text."}) + "\n{broken\n" + json.dumps({"text": "Second."}) + "\n",
        encoding="utf-8",
    )
    result = read(path)
    assert [d.id for d in result.documents] == ["one", "batch-3"]
    [(source, reason)] = result.refused
    assert source.endswith("batch.jsonl:2") and "line 2" in reason


def test_bad_inputs_are_refused_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"%PDF-1.4\x00\x01\x02" * 20)
    result = read(tmp_path / "empty.txt", tmp_path / "binary.txt", tmp_path / "missing.txt")
    reasons = dict(result.refused)
    assert "empty" in reasons[str(tmp_path / "empty.txt")]
    assert "binary" in reasons[str(tmp_path / "binary.txt")]
    assert "no such file" in reasons[str(tmp_path / "missing.txt")]
    assert result.documents == []


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("cp1251"),
        lambda t: t.encode("koi8-r"),
        lambda t: t.encode("cp866"),
        lambda t: t.encode("utf-8-sig"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-be"),
    ],
    ids=["windows-1251", "koi8-r", "cp866", "utf-8 with BOM", "utf-16 LE with BOM", "utf-16 BE without BOM"],
)
def test_encodings_are_detected_and_decoded(tmp_path: Path, encode) -> None:  # type: ignore[no-untyped-def]
    text = "Президент Казахстана Касым-Жомарт Токаев встретился с Владимиром Путиным в Москве."
    (tmp_path / "ru.txt").write_bytes(encode(text))
    result = read(tmp_path / "ru.txt")
    if result.documents:
        assert result.documents[0].text == text
    else:  # UTF-16 without a BOM has NULs and is not guessed: it is refused, with the reason
        assert "binary" in result.refused[0][1]


def test_mixed_and_broken_encodings(tmp_path: Path) -> None:
    mixed = "Токаев сказал: ".encode() + "встреча прошла успешно".encode("cp1251")
    (tmp_path / "mixed.txt").write_bytes(mixed)
    (tmp_path / "bom-only.txt").write_bytes(b"\xef\xbb\xbf")
    (tmp_path / "odd-utf16.txt").write_bytes(b"\xff\xfe\x41")
    result = read(tmp_path / "mixed.txt", tmp_path / "bom-only.txt", tmp_path / "odd-utf16.txt")
    reasons = dict(result.refused)
    assert "empty" in reasons[str(tmp_path / "bom-only.txt")]
    assert "UTF-16" in reasons[str(tmp_path / "odd-utf16.txt")]
    [document] = result.documents  # mixed: decoded one way, never an exception
    assert "Токаев" in document.text or "встреча" in document.text


def test_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 100, encoding="utf-8")
    result = read(tmp_path / "big.txt", limit=50)
    assert result.documents == []
    assert "over the limit" in result.refused[0][1]


def test_stdin_plain_text_and_jsonl() -> None:
    plain = read_inputs(["-"], max_chars=LIMIT, stdin=io.BytesIO(b"Tokayev spoke in Astana."))
    assert plain.documents[0].id.startswith("stdin-")
    records = read_inputs(["-"], max_chars=LIMIT, stdin=io.BytesIO(b'{"id": "x", "text": "Hello there."}\n'))
    assert records.documents[0].id == "x"


def test_a_stream_reads_each_file_only_when_asked_and_counts_what_records_add(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Tokayev spoke in Astana.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("First version.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(
        "\n".join(json.dumps({"id": f"r{n}", "text": f"Record {n}."}) for n in range(3)) + "\nnot json\n",
        encoding="utf-8",
    )
    stream = InputStream([str(tmp_path)], max_chars=LIMIT)
    assert stream.expected == 3  # one per file until the records file is read
    documents = iter(stream)
    assert next(documents).id == "a"
    (tmp_path / "b.txt").write_text("Second version, written after the stream started.", encoding="utf-8")
    assert next(documents).text.startswith("Second version")  # read when asked, not up front
    assert [d.id for d in documents] == ["r0", "r1", "r2"]
    assert stream.expected == 6  # three records and one refused line instead of one file
    assert [source for source, _ in stream.refused] == [f"{tmp_path / 'c.jsonl'}:4"]
