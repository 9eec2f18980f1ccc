"""Queries over the store: entities, a person's profile, quotes, claims and events, a summary (documents found
by words: documents.py)."""

from __future__ import annotations

from typing import Any

from elitewatch.dbapi import Connection, Cursor, dialect
from elitewatch.errors import NotFoundError
from elitewatch.query.careers import SOURCES_SHOWN, career, office_summary, offices
from elitewatch.query.facts import Held, join_offices, recent_event_facts
from elitewatch.query.fulltext import MATCHING, fts_count, fts_query
from elitewatch.vocabulary.names import name_key, strip_possessive


def _rows(cursor: Cursor) -> list[dict[str, Any]]:
    return [dict(row) for row in cursor.fetchall()]


def list_entities(conn: Connection, *, type: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    sql = """SELECT e.id, e.type, e.name,
                    (SELECT COUNT(*) FROM mentions m JOIN doc_entities de ON de.id = m.doc_entity_id
                      WHERE de.entity_id = e.id) AS mentions,
                    (SELECT COUNT(DISTINCT de.doc_id) FROM doc_entities de WHERE de.entity_id = e.id) AS documents
             FROM entities e {where} ORDER BY mentions DESC, e.name LIMIT ?"""
    if type:
        return _rows(conn.execute(sql.format(where="WHERE e.type = ?"), (type, limit)))
    return _rows(conn.execute(sql.format(where=""), (limit,)))


def find_entities(conn: Connection, name: str, *, type: str | None = None) -> list[dict[str, Any]]:
    """Entities whose name, alias or name key matches `name` (any script, any spelling)."""
    name = strip_possessive(name)
    key = name_key(name)
    rows = conn.execute(  # one lookup by index each (the same conditions joined by OR scanned every entity)
        """SELECT id, type, name FROM entities WHERE key = ?
           UNION SELECT id, type, name FROM entities WHERE surname = ?
           UNION SELECT id, type, name FROM entities WHERE name = ? COLLATE NOCASE
           UNION SELECT e.id, e.type, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id
                  WHERE a.alias = ? COLLATE NOCASE
           ORDER BY 1""",
        (key, key, name, name),
    ).fetchall()
    found = [dict(r) for r in rows if type is None or r["type"] == type]
    keys = set(key.split())
    if not found and len(keys) > 1:  # "Tokayev Kassym": a name whose key holds these parts, by the surname index
        for part in keys:
            for row in conn.execute("SELECT id, type, name, key FROM entities WHERE surname = ?", (part,)):
                if keys <= set(row["key"].split()) and (type is None or row["type"] == type):
                    found.append({"id": row["id"], "type": row["type"], "name": row["name"]})
    return list({e["id"]: e for e in found}.values())


def aliases(conn: Connection, entity_id: int) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY mentions DESC, alias", (entity_id,)
        )
    ]


def person_profile(conn: Connection, name: str) -> dict[str, Any]:
    matches = find_entities(conn, name, type="person") or find_entities(conn, name)
    if not matches:
        raise NotFoundError("no entity by that name", source=name)
    # Several candidates: the most mentioned one, the rest listed as "also".
    ranked = sorted(matches, key=lambda e: -_mention_count(conn, e["id"]))
    profile = entity_profile(conn, ranked[0]["id"])
    profile["also"] = [{"id": e["id"], "name": e["name"], "type": e["type"]} for e in ranked[1:]]
    return profile


def entity_profile(
    conn: Connection, entity_id: int, *, limit: int = 500, sentences: bool = True, records: bool = True
) -> dict[str, Any]:
    """One entity: names in every script, documents, career (offices), quotes, events, who is named with it.
    Documents, quotes and events: the newest `limit`; `documents_total` tells how many there are. `records`:
    every office record too (`career`, as many as the documents naming the person); a page shows the offices
    alone, which the store sums, so that its time does not grow with the person."""
    row = conn.execute("SELECT id, type, name, wikidata FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        raise NotFoundError("no entity with this id", source=str(entity_id))
    entity = dict(row)
    documents = _rows(
        conn.execute(
            """SELECT d.id, d.title, d.published, d.language,
                      (SELECT COUNT(*) FROM mentions m WHERE m.doc_entity_id = de.id) AS mentions
               FROM doc_entities de JOIN documents d INDEXED BY documents_listing ON d.id = de.doc_id
               WHERE de.entity_id = ? ORDER BY de.id DESC LIMIT ?""",  # the newest ingested, by the index
            (entity_id, limit),
        )
    )
    documents.sort(key=lambda d: (d["published"] or "", d["id"]), reverse=True)
    total = documents_naming(conn, entity_id)
    profile = {**entity, "aliases": aliases(conn, entity_id), "documents": documents[::-1], "documents_total": total}
    if records:  # read once: the offices are joined from them, as the store would sum them
        profile["career"] = career(conn, entity_id, sentences=sentences)
    return profile | {
        "offices": offices(profile["career"]) if records else office_summary(conn, entity_id, sentences=sentences),
        "quotes": search_quotes(conn, speaker_id=entity_id, limit=limit),
        "claims_by": search_claims(conn, source_id=entity_id, limit=limit),
        "claims_about": search_claims(conn, about_id=entity_id, limit=limit),
        "events": search_events(conn, participant_id=entity_id, limit=limit),
        "named_with": named_with(conn, entity_id),
        "holders": office_holders(conn, entity_id) if entity["type"] != "person" else [],
        "also": [],
    }


def documents_naming(conn: Connection, entity_id: int) -> int:
    """How many documents' entities are this entity: the count the store keeps with its type votes (migration
    017, one vote a document's entity), not a count of the entity's rows (170,000 for the most named person of
    a million documents)."""
    row = conn.execute("SELECT SUM(mentions) FROM entity_type_votes WHERE entity_id = ?", (entity_id,)).fetchone()
    return int(row[0] or 0)


def office_holders(conn: Connection, entity_id: int) -> list[dict[str, Any]]:
    """Who the documents say holds (or held) an office in this organization or country: one row per office
    and holder however many documents tell it (query/facts.py), with the earliest start, the latest end,
    the dates the texts show the holder in post, and every source."""
    rows = _rows(
        conn.execute(
            """SELECT p.id, p.person_entity_id AS person_id, e.name AS person, p.role, p.start, p.end, p.as_of,
                      p.ended, p.doc_id, p.sentence_start, p.sentence_end, p.published
                 FROM positions p JOIN entities e ON e.id = p.person_entity_id
                WHERE p.org_entity_id = ?
                ORDER BY COALESCE(p.start, p.as_of, p.end, '9999'), e.name, p.published, p.doc_id""",
            (entity_id,),
        )
    )
    # every row names this organization, so the rows' own join is the store's (query/facts.py)
    facts = join_offices([Held(row["id"], row["person_id"], row["role"], f"e:{entity_id}") for row in rows])
    held: dict[str, dict[str, Any]] = {}
    for row in rows:
        fact = facts.fact_of.get(row["id"], f"office-record-{row['id']}")
        source = {key: row[key] for key in ("doc_id", "published", "sentence_start", "sentence_end")}
        if fact not in held:
            held[fact] = {**row, "fact": fact, "ended": bool(row["ended"]), "seen": set(), "sources": []}
        office = held[fact]
        office["sources"].append(source)
        office["ended"] = office["ended"] or bool(row["ended"])
        if row["start"] and (not office["start"] or row["start"] < office["start"]):
            office["start"], office["role"] = row["start"], row["role"]
        if row["end"] and (not office["end"] or row["end"] > office["end"]):
            office["end"] = row["end"]
        if row["as_of"]:
            office["seen"].add(row["as_of"])
    for office in held.values():
        sources = office["sources"]
        office["sources_total"] = len(sources)
        if len(sources) > SOURCES_SHOWN:  # the earliest and the latest
            office["sources"] = sources[: SOURCES_SHOWN // 2] + sources[-SOURCES_SHOWN // 2 :]
        office["seen"] = sorted(office.pop("seen"))
        office["as_of"] = office["seen"][0] if office["seen"] else office["as_of"]
    return sorted(held.values(), key=lambda o: (o["start"] or o["as_of"] or o["end"] or "9999", o["person"]))


NAMED_WITH_WINDOW = 300  # the newest ingested documents of an entity that its companions are counted in


def named_with(conn: Connection, entity_id: int, *, limit: int = 10) -> list[dict[str, Any]]:
    """The people most often named in the same documents as this entity (in its newest ingested documents)."""
    return _rows(
        conn.execute(
            """WITH recent AS (
                   SELECT de.doc_id FROM doc_entities de WHERE de.entity_id = ? ORDER BY de.id DESC LIMIT ?)
               SELECT e.id, e.name, e.type, COUNT(DISTINCT other.doc_id) AS documents
                 FROM recent JOIN doc_entities other ON other.doc_id = recent.doc_id
                 JOIN entities e ON e.id = other.entity_id
                WHERE other.entity_id != ? AND e.type = 'person'
                GROUP BY e.id ORDER BY documents DESC, e.name LIMIT ?""",
            (entity_id, NAMED_WITH_WINDOW, entity_id, limit),
        )
    )


def _date_range(column: str, since: str | None, until: str | None, where: list[str], params: list[Any]) -> None:
    """Conditions on an ISO date column at any precision: "2023-12" as `until` takes in every day of December."""
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        where.append(f"substr({column}, 1, ?) <= ?")
        params.extend([len(until), until])


def search_events(
    conn: Connection,
    *,
    type: str | None = None,
    person: str | None = None,
    participant_id: int | None = None,
    since: str | None = None,
    until: str | None = None,
    place: str | None = None,
    doc_id: str | None = None,
    limit: int = 100,
    joined: bool = True,
) -> list[dict[str, Any]]:
    """Events by type, participant (a name in any spelling, or an entity id), place and date range, oldest
    first; each with its participants, place and source sentence. An event whose date the text does not say
    is placed by its document's publication date (`date` stays empty: the page marks it); none at all, last.
    Each carries the id of the fact it tells (`fact`) and every document's record of that fact (`sources`,
    query/facts.py); `joined` shows each fact once, else each document's record (a document's page)."""
    where: list[str] = []
    params: list[Any] = []
    if doc_id:
        where.append("e.doc_id = ?")
        params.append(doc_id)
    if place:
        places = [e["id"] for e in find_entities(conn, place, type="place")]
        where.append(
            f"""(e.place_text = ? COLLATE NOCASE OR e.place_doc_entity_id IN
                 (SELECT id FROM doc_entities WHERE entity_id IN ({",".join("?" * len(places)) or "NULL"})))"""
        )
        params.extend([place, *places])
    if type:
        where.append("e.type = ?")
        params.append(type)
    ids = [participant_id] if participant_id is not None else []
    if person:
        ids.extend(e["id"] for e in find_entities(conn, person))
        if not ids:
            return []
    if ids and not where:  # a participant's events alone (a person's page): the first `limit`, by the index
        listed = [event for who in ids for event in _first_events(conn, who, since, until, limit)]
        if not listed:
            return []
        where.append(f"e.id IN ({','.join('?' * len(listed))})")
        params.extend(listed)
    elif ids:
        marks = ",".join("?" * len(ids))
        where.append(f"e.id IN (SELECT event_id FROM event_participants WHERE entity_id IN ({marks}))")
        params.extend(ids)
    _date_range("COALESCE(e.date, d.published)", since, until, where, params)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    events = _rows(
        conn.execute(
            f"""SELECT e.id, e.type, e.date, e.trigger, COALESCE(place.name, e.place_text) AS place,
                       place.entity_id AS place_id, e.confidence, e.correction_id, e.doc_id, d.title, d.published,
                       e.sentence_start, e.sentence_end,
                       substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
                  FROM events e JOIN documents d ON d.id = e.doc_id
                  LEFT JOIN doc_entities place ON place.id = e.place_doc_entity_id
                  {clause}
                 ORDER BY COALESCE(e.date, d.published) IS NULL, COALESCE(e.date, d.published), e.doc_id,
                          e.trigger_start
                 LIMIT ?""",
            [*params, limit],
        )
    )
    if not events:
        return events
    participants: dict[int, list[dict[str, Any]]] = {e["id"]: [] for e in events}
    marks = ",".join("?" * len(participants))
    for row in conn.execute(  # one query for all the events, not one per event
        f"""SELECT ep.event_id, ent.id, ent.name, ent.type, ep.role FROM event_participants ep
              JOIN doc_entities de ON de.id = ep.doc_entity_id JOIN entities ent ON ent.id = de.entity_id
             WHERE ep.event_id IN ({marks}) ORDER BY ep.event_id, ep.rowid""",
        list(participants),
    ):
        found = participants[row["event_id"]]
        if all(p["id"] != row["id"] for p in found):
            found.append({"id": row["id"], "name": row["name"], "type": row["type"], "role": row["role"]})
    for event in events:
        event["participants"] = participants[event["id"]]
    return _told_by(conn, events, joined=joined)


def _first_events(conn: Connection, entity_id: int, since: str | None, until: str | None, limit: int) -> list[int]:
    """The events of one participant a listing of `limit` oldest first takes: the dated first (their date, else
    their document's), then the undated."""
    where: list[str] = ["ep.dated IS NOT NULL"]
    params: list[Any] = []
    _date_range("ep.dated", since, until, where, params)
    ids = _first_of(
        conn,
        "event_participants ep",
        "ep.event_id",
        "ep.entity_id",
        entity_id,
        where,
        params,
        limit,
        order="ep.dated",
        tied="ep.dated",
    )
    if len(ids) < limit and not (since or until):
        undated = "SELECT ep.event_id FROM event_participants ep WHERE ep.entity_id = ? AND ep.dated IS NULL"
        ids.extend(row[0] for row in conn.execute(undated, (entity_id,)))
    return ids


def _first_of(
    conn: Connection,
    source: str,
    id_column: str,
    entity_column: str,
    entity_id: int,
    where: list[str],
    params: list[Any],
    limit: int,
    *,
    order: str,
    tied: str | None = None,
) -> list[int]:
    """The ids of one entity's rows of `source` that a listing of `limit` in `order` takes, under the conditions
    `where`, by the index on the entity and that order. A listing that orders rows of one `tied` key by more
    than the index holds takes the rows that share the last one's key too."""
    condition = " AND ".join([f"{entity_column} = ?", *where])
    found = conn.execute(
        f"SELECT {id_column}, {tied or 'NULL'} FROM {source} WHERE {condition} ORDER BY {order} LIMIT ?",
        (entity_id, *params, limit),
    ).fetchall()
    ids = [row[0] for row in found]
    if tied and len(found) == limit:
        last = found[-1][1]
        same = f"{tied} IS NULL" if last is None else f"{tied} = ?"
        ids.extend(
            row[0]
            for row in conn.execute(
                f"SELECT {id_column} FROM {source} WHERE {condition} AND {same}",
                (entity_id, *params, *([] if last is None else [last])),
            )
        )
    return list(dict.fromkeys(ids))


def _told_by(conn: Connection, events: list[dict[str, Any]], *, joined: bool) -> list[dict[str, Any]]:
    """Each event with its fact's id and sources (the records of every document telling it, also those the
    search did not reach: SOURCES_SHOWN of them, `sources_total` in all); joined, one event per fact: the first
    found, dated by the most precise source."""
    facts = recent_event_facts(conn)
    shown: dict[str, dict[str, Any]] = {}
    chosen: dict[int, list[int]] = {}
    for event in events:
        members = facts.sources(event["id"])
        others = [m for m in members if m != event["id"]]
        chosen[event["id"]] = others[: SOURCES_SHOWN - 1]
        event["fact"] = facts.fact_of.get(event["id"], f"event-record-{event['id']}")
        event["sources_total"] = len(members)
        if joined and not event["date"]:
            event["date"] = facts.dates.get(event["fact"])
    told = _event_sources(conn, {m for picked in chosen.values() for m in picked})
    for event in events:
        own = {key: event[key] for key in ("id", "doc_id", "title", "published", "date", "trigger")}
        own |= {"sentence_start": event["sentence_start"], "sentence_end": event["sentence_end"]}
        event["sources"] = sorted(
            [own, *(told[m] for m in chosen[event["id"]] if m in told)],
            key=lambda s: (s["published"] or "", s["doc_id"]),
        )
        if not joined or event["fact"] not in shown:
            shown.setdefault(event["fact"], event)
    return list(shown.values()) if joined else events


def _event_sources(conn: Connection, ids: set[int]) -> dict[int, dict[str, Any]]:
    found: dict[int, dict[str, Any]] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        for row in conn.execute(
            # where each source says it (the page links to the sentence), not the sentence: it is the event's
            f"""SELECT e.id, e.doc_id, d.title, d.published, e.date, e.trigger, e.sentence_start, e.sentence_end
                  FROM events e JOIN documents d INDEXED BY documents_listing ON d.id = e.doc_id
                 WHERE e.id IN ({",".join("?" * len(chunk))})""",
            chunk,
        ):
            found[int(row["id"])] = dict(row)
    return found


def _mention_count(conn: Connection, entity_id: int) -> int:
    row = conn.execute(
        "SELECT COUNT(*) FROM mentions m JOIN doc_entities de ON de.id = m.doc_entity_id WHERE de.entity_id = ?",
        (entity_id,),
    ).fetchone()
    return int(row[0])


def search_quotes(
    conn: Connection,
    *,
    speaker: str | None = None,
    speaker_id: int | None = None,
    text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    language: str | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Quotes by words, speaker (any spelling, or an entity id; an organization's also takes the quotes of
    unnamed speakers for it, "a Boeing spokesman"), date said (else published) and language, newest first."""
    where: list[str] = []
    params: list[Any] = []
    _date_range("q.dated", since, until, where, params)
    if language:
        where.append("q.language = ?")
        params.append(language)
    if speaker is not None:
        ids = [e["id"] for e in find_entities(conn, speaker)]
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        where.append(f"(q.speaker_entity_id IN ({marks}) OR q.speaker_org_entity_id IN ({marks}))")
        params.extend([*ids, *ids])
    if speaker_id is not None and not text:  # a speaker's newest (a person's page): by the speaker's indexes
        listed = _newest_quotes(conn, speaker_id, where, params, limit)
        if not listed:
            return []
        where, params = [f"q.id IN ({','.join('?' * len(listed))})"], list(listed)  # the conditions' choice
    elif speaker_id is not None:
        where.append("(q.speaker_entity_id = ? OR q.speaker_org_entity_id = ?)")
        params.extend([speaker_id, speaker_id])
    source = "quotes q"
    if text:
        query = fts_query(text, dialect(conn))
        # Few matches are sorted; the many of a common word are found walking the quotes newest first.
        common = fts_count(conn, "quotes", query) > SORT_MATCHES
        source = "quotes q INDEXED BY quotes_dated" if common else "quotes q"
        where.append(("+" if common else "") + MATCHING[dialect(conn)].format(alias="q", table="quotes"))
        params.append(query)
    sql = f"""SELECT q.id, q.doc_id, q.text, q.said_on, q.start, q.end, q.language, q.confidence,
                     de.entity_id AS speaker_id, e.name AS speaker, d.published, d.title,
                     q.speaker_text AS speaker_stated, org.entity_id AS speaks_for_id, oe.name AS speaks_for
              FROM (SELECT q.id FROM {source} {"WHERE " + " AND ".join(where) if where else ""}
                    ORDER BY q.dated DESC, q.doc_id, q.start LIMIT ?) top
              JOIN quotes q ON q.id = top.id JOIN documents d INDEXED BY documents_listing ON d.id = q.doc_id
              LEFT JOIN doc_entities de ON de.id = q.speaker_doc_entity_id
              LEFT JOIN entities e ON e.id = de.entity_id
              LEFT JOIN doc_entities org ON org.id = q.speaker_org_doc_entity_id
              LEFT JOIN entities oe ON oe.id = org.entity_id
              ORDER BY q.dated DESC, q.doc_id, q.start"""
    return _rows(conn.execute(sql, (*params, limit)))


def _newest_quotes(conn: Connection, speaker_id: int, where: list[str], params: list[Any], limit: int) -> list[int]:
    """The quotes of one speaker (a person, or an organization its unnamed spokesmen speak for) a listing of
    `limit` newest first takes."""
    sqlite = dialect(conn) == "sqlite"
    ids = []
    for column in ("speaker_entity_id", "speaker_org_entity_id"):
        source = f"quotes q INDEXED BY quotes_{column.removesuffix('_id')}" if sqlite else "quotes q"
        order = "q.dated DESC, q.doc_id, q.start"
        ids += _first_of(conn, source, "q.id", f"q.{column}", speaker_id, where, params, limit, order=order)
    return list(dict.fromkeys(ids))


def search_claims(
    conn: Connection,
    *,
    source: str | None = None,
    source_id: int | None = None,
    about_id: int | None = None,
    about: str | None = None,
    text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Claims by words, source (a name in any spelling, or an entity id), the entity they are about, and date
    said (else published), newest first; each with its source, cue, polarity and the entities it is about."""
    where: list[str] = []
    params: list[Any] = []
    _date_range("c.dated", since, until, where, params)
    sources = [e["id"] for e in find_entities(conn, source)] if source else []
    if source_id is not None:
        sources.append(source_id)
    if (source or source_id is not None) and not sources:
        return []
    if len(sources) == 1 and not (text or about or about_id is not None):  # one source's newest (a person's page)
        table = "claims c INDEXED BY claims_source_entity" if dialect(conn) == "sqlite" else "claims c"
        order = "c.dated DESC, c.doc_id, c.start"
        listed = _first_of(conn, table, "c.id", "c.source_entity_id", sources[0], where, params, limit, order=order)
        if not listed:
            return []
        where, params = [f"c.id IN ({','.join('?' * len(listed))})"], list(listed)  # the conditions' choice
    elif sources:
        where.append(f"c.source_entity_id IN ({','.join('?' * len(sources))})")
        params.extend(sources)
    subjects = [e["id"] for e in find_entities(conn, about)] if about else []
    if about_id is not None:
        subjects.append(about_id)
    if about or about_id is not None:
        if not subjects:
            return []
        where.append(f"c.id IN (SELECT claim_id FROM claim_about WHERE entity_id IN ({','.join('?' * len(subjects))}))")
        params.extend(subjects)
    if text:
        where.append(MATCHING[dialect(conn)].format(alias="c", table="claims"))
        params.append(fts_query(text, dialect(conn)))
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    claims = _rows(
        conn.execute(
            f"""SELECT c.id, c.doc_id, c.text, c.cue, c.polarity, c.said_on, c.start, c.end, c.source_text,
                       c.confidence, c.language, de.entity_id AS source_id, e.name AS source, d.published, d.title
                  FROM claims c JOIN documents d INDEXED BY documents_listing ON d.id = c.doc_id
                  LEFT JOIN doc_entities de ON de.id = c.source_doc_entity_id
                  LEFT JOIN entities e ON e.id = de.entity_id
                  {clause} ORDER BY c.dated DESC, c.doc_id, c.start LIMIT ?""",
            [*params, limit],
        )
    )
    if claims:
        marks = ",".join("?" * len(claims))
        named: dict[int, list[dict[str, Any]]] = {c["id"]: [] for c in claims}
        for row in conn.execute(
            f"""SELECT ca.claim_id, e.id, e.name, e.type FROM claim_about ca
                  JOIN doc_entities de ON de.id = ca.doc_entity_id JOIN entities e ON e.id = de.entity_id
                 WHERE ca.claim_id IN ({marks}) ORDER BY ca.claim_id, e.name""",
            [c["id"] for c in claims],
        ):
            named[row["claim_id"]].append({"id": row["id"], "name": row["name"], "type": row["type"]})
        for claim in claims:
            claim["about"] = named[claim["id"]]
    return claims


SORT_MATCHES = 1000  # quotes matching words: up to this many are sorted by date, more found by the date index


def corpus_summary(conn: Connection, *, top: int = 5) -> dict[str, Any]:
    def count(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    most_quoted = _rows(
        conn.execute(
            """SELECT e.id, e.name, e.type, COUNT(*) AS quotes FROM quotes q
               JOIN doc_entities de ON de.id = q.speaker_doc_entity_id JOIN entities e ON e.id = de.entity_id
               GROUP BY e.id ORDER BY quotes DESC, e.name LIMIT ?""",
            (top,),
        )
    )
    languages = {r[0] or "?": r[1] for r in conn.execute("SELECT language, COUNT(*) FROM documents GROUP BY language")}
    return {
        "documents": count("SELECT COUNT(*) FROM documents"),
        "languages": languages,
        "people": count("SELECT COUNT(*) FROM entities WHERE type = 'person'"),
        "organizations": count("SELECT COUNT(*) FROM entities WHERE type = 'organization'"),
        "places": count("SELECT COUNT(*) FROM entities WHERE type = 'place'"),
        "quotes": count("SELECT COUNT(*) FROM quotes WHERE speaker_doc_entity_id IS NOT NULL"),
        "most_quoted": most_quoted,
        "most_mentioned": list_entities(conn, type="person", limit=top),
    }
