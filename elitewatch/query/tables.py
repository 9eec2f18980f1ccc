"""Facts as tables for spreadsheets: one kind of fact per table, names instead of ids, the sentence beside it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from elitewatch.dbapi import Connection
from elitewatch.errors import ElitewatchError
from elitewatch.query.facts import event_facts, office_facts

Row = dict[str, Any]

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("document", "title", "published", "published_how", "language", "outlet", "author", "url"),
    "entities": ("id", "type", "name", "aliases", "wikidata", "documents"),
    "quotes": ("document", "published", "speaker", "speaker_as_written", "said_on", "quote", "confidence", "url"),
    "positions": (
        "document", "published", "person", "role", "organization", "start", "end", "as_of", "ended",
        "sentence", "confidence", "url", "fact",
    ),
    "events": (
        "document", "published", "type", "date", "participants", "place", "trigger", "sentence", "confidence", "url",
        "fact",
    ),
}  # fmt: skip
KINDS = tuple(COLUMNS)


def table_rows(conn: Connection, kind: str) -> Iterator[Row]:
    """The rows of one table (its columns are ``COLUMNS[kind]``), in document order."""
    if kind not in COLUMNS:
        raise ElitewatchError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    rows: Iterator[Row] = {
        "documents": _documents,
        "entities": _entities,
        "quotes": _quotes,
        "positions": _positions,
        "events": _events,
    }[kind](conn)
    return rows


def _documents(conn: Connection) -> Iterator[Row]:
    for row in conn.execute(
        "SELECT id, title, published, published_how, language, outlet, author, url FROM documents ORDER BY id"
    ):
        yield {"document": row["id"], **{key: row[key] for key in COLUMNS["documents"][1:]}}


def _entities(conn: Connection) -> Iterator[Row]:
    for row in conn.execute(
        """SELECT e.id, e.type, e.name, e.wikidata,
                  (SELECT group_concat(alias, ' | ') FROM
                     (SELECT alias FROM aliases a WHERE a.entity_id = e.id AND a.alias != e.name
                       ORDER BY mentions DESC, alias) ranked) AS aliases,
                  (SELECT count(DISTINCT doc_id) FROM doc_entities de WHERE de.entity_id = e.id) AS documents
             FROM entities e ORDER BY e.id"""
    ):
        if row["documents"]:
            yield {key: row[key] for key in COLUMNS["entities"]}


def _quotes(conn: Connection) -> Iterator[Row]:
    for row in conn.execute(
        """SELECT q.doc_id, d.published, d.url, e.name AS speaker, q.speaker_text, q.said_on, q.text, q.confidence
             FROM quotes q JOIN documents d ON d.id = q.doc_id
             LEFT JOIN doc_entities de ON de.id = q.speaker_doc_entity_id
             LEFT JOIN entities e ON e.id = de.entity_id
            ORDER BY q.doc_id, q.start"""
    ):
        yield {
            "document": row["doc_id"],
            "published": row["published"],
            "speaker": row["speaker"],
            "speaker_as_written": row["speaker_text"],
            "said_on": row["said_on"],
            "quote": row["text"],
            "confidence": row["confidence"],
            "url": row["url"],
        }


def _positions(conn: Connection) -> Iterator[Row]:
    facts = office_facts(conn)
    for row in conn.execute(
        """SELECT p.id, p.doc_id, d.published, d.url, person.name AS person, p.role,
                  coalesce(org.name, p.org_text) AS organization, p.start, p."end", p.as_of, p.ended,
                  substr(d.text, p.sentence_start + 1, p.sentence_end - p.sentence_start) AS sentence, p.confidence
             FROM positions p JOIN documents d ON d.id = p.doc_id
             JOIN doc_entities pde ON pde.id = p.person_doc_entity_id JOIN entities person ON person.id = pde.entity_id
             LEFT JOIN doc_entities ode ON ode.id = p.org_doc_entity_id LEFT JOIN entities org ON org.id = ode.entity_id
            ORDER BY p.doc_id, p.evidence_start"""
    ):
        yield {
            "document": row["doc_id"],
            **{key: row[key] for key in COLUMNS["positions"][1:] if key not in ("ended", "fact")},
            "ended": bool(row["ended"]),
            "fact": facts.fact_of.get(row["id"]),
        }


def _events(conn: Connection) -> Iterator[Row]:
    facts = event_facts(conn)
    for row in conn.execute(
        """SELECT ev.id, ev.doc_id, d.published, d.url, ev.type, ev.date, ev.place_text AS place, ev.trigger,
                  substr(d.text, ev.sentence_start + 1, ev.sentence_end - ev.sentence_start) AS sentence,
                  ev.confidence,
                  (SELECT group_concat(name, '; ') FROM
                     (SELECT e.name FROM event_participants ep
                        JOIN doc_entities de ON de.id = ep.doc_entity_id JOIN entities e ON e.id = de.entity_id
                       WHERE ep.event_id = ev.id GROUP BY e.id ORDER BY min(ep.rowid)) named) AS participants
             FROM events ev JOIN documents d ON d.id = ev.doc_id
            ORDER BY ev.doc_id, ev.trigger_start"""
    ):
        yield {
            "document": row["doc_id"],
            **{key: row[key] for key in COLUMNS["events"][1:-1]},
            "fact": facts.fact_of.get(row["id"]),
        }
