"""Narratives as watch-lists: YAML files of phrases an analyst keeps ("collective West", «недружественные
страны»), matched on lemmas in the quotes and claims of the store; who took each one up, when first, and how often by
month."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from elitewatch.datafiles import DATA, fill
from elitewatch.dbapi import Connection
from elitewatch.errors import DataFileError, InputError
from elitewatch.model import Document
from elitewatch.nlp.pipeline import parse_documents
from elitewatch.query.queries import find_entities

STARTER = "narratives"  # the folder of data/ with the watch-list that ships as an example


@dataclass(frozen=True)
class NarrativeEntry:
    """One narrative as a watch-list file writes it."""

    name: str
    owner: str = ""
    phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Phrase:
    text: str
    language: str
    lemmas: tuple[str, ...]
    words: tuple[str, ...]


@dataclass(frozen=True)
class Narrative:
    name: str
    owner: str
    phrases: tuple[Phrase, ...]
    source: str


def load_watch_lists(folder: Path | None = None) -> list[Narrative]:
    """The narratives of every .yaml file in `folder`, or of the starter list when no folder is given."""
    if folder is None:
        files = sorted((DATA / STARTER).iterdir(), key=lambda f: f.name)
        texts = [(f"data/{STARTER}/{f.name}", f.read_text(encoding="utf-8")) for f in files if f.name.endswith(".yaml")]
    else:
        if not folder.is_dir():
            raise InputError("not a folder of watch-lists (.yaml files)", source=str(folder))
        texts = [(str(path), path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.yaml"))]
        if not texts:
            raise InputError("no .yaml watch-lists in this folder", source=str(folder))
    return [narrative for source, text in texts for narrative in _narratives(source, text)]


def _narratives(source: str, text: str) -> list[Narrative]:
    try:
        loaded = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise DataFileError(f"not YAML: {error}", source=source) from None
    entries = loaded.get("narratives") if isinstance(loaded, dict) else None
    if not isinstance(entries, list) or not entries:
        raise DataFileError("a watch-list has a list `narratives:` of name, owner and phrases", source=source)
    found = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise DataFileError(f"narrative {number} is not a mapping", source=source)
        read = fill(NarrativeEntry, entry, source=f"{source}: narrative {number}")
        phrases = tuple(
            _phrase(text, language) for language, texts in read.phrases.items() for text in texts if text.strip()
        )
        if not phrases:
            raise DataFileError(f"narrative {read.name!r} has no phrases", source=source)
        found.append(Narrative(read.name, read.owner, phrases, source))
    return found


def _phrase(text: str, language: str) -> Phrase:
    return Phrase(text, language, phrase_lemmas(text), tuple(_words(text)))


def _words(text: str) -> list[str]:
    return [word.casefold() for word in text.replace("-", " ").split() if any(c.isalnum() for c in word)]


@cache
def phrase_lemmas(text: str) -> tuple[str, ...]:
    """The phrase's lemmas by the same models that lemmatized the quotes (loaded on the first phrase)."""
    [parsed] = parse_documents([Document(id="phrase", text=text, source="<phrase>")])
    return tuple(token.lemma.casefold() for token in parsed.tokens if any(c.isalnum() for c in token.text))


def find_phrase(tokens: list[str], phrase: tuple[str, ...]) -> int:
    """Where the phrase's words begin among the tokens, or -1."""
    size = len(phrase)
    if not size:
        return -1
    for index in range(len(tokens) - size + 1):
        if tuple(tokens[index : index + size]) == phrase:
            return index
    return -1


def narratives(conn: Connection, watch: list[Narrative], *, speaker: str | None = None) -> dict[str, Any]:
    """Per narrative: each speaker who used one of its phrases in a quote, with the first and last use, the
    uses by month (the day said, else the document's date) and the quotes; the first speaker overall."""
    speaker_ids = None
    if speaker:
        speaker_ids = {e["id"] for e in find_entities(conn, speaker, type="person")}
        if not speaker_ids:
            return {"speaker": speaker, "narratives": []}
    quotes = _quotes(conn, speaker_ids)
    result = []
    for narrative in watch:
        uses = [use for quote in quotes if (use := _use(quote, narrative)) is not None]
        by_speaker: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for use in uses:
            by_speaker[use["speaker_id"]].append(use)
        speakers = [_speaker(found) for found in by_speaker.values()]
        speakers.sort(key=lambda s: (s["first"] or "9999", s["name"]))
        result.append(
            {
                "name": narrative.name,
                "owner": narrative.owner,
                "phrases": [{"text": p.text, "language": p.language} for p in narrative.phrases],
                "source": narrative.source,
                "uses": len(uses),
                "speakers": speakers,
                "first": speakers[0]["uses_list"][0] if speakers else None,
            }
        )
    return {"speaker": speaker, "narratives": result}


def _quotes(conn: Connection, speaker_ids: set[int] | None) -> list[dict[str, Any]]:
    where = ""
    params: list[Any] = []
    if speaker_ids is not None:
        where = f"AND de.entity_id IN ({','.join('?' * len(speaker_ids))})"
        params = sorted(speaker_ids)
    found: list[dict[str, Any]] = []
    for kind, table, speaker_column in (
        ("quote", "quotes", "speaker_doc_entity_id"),
        ("claim", "claims", "source_doc_entity_id"),
    ):
        found.extend(
            {**dict(row), "kind": kind}
            for row in conn.execute(
                f"""SELECT q.id, q.doc_id, q.text, q.lemmas, q.said_on, q.dated, q.start, q.end, q.language,
                           de.entity_id AS speaker_id, e.name AS speaker, d.title, d.published
                      FROM {table} q JOIN doc_entities de ON de.id = q.{speaker_column}
                      JOIN entities e ON e.id = de.entity_id JOIN documents d ON d.id = q.doc_id
                     WHERE e.type = 'person' {where}""",
                params,
            )
        )
    return sorted(found, key=lambda q: (q["dated"] is None, q["dated"] or "", q["doc_id"], q["start"]))


def _use(quote: dict[str, Any], narrative: Narrative) -> dict[str, Any] | None:
    lemmas = (quote["lemmas"] or "").split()
    words = _words(quote["text"])
    for phrase in narrative.phrases:
        if find_phrase(lemmas, phrase.lemmas) >= 0 or find_phrase(words, phrase.words) >= 0:
            return {
                "kind": quote["kind"],
                "quote_id": quote["id"],
                "doc_id": quote["doc_id"],
                "title": quote["title"],
                "speaker_id": quote["speaker_id"],
                "speaker": quote["speaker"],
                "text": quote["text"],
                "start": quote["start"],
                "end": quote["end"],
                "phrase": phrase.text,
                "date": quote["said_on"] or quote["published"],
                "dated_by": "said" if quote["said_on"] else ("published" if quote["published"] else None),
            }
    return None


def _speaker(uses: list[dict[str, Any]]) -> dict[str, Any]:
    dated = [use["date"] for use in uses if use["date"]]
    months = Counter(date[:7] for date in dated)
    return {
        "id": uses[0]["speaker_id"],
        "name": uses[0]["speaker"],
        "uses": len(uses),
        "first": min(dated) if dated else None,
        "last": max(dated) if dated else None,
        "by_month": [{"month": month, "uses": count} for month, count in sorted(months.items())],
        "uses_list": sorted(uses, key=lambda use: (use["date"] or "9999", use["doc_id"], use["start"])),
    }
