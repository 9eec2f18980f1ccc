"""Export of every fact as JSON Lines, exactly the records of ../shared/gold/FORMAT.md."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from elitewatch.dbapi import Connection
from elitewatch.query.facts import event_facts, office_facts
from elitewatch.resolve.judgements import VERDICTS


def export_records(conn: Connection) -> Iterator[dict[str, Any]]:
    for row in conn.execute(
        "SELECT id, language, published, published_how, published_confidence, title, outlet, author, url"
        " FROM documents ORDER BY id"
    ):
        yield {
            "kind": "document",
            "doc": row["id"],
            "language": row["language"],
            "published": row["published"],
            "published_how": row["published_how"],
            "published_confidence": row["published_confidence"],
            "title": row["title"],
            "outlet": row["outlet"],
            "author": row["author"],
            "url": row["url"],
        }
    corrections = _corrections(conn)
    alias_rows: dict[int, list[str]] = {}
    for entity_id, alias in conn.execute(
        "SELECT entity_id, alias FROM aliases ORDER BY entity_id, mentions DESC, alias"
    ):
        alias_rows.setdefault(entity_id, []).append(alias)
    for row in conn.execute("SELECT id, type, name, wikidata FROM entities ORDER BY id"):
        yield {
            "kind": "entity",
            "id": row["id"],
            "type": row["type"],
            "name": row["name"],
            "aliases": alias_rows.get(row["id"], []),
            "wikidata": row["wikidata"],
        }
    for row in conn.execute(
        """SELECT q.*, de.entity_id, org.entity_id AS org_id FROM quotes q
             LEFT JOIN doc_entities de ON de.id = q.speaker_doc_entity_id
             LEFT JOIN doc_entities org ON org.id = q.speaker_org_doc_entity_id
           ORDER BY q.doc_id, q.start"""
    ):
        yield {
            "kind": "quote",
            "id": row["id"],
            "doc": row["doc_id"],
            "speaker": row["entity_id"],  # none for an unnamed speaker; `speaks_for` says for whom
            "speaker_name": row["speaker_text"],
            **({"speaks_for": row["org_id"]} if row["org_id"] is not None else {}),
            "text": row["text"],
            "said_on": row["said_on"],
            "start": row["start"],
            "end": row["end"],
            "confidence": row["confidence"],
            "extractor": _extractor(row),
            **_corrected(corrections, row),
        }
    about: dict[int, list[int]] = {}
    for claim_id, entity_id in conn.execute(
        """SELECT ca.claim_id, de.entity_id FROM claim_about ca JOIN doc_entities de ON de.id = ca.doc_entity_id
            ORDER BY ca.claim_id, de.entity_id"""
    ):
        about.setdefault(claim_id, []).append(entity_id)
    for row in conn.execute(
        """SELECT c.*, de.entity_id FROM claims c LEFT JOIN doc_entities de ON de.id = c.source_doc_entity_id
            ORDER BY c.doc_id, c.start"""
    ):
        yield {
            "kind": "claim",
            "id": row["id"],
            "doc": row["doc_id"],
            # no entity: the words that describe the source ("civil rights activists"), null when none do
            "source": row["entity_id"] if row["entity_id"] is not None else row["source_text"],
            "source_name": row["source_text"],
            "text": row["text"],
            "cue": row["cue"],
            "polarity": row["polarity"],
            "said_on": row["said_on"],
            "about": list(dict.fromkeys(about.get(row["id"], []))),
            "start": row["start"],
            "end": row["end"],
            "confidence": row["confidence"],
            "extractor": _extractor(row),
        }
    offices = office_facts(conn)
    for row in conn.execute(
        """SELECT p.*, person.entity_id AS person_id, org.entity_id AS org_id, org.name AS org_name
             FROM positions p
             JOIN doc_entities person ON person.id = p.person_doc_entity_id
             LEFT JOIN doc_entities org ON org.id = p.org_doc_entity_id
            ORDER BY p.doc_id, p.evidence_start"""
    ):
        yield {
            "kind": "position",
            "id": row["id"],
            "fact": offices.fact_of.get(row["id"]),
            "doc": row["doc_id"],
            "person": row["person_id"],
            "role": row["role"],
            "org": row["org_id"] if row["org_id"] is not None else row["org_text"],
            "org_name": row["org_name"] or row["org_text"],
            "start": row["start"],
            "end": row["end"],
            "as_of": row["as_of"],
            "ended": bool(row["ended"]),
            "pattern": row["pattern"],
            "sentence": [row["sentence_start"], row["sentence_end"]],
            "evidence": [row["evidence_start"], row["evidence_end"]],
            "confidence": row["confidence"],
            "extractor": _extractor(row),
            **_corrected(corrections, row),
        }
    participants: dict[int, list[str]] = {}
    roles: dict[int, dict[int, str]] = {}
    for row in conn.execute(
        """SELECT ep.event_id, de.entity_id, ep.role FROM event_participants ep
             JOIN doc_entities de ON de.id = ep.doc_entity_id ORDER BY ep.event_id, ep.rowid"""
    ):
        participants.setdefault(row["event_id"], []).append(row["entity_id"])
        if row["role"]:
            roles.setdefault(row["event_id"], {})[row["entity_id"]] = row["role"]
    events = event_facts(conn)
    for row in conn.execute(
        """SELECT e.*, place.entity_id AS place_id FROM events e
             LEFT JOIN doc_entities place ON place.id = e.place_doc_entity_id
            ORDER BY e.doc_id, e.trigger_start"""
    ):
        yield {
            "kind": "event",
            "id": row["id"],
            "fact": events.fact_of.get(row["id"]),
            "doc": row["doc_id"],
            "type": row["type"],
            "participants": list(dict.fromkeys(participants.get(row["id"], []))),
            "roles": {str(entity): role for entity, role in roles.get(row["id"], {}).items()},
            "date": row["date"],
            "place": row["place_id"] if row["place_id"] is not None else row["place_text"],
            "place_name": row["place_text"],
            "trigger": row["trigger"],
            "sentence": [row["sentence_start"], row["sentence_end"]],
            "evidence": [row["trigger_start"], row["trigger_end"]],
            "confidence": row["confidence"],
            "extractor": _extractor(row),
            **_corrected(corrections, row),
        }
    for made in corrections.values():  # rejections too: what an analyst decided, and why
        yield {"kind": "correction", **made}
    for row in conn.execute("SELECT * FROM judgements ORDER BY id"):  # who said which names are one, and why
        yield {
            "kind": "judgement",
            "id": row["id"],
            "judgement": row["kind"],
            "verdict": VERDICTS.get(row["kind"], "unsure"),
            "type": row["type"],
            "a": row["a"],
            "b": row["b"],
            "who": row["made_by"],
            "why": row["why"],
            "at": row["created_at"],
        }


def _corrections(conn: Connection) -> dict[int, dict[str, Any]]:
    return {
        row["id"]: {
            "id": row["id"],
            "fact": row["kind"],
            "action": row["action"],
            "doc": row["doc_id"],
            "words": row["words"],
            "anchor": [row["anchor_start"], row["anchor_end"]],
            "fields": json.loads(row["fields"]),
            "who": row["who"],
            "why": row["why"],
            "at": row["created_at"],
        }
        for row in conn.execute("SELECT * FROM corrections ORDER BY id")
    }


def _corrected(corrections: dict[int, dict[str, Any]], row: sqlite3.Row) -> dict[str, Any]:
    """The correction a fact carries, when an analyst corrected it."""
    made = corrections.get(row["correction_id"]) if row["correction_id"] is not None else None
    return {"correction": made} if made is not None else {}


def _extractor(row: sqlite3.Row) -> str:
    """ "positions/1": which extractor, at which version, made the record."""
    return f"{row['extractor']}/{row['extractor_version']}"
