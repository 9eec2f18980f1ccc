"""Readers for the input formats: .txt, .md, .html, .json and .jsonl, files, folders and stdin.

Each reader turns bytes into Documents and never raises for one bad input: it reports the input and the reason
in a ReadResult so that the good inputs still go in. Readers are generators: a file of records gives its
documents one line at a time.

Nothing is read past what the limit of characters (`max_chars`) can need: one character is at most 4 bytes
(UTF-8, UTF-16), so a text file or standard input over `text_bytes(max_chars)` is refused, a file by its size
before it is opened for reading, a stream once that many bytes have come. JSON Lines hold many documents: they
are read a line at a time, each line bounded by what one record can need (`record_bytes`). HTML carries markup
beside its text (`html_bytes`). The limit on the text of each document still applies after reading.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from elitewatch.errors import InputError, internal_reason
from elitewatch.ingest.encoding import (
    BINARY_SAMPLE,
    SCORE_SAMPLE,
    UTF8_BOM,
    UTF16_BOMS,
    decode,
    decode_line,
    legacy_lines_encoding,
)
from elitewatch.ingest.files import (
    Readable,
    Rewound,
    bounded_lines,
    classify,
    list_folder,
    open_regular,
    printable,
    read_at_most,
)
from elitewatch.ingest.metadata import (
    SIDECAR_SUFFIX,
    clean_metadata,
    iso_date,
    not_a_date,
    read_sidecar,
    split_front_matter,
)
from elitewatch.model import Document

if TYPE_CHECKING:
    from elitewatch.ingest.web import Fetcher

__all__ = [
    "SIDECAR_SUFFIX",
    "SUPPORTED_SUFFIXES",
    "InputStream",
    "ReadResult",
    "decode",
    "read_inputs",
    "read_records",
    "split_front_matter",
]

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
LINES_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json", *LINES_SUFFIXES)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES

BOM_BYTES = 4  # room for a byte order mark: 3 bytes in UTF-8, 2 in UTF-16
# A character in a JSON string takes at most 12 bytes: "\ud83d\ude00", an escaped character outside the BMP.
JSON_ESCAPE_BYTES = 12
# Beside its text a record has an id, a title, an address, an outlet, an author, a date: a few hundred bytes;
# a megabyte leaves room for fields elitewatch does not read.
RECORD_METADATA_BYTES = 1_000_000
# HTML is text and markup: a long page (a list of links) has several bytes of markup for each character of
# text, a short one far more (100 kB around 5 kB of text), so 8 bytes a character and never less than the
# 10 MB a web download may have.
HTML_BYTES_PER_CHAR = 8
HTML_MIN_BYTES = 10_000_000


def text_bytes(max_chars: int) -> int:
    """The most bytes a text of `max_chars` characters can take, in any encoding read here, with its BOM."""
    return 4 * max_chars + BOM_BYTES


def record_bytes(max_chars: int) -> int:
    """The most bytes a JSON record of `max_chars` characters of text can take, escaped, with its metadata."""
    return JSON_ESCAPE_BYTES * max_chars + RECORD_METADATA_BYTES


def html_bytes(max_chars: int) -> int:
    return max(HTML_BYTES_PER_CHAR * max_chars, HTML_MIN_BYTES)


@dataclass
class ReadResult:
    """What reading gave: documents, refusals (input, reason), warnings (input, message) about documents that
    went in with something left out. Sources are `printable`: never a lone surrogate."""

    documents: list[Document] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (input, message)

    def refuse(self, source: str, reason: str) -> None:
        self.refused.append((printable(source), printable(reason)))

    def warn(self, source: str, message: str) -> None:
        self.warnings.append((printable(source), printable(message)))


Reader = Callable[[ReadResult], Iterable[Document]]

SURROGATE = re.compile("[\ud800-\udfff]")


def _whole(text: str) -> str:
    """The text with each lone surrogate (a JSON escape like "\\ud800") as U+FFFD: one character for one, so
    offsets hold, and the text can be written as UTF-8."""
    return SURROGATE.sub("\ufffd", text) if SURROGATE.search(text) else text


def _field(value: str | None) -> str | None:
    return None if value is None else _whole(value)


def _document(doc_id: str, text: str, source: str, meta: dict[str, str], result: ReadResult) -> Document:
    """The one place a Document is made: the text is checked, the publication date kept only if it is a date
    (else a warning), names made printable and stray surrogates replaced."""
    if not text.strip():
        raise InputError("no text in the document", source=source)
    written = meta.get("published")
    published = None if written is None else iso_date(written)
    if written is not None and published is None:
        result.warn(source, not_a_date(written))
    return Document(
        id=printable(meta.get("id") or doc_id),
        text=_whole(text),
        source=printable(source),
        title=_field(meta.get("title")),
        url=_field(meta.get("url")),
        outlet=_field(meta.get("outlet")),
        author=_field(meta.get("author")),
        published=published,
    )


TITLE_LIMIT = 200  # characters: a longer first line is a paragraph, not a title
HEADING_MARKS = re.compile(r"^\s*#+\s*|\s*#+\s*$")


def with_first_line_title(meta: dict[str, str], text: str) -> dict[str, str]:
    """A plain text's first line is its title when the metadata gives none and more text follows it (a
    Markdown heading without its marks): what a reader of the file would call it."""
    if meta.get("title"):
        return meta
    lines = [line.strip() for line in text.strip().splitlines()]
    if len(lines) < 2 or not lines[0] or len(lines[0]) > TITLE_LIMIT or not any(lines[1:]):
        return meta
    title = HEADING_MARKS.sub("", lines[0])
    return {**meta, "title": title} if title else meta


SOFT_BREAK = re.compile(r"(?<=[^\n])\n(?=[^\n#>*\-+|0-9 ])")


def unwrap_soft_breaks(text: str) -> str:
    """Markdown wraps paragraphs over lines: a single line break inside one becomes a space.

    The replacement keeps the text's length, so offsets still point into the file.
    """
    return SOFT_BREAK.sub(" ", text)


def html_to_document(doc_id: str, html: str, source: str, meta: dict[str, str], result: ReadResult) -> Document:
    import trafilatura  # here, not at the top: ~0.3 s to load, for HTML inputs only

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = _block_text(getattr(extracted, "body", None)) if extracted is not None else None
    text = text or (getattr(extracted, "text", None) if extracted is not None else None)
    if not text:
        raise InputError("no article text found in the HTML", source=source)
    found = {
        "title": getattr(extracted, "title", None),
        "author": getattr(extracted, "author", None),
        "outlet": getattr(extracted, "sitename", None),
        "url": getattr(extracted, "url", None),
        "published": getattr(extracted, "date", None),
    }
    merged = {**clean_metadata(found), **meta}
    return _document(doc_id, text, source, merged, result)


# trafilatura's elements for HTML's blocks (h1-h6 are its `head`, li its `item`, blockquote its `quote`)
LIST_ELEMENT, ITEM_ELEMENT = "list", "item"


def _block_text(body: Any) -> str | None:
    """The article's text with a blank line between its blocks (a heading, a paragraph, a list item, a quote):
    the sentence splitter breaks at a blank line, and trafilatura's own text puts one line break between
    blocks, which read a headline without a full stop and the paragraph after it as one sentence. A line break
    inside a block (<br>) stays one."""
    if body is None:
        return None
    from trafilatura.xml import xmltotxt

    blocks: list[str] = []
    for element in body:
        parts = element.iter(ITEM_ELEMENT) if element.tag == LIST_ELEMENT else (element,)
        blocks.extend(xmltotxt(part, include_formatting=False).strip() for part in parts)
    return "\n\n".join(block for block in blocks if block) or None


# records ----------------------------------------------------------------------------------------------


def read_records(text: str, source: str, result: ReadResult, *, jsonl: bool) -> None:
    """JSON records with `text` and optional metadata, into `result.documents`; one bad line does not stop the
    others."""
    result.documents.extend(iter_records(text, source, result, jsonl=jsonl))


def iter_records(text: str, source: str, result: ReadResult, *, jsonl: bool) -> Iterator[Document]:
    """The documents of a text of JSON records: one JSON value (a record or a list of them), or JSON Lines."""
    stem = _stem(source)
    if jsonl:
        for number, line in enumerate(text.split("\n"), start=1):  # only "\n" ends a line of JSON Lines
            yield from _record_line(line, number, source, stem, result)
        return
    try:
        loaded = json.loads(text)
    except ValueError as error:
        result.refuse(source, f"not valid JSON ({error})")
        return
    for number, record in enumerate(loaded if isinstance(loaded, list) else [loaded], start=1):
        yield from _record(record, number, source, stem, result)


def iter_record_stream(stream: Readable, source: str, result: ReadResult, *, max_chars: int) -> Iterator[Document]:
    """JSON Lines from a stream, a line at a time: each line is bounded by what one record can need, and a line
    over it is refused (and read past, never held whole). Each line is UTF-8 if it can be, else in the legacy
    Cyrillic encoding the first lines that are not UTF-8 show, else detected on its own; UTF-16, whose lines do not end in a newline byte, is read whole within
    the bound of one record."""
    head = stream.read(SCORE_SAMPLE)
    stream = Rewound(head, stream)
    limit = record_bytes(max_chars)
    if head.startswith(UTF16_BOMS):
        reason = f"over the limit of {max_chars:,} characters (a UTF-16 file of records is read whole)"
        yield from _whole_records(stream, None, limit, reason, source, result, jsonl=True)
        return
    if b"\x00" in head[:BINARY_SAMPLE]:
        result.refuse(source, "binary content, not text")
        return
    legacy = legacy_lines_encoding(head.removeprefix(UTF8_BOM))
    stem = _stem(source)
    empty = True
    for number, raw in enumerate(bounded_lines(stream, limit), start=1):
        where = f"{source}:{number}"
        if raw is None:
            result.refuse(where, f"line {number} is over the limit of {max_chars:,} characters ({limit:,} bytes)")
            empty = False
            continue
        if number == 1:
            raw = raw.removeprefix(UTF8_BOM)
        if not raw or raw.isspace():
            continue
        empty = False
        try:
            line = decode_line(raw, legacy, where)
        except InputError as error:
            result.refuse(where, f"line {number}: {error.message}")
            continue
        yield from _record_line(line, number, source, stem, result)
    if empty:
        result.refuse(source, "empty input")


def _whole_records(
    stream: Readable, size: int | None, limit: int, reason: str, source: str, result: ReadResult, *, jsonl: bool
) -> Iterator[Document]:
    data = _bounded(stream, size, limit)
    if data is None:
        result.refuse(source, reason)
        return
    try:
        text = decode(data, source)
    except InputError as error:
        result.refuse(source, error.message)
        return
    yield from iter_records(text, source, result, jsonl=jsonl)


def _record_line(line: str, number: int, source: str, stem: str, result: ReadResult) -> Iterator[Document]:
    if not line.strip():
        return
    try:
        record = json.loads(line)
    except ValueError as error:
        result.refuse(f"{source}:{number}", f"line {number} is not valid JSON ({error.args[0]})")
        return
    yield from _record(record, number, source, stem, result)


def _record(record: Any, number: int, source: str, stem: str, result: ReadResult) -> Iterator[Document]:
    where = f"{source}:{number}"
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        result.refuse(where, f"record {number} has no text field")
        return
    try:
        document = _document(f"{stem}-{number}", record["text"], where, clean_metadata(record), result)
    except InputError as error:
        result.refuse(where, error.message)
        return
    yield document


def _stem(source: str) -> str:
    return Path(source).name.rsplit(".", 1)[0]


# files and standard input -----------------------------------------------------------------------------


def _bounded(stream: Readable, size: int | None, limit: int) -> bytes | None:
    """The stream's bytes, or None if there are more than `limit`: known from the size when it is given."""
    if size is not None and size > limit:
        return None
    return read_at_most(stream, limit)


def read_file(path: Path, result: ReadResult, *, max_chars: int) -> Iterator[Document]:
    """The documents of one file: a regular file (a FIFO, a device, a link loop are refused), read within the
    bound its format and `max_chars` give. The file's `source` and the default document id are `printable`
    forms of its name."""
    source = printable(str(path))
    try:
        stream, size = open_regular(path, source)
    except InputError as error:
        result.refuse(source, error.message)
        return
    try:
        with stream:
            yield from _read_open_file(path, stream, size, source, result, max_chars=max_chars)
    except InputError as error:
        result.refuse(source, error.message)
    except OSError as error:
        result.refuse(source, f"cannot read ({error.strerror or error})")


def _read_open_file(
    path: Path, stream: Readable, size: int, source: str, result: ReadResult, *, max_chars: int
) -> Iterator[Document]:
    suffix = path.suffix.lower()
    if suffix in LINES_SUFFIXES:
        yield from iter_record_stream(stream, source, result, max_chars=max_chars)
        return
    if suffix == ".json":
        limit = record_bytes(max_chars)
        reason = f"over the limit of {limit:,} bytes for a .json file, read whole (.jsonl is read a line at a time)"
        yield from _whole_records(stream, size, limit, reason, source, result, jsonl=False)
        return
    if suffix in HTML_SUFFIXES:
        limit, reason = html_bytes(max_chars), f"over the limit of {html_bytes(max_chars):,} bytes for HTML"
    else:
        limit, reason = text_bytes(max_chars), f"over the limit of {max_chars:,} characters"
    data = _bounded(stream, size, limit)
    if data is None:
        raise InputError(reason, source=source)
    text = decode(data, source)
    del data
    meta = read_sidecar(path)
    stem = printable(path.stem)
    if suffix in HTML_SUFFIXES:
        yield html_to_document(stem, text, source, meta, result)
        return
    front, body = split_front_matter(text, source)
    if suffix in MARKDOWN_SUFFIXES:
        body = unwrap_soft_breaks(body)
    yield _document(stem, body, source, with_first_line_title({**front, **meta}, body), result)


def iter_folder(folder: Path) -> Iterator[Path]:
    """The files of a folder that are read: regular files of a supported type, sidecars left out, sorted."""
    yield from list_folder(folder, SUPPORTED_SUFFIXES, SIDECAR_SUFFIX).files


STDIN = "<stdin>"


def read_stdin(result: ReadResult, stream: Readable | None = None, *, max_chars: int) -> Iterator[Document]:
    """Standard input: JSON Lines when it starts with "{" (read a line at a time), else one text, read up to
    the bytes `max_chars` characters can take and refused beyond (the rest is left unread)."""
    stream = stream or sys.stdin.buffer
    limit = text_bytes(max_chars)
    head = stream.read(min(SCORE_SAMPLE, limit + 1))
    rest = Rewound(head, stream)
    if head.removeprefix(UTF8_BOM).lstrip().startswith(b"{"):
        yield from iter_record_stream(rest, STDIN, result, max_chars=max_chars)
        return
    data = read_at_most(rest, limit)
    if data is None:
        result.refuse(STDIN, f"over the limit of {max_chars:,} characters")
        return
    try:
        text = decode(data, STDIN)
        if text.lstrip().startswith("{"):  # records the first bytes did not show: UTF-16, or after much space
            yield from iter_records(text, STDIN, result, jsonl=True)
            return
        digest = hashlib.sha256(text.encode()).hexdigest()[:12]
        front, body = split_front_matter(text, STDIN)
        document = _document(f"stdin-{digest}", body, STDIN, with_first_line_title(front, body), result)
    except InputError as error:
        result.refuse(STDIN, error.message)
        return
    yield document


# the web ----------------------------------------------------------------------------------------------


def _default_fetcher() -> Fetcher:
    from elitewatch.ingest.web import Fetcher  # here: httpx takes ~0.5 s to load, and few ingests read the web

    return Fetcher()


def read_url(url: str, result: ReadResult, fetcher: Fetcher, meta: dict[str, str] | None = None) -> Iterator[Document]:
    """One web page: fetched under the fetcher's rules, its article text extracted (trafilatura)."""
    from elitewatch.ingest.web import url_id  # here, for the reason of _default_fetcher

    try:
        final, content_type, body = fetcher.get(url)
        text = decode(body, url)
        found = {"url": final, **(meta or {})}
        if "html" in content_type or text.lstrip()[:1] == "<":
            document = html_to_document(url_id(final), text, url, found, result)
        else:
            document = _document(url_id(final), text, url, with_first_line_title(found, text), result)
    except InputError as error:
        result.refuse(error.source or url, error.message)
        return
    yield document


def read_feed(url: str, result: ReadResult, fetcher: Fetcher) -> Iterator[Document]:
    """Every article an RSS or Atom feed links to, with the title and date the feed gives."""
    from elitewatch.ingest.web import parse_feed  # here, for the reason of _default_fetcher

    try:
        final, _, body = fetcher.get(url)
        items = parse_feed(body, final)
    except InputError as error:
        result.refuse(error.source or url, error.message)
        return
    if not items:
        result.refuse(url, "the feed lists no articles")
    for item in items:
        meta = {key: value for key, value in (("title", item.title), ("published", item.published)) if value}
        yield from read_url(item.link, result, fetcher, meta)


# every input ------------------------------------------------------------------------------------------


class InputStream:
    """The documents of every input (file, folder, http(s) address or "-" for standard input) and every feed,
    read one input at a time as they are asked for, so that parsing can start before the last file is read
    and a large corpus is never held in memory whole.

    Filled as reading goes, like the documents given:
    - `refused`: (input, reason) for each input, record or document that did not go in;
    - `warnings`: (input, message) for documents that went in with something left out (a publication date
      that is not a date) and for entries a folder walk passed over (a FIFO, a device, a symbolic link loop
      or one to nothing);
    - `unsupported`: the paths of the regular files inside folders whose type is not read (.pdf, .docx, .zip,
      no suffix…; sidecars `NAME.meta.json` are not among them), filled when the folders are listed, that is
      on construction. A file of such a type named as an input itself is refused instead.
    `expected` is how many documents and refusals the inputs are expected to give: one per file, address and
    feed until a file of records or a feed gives its own count. Every input and source is `printable`."""

    def __init__(
        self,
        inputs: Iterable[str],
        *,
        max_chars: int,
        stdin: Any = None,
        feeds: Iterable[str] = (),
        fetcher: Fetcher | None = None,
    ) -> None:
        self.max_chars = max_chars
        self.refused: list[tuple[str, str]] = []
        self.warnings: list[tuple[str, str]] = []
        self.unsupported: list[str] = []
        self._given_fetcher = fetcher
        # each reader with the input it reads, which a failure it did not foresee refuses
        self._readers: list[tuple[str, Reader]] = [
            *((printable(feed), self._feed(feed)) for feed in feeds),
            *self._plan(inputs, stdin),
        ]
        self.expected = len(self._readers)

    @cached_property
    def fetcher(self) -> Fetcher:
        return self._given_fetcher or _default_fetcher()

    def _feed(self, url: str) -> Reader:
        return lambda result: read_feed(url, result, self.fetcher)

    def _url(self, url: str) -> Reader:
        return lambda result: read_url(url, result, self.fetcher)

    def _plan(self, inputs: Iterable[str], stdin: Any) -> Iterator[tuple[str, Reader]]:
        """One reader per document source, in order; folders are listed now (cheap), files read later."""
        for name in inputs:
            if name == "-":
                yield "<stdin>", partial(read_stdin, stream=stdin, max_chars=self.max_chars)
            elif "://" in name:  # http(s) is fetched; any other scheme is refused by the fetcher
                yield printable(name), self._url(name)
            elif (kind := classify(path := Path(name))) is None:
                yield from self._folder(path, name)
            elif kind != "file":
                yield printable(name), _refuse(name, kind)  # a FIFO, a device, a link loop, nothing at all
            elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
                yield printable(name), _refuse(name, f"unsupported file type {path.suffix or '(none)'}")
            else:
                yield printable(name), partial(read_file, path, max_chars=self.max_chars)

    def _folder(self, folder: Path, name: str) -> Iterator[tuple[str, Reader]]:
        listing = list_folder(folder, SUPPORTED_SUFFIXES, SIDECAR_SUFFIX)
        self.unsupported.extend(printable(str(path)) for path in listing.unsupported)
        self.warnings.extend((printable(str(path)), f"skipped: {reason}") for path, reason in listing.skipped)
        if not listing.files:
            yield printable(name), _refuse(name, f"no files with a supported suffix ({', '.join(SUPPORTED_SUFFIXES)})")
        for path in listing.files:
            yield printable(str(path)), partial(read_file, path, max_chars=self.max_chars)

    def __iter__(self) -> Iterator[Document]:
        for source, reader in self._readers:
            part = ReadResult()
            counted = 1  # what this reader counts for in `expected` so far
            given = 0  # documents and refusals it has given
            try:
                for document in reader(part):
                    given += 1 + self._take(part)
                    self.expected += max(given - counted, 0)
                    counted = max(given, counted)
                    if len(document.text) > self.max_chars:
                        self.refused.append(
                            (
                                document.source,
                                f"{len(document.text):,} characters is over the limit of {self.max_chars:,}",
                            )
                        )
                    else:
                        yield document
            except Exception as error:  # a reader's own bug or a library's: this input is refused, the rest go on
                part.refuse(source, internal_reason("read", error))
            given += self._take(part)
            self.expected += given - counted

    def _take(self, part: ReadResult) -> int:
        """Moves the reader's refusals and warnings so far into the stream's; how many refusals there were."""
        taken = len(part.refused)
        self.refused.extend(part.refused)
        self.warnings.extend(part.warnings)
        part.refused.clear()
        part.warnings.clear()
        return taken


def _refuse(source: str, reason: str) -> Reader:
    def refuse(result: ReadResult) -> Iterable[Document]:
        result.refuse(source, reason)
        return ()

    return refuse


def read_inputs(
    inputs: Iterable[str],
    *,
    max_chars: int,
    stdin: Any = None,
    feeds: Iterable[str] = (),
    fetcher: Fetcher | None = None,
) -> ReadResult:
    """Every document of the inputs at once (see InputStream)."""
    stream = InputStream(inputs, max_chars=max_chars, stdin=stdin, feeds=feeds, fetcher=fetcher)
    documents = list(stream)
    return ReadResult(documents=documents, refused=stream.refused, warnings=stream.warnings)
