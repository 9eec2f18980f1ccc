"""The sums of a person's offices as written (migration 021's office_parts) and their first and last sources
(022): `summed` and `first_and_last` take one office's from its records, `refresh_offices` takes again those
a record left (stale) before a writer commits. The triggers
add a record joining an office at once; query/careers.py reads the sums, and sums a stale office from its
records itself until it is refreshed."""

from __future__ import annotations

from typing import Any

from elitewatch.dbapi import Connection, dialect

# the records of one office as written, by the keys office_parts keeps (no entity: 0, no words: '')
_OF_PART = """p.person_entity_id = ? AND p.role = ?
    AND COALESCE(p.org_entity_id, 0) = ? AND COALESCE(p.org_text, '') = ?"""
UNDATED = 'p.start IS NULL AND p."end" IS NULL AND p.as_of IS NULL'  # a record that gives no date
COLLATE = {"sqlite": "", "postgresql": ' COLLATE "C"'}  # the order Python sorts strings in


def summed(conn: Connection, key: tuple[int, str, int, str]) -> dict[str, Any] | None:
    """One office's sums from its records (None when it has none left): dates, counts and the dates the
    records show the person in post."""
    c = COLLATE[dialect(conn)]
    row = conn.execute(
        f"""SELECT MIN(p.start{c}), MAX(p."end"{c}), MAX(p.ended), COUNT(*),
                   MIN(CASE WHEN {UNDATED} AND p.ended = 1 THEN p.published END{c})
              FROM positions p WHERE {_OF_PART}""",
        key,
    ).fetchone()
    if not row or not row[3]:
        return None
    start, end, ended, total, ended_before = tuple(row)
    dates = {
        (kind, date)
        for kind, date in conn.execute(
            f"""SELECT DISTINCT 'as_of', p.as_of FROM positions p WHERE {_OF_PART} AND p.as_of IS NOT NULL
                UNION
                SELECT DISTINCT 'document', p.published FROM positions p
                 WHERE {_OF_PART} AND {UNDATED} AND p.ended = 0 AND p.published IS NOT NULL""",
            [*key, *key],
        )
    }
    return {
        "start": start,
        "end": end,
        "ended": int(ended),
        "total": int(total),
        "ended_before": ended_before,
        "dates": dates,
    }


SOURCES_KEPT = 5  # the earliest and the latest sources an office keeps each (migration 022's five)
LISTED = "COALESCE(p.start, p.as_of, p.\"end\", p.published, '')"  # where a record stands in a career


def first_and_last(conn: Connection, key: tuple[int, str, int, str]) -> list[tuple[Any, ...]]:
    """One office's first and last SOURCES_KEPT records in the career's order, as office_part_sources keeps
    them: (listed, doc_id, sentence_start, position id, sentence_end, pattern)."""
    c = COLLATE[dialect(conn)]
    order = [f"{LISTED}{c}", f"p.doc_id{c}", "p.sentence_start", "p.id"]
    found: dict[int, tuple[Any, ...]] = {}
    for terms in (order, [f"{term} DESC" for term in order]):
        for row in conn.execute(
            f"""SELECT {LISTED}, p.doc_id, p.sentence_start, p.id, p.sentence_end, p.pattern FROM positions p
                 WHERE {_OF_PART} ORDER BY {", ".join(terms)} LIMIT {SOURCES_KEPT}""",
            key,
        ):
            found[int(row[3])] = tuple(row)
    return list(found.values())


def refresh_offices(conn: Connection) -> int:
    """Sum again every stale office from its records (one that has none left goes); how many were.
    Inside the caller's write transaction."""
    stale = conn.execute(
        """SELECT id, person_entity_id, role, org_entity_id, org_text FROM office_parts WHERE stale = 1"""
    ).fetchall()
    for part_id, person, role, org_id, org_text in (tuple(row) for row in stale):
        key = (int(person), str(role), int(org_id), str(org_text))
        sums = summed(conn, key)
        conn.execute("DELETE FROM office_part_dates WHERE part_id = ?", (part_id,))
        conn.execute("DELETE FROM office_part_sources WHERE part_id = ?", (part_id,))
        if sums is None:
            conn.execute("DELETE FROM office_parts WHERE id = ?", (part_id,))
            continue
        conn.execute(
            """UPDATE office_parts SET start = ?, "end" = ?, ended = ?, total = ?, ended_before = ?, stale = 0
                WHERE id = ?""",
            (sums["start"], sums["end"], sums["ended"], sums["total"], sums["ended_before"], part_id),
        )
        conn.executemany(
            "INSERT INTO office_part_dates (part_id, kind, date) VALUES (?, ?, ?)",
            [(part_id, kind, date) for kind, date in sorted(sums["dates"])],
        )
        conn.executemany(
            """INSERT INTO office_part_sources (person_entity_id, part_id, listed, doc_id, sentence_start,
                                                position_id, sentence_end, pattern) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [(person, part_id, *source) for source in first_and_last(conn, key)],
        )
    return len(stale)
