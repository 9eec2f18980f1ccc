"""One parsed document with the indexes the extractors share: tokens by offset, mentions by token,
dependency children, sentences, and the person a pronoun most likely stands for."""

from __future__ import annotations

import bisect
from collections import Counter
from functools import cached_property

from elitewatch.model import LocalEntity, Mention, Parsed, Sentence, Token
from elitewatch.temporal import scan


class DocumentIndex:
    """Token and mention indexes over one parsed document."""

    def __init__(self, parsed: Parsed, entities: list[LocalEntity]) -> None:
        self.parsed = parsed
        self.text = parsed.doc.text
        self.tokens = parsed.tokens
        self.starts = [t.start for t in parsed.tokens]
        self.entities = entities
        self.mentions = sorted((m for e in entities for m in e.mentions), key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.children: dict[int, list[int]] = {}
        for token in parsed.tokens:
            if token.head != token.i:
                self.children.setdefault(token.head, []).append(token.i)
        self.sentences = sorted(parsed.sentences, key=lambda s: s.start)
        self.sentence_starts = [s.start for s in self.sentences]

    @cached_property
    def time_tokens(self) -> frozenset[int]:
        """The tokens of the text's time expressions that name a time in words ("last week", "March 2019",
        «31 октября»; not a bare year, which may name a thing: "the 2020 Olympic Committee")."""
        covered: set[int] = set()
        for expr in scan(self.text):
            if any(c.isalpha() for c in self.text[expr.start : expr.end]):
                covered.update(range(self.token_at(expr.start), self.token_at(expr.end - 1) + 1))
        return frozenset(covered)

    @cached_property
    def topic(self) -> Mention | None:
        """The first mention of the person named most often: whom the document is about."""
        counts = Counter(m.cluster for m in self.mentions if m.type == "person")
        if not counts:
            return None
        return self.entities[counts.most_common(1)[0][0]].mentions[0]

    def language(self, token: Token) -> str:
        return token.language  # the NLP step's (elitewatch.nlp.words)

    def word(self, token: Token, language: str) -> str:
        return token.lemma if language == "ru" else token.text.lower()

    def token_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def mention_in(self, start: int, end: int, types: tuple[str, ...]) -> list[Mention]:
        a = bisect.bisect_left(self.mention_starts, start)
        b = bisect.bisect_left(self.mention_starts, end)
        return [m for m in self.mentions[a:b] if m.end <= end and m.type in types]

    def is_subject(self, mention: Mention) -> bool:
        """Is the mention the subject of its clause (its head word, or the word it names)?"""
        first = self.token_at(mention.start)
        for index in range(first, len(self.tokens)):
            token = self.tokens[index]
            if token.start >= mention.end:
                break
            if not (mention.start <= self.tokens[token.head].start < mention.end):
                return token.dep.startswith("nsubj")
        return False

    def mention_of_token(self, index: int) -> Mention | None:
        token = self.tokens[index]
        position = bisect.bisect_right(self.mention_starts, token.start) - 1
        if position >= 0 and self.mentions[position].start <= token.start < self.mentions[position].end:
            return self.mentions[position]
        return None


def dominant(counts: Counter[int], at_least: int, times: int = 2) -> int | None:
    """The entity named most often, when it is named `at_least` times and `times` as often as the next one
    (a digest of several stories has none)."""
    top = counts.most_common(2)
    if not top or top[0][1] < at_least or (len(top) > 1 and times * top[1][1] > top[0][1]):
        return None
    return top[0][0]


def sentence_first(doc: DocumentIndex, index: int) -> int:
    """The first token of token `index`'s sentence."""
    sentence = doc.tokens[index].sent
    while index > 0 and doc.tokens[index - 1].sent == sentence:
        index -= 1
    return index


def sentence_of(doc: DocumentIndex, index: int) -> Sentence:
    token = doc.tokens[index]
    found = bisect.bisect_right(doc.sentence_starts, token.start) - 1
    if found >= 0 and token.start < doc.sentences[found].end:
        return doc.sentences[found]
    return Sentence(token.start, token.end, "en")


def referent(doc: DocumentIndex, pronoun: Token, topic: bool = True) -> Mention | None:
    """The person named earlier in the pronoun's paragraph, a subject before any other ("Kosherbayev was
    appointed by President Tokayev’s decree …; he presented his credentials": Kosherbayev); with none and
    `topic`, the person the document is most about (at a paragraph's start the last name is often someone
    quoted, not the subject)."""
    paragraph_start = doc.text.rfind("\n", 0, pronoun.start) + 1
    position = bisect.bisect_left(doc.mention_starts, pronoun.start) - 1
    persons = []
    for mention in reversed(doc.mentions[: position + 1]):
        if mention.start < paragraph_start:
            break
        if mention.type == "person":
            persons.append(mention)
    subject = next((m for m in persons if doc.is_subject(m)), None)
    if subject is not None:
        return subject
    if persons:
        return persons[0]
    return doc.topic if topic else None
