"""Full-text search in both stores: the words a user typed as a query of SQLite's FTS5 or PostgreSQL's text
search, the condition a table's rows match it by, and how many do."""

from __future__ import annotations

import re

from elitewatch.dbapi import Connection, Dialect, dialect


def fts_query(text: str, dialect: Dialect = "sqlite") -> str:
    """User words to a safe FTS5 query (or PostgreSQL tsquery): every word must appear (prefix match on the
    last)."""
    words = re.findall(r"\w+", text)
    if not words:
        return '""' if dialect == "sqlite" else ""
    if dialect == "postgresql":  # stemmed by both configurations (migration 001's elitewatch_tsquery)
        return " & ".join([*(f"'{w}'" for w in words[:-1]), f"'{words[-1]}':*"])
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


# Rows whose words match a query: FTS5's table in SQLite, the row's tsvector in PostgreSQL.
MATCHING = {
    "sqlite": "{alias}.id IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)",
    "postgresql": "{alias}.fts @@ elitewatch_tsquery(?)",
}


def fts_count(conn: Connection, table: str, query: str) -> int:
    if dialect(conn) == "postgresql":
        return int(conn.execute(f"SELECT COUNT(*) FROM {table} WHERE fts @@ elitewatch_tsquery(?)", (query,)).fetchone()[0])
    return int(conn.execute(f"SELECT COUNT(*) FROM {table}_fts WHERE {table}_fts MATCH ?", (query,)).fetchone()[0])
