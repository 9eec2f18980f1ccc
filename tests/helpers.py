"""Small helpers for tests that run the pipeline on a text written in the test."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from elitewatch.model import Analysis, Document
from elitewatch.pipeline import analyse_documents
from elitewatch.settings import Settings
from tests import pg


def analyse_text(text: str, doc_id: str = "t", published: str | None = None) -> Analysis:
    document = Document(id=doc_id, text=text, source="<test>", published=published)
    [analysis] = analyse_documents([document], Settings())
    if not isinstance(analysis, Analysis):
        raise AssertionError(f"the analysis failed: {analysis.reason}")
    return analysis


def quotes_of(text: str, published: str | None = None) -> list[tuple[str | None, str]]:
    """(speaker name, quoted words) for every quote found in `text`."""
    analysis = analyse_text(text, published=published)
    return [(q.speaker_text, q.text) for q in analysis.quotes]


def entity(analysis: Analysis, form: str) -> tuple[str, str]:
    """(type, canonical name) of the entity that has `form` among its forms."""
    for found in analysis.entities:
        if form in found.forms:
            return found.type, found.name
    raise AssertionError(f"no entity with the form {form!r}: {[e.forms for e in analysis.entities]}")


def positions_of(text: str, published: str | None = None) -> list[tuple[str, str, str | None]]:
    """(person, role, organization or country) for every office found in `text`."""
    analysis = analyse_text(text, published=published)
    return [(analysis.entities[p.person].name, p.role, p.org_text) for p in analysis.positions]


def position_dates(
    text: str, published: str | None = None
) -> list[tuple[str, str | None, str | None, str | None, bool]]:
    """(role, start, end, as_of, ended) for every office found in `text`."""
    analysis = analyse_text(text, published=published)
    return [(p.role, p.start, p.end, p.as_of, p.ended) for p in analysis.positions]


def events_of(text: str, published: str | None = None) -> list[tuple[str, list[str], str | None, str | None]]:
    """(type, participant names, date, place) for every event found in `text`."""
    analysis = analyse_text(text, published=published)
    return [
        (e.type, [analysis.entities[p].name for p in e.participants], e.date, e.place_text) for e in analysis.events
    ]


def ingest_articles(
    folder: Path, articles: Mapping[str, tuple[str, str]], *, titled: bool = False, backend: str = "sqlite"
) -> Path | str:
    """A store of articles written for a test: {name: (published, text)}, each a .txt with a sidecar giving
    its date (and its name as title, with `titled`), ingested through the CLI into folder/store.db (or, with
    backend "postgresql", a new database on the test cluster)."""
    from typer.testing import CliRunner

    from elitewatch.cli import app

    for name, (published, text) in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        meta = {"published": published, **({"title": name} if titled else {})}
        (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    db = pg.new_store(backend, folder / "store.db")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db
