"""Readers for the input formats: .txt, .md, .html, .json and .jsonl, files, folders and stdin.

Each reader turns bytes into Documents and never raises for one bad input: it reports the
input and the reason in a ReadResult so that the good inputs still go in.
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

import yaml

from elitewatch.errors import InputError
from elitewatch.model import Document

if TYPE_CHECKING:
    from elitewatch.ingest.web import Fetcher

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES
SIDECAR_SUFFIX = ".meta.json"
METADATA_FIELDS = ("id", "title", "url", "outlet", "author", "published")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)


@dataclass
class ReadResult:
    documents: list[Document] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)

    def refuse(self, source: str, reason: str) -> None:
        self.refused.append((source, reason))


def decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 by BOM, else the detected charset (Windows-1251,
    KOI8-R, …). Empty, binary or undecodable input is refused with the reason."""
    if not data.strip():
        raise InputError("empty input", source=source)
    text = _decoded(data, source)
    if not text.strip():
        raise InputError("empty input", source=source)
    return text


def _decoded(data: bytes, source: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("marked UTF-16 but not valid UTF-16", source=source) from None
    if b"\x00" in data[:8192]:
        raise InputError("binary content, not text", source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best_score, best_text = 0.0, ""
    for text in _cyrillic_decodings(data):  # the first of equally good ones: the encodings are in order of use
        if (score := _russian_score(text)) > best_score:
            best_score, best_text = score, text
    if best_score >= RUSSIAN_SHARE:
        return best_text  # Windows-1251, KOI8-R, …: the decoding that reads most like Russian
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot detect the text encoding", source=source)
    return str(best)


# The legacy Cyrillic encodings of Russian and Kazakh news archives, tried when a text is not UTF-8:
# statistical detectors confuse them (KOI8-R is often read as Shift-JIS).
CYRILLIC_ENCODINGS = ("cp1251", "koi8-r", "cp866", "iso8859_5", "mac_cyrillic")
COMMON_RUSSIAN = frozenset("оеаинтсрвлкмдпуяы")
RUSSIAN_SHARE = 0.25  # of the letters, the most common lower-case Russian ones


def _cyrillic_decodings(data: bytes) -> Iterator[str]:
    for encoding in CYRILLIC_ENCODINGS:
        try:
            yield data.decode(encoding)
        except UnicodeDecodeError:
            continue


def _russian_score(text: str) -> float:
    """How much a decoding reads like Russian: the share of its characters that are Russian letters, ASCII or
    the punctuation of Russian texts, times the share of its letters that are the commonest lower-case ones
    (a wrong decoding turns letters into symbols, or capitals into small letters)."""
    visible = [c for c in text if not c.isspace()]
    letters = [c for c in visible if c.isalpha()]
    if not letters:
        return 0.0
    expected = sum(c.isascii() or "А" <= c <= "я" or c in "Ёё«»—–…№" for c in visible) / len(visible)
    return expected * sum(c in COMMON_RUSSIAN for c in letters) / len(letters)


def _clean_metadata(meta: dict[str, Any]) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    for key in METADATA_FIELDS:
        value = meta.get(key)
        if value is None or value == "":
            continue
        cleaned[key] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return cleaned


def split_front_matter(text: str, source: str) -> tuple[dict[str, str], str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1))
    except (yaml.YAMLError, ValueError, TypeError) as error:  # ValueError: "date: 0000-00-00"
        raise InputError(f"front matter is not valid YAML ({error.__class__.__name__})", source=source) from None
    if not isinstance(meta, dict):
        return {}, text
    # Blank out the front matter rather than cutting it, so offsets still point into the file.
    return _clean_metadata(meta), " " * match.end() + text[match.end() :]


SOFT_BREAK = re.compile(r"(?<=[^\n])\n(?=[^\n#>*\-+|0-9 ])")


def unwrap_soft_breaks(text: str) -> str:
    """Markdown wraps paragraphs over lines: a single line break inside one becomes a space.

    The replacement keeps the text's length, so offsets still point into the file.
    """
    return SOFT_BREAK.sub(" ", text)


def _sidecar(path: Path) -> dict[str, str]:
    sidecar = path.with_name(path.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"sidecar is not valid JSON ({error})", source=str(sidecar)) from None
    return _clean_metadata(meta) if isinstance(meta, dict) else {}


def _document(doc_id: str, text: str, source: str, meta: dict[str, str]) -> Document:
    if not text.strip():
        raise InputError("no text in the document", source=source)
    return Document(
        id=meta.get("id") or doc_id,
        text=text,
        source=source,
        title=meta.get("title"),
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        author=meta.get("author"),
        published=meta.get("published"),
    )


def html_to_document(doc_id: str, html: str, source: str, meta: dict[str, str]) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text:
        raise InputError("no article text found in the HTML", source=source)
    found = {
        "title": getattr(extracted, "title", None),
        "author": getattr(extracted, "author", None),
        "outlet": getattr(extracted, "sitename", None),
        "url": getattr(extracted, "url", None),
        "published": getattr(extracted, "date", None),
    }
    merged = {**_clean_metadata(found), **meta}
    return _document(doc_id, text, source, merged)


def read_records(text: str, source: str, result: ReadResult, *, jsonl: bool) -> None:
    """JSON records with `text` and optional metadata; one bad line does not stop the others."""
    if not jsonl:
        try:
            loaded = json.loads(text)
        except ValueError as error:
            result.refuse(source, f"not valid JSON ({error})")
            return
        records = loaded if isinstance(loaded, list) else [loaded]
        numbered = list(enumerate(records, start=1))
    else:
        numbered = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                numbered.append((number, json.loads(line)))
            except ValueError as error:
                result.refuse(f"{source}:{number}", f"line {number} is not valid JSON ({error.args[0]})")
    stem = Path(source).name.rsplit(".", 1)[0]
    for number, record in numbered:
        where = f"{source}:{number}"
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            result.refuse(where, f"record {number} has no text field")
            continue
        meta = _clean_metadata(record)
        try:
            result.documents.append(_document(f"{stem}-{number}", record["text"], where, meta))
        except InputError as error:
            result.refuse(where, str(error.args[0]))


def read_file(path: Path, result: ReadResult) -> None:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        result.refuse(source, f"cannot read ({error.strerror or error})")
        return
    try:
        text = decode(data, source)
        suffix = path.suffix.lower()
        if suffix in (".jsonl", ".ndjson"):
            read_records(text, source, result, jsonl=True)
            return
        if suffix == ".json":
            read_records(text, source, result, jsonl=False)
            return
        meta = _sidecar(path)
        if suffix in HTML_SUFFIXES:
            result.documents.append(html_to_document(path.stem, text, source, meta))
            return
        front, body = split_front_matter(text, source)
        if suffix in MARKDOWN_SUFFIXES:
            body = unwrap_soft_breaks(body)
        result.documents.append(_document(path.stem, body, source, {**front, **meta}))
    except InputError as error:
        result.refuse(source, str(error.args[0]))


def iter_folder(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.endswith(SIDECAR_SUFFIX):
            yield path


def read_stdin(result: ReadResult, stream: Any = None) -> None:
    data = (stream or sys.stdin.buffer).read()
    try:
        text = decode(data, "<stdin>")
    except InputError as error:
        result.refuse("<stdin>", str(error.args[0]))
        return
    if text.lstrip().startswith("{"):
        read_records(text, "<stdin>", result, jsonl=True)
        return
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    front, body = split_front_matter(text, "<stdin>")
    try:
        result.documents.append(_document(f"stdin-{digest}", body, "<stdin>", front))
    except InputError as error:
        result.refuse("<stdin>", str(error.args[0]))


def _default_fetcher() -> Fetcher:
    from elitewatch.ingest.web import Fetcher

    return Fetcher()


def read_url(url: str, result: ReadResult, fetcher: Fetcher, meta: dict[str, str] | None = None) -> None:
    """One web page: fetched under the fetcher's rules, its article text extracted (trafilatura)."""
    from elitewatch.ingest.web import url_id

    try:
        final, content_type, body = fetcher.get(url)
        text = decode(body, url)
        found = {"url": final, **(meta or {})}
        if "html" in content_type or text.lstrip()[:1] == "<":
            result.documents.append(html_to_document(url_id(final), text, url, found))
        else:
            result.documents.append(_document(url_id(final), text, url, found))
    except InputError as error:
        result.refuse(error.source or url, error.message)


def read_feed(url: str, result: ReadResult, fetcher: Fetcher) -> None:
    """Every article an RSS or Atom feed links to, with the title and date the feed gives."""
    from elitewatch.ingest.web import parse_feed

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
        read_url(item.link, result, fetcher, meta)


class InputStream:
    """The documents of every input (file, folder, http(s) address or "-" for standard input) and every feed,
    read one input at a time as they are asked for, so that parsing can start before the last file is read
    and a large corpus is never held in memory whole.

    `refused` collects (input, reason) as reading goes; `expected` is how many documents and refusals the
    inputs are expected to give: one per file, address and feed until a file of records or a feed is read
    and gives its own count."""

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
        self._given_fetcher = fetcher
        self._readers = [*(self._feed(feed) for feed in feeds), *self._plan(inputs, stdin)]
        self.expected = len(self._readers)

    @cached_property
    def fetcher(self) -> Fetcher:
        return self._given_fetcher or _default_fetcher()

    def _feed(self, url: str) -> Callable[[ReadResult], None]:
        return lambda result: read_feed(url, result, self.fetcher)

    def _url(self, url: str) -> Callable[[ReadResult], None]:
        return lambda result: read_url(url, result, self.fetcher)

    def _plan(self, inputs: Iterable[str], stdin: Any) -> Iterator[Callable[[ReadResult], None]]:
        """One reader per document source, in order; folders are listed now (cheap), files read later."""
        for name in inputs:
            if name == "-":
                yield partial(read_stdin, stream=stdin)
            elif "://" in name:  # http(s) is fetched; any other scheme is refused by the fetcher
                yield self._url(name)
            elif (path := Path(name)).is_dir():
                files = list(iter_folder(path))
                if not files:
                    yield _refuse(name, f"no files with a supported suffix ({', '.join(SUPPORTED_SUFFIXES)})")
                yield from (partial(read_file, file) for file in files)
            elif path.is_file():
                if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                    yield _refuse(name, f"unsupported file type {path.suffix or '(none)'}")
                else:
                    yield partial(read_file, path)
            else:
                yield _refuse(name, "no such file or folder")

    def __iter__(self) -> Iterator[Document]:
        for reader in self._readers:
            part = ReadResult()
            reader(part)
            self.expected += len(part.documents) + len(part.refused) - 1
            self.refused.extend(part.refused)
            for document in part.documents:
                if len(document.text) > self.max_chars:
                    self.refused.append(
                        (document.source, f"{len(document.text):,} characters is over the limit of {self.max_chars:,}")
                    )
                else:
                    yield document


def _refuse(source: str, reason: str) -> Callable[[ReadResult], None]:
    return lambda result: result.refuse(source, reason)


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
    return ReadResult(documents=documents, refused=stream.refused)
