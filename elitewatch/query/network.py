"""Who met whom: people as nodes, the meetings, visits and agreements they took part in together as edges
weighted by how many there were (one meeting told by three outlets counts once: query/facts.py), each edge
with its events and their sources."""

from __future__ import annotations

import io
from collections import defaultdict
from itertools import combinations
from typing import Any

import networkx as nx

from elitewatch.dbapi import Connection
from elitewatch.query.facts import recent_event_facts
from elitewatch.query.queries import find_entities
from elitewatch.vocabulary.countries import country_named, country_of

# The events that bring people together; credentials and appointments join two people as well, but
# as a ceremony of an office, so they are asked for by type.
TOGETHER = ("meeting", "visit", "agreement")


def network(
    conn: Connection,
    *,
    types: tuple[str, ...] = TOGETHER,
    since: str | None = None,
    until: str | None = None,
    person: str | None = None,
    country: str | None = None,
) -> dict[str, Any]:
    """The graph of people who took part in the same events of `types` between `since` and `until` (an event
    without a date counts by its document's), held in `country` (any spelling), and with `person` only the
    people that person met and the edges among them."""
    events = _events(conn, types, since, until, _country(country))
    edges: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    names: dict[int, str] = {}
    for event in events:
        for a, b in combinations(sorted(event.pop("people").items()), 2):
            names[a[0]], names[b[0]] = a[1], b[1]
            edges[(a[0], b[0])].append(event)
    if person:
        wanted = {e["id"] for e in find_entities(conn, person, type="person")}
        neighbours = {n for pair in edges if wanted & set(pair) for n in pair}
        edges = {pair: found for pair, found in edges.items() if set(pair) <= neighbours}
    counts: dict[int, set[str]] = defaultdict(set)
    for (a, b), found in edges.items():
        counts[a] |= {event["fact"] for event in found}
        counts[b] |= {event["fact"] for event in found}
    nodes = [
        {"id": n, "name": names[n], "events": len(counts[n])}
        for n in sorted(counts, key=lambda n: (-len(counts[n]), n))
    ]
    return {
        "filters": {"types": list(types), "from": since, "to": until, "person": person, "country": country},
        "nodes": nodes,
        "edges": [
            {"source": a, "target": b, "weight": _facts(found), "events": found}
            for (a, b), found in sorted(edges.items(), key=lambda item: (-_facts(item[1]), item[0]))
        ],
    }


def _facts(events: list[dict[str, Any]]) -> int:
    """How many events these are, each told once however many documents tell it."""
    return len({event["fact"] for event in events})


def _country(country: str | None) -> str | None:
    if not country:
        return None
    return (country_named(country) or country).casefold()


def _events(
    conn: Connection, types: tuple[str, ...], since: str | None, until: str | None, country: str | None
) -> list[dict[str, Any]]:
    marks = ",".join("?" * len(types))
    where: list[str] = [f"e.type IN ({marks})"]
    params: list[Any] = list(types)
    when = "COALESCE(e.date, d.published, '')"
    if since:
        where.append(f"{when} >= ?")
        params.append(since)
    if until:
        where.append(f"substr({when}, 1, ?) <= ?")
        params.extend([len(until), until])
    people: dict[int, dict[int, str]] = defaultdict(dict)
    for row in conn.execute(
        f"""SELECT ep.event_id, ent.id, ent.name FROM event_participants ep
              JOIN events e ON e.id = ep.event_id JOIN documents d ON d.id = e.doc_id
              JOIN doc_entities de ON de.id = ep.doc_entity_id JOIN entities ent ON ent.id = de.entity_id
             WHERE {" AND ".join(where)} AND ent.type = 'person' ORDER BY ep.event_id, ep.rowid""",
        params,
    ):
        people[row["event_id"]][row["id"]] = row["name"]
    facts = recent_event_facts(conn)
    found = []
    for row in conn.execute(
        f"""SELECT e.id, e.type, e.date, e.doc_id, d.title, d.published, e.sentence_start, e.sentence_end,
                   COALESCE(place.name, e.place_text) AS place
              FROM events e JOIN documents d ON d.id = e.doc_id
              LEFT JOIN doc_entities here ON here.id = e.place_doc_entity_id
              LEFT JOIN entities place ON place.id = here.entity_id
             WHERE {" AND ".join(where)} ORDER BY {when}, e.doc_id, e.trigger_start""",
        params,
    ):
        if len(people[row["id"]]) < 2:
            continue
        if country and (not row["place"] or (country_of(row["place"]) or row["place"]).casefold() != country):
            continue
        fact = facts.fact_of.get(int(row["id"]), f"event-record-{row['id']}")
        found.append({**dict(row), "fact": fact, "people": people[row["id"]]})
    return found


def graph(data: dict[str, Any]) -> nx.Graph:
    """The network as a networkx graph: nodes with their names, edges with their weight and event ids."""
    g = nx.Graph()
    for node in data["nodes"]:
        g.add_node(str(node["id"]), label=node["name"], events=node["events"])
    for edge in data["edges"]:
        g.add_edge(
            str(edge["source"]),
            str(edge["target"]),
            weight=edge["weight"],
            events=" ".join(str(e["id"]) for e in edge["events"]),
            dates=" ".join(sorted({e["date"] or e["published"] or "" for e in edge["events"]})),
        )
    return g


def gexf(data: dict[str, Any]) -> bytes:
    """For Gephi."""
    out = io.BytesIO()
    nx.write_gexf(graph(data), out)
    return out.getvalue()


def graphml(data: dict[str, Any]) -> bytes:
    out = io.BytesIO()
    nx.write_graphml(graph(data), out)
    return out.getvalue()
