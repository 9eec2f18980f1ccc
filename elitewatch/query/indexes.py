"""The front door's indexes: every document and every entity, filtered, sorted and in pages."""

from __future__ import annotations

import math
from typing import Any

from elitewatch.dbapi import Connection
from elitewatch.errors import InputError

DOCUMENT_SORTS = {
    "published": "d.published IS NULL, d.published {order}, d.id",
    "title": "COALESCE(d.title, d.id) COLLATE NOCASE {order}, d.id",
    "id": "d.id {order}",
}
ENTITY_SORTS = {
    "mentions": "mentions {order}, e.name",
    "documents": "documents {order}, e.name",
    "name": "e.name COLLATE NOCASE {order}, e.id",
}
PER_PAGE = 50


def _order(sorts: dict[str, str], sort: str, descending: bool) -> str:
    if sort not in sorts:
        raise InputError(f"unknown order; sort by {', '.join(sorts)}", source=sort)
    return sorts[sort].format(order="DESC" if descending else "ASC")


def _paging(total: int, page: int, per: int) -> dict[str, int]:
    pages = max(1, math.ceil(total / per))
    return {"total": total, "page": page, "per": per, "pages": pages}


def document_index(
    conn: Connection,
    *,
    language: str | None = None,
    since: str | None = None,
    until: str | None = None,
    words: str | None = None,
    undated: bool = False,
    sort: str = "published",
    descending: bool = True,
    page: int = 1,
    per: int = PER_PAGE,
) -> dict[str, Any]:
    """Documents by language, publication date (or only those without one), words of the title, outlet or
    author; each with how many quotes, offices and events it gave."""
    where: list[str] = []
    params: list[Any] = []
    if language:
        where.append("d.language = ?")
        params.append(language)
    if undated:
        where.append("d.published IS NULL")
    if since:
        where.append("d.published >= ?")
        params.append(since)
    if until:
        where.append("substr(d.published, 1, ?) <= ?")
        params.extend([len(until), until])
    if words:
        for word in words.split():
            where.append("(d.title LIKE ? OR d.outlet LIKE ? OR d.author LIKE ? OR d.id LIKE ?)")
            params.extend([f"%{word}%"] * 4)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    total = int(conn.execute(f"SELECT COUNT(*) FROM documents d {clause}", params).fetchone()[0])
    rows = [
        dict(row)
        for row in conn.execute(
            f"""SELECT d.id, d.title, d.published, d.published_how, d.language, d.outlet, d.author, d.url,
                       (SELECT COUNT(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes,
                       (SELECT COUNT(*) FROM positions p WHERE p.doc_id = d.id) AS offices,
                       (SELECT COUNT(*) FROM events e WHERE e.doc_id = d.id) AS events
                  FROM (SELECT d.rowid FROM documents d {clause}
                         ORDER BY {_order(DOCUMENT_SORTS, sort, descending)} LIMIT ? OFFSET ?) top
                  JOIN documents d ON d.rowid = top.rowid
                 ORDER BY {_order(DOCUMENT_SORTS, sort, descending)}""",
            [*params, per, (page - 1) * per],
        )
    ]
    filters = {"language": language, "from": since, "to": until, "q": words, "undated": undated}
    return {
        "documents": rows,
        "filters": filters,
        "sort": sort,
        "descending": descending,
        **_paging(total, page, per),
    }


def entity_index(
    conn: Connection,
    *,
    type: str | None = None,
    name: str | None = None,
    sort: str = "mentions",
    descending: bool = True,
    page: int = 1,
    per: int = PER_PAGE,
) -> dict[str, Any]:
    """People, organizations and places by type and by a part of any of their names (any script), with how
    often and in how many documents they are named."""
    where: list[str] = ["EXISTS (SELECT 1 FROM doc_entities de WHERE de.entity_id = e.id)"]
    params: list[Any] = []
    if type:
        where.append("e.type = ?")
        params.append(type)
    if name:
        where.append("(e.name LIKE ? OR EXISTS (SELECT 1 FROM aliases a WHERE a.entity_id = e.id AND a.alias LIKE ?))")
        params.extend([f"%{name}%"] * 2)
    clause = " AND ".join(where)
    total = int(conn.execute(f"SELECT COUNT(*) FROM entities e WHERE {clause}", params).fetchone()[0])
    counted = """(SELECT COUNT(*) FROM mentions m JOIN doc_entities de ON de.id = m.doc_entity_id
                   WHERE de.entity_id = e.id) AS mentions,
                 (SELECT COUNT(DISTINCT de.doc_id) FROM doc_entities de WHERE de.entity_id = e.id) AS documents"""
    if sort == "name":  # the page's rows are chosen by name: only they are counted
        sql = f"""SELECT e.id, e.type, e.name, e.wikidata, {counted} FROM entities e WHERE {clause}
                   ORDER BY {_order(ENTITY_SORTS, sort, descending)} LIMIT ? OFFSET ?"""
    else:
        sql = f"""SELECT * FROM (SELECT e.id, e.type, e.name, e.wikidata, {counted} FROM entities e WHERE {clause})
                   e ORDER BY {_order(ENTITY_SORTS, sort, descending)} LIMIT ? OFFSET ?"""
    rows = [dict(row) for row in conn.execute(sql, [*params, per, (page - 1) * per])]
    return {
        "entities": rows,
        "filters": {"type": type, "name": name},
        "sort": sort,
        "descending": descending,
        **_paging(total, page, per),
    }
