"""Reading stops at what --max-chars can need: standard input, files, lines of records, encoding detection."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elitewatch.ingest import InputStream, read_inputs
from elitewatch.ingest import encoding as encoding_module
from elitewatch.ingest.encoding import SCORE_SAMPLE, decode
from elitewatch.ingest.files import Rewound, bounded_lines
from elitewatch.ingest.readers import html_bytes, record_bytes, text_bytes


class Source:
    """A byte stream of `size` bytes made on demand (never held), counting what was read of it."""

    def __init__(self, size: int, first: bytes = b"", fill: bytes = b"a") -> None:
        self.size = size
        self.first = first
        self.fill = fill
        self.position = 0

    def _piece(self, size: int) -> bytes:
        size = self.size - self.position if size < 0 else min(size, self.size - self.position)
        start = self.position
        self.position += size
        head = self.first[start : start + size]
        return head + self.fill * (size - len(head))

    def read(self, size: int = -1, /) -> bytes:
        return self._piece(size)

    def readline(self, size: int = -1, /) -> bytes:
        return self._piece(size)  # one endless line


class Lines:
    """JSON Lines on a stream, made on demand, counting the lines handed out."""

    def __init__(self, count: int) -> None:
        self.lines = (json.dumps({"id": f"r{n}", "text": f"Record number {n}."}).encode() + b"\n" for n in range(count))
        self.buffer = b""
        self.given = 0

    def _fill(self, size: int) -> None:
        while (size < 0 or len(self.buffer) < size) and (line := next(self.lines, None)) is not None:
            self.buffer += line
            self.given += 1

    def read(self, size: int = -1, /) -> bytes:
        self._fill(size)
        piece, self.buffer = (self.buffer, b"") if size < 0 else (self.buffer[:size], self.buffer[size:])
        return piece

    def readline(self, size: int = -1, /) -> bytes:
        if b"\n" not in self.buffer:
            self._fill(len(self.buffer) + 1)
        end = self.buffer.find(b"\n") + 1 or len(self.buffer)
        end = end if size < 0 else min(end, size)
        piece, self.buffer = self.buffer[:end], self.buffer[end:]
        return piece


def test_standard_input_is_read_only_up_to_what_the_limit_can_need() -> None:
    stdin = Source(50_000_000)
    result = read_inputs(["-"], max_chars=1000, stdin=stdin)
    assert result.documents == []
    assert result.refused == [("<stdin>", "over the limit of 1,000 characters")]
    assert stdin.position <= text_bytes(1000) + 1  # 4,005 bytes of 50 MB: the rest is never read


def test_standard_input_within_the_limit_is_read_whole() -> None:
    text = "Токаев встретился с Путиным в Москве. " * 20
    data = text.encode("cp1251")
    result = read_inputs(["-"], max_chars=len(text), stdin=Source(len(data), first=data))
    assert [d.text for d in result.documents] == [text]


def test_records_on_standard_input_are_read_a_line_at_a_time() -> None:
    stdin = Lines(100_000)
    stream = InputStream(["-"], max_chars=100, stdin=stdin)
    documents = iter(stream)
    assert next(documents).id == "r0"
    assert stdin.given < 10_000  # the first record comes before the rest of the stream is read
    assert sum(1 for _ in documents) == 99_999  # far more than 100 characters in all: each record counts alone
    assert stream.refused == []


def test_a_file_over_the_bound_is_refused_by_its_size_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(50_000_000)  # sparse: no disk used
    tracemalloc.start()
    try:
        result = read_inputs([str(path)], max_chars=1000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.refused == [(str(path), "over the limit of 1,000 characters")]
    assert peak < 1_000_000


def test_a_text_at_the_bound_is_read_and_the_per_document_limit_still_applies(tmp_path: Path) -> None:
    exact = tmp_path / "exact.txt"
    exact.write_text("я" * 500, encoding="utf-8")  # 1,000 bytes, 500 characters
    over = tmp_path / "over.txt"
    over.write_text("я" * 501, encoding="utf-8")  # within the bytes of 500 characters, but 501 of them
    result = read_inputs([str(exact), str(over)], max_chars=500)
    assert [len(d.text) for d in result.documents] == [500]
    assert result.refused == [(str(over), "501 characters is over the limit of 500")]


def test_a_jsonl_file_larger_than_the_limit_gives_all_its_records_and_refuses_a_line_over_the_bound(
    tmp_path: Path,
) -> None:
    path = tmp_path / "batch.jsonl"
    huge = json.dumps({"id": "huge", "text": "word " * 2_000_000})  # 10 MB on one line
    records = [json.dumps({"id": f"r{n}", "text": f"Record {n} about Astana."}) for n in range(2000)]
    path.write_text("\n".join([records[0], huge, *records[1:]]) + "\n", encoding="utf-8")
    assert path.stat().st_size > text_bytes(1000) and len(huge) > record_bytes(1000)
    tracemalloc.start()
    try:
        stream = InputStream([str(path)], max_chars=1000)
        ids = [d.id for d in stream]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert ids == [f"r{n}" for n in range(2000)]
    assert stream.refused == [(f"{path}:2", "line 2 is over the limit of 1,000 characters (1,012,000 bytes)")]
    assert peak < 5_000_000  # the 10 MB line was never held whole


def test_a_record_within_the_line_bound_but_over_the_limit_is_refused_as_before(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "long", "text": "x" * 2000}) + "\n", encoding="utf-8")
    stream = InputStream([str(path)], max_chars=1000)
    assert list(stream) == []
    assert stream.refused == [(f"{path}:1", "2,000 characters is over the limit of 1,000")]


def test_a_jsonl_file_in_windows_1251_and_one_line_in_another_encoding(tmp_path: Path) -> None:
    path = tmp_path / "ru.jsonl"
    first = json.dumps({"id": "a", "text": "Президент Казахстана встретился с премьер-министром."}, ensure_ascii=False)
    second = json.dumps({"id": "b", "text": "Встреча прошла в Москве в понедельник."}, ensure_ascii=False)
    path.write_bytes(first.encode("cp1251") + b"\n" + second.encode("cp1251") + b"\n")
    [a, b] = read_inputs([str(path)], max_chars=1000).documents
    assert a.text.startswith("Президент") and b.text.startswith("Встреча")
    utf8 = tmp_path / "mixed.jsonl"
    utf8.write_bytes(first.encode() + b"\n" + second.encode("cp1251") + b"\n")  # one stray line
    assert [d.text[:7] for d in read_inputs([str(utf8)], max_chars=1000).documents] == ["Президе", "Встреча"]


def test_binary_and_empty_jsonl_files_are_refused_once(tmp_path: Path) -> None:
    (tmp_path / "binary.jsonl").write_bytes(b"\x00\x01\x02\n" * 1000)
    (tmp_path / "empty.jsonl").write_bytes(b"\xef\xbb\xbf\n\n  \n")
    result = read_inputs([str(tmp_path / "binary.jsonl"), str(tmp_path / "empty.jsonl")], max_chars=1000)
    assert result.refused == [
        (str(tmp_path / "binary.jsonl"), "binary content, not text"),
        (str(tmp_path / "empty.jsonl"), "empty input"),
    ]


def test_a_json_file_is_bounded_like_one_record(tmp_path: Path) -> None:
    path = tmp_path / "all.json"
    path.write_text(json.dumps([{"text": "word " * 1000} for _ in range(300)]), encoding="utf-8")
    result = read_inputs([str(path)], max_chars=100)
    [(source, reason)] = result.refused
    assert source == str(path) and reason.startswith("over the limit of 1,001,200 bytes for a .json file")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "cp866"])
def test_the_cyrillic_scoring_reads_a_sample_not_the_whole_text(encoding: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Президент Казахстана Касым-Жомарт Токаев встретился с Владимиром Путиным в Москве. " * 8000
    data = text.encode(encoding)
    assert len(data) > 10 * SCORE_SAMPLE
    scored: list[int] = []
    real_score = encoding_module._russian_score

    def score(sample: str) -> float:
        scored.append(len(sample))
        return real_score(sample)

    monkeypatch.setattr(encoding_module, "_russian_score", score)
    tracemalloc.start()
    try:
        decoded = decode(data, "ru.txt")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert decoded == text
    assert scored and max(scored) <= SCORE_SAMPLE
    assert peak < 4 * len(data)  # the decoded text (two bytes a Cyrillic character) and little more


def test_the_score_is_the_share_of_common_russian_letters_among_expected_characters() -> None:
    score = encoding_module._russian_score
    assert score("") == 0.0 and score("  123 !? ") == 0.0
    assert score("оеаин") == 1.0
    assert score("оеАИН") == pytest.approx(2 / 5)
    assert score("ab ин") == pytest.approx(2 / 4)  # ASCII is expected, but not a common Russian letter
    assert score("ин☺☺") == pytest.approx(2 / 4)  # symbols are not expected: the share of expected falls


def test_an_html_file_over_its_bound_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    with path.open("wb") as file:
        file.truncate(html_bytes(100) + 1)  # sparse
    assert read_inputs([str(path)], max_chars=100).refused == [
        (str(path), f"over the limit of {html_bytes(100):,} bytes for HTML")
    ]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=60).map(lambda b: b.replace(b"c", b"\n")), st.integers(0, 60), st.integers(1, 12))
def test_lines_read_past_a_bound_and_a_stream_read_again_from_its_head(data: bytes, cut: int, limit: int) -> None:
    import io

    stream = Rewound(data[:cut], io.BytesIO(data[cut:]))
    expected = [line if len(line.rstrip(b"\n")) <= limit else None for line in io.BytesIO(data)]
    assert list(bounded_lines(stream, limit)) == expected
