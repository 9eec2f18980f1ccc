"""An analyst's corrections of extracted facts, kept by what they correct and applied after every write.

A correction names its fact by the document, the kind of fact and the words of the fact's anchor (a quote's
span, an office's evidence, an event's trigger) with their offsets, never by a row id: re-ingesting a
document renumbers its facts. After each write of the document (store_analysis) every correction of it is
applied again: to the fact at the same offsets with the same words, else, in a changed text, to the fact
anchored on the same words nearest the old place. A correction wins over extraction; one whose fact is no
longer found stays recorded and waits for it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from elitewatch.dbapi import Connection
from elitewatch.errors import InputError, NotFoundError


@dataclass(frozen=True)
class Anchor:
    table: str
    start: str
    end: str
    fields: frozenset[str]


KINDS = {
    "quote": Anchor("quotes", "start", "end", frozenset({"speaker"})),
    "position": Anchor("positions", "evidence_start", "evidence_end", frozenset({"role", "org", "start", "end"})),
    "event": Anchor("events", "trigger_start", "trigger_end", frozenset({"type", "date", "participants"})),
}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def record_correction(
    conn: Connection,
    kind: str,
    fact_id: int,
    *,
    fields: dict[str, Any] | None = None,
    reject: bool = False,
    who: str,
    why: str | None = None,
) -> dict[str, Any]:
    """Correct (`fields`) or reject one fact, by its id as shown now; applied at once and after every
    re-ingestion of its document. Returns the correction as recorded."""
    anchor = _anchor(kind)
    fields = dict(fields or {})
    if not reject:
        _check_fields(kind, anchor, fields)
        _resolve_names(conn, kind, fields)  # a name no entity has is refused now, not silently later
    row = conn.execute(
        f"SELECT doc_id, {anchor.start} AS a, {anchor.end} AS b FROM {anchor.table} WHERE id = ?", (fact_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no {kind} with this id", source=str(fact_id))
    words = _words(conn, row["doc_id"], row["a"], row["b"])
    cursor = conn.execute(
        """INSERT INTO corrections (kind, action, doc_id, anchor_start, anchor_end, words, fields, who, why,
                                    created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            kind,
            "reject" if reject else "correct",
            row["doc_id"],
            row["a"],
            row["b"],
            words,
            json.dumps(fields, ensure_ascii=False),
            who,
            why,
            datetime.now(UTC).isoformat(timespec="seconds"),
        ),
    )
    apply_corrections(conn, row["doc_id"])
    return correction(conn, int(cursor.lastrowid or 0))


def correction(conn: Connection, correction_id: int) -> dict[str, Any]:
    row = conn.execute("SELECT * FROM corrections WHERE id = ?", (correction_id,)).fetchone()
    if row is None:
        raise NotFoundError("no correction with this id", source=str(correction_id))
    return {**dict(row), "fields": json.loads(row["fields"])}


def corrections_of(conn: Connection, doc_id: str | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE doc_id = ?", (doc_id,)) if doc_id is not None else ("", ())
    return [
        {**dict(row), "fields": json.loads(row["fields"])}
        for row in conn.execute(f"SELECT * FROM corrections {where} ORDER BY id", params)
    ]


def apply_corrections(conn: Connection, doc_id: str) -> int:
    """Apply every correction of the document, in the order they were made; how many found their fact."""
    applied = 0
    for found in corrections_of(conn, doc_id):
        anchor = KINDS[found["kind"]]
        fact = _find_fact(conn, anchor, found)
        if fact is None:
            continue
        applied += 1
        if found["action"] == "reject":
            conn.execute(f"DELETE FROM {anchor.table} WHERE id = ?", (fact,))
        else:
            _APPLY[found["kind"]](conn, fact, doc_id, found["fields"])
            conn.execute(f"UPDATE {anchor.table} SET correction_id = ? WHERE id = ?", (found["id"], fact))
    return applied


def is_date(text: str) -> bool:
    """A year, a month or a day of the calendar: "2023", "2023-07", "2023-07-03" (not "2023-13")."""
    if not DATE.match(text):
        return False
    try:
        datetime.strptime(text, {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}[len(text)])
    except ValueError:
        return False
    return True


def _anchor(kind: str) -> Anchor:
    if kind not in KINDS:
        raise InputError(f"unknown kind of fact; use one of {', '.join(KINDS)}", source=kind)
    return KINDS[kind]


def _check_fields(kind: str, anchor: Anchor, fields: dict[str, Any]) -> None:
    fields_given = {key for key, value in fields.items() if value not in (None, "", [])}
    if not fields_given:
        raise InputError(f"say what to correct: {', '.join(sorted(anchor.fields))}", source=kind)
    unknown = fields_given - anchor.fields
    if unknown:
        raise InputError(f"a {kind} has no {', '.join(sorted(unknown))}", source=kind)
    for key in ("start", "end", "date"):
        if key in fields_given and not is_date(str(fields[key])):
            raise InputError("dates are written 2023, 2023-12 or 2023-12-04", source=str(fields[key]))
    for key in list(fields):
        if key not in fields_given:
            del fields[key]


def _resolve_names(conn: Connection, kind: str, fields: dict[str, Any]) -> None:
    if kind == "quote":
        _entity_named(conn, str(fields["speaker"]), "person", required=True)
    if kind == "event" and "participants" in fields:
        names = fields["participants"]
        if isinstance(names, str) or not all(isinstance(name, str) for name in names):
            raise InputError("participants are a list of names", source=str(names))
        for name in names:
            _entity_named(conn, name, None, required=True)


def _entity_named(conn: Connection, name: str, type: str | None, *, required: bool) -> sqlite3.Row | None:
    """The entity with this name or alias (any case), of `type` first, the most mentioned first."""
    rows = conn.execute(
        """SELECT e.id, e.name, e.type FROM entities e
            WHERE e.name = ? COLLATE NOCASE OR e.id IN (SELECT entity_id FROM aliases WHERE alias = ? COLLATE NOCASE)
            ORDER BY (e.type = ?) DESC, (SELECT COUNT(*) FROM doc_entities de WHERE de.entity_id = e.id) DESC, e.id""",
        (name, name, type or ""),
    ).fetchall()
    if rows:
        return rows[0]
    if required:
        raise NotFoundError("no entity by that name: use a name the store knows (elitewatch entities)", source=name)
    return None


def _words(conn: Connection, doc_id: str, start: int, end: int) -> str:
    row = conn.execute("SELECT substr(text, ? + 1, ? - ?) FROM documents WHERE id = ?", (start, end, start, doc_id))
    found = row.fetchone()
    return str(found[0]) if found else ""


def _find_fact(conn: Connection, anchor: Anchor, found: dict[str, Any]) -> int | None:
    """The fact a correction names: at its offsets with its words, else on the same words nearest them."""
    doc_id, words = found["doc_id"], found["words"]
    text_row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if text_row is None:
        return None
    text: str = text_row[0]
    best: tuple[int, int] | None = None
    for fact_id, start, end in conn.execute(
        f"SELECT id, {anchor.start}, {anchor.end} FROM {anchor.table} WHERE doc_id = ?", (doc_id,)
    ):
        if text[start:end] != words:
            continue
        distance = abs(start - found["anchor_start"])
        if best is None or distance < best[0]:
            best = (distance, fact_id)
    return best[1] if best else None


def _doc_entity(conn: Connection, doc_id: str, entity: sqlite3.Row) -> int:
    """The document's own row for the entity, added when the document did not name it as such."""
    row = conn.execute(
        "SELECT id FROM doc_entities WHERE doc_id = ? AND entity_id = ? ORDER BY local_no LIMIT 1",
        (doc_id, entity["id"]),
    ).fetchone()
    if row is not None:
        return int(row[0])
    local = conn.execute("SELECT COALESCE(MAX(local_no), -1) + 1 FROM doc_entities WHERE doc_id = ?", (doc_id,))
    cursor = conn.execute(
        "INSERT INTO doc_entities (doc_id, local_no, entity_id, name, type, confidence) VALUES (?, ?, ?, ?, ?, 1.0)",
        (doc_id, local.fetchone()[0], entity["id"], entity["name"], entity["type"]),
    )
    return int(cursor.lastrowid or 0)


def _apply_quote(conn: Connection, fact: int, doc_id: str, fields: dict[str, Any]) -> None:
    speaker = _entity_named(conn, fields["speaker"], "person", required=False)
    if speaker is None:
        return
    conn.execute(
        "UPDATE quotes SET speaker_doc_entity_id = ?, speaker_text = ?, confidence = 1.0 WHERE id = ?",
        (_doc_entity(conn, doc_id, speaker), fields["speaker"], fact),
    )


def _apply_position(conn: Connection, fact: int, doc_id: str, fields: dict[str, Any]) -> None:
    if "role" in fields:
        conn.execute("UPDATE positions SET role = ? WHERE id = ?", (fields["role"], fact))
    if "org" in fields:
        org = _entity_named(conn, fields["org"], "organization", required=False)
        org_id = _doc_entity(conn, doc_id, org) if org is not None else None
        conn.execute(
            "UPDATE positions SET org_text = ?, org_doc_entity_id = ? WHERE id = ?", (fields["org"] or None, org_id, fact)
        )
    if "start" in fields:
        conn.execute("UPDATE positions SET start = ? WHERE id = ?", (fields["start"], fact))
    if "end" in fields:
        conn.execute("UPDATE positions SET \"end\" = ?, ended = 1 WHERE id = ?", (fields["end"], fact))
    conn.execute("UPDATE positions SET confidence = 1.0 WHERE id = ?", (fact,))


def _apply_event(conn: Connection, fact: int, doc_id: str, fields: dict[str, Any]) -> None:
    if "type" in fields:
        try:
            conn.execute("UPDATE events SET type = ? WHERE id = ?", (fields["type"], fact))
        except sqlite3.IntegrityError:
            raise InputError("not a type of event the store keeps", source=str(fields["type"])) from None
    if "date" in fields:
        conn.execute("UPDATE events SET date = ? WHERE id = ?", (fields["date"], fact))
    if "participants" in fields:
        people = [_entity_named(conn, name, None, required=False) for name in fields["participants"]]
        conn.execute("DELETE FROM event_participants WHERE event_id = ?", (fact,))
        for entity in people:
            if entity is not None:
                conn.execute(
                    "INSERT OR IGNORE INTO event_participants (event_id, doc_entity_id) VALUES (?, ?)",
                    (fact, _doc_entity(conn, doc_id, entity)),
                )
    conn.execute("UPDATE events SET confidence = 1.0 WHERE id = ?", (fact,))


_APPLY = {"quote": _apply_quote, "position": _apply_position, "event": _apply_event}
