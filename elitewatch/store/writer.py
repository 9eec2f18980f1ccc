"""Writing one analysed document: replace its facts in one transaction, link its entities."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict
from datetime import UTC, datetime
from enum import Enum

from elitewatch import temporal
from elitewatch.extract import entities as entity_extractor
from elitewatch.extract import events as event_extractor
from elitewatch.extract import positions as position_extractor
from elitewatch.extract import quotes as quote_extractor
from elitewatch.model import Analysis, Document, LocalEntity
from elitewatch.resolve.linker import add_aliases, rebuild_aliases, remove_orphans
from elitewatch.resolve.resolver import Context, apply_judgements, resolve_entity, settle_name
from elitewatch.store.db import transaction
from elitewatch.vocabulary.countries import country_named
from elitewatch.vocabulary.offices import office_head

PIPELINE_VERSION = (
    f"{entity_extractor.EXTRACTOR}-{entity_extractor.VERSION}+{quote_extractor.EXTRACTOR}-{quote_extractor.VERSION}"
    f"+{position_extractor.EXTRACTOR}-{position_extractor.VERSION}+{event_extractor.EXTRACTOR}-{event_extractor.VERSION}"
    f"+temporal-{temporal.VERSION}"
)


class WriteOutcome(Enum):
    ADDED = "added"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


def content_hash(document: Document) -> str:
    # The language is derived during analysis: leaving it out lets an unchanged file be skipped before parsing.
    payload = json.dumps(
        {**asdict(document), "source": None, "language": None, "pipeline": PIPELINE_VERSION}, sort_keys=True
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def is_unchanged(conn: sqlite3.Connection, document: Document) -> bool:
    row = conn.execute("SELECT content_hash FROM documents WHERE id = ?", (document.id,)).fetchone()
    return row is not None and row[0] == content_hash(document)


def write_analysis(conn: sqlite3.Connection, analysis: Analysis) -> WriteOutcome:
    document = analysis.parsed.doc
    digest = content_hash(document)
    with transaction(conn):
        row = conn.execute("SELECT content_hash FROM documents WHERE id = ?", (document.id,)).fetchone()
        if row is not None and row[0] == digest:
            return WriteOutcome.UNCHANGED
        touched: set[int] = set()
        if row is not None:
            touched.update(
                r[0] for r in conn.execute("SELECT entity_id FROM doc_entities WHERE doc_id = ?", (document.id,))
            )
            conn.execute("DELETE FROM documents WHERE id = ?", (document.id,))
        _insert_document(conn, analysis, digest)
        local_ids = _link_entities(conn, document.id, analysis, touched)
        _insert_quotes(conn, analysis, local_ids)
        _insert_positions(conn, analysis, local_ids)
        _insert_events(conn, analysis, local_ids)
        if row is None:
            add_aliases(conn, document.id)  # a new document only adds forms: no rebuild of popular entities
        else:
            remove_orphans(conn, touched)
            rebuild_aliases(conn, [t for t in touched if _exists(conn, t)])
        apply_judgements(conn)
    return WriteOutcome.REPLACED if row is not None else WriteOutcome.ADDED


def _exists(conn: sqlite3.Connection, entity_id: int) -> bool:
    return conn.execute("SELECT 1 FROM entities WHERE id = ?", (entity_id,)).fetchone() is not None


def _link_entities(conn: sqlite3.Connection, doc_id: str, analysis: Analysis, touched: set[int]) -> dict[int, int]:
    """Resolve the document's entities, the ones with a full name first: the canonical entities they
    resolve to are the context the others are compared in ("named with Putin and Nazarbayev elsewhere"),
    with the offices and countries the document gives each."""
    offices: dict[int, set[str]] = {}
    countries: dict[int, set[str]] = {}
    for position in analysis.positions:
        offices.setdefault(position.person, set()).add(office_head(position.role))
        org = analysis.entities[position.org].name if position.org is not None else position.org_text
        if org and (country := country_named(org)):
            countries.setdefault(position.person, set()).add(country)
    order = sorted(analysis.entities, key=lambda e: (e.type == "person" and len(e.name.split()) == 1, e.index))
    context: list[int] = []
    local_ids: dict[int, int] = {}
    for entity in order:
        around = Context(
            frozenset(context),
            frozenset(offices.get(entity.index, set())),
            frozenset(countries.get(entity.index, set())),
        )
        entity_id = resolve_entity(conn, entity, around)
        context.append(entity_id)
        touched.add(entity_id)
        local_ids[entity.index] = _insert_entity(conn, doc_id, entity, entity_id)
        settle_name(conn, entity_id, entity.name)
    return local_ids


def _insert_document(conn: sqlite3.Connection, analysis: Analysis, digest: str) -> None:
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
            document.language,
            document.text,
            datetime.now(UTC).isoformat(timespec="seconds"),
        ),
    )


def _insert_entity(conn: sqlite3.Connection, doc_id: str, entity: LocalEntity, entity_id: int) -> int:
    cursor = conn.execute(
        "INSERT INTO doc_entities (doc_id, local_no, entity_id, name, type, confidence) VALUES (?, ?, ?, ?, ?, ?)",
        (doc_id, entity.index, entity_id, entity.name, entity.type, entity.confidence),
    )
    local_id = int(cursor.lastrowid or 0)
    conn.executemany(
        """INSERT INTO mentions (doc_id, doc_entity_id, start, end, text, normal, type, evidence, extractor, extractor_version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                doc_id,
                local_id,
                m.start,
                m.end,
                m.text,
                m.normal,
                m.type,
                m.evidence,
                entity_extractor.EXTRACTOR,
                entity_extractor.VERSION,
            )
            for m in entity.mentions
        ],
    )
    return local_id


def _insert_quotes(conn: sqlite3.Connection, analysis: Analysis, local_ids: dict[int, int]) -> None:
    doc_id = analysis.parsed.doc.id
    conn.executemany(
        """INSERT INTO quotes (doc_id, speaker_doc_entity_id, speaker_text, text, start, end, attribution_start,
                              attribution_end, said_on, dated, language, confidence, extractor, extractor_version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
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
                quote_extractor.EXTRACTOR,
                quote_extractor.VERSION,
            )
            for q in analysis.quotes
        ],
    )


def _insert_positions(conn: sqlite3.Connection, analysis: Analysis, local_ids: dict[int, int]) -> None:
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
                p.org_text,
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
                position_extractor.EXTRACTOR,
                position_extractor.VERSION,
            )
            for p in analysis.positions
        ],
    )


def _insert_events(conn: sqlite3.Connection, analysis: Analysis, local_ids: dict[int, int]) -> None:
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
                event_extractor.EXTRACTOR,
                event_extractor.VERSION,
            ),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO event_participants (event_id, doc_entity_id) VALUES (?, ?)",
            [(cursor.lastrowid, local_ids[p]) for p in event.participants],
        )
