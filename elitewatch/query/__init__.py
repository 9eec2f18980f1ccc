"""Read-side functions shared by the CLI, the tests and (later) the HTTP API."""

from elitewatch.query.documents import search_documents
from elitewatch.query.export import export_records
from elitewatch.query.queries import (
    corpus_summary,
    find_entities,
    list_entities,
    person_profile,
    search_claims,
    search_events,
    search_quotes,
)

__all__ = [
    "corpus_summary",
    "export_records",
    "find_entities",
    "list_entities",
    "person_profile",
    "search_claims",
    "search_documents",
    "search_events",
    "search_quotes",
]
