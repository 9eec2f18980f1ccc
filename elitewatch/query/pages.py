"""Read-side queries for the web pages: the corpus at a glance, one document with its facts, two people."""

from __future__ import annotations

from typing import Any

from elitewatch.dbapi import Connection, dialect
from elitewatch.errors import NotFoundError
from elitewatch.query.kept import kept_each
from elitewatch.query.queries import _rows, corpus_summary, entity_profile, search_events, search_quotes
from elitewatch.query.terms import Scored, distinctive_terms, shared_topics, speaker_scores
from elitewatch.store.corrections import corrections_of

# People whose profile and distinctive terms a server process keeps for the pages comparing two of them
# (the profiles' mean is 120 kB as JSON on the 10,000-document store, the largest 1 MB; the 200 most named
# take 55 MB in memory, with their terms, scores and drawn events): the people compared are few, the most
# named (bench/load.py takes pairs of the 200 most named), and a profile is 60% of a comparison's work. At
# 100, half of the pairs of the 200 missed one.
KEPT_PEOPLE = 200

# A publication date known to the month at least (2024-03, 2024-03-05).
DATED_TO_THE_MONTH = {
    "sqlite": "published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'",
    "postgresql": "published ~ '^[0-9]{4}-[0-9]{2}'",
}


def home(conn: Connection, *, top: int = 10) -> dict[str, Any]:
    """The corpus at a glance: documents by month, languages, the most mentioned and most quoted people."""
    summary = corpus_summary(conn, top=top)
    summary["by_month"] = _rows(
        conn.execute(
            f"""SELECT substr(published, 1, 7) AS month, COUNT(*) AS documents FROM documents
                WHERE {DATED_TO_THE_MONTH[dialect(conn)]} GROUP BY month ORDER BY month"""
        )
    )
    summary["by_month"] = _every_month(summary["by_month"])
    summary["undated"] = int(conn.execute("SELECT COUNT(*) FROM documents WHERE published IS NULL").fetchone()[0])
    summary["recent"] = _rows(
        conn.execute("SELECT id, title, published, language FROM documents ORDER BY published DESC, id LIMIT ?", (top,))
    )
    return summary


def _every_month(counts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The months from the first to the last, those without documents at zero (an honest time axis)."""
    if not counts:
        return []
    found = {row["month"]: row["documents"] for row in counts}
    year, month = (int(part) for part in counts[0]["month"].split("-"))
    months = []
    while f"{year:04d}-{month:02d}" <= counts[-1]["month"]:
        key = f"{year:04d}-{month:02d}"
        months.append({"month": key, "documents": found.get(key, 0)})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def document_view(conn: Connection, doc_id: str) -> dict[str, Any]:
    """One document: its text and metadata (how the publication date was found), its mentions with their
    entities, and its quotes, offices and events with their offsets."""
    row = conn.execute(
        """SELECT id, title, url, outlet, author, published, published_how, published_confidence, language,
                  source, text, ingested_at FROM documents WHERE id = ?""",
        (doc_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError("no document with this id", source=doc_id)
    document = dict(row)
    document["mentions"] = _rows(
        conn.execute(
            """SELECT m.start, m.end, m.text, m.type, de.entity_id, e.name AS entity
                 FROM mentions m JOIN doc_entities de ON de.id = m.doc_entity_id JOIN entities e ON e.id = de.entity_id
                WHERE m.doc_id = ? ORDER BY m.start""",
            (doc_id,),
        )
    )
    document["quotes"] = _rows(
        conn.execute(
            """SELECT q.id, q.text, q.start, q.end, q.said_on, q.confidence, q.correction_id,
                      de.entity_id AS speaker_id, e.name AS speaker
                 FROM quotes q LEFT JOIN doc_entities de ON de.id = q.speaker_doc_entity_id
                 LEFT JOIN entities e ON e.id = de.entity_id
                WHERE q.doc_id = ? ORDER BY q.start""",
            (doc_id,),
        )
    )
    document["positions"] = _rows(
        conn.execute(
            """SELECT p.id, person.entity_id AS person_id, e.name AS person, p.role,
                      COALESCE(org.name, p.org_text) AS org, p.start, p.end, p.as_of, p.ended,
                      p.sentence_start, p.sentence_end, p.pattern, p.confidence, p.correction_id
                 FROM positions p JOIN doc_entities person ON person.id = p.person_doc_entity_id
                 JOIN entities e ON e.id = person.entity_id
                 LEFT JOIN doc_entities org ON org.id = p.org_doc_entity_id
                WHERE p.doc_id = ? ORDER BY p.sentence_start""",
            (doc_id,),
        )
    )
    document["events"] = search_events(conn, doc_id=doc_id, limit=1_000, joined=False)
    document["corrections"] = corrections_of(conn, doc_id)
    return document


def compare(conn: Connection, a: int, b: int, *, topic: str | None = None) -> dict[str, Any]:
    """Two people side by side: their offices and events over time, each one's distinctive terms (log-odds
    against the corpus), the topics both speak about, and, for a searched `topic`, their quotes on it in time."""
    first, second = kept_profile(conn, a), kept_profile(conn, b)
    on_topic: dict[str, list[dict[str, Any]]] = {"a": [], "b": []}
    if topic and topic.strip():
        for side, who in (("a", a), ("b", b)):
            found = search_quotes(conn, speaker_id=who, text=topic, limit=200)
            on_topic[side] = sorted(found, key=lambda q: (q["said_on"] or q["published"] or "9999", q["id"]))
    return {
        "a": first,
        "b": second,
        "a_terms": _terms(conn, a),
        "b_terms": _terms(conn, b),
        "shared_topics": shared_topics(conn, a, b, scored=lambda who: _scored(conn, who)),
        "topic": topic,
        "a_on_topic": on_topic["a"],
        "b_on_topic": on_topic["b"],
        "both_at": [e for e in first["events"] if any(p["id"] == b for p in e["participants"])],
    }


def kept_profile(conn: Connection, person: int) -> dict[str, Any]:
    """A person's whole profile as a comparison shows it, kept for the store's generation (KEPT_PEOPLE)."""
    # kept as drawn: nothing that reads it changes it (the page, its JSON, the chart)
    return kept_each(conn, "profile", person, lambda conn: entity_profile(conn, person), size=KEPT_PEOPLE)


def _terms(conn: Connection, person: int) -> list[dict[str, Any]]:
    def build(conn: Connection) -> list[dict[str, Any]]:
        return distinctive_terms(conn, person, scored=lambda who: _scored(conn, who))

    return kept_each(conn, "terms", person, build, size=KEPT_PEOPLE)


def _scored(conn: Connection, person: int) -> Scored:
    # every term's z-score of a person's quotes: what both the person's terms and the topics shared with anyone
    # are ranked by (counted for both people of every comparison, a fifth of its work once the profiles were kept)
    return kept_each(conn, "term-scores", person, lambda conn: speaker_scores(conn, person), size=KEPT_PEOPLE)
