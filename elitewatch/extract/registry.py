"""The analysis of one document, component by component: what each step reads and what it sets.

`PIPELINE` runs them in the order their declarations give (elitewatch.extract.component); its version,
part of every document's content hash, names each component and its version, and the writer records each
fact with the name and version of the component that made it.
"""

from __future__ import annotations

from elitewatch import temporal
from elitewatch.extract import claims, dating, entities, events, positions, quotes
from elitewatch.extract.component import Component, Pipeline, component
from elitewatch.extract.document import DocumentIndex
from elitewatch.extract.events import roles
from elitewatch.extract.quotes import holders
from elitewatch.model import Analysis
from elitewatch.temporal.published import infer_published


@component("published", temporal.VERSION, requires={"parsed"}, assigns={"published"})
def date_document(analysis: Analysis) -> None:
    """The publication date: metadata always wins; else inferred from the text, with how and how sure."""
    document = analysis.parsed.doc
    if document.published:
        analysis.published, analysis.published_how, analysis.published_confidence = document.published, "metadata", 1.0
        return
    inferred = infer_published(document.text)
    if inferred is not None:
        analysis.published = inferred.value
        analysis.published_how = f"inferred: {inferred.method} ({inferred.evidence})"
        analysis.published_confidence = inferred.confidence


@component(entities.EXTRACTOR, entities.VERSION, requires={"parsed"}, assigns={"entities", "index"})
def find_entities(analysis: Analysis) -> None:
    """The entities, and the one index over the parse and them that the extractors after share (tokens by
    offset, mentions, dependency children, sentences: elitewatch.extract.document)."""
    analysis.entities = entities.extract_entities(analysis.parsed)
    analysis.index = DocumentIndex(analysis.parsed, analysis.entities)


@component(
    quotes.EXTRACTOR, quotes.VERSION, requires={"parsed", "entities", "index", "published"}, assigns={"quotes"}
)
def find_quotes(analysis: Analysis) -> None:
    analysis.quotes = quotes.extract_quotes(
        analysis.parsed, analysis.entities, anchor=analysis.published, doc=analysis.index
    )


@component(claims.EXTRACTOR, claims.VERSION, requires={"parsed", "entities", "quotes", "published"}, assigns={"claims"})
def find_claims(analysis: Analysis) -> None:
    analysis.claims = claims.extract_claims(
        analysis.parsed, analysis.entities, analysis.quotes, anchor=analysis.published
    )


@component(
    positions.EXTRACTOR,
    positions.VERSION,
    requires={"parsed", "entities", "index", "published"},
    assigns={"positions"},
)
def find_positions(analysis: Analysis) -> None:
    analysis.positions = positions.extract_positions(
        analysis.parsed, analysis.entities, anchor=analysis.published, doc=analysis.index
    )


@component(
    holders.EXTRACTOR,
    holders.VERSION,
    requires={"entities", "index", "quotes", "positions"},
    refines={"quotes"},
)
def give_quotes_to_holders(analysis: Analysis) -> None:
    """A quote whose attribution names its speaker by a role of a country ("As for the Russian President, he
    said") goes to the one holder of that office the document names, once the offices are found."""
    holders.give_to_holders(analysis.index, analysis.quotes, analysis.positions)


@component(
    events.EXTRACTOR,
    events.VERSION,
    requires={"parsed", "entities", "index", "published", "positions"},
    assigns={"events"},
)
def find_events(analysis: Analysis) -> None:
    analysis.events = events.extract_events(
        analysis.parsed, analysis.entities, anchor=analysis.published, positions=analysis.positions, doc=analysis.index
    )


@component(roles.EXTRACTOR, roles.VERSION, requires={"parsed", "entities", "events"}, refines={"events"})
def find_roles(analysis: Analysis) -> None:
    """Who is the appointee and who the appointer, the host and the guest, of each event."""
    roles.assign_roles(analysis.parsed, analysis.entities, analysis.events)


@component(
    dating.EXTRACTOR,
    dating.VERSION,
    requires={"parsed", "quotes", "positions", "events"},
    refines={"quotes", "positions", "events"},
)
def date_facts(analysis: Analysis) -> None:
    """Dating across facts: a quote said at a dated event takes its date (and the event the day of a quote
    in it), an office taken in a dated appointment starts on it; who receives an envoy's credentials is of
    the country the envoy is sent to."""
    dating.date_quotes(analysis.parsed.doc.text, analysis.quotes, analysis.events)
    dating.date_positions(analysis.positions, analysis.events)
    dating.place_receivers(analysis.positions, analysis.events)


@component(
    "entity_forms",
    entities.FORMS_VERSION,
    requires={"parsed", "entities", "quotes", "positions", "events"},
    refines={"entities"},
)
def add_entity_forms(analysis: Analysis) -> None:
    """What else the entities are called (a place's adjectives), once the facts have read them as names."""
    entities.add_forms(analysis.parsed, analysis.entities)


COMPONENTS: tuple[Component, ...] = (
    date_document,
    find_entities,
    find_quotes,
    find_claims,
    find_positions,
    give_quotes_to_holders,
    find_events,
    find_roles,
    date_facts,
    add_entity_forms,
)
PIPELINE = Pipeline(COMPONENTS)


def made_by(name: str) -> Component:
    """The registered component called `name` (what the writer records as a fact's extractor)."""
    for item in PIPELINE.components:
        if item.name == name:
            return item
    raise KeyError(name)
