"""People's judgements on entities: `merge`, `split`, `reject` and `unsure`, stored by name so that they
survive re-ingestion and a rebuilt store, carried out in the order made after every document written (they win
over the resolver); the review of the pairs the resolver was unsure of; external ids (Wikidata) by name."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from elitewatch.dbapi import Connection
from elitewatch.errors import InputError, NotFoundError
from elitewatch.resolve.linker import entities_named, merge_entities, now, rebuild_aliases, split_entity
from elitewatch.vocabulary.names import name_key, strip_possessive


def judged_entities(conn: Connection, name: str, entity_type: str | None = None) -> list[sqlite3.Row]:
    """The entities a name in a judgement means: those whose canonical name it is, else those it names."""
    rows = entities_named(conn, name, entity_type)
    exact = [r for r in rows if str(r["name"]).casefold() == strip_possessive(name).casefold()]
    return exact or rows


def one_entity(conn: Connection, name: str, entity_type: str | None = None) -> sqlite3.Row:
    """The entity a user means by a name or an id number; an error listing them when it means several."""
    if name.isascii() and name.isdigit():  # "²" is a digit to str.isdigit, not to int
        number = int(name)
        row = None
        if number < 2**63:  # past SQLite's integers no row has it
            row = conn.execute("SELECT id, type, name FROM entities WHERE id = ?", (number,)).fetchone()
        if row is None:
            raise NotFoundError("no entity with this id", source=name)
        return row
    rows = judged_entities(conn, name, entity_type)
    if not rows:
        raise NotFoundError("no entity by that name", source=name)
    if len(rows) > 1:
        listed = "; ".join(f"{r['name']} ({r['type']}, id {r['id']})" for r in rows)
        raise InputError(f"several entities have this name: {listed}; give --type or a fuller name", source=name)
    return rows[0]


def merge_named(
    conn: Connection, a: str, b: str, entity_type: str | None = None, *, by: str = "", why: str | None = None
) -> sqlite3.Row:
    """A person's judgement that the entities these names (or ids) mean are one; the entity that stays."""
    first, second = one_entity(conn, a, entity_type), one_entity(conn, b, entity_type)
    if first["type"] != second["type"]:
        raise InputError(f"{first['name']} is a {first['type']}, {second['name']} a {second['type']}", source=b)
    judge(conn, "merge", first["type"], first["name"], second["name"], by=by, why=why)
    return one_entity(conn, first["name"], first["type"])


def split_named(
    conn: Connection,
    entity: str,
    alias: str,
    entity_type: str | None = None,
    *,
    by: str = "",
    why: str | None = None,
) -> sqlite3.Row:
    """A person's judgement that `alias` is someone (or something) else than the entity `entity` means."""
    found = one_entity(conn, entity, entity_type)
    judge(conn, "split", found["type"], found["name"], alias, by=by, why=why)
    return found


# What each kind of judgement says, in nomenklatura's words: the two are one, they are not, or the person
# who looked could not tell (the pair stays apart and on the review list, marked as looked at).
VERDICTS = {"merge": "positive", "split": "negative", "reject": "negative", "unsure": "unsure"}


def judge(
    conn: Connection, kind: str, entity_type: str, a: str, b: str, *, by: str = "", why: str | None = None
) -> None:
    """Record a judgement, with who made it and why (the newest one on a pair of names replaces the others),
    and carry them all out."""
    if kind not in VERDICTS:
        raise InputError(f"a judgement is one of {', '.join(VERDICTS)}", source=kind)
    conn.execute(
        "DELETE FROM judgements WHERE type = ? AND ((a = ? AND b = ?) OR (a = ? AND b = ?))",
        (entity_type, a, b, b, a),
    )
    conn.execute(
        "INSERT INTO judgements (kind, type, a, b, created_at, made_by, why) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (kind, entity_type, a, b, now(), by, why),
    )
    apply_judgements(conn)


def list_judgements(conn: Connection) -> list[dict[str, object]]:
    """Every judgement in the order made: its verdict (positive, negative, unsure), the names it is about,
    who made it, when and why."""
    return [
        {**dict(row), "verdict": VERDICTS.get(str(row["kind"]), "unsure")}
        for row in conn.execute(
            'SELECT id, kind, type, a, b, made_by AS who, created_at AS "when", why FROM judgements ORDER BY id'
        )
    ]


def apply_judgements(conn: Connection, touched: Iterable[int] | None = None) -> None:
    """Carry out the judgements in the order made: they win over what the resolver decided. With `touched`
    (the entities one document's writing changed) only the judgements that name one of them, and the
    entities a merge among them joins: the others were carried out when they were made and still hold, so
    writing does not slow down as judgements grow."""
    names = None if touched is None else _names_of(conn, touched)
    for row in conn.execute("SELECT kind, type, a, b FROM judgements ORDER BY id").fetchall():
        kind, entity_type, a, b = row
        if names is not None and not (_names(a) & names or _names(b) & names):
            continue
        if kind == "unsure":  # looked at, not decided: nothing to carry out
            continue
        if kind == "split":
            for entity in judged_entities(conn, a, entity_type):
                split_alias(conn, int(entity["id"]), b)
            continue
        ids_a = {int(r["id"]) for r in judged_entities(conn, a, entity_type)}
        ids_b = {int(r["id"]) for r in judged_entities(conn, b, entity_type)}
        if kind == "merge" and len(ids_a) == 1 and len(ids_b) == 1 and ids_a != ids_b:
            keep, gone = sorted((*ids_a, *ids_b))
            merge_entities(conn, keep, gone)
            if names is not None:
                names |= _names_of(conn, [keep])  # what the merged entity is called now counts as touched
        elif kind == "reject":
            for x in ids_a:
                for y in ids_b:
                    conn.execute("DELETE FROM candidates WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)", (x, y, y, x))
    _apply_external_ids(conn, names)


def _names(name: str) -> set[str]:
    """What a name in a judgement or an external id is matched by (entities_named): its key and its form."""
    bare = strip_possessive(name)
    return {f"key:{name_key(bare)}", f"name:{bare.casefold()}"}


def _names_of(conn: Connection, entity_ids: Iterable[int]) -> set[str]:
    """Every key and form by which `entities_named` can find one of these entities (a superset: NOCASE folds
    only ASCII letters, casefold every one)."""
    found: set[str] = set()
    for entity_id in set(entity_ids):
        row = conn.execute("SELECT key, name FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            continue
        found |= {f"key:{row['key']}", f"name:{str(row['name']).casefold()}"}
        for (alias,) in conn.execute("SELECT alias FROM aliases WHERE entity_id = ? AND mentions > 0", (entity_id,)):
            found.add(f"name:{strip_possessive(alias).casefold()}")
            found.add(f"name:{str(alias).casefold()}")
    return found


def split_alias(conn: Connection, entity_id: int, alias: str) -> int | None:
    """Take the documents' entities named `alias` out of `entity_id` into an entity of their own."""
    rows = conn.execute(
        """SELECT DISTINCT de.id FROM doc_entities de LEFT JOIN mentions m ON m.doc_entity_id = de.id
            WHERE de.entity_id = ? AND (de.name = ? COLLATE NOCASE OR m.text = ? COLLATE NOCASE
                                        OR m.normal = ? COLLATE NOCASE)""",
        (entity_id, alias, alias, alias),
    ).fetchall()
    total = conn.execute("SELECT COUNT(*) FROM doc_entities WHERE entity_id = ?", (entity_id,)).fetchone()[0]
    if not rows or len(rows) == total:
        return None  # nothing to take out, or everything: the entity is this alias
    entity_type = conn.execute("SELECT type FROM entities WHERE id = ?", (entity_id,)).fetchone()[0]
    new_id = split_entity(conn, entity_type, alias, entity_id)
    conn.executemany("UPDATE doc_entities SET entity_id = ? WHERE id = ?", [(new_id, r[0]) for r in rows])
    rebuild_aliases(conn, [entity_id, new_id])
    return new_id


def review_candidates(conn: Connection) -> list[dict[str, object]]:
    """The pairs the resolver was unsure of, best first, with the reasons it gave; a pair someone looked at
    and could not tell comes after the others, with who looked and when (`unsure`)."""
    rows = conn.execute(
        """SELECT c.rowid AS number, c.a, ea.name AS a_name, c.b, eb.name AS b_name, ea.type, c.score, c.reasons
             FROM candidates c JOIN entities ea ON ea.id = c.a JOIN entities eb ON eb.id = c.b
            ORDER BY c.score DESC, c.rowid"""
    ).fetchall()
    looked = {
        (row["type"], frozenset((str(row["a"]), str(row["b"])))): {"who": row["made_by"], "when": row["created_at"]}
        for row in conn.execute("SELECT type, a, b, made_by, created_at FROM judgements WHERE kind = 'unsure'")
    }
    pairs = [
        {
            **dict(r),
            "reasons": json.loads(r["reasons"]),
            "unsure": looked.get((r["type"], frozenset((str(r["a_name"]), str(r["b_name"]))))),
        }
        for r in rows
    ]
    return sorted(pairs, key=lambda pair: pair["unsure"] is not None)


DECISIONS = {"accept": "merge", "reject": "reject", "unsure": "unsure"}


def decide_candidate(
    conn: Connection, number: int, decision: str | bool, *, by: str = "", why: str | None = None
) -> dict[str, object]:
    """Decide a pair of the review: "accept" (they are one), "reject" (they are not) or "unsure" (it stays
    to review, marked as looked at); True and False are accept and reject."""
    if isinstance(decision, bool):
        decision = "accept" if decision else "reject"
    if decision not in DECISIONS:
        raise InputError(f"a decision is one of {', '.join(DECISIONS)}", source=decision)
    row = conn.execute(
        """SELECT ea.type, ea.name AS a_name, eb.name AS b_name FROM candidates c
             JOIN entities ea ON ea.id = c.a JOIN entities eb ON eb.id = c.b WHERE c.rowid = ?""",
        (number,),
    ).fetchone()
    if row is None:
        raise NotFoundError("no such pair to review (see `elitewatch review`)", source=str(number))
    judge(conn, DECISIONS[decision], row["type"], row["a_name"], row["b_name"], by=by, why=why)
    return dict(row)


def set_external_id(conn: Connection, entity_type: str, name: str, wikidata: str) -> None:
    conn.execute(
        """INSERT INTO external_ids (type, name, wikidata, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (type, name) DO UPDATE SET wikidata = excluded.wikidata""",
        (entity_type, name, wikidata, now()),
    )


def _apply_external_ids(conn: Connection, names: set[str] | None = None) -> None:
    """Every external id onto the entities its name names; with `names`, only the ids with one of them."""
    for entity_type, name, wikidata in conn.execute("SELECT type, name, wikidata FROM external_ids").fetchall():
        if names is not None and not _names(name) & names:
            continue
        for entity in entities_named(conn, name, entity_type):
            conn.execute("UPDATE entities SET wikidata = ? WHERE id = ?", (wikidata, entity["id"]))
