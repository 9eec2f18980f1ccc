"""The in-memory shapes that flow through the pipeline, before they are stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = ("person", "organization", "place")


@dataclass
class Document:
    """An article as read from its source, before analysis."""

    id: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None


@dataclass(slots=True)  # hundreds of thousands of them in a batch of documents
class Token:
    """A token in a language-neutral shape, so extractors work alike on spaCy and natasha output."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    sent: int
    case: str = ""  # grammatical case where the model gives one ("Nom", "Gen", …): Russian
    language: str = "en"  # the word's own, from its letters (a Latin name in a Russian sentence is "en")
    tense: str = ""  # a verb's tense as the morphology gives it ("Past", "Pres", "Fut"); "" for other words


@dataclass
class Span:
    """A named-entity span as the model found it, with offsets in the document."""

    start: int
    end: int
    text: str
    label: str  # person, organization, place
    normal: str  # lemma-normalized form (natasha) or the text itself
    language: str


@dataclass
class Sentence:
    start: int
    end: int
    language: str


@dataclass
class Parsed:
    """The NLP layer's output for one document: tokens, sentences and raw entity spans."""

    doc: Document
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    languages: dict[str, int] = field(default_factory=dict)  # characters of text per language
    language: str | None = None  # the document's, from its letters (en, ru, kk; zh, ar… for text no model reads)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    type: str
    normal: str
    cluster: int = -1  # index of the LocalEntity it belongs to
    evidence: str = "ner"


@dataclass
class LocalEntity:
    """One entity as seen inside one document: its name, type and every surface form."""

    index: int
    type: str
    name: str
    forms: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 1.0


@dataclass
class Quote:
    start: int  # offsets of the quoted words (inside the marks), first to last segment
    end: int
    text: str
    speaker: int | None  # LocalEntity index; None for an unnamed speaker ("a Boeing spokesman")
    speaker_text: str | None  # the speaker's name, or the words that state an unnamed one
    attribution_start: int | None = None
    attribution_end: int | None = None
    said_on: str | None = None
    confidence: float = 0.8
    language: str = "en"
    speaker_org: int | None = None  # LocalEntity index: whom an unnamed speaker speaks for (Boeing)


@dataclass
class Claim:
    """What is attributed without quotation marks: "X said that …", "according to X", «по словам X»."""

    start: int  # offsets of the claimed words, without the attribution
    end: int
    text: str
    source: int | None  # LocalEntity index; None when unnamed ("officials said")
    source_text: str | None
    cue: str  # the words that attribute it: "said", "according to", «по словам»
    cue_start: int
    cue_end: int
    polarity: str = "assert"  # assert | deny | hedge
    about: list[int] = field(default_factory=list)  # LocalEntity indexes named in the claim
    said_on: str | None = None
    confidence: float = 0.7
    language: str = "en"


@dataclass
class Position:
    """An office held, as one sentence states it."""

    person: int  # LocalEntity index
    role: str
    org: int | None  # LocalEntity index of the organization or country, when it is a named entity
    org_text: str | None
    sentence_start: int
    sentence_end: int
    evidence_start: int  # the role phrase
    evidence_end: int
    pattern: str  # title, apposition, copula, appointment, predecessor, successor
    start: str | None = None
    end: str | None = None
    as_of: str | None = None
    ended: bool = False  # "former", "ex-", a predecessor: the term is over, its end maybe unknown
    confidence: float = 0.7


@dataclass
class Event:
    type: str
    participants: list[int]  # LocalEntity indexes
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    date: str | None = None
    place: int | None = None
    place_text: str | None = None
    confidence: float = 0.7
    roles: dict[int, str] = field(default_factory=dict)  # participant -> appointee, host, guest, signatory…


@dataclass
class Analysis:
    """Everything extracted from one document."""

    parsed: Parsed
    entities: list[LocalEntity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    published: str | None = None  # from metadata, else inferred from the text
    published_how: str | None = None
    published_confidence: float | None = None
    # The extractors' shared index over the parse and the entities (extract.document.DocumentIndex), built once
    # with the entities; not stored, and left behind when the analysis goes to another process.
    index: Any = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "index": None}
