"""Cross-document linking: each document's entities join canonical entities in the store.

A local entity joins the canonical entity of the same type with the same name key (so Tokaev
and Токаев meet). A person known by surname only joins the one person in the store who has
that surname, when there is exactly one; otherwise it stays apart until a fuller name comes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime

from elitewatch.model import LocalEntity
from elitewatch.resolve.names import name_key, strip_legal_form, strip_possessive, surname_key, token_keys


def entity_key(entity: LocalEntity) -> str:
    return name_key(strip_legal_form(entity.name) if entity.type == "organization" else entity.name)


def link_entity(conn: sqlite3.Connection, entity: LocalEntity) -> int:
    key = entity_key(entity)
    row = conn.execute("SELECT id FROM entities WHERE type = ? AND key = ?", (entity.type, key)).fetchone()
    if row is not None:
        _maybe_rename(conn, int(row[0]), entity.name)
        return int(row[0])
    surname = surname_key(entity.name) if entity.type == "person" else None
    if entity.type == "person" and len(token_keys(entity.name)) == 1:
        rows = conn.execute(
            "SELECT id FROM entities WHERE type = 'person' AND surname = ? AND key != ?", (key, key)
        ).fetchall()
        if len(rows) == 1:
            return int(rows[0][0])
    cursor = conn.execute(
        "INSERT INTO entities (type, name, key, surname, created_at) VALUES (?, ?, ?, ?, ?)",
        (entity.type, entity.name, key, surname, datetime.now(UTC).isoformat(timespec="seconds")),
    )
    entity_id = int(cursor.lastrowid or 0)
    if surname and len(token_keys(entity.name)) > 1:
        _absorb_surname_only(conn, entity_id, surname)
    return entity_id


def _maybe_rename(conn: sqlite3.Connection, entity_id: int, name: str) -> None:
    """The canonical name is the fullest Latin form seen."""
    current = conn.execute("SELECT name FROM entities WHERE id = ?", (entity_id,)).fetchone()[0]
    if _name_rank(name) > _name_rank(current):
        conn.execute("UPDATE entities SET name = ? WHERE id = ?", (name, entity_id))


def _name_rank(name: str) -> tuple[int, int, int]:
    latin = int(any("a" <= c.lower() <= "z" for c in name))
    return (latin, len(token_keys(name)), len(name))


def _absorb_surname_only(conn: sqlite3.Connection, entity_id: int, surname: str) -> None:
    """A full name arrives after its surname was seen alone: the surname-only entity joins it."""
    others = conn.execute(
        "SELECT id, key FROM entities WHERE type = 'person' AND surname = ? AND id != ?", (surname, entity_id)
    ).fetchall()
    if any(key != surname for _, key in others):
        return  # several people with this surname: the lone surname stays ambiguous
    for other, _ in others:
        conn.execute("UPDATE doc_entities SET entity_id = ? WHERE entity_id = ?", (entity_id, other))
        conn.execute("DELETE FROM entities WHERE id = ?", (other,))


def remove_orphans(conn: sqlite3.Connection, entity_ids: Iterable[int]) -> None:
    for entity_id in entity_ids:
        conn.execute(
            "DELETE FROM entities WHERE id = ? AND NOT EXISTS (SELECT 1 FROM doc_entities WHERE entity_id = ?)",
            (entity_id, entity_id),
        )


def rebuild_aliases(conn: sqlite3.Connection, entity_ids: Iterable[int]) -> None:
    """Every surface form of the entity's mentions (and its lemmatized form), then the forms the names
    imply (derived_aliases), counted as seen 0 times."""
    for entity_id in entity_ids:
        conn.execute("DELETE FROM aliases WHERE entity_id = ?", (entity_id,))
        conn.execute(
            """INSERT INTO aliases (entity_id, alias, mentions)
               SELECT de.entity_id, m.text, COUNT(*) FROM mentions m JOIN doc_entities de ON de.id = m.doc_entity_id
               WHERE de.entity_id = ? GROUP BY m.text
               UNION ALL
               SELECT de.entity_id, m.normal, COUNT(*) FROM mentions m JOIN doc_entities de ON de.id = m.doc_entity_id
               WHERE de.entity_id = ? AND m.normal != m.text GROUP BY m.normal
               ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions""",
            (entity_id, entity_id),
        )
        row = conn.execute("SELECT type FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            continue  # removed as an orphan
        entity_type = row[0]
        seen = [row[0] for row in conn.execute("SELECT alias FROM aliases WHERE entity_id = ?", (entity_id,))]
        conn.executemany(
            "INSERT OR IGNORE INTO aliases (entity_id, alias, mentions) VALUES (?, ?, 0)",
            [(entity_id, alias) for alias in derived_aliases(entity_type, seen)],
        )


def derived_aliases(entity_type: str, names: Iterable[str]) -> list[str]:
    """Forms a reader would use for the same entity: a person's surname alone ("Kassym-Jomart Tokayev" ->
    "Tokayev"), an organization's name without its legal form ("Transmashholding JSC" -> "Transmashholding")."""
    derived: list[str] = []
    for name in names:
        words = strip_possessive(name).split()
        if entity_type == "person" and len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 2:
            derived.append(words[-1])
        if entity_type == "organization" and strip_legal_form(name) != name:
            derived.append(strip_legal_form(name))
    return [alias for alias in dict.fromkeys(derived) if alias not in names]
