"""The store as FollowTheMoney entities, for Aleph, OpenSanctions' tools and the `ftm` command line.

How elitewatch's facts map onto FtM's schemata (the README gives the same table):

- a document is an ``Article`` (title, publishedAt, author, publisher, sourceUrl, language);
- a person is a ``Person``, an organization an ``Organization`` (name, every alias in every script, wikidataId);
- a country is what FtM makes of countries, a ``country`` code on the facts that name it (an office of the
  country, an event held there); any other place is an ``Address`` (full, city, country);
- an office is a ``Position`` (the role at its organization or country) and each statement that someone
  holds it an ``Occupancy`` (holder, post, startDate, endDate, status);
- an event is an ``Event`` (date, location, involved);
- a quote is a ``Documentation`` of the speaker by the article, with role ``quote``, the words as summary
  and the day they were said as date: FtM has no schema for statements, and this one ties the speaker,
  the source and the day together where Aleph shows them.

Every entity carries its sources: ``proof`` names the articles that state it, ``sourceUrl`` their
addresses. Ids are hashes of what identifies a fact in the store (a document's id, an entity's type and
key, a fact's document and offsets), so they stay the same from one export to the next.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry

from elitewatch.datafiles import fold, gazetteer_index
from elitewatch.dbapi import Connection
from elitewatch.vocabulary.countries import country_named

PREFIX = "elitewatch"
SCHEMA_OF_TYPE = {"person": "Person", "organization": "Organization"}


@dataclass
class _Export:
    """What the export has made so far: proxies by id, and how store rows map onto them."""

    conn: Connection
    proxies: dict[str, EntityProxy] = field(default_factory=dict)
    articles: dict[str, str] = field(default_factory=dict)  # document id -> Article id
    urls: dict[str, str] = field(default_factory=dict)  # document id -> its address
    entities: dict[int, str] = field(default_factory=dict)  # entity id -> Person/Organization/Address id
    countries: dict[int, str] = field(default_factory=dict)  # entity id of a country -> its code

    def make(self, schema: str, *key: object) -> EntityProxy:
        proxy = model.make_entity(schema)
        proxy.make_id(PREFIX, *(str(part) for part in key))
        assert proxy.id is not None
        return self.proxies.setdefault(proxy.id, proxy)

    def cite(self, proxy: EntityProxy, doc_id: str) -> None:
        """Name the article as a source of the entity."""
        proxy.add("proof", self.articles[doc_id])
        if doc_id in self.urls:
            proxy.add("sourceUrl", self.urls[doc_id], quiet=True)


def export_ftm(conn: Connection) -> Iterator[dict[str, Any]]:
    """Every document, entity and fact of the store as FtM entity dicts (``id``, ``schema``, ``properties``)."""
    export = _Export(conn)
    _articles(export)
    _entities(export)
    _offices(export)
    _events(export)
    _quotes(export)
    for proxy_id in sorted(export.proxies):
        yield export.proxies[proxy_id].to_dict()


def _articles(export: _Export) -> None:
    for row in export.conn.execute(
        "SELECT id, title, url, outlet, author, published, language, source FROM documents ORDER BY id"
    ):
        article = export.make("Article", "document", row["id"])
        export.articles[row["id"]] = str(article.id)
        article.add("title", row["title"] or row["id"])
        article.add("name", row["title"] or row["id"])
        article.add("fileName", row["source"], quiet=True)
        article.add("publishedAt", row["published"], quiet=True)
        article.add("author", row["author"], quiet=True)
        article.add("publisher", row["outlet"], quiet=True)
        article.add("language", row["language"], quiet=True)
        if row["url"]:
            article.add("sourceUrl", row["url"], quiet=True)
            export.urls[row["id"]] = row["url"]


def _entities(export: _Export) -> None:
    aliases: dict[int, list[str]] = defaultdict(list)
    for entity_id, alias in export.conn.execute(
        "SELECT entity_id, alias FROM aliases ORDER BY entity_id, mentions DESC, alias"
    ):
        aliases[entity_id].append(alias)
    sources: dict[int, list[str]] = defaultdict(list)
    for entity_id, doc_id in export.conn.execute(
        "SELECT DISTINCT entity_id, doc_id FROM doc_entities ORDER BY entity_id, doc_id"
    ):
        sources[entity_id].append(doc_id)
    for row in export.conn.execute("SELECT id, type, name, key, wikidata FROM entities ORDER BY id"):
        if not sources[row["id"]]:
            continue  # an entity no document names any longer
        if row["type"] == "place":
            code = _country_code(row["name"], aliases[row["id"]])
            if code is not None and _is_country(row["name"]):
                export.countries[row["id"]] = code
                continue
            proxy = export.make("Address", "place", row["key"])
            proxy.add("full", row["name"])
            proxy.add("city", row["name"])
            proxy.add("country", code, quiet=True)
        else:
            proxy = export.make(SCHEMA_OF_TYPE[row["type"]], row["type"], row["key"])
            proxy.add("name", row["name"])
            proxy.add("alias", [alias for alias in aliases[row["id"]] if alias != row["name"]])
        proxy.add("wikidataId", row["wikidata"], quiet=True)
        for doc_id in sources[row["id"]]:
            export.cite(proxy, doc_id)
        export.entities[row["id"]] = str(proxy.id)


def _is_country(name: str) -> bool:
    entry = gazetteer_index().get(fold(name))
    return entry is not None and entry.kind == "country"


def _country_code(name: str, aliases: list[str]) -> str | None:
    """The ISO code of the country a place is or lies in, by the gazetteer (never by guessing from a name)."""
    for form in (name, *aliases):
        country = country_named(form)
        if country:
            code = registry.country.clean(country)
            if code:
                return str(code)
    return None


def _offices(export: _Export) -> None:
    for row in export.conn.execute(
        """SELECT p.*, person.entity_id AS person_id, org.entity_id AS org_id, org.name AS org_name,
                  org.type AS org_type, d.text AS doc_text
             FROM positions p
             JOIN documents d ON d.id = p.doc_id
             JOIN doc_entities person ON person.id = p.person_doc_entity_id
             LEFT JOIN doc_entities org ON org.id = p.org_doc_entity_id
            ORDER BY p.doc_id, p.evidence_start"""
    ):
        holder = export.entities.get(row["person_id"])
        if holder is None:
            continue
        post = _post(export, row)
        occupancy = export.make("Occupancy", "position", row["doc_id"], row["evidence_start"], row["evidence_end"])
        occupancy.add("holder", holder)
        occupancy.add("post", post.id)
        occupancy.add("startDate", row["start"], quiet=True)
        occupancy.add("endDate", row["end"], quiet=True)
        occupancy.add("status", "ended" if row["ended"] or row["end"] else "current")
        occupancy.add("description", row["doc_text"][row["sentence_start"] : row["sentence_end"]])
        export.cite(occupancy, row["doc_id"])
        export.cite(post, row["doc_id"])


def _post(export: _Export, row: sqlite3.Row) -> EntityProxy:
    """The office itself: one ``Position`` per role at one organization or country, whoever holds it."""
    org_id = row["org_id"]
    where = org_id if org_id is not None else fold(row["org_text"] or "")
    post = export.make("Position", "office", fold(row["role"]), where)
    org_name = row["org_name"] or row["org_text"]
    post.add("name", f"{row['role']}, {org_name}" if org_name else row["role"])
    if org_id in export.countries:
        post.add("country", export.countries[org_id])
    elif org_id is not None and row["org_type"] == "organization" and org_id in export.entities:
        post.add("organization", export.entities[org_id])
    elif org_name:
        code = _country_code(org_name, [])
        if code is not None and _is_country(org_name):
            post.add("country", code)
        else:
            post.add("description", org_name)
    return post


def _events(export: _Export) -> None:
    participants: dict[int, list[int]] = defaultdict(list)
    for event_id, entity_id in export.conn.execute(
        """SELECT ep.event_id, de.entity_id FROM event_participants ep
             JOIN doc_entities de ON de.id = ep.doc_entity_id ORDER BY ep.event_id, ep.rowid"""
    ):
        participants[event_id].append(entity_id)
    names = {row["id"]: row["name"] for row in export.conn.execute("SELECT id, name FROM entities")}
    for row in export.conn.execute(
        """SELECT e.*, place.entity_id AS place_id, d.text AS doc_text FROM events e
             JOIN documents d ON d.id = e.doc_id
             LEFT JOIN doc_entities place ON place.id = e.place_doc_entity_id
            ORDER BY e.doc_id, e.trigger_start"""
    ):
        involved = [entity for entity in dict.fromkeys(participants[row["id"]]) if entity in export.entities]
        event = export.make("Event", "event", row["doc_id"], row["trigger_start"], row["trigger_end"])
        who = ", ".join(names[entity] for entity in involved)
        event.add("name", f"{row['type'].replace('_', ' ')}: {who}" if who else row["type"].replace("_", " "))
        event.add("keywords", row["type"])
        event.add("date", row["date"], quiet=True)
        event.add("involved", [export.entities[entity] for entity in involved])
        event.add("summary", row["doc_text"][row["sentence_start"] : row["sentence_end"]])
        _place_event(export, event, row["place_id"], row["place_text"])
        export.cite(event, row["doc_id"])


def _place_event(export: _Export, event: EntityProxy, place_id: int | None, place_text: str | None) -> None:
    if place_text:
        event.add("location", place_text)
    if place_id in export.countries:
        event.add("country", export.countries[place_id])
    elif place_id is not None and place_id in export.entities:
        event.add("addressEntity", export.entities[place_id])
        code = _country_code(place_text or "", [])
        event.add("country", code, quiet=True)


def _quotes(export: _Export) -> None:
    for row in export.conn.execute(
        """SELECT q.*, de.entity_id FROM quotes q JOIN doc_entities de ON de.id = q.speaker_doc_entity_id
           ORDER BY q.doc_id, q.start"""
    ):
        speaker = export.entities.get(row["entity_id"])
        if speaker is None:
            continue
        quote = export.make("Documentation", "quote", row["doc_id"], row["start"], row["end"])
        quote.add("document", export.articles[row["doc_id"]])
        quote.add("entity", speaker)
        quote.add("role", "quote")
        quote.add("summary", row["text"])
        quote.add("date", row["said_on"], quiet=True)
        if row["doc_id"] in export.urls:
            quote.add("sourceUrl", export.urls[row["doc_id"]], quiet=True)
