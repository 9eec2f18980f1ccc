"""A person's career: every office record the documents give them (`career`), and the offices those records
tell, one row per office however many documents name it (`offices` from records, `office_summary` from the
store).

A person named in tens of thousands of documents has tens of thousands of records, so the store keeps their
sums (migration 021, store/offices.py): `office_summary` reads one row per office as written (a role and an
organization as named), with its dates and counts, asks for the first and last few records of each, and
joins those rows as `offices` joins records. An office a record has just left is summed from its records
until its writer sums it again. Both give the same offices (tests/query/test_careers.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from elitewatch.dbapi import Connection, dialect
from elitewatch.query.facts import Held, join_offices
from elitewatch.store.offices import COLLATE, LISTED, UNDATED

SOURCES_SHOWN = 10  # sources listed per office: the earliest and the latest half each; the rest counted
HALF = SOURCES_SHOWN // 2  # the store keeps as many of each end (store/offices.py SOURCES_KEPT)
SOURCE_KEYS = ("doc_id", "pattern", "sentence", "sentence_start", "sentence_end")


def career(conn: Connection, entity_id: int, *, sentences: bool = True) -> list[dict[str, Any]]:
    """Every office the documents give this person, ordered in time (start, else the date the text shows
    the person in post, else the document's date), each with the sentence it came from (`sentences`; without
    them only the offsets, which is much faster for someone named in thousands of documents)."""
    sentence = "substr(d.text, p.sentence_start + 1, p.sentence_end - p.sentence_start)" if sentences else "NULL"
    document = "JOIN documents d ON d.id = p.doc_id" if sentences else ""
    rows = [
        dict(row)
        for row in conn.execute(
            f"""SELECT p.role, COALESCE(org.name, p.org_text) AS org, p.org_entity_id AS org_id, p.start, p.end,
                      p.as_of, p.ended, p.pattern, p.confidence, p.doc_id, p.published,
                      COALESCE(p.start, p.as_of, p.end, p.published, '') AS "when",
                      p.sentence_start, p.sentence_end, {sentence} AS sentence
                 FROM positions p
                 {document}
                 LEFT JOIN entities org ON org.id = p.org_entity_id
                WHERE p.person_entity_id = ?""",
            (entity_id,),
        )
    ]
    for row in rows:
        row["ended"] = bool(row["ended"])
    return sorted(rows, key=lambda r: (r["when"], r["doc_id"], r["sentence_start"]))


@dataclass
class _Part:
    """Records of one office as written (one role, one organization as named): what they say together, and
    the first and last few of them with where each stands in the career's order."""

    role: str
    org: str | None
    org_id: int | None
    start: str | None = None
    end: str | None = None
    ended: bool = False
    seen: set[str] = field(default_factory=set)
    seen_by_document: set[str] = field(default_factory=set)  # undated statements: in post as of the document
    ended_before: str | None = None  # a "former" office without dates: over before its document's date
    start_order: tuple[Any, ...] | None = None  # where its first record with a start stands
    shown: dict[tuple[Any, ...], dict[str, Any]] = field(default_factory=dict)  # order -> source
    total: int = 0


def offices(career_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The career with one row per office: the rows of every document that name the same office in the same
    organization or country ("CSTO Secretary General", "генсек ОДКБ") joined, with the earliest start, the
    latest end, the dates the texts show the person in post, and its sources (`sources_total` of them, the
    earliest and latest SOURCES_SHOWN listed: a president's office is named in thousands of documents)."""
    parts = []
    for n, row in enumerate(career_rows):
        part = _Part(row["role"], row["org"], row["org_id"], start=row["start"], end=row["end"])
        part.ended, part.total = bool(row["ended"]), 1
        if row["as_of"]:
            part.seen.add(row["as_of"])
        elif not (row["start"] or row["end"]) and row.get("published"):
            if row["ended"]:
                part.ended_before = row["published"]
            else:
                part.seen_by_document.add(row["published"])
        order = (not row["org"], n)  # the rows naming their organization first, then as the career lists them
        part.start_order = order if row["start"] else None
        part.shown[order] = {key: row.get(key) for key in SOURCE_KEYS}
        parts.append(part)
    return _joined(parts)


def office_summary(conn: Connection, entity_id: int, *, sentences: bool = False) -> list[dict[str, Any]]:
    """`offices(career(conn, entity_id))`, summed by the store: its time grows with the offices, not with the
    records (`sentences`: the sources' sentences too)."""
    parts = _parts(conn, entity_id)
    if sentences:
        _add_sentences(conn, [source for part in parts for source in part.shown.values()])
    return _joined(parts)


# an office as written: its role, its organization or its words; on PostgreSQL coalesced as its index holds
# them (an organization's words '' and none are one office to `_joined` either way)
_PART = {
    "sqlite": "p.role, p.org_entity_id, p.org_text",
    "postgresql": "p.role, COALESCE(p.org_entity_id, 0), COALESCE(p.org_text, '')",
}
_PART_NAMED = {
    "sqlite": _PART["sqlite"],
    "postgresql": "p.role, COALESCE(p.org_entity_id, 0) AS org_entity_id, COALESCE(p.org_text, '') AS org_text",
}
_SUMS = {
    "sqlite": "group_concat(DISTINCT p.as_of), group_concat(DISTINCT CASE WHEN {undated} AND p.ended = 0 THEN p.published END)",
    "postgresql": "string_agg(DISTINCT p.as_of, ','), string_agg(DISTINCT CASE WHEN {undated} AND p.ended = 0 THEN p.published END, ',')",
}


def _parts(conn: Connection, entity_id: int) -> list[_Part]:
    """The person's records summed per office as written, as the store keeps them (migration 021), or from
    the records when one of the person's offices waits to be summed again, with the first and last HALF
    records of each (by the index in the career's order, migration 020)."""
    kind = dialect(conn)
    kept = _kept_parts(conn, entity_id)
    if kept is None:
        parts = _summed_parts(conn, kind, entity_id)
        listed = _first_and_last(conn, kind, entity_id, parts)
    else:
        parts, keys = kept
        listed = _kept_sources(conn, entity_id, keys)
    for key, row in listed:
        part = parts[key]
        order = (not part.org, row["when"], row["doc_id"], row["sentence_start"], row["id"])
        source = {name: row[name] for name in SOURCE_KEYS if name != "sentence"}
        part.shown[order] = {**source, "sentence": None, "position_id": row["id"]}
    return list(parts.values())


def _kept_parts(
    conn: Connection, entity_id: int
) -> tuple[dict[tuple[Any, ...], _Part], dict[int, tuple[Any, ...]]] | None:
    """The person's offices as the store keeps their sums (store/offices.py), and the key of each kept office;
    None when one is stale."""
    rows = conn.execute(
        """SELECT o.id, o.role, o.org_entity_id, o.org_text, o.start, o."end", o.ended, o.total, o.ended_before,
                  o.stale, org.name
             FROM office_parts o LEFT JOIN entities org ON org.id = o.org_entity_id
            WHERE o.person_entity_id = ?""",
        (entity_id,),
    ).fetchall()
    if any(row[9] for row in rows):
        return None
    parts: dict[tuple[Any, ...], _Part] = {}
    keys: dict[int, tuple[Any, ...]] = {}
    for row in rows:
        part_id, role, org_id, org_text, *sums, _, org = tuple(row)
        keys[part_id] = (role, org_id or None, org_text or None)
        parts[keys[part_id]] = _part(role, org_id, org or org_text, tuple(sums))
    if parts:
        for part_id, kind, date in conn.execute(
            """SELECT d.part_id, d.kind, d.date FROM office_parts o JOIN office_part_dates d ON d.part_id = o.id
                WHERE o.person_entity_id = ?""",
            (entity_id,),
        ):
            part = parts[keys[part_id]]
            (part.seen if kind == "as_of" else part.seen_by_document).add(date)
    return parts, keys


def _kept_sources(
    conn: Connection, entity_id: int, keys: dict[int, tuple[Any, ...]]
) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """The first and last sources of each of the person's offices as the store keeps them (migration 022):
    one read of the person's rows, in order."""
    for part_id, *values in conn.execute(
        """SELECT part_id, position_id, listed, doc_id, pattern, sentence_start, sentence_end
             FROM office_part_sources WHERE person_entity_id = ?""",
        (entity_id,),
    ):
        yield keys[part_id], dict(zip(_KEPT_SOURCE, values, strict=True))


_KEPT_SOURCE = ("id", "when", "doc_id", "pattern", "sentence_start", "sentence_end")


def _summed_parts(conn: Connection, kind: str, entity_id: int) -> dict[tuple[Any, ...], _Part]:
    """The person's offices summed from their records."""
    c = COLLATE[kind]
    parts: dict[tuple[Any, ...], _Part] = {}
    for row in conn.execute(
        f"""SELECT part.*, COALESCE(org.name, part.org_text) FROM (
                SELECT {_PART_NAMED[kind]}, MIN(p.start{c}), MAX(p.end{c}), MAX(p.ended), COUNT(*),
                       {_SUMS[kind].format(undated=UNDATED)},
                       MIN(CASE WHEN {UNDATED} AND p.ended = 1 THEN p.published END{c})
                  FROM positions p WHERE p.person_entity_id = ? GROUP BY {_PART[kind]}) part
              LEFT JOIN entities org ON org.id = part.org_entity_id""",
        (entity_id,),
    ):
        role, org_id, org_text, start, end, ended, total, seen, by_document, ended_before, org = tuple(row)
        part = _part(role, org_id, org, (start, end, ended, total, ended_before))
        part.seen, part.seen_by_document = _split(seen), _split(by_document)
        parts[(role, org_id or None, org_text or None)] = part
    return parts


def _part(role: str, org_id: int | None, org: str | None, sums: tuple[Any, ...]) -> _Part:
    """One office as written from its sums: start, end, ended, total, ended_before (no entity is 0 or none,
    no words '' or none: one office either way)."""
    start, end, ended, total, ended_before = sums
    org_id, org = org_id or None, org or None
    part = _Part(role, org, org_id, start=start, end=end, ended=bool(ended), total=int(total))
    part.ended_before = ended_before
    part.start_order = (not org, start, "", -1, -1) if start else None
    return part


_SOURCE_COLUMNS = f'p.id, {LISTED} AS "when", p.doc_id, p.pattern, p.sentence_start, p.sentence_end'


PARTS_ASKED = 100  # offices as written whose first and last records one statement asks for


def _first_and_last(
    conn: Connection, kind: str, entity_id: int, parts: dict[tuple[Any, ...], _Part]
) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """For each office as written, its first HALF records in the career's order and its last HALF (all of them
    when it has no more than SOURCES_SHOWN), each list a seek on the index in that order (migration 020), many
    offices to a statement (a round trip to a server each)."""
    if kind == "postgresql":
        yield from _first_and_last_lateral(conn, entity_id, parts)
        return
    source = "positions p INDEXED BY positions_person_part_listed"
    order = [LISTED, "p.doc_id", "p.sentence_start", "p.id"]
    backwards = [f"{term} DESC" for term in order]
    keys = list(parts)
    for begin in range(0, len(keys), PARTS_ASKED):
        selects: list[str] = []
        params: list[Any] = []
        for number, key in enumerate(keys[begin : begin + PARTS_ASKED], start=begin):
            conditions, values = ["p.person_entity_id = ?"], [entity_id]
            for column, value in zip(("p.role", "p.org_entity_id", "p.org_text"), key, strict=True):
                conditions.append(f"{column} IS NULL" if value is None else f"{column} = ?")
                values += [] if value is None else [value]
            many = parts[key].total > SOURCES_SHOWN
            for terms in [order, backwards] if many else [order]:
                selects.append(
                    f"""SELECT * FROM (SELECT {number} AS part, {_SOURCE_COLUMNS} FROM {source}
                         WHERE {" AND ".join(conditions)} ORDER BY {", ".join(terms)} LIMIT ?) AS listed{len(selects)}"""
                )
                params += [*values, HALF if many else SOURCES_SHOWN]
        for row in conn.execute(" UNION ALL ".join(selects), params):
            yield keys[row["part"]], dict(row)


_LATERAL = f"""
    SELECT v.part, listed.* FROM unnest(?::text[], ?::bigint[], ?::text[], ?::int[], ?::int[])
        AS v(role, org_id, org_text, part, many)
    CROSS JOIN LATERAL (
        (SELECT {_SOURCE_COLUMNS} FROM positions p
          WHERE p.person_entity_id = ? AND p.role = v.role AND COALESCE(p.org_entity_id, 0) = v.org_id
            AND COALESCE(p.org_text, '') = v.org_text
          ORDER BY {LISTED} COLLATE "C", p.doc_id COLLATE "C", p.sentence_start, p.id
          LIMIT CASE WHEN v.many = 1 THEN {HALF} ELSE {SOURCES_SHOWN} END)
        UNION ALL
        (SELECT {_SOURCE_COLUMNS} FROM positions p
          WHERE v.many = 1 AND p.person_entity_id = ? AND p.role = v.role AND COALESCE(p.org_entity_id, 0) = v.org_id
            AND COALESCE(p.org_text, '') = v.org_text
          ORDER BY {LISTED} COLLATE "C" DESC, p.doc_id COLLATE "C" DESC, p.sentence_start DESC, p.id DESC
          LIMIT {HALF})
    ) listed"""


def _first_and_last_lateral(
    conn: Connection, entity_id: int, parts: dict[tuple[Any, ...], _Part]
) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """`_first_and_last` on PostgreSQL: every office in one statement, each a seek on the index by its keys
    as `_parts` groups them there (coalesced, migration 020)."""
    keys = list(parts)
    columns = [[key[0] for key in keys], [key[1] or 0 for key in keys], [key[2] or "" for key in keys]]
    many = [int(parts[key].total > SOURCES_SHOWN) for key in keys]
    for row in conn.execute(_LATERAL, [*columns, list(range(len(keys))), many, entity_id, entity_id]):
        source = dict(row)
        yield keys[source.pop("part")], source


def _split(values: str | None) -> set[str]:
    return set(values.split(",")) if values else set()


def _add_sentences(conn: Connection, sources: list[dict[str, Any]]) -> None:
    by_id = {source["position_id"]: source for source in sources}
    ids = sorted(by_id)
    for begin in range(0, len(ids), 500):
        chunk = ids[begin : begin + 500]
        for row in conn.execute(
            f"""SELECT p.id, substr(d.text, p.sentence_start + 1, p.sentence_end - p.sentence_start)
                  FROM positions p JOIN documents d ON d.id = p.doc_id
                 WHERE p.id IN ({",".join("?" * len(chunk))})""",
            chunk,
        ):
            by_id[row[0]]["sentence"] = row[1]


def _joined(parts: list[_Part]) -> list[dict[str, Any]]:
    """Parts that name the same office in the same place joined into offices (query/facts.py: a part without
    its place takes the one place the person's other parts of that office give)."""
    facts = join_offices([Held(n, 0, part.role, (part.org or "").casefold() or None) for n, part in enumerate(parts)])
    groups: dict[str, list[_Part]] = defaultdict(list)
    for n, part in enumerate(parts):
        groups[facts.fact_of[n]].append(part)
    return sorted((_office(group) for group in groups.values()), key=lambda g: (g["when"] or "9999", g["role"]))


def _office(parts: list[_Part]) -> dict[str, Any]:
    shown = sorted(((order, source) for part in parts for order, source in part.shown.items()), key=lambda o: o[0])
    first = {id(source): order for order, source in shown}
    ordered = sorted(parts, key=lambda part: min(first[id(s)] for s in part.shown.values()))
    dated = min((part for part in parts if part.start_order), key=lambda part: part.start_order or (), default=None)
    named = next((part for part in ordered if part.org), None)
    total = sum(part.total for part in parts)
    sources = [source for _, source in shown]
    if total > SOURCES_SHOWN:  # the earliest and the latest
        sources = sources[:HALF] + sources[-HALF:]
    seen = set().union(*(part.seen for part in parts))
    by_document = set().union(*(part.seen_by_document for part in parts)) - seen
    ended_before = min((part.ended_before for part in parts if part.ended_before), default=None)
    office: dict[str, Any] = {
        "role": (dated or ordered[0]).role,  # the record that dates the taking of office names it
        "org": named.org if named else None,
        "org_id": named.org_id if named else None,
        "start": min((part.start for part in parts if part.start), default=None),
        "end": max((part.end for part in parts if part.end), default=None),
        "seen": sorted(seen if seen or any(part.start or part.end for part in parts) else by_document),
        "seen_by_document": sorted(by_document),
        "ended_before": ended_before,
        "ended": any(part.ended for part in parts),
        "sources": [{key: source[key] for key in SOURCE_KEYS} for source in sources],
        "sources_total": total,
    }
    office["when"] = office["start"] or next(iter(office["seen"]), None) or office["end"] or ended_before or ""
    return office
