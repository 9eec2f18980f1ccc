"""Resolution, the stage between analysis and writing: which canonical entity each of a document's entities
is, recorded as the document's links (doc_entities), and afterwards the canonical entities' aliases, orphans,
judgements and external ids brought up to date for what the document touched.

The pipeline calls `link_document` once the document's row is written and before its facts are, and
`settle_document` after them (elitewatch.pipeline.store_analysis); the writer only writes the facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from elitewatch.dbapi import Connection
from elitewatch.model import Analysis, LocalEntity
from elitewatch.resolve.judgements import apply_judgements
from elitewatch.resolve.linker import add_aliases, rebuild_aliases, remove_orphans, settle_name
from elitewatch.resolve.partners import partners
from elitewatch.resolve.resolver import Context, resolve_entity, settle_type
from elitewatch.vocabulary.countries import country_named
from elitewatch.vocabulary.offices import office_head


@dataclass
class Links:
    """What resolution decided for one document: the link (doc_entities row) of each local entity, and every
    canonical entity the document touches (with those of the version it replaces)."""

    local_ids: dict[int, int] = field(default_factory=dict)  # LocalEntity index -> doc_entities id
    touched: set[int] = field(default_factory=set)


def link_document(conn: Connection, analysis: Analysis, touched: set[int]) -> Links:
    """Resolve the document's entities, the ones with a full name first: the canonical entities they resolve
    to are the context the others are compared in ("named with Putin and Nazarbayev elsewhere"), with the
    offices and countries the document gives each; a short form of another of its entities (resolve.partners)
    last, as that one. `touched`: the entities of the version it replaces."""
    doc_id = analysis.parsed.doc.id
    offices, countries = _offices_and_countries(analysis)
    short_forms = partners(analysis.entities)  # «СК» of «Следственный комитет»: after it, and as it
    order = sorted(
        analysis.entities,
        key=lambda e: (e.index in short_forms, e.type == "person" and len(e.name.split()) == 1, e.index),
    )
    links = Links(touched=set(touched))
    context: list[int] = []
    resolved: dict[int, int] = {}
    for entity in order:
        around = Context(
            frozenset(context),
            frozenset(offices.get(entity.index, set())),
            frozenset(countries.get(entity.index, set())),
        )
        partner = short_forms.get(entity.index)
        entity_id = resolve_entity(conn, entity, around, same_as=resolved.get(partner) if partner is not None else None)
        resolved[entity.index] = entity_id
        context.append(entity_id)
        links.touched.add(entity_id)
        links.local_ids[entity.index] = _link(conn, doc_id, entity, entity_id)
        settle_name(conn, entity_id, entity.name)
    for entity_id in sorted(set(context)):
        settle_type(conn, entity_id)
    return links


def settle_document(conn: Connection, doc_id: str, links: Links, *, replaced: bool) -> None:
    """After the document's facts are written: its forms counted into the aliases (a replaced document's
    entities rebuilt, orphans removed), then the judgements and external ids that name what it touched."""
    if not replaced:
        add_aliases(conn, doc_id)  # a new document only adds forms: no rebuild of popular entities
    else:
        remove_orphans(conn, links.touched)
        rebuild_aliases(conn, [t for t in links.touched if _exists(conn, t)])
    apply_judgements(conn, links.touched)


def _offices_and_countries(analysis: Analysis) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    offices: dict[int, set[str]] = {}
    countries: dict[int, set[str]] = {}
    for position in analysis.positions:
        offices.setdefault(position.person, set()).add(office_head(position.role))
        org = analysis.entities[position.org].name if position.org is not None else position.org_text
        if org and (country := country_named(org)):
            countries.setdefault(position.person, set()).add(country)
    return offices, countries


def _link(conn: Connection, doc_id: str, entity: LocalEntity, entity_id: int) -> int:
    cursor = conn.execute(
        "INSERT INTO doc_entities (doc_id, local_no, entity_id, name, type, confidence) VALUES (?, ?, ?, ?, ?, ?)",
        (doc_id, entity.index, entity_id, entity.name, entity.type, entity.confidence),
    )
    return int(cursor.lastrowid or 0)


def _exists(conn: Connection, entity_id: int) -> bool:
    return conn.execute("SELECT 1 FROM entities WHERE id = ?", (entity_id,)).fetchone() is not None
