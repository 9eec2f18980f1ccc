"""The store side of canonical entities: their keys, their aliases (seen and derived), their canonical names,
the entities a name means, merging and splitting off, orphans.

Which canonical entity a document's entity is decided in resolver.py; people's judgements in judgements.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime

from elitewatch.dbapi import Connection
from elitewatch.model import LocalEntity
from elitewatch.vocabulary.countries import without_place
from elitewatch.vocabulary.names import name_key, name_parts, strip_legal_form, strip_possessive, token_keys
from elitewatch.vocabulary.organizations import abbreviation_words, organization_key


def entity_key(entity: LocalEntity) -> str:
    """The name key; an organization's by organization_key."""
    if entity.type != "organization":
        return name_key(entity.name)
    return organization_key(entity.name)


def remove_orphans(conn: Connection, entity_ids: Iterable[int]) -> None:
    for entity_id in entity_ids:
        conn.execute(
            "DELETE FROM entities WHERE id = ? AND NOT EXISTS (SELECT 1 FROM doc_entities WHERE entity_id = ?)",
            (entity_id, entity_id),
        )


def rebuild_aliases(conn: Connection, entity_ids: Iterable[int]) -> None:
    """Every surface form of the entity's mentions (and its lemmatized form), then the forms the names
    imply (derived_aliases), counted as seen 0 times."""
    for entity_id in entity_ids:
        conn.execute("DELETE FROM aliases WHERE entity_id = ?", (entity_id,))
        conn.execute(  # summed per alias first: one form's text may be another's normal (PostgreSQL wants each once)
            """INSERT INTO aliases (entity_id, alias, mentions)
               SELECT entity_id, alias, SUM(n) FROM (
               SELECT de.entity_id, m.text AS alias, COUNT(*) AS n FROM mentions m
                 JOIN doc_entities de ON de.id = m.doc_entity_id
               WHERE de.entity_id = ? GROUP BY de.entity_id, m.text
               UNION ALL
               SELECT de.entity_id, m.normal, COUNT(*) FROM mentions m JOIN doc_entities de ON de.id = m.doc_entity_id
               WHERE de.entity_id = ? AND m.normal != m.text GROUP BY de.entity_id, m.normal) forms
               GROUP BY entity_id, alias
               ON CONFLICT (entity_id, alias) DO UPDATE SET mentions = aliases.mentions + excluded.mentions""",
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


def add_aliases(conn: Connection, doc_id: str) -> None:
    """Count one new document's forms into its entities' aliases (what rebuild_aliases would find, without
    reading every other document of an entity named in thousands)."""
    conn.execute(  # summed per alias first: one form's text may be another's normal (PostgreSQL wants each once)
        """INSERT INTO aliases (entity_id, alias, mentions)
           SELECT entity_id, alias, SUM(n) FROM (
           SELECT de.entity_id, m.text AS alias, COUNT(*) AS n FROM mentions m
             JOIN doc_entities de ON de.id = m.doc_entity_id
           WHERE m.doc_id = ? GROUP BY de.entity_id, m.text
           UNION ALL
           SELECT de.entity_id, m.normal, COUNT(*) FROM mentions m JOIN doc_entities de ON de.id = m.doc_entity_id
           WHERE m.doc_id = ? AND m.normal != m.text GROUP BY de.entity_id, m.normal) forms
           GROUP BY entity_id, alias
           ON CONFLICT (entity_id, alias) DO UPDATE SET mentions = aliases.mentions + excluded.mentions""",
        (doc_id, doc_id),
    )
    forms: dict[tuple[int, str], set[str]] = {}
    for entity_id, entity_type, text, normal in conn.execute(
        """SELECT de.entity_id, e.type, m.text, m.normal FROM mentions m
             JOIN doc_entities de ON de.id = m.doc_entity_id JOIN entities e ON e.id = de.entity_id
            WHERE m.doc_id = ?""",
        (doc_id,),
    ):
        forms.setdefault((entity_id, entity_type), set()).update((text, normal))
    conn.executemany(
        "INSERT OR IGNORE INTO aliases (entity_id, alias, mentions) VALUES (?, ?, 0)",
        [
            (entity_id, alias)
            for (entity_id, entity_type), names in forms.items()
            for alias in derived_aliases(entity_type, sorted(names))
        ],
    )


def derived_aliases(entity_type: str, names: Iterable[str]) -> list[str]:
    """Forms a reader would use for the same entity: a person's surname alone ("Kassym-Jomart Tokayev" ->
    "Tokayev"), an organization's name without its legal form ("Transmashholding JSC" -> "Transmashholding")
    and without the country or city that ends it («Нафтогаз Украины» -> «Нафтогаз»)."""
    derived: list[str] = []
    for name in names:
        parts = name_parts(name)
        last = parts[-1] if len(parts) >= 2 else None
        if entity_type == "person" and last and not (last.patronymic or last.initial) and last.text[:1].isupper():
            derived.append(last.text)  # not "Nurgaliuly" of "Imangali Nurgaliuly": a patronymic
        if entity_type == "organization":
            bare = strip_legal_form(name)
            if bare != name:
                derived.append(bare)
            head = without_place(bare)
            if head is not None and not abbreviation_words().qualifier_words & {w.casefold() for w in head.split()}:
                derived.append(head)  # «Нафтогаз Украины» is «Нафтогаз»; «ГУ МВД по г. Москве» not «ГУ МВД по г.»
    return [alias for alias in dict.fromkeys(derived) if alias not in names]


# canonical names, and the entities a name means -------------------------------------------------


SPLIT_MARK = "|split"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def entities_named(conn: Connection, name: str, entity_type: str | None = None) -> list[sqlite3.Row]:
    """Entities whose canonical name, key or an alias (seen in a text) is this name; split-off entities
    only by their own name."""
    name = strip_possessive(name)
    rows = conn.execute(
        """SELECT DISTINCT e.id, e.type, e.name FROM entities e LEFT JOIN aliases a ON a.entity_id = e.id
            WHERE (e.key = ? OR e.name = ? COLLATE NOCASE OR (a.alias = ? COLLATE NOCASE AND a.mentions > 0))
              AND (? IS NULL OR e.type = ?)
            ORDER BY e.id""",
        (name_key(name), name, name, entity_type, entity_type),
    ).fetchall()
    return list(rows)


def split_entity(conn: Connection, entity_type: str, name: str, split_from: int) -> int:
    key = name_key(name) + SPLIT_MARK
    row = conn.execute("SELECT id FROM entities WHERE type = ? AND key = ?", (entity_type, key)).fetchone()
    if row is not None:
        return int(row[0])
    cursor = conn.execute(
        "INSERT INTO entities (type, name, key, surname, created_at) VALUES (?, ?, ?, NULL, ?)",
        (entity_type, name, key, now()),
    )
    return int(cursor.lastrowid or 0)


def settle_name(conn: Connection, entity_id: int, name: str) -> None:
    """The canonical name is the fullest Latin form seen; of equally full ones, the one most used, then the
    longer, then the later in alphabetical order. Called once a document's use of `name` is stored: uses only
    grow, so comparing the name just used with the current one keeps the best of all, and the same documents
    give the same name in any order."""
    current = conn.execute("SELECT name FROM entities WHERE id = ?", (entity_id,)).fetchone()[0]
    if name == current or _form_rank(name) < _form_rank(current):
        return  # decided by the forms alone: no need to count the uses of either
    if name_rank(conn, entity_id, name) > name_rank(conn, entity_id, current):
        conn.execute("UPDATE entities SET name = ? WHERE id = ?", (name, entity_id))


def _form_rank(name: str) -> tuple[int, int]:
    return (int(any("a" <= c.lower() <= "z" for c in name)), len(token_keys(name)))


def name_rank(conn: Connection, entity_id: int, name: str) -> tuple[int, int, int, int, str]:
    used = conn.execute(
        "SELECT COUNT(*) FROM doc_entities WHERE entity_id = ? AND name = ?", (entity_id, name)
    ).fetchone()[0]
    return (*_form_rank(name), int(used), len(name), name)


def merge_entities(conn: Connection, keep: int, gone: int) -> None:
    """`gone`'s documents become `keep`'s; `keep` takes the fuller Latin name."""
    if keep == gone:
        return
    name = conn.execute("SELECT name FROM entities WHERE id = ?", (gone,)).fetchone()
    conn.execute("UPDATE doc_entities SET entity_id = ? WHERE entity_id = ?", (keep, gone))
    conn.execute("DELETE FROM candidates WHERE a = ? OR b = ?", (gone, gone))
    conn.execute("DELETE FROM entities WHERE id = ?", (gone,))
    if name is not None:
        settle_name(conn, keep, name[0])
    rebuild_aliases(conn, [keep])
