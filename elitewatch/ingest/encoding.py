"""Bytes to text: UTF-8 (with or without BOM), UTF-16 by its BOM, the legacy Cyrillic encodings, else a guess.

The Cyrillic encodings are told apart by how Russian a sample of the text reads in each: the first
SCORE_SAMPLE bytes (one character a byte in all of them), so the cost does not grow with the input.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from elitewatch.errors import InputError

UTF8_BOM = codecs.BOM_UTF8
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
BINARY_SAMPLE = 8192  # a NUL in the first 8 kB: binary (UTF-16 without a BOM too, which is not guessed)

# The legacy Cyrillic encodings of Russian and Kazakh news archives, tried when a text is not UTF-8:
# statistical detectors confuse them (KOI8-R is often read as Shift-JIS).
CYRILLIC_ENCODINGS = ("cp1251", "koi8-r", "cp866", "iso8859_5", "mac_cyrillic")
COMMON_RUSSIAN = frozenset("оеаинтсрвлкмдпуяы")
# Of the letters, the most common lower-case Russian ones: Russian prose has about half, a wrong decoding far
# fewer; set by hand with the encoding matrix of the tests (df08041), not measured on a dev set.
RUSSIAN_SHARE = 0.25
# 64 kB: tens of paragraphs, far more than the share needs to settle (a wrong decoding is off by half or more),
# and a thousandth of what a 5 MB limit lets in.
SCORE_SAMPLE = 65_536
_EXPECTED = str.maketrans(dict.fromkeys([*range(128), *range(ord("А"), ord("я") + 1), *map(ord, "Ёё«»—–…№")]))


def decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 by BOM, else the detected charset (Windows-1251,
    KOI8-R, …). Empty, binary or undecodable input is refused with the reason."""
    if not data or data.isspace():
        raise InputError("empty input", source=source)
    text = _decoded(data, source)
    if not text or text.isspace():  # not strip(): that would copy the text
        raise InputError("empty input", source=source)
    return text


def _decoded(data: bytes, source: str) -> str:
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("marked UTF-16 but not valid UTF-16", source=source) from None
    if b"\x00" in data[:BINARY_SAMPLE]:
        raise InputError("binary content, not text", source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in cyrillic_encodings(data):
        try:
            return data.decode(encoding)  # Windows-1251, KOI8-R, …: the decoding that reads most like Russian
        except UnicodeDecodeError:
            continue  # a byte past the sample that this encoding lacks (0x98 in Windows-1251)
    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot detect the text encoding", source=source)
    return str(best)


def cyrillic_encodings(data: bytes) -> list[str]:
    """The legacy Cyrillic encodings in which the data's first SCORE_SAMPLE bytes read as Russian, best first;
    of equally good ones the first, as the encodings are in order of use."""
    sample = data[:SCORE_SAMPLE]
    scored: list[tuple[float, int, str]] = []
    for position, encoding in enumerate(CYRILLIC_ENCODINGS):
        try:
            score = _russian_score(sample.decode(encoding))
        except UnicodeDecodeError:
            continue
        if score >= RUSSIAN_SHARE:
            scored.append((-score, position, encoding))
    return [encoding for *_, encoding in sorted(scored)]


def _russian_score(text: str) -> float:
    """How much a decoding reads like Russian: the share of its characters that are Russian letters, ASCII or
    the punctuation of Russian texts, times the share of its letters that are the commonest lower-case ones
    (a wrong decoding turns letters into symbols, or capitals into small letters). Counted with C loops
    (split, translate, count): no per-character Python objects."""
    visible = "".join(text.split())
    letters = sum(map(str.isalpha, visible))
    if not letters:
        return 0.0
    expected = len(visible) - len(visible.translate(_EXPECTED))
    common = sum(visible.count(letter) for letter in COMMON_RUSSIAN)
    return expected / len(visible) * common / letters


def legacy_lines_encoding(head: bytes) -> str | None:
    """The legacy Cyrillic encoding that the lines among a file's first bytes that are not UTF-8 read as
    Russian in, if any: a line of a file of lines is UTF-8 when it can be, else in this encoding."""
    legacy = [line for line in head.split(b"\n") if not _utf8(line)]
    return next(iter(cyrillic_encodings(b"\n".join(legacy))), None) if legacy else None


def decode_line(raw: bytes, legacy: str | None, source: str) -> str:
    """One line of a file of lines: UTF-8 (a legacy Cyrillic line is as good as never valid UTF-8), else the
    file's legacy encoding, else detected on its own."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if legacy is not None:
        try:
            return raw.decode(legacy)
        except UnicodeDecodeError:
            pass
    return decode(raw, source)


def _utf8(data: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)  # a sample may end inside a character
    except UnicodeDecodeError:
        return False
    return True
