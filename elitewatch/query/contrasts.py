"""One speaker over time: when a phrase was first and last used, and pairs of statements on one topic that may
point opposite ways (a negation one has and the other lacks, an antonym pair, a claim asserted and one
denied), for the analyst to judge: candidates, never contradictions asserted."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import combinations
from typing import Any

from elitewatch.datafiles import load_words
from elitewatch.dbapi import Connection
from elitewatch.query.narratives import find_phrase, phrase_lemmas
from elitewatch.query.queries import find_entities
from elitewatch.query.terms import is_term

SHARED_TERMS = 2  # statements share a topic when they share this many terms (by hand, 19694c1; not swept)
SHOWN = 50
COMPARED = 400  # a speaker's newest statements compared pairwise (80,000 pairs at most)


@dataclass(frozen=True)
class PolarityWords:
    negation: frozenset[str]
    antonyms: tuple[tuple[str, ...], ...]


@cache
def polarity_words() -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """The negations and antonym pairs of both languages together."""
    negation: set[str] = set()
    pairs: list[tuple[str, str]] = []
    for language in ("en", "ru"):
        words = load_words("lexicon/polarity.yaml", PolarityWords, language=language)
        negation |= words.negation
        pairs.extend((pair[0], pair[1]) for pair in words.antonyms if len(pair) == 2)
    return frozenset(negation), tuple(pairs)


def statements(conn: Connection, speaker_id: int) -> list[dict[str, Any]]:
    """A speaker's quotes and claims, oldest first (the day said, else the document's date)."""
    found: list[dict[str, Any]] = []
    for kind, table, column, polarity in (
        ("quote", "quotes", "speaker_doc_entity_id", "'assert'"),
        ("claim", "claims", "source_doc_entity_id", "q.polarity"),
    ):
        found.extend(
            {**dict(row), "kind": kind, "lemma_list": (row["lemmas"] or row["text"].casefold()).split()}
            for row in conn.execute(
                f"""SELECT q.id, q.doc_id, q.text, q.lemmas, q.said_on, q.start, q.end, d.published, d.title,
                           {polarity} AS polarity
                      FROM {table} q JOIN doc_entities de ON de.id = q.{column} JOIN documents d ON d.id = q.doc_id
                     WHERE de.entity_id = ?""",
                (speaker_id,),
            )
        )
    for item in found:
        item["date"] = item["said_on"] or item["published"]
    return sorted(found, key=lambda s: (s["date"] or "9999", s["doc_id"], s["start"]))


def phrase_history(conn: Connection, speaker: str, phrase: str) -> dict[str, Any]:
    """Every use of a phrase (by lemmas, any inflection) by a speaker, with the first and the last."""
    people = find_entities(conn, speaker, type="person")
    wanted, words = phrase_lemmas(phrase), tuple(phrase.casefold().split())
    uses = []
    for person in people:
        for item in statements(conn, person["id"]):
            plain = item["text"].casefold().split()
            if find_phrase(item["lemma_list"], wanted) >= 0 or find_phrase(plain, words) >= 0:
                uses.append(_brief(item))
    uses.sort(key=lambda u: (u["date"] or "9999", u["doc_id"]))
    dated = [u for u in uses if u["date"]]
    return {
        "speaker": speaker,
        "phrase": phrase,
        "uses": uses,
        "first": dated[0] if dated else None,
        "last": dated[-1] if dated else None,
    }


def opposite_statements(conn: Connection, speaker_id: int, *, shown: int = SHOWN) -> list[dict[str, Any]]:
    """Pairs of the speaker's statements that share a topic and may point opposite ways, the most shared first."""
    negation, antonyms = polarity_words()
    items = statements(conn, speaker_id)[-COMPARED:]
    found: list[dict[str, Any]] = []
    for a, b in combinations(items, 2):
        terms_a = {w for w in a["lemma_list"] if is_term(w)}
        terms_b = {w for w in b["lemma_list"] if is_term(w)}
        shared = terms_a & terms_b
        if len(shared) < SHARED_TERMS:
            continue
        cue = _opposite(set(a["lemma_list"]), set(b["lemma_list"]), a["polarity"], b["polarity"], negation, antonyms)
        if cue:
            found.append({"earlier": _brief(a), "later": _brief(b), "topic": sorted(shared), "cue": cue})
    found.sort(key=lambda pair: (-len(pair["topic"]), str(pair["earlier"]["date"] or "9999")))
    return found[:shown]


def _opposite(
    a: set[str],
    b: set[str],
    polarity_a: str,
    polarity_b: str,
    negation: frozenset[str],
    antonyms: tuple[tuple[str, str], ...],
) -> str | None:
    if {polarity_a, polarity_b} == {"assert", "deny"}:
        return "one asserted, the other denied"
    if bool(a & negation) != bool(b & negation):
        word = next(iter((a | b) & negation))
        return f"a negation ({word}) in one only"
    for left, right in antonyms:
        if (left in a and right in b and right not in a) or (right in a and left in b and left not in a):
            return f"{left} / {right}"
    return None


def _brief(item: dict[str, Any]) -> dict[str, Any]:
    return {
        key: item[key] for key in ("kind", "id", "doc_id", "text", "date", "said_on", "start", "end", "title")
    } | {"dated_by": "said" if item["said_on"] else ("published" if item["published"] else None)}
