"""What a speaker's words are about: the terms of their quotes that set them apart from everyone else, by
log-odds with an informative Dirichlet prior (Monroe, Colaresi and Quinn, 2008), with the corpus as the prior:
a word everyone uses scores near zero whatever its count. In a small corpus a function word can still stand
out (one speaker says most of what is quoted), so spaCy's stop-word lists of both languages are no terms."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from elitewatch.dbapi import Connection
from elitewatch.query.kept import kept_recent

PRIOR = 500.0  # the prior's weight in counts (at most half the corpus): how strongly the corpus pulls a rare
# word's estimate to it
Z_DISTINCTIVE = 1.96  # a term is significantly a speaker's own beyond this z-score (95%); below it, the
# speaker's terms are still ranked (a few quotes never reach it) and marked as not significant
MIN_COUNT = 2  # a term the speaker used at least this often (a convention: once is no habit)
SHOWN = 15


@dataclass
class _Corpus:
    by_speaker: dict[int, Counter[str]]
    total: Counter[str]
    size: int = 0  # the words of the total, counted once: a speaker's rest is the total less their own

    def rest(self, own: Counter[str]) -> tuple[Callable[[str], int], int]:
        """How often everyone else uses a word, and how many words they use: `total - own` without building
        it (a copy of the corpus's whole vocabulary for each speaker of a page)."""
        return (lambda word: self.total[word] - own[word]), self.size - sum(own.values())


@cache
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH
    from spacy.lang.ru.stop_words import STOP_WORDS as RUSSIAN

    return frozenset(word.casefold() for word in (*ENGLISH, *RUSSIAN))


@cache
def is_term(word: str) -> bool:
    return len(word) > 1 and any(c.isalpha() for c in word) and word not in stop_words()


def _corpus(conn: Connection) -> _Corpus:
    # while an ingest writes, the counts of a few seconds ago, the new ones counted behind (a second or more
    # at 20,000 quotes, which a comparison paid after every write)
    return kept_recent(conn, "terms", _count)


def _count(conn: Connection) -> _Corpus:
    by_speaker: dict[int, Counter[str]] = {}
    terms_of: dict[str, Counter[str]] = {}  # a statement reprinted is split into terms once
    for speaker, lemmas, text in conn.execute(
        """SELECT de.entity_id, q.lemmas, q.text FROM quotes q
             JOIN doc_entities de ON de.id = q.speaker_doc_entity_id JOIN entities e ON e.id = de.entity_id
            WHERE e.type = 'person'"""
    ):
        said = lemmas or text.casefold()
        if (found := terms_of.get(said)) is None:
            found = terms_of[said] = Counter(w for w in said.split() if is_term(w))
        by_speaker.setdefault(speaker, Counter()).update(found)
    total: Counter[str] = Counter()
    for counts in by_speaker.values():
        total.update(counts)
    return _Corpus(by_speaker, total, sum(total.values()))


def log_odds(own: Counter[str], rest: Counter[str], prior: Counter[str]) -> dict[str, float]:
    """The z-score of each word's log-odds in `own` against `rest`, with `prior` (the corpus) as the
    Dirichlet prior scaled to PRIOR counts."""
    return _log_odds(own, (lambda word: rest[word]), sum(rest.values()), prior, sum(prior.values()))


def _log_odds(
    own: Counter[str], rest: Callable[[str], int], n_rest: int, prior: Counter[str], n_prior: int
) -> dict[str, float]:
    n_own, n_prior = sum(own.values()), n_prior or 1
    weight = min(PRIOR, n_prior / 2)
    scores = {}
    for word, count in own.items():
        # over one more than the corpus: every word's prior is below the whole weight, so a speaker whose
        # every word is this one (or a corpus of one word) still leaves the other side of each odds above zero
        alpha = weight * prior[word] / (n_prior + 1)
        other = rest(word)
        delta = math.log((count + alpha) / (n_own + weight - count - alpha)) - math.log(
            (other + alpha) / (n_rest + weight - other - alpha)
        )
        scores[word] = delta / math.sqrt(1 / (count + alpha) + 1 / (other + alpha))
    return scores


def _speaker_scores(corpus: _Corpus, own: Counter[str]) -> dict[str, float]:
    """`log_odds(own, corpus.total - own, corpus.total)`, the same figures."""
    rest, n_rest = corpus.rest(own)
    return _log_odds(own, rest, n_rest, corpus.total, corpus.size)


# A speaker's word counts and each word's z-score, of one corpus: what the terms below are ranked by.
Scored = tuple[Counter[str], dict[str, float]]


def speaker_scores(conn: Connection, speaker: int) -> Scored:
    """The speaker's word counts and the z-score of each (against everyone else, the corpus as prior)."""
    corpus = _corpus(conn)
    own = corpus.by_speaker.get(speaker, Counter())
    return own, _speaker_scores(corpus, own)


def distinctive_terms(
    conn: Connection, speaker: int, *, shown: int = SHOWN, scored: Callable[[int], Scored] | None = None
) -> list[dict[str, Any]]:
    """The terms of a speaker's quotes that set them apart from everyone else's, the most distinctive first;
    `scored` gives a speaker's scores (a kept copy of speaker_scores), else they are counted here."""
    own, scores = (scored or (lambda who: speaker_scores(conn, who)))(speaker)
    ranked = sorted(
        (word for word, z in scores.items() if z > 0 and own[word] >= MIN_COUNT), key=lambda word: (-scores[word], word)
    )
    return [
        {"term": word, "z": round(scores[word], 2), "uses": own[word], "significant": scores[word] > Z_DISTINCTIVE}
        for word in ranked[:shown]
    ]


def shared_topics(
    conn: Connection, a: int, b: int, *, shown: int = SHOWN, scored: Callable[[int], Scored] | None = None
) -> list[dict[str, Any]]:
    """Terms both speakers use more than the corpus does: what both speak about (`scored`: as above)."""
    score = scored or (lambda who: speaker_scores(conn, who))
    (own_a, scores_a), (own_b, scores_b) = score(a), score(b)
    both = [w for w in set(own_a) & set(own_b) if scores_a[w] > 0 and scores_b[w] > 0]
    both.sort(key=lambda w: (-min(scores_a[w], scores_b[w]), w))
    return [
        {"term": w, "z": [round(scores_a[w], 2), round(scores_b[w], 2)], "uses": [own_a[w], own_b[w]]}
        for w in both[:shown]
    ]
