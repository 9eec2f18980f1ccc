"""The store side of canonical entities: their keys, their aliases (seen and derived), orphans.

Which canonical entity a document's entity is decided in resolver.py.
"""

from __future__ import annotations

from collections.abc import Iterable

from elitewatch.dbapi import Connection
from elitewatch.model import LocalEntity
from elitewatch.vocabulary.countries import without_place
from elitewatch.vocabulary.names import name_key, name_parts, strip_legal_form
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
