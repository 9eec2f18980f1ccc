"""Writing one analysed document: its row, then its facts by the links resolution decided
(elitewatch.resolve.stage); the pipeline holds the transaction around both (elitewatch.pipeline.store_analysis)."""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from enum import Enum

from elitewatch.dbapi import Connection
from elitewatch.extract.registry import PIPELINE, made_by
from elitewatch.model import Analysis, Document, Token

WORD = re.compile(r"\w")

# Each fact is stored with the name and version of the component that made it.
_made_by_entities, _made_by_quotes, _made_by_claims, _made_by_positions, _made_by_events = (
    (made_by(name).name, made_by(name).version) for name in ("entities", "quotes", "claims", "positions", "events")
)


class WriteOutcome(Enum):
    ADDED = "added"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


def content_hash(document: Document) -> str:
    # "language": None stands where documents had their language (it is the parse's now): the same hash as then.
    payload = json.dumps(
        {**asdict(document), "source": None, "language": None, "pipeline": PIPELINE.version}, sort_keys=True
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def is_unchanged(conn: Connection, document: Document) -> bool:
    row = conn.execute("SELECT content_hash FROM documents WHERE id = ?", (document.id,)).fetchone()
    return row is not None and row[0] == content_hash(document)


@dataclass
class Replacing:
    """A document about to be written: whether it replaces a stored version, and that version's entities."""

    replaced: bool
    entities: set[int]


def replace_document(conn: Connection, analysis: Analysis) -> Replacing | None:
    """The document's row written (its stored version and every fact of it deleted first); None when the store
    holds it unchanged. Inside the caller's transaction."""
    document = analysis.parsed.doc
    digest = content_hash(document)
    row = conn.execute("SELECT content_hash FROM documents WHERE id = ?", (document.id,)).fetchone()
    if row is not None and row[0] == digest:
        return None
    previous: set[int] = set()
    if row is not None:
        previous.update(
            r[0] for r in conn.execute("SELECT entity_id FROM doc_entities WHERE doc_id = ?", (document.id,))
        )
        conn.execute("DELETE FROM documents WHERE id = ?", (document.id,))
    _insert_document(conn, analysis, digest)
    return Replacing(replaced=row is not None, entities=previous)


def write_facts(conn: Connection, analysis: Analysis, local_ids: dict[int, int]) -> None:
    """The document's mentions, quotes, offices and events, each entity by the link resolution made for it
    (`local_ids`: LocalEntity index -> doc_entities id)."""
    _insert_mentions(conn, analysis, local_ids)
    _insert_quotes(conn, analysis, local_ids)
    _insert_claims(conn, analysis, local_ids)
    _insert_positions(conn, analysis, local_ids)
    _insert_events(conn, analysis, local_ids)


def _insert_document(conn: Connection, analysis: Analysis, digest: str) -> None:
    document = analysis.parsed.doc
    conn.execute(
        """INSERT INTO documents (id, content_hash, source, title, url, outlet, author, published,
                                  published_how, published_confidence, language, text, ingested_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            document.id,
            digest,
            document.source,
            document.title,
            document.url,
            document.outlet,
            document.author,
            analysis.published,
            analysis.published_how,
            analysis.published_confidence,
            analysis.parsed.language,
            document.text,
            datetime.now(UTC).isoformat(timespec="seconds"),
        ),
    )


def _insert_mentions(conn: Connection, analysis: Analysis, local_ids: dict[int, int]) -> None:
    doc_id = analysis.parsed.doc.id
    conn.executemany(
        """INSERT INTO mentions (doc_id, doc_entity_id, start, end, text, normal, type, evidence, extractor, extractor_version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (doc_id, local_ids[entity.index], m.start, m.end, m.text, m.normal, m.type, m.evidence, *_made_by_entities)
            for entity in analysis.entities
            for m in entity.mentions
        ],
    )


def lemmas_between(tokens: list[Token], starts: list[int], start: int, end: int) -> str:
    """The lemmas of the words in text[start:end], space-separated (tokens sorted by start, `starts` theirs)."""
    first = bisect_left(starts, start)
    words = []
    for token in tokens[first:]:
        if token.start >= end:
            break
        if token.end <= end and WORD.search(token.text):
            words.append(token.lemma.casefold())
    return " ".join(words)


def _insert_quotes(conn: Connection, analysis: Analysis, local_ids: dict[int, int]) -> None:
    doc_id = analysis.parsed.doc.id
    starts = [token.start for token in analysis.parsed.tokens]
    conn.executemany(
        """INSERT INTO quotes (doc_id, speaker_doc_entity_id, speaker_text, text, start, end, attribution_start,
                              attribution_end, said_on, dated, language, confidence, extractor, extractor_version,
                              lemmas, speaker_org_doc_entity_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                doc_id,
                local_ids.get(q.speaker) if q.speaker is not None else None,
                q.speaker_text,
                q.text,
                q.start,
                q.end,
                q.attribution_start,
                q.attribution_end,
                q.said_on,
                q.said_on or analysis.published,  # the date the quote is listed under
                q.language,
                q.confidence,
                *_made_by_quotes,
                lemmas_between(analysis.parsed.tokens, starts, q.start, q.end),
                local_ids.get(q.speaker_org) if q.speaker_org is not None else None,
            )
            for q in analysis.quotes
        ],
    )


def _insert_claims(conn: Connection, analysis: Analysis, local_ids: dict[int, int]) -> None:
    doc_id = analysis.parsed.doc.id
    starts = [token.start for token in analysis.parsed.tokens]
    for claim in analysis.claims:
        cursor = conn.execute(
            """INSERT INTO claims (doc_id, source_doc_entity_id, source_text, text, start, end, cue, cue_start,
                                   cue_end, polarity, said_on, dated, language, confidence, extractor,
                                   extractor_version, lemmas)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                doc_id,
                local_ids.get(claim.source) if claim.source is not None else None,
                claim.source_text,
                claim.text,
                claim.start,
                claim.end,
                claim.cue,
                claim.cue_start,
                claim.cue_end,
                claim.polarity,
                claim.said_on,
                claim.said_on or analysis.published,
                claim.language,
                claim.confidence,
                *_made_by_claims,
                lemmas_between(analysis.parsed.tokens, starts, claim.start, claim.end),
            ),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO claim_about (claim_id, doc_entity_id) VALUES (?, ?)",
            [(cursor.lastrowid, local_ids[index]) for index in claim.about if index in local_ids],
        )


def _insert_positions(conn: Connection, analysis: Analysis, local_ids: dict[int, int]) -> None:
    conn.executemany(
        """INSERT INTO positions (doc_id, person_doc_entity_id, role, org_doc_entity_id, org_text, start, end, as_of,
                                  ended, sentence_start, sentence_end, evidence_start, evidence_end, pattern,
                                  confidence, extractor, extractor_version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                analysis.parsed.doc.id,
                local_ids[p.person],
                p.role,
                local_ids.get(p.org) if p.org is not None else None,
                p.org_text or None,  # no words are none (an office's sums key them as one: migration 021)
                p.start,
                p.end,
                p.as_of,
                int(p.ended),
                p.sentence_start,
                p.sentence_end,
                p.evidence_start,
                p.evidence_end,
                p.pattern,
                p.confidence,
                *_made_by_positions,
            )
            for p in analysis.positions
        ],
    )


def _insert_events(conn: Connection, analysis: Analysis, local_ids: dict[int, int]) -> None:
    for event in analysis.events:
        cursor = conn.execute(
            """INSERT INTO events (doc_id, type, date, place_doc_entity_id, place_text, trigger, trigger_start,
                                   trigger_end, sentence_start, sentence_end, confidence, extractor, extractor_version)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                analysis.parsed.doc.id,
                event.type,
                event.date,
                local_ids.get(event.place) if event.place is not None else None,
                event.place_text,
                event.trigger,
                event.trigger_start,
                event.trigger_end,
                event.sentence_start,
                event.sentence_end,
                event.confidence,
                *_made_by_events,
            ),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO event_participants (event_id, doc_entity_id, role) VALUES (?, ?, ?)",
            [(cursor.lastrowid, local_ids[p], event.roles.get(p)) for p in event.participants],
        )
