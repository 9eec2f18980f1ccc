"""Stages 1 and 2 of quotes: the segments between quotation marks or after dashes, and the filters that
leave out names and titles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from elitewatch.datafiles import speech_verbs
from elitewatch.model import Parsed, Token

# Two apostrophes stand for a double quotation mark in some agencies' copy (''Never,'' he said).
# Copy that mixes typographic and straight marks (“…" or "…”) closes with either.
OPENERS = {"“": '”"', "«": "»", "„": "“”", '"': '"”', "''": "''"}


STRAIGHT = ('"', "''")


DASHES = "—–"


PARAGRAPH = re.compile(r"[^\n]+")


DASH_START = re.compile(r"\s*[—–]\s+")


# Inside a dash-introduced or guillemet quote: ", — сказал X. — " separates quote and attribution.
DASH_BREAK = re.compile(r"(?<=[,.!?…])\s+[—–]\s+")


CONTINUATION = re.compile(r"(?<=[.!?…\"”»])\s*[—–]\s+(?=\w)")


TITLE_CUES = re.compile(
    r"(?:entitled|titled|headlined|headlines?(?: such as)?|newspaper|magazine|book|film|movie|song|album|"
    r"show|program(?:me)?|operation|campaign|slogan|hashtag|called the|named|dubbed|под названием|газет[аеыу]|"
    r"журнал[аеу]?|статье|книг[аеиу]|фильм[аеу]?|операци[яию]|движени[яеию]|партии|партия|партию)\W*$",
    re.IGNORECASE,
)


# Title Case words up to this many are a name or a title, not a quote ("Collapse: How Societies Choose to Fail
# or Succeed" has 8); a quoted sentence of ten capitalized words is a headline. Set by hand with titles and
# subtitles (db2c20f), not swept on a dev set.
TITLE_WORDS = 10


LIST_GLUE = re.compile(r"[\s,;]*(?:(?:and|or|и|или)\s*)?")


@dataclass
class Segment:
    start: int  # the quoted words, without the marks
    end: int
    paragraph: int
    kind: str  # "mark" or "dash"
    open_at: int  # position of the opening mark (or dash)
    close_at: int  # position just after the closing mark (or the end of the words)
    last_paragraph: int = -1  # where the quote ends, when it runs over several paragraphs

    def __post_init__(self) -> None:
        if self.last_paragraph < 0:
            self.last_paragraph = self.paragraph


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip()]


def _mark_segments(text: str, paragraphs: list[tuple[int, int]]) -> list[Segment]:
    segments: list[Segment] = []
    opener: str | None = None
    depth = 0
    seg_start = open_at = first = 0
    for number, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        if opener is not None:
            i = _reopening(text, p_start, p_end, opener)  # the quote goes on: skip the reopening mark
        while i < p_end:
            char = _mark_at(text, i)
            if opener is None:
                if char in OPENERS and not (char in STRAIGHT and i > p_start and text[i - 1].isalnum()):
                    opener, depth, open_at, seg_start, first = char, 1, i, i + len(char), number
            elif (
                (char == opener and opener == "«")
                or (opener == '"' and char == "“")
                or (opener == "“" and char == "“" and _nests(text, i, p_end, depth))
            ):
                depth += 1  # nested: «…«…»…», "…“…”…", “…“…”…”
            elif _closes(text, i, char, opener, depth):
                depth -= 1
                if depth == 0:
                    segments.append(Segment(seg_start, i, first, "mark", open_at, i + len(char), number))
                    opener = None
            i += len(char)
        if opener is None:
            continue
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        if following is not None and _reopening(text, *following, opener) > following[0]:
            continue  # quotes over several paragraphs: no closing mark, the next one reopens
        if opener not in STRAIGHT:
            # Unclosed: the quote runs to the paragraph's end.
            segments.append(Segment(seg_start, p_end, first, "mark", open_at, p_end, number))
        opener = None
    return segments


def _nests(text: str, i: int, p_end: int, depth: int) -> bool:
    """“I'd rather live in what he calls “hell” than …”: an opening “ inside a quote opened with “ nests when the
    paragraph has the closing marks for both; otherwise the first quote was left open (“A. “B,” she said)."""
    return text.count("”", i + 1, p_end) > depth


def _closes(text: str, i: int, char: str, opener: str, depth: int) -> bool:
    """Whether the mark `char` at `i` closes (one level of) the quote `opener` opened."""
    if opener == "''":
        return char == opener
    if len(char) != 1 or char not in OPENERS[opener]:
        return False
    if opener == '"' and char == "”":
        return depth > 1 or text[i - 1 : i].isspace() is False  # "…“inner”…" closes the inner one
    if opener == "“" and char == '"':
        return not text[i - 1 : i].isspace()  # “…," closes; a straight mark after a space opens
    return True


def _mark_at(text: str, i: int) -> str:
    return "''" if text.startswith("''", i) else text[i]


def _reopening(text: str, p_start: int, p_end: int, opener: str) -> int:
    """Where the words of a continued quote begin in the next paragraph, or p_start if it does not reopen."""
    stripped = len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
    at = p_start + stripped
    return at + len(opener) if at < p_end and text.startswith(opener, at) else p_start


def _dash_segments(text: str, paragraphs: list[tuple[int, int]]) -> list[Segment]:
    """Speech introduced by a dash at a paragraph's start: «— Текст, — сказал X. — Ещё»."""
    segments: list[Segment] = []
    for number, (p_start, p_end) in enumerate(paragraphs):
        lead = DASH_START.match(text, p_start, p_end)
        if not lead:
            continue
        start = lead.end()
        closing = text.find("”", start, p_end)
        limit = closing if closing != -1 else p_end
        parts = _split_on_dash_breaks(text, start, limit)
        for index, (a, b) in enumerate(parts):
            if index % 2 == 0:
                segments.append(Segment(a, b, number, "dash", a - 1, b))
    return segments


def _split_on_dash_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut [start, end) at ", — " breaks: quote, attribution, quote, …"""
    parts: list[tuple[int, int]] = []
    cursor = start
    for match in DASH_BREAK.finditer(text, start, end):
        parts.append((cursor, match.start()))
        cursor = match.end()
    parts.append((cursor, end))
    return parts


def _split_guillemet_attributions(text: str, segments: list[Segment], parsed: Parsed) -> list[Segment]:
    """«Текст, — уточнил Белов. — Ещё текст»: the attribution sits inside the marks."""
    result: list[Segment] = []
    for segment in segments:
        parts = _split_on_dash_breaks(text, segment.start, segment.end)
        if len(parts) < 3 or not _has_speech_verb(parsed, parts[1][0], parts[1][1]):
            result.append(segment)
            continue
        for index, (a, b) in enumerate(parts):
            if index % 2 == 0:
                result.append(Segment(a, b, segment.paragraph, segment.kind, a, b, segment.last_paragraph))
    return result


def _continuation_segments(text: str, paragraphs: list[tuple[int, int]], found: list[Segment]) -> list[Segment]:
    """“…,” X said in 2000. — Therefore, …: a dash after the attribution goes on quoting X."""
    extra: list[Segment] = []
    by_paragraph: dict[int, list[Segment]] = {}
    for segment in found:
        by_paragraph.setdefault(segment.paragraph, []).append(segment)
    for number, quoted in by_paragraph.items():
        p_end = paragraphs[number][1]
        last_end = max(s.close_at for s in quoted)
        for match in CONTINUATION.finditer(text, last_end, p_end):
            if any(s.start <= match.start() < s.end for s in quoted):
                continue
            extra.append(Segment(match.end(), p_end, number, "dash", match.start(), p_end))
            break
    return extra


def find_segments(parsed: Parsed) -> tuple[list[Segment], list[tuple[int, int]]]:
    text = parsed.doc.text
    paragraphs = _paragraphs(text)
    marks = _mark_segments(text, paragraphs)
    dashes = _dash_segments(text, paragraphs)
    # A dash-introduced quote that closes with ” was also seen as a mark segment's end: keep the dash one.
    marks = [m for m in marks if not any(d.start <= m.open_at < d.end for d in dashes)]
    segments = sorted(marks + dashes, key=lambda s: s.start)
    segments = _split_guillemet_attributions(text, segments, parsed)
    segments += _continuation_segments(text, paragraphs, segments)
    segments = [_trim(text, s) for s in sorted(segments, key=lambda s: s.start)]
    return [s for s in segments if s.end > s.start], paragraphs


def _trim(text: str, segment: Segment) -> Segment:
    words = text[segment.start : segment.end]
    left = len(words) - len(words.lstrip(" \t—–-"))
    right = len(words.rstrip(" \t,—–-"))
    segment.end = segment.start + right
    segment.start += left
    return segment


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def looks_like_name(words: str) -> bool:
    """“Risk Assessment Group”, “Oreshnik”, “PRODUCT OF NAZARBAYEV”, “Collapse: How Societies Choose to Fail
    or Succeed”: every word capitalized (a title may have a subtitle after a colon)."""
    tokens = re.findall(r"[^\W\d_][\w\-’']*", words)
    if not tokens or len(tokens) > TITLE_WORDS or re.search(r"[.!?,;]\s+\w", words.strip()):
        return False
    small = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "or", "at", "by", "de", "и", "в"}
    return all(t[0].isupper() or t.lower() in small for t in tokens)


def _is_title(text: str, segment: Segment, paragraph_start: int) -> bool:
    before = text[max(paragraph_start, segment.open_at - 40) : segment.open_at]
    return bool(TITLE_CUES.search(before))


def _has_speech_verb(parsed: Parsed, start: int, end: int) -> bool:
    return any(start <= token.start < end and _is_speech_verb(token) for token in parsed.tokens)


def _is_speech_verb(token: Token) -> bool:
    language = "en" if token.lemma.isascii() else "ru"
    return token.pos in ("VERB", "AUX") and token.lemma in speech_verbs(language)


def _cyrillic(text: str) -> bool:
    return sum("\u0400" <= c <= "\u04ff" for c in text) > len(text) / 4
