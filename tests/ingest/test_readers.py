from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from elitewatch.ingest import InputStream, read_inputs
from tests.helpers import analyse_text

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


def test_a_plain_text_is_titled_by_its_first_line_when_nothing_else_titles_it(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Astana hosts a summit\n\nLeaders met in Astana on Monday.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Summit notes #\n\nLeaders met in Astana.\n", encoding="utf-8")
    (tmp_path / "named.txt").write_text("A first line\n\nMore text.\n", encoding="utf-8")
    (tmp_path / "named.meta.json").write_text(json.dumps({"title": "The sidecar's title"}), encoding="utf-8")
    (tmp_path / "one-line.txt").write_text("Leaders met in Astana.\n", encoding="utf-8")
    (tmp_path / "long.txt").write_text("Leaders met " * 30 + "\nin Astana.\n", encoding="utf-8")
    titles = {document.id: document.title for document in read(tmp_path).documents}
    assert titles == {
        "story": "Astana hosts a summit",
        "notes": "Summit notes",
        "named": "The sidecar's title",
        "one-line": None,  # the only line is the text, not a title of it
        "long": None,  # a first line of 360 characters is a paragraph
    }


def test_html_main_text_and_metadata() -> None:
    root = Path(__file__).resolve().parents[2] / "examples" / "articles" / "abayev-credentials.html"
    [document] = read(root).documents
    assert "credentials" in document.text
    assert "Home" not in document.text.split("\n")[0]
    assert document.title and "ambassador" in document.title
    assert document.published == "2023-12-06"


HEADLINED_PAGE = (
    "<html><head><title>Talks in Minsk</title></head><body><article>"
    "<h1>Talks in Minsk without a full stop</h1>"
    "<p>Shavkat Mirziyoyev welcomed his guest in Minsk on Monday and spoke of trade between<br>the two countries.</p>"
    "<ul><li>Trade grew by a tenth last year</li><li>Two new agreements were signed</li></ul>"
    "<p>The next round of talks is planned for the autumn in Tashkent, the host said at the end.</p>"
    "</article></body></html>"
)


def test_html_blocks_are_paragraphs_of_their_own(tmp_path: Path) -> None:
    """A headline, each paragraph and each list item is a paragraph (a blank line between them), so that a
    headline without a full stop is not read into the sentence after it; a <br> inside a block stays one line."""
    (tmp_path / "page.html").write_text(HEADLINED_PAGE, encoding="utf-8")
    [document] = read(tmp_path / "page.html").documents
    paragraphs = document.text.split("\n\n")
    assert paragraphs[0] == "Talks in Minsk without a full stop"
    assert paragraphs[1].startswith("Shavkat Mirziyoyev") and "between\nthe two" in paragraphs[1]
    assert paragraphs[2:4] == ["- Trade grew by a tenth last year", "- Two new agreements were signed"]
    analysis = analyse_text(document.text)
    sentences = [document.text[s.start : s.end].strip() for s in analysis.parsed.sentences]
    assert sentences[0] == "Talks in Minsk without a full stop"


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


# metadata ---------------------------------------------------------------------------------------------


def test_a_sidecar_that_is_not_a_json_object_refuses_its_document(tmp_path: Path) -> None:
    for name, sidecar in [("list", "[1, 2]"), ("text", '"2024-01-01"'), ("null", "null")]:
        (tmp_path / f"{name}.txt").write_text("Tokayev spoke in Astana.", encoding="utf-8")
        (tmp_path / f"{name}.meta.json").write_text(sidecar, encoding="utf-8")
    (tmp_path / "fine.txt").write_text("Putin spoke in Moscow.", encoding="utf-8")
    (tmp_path / "fine.meta.json").write_text('{"outlet": "Example"}', encoding="utf-8")
    result = read(tmp_path)
    assert [(d.id, d.outlet) for d in result.documents] == [("fine", "Example")]
    assert dict(result.refused) == {
        str(tmp_path / "list.txt"): "sidecar list.meta.json is not a JSON object (it holds a list)",
        str(tmp_path / "null.txt"): "sidecar null.meta.json is not a JSON object (it holds null)",
        str(tmp_path / "text.txt"): "sidecar text.meta.json is not a JSON object (it holds a string)",
    }


BAD_DATES = ["2024-13-45", "yesterday", "99999-01-01", "2023-02-29", "0000-00-00", "2024-001-05", "05.02.2024"]


@pytest.mark.parametrize("bad", BAD_DATES)
def test_a_publication_date_that_is_not_a_date_is_left_out_with_a_warning(tmp_path: Path, bad: str) -> None:
    (tmp_path / "front.md").write_text(f"---\npublished: {bad}\n---\nTokayev spoke in Astana.\n", encoding="utf-8")
    (tmp_path / "side.txt").write_text("Tokayev spoke in Astana.", encoding="utf-8")
    (tmp_path / "side.meta.json").write_text(json.dumps({"published": bad}), encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Talks</title></head><body><article><p>"
        + "Kazakh President Kassym-Jomart Tokayev met Russian President Vladimir Putin in Moscow. " * 5
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "page.meta.json").write_text(json.dumps({"published": bad}), encoding="utf-8")
    (tmp_path / "records.jsonl").write_text(
        json.dumps({"id": "rec", "text": "Tokayev spoke.", "published": bad}) + "\n", encoding="utf-8"
    )
    stream = InputStream([str(tmp_path)], max_chars=LIMIT)
    documents = list(stream)
    assert sorted(d.id for d in documents) == ["front", "page", "rec", "side"]  # every document still goes in
    assert all(d.published is None for d in documents)
    assert stream.refused == []
    sources = [str(tmp_path / name) for name in ("front.md", "page.html", "records.jsonl:1", "side.txt")]
    assert [source for source, _ in stream.warnings] == sources
    for _, message in stream.warnings:
        assert message == f"publication date {bad!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD): left out"


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("2024", "2024"),
        ("2024-02", "2024-02"),
        ("2024-02-29", "2024-02-29"),
        ("2024-2-5", "2024-02-05"),  # YAML reads it as a date too
        ("2024-02-05T10:30:00+03:00", "2024-02-05"),  # the date as written, not moved to UTC
        ("2024-02-05T23:30:00Z", "2024-02-05"),
        ("2024-02-05 10:30", "2024-02-05"),
    ],
)
def test_iso_dates_and_datetimes_are_kept_as_dates(tmp_path: Path, written: str, kept: str) -> None:
    (tmp_path / "front.md").write_text(f"---\npublished: {written}\n---\nTokayev spoke.\n", encoding="utf-8")
    (tmp_path / "records.jsonl").write_text(
        json.dumps({"id": "rec", "text": "Tokayev spoke.", "published": written}) + "\n", encoding="utf-8"
    )
    stream = InputStream([str(tmp_path)], max_chars=LIMIT)
    assert [d.published for d in stream] == [kept, kept]
    assert stream.warnings == [] and stream.refused == []


def test_a_feed_date_that_is_not_a_date_is_left_out_with_a_warning() -> None:
    from elitewatch.ingest.readers import ReadResult, read_url

    class Pages:
        def get(self, url: str) -> tuple[str, str, bytes]:
            return url, "text/plain", b"Tokayev spoke in Astana."

    result = ReadResult()
    [document] = read_url("http://news.test/a", result, Pages(), {"published": "2024-13-45"})  # type: ignore[arg-type]
    assert document.published is None
    [(source, message)] = result.warnings
    assert source == "http://news.test/a" and message.startswith("publication date '2024-13-45' is not a date")


# folders ----------------------------------------------------------------------------------------------


def test_files_of_unsupported_types_inside_folders_are_listed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Tokayev spoke in Astana.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"outlet": "Example"}', encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "archive.zip").write_bytes(b"PK\x03\x04")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "letter.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "sub" / "README").write_text("no suffix", encoding="utf-8")
    only = tmp_path / "only"
    only.mkdir()
    (only / "scan.pdf").write_bytes(b"%PDF-1.7")
    stream = InputStream([str(tmp_path / "sub"), str(tmp_path), str(tmp_path / "report.pdf")], max_chars=LIMIT)
    assert stream.unsupported == [
        str(tmp_path / "sub" / "README"),
        str(tmp_path / "sub" / "letter.docx"),
        str(tmp_path / "archive.zip"),
        str(only / "scan.pdf"),
        str(tmp_path / "report.pdf"),
        str(tmp_path / "sub" / "README"),
        str(tmp_path / "sub" / "letter.docx"),
    ]
    assert [d.id for d in stream] == ["a"]
    reasons = dict(stream.refused)
    assert reasons.pop(str(tmp_path / "sub")).startswith("no files with a supported suffix (.txt, ")
    assert reasons == {str(tmp_path / "report.pdf"): "unsupported file type .pdf"}  # named itself: not counted


# names that are not UTF-8, lone surrogates ------------------------------------------------------------


def test_a_file_name_that_is_not_utf8_is_read_and_shown_with_escapes(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as file:
        file.write("Tokayev spoke in the café.".encode())
    name = os.fsdecode(os.path.join(folder, b"caf\xe9.txt"))
    assert "\udce9" in name  # what Python makes of the byte: a lone surrogate, which no writer can encode
    shown = str(tmp_path / "caf\\xe9.txt")  # a real backslash: the byte that is not UTF-8, as \xNN
    for inputs in ([name], [str(tmp_path)]):
        [document] = read_inputs(inputs, max_chars=LIMIT).documents
        assert document.text == "Tokayev spoke in the café."
        assert (document.source, document.id) == (shown, "caf\\xe9")


def test_refusals_and_unsupported_files_with_such_names_are_shown_with_escapes(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    for raw in (b"vide\xe9.txt", b"scan\xe9.pdf"):
        open(os.path.join(folder, raw), "wb").close()
    stream = InputStream([str(tmp_path), os.fsdecode(os.path.join(folder, b"gone\xff.txt"))], max_chars=LIMIT)
    assert list(stream) == []
    assert stream.unsupported == [str(tmp_path / "scan\\xe9.pdf")]
    assert stream.refused == [
        (str(tmp_path / "vide\\xe9.txt"), "empty input"),
        (str(tmp_path / "gone\\xff.txt"), "no such file or folder"),
    ]


def test_lone_surrogates_from_json_escapes_become_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "a\\ud800", "title": "T\\udfff", "text": "Tokayev\\ud800 spoke."}\n', encoding="utf-8")
    [document] = read(path).documents
    assert document.text == "Tokayev\ufffd spoke."  # one character for one: offsets hold
    assert document.title == "T\ufffd" and document.id == "a\\ud800"
    assert all(value.encode("utf-8") for value in (document.text, document.title, document.id, document.source))


def test_a_reader_that_fails_unexpectedly_refuses_its_input_and_the_rest_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    (tmp_path / "a.txt").write_text("Tokayev spoke in Astana.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>Putin spoke in Moscow.</p></body></html>", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Mishustin visited Minsk.", encoding="utf-8")

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RecursionError("maximum recursion depth exceeded while parsing")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    stream = InputStream([str(tmp_path)], max_chars=10_000)
    assert [d.id for d in stream] == ["a", "c"]
    [(source, reason)] = stream.refused
    assert source.endswith("b.html") and reason.startswith("could not be read (internal error RecursionError")
