"""Stage 3: each mention's vote for its group's type, from its label and the evidence around it: a title
or honorific, a speech verb, a surname shape, an organization word, the gazetteer."""

from __future__ import annotations

import re
from functools import lru_cache

from elitewatch.datafiles import fold, legal_forms, speech_verbs
from elitewatch.extract.entities.layout import DATELINE_EVIDENCE
from elitewatch.extract.entities.lexicon import entity_words
from elitewatch.extract.entities.mentions import OUTLET, is_title_word, token_at
from elitewatch.model import Mention, Parsed, Token
from elitewatch.vocabulary.names import QUOTES

# Vote weights. A model label is one vote per mention; evidence outweighs it because the small
# English model is systematically wrong on Central Asian names (about half of the seeds' person
# mentions are tagged ORG), while the evidence below was never wrong on the seeds or PolNeAR. The weights
# themselves were set by hand in that order with entity typing (cebbe32), not swept on a dev set.
GAZETTEER_VOTE = 6.0
ORG_WORD_VOTE = 3.0
TITLE_VOTE = 2.5
SPEAKER_VOTE = 2.0
SURNAME_SHAPE_VOTE = 1.6
ACRONYM_VOTE = 1.5
# «Совет муфтиев», «Палатой общин»: a Russian name headed by a body noun is an organization whatever the model
# and a surname-like last word say («муфтиев»), so it outweighs a title before it, a speech verb and the shape.
BODY_HEAD_VOTE = GAZETTEER_VOTE
POSSESSIVE_NOUN = re.compile(r"['’]s?\s+([\w\-]+)")
ENDS_POSSESSIVE = re.compile(r"['’]s?$")
NUMBER = re.compile(r"\d")


def _legal_form_in(words: list[str]) -> bool:
    """ "Foo Holdings B.V.", «ПАО «Бар»»: a name with a legal form (names.yaml) is a company's."""
    return len(words) > 1 and any(word.casefold().strip(QUOTES + ",").rstrip(".") in legal_forms() for word in words)


def vote(mention: Mention, parsed: Parsed, starts: list[int], votes: dict[str, float]) -> None:
    lexicon = entity_words()
    votes[mention.type] += 1.0
    words = mention.text.split()
    last = fold(words[-1]) if words else ""
    if mention.evidence == "title":
        votes["person"] += TITLE_VOTE
    if mention.evidence == "outlet" or OUTLET.fullmatch(mention.text):
        votes["organization"] += GAZETTEER_VOTE
    if mention.evidence == DATELINE_EVIDENCE:  # "WASHINGTON (AP) —": where the story was filed, in capitals
        votes["place"] += GAZETTEER_VOTE
        return
    if any(fold(word) in lexicon["org_words"] for word in words) or _legal_form_in(words):
        votes["organization"] += ORG_WORD_VOTE
    if NUMBER.search(mention.text):  # «Северный поток-2», "Airbus A320": no person's name has a number
        votes["organization"] += ORG_WORD_VOTE
    if mention.text.isupper() and len(mention.text) > 1:
        votes["organization"] += ACRONYM_VOTE
    elif _surname_shaped(last):
        votes["person"] += SURNAME_SHAPE_VOTE
    if _owns_person_relation(parsed.doc.text, mention):
        votes["person"] += TITLE_VOTE
    tokens = parsed.tokens
    first = token_at(starts, mention.start)
    if first is None:
        return
    if _headed_by_body_noun(mention, tokens[first]):
        votes["organization"] += BODY_HEAD_VOTE
    previous = first - 1
    # «председатель Исламского комитета», «глава Facebook»: in Russian a role before an organization governs it
    # (genitive), so it is evidence of a person only for what the model did not call an organization; a Russian
    # role word governs a name in Latin letters the same way.
    russian_role = previous >= 0 and not tokens[previous].lemma.isascii()
    genitive_reading = mention.type == "organization" and (not tokens[first].lemma.isascii() or russian_role)
    if (
        previous >= 0
        and tokens[previous].end <= mention.start
        and is_title_word(tokens[previous].text)
        and not genitive_reading
    ):
        votes["person"] += TITLE_VOTE
    # The mention's syntactic head: the token in it whose head lies outside it.
    inside = [t for t in tokens[first : first + 8] if t.start < mention.end]
    for token in inside:
        head = tokens[token.head]
        if head.start >= mention.end or head.end <= mention.start:
            language = "en" if token.lemma.isascii() else "ru"
            if token.dep.startswith("nsubj") and head.lemma in speech_verbs(language):
                votes["person"] += SPEAKER_VOTE
            break


def _headed_by_body_noun(mention: Mention, first: Token) -> bool:
    """Is the first word of a Russian name of two words or more a body noun («совет», «палата», «союз»), in any
    case: its lemma among the organization words?"""
    return (
        first.start == mention.start
        and " " in mention.text
        and first.pos in ("NOUN", "PROPN")
        and not first.lemma.isascii()
        and first.lemma in entity_words()["org_words"]
    )


@lru_cache(maxsize=100_000)
def _surname_shaped(word: str) -> bool:
    """Does the (folded) word end like a surname (-ov, -ева, -uly), with more than the ending to it?"""
    return any(word.endswith(suffix) and len(word) > len(suffix) + 2 for suffix in entity_words()["suffixes"])


def _owns_person_relation(text: str, mention: Mention) -> bool:
    """ "Dauren Abayev’s predecessor", "Nazarbayev's daughter": only a person has these."""
    owner_end = mention.end
    ending = ENDS_POSSESSIVE.search(mention.text)
    if ending:  # the span took the possessive in
        owner_end -= len(ending.group())
    match = POSSESSIVE_NOUN.match(text, owner_end)
    return match is not None and fold(match.group(1)) in entity_words()["relations"]
