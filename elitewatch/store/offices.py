"""The sums of a person's offices as written (migration 021's office_parts): `summed` takes one office's from
its records, `refresh_offices` takes again those a record left (stale) before a writer commits. The triggers
add a record joining an office at once; query/careers.py reads the sums, and sums a stale office from its
records itself until it is refreshed."""

from __future__ import annotations

from typing import Any

from elitewatch.dbapi import Connection, dialect

# the records of one office as written, by the keys office_parts keeps (no entity: 0, no words: '')
_OF_PART = """p.person_entity_id = ? AND p.role = ?
    AND COALESCE(p.org_entity_id, 0) = ? AND COALESCE(p.org_text, '') = ?"""
_UNDATED = 'p.start IS NULL AND p."end" IS NULL AND p.as_of IS NULL'
_COLLATE = {"sqlite": "", "postgresql": ' COLLATE "C"'}  # the order Python sorts strings in


def summed(conn: Connection, key: tuple[int, str, int, str]) -> dict[str, Any] | None:
    """One office's sums from its records (None when it has none left): dates, counts and the dates the
    records show the person in post."""
    c = _COLLATE[dialect(conn)]
    row = conn.execute(
        f"""SELECT MIN(p.start{c}), MAX(p."end"{c}), MAX(p.ended), COUNT(*),
                   MIN(CASE WHEN {_UNDATED} AND p.ended = 1 THEN p.published END{c})
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
                 WHERE {_OF_PART} AND {_UNDATED} AND p.ended = 0 AND p.published IS NOT NULL""",
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


def refresh_offices(conn: Connection) -> int:
    """Sum again every stale office from its records (one that has none left goes); how many were.
    Inside the caller's write transaction."""
    stale = conn.execute(
        """SELECT id, person_entity_id, role, org_entity_id, org_text FROM office_parts WHERE stale = 1"""
    ).fetchall()
    for part_id, *key in (tuple(row) for row in stale):
        sums = summed(conn, (int(key[0]), str(key[1]), int(key[2]), str(key[3])))
        conn.execute("DELETE FROM office_part_dates WHERE part_id = ?", (part_id,))
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
    return len(stale)
