"""Cross-document resolution: which canonical entity a document's entity is.

For each entity of a new document, in order:

1. a judgement that split this name off an entity sends it to the split-off entity;
2. the same name key and type (Tokayev = Tokaev = Токаев) is the same entity; so is a form that exactly one
   entity of the type already lists as an alias ("SCO" after "Shanghai Cooperation Organization (SCO)");
3. a surname alone joins the one person in the store with that surname;
4. otherwise the candidates that share the first letters of the surname's key are scored (name parts, and
   the entities the document shares with the candidate's documents): above MERGE the names are one
   entity; above SUGGEST a new entity is made and the pair kept for `elitewatch review`, with its reasons.

People's judgements (resolve.judgements) are stored by name, so they survive re-ingestion and a rebuilt
store, and are carried out after every document written: they win over everything above.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from elitewatch.dbapi import Connection, dialect
from elitewatch.model import LocalEntity
from elitewatch.resolve.linker import (
    SPLIT_MARK,
    derived_aliases,
    entities_named,
    entity_key,
    merge_entities,
    now,
    split_entity,
)
from elitewatch.vocabulary.countries import country_named, national_body, place_in_word
from elitewatch.vocabulary.names import (
    QUOTES,
    NameMatch,
    compare_names,
    name_key,
    near_keys,
    surname_key,
    token_keys,
)
from elitewatch.vocabulary.offices import office_head
from elitewatch.vocabulary.organizations import (
    Initials,
    initials,
    organization_key,
    same_initials,
    with_places,
)

# MERGE, SUGGEST and the context bonuses were set by hand with cross-document resolution (e2eea5a), not swept
# on a dev set.
MERGE = 0.85  # a name match this good (context included) is the same entity
SUGGEST = 0.5  # from here up to MERGE the pair goes to review
CONTEXT_BONUS = 0.05  # per entity the document shares with the candidate's documents
CONTEXT_MAX = 0.1  # of the bonus for shared entities; an office and a country held in common add one each
MAX_BONUS = CONTEXT_MAX + 2 * CONTEXT_BONUS
BLOCK = 3  # candidates share this many first letters of the surname key (a convention of blocking; e2eea5a)
# The context of a candidate named in thousands of documents is read from its newest ones: enough to know
# whom it is named with and which offices it holds, and the cost of a document stays flat as the store grows.
# Chosen for speed (91e21ee: 2,000 documents written in 35 s at 30,000 before, 7 s with it).
CONTEXT_DOCUMENTS = 300


@dataclass
class Candidate:
    entity_id: int
    name: str
    score: float
    reasons: list[str]


# linking one document's entity ---------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What the document says around an entity: the canonical ids its other entities have, and the
    offices and countries its positions give this entity."""

    entities: frozenset[int] = frozenset()
    offices: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()


# A pair scored again replaces its row, and takes a new number for review (its rowid) as SQLite's REPLACE does.
REPLACE_CANDIDATE = {
    "sqlite": "INSERT OR REPLACE INTO candidates (a, b, score, reasons) VALUES (?, ?, ?, ?)",
    "postgresql": """INSERT INTO candidates (a, b, score, reasons) VALUES (?, ?, ?, ?) ON CONFLICT (a, b)
                     DO UPDATE SET score = excluded.score, reasons = excluded.reasons, rowid = DEFAULT""",
}


def resolve_entity(
    conn: Connection, entity: LocalEntity, context: Context = Context(), *, same_as: int | None = None
) -> int:
    """The canonical entity id of a document's entity; `same_as`, the canonical entity of another of the
    document's entities that this one is a short form of (resolve.partners)."""
    if (split_from := _split_judgement(conn, entity)) is not None:
        return split_entity(conn, entity.type, entity.name, split_from)
    if same_as is not None:
        return same_as
    key = entity_key(entity)
    row = conn.execute("SELECT id FROM entities WHERE type = ? AND key = ?", (entity.type, key)).fetchone()
    if row is not None:
        return int(row[0])
    if (by_alias := _unique_alias_owner(conn, entity)) is not None:
        return by_alias
    if (other_type := _same_key_other_type(conn, entity)) is not None:
        return other_type
    if entity.type != "person" and (near := _near_entity(conn, entity, key)) is not None:
        return near
    if entity.type == "organization" and (spelled := _by_initials(conn, entity)) is not None:
        return spelled
    if entity.type == "person" and len(token_keys(entity.name)) == 1:
        rows = conn.execute(
            "SELECT id FROM entities WHERE type = 'person' AND surname = ? AND key != ? AND key NOT LIKE ?",
            (key, key, f"%{SPLIT_MARK}"),
        ).fetchall()
        if len(rows) == 1:
            return int(rows[0][0])
    best = _best_candidate(conn, entity, context) if entity.type == "person" else None
    if best is not None and best.score >= MERGE:
        return best.entity_id
    entity_id = _create(conn, entity.type, entity.name, key)
    exists = best is not None and conn.execute("SELECT 1 FROM entities WHERE id = ?", (best.entity_id,)).fetchone()
    if best is not None and exists and best.entity_id != entity_id and best.score >= SUGGEST:  # not absorbed
        conn.execute(
            REPLACE_CANDIDATE[dialect(conn)],
            (best.entity_id, entity_id, best.score, json.dumps(best.reasons, ensure_ascii=False)),
        )
    return entity_id


def _same_key_other_type(conn: Connection, entity: LocalEntity) -> int | None:
    """The entity of another type with this name key (as that type keys it): one document's model typed
    "Nord Stream 2 AG" a person and the others an organization; the documents vote on the type afterwards
    (settle_type)."""
    found = []
    for other in ("person", "organization", "place"):
        if other != entity.type:
            other_key = organization_key(entity.name) if other == "organization" else name_key(entity.name)
            row = conn.execute("SELECT id FROM entities WHERE type = ? AND key = ?", (other, other_key)).fetchone()
            if row is not None:
                found.append(int(row[0]))
    return min(found) if found else None


def _near_entity(conn: Connection, entity: LocalEntity, key: str) -> int | None:
    """The one organization or place whose key is this one misspelled or transliterated another way
    (names.near_keys: «Натфогаз Украины» finds «Нафтогаз Украины», «Норд Стрим-2» "Nord Stream 2"), among
    those whose key starts with the same two letters, naming the same places («МИД Литвы» is not «МИД
    Латвии»); none when two are as near."""
    prefix = key[:2]
    if len(prefix) < 2:
        return None
    rows = conn.execute(
        "SELECT id, name, key FROM entities WHERE type = ? AND key >= ? AND key < ? AND key NOT LIKE ?",
        (entity.type, prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1), f"%{SPLIT_MARK}"),
    ).fetchall()
    places = _places_named(entity.name)
    near = sorted(
        (distance, int(row[0]))
        for row in rows
        if (distance := near_keys(key, row[2])) is not None and _places_named(row[1]) == places
    )
    if not near or (len(near) > 1 and near[1][0] == near[0][0]):
        return None
    return near[0][1]


# The most entities with one organization's initials that are looked at: past it the initials are too common
# («СК», «ГД» of a large store) to tell which one a short name means. Set by hand.
INITIALS_CANDIDATES = 50


def initials_key(entity_type: str, name: str) -> str | None:
    """The blocking key of an organization by its initials (organizations.initials), None for other entities."""
    found = initials(name) if entity_type == "organization" else None
    return found.letters if found is not None else None


def _by_initials(conn: Connection, entity: LocalEntity) -> int | None:
    """The one organization this one is the abbreviation or the full name of («СК России» and «Следственный
    комитет России», «ГА ООН» and «Генеральная Ассамблея ООН»): the same initials, region and places. An
    abbreviation joins the one organization spelled out with its initials, a name spelled out the one
    organization known only by its abbreviation, and an abbreviation with a country the same abbreviation
    without it («ГУ МВД России по Москве», «ГУ МВД по Москве»); none when two are spelled out with the same
    initials («СК»: «Следственный комитет», «Счётная комиссия»). A body every country has joins only with the same places:
    «Следственный комитет» is «СК», not «СК Белоруссии» («МИД» is no country's «Министерство иностранных дел
    России»)."""
    mine = initials(entity.name)
    if mine is None:
        return None
    rows = conn.execute(
        "SELECT id FROM entities WHERE initials = ? AND +type = 'organization' AND key NOT LIKE ? ORDER BY id LIMIT ?",
        (mine.letters, f"%{SPLIT_MARK}", INITIALS_CANDIDATES + 1),
    ).fetchall()
    if len(rows) > INITIALS_CANDIDATES:
        return None
    national = national_body(entity.name)
    spelled: list[int] = []  # spelled out with these initials
    short: list[int] = []  # known only by them, with other places («ГУ МВД России по Москве», «ГУ МВД по Москве»)
    for (entity_id,) in rows:
        forms = [f for f in _initials_of(conn, int(entity_id)) if same_initials(mine, f)]
        if (national or _national(conn, int(entity_id))) and any(f.places != mine.places for f in forms):
            continue
        if any(not f.abbreviation for f in forms):
            spelled.append(int(entity_id))
        elif forms:
            short.append(int(entity_id))
    if not mine.abbreviation and spelled:
        return None  # another organization spelled out with the same initials: which one is not known
    found = spelled or short
    return found[0] if len(found) == 1 else None


def _national(conn: Connection, entity_id: int) -> bool:
    row = conn.execute("SELECT name FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return row is not None and national_body(str(row[0]))


def _initials_of(conn: Connection, entity_id: int) -> list[Initials]:
    """The initials of each name of an entity, each with the places all its names give: «Министерство
    иностранных дел» is Russia's when the entity is also «МИД России»."""
    names = [r[0] for r in conn.execute("SELECT name FROM entities WHERE id = ?", (entity_id,))]
    names += [
        r[0] for r in conn.execute("SELECT alias FROM aliases WHERE entity_id = ? AND mentions > 0", (entity_id,))
    ]
    return with_places([found for name in dict.fromkeys(names) if (found := initials(name)) is not None])


def _places_named(name: str) -> frozenset[str]:
    return frozenset(place for word in name.split() if (place := place_in_word(word.strip(QUOTES))) is not None)


def settle_type(conn: Connection, entity_id: int) -> None:
    """An entity's type is the one its documents give it most (by their confidence), the earlier-listed type
    (person, organization, place) when they tie; not when another entity already has that type and key."""
    votes = conn.execute(  # the sums of its mentions' confidences, kept by the store (migration 017)
        "SELECT type FROM entity_type_votes WHERE entity_id = ? ORDER BY weight DESC, type LIMIT 1", (entity_id,)
    ).fetchall()
    row = conn.execute("SELECT type, key FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if not votes or row is None or votes[0][0] == row[0]:
        return
    taken = conn.execute("SELECT 1 FROM entities WHERE type = ? AND key = ?", (votes[0][0], row[1])).fetchone()
    if taken is None:
        conn.execute("UPDATE entities SET type = ? WHERE id = ?", (votes[0][0], entity_id))


def _create(conn: Connection, entity_type: str, name: str, key: str) -> int:
    surname = surname_key(name) if entity_type == "person" else None
    cursor = conn.execute(
        "INSERT INTO entities (type, name, key, surname, initials, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (entity_type, name, key, surname, initials_key(entity_type, name), now()),
    )
    entity_id = int(cursor.lastrowid or 0)
    if entity_type == "person" and surname and len(token_keys(name)) > 1:
        _absorb_surname_only(conn, entity_id, surname)
    return entity_id


def _absorb_surname_only(conn: Connection, entity_id: int, surname: str) -> None:
    """A full name arrives after its surname was seen alone: the surname-only entity joins it."""
    others = conn.execute(
        "SELECT id, key FROM entities WHERE type = 'person' AND surname = ? AND id != ? AND key NOT LIKE ?",
        (surname, entity_id, f"%{SPLIT_MARK}"),
    ).fetchall()
    if any(key != surname for _, key in others):
        return  # several people with this surname: the lone surname stays ambiguous
    for other, _ in others:
        merge_entities(conn, entity_id, other)


def _unique_alias_owner(conn: Connection, entity: LocalEntity) -> int | None:
    """The one entity of this type that already lists one of these forms (not a lone surname of a person)."""
    forms = [f for f in {entity.name, *entity.forms} if entity.type != "person" or len(token_keys(f)) > 1]
    if entity.type == "organization":  # «Нафтогаз Украины» finds «Нафтогаз»; «МИД» alone finds no country's
        forms = sorted(f for f in {*forms, *derived_aliases(entity.type, forms)} if not national_body(f))
    if not forms:
        return None
    marks = ",".join("?" * len(forms))
    rows = conn.execute(
        # "+e.type": found through the alias index; by type, SQLite would walk every entity of the type
        f"""SELECT DISTINCT e.id FROM aliases a JOIN entities e ON e.id = a.entity_id
            WHERE +e.type = ? AND a.alias COLLATE NOCASE IN ({marks}) AND e.key NOT LIKE ?""",
        (entity.type, *forms, f"%{SPLIT_MARK}"),
    ).fetchall()
    return int(rows[0][0]) if len(rows) == 1 else None


def _best_candidate(conn: Connection, entity: LocalEntity, context: Context) -> Candidate | None:
    """The best-scoring person in the store whose surname key starts like this one's."""
    surname = surname_key(entity.name)
    if len(surname) < BLOCK:
        return None
    prefix = surname[:BLOCK]  # surnames starting with it: a range of the surname index, not a scan of all people
    rows = conn.execute(
        """SELECT id, name FROM entities WHERE +type = 'person' AND surname >= ? AND surname < ?
           AND key NOT LIKE ? ORDER BY id""",
        (prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1), f"%{SPLIT_MARK}"),
    ).fetchall()
    rejected = _rejected_names(conn, entity)
    named: list[tuple[float, int, sqlite3.Row, NameMatch]] = []
    for order, row in enumerate(rows):
        names = [row["name"], *_full_aliases(conn, int(row["id"]))]
        if rejected & {n.casefold() for n in names}:
            continue
        match = max((compare_names(entity.name, name) for name in names), key=lambda m: m.score)
        named.append((match.score, order, row, match))
    # The context is read for the best names first, and only while it could still change the winner.
    best: tuple[float, int, Candidate] | None = None
    for score, order, row, match in sorted(named, key=lambda n: (-n[0], n[1])):
        if best is not None and min(1.0, score + MAX_BONUS) < best[0]:
            break
        reasons = list(match.reasons)
        if score >= SUGGEST:
            bonus, why = _context_bonus(conn, int(row["id"]), context)
            score = min(1.0, score + bonus)
            reasons.extend(why)
        if best is None or (score, -order) > (best[0], -best[1]):
            best = (score, order, Candidate(int(row["id"]), row["name"], round(score, 3), reasons))
    return best[2] if best is not None else None


def _full_aliases(conn: Connection, entity_id: int) -> list[str]:
    return [
        r[0]
        for r in conn.execute("SELECT alias FROM aliases WHERE entity_id = ? AND mentions > 0", (entity_id,))
        if len(token_keys(r[0])) > 1
    ]


def _context_bonus(conn: Connection, entity_id: int, context: Context) -> tuple[float, list[str]]:
    """Evidence beyond the name: the same entities around it, the same offices, the same countries."""
    reasons = []
    shared = _shared_context(conn, entity_id, context.entities)
    bonus = min(CONTEXT_MAX, CONTEXT_BONUS * len(shared))
    if shared:
        reasons.append(f"named with the same entities elsewhere: {', '.join(shared[:5])} (+{bonus:.2f})")
    offices, countries = _offices_of(conn, entity_id)
    if same := sorted(offices & context.offices):
        bonus += CONTEXT_BONUS
        reasons.append(f"holds the same office: {', '.join(same)} (+{CONTEXT_BONUS:.2f})")
    if same := sorted(countries & context.countries):
        bonus += CONTEXT_BONUS
        reasons.append(f"in office in the same country: {', '.join(same)} (+{CONTEXT_BONUS:.2f})")
    return bonus, reasons


def _offices_of(conn: Connection, entity_id: int) -> tuple[set[str], set[str]]:
    """The offices and countries of the candidate's newest CONTEXT_DOCUMENTS documents."""
    offices, countries = set(), set()
    for role, org in conn.execute(
        """SELECT p.role, COALESCE(org.name, p.org_text) FROM
             (SELECT id FROM doc_entities WHERE entity_id = ? ORDER BY id DESC LIMIT ?) person
             JOIN positions p ON p.person_doc_entity_id = person.id
             LEFT JOIN doc_entities org ON org.id = p.org_doc_entity_id""",
        (entity_id, CONTEXT_DOCUMENTS),
    ):
        offices.add(office_head(role))
        if org and (country := country_named(org)):
            countries.add(country)
    return offices, countries


def _shared_context(conn: Connection, entity_id: int, context: Iterable[int]) -> list[str]:
    """Names of the context entities that appear in the newest CONTEXT_DOCUMENTS documents of `entity_id`."""
    context = list(context)
    if not context:
        return []
    marks = ",".join("?" * len(context))
    rows = conn.execute(
        f"""SELECT DISTINCT e.name FROM
              (SELECT doc_id FROM doc_entities WHERE entity_id = ? ORDER BY id DESC LIMIT ?) mine
              JOIN doc_entities other ON other.doc_id = mine.doc_id
              JOIN entities e ON e.id = other.entity_id
             WHERE other.entity_id IN ({marks}) AND other.entity_id != ?""",
        (entity_id, CONTEXT_DOCUMENTS, *context, entity_id),
    ).fetchall()
    return sorted(r[0] for r in rows)


# the judgements a document's entity is linked by ---------------------------------------------------


def _split_judgement(conn: Connection, entity: LocalEntity) -> int | None:
    """The entity this document entity's name was split off from, if a judgement says so."""
    forms = {f.casefold() for f in {entity.name, *entity.forms}}
    for a, b in conn.execute("SELECT a, b FROM judgements WHERE kind = 'split' AND type = ?", (entity.type,)):
        if b.casefold() in forms and entity.name.casefold() == b.casefold():
            owners = entities_named(conn, a, entity.type)
            if owners:
                return int(owners[0]["id"])
    return None


def _rejected_names(conn: Connection, entity: LocalEntity) -> set[str]:
    """Names a judgement says this name is not."""
    name = entity.name.casefold()
    rejected = set()
    for a, b in conn.execute("SELECT a, b FROM judgements WHERE kind = 'reject' AND type = ?", (entity.type,)):
        if a.casefold() == name:
            rejected.add(b.casefold())
        elif b.casefold() == name:
            rejected.add(a.casefold())
    return rejected
