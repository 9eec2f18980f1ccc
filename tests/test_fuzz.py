"""Property-based tests (hypothesis) on random and adversarial input: the temporal normalizer, the quote
finder and the ingest readers raise nothing but InputError, and no offset points outside its document."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elitewatch.errors import InputError
from elitewatch.extract import extract_quotes
from elitewatch.ingest.readers import ReadResult, decode, read_records, split_front_matter
from elitewatch.model import Document, Parsed
from elitewatch.temporal import find_dates
from elitewatch.temporal.published import infer_published

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that the parsers look for, so that random text hits their paths, not only plain noise.
PIECES = [
    "December 4",
    "last Monday",
    "on Monday, December 4, 2023",
    "30 октября 2024 года",
    "в прошлом году",
    "from 1985 to 1991",
    "с 1985 по 1991 год",
    "a week later",
    "20 years later",
    "April 3–4",
    "in the 2000s",
    "“",
    "”",
    "«",
    "»",
    "„",
    '"',
    "'",
    "—",
    " – ",
    "said",
    "заявил",
    "according to",
    "по словам",
    "\n",
    "\n\n",
    "Tokayev",
    "Токаев",
    "2023",
    "9999",
    "0000-00-00",
    "31 February",
    "President",
    ",",
    ".",
    ":",
    "(",
    ")",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map("".join)
anchors = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.sampled_from(["2023", "2023-12"]))


@FAST
@given(texts, anchors)
def test_dates_stay_inside_the_text_and_are_iso(text: str, anchor: str | None) -> None:
    for expr in find_dates(text, 0, None, anchor):
        assert 0 <= expr.start < expr.end <= len(text)
        if expr.value is not None:
            assert ISO.match(expr.value), expr
        if expr.end_value is not None:
            assert ISO.match(expr.end_value), expr
    inferred = infer_published(text)
    assert inferred is None or ISO.match(inferred.value)


@FAST
@given(texts)
def test_quotes_stay_inside_the_text(text: str) -> None:
    parsed = Parsed(doc=Document(id="fuzz", text=text, source="fuzz"))  # no tokens: the text-level paths
    for quote in extract_quotes(parsed, [], anchor="2023-12-05"):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert quote.text.strip() and quote.text.split()[0] in text


@FAST
@given(st.binary(max_size=400))
def test_decoding_refuses_clearly_or_gives_text(data: bytes) -> None:
    try:
        text = decode(data, "fuzz.bin")
    except InputError as error:
        assert error.source == "fuzz.bin" and error.message
        return
    assert isinstance(text, str) and text.strip()


@FAST
@given(
    st.lists(
        st.one_of(st.text(max_size=30), st.sampled_from(['{"text": "x"}', "{", "[]", '{"text": 5}', "null"])),
        max_size=12,
    )
)
def test_json_lines_never_raise_and_report_line_numbers(lines: list[str]) -> None:
    result = ReadResult()
    read_records("\n".join(lines), "fuzz.jsonl", result, jsonl=True)
    for source, reason in result.refused:
        assert source.startswith("fuzz.jsonl:") and reason
    for document in result.documents:
        assert document.text.strip()


@FAST
@given(texts)
def test_front_matter_never_raises_but_input_error(text: str) -> None:
    try:
        meta, body = split_front_matter("---\n" + text + "\n---\n" + text, "fuzz.md")
    except InputError:
        return
    assert isinstance(meta, dict) and isinstance(body, str)


def test_files_of_random_bytes_are_read_or_refused(tmp_path: Path) -> None:
    from elitewatch.ingest.readers import read_inputs

    for number, data in enumerate([b"\x00\x01\x02", b"\xff\xfe" + "Токаев".encode("utf-16-le"), b"\xc3\x28" * 50]):
        (tmp_path / f"f{number}.txt").write_bytes(data)
    result = read_inputs([str(tmp_path)], max_chars=10**6)
    assert len(result.documents) + len(result.refused) == 3
