"""Echoes: phrases one speaker's quotes and claims share with another's, found as text-reuse tools find them (passim,
MemeTracker): shingles of consecutive lemmas, each taken as a set, so neither inflection nor the order of the
words within it hides a shared phrase. What the corpus shows everyone says is no echo: a shingle most of
whose words are the corpus's commonest lemmas, or one that many speakers use, is a stock phrase, learned from
the store and never listed by hand.

In English, close paraphrase too: two speakers' statements whose sentence embeddings (all-MiniLM-L6-v2,
elitewatch.nlp.embeddings) are near (PARAPHRASE), nearer than either is to its other neighbours (MARGIN), and
that share no shingle, are echoes of kind "paraphrase" with their similarity. The pairs are found once per
store generation and kept in the process with the shingles; the vectors are kept by text, in the process too
(no table), so a new generation embeds only its new statements; the model is loaded only when paraphrases are
asked for."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np
import numpy.typing as npt

from elitewatch.dbapi import Connection
from elitewatch.nlp import embeddings
from elitewatch.query.kept import kept, kept_ready, kept_recent
from elitewatch.query.queries import find_entities

# SHINGLE to QUOTES_PER_SPEAKER were set by hand with text-reuse echoes (conventions of text-reuse tools:
# shingles of a few words, stop words learned from the corpus), not swept on a dev set.
SHINGLE = 4  # lemmas a shingle holds: short enough to survive rewording, long enough to be a phrase
COMMON_SHARE = 0.03  # a lemma in more than this share of the quotes is a common word…
COMMON_FLOOR = 3  # …once it is in more quotes than this (in a handful of quotes no word is common yet)
CONTENT_WORDS = 2  # a shingle needs this many uncommon lemmas to be a phrase of its own
STOCK_SPEAKERS = 5  # a shingle more than this many speakers use (or 2% of them, if more) is a stock phrase
STOCK_SHARE = 0.02
QUOTES_PER_SPEAKER = 20  # of one shingle: a speaker repeating a phrase a thousand times is paired by the first
# Chosen on PolNeAR and TimeBank/AQUAINT (1,620 English statements of 543 speakers) with 12 paraphrase pairs and
# 12 same-topic pairs written for it mixed in (/work/tools/paraphrase_margin.py): at 0.75 and 1.15 the written
# paraphrases found are 4 of 12, the written same-topic pairs 0 of 12, and the corpus's pairs 3 (of 1,620
# statements); the cosine alone at 0.75 flags 31 there, nearly all statements on one news story.
PARAPHRASE = 0.75  # cosine of two statements' embeddings from which they may be a close paraphrase…
MARGIN = 1.15  # …if it is this many times the mean cosine of both statements' nearest neighbours
NEIGHBOURS = 4
PARAPHRASE_WORDS = 6  # a shorter statement ("We will see.") is near every other short answer, not a paraphrase
PARAPHRASE_LANGUAGE = "en"  # the model is English: a Russian statement's vector means nothing
PARAPHRASE_ROWS = 512  # statements compared with all others at a time: bounds the similarity matrix in memory
_vectors: dict[str, npt.NDArray[np.float32]] = {}  # a statement's text -> its vector, kept across generations


@dataclass(frozen=True)
class _Quote:
    id: int
    kind: str  # quote | claim
    start: int
    end: int
    doc_id: str
    speaker_id: int
    speaker: str
    text: str
    language: str | None
    lemmas: tuple[str, ...]
    date: str | None
    dated_by: str | None
    title: str | None


@dataclass
class _Index:
    """The corpus's shingles: what finding any speaker's echoes needs, kept while the store is unchanged."""

    quotes: list[_Quote]
    common: frozenset[str]
    shingles: dict[int, set[frozenset[str]]]
    speakers_of: dict[frozenset[str], set[int]]
    # every pair of two speakers' statements with the shingles they share (_shared_shingles), and each
    # speaker's pairs as their numbers in it: found once with the index, not again for each person's page
    # (that was 0.2-0.5 s a page on the 10,000-document store)
    pairs: dict[tuple[int, int], set[frozenset[str]]] = field(default_factory=dict)
    in_order: list[tuple[tuple[int, int], set[frozenset[str]]]] = field(default_factory=list)
    pairs_of: dict[int, list[int]] = field(default_factory=dict)
    by_id: dict[int, _Quote] = field(default_factory=dict)


def _index(conn: Connection) -> _Index:
    quotes = _quotes(conn)
    common = _common_lemmas(quotes)
    of_lemmas: dict[tuple[str, ...], set[frozenset[str]]] = {}  # a text reprinted is cut into shingles once
    shingles = {}
    for quote in quotes:
        if (found := of_lemmas.get(quote.lemmas)) is None:
            found = of_lemmas[quote.lemmas] = _shingles(quote.lemmas, common)
        shingles[quote.id] = found
    speakers_of: dict[frozenset[str], set[int]] = defaultdict(set)
    for quote in quotes:
        for shingle in shingles[quote.id]:
            speakers_of[shingle].add(quote.speaker_id)
    index = _Index(quotes, common, shingles, speakers_of, by_id={quote.id: quote for quote in quotes})
    index.pairs = _shared_shingles(index)
    index.in_order = list(index.pairs.items())
    pairs_of: dict[int, list[int]] = defaultdict(list)
    for number, (first, second) in enumerate(index.pairs):
        pairs_of[index.by_id[first].speaker_id].append(number)
        pairs_of[index.by_id[second].speaker_id].append(number)
    index.pairs_of = dict(pairs_of)
    return index


def echoes(
    conn: Connection,
    *,
    speaker: str | None = None,
    speaker_id: int | None = None,
    limit: int = 200,
    paraphrases: bool = True,
    recent: bool = False,
) -> dict[str, Any]:
    """Pairs of statements of two speakers that share a phrase (kind "phrase", most shared first), then those
    that, in English, closely paraphrase each other and share no phrase (kind "paraphrase", most similar
    first); the earlier speaker first, at most `limit` of each kind. With `speaker` (a name, any spelling)
    or `speaker_id` only that speaker's; `paraphrases=False` leaves the model unloaded. `recent` (a person's
    page): the shingles kept of a few seconds ago while a new store's are built behind, and paraphrases only
    once they are ready (built in the background, never in the request)."""
    corpus = kept_recent(conn, "echoes", _index) if recent else kept(conn, "echoes", _index)
    wanted = {e["id"] for e in find_entities(conn, speaker, type="person")} if speaker else None
    if speaker_id is not None:
        wanted = (wanted or set()) | {speaker_id}
    pairs, index = corpus.pairs, corpus.by_id

    def concerned(first: _Quote, second: _Quote) -> bool:
        return wanted is None or bool({first.speaker_id, second.speaker_id} & wanted)

    phrases: list[dict[str, Any]] = []
    for (first_id, second_id), shared in _pairs_of(corpus, wanted):
        first, second = index[first_id], index[second_id]
        if concerned(first, second):
            phrases.append(
                {
                    "kind": "phrase",
                    "first": _side(first),
                    "second": _side(second),
                    "shared": _phrases(first.lemmas, shared),
                    "shingles": len(shared),
                    "similarity": None,
                }
            )
    phrases.sort(key=lambda e: (-e["shingles"], e["first"]["date"] or "9999", e["first"]["quote_id"]))
    close: list[dict[str, Any]] = []
    found = None
    if paraphrases:
        found = kept_ready(conn, "paraphrases", _paraphrases) if recent else kept(conn, "paraphrases", _paraphrases)
    for first_id, second_id, similarity in found.pairs if found is not None else []:
        if first_id in index and second_id in index:  # both of the shingles' generation
            first, second = index[first_id], index[second_id]
            if (first_id, second_id) not in pairs and concerned(first, second):
                close.append(
                    {
                        "kind": "paraphrase",
                        "first": _side(first),
                        "second": _side(second),
                        "shared": [],
                        "shingles": 0,
                        "similarity": round(similarity, 3),
                    }
                )
    close.sort(key=lambda e: (-e["similarity"], e["first"]["date"] or "9999", e["first"]["quote_id"]))
    return {
        "speaker": speaker,
        "echoes": phrases[:limit] + close[:limit],
        "total": len(phrases) + len(close),
        "phrases": len(phrases),
        "paraphrases": len(close) if paraphrases else None,
        "threshold": PARAPHRASE,
        "common_words": len(corpus.common),
    }


def _pairs_of(corpus: _Index, wanted: set[int] | None) -> list[tuple[tuple[int, int], set[frozenset[str]]]]:
    """The pairs with a statement of one of the `wanted` speakers (every pair: None), in the order of all."""
    if wanted is None:
        return corpus.in_order
    numbers = sorted({number for speaker in wanted for number in corpus.pairs_of.get(speaker, [])})
    return [corpus.in_order[number] for number in numbers]


def _shared_shingles(corpus: _Index) -> dict[tuple[int, int], set[frozenset[str]]]:
    """Every pair of two speakers' statements (the earlier first) with the shingles they share, stock phrases
    and a speaker's thousandth use of one left out."""
    quotes, shingles, speakers_of = corpus.quotes, corpus.shingles, corpus.speakers_of
    stock = max(STOCK_SPEAKERS, STOCK_SHARE * len({quote.speaker_id for quote in quotes}))
    by_shingle: dict[frozenset[str], list[_Quote]] = defaultdict(list)
    per_speaker: Counter[tuple[frozenset[str], int]] = Counter()
    for quote in quotes:
        for shingle in shingles[quote.id]:
            if 1 < len(speakers_of[shingle]) <= stock and per_speaker[(shingle, quote.speaker_id)] < QUOTES_PER_SPEAKER:
                per_speaker[(shingle, quote.speaker_id)] += 1
                by_shingle[shingle].append(quote)
    pairs: dict[tuple[int, int], set[frozenset[str]]] = defaultdict(set)
    for shingle, sharing in by_shingle.items():
        for a, b in combinations(sharing, 2):
            if a.speaker_id != b.speaker_id:
                pairs[_ordered(a, b)].add(shingle)
    return pairs


@dataclass
class _Paraphrases:
    """The English statements embedded and the pairs of two speakers' statements that closely paraphrase each
    other, kept while the store is unchanged (the vectors themselves are kept by text, in `_vectors`)."""

    ids: list[int]
    pairs: list[tuple[int, int, float]]  # (earlier id, later id, cosine)


def _paraphrases(conn: Connection) -> _Paraphrases:
    quotes = kept(conn, "echoes", _index).quotes
    return close_pairs(quotes, PARAPHRASE)


def embeddable(quote: _Quote) -> bool:
    """An English statement long enough for its embedding to say what it means."""
    return quote.language == PARAPHRASE_LANGUAGE and len(quote.text.split()) >= PARAPHRASE_WORDS


def close_pairs(quotes: list[_Quote], threshold: float = PARAPHRASE, margin: float = MARGIN) -> _Paraphrases:
    """Pairs of two speakers' embeddable statements whose cosine is at least `threshold` and at least `margin`
    times the mean cosine of both statements' NEIGHBOURS nearest (other speakers') statements, as bitext mining
    scores pairs: statements of one news story are all near each other and none stands out, a paraphrase
    does. Two overlapping spans of one document (one passage taken as a quote and as a claim) are no pair.

    Worked on the distinct texts: a statement reprinted by many documents (15,000 statements of 301 texts on
    the 10,000-document store) is one row of the similarity matrix, and the statements of one text and one
    speaker share their neighbours' mean (5.4 s a store generation before, in every server process)."""
    chosen = [quote for quote in quotes if embeddable(quote)]
    if len(chosen) < 2:
        return _Paraphrases([quote.id for quote in chosen], [])
    texts = _Texts(chosen)
    vectors = _vectors_of(texts.texts)
    means: dict[tuple[int, int], float] = {}  # (text, speaker) -> the mean of its neighbours
    near: list[tuple[int, int, float]] = []  # (text, text after it or itself, cosine) at the threshold or above
    for start in range(0, len(texts.texts), PARAPHRASE_ROWS):
        similarity = vectors[start : start + PARAPHRASE_ROWS] @ vectors.T
        means.update(_nearest_means(texts, similarity, start))
        rows, columns = np.nonzero(similarity >= threshold)
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            if column >= start + row:
                near.append((start + row, column, float(similarity[row, column])))
    found: list[tuple[int, int, float]] = []
    for first, second, cosine in near:
        for (speaker_a, statements_a), (speaker_b, statements_b) in _speaker_pairs(texts, first, second):
            bar = float(np.float32(means[(first, speaker_a)]) + np.float32(means[(second, speaker_b)]))
            if cosine >= margin * max(bar / 2, 1e-6):
                for a in statements_a:
                    found.extend(
                        (min(a, b), max(a, b), cosine) for b in statements_b if not _overlap(chosen[a], chosen[b])
                    )
    found.sort(key=lambda pair: pair[:2])  # the statements' order, whatever the texts' order
    return _Paraphrases(
        [quote.id for quote in chosen], [(*_ordered(chosen[i], chosen[j]), cosine) for i, j, cosine in found]
    )


class _Texts:
    """The distinct texts of the statements (in sorted order) and, for each, its statements by speaker."""

    def __init__(self, chosen: list[_Quote]) -> None:
        self.texts = sorted({quote.text for quote in chosen})
        number = {text: n for n, text in enumerate(self.texts)}
        self.speaker = [quote.speaker_id for quote in chosen]
        self.by_speaker: list[dict[int, list[int]]] = [{} for _ in self.texts]  # text -> speaker -> statements
        for n, quote in enumerate(chosen):
            self.by_speaker[number[quote.text]].setdefault(quote.speaker_id, []).append(n)
        self.count = np.array([sum(map(len, of.values())) for of in self.by_speaker])
        self.own: dict[int, dict[int, int]] = defaultdict(dict)  # speaker -> text -> their statements of it
        for text, of in enumerate(self.by_speaker):
            for speaker, statements in of.items():
                self.own[speaker][text] = len(statements)
        # speaker -> how many texts only they said (no other speaker's statement to be a neighbour)
        self.alone = {s: sum(1 for t, n in of.items() if n == self.count[t]) for s, of in self.own.items()}


def _nearest_means(texts: _Texts, similarity: npt.NDArray[np.float32], start: int) -> dict[tuple[int, int], float]:
    """For each text of the rows (from `start`) and each of its speakers, the mean of the NEIGHBOURS highest
    cosines with other speakers' statements, each statement counted (a text said by three others: three
    times); fewer of them, their mean; none, 0."""
    rows = range(start, start + len(similarity))
    # the highest columns that can hold them: the speaker's own texts, which no other said, fill some first
    enough = min(similarity.shape[1], NEIGHBOURS + max(max(texts.alone[s] for s in texts.by_speaker[r]) for r in rows))
    top = np.argpartition(-similarity, enough - 1, axis=1)[:, :enough] if enough < similarity.shape[1] else None
    means = {}
    for row, text in enumerate(rows):
        columns = top[row] if top is not None else np.arange(similarity.shape[1])
        values = similarity[row, columns]
        order = np.argsort(-values, kind="stable")
        for speaker in texts.by_speaker[text]:
            own = texts.own[speaker]
            taken: list[np.float32] = []
            for k in order.tolist():
                column = int(columns[k])
                times = min(int(texts.count[column]) - own.get(column, 0), NEIGHBOURS - len(taken))
                taken.extend([values[k]] * times)
                if len(taken) == NEIGHBOURS:
                    break
            total = np.float32(0)
            for value in taken:
                total = np.float32(total + value)
            means[(text, speaker)] = float(np.float32(total / max(len(taken), 1)))
    return means


def _speaker_pairs(
    texts: _Texts, first: int, second: int
) -> Iterator[tuple[tuple[int, list[int]], tuple[int, list[int]]]]:
    """Each two speakers of the two texts, one of each, with their statements of it (of one text: each two
    once): every pair of their statements is a pair of two speakers' statements of these texts."""
    groups_a, groups_b = texts.by_speaker[first], texts.by_speaker[second]
    for speaker_a, statements_a in groups_a.items():
        for speaker_b, statements_b in groups_b.items():
            if speaker_a != speaker_b and (first != second or speaker_a < speaker_b):
                yield (speaker_a, statements_a), (speaker_b, statements_b)


def _vectors_of(texts: list[str]) -> npt.NDArray[np.float32]:
    """The texts' vectors, embedding only those the previous generation had not (an ingest adds a few
    statements to thousands: ~20 a second on one core); the vectors of texts gone from the store are let go."""
    missing = sorted(set(texts) - _vectors.keys())
    if missing:
        _vectors.update(zip(missing, embeddings.embed(missing), strict=True))
    for gone in _vectors.keys() - set(texts):
        del _vectors[gone]
    return np.stack([_vectors[text] for text in texts])


def _overlap(a: _Quote, b: _Quote) -> bool:
    return a.doc_id == b.doc_id and a.start < b.end and b.start < a.end


def _quotes(conn: Connection) -> list[_Quote]:
    """Every quote and claim of a person (a claim's id negated: one numbering for both)."""
    return [
        _Quote(
            id=row["id"] if row["kind"] == "quote" else -row["id"],
            kind=row["kind"],
            start=row["start"],
            end=row["end"],
            doc_id=row["doc_id"],
            speaker_id=row["speaker_id"],
            speaker=row["speaker"],
            text=row["text"],
            language=row["language"],
            lemmas=tuple((row["lemmas"] or row["text"].casefold()).split()),
            date=row["said_on"] or row["published"],
            dated_by="said" if row["said_on"] else ("published" if row["published"] else None),
            title=row["title"],
        )
        for row in conn.execute(
            """SELECT 'quote' AS kind, q.id, q.doc_id, q.text, q.lemmas, q.said_on, q.start, q.end, q.language,
                      de.entity_id AS speaker_id, e.name AS speaker, d.published, d.title
                 FROM quotes q JOIN doc_entities de ON de.id = q.speaker_doc_entity_id
                 JOIN entities e ON e.id = de.entity_id JOIN documents d ON d.id = q.doc_id
                WHERE e.type = 'person'
               UNION ALL
               SELECT 'claim', c.id, c.doc_id, c.text, c.lemmas, c.said_on, c.start, c.end, c.language, de.entity_id,
                      e.name,
                      d.published, d.title
                 FROM claims c JOIN doc_entities de ON de.id = c.source_doc_entity_id
                 JOIN entities e ON e.id = de.entity_id JOIN documents d ON d.id = c.doc_id
                WHERE e.type = 'person'
                ORDER BY 1 DESC, 2"""
        )
    ]


def _common_lemmas(quotes: list[_Quote]) -> frozenset[str]:
    """The corpus's common lemmas, those in many of its quotes: the function words and the words every quote
    has, learned from the store."""
    counts = Counter(lemma for quote in quotes for lemma in set(quote.lemmas))
    threshold = max(COMMON_FLOOR, COMMON_SHARE * len(quotes))
    return frozenset(lemma for lemma, count in counts.items() if count > threshold)


def _shingles(lemmas: tuple[str, ...], common: frozenset[str]) -> set[frozenset[str]]:
    found = set()
    for start in range(len(lemmas) - SHINGLE + 1):
        window = lemmas[start : start + SHINGLE]
        if sum(1 for lemma in window if lemma not in common) >= CONTENT_WORDS:
            found.add(frozenset(window))
    return found


def _phrases(lemmas: tuple[str, ...], shared: set[frozenset[str]]) -> list[str]:
    """The runs of the first quote's lemmas the shared shingles cover, as phrases."""
    covered = [False] * len(lemmas)
    for start in range(len(lemmas) - SHINGLE + 1):
        if frozenset(lemmas[start : start + SHINGLE]) in shared:
            for index in range(start, start + SHINGLE):
                covered[index] = True
    runs, current = [], []
    for lemma, inside in zip(lemmas, covered, strict=True):
        if inside:
            current.append(lemma)
        elif current:
            runs.append(" ".join(current))
            current = []
    if current:
        runs.append(" ".join(current))
    return runs


def _ordered(a: _Quote, b: _Quote) -> tuple[int, int]:
    """The pair with whoever said it first (said, else published; undated last) first."""
    key_a, key_b = (a.date or "9999", a.id), (b.date or "9999", b.id)
    return (a.id, b.id) if key_a <= key_b else (b.id, a.id)


def _side(quote: _Quote) -> dict[str, Any]:
    return {
        "kind": quote.kind,
        "quote_id": abs(quote.id),
        "start": quote.start,
        "end": quote.end,
        "speaker": {"id": quote.speaker_id, "name": quote.speaker},
        "text": quote.text,
        "date": quote.date,
        "dated_by": quote.dated_by,
        "doc_id": quote.doc_id,
        "title": quote.title,
    }
