"""The store side of canonical entities: their keys, their aliases (seen and derived), orphans.

Which canonical entity a document's entity is decided in resolver.py.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from functools import lru_cache

from elitewatch.model import LocalEntity
from elitewatch.vocabulary.countries import place_in_word, place_of_adjective, without_place
from elitewatch.vocabulary.names import case_stem, name_key, name_parts, strip_legal_form, token_keys

# A Russian adjective made of a name by -ск-, in any case and gender, as key letters: «Стокгольмский»,
# «Амстердамским» (the name itself is what is left: "stokgolm", "amsterdam").
NAME_ADJECTIVE = re.compile(
    r"(?<=[a-z]{4})(?:sk|ck)(?:ii|i|ij|aja|aia|oe|ogo|omu|om|oi|oj|im|ih|ix|imi|ie|uju|uu|ovo)$"
)


def entity_key(entity: LocalEntity) -> str:
    """The name key; an organization's by organization_key."""
    if entity.type != "organization":
        return name_key(entity.name)
    return organization_key(entity.name)


@lru_cache(maxsize=100_000)
def organization_key(name: str) -> str:
    """An organization's key: its words without the legal form, a place by the place's name in the gazetteer
    whether a noun or an adjective names it («МИД России» = «МИД РФ» = «российский МИД»), an adjective made of
    a name by the name («Амстердамский суд» = «Суд Амстердама»), and each word without its case ending, in
    any order («Генассамблеи ООН» = «Генассамблее ООН»)."""
    words = []
    for word in strip_legal_form(name).split():
        place = place_in_word(word) if len(word) > 1 else None
        if place is None and any("а" <= c <= "я" for c in word.lower()):
            place = _place_of_russian_adjective(word)
        words.append(place or word)
    return " ".join(sorted(_word_stem(key) for key in token_keys(" ".join(words))))


# The endings of a Russian adjective in every case and gender, and those of its dictionary form.
ADJECTIVE_ENDING = re.compile(
    r"(?<=\w{4})(?:ого|его|ому|ему|ыми|ими|ая|яя|ое|ее|ой|ей|ом|ем|ые|ие|ых|их|ым|им|ую|юю|ий|ый)$"
)
LEMMA_ENDINGS = ("ий", "ый", "ой")


def _place_of_russian_adjective(word: str) -> str | None:
    """The place an adjective names in any case and gender («Российское», «шведского» -> the place)."""
    if (place := place_of_adjective(word)) is not None:
        return place
    ending = ADJECTIVE_ENDING.search(word.lower())
    if ending is None:
        return None
    stem = word.lower()[: ending.start()]
    return next((p for e in LEMMA_ENDINGS if (p := place_of_adjective(word, stem + e)) is not None), None)


def _word_stem(key: str) -> str:
    """A word's key without its case ending (names.case_stem); an adjective made of a name is the name."""
    return case_stem(NAME_ADJECTIVE.sub("", key))


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


def add_aliases(conn: sqlite3.Connection, doc_id: str) -> None:
    """Count one new document's forms into its entities' aliases (what rebuild_aliases would find, without
    reading every other document of an entity named in thousands)."""
    conn.execute(
        """INSERT INTO aliases (entity_id, alias, mentions)
           SELECT de.entity_id, m.text, COUNT(*) FROM mentions m JOIN doc_entities de ON de.id = m.doc_entity_id
           WHERE m.doc_id = ? GROUP BY de.entity_id, m.text
           UNION ALL
           SELECT de.entity_id, m.normal, COUNT(*) FROM mentions m JOIN doc_entities de ON de.id = m.doc_entity_id
           WHERE m.doc_id = ? AND m.normal != m.text GROUP BY de.entity_id, m.normal
           ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions""",
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
            if (head := without_place(bare)) is not None:
                derived.append(head)  # «Нафтогаз Украины» is «Нафтогаз»
    return [alias for alias in dict.fromkeys(derived) if alias not in names]
