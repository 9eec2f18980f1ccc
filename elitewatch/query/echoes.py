"""Echoes: phrases one speaker's quotes and claims share with another's, found as text-reuse tools find them (passim,
MemeTracker): shingles of consecutive lemmas, each taken as a set, so neither inflection nor the order of the
words within it hides a shared phrase. What the corpus shows everyone says is no echo: a shingle most of
whose words are the corpus's commonest lemmas, or one that many speakers use, is a stock phrase, learned from
the store and never listed by hand."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from elitewatch.dbapi import Connection
from elitewatch.query.kept import kept
from elitewatch.query.queries import find_entities

SHINGLE = 4  # lemmas a shingle holds: short enough to survive rewording, long enough to be a phrase
COMMON_SHARE = 0.03  # a lemma in more than this share of the quotes is a common word…
COMMON_FLOOR = 3  # …once it is in more quotes than this (in a handful of quotes no word is common yet)
CONTENT_WORDS = 2  # a shingle needs this many uncommon lemmas to be a phrase of its own
STOCK_SPEAKERS = 5  # a shingle more than this many speakers use (or 2% of them, if more) is a stock phrase
STOCK_SHARE = 0.02
QUOTES_PER_SPEAKER = 20  # of one shingle: a speaker repeating a phrase a thousand times is paired by the first


@dataclass(frozen=True)
class _Quote:
    id: int
    kind: str  # quote | claim
    start: int
    end: int
    doc_id: str
    speaker_id: int
    speaker: str
    text: str
    lemmas: tuple[str, ...]
    date: str | None
    dated_by: str | None
    title: str | None


@dataclass
class _Index:
    """The corpus's shingles: what finding any speaker's echoes needs, kept while the store is unchanged."""

    quotes: list[_Quote]
    common: frozenset[str]
    shingles: dict[int, set[frozenset[str]]]
    speakers_of: dict[frozenset[str], set[int]]


def _index(conn: Connection) -> _Index:
    quotes = _quotes(conn)
    common = _common_lemmas(quotes)
    shingles = {quote.id: _shingles(quote.lemmas, common) for quote in quotes}
    speakers_of: dict[frozenset[str], set[int]] = defaultdict(set)
    for quote in quotes:
        for shingle in shingles[quote.id]:
            speakers_of[shingle].add(quote.speaker_id)
    return _Index(quotes, common, shingles, speakers_of)


def echoes(
    conn: Connection, *, speaker: str | None = None, speaker_id: int | None = None, limit: int = 200
) -> dict[str, Any]:
    """Pairs of quotes of two speakers that share a phrase, the earlier speaker first, most shared first;
    with `speaker` (a name, any spelling) or `speaker_id` only that speaker's."""
    corpus = kept(conn, "echoes", _index)
    quotes, common, shingles, speakers_of = corpus.quotes, corpus.common, corpus.shingles, corpus.speakers_of
    wanted = {e["id"] for e in find_entities(conn, speaker, type="person")} if speaker else None
    if speaker_id is not None:
        wanted = (wanted or set()) | {speaker_id}
    stock = max(STOCK_SPEAKERS, STOCK_SHARE * len({quote.speaker_id for quote in quotes}))
    by_shingle: dict[frozenset[str], list[_Quote]] = defaultdict(list)
    per_speaker: Counter[tuple[frozenset[str], int]] = Counter()
    for quote in quotes:
        for shingle in shingles[quote.id]:
            if 1 < len(speakers_of[shingle]) <= stock and per_speaker[(shingle, quote.speaker_id)] < QUOTES_PER_SPEAKER:
                per_speaker[(shingle, quote.speaker_id)] += 1
                by_shingle[shingle].append(quote)
    pairs: dict[tuple[int, int], set[frozenset[str]]] = defaultdict(set)
    for shingle, sharing in by_shingle.items():
        for a, b in combinations(sharing, 2):
            if a.speaker_id != b.speaker_id:
                pairs[_ordered(a, b)].add(shingle)
    index = {quote.id: quote for quote in quotes}
    found: list[dict[str, Any]] = []
    for (first_id, second_id), shared in pairs.items():
        first, second = index[first_id], index[second_id]
        if wanted is not None and not {first.speaker_id, second.speaker_id} & wanted:
            continue
        found.append(
            {
                "first": _side(first),
                "second": _side(second),
                "shared": _phrases(first.lemmas, shared),
                "shingles": len(shared),
            }
        )
    found.sort(key=lambda e: (-e["shingles"], e["first"]["date"] or "9999", e["first"]["quote_id"]))
    return {"speaker": speaker, "echoes": found[:limit], "total": len(found), "common_words": len(common)}


def _quotes(conn: Connection) -> list[_Quote]:
    """Every quote and claim of a person (a claim's id negated: one numbering for both)."""
    return [
        _Quote(
            id=row["id"] if row["kind"] == "quote" else -row["id"],
            kind=row["kind"],
            start=row["start"],
            end=row["end"],
            doc_id=row["doc_id"],
            speaker_id=row["speaker_id"],
            speaker=row["speaker"],
            text=row["text"],
            lemmas=tuple((row["lemmas"] or row["text"].casefold()).split()),
            date=row["said_on"] or row["published"],
            dated_by="said" if row["said_on"] else ("published" if row["published"] else None),
            title=row["title"],
        )
        for row in conn.execute(
            """SELECT 'quote' AS kind, q.id, q.doc_id, q.text, q.lemmas, q.said_on, q.start, q.end,
                      de.entity_id AS speaker_id, e.name AS speaker, d.published, d.title
                 FROM quotes q JOIN doc_entities de ON de.id = q.speaker_doc_entity_id
                 JOIN entities e ON e.id = de.entity_id JOIN documents d ON d.id = q.doc_id
                WHERE e.type = 'person'
               UNION ALL
               SELECT 'claim', c.id, c.doc_id, c.text, c.lemmas, c.said_on, c.start, c.end, de.entity_id, e.name,
                      d.published, d.title
                 FROM claims c JOIN doc_entities de ON de.id = c.source_doc_entity_id
                 JOIN entities e ON e.id = de.entity_id JOIN documents d ON d.id = c.doc_id
                WHERE e.type = 'person'
                ORDER BY 1 DESC, 2"""
        )
    ]


def _common_lemmas(quotes: list[_Quote]) -> frozenset[str]:
    """The corpus's common lemmas, those in many of its quotes: the function words and the words every quote
    has, learned from the store."""
    counts = Counter(lemma for quote in quotes for lemma in set(quote.lemmas))
    threshold = max(COMMON_FLOOR, COMMON_SHARE * len(quotes))
    return frozenset(lemma for lemma, count in counts.items() if count > threshold)


def _shingles(lemmas: tuple[str, ...], common: frozenset[str]) -> set[frozenset[str]]:
    found = set()
    for start in range(len(lemmas) - SHINGLE + 1):
        window = lemmas[start : start + SHINGLE]
        if sum(1 for lemma in window if lemma not in common) >= CONTENT_WORDS:
            found.add(frozenset(window))
    return found


def _phrases(lemmas: tuple[str, ...], shared: set[frozenset[str]]) -> list[str]:
    """The runs of the first quote's lemmas the shared shingles cover, as phrases."""
    covered = [False] * len(lemmas)
    for start in range(len(lemmas) - SHINGLE + 1):
        if frozenset(lemmas[start : start + SHINGLE]) in shared:
            for index in range(start, start + SHINGLE):
                covered[index] = True
    runs, current = [], []
    for lemma, inside in zip(lemmas, covered, strict=True):
        if inside:
            current.append(lemma)
        elif current:
            runs.append(" ".join(current))
            current = []
    if current:
        runs.append(" ".join(current))
    return runs


def _ordered(a: _Quote, b: _Quote) -> tuple[int, int]:
    """The pair with whoever said it first (said, else published; undated last) first."""
    key_a, key_b = (a.date or "9999", a.id), (b.date or "9999", b.id)
    return (a.id, b.id) if key_a <= key_b else (b.id, a.id)


def _side(quote: _Quote) -> dict[str, Any]:
    return {
        "kind": quote.kind,
        "quote_id": abs(quote.id),
        "start": quote.start,
        "end": quote.end,
        "speaker": {"id": quote.speaker_id, "name": quote.speaker},
        "text": quote.text,
        "date": quote.date,
        "dated_by": quote.dated_by,
        "doc_id": quote.doc_id,
        "title": quote.title,
    }
