"""Documents found by words: the most relevant of the newest matches, then the documents naming an entity
the words name, each with where the page opens and a snippet."""

from __future__ import annotations

import re
from typing import Any

from elitewatch.dbapi import Connection, dialect
from elitewatch.query.fulltext import fts_query
from elitewatch.query.queries import _rows, find_entities

SEARCH_WINDOW = 2000  # the newest matching documents that relevance ranks


def search_documents(conn: Connection, text: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Documents matching the words, the most relevant of the newest SEARCH_WINDOW matches first (ranking
    every match of a common word in a large store is what made search slow), then the documents that name
    an entity the words name in any of its spellings ("Tokaev" finds every document of Tokayev). Each with
    `hit_start`/`hit_end`, where the page opens, and a snippet around it."""
    query = fts_query(text, dialect(conn))
    found = _rows(
        conn.execute(
            """SELECT d.id, d.title, d.published, d.language,
                      ts_headline(elitewatch_config(d.language), d.text, elitewatch_tsquery(?),
                                  'StartSel=[, StopSel=], MaxFragments=1, MaxWords=12, MinWords=6,
                                   FragmentDelimiter=" … "') AS snippet
               FROM (SELECT rowid FROM documents WHERE fts @@ elitewatch_tsquery(?) ORDER BY rowid DESC LIMIT ?) newest
               JOIN documents d ON d.rowid = newest.rowid
               ORDER BY ts_rank(d.fts, elitewatch_tsquery(?)) DESC, d.rowid DESC LIMIT ?""",
            (query, query, SEARCH_WINDOW, query, limit),
        )
        if dialect(conn) == "postgresql"
        else conn.execute(
            """SELECT d.id, d.title, d.published, d.language,
                      snippet(documents_fts, 1, '[', ']', ' … ', 12) AS snippet
               FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
               WHERE documents_fts MATCH ? AND documents_fts.rowid >= (
                     SELECT COALESCE(MIN(rowid), 0) FROM (
                         SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT ?))
               ORDER BY rank LIMIT ?""",
            (query, query, SEARCH_WINDOW, limit),
        )
    )
    words = re.findall(r"\w+", text)
    for row in found:
        row["hit_start"], row["hit_end"] = _first_hit(conn, row["id"], words)
        row["via"] = "words"
    if len(found) < limit and words:
        seen = {row["id"] for row in found}
        for row in _documents_naming(conn, text, limit=limit - len(found), skip=seen):
            found.append(row)
    return found


def _first_hit(conn: Connection, doc_id: str, words: list[str]) -> tuple[int | None, int | None]:
    """Where the first of the words (the last one as a prefix, as the search matched it) is in the text."""
    row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None or not words:
        return None, None
    parts = [rf"\b{re.escape(w)}\b" for w in words[:-1]] + [rf"\b{re.escape(words[-1])}\w*"]
    match = re.search("|".join(parts), row["text"], re.IGNORECASE)
    return (match.start(), match.end()) if match else (None, None)


# Each document's first mention of the entities: SQLite takes a bare column from the row of MIN(); PostgreSQL
# says so with DISTINCT ON.
FIRST_MENTION = {
    "sqlite": """SELECT de.doc_id, de.entity_id, MIN(m.start) AS start FROM doc_entities de
                   JOIN mentions m ON m.doc_entity_id = de.id
                  WHERE de.entity_id IN ({marks}) GROUP BY de.doc_id""",
    "postgresql": """SELECT DISTINCT ON (de.doc_id) de.doc_id, de.entity_id, m.start FROM doc_entities de
                       JOIN mentions m ON m.doc_entity_id = de.id
                      WHERE de.entity_id IN ({marks}) ORDER BY de.doc_id, m.start, de.entity_id""",
}


def _documents_naming(conn: Connection, name: str, *, limit: int, skip: set[str]) -> list[dict[str, Any]]:
    """The newest documents naming an entity called `name`, each at its first mention there."""
    ids = [e["id"] for e in find_entities(conn, name)]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = _rows(
        conn.execute(
            f"""SELECT d.id, d.title, d.published, d.language, first.start AS hit_start, first.end AS hit_end,
                       e.name AS entity, substr(d.text, max(0, first.start - 80) + 1, first.end - first.start + 160)
                       AS context, max(0, first.start - 80) AS context_start
                  FROM ({FIRST_MENTION[dialect(conn)].format(marks=marks)}) hit
                  JOIN mentions first ON first.doc_id = hit.doc_id AND first.start = hit.start
                  JOIN documents d ON d.id = hit.doc_id JOIN entities e ON e.id = hit.entity_id
                 ORDER BY d.published DESC, d.id LIMIT ?""",
            [*ids, limit + len(skip)],
        )
    )
    found: list[dict[str, Any]] = []
    for row in rows:
        if row["id"] in skip or row["id"] in {f["id"] for f in found}:
            continue
        start, end = row["hit_start"] - row.pop("context_start"), row["hit_end"] - row["hit_start"]
        context = row.pop("context")
        row["snippet"] = f"… {context[:start]}[{context[start : start + end]}]{context[start + end :]} …"
        row["via"] = f"names {row.pop('entity')}"
        found.append(row)
    return found[:limit]
