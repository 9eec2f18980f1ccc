"""A generic noun for the organization or place of an office («пресс-секретарь компании», «глава ведомства»,
«мэр города»): the nearest named organization (or place) of that kind, in the sentence before the role or in
the sentences just before it, else one after the role in its sentence. The generic noun itself is never
the organization."""

from __future__ import annotations

from elitewatch.extract.document import DocumentIndex
from elitewatch.extract.positions.lexicon import lexicon
from elitewatch.extract.positions.phrases import Phrase
from elitewatch.model import Mention

# How many sentences before the role's a generic noun may reach back for its organization: the sentence and
# the one before it (a company named in a headline or lead and then called «компания»); chosen by hand.
SENTENCES_BACK = 2
# Further back, up to this many sentences, an organization introduced by the same noun («концерн
# «Фольксваген»» … «шеф концерна») is the one meant; chosen by hand.
INTRODUCED_BACK = 6


def generic_noun(doc: DocumentIndex, phrase: Phrase, language: str) -> int | None:
    """The generic noun that completes the role, if its complement's first noun is one: «компании» in
    «пресс-секретарь компании»."""
    generic = lexicon(language).generic_orgs
    for index in range(phrase.head_end + 1, phrase.last + 1):
        token = doc.tokens[index]
        if token.pos in ("NOUN", "PROPN"):
            found = doc.word(token, language) in generic and doc.mention_of_token(index) is None
            return index if found else None
    return None


def nearest_named(doc: DocumentIndex, phrase: Phrase, noun: int, person: int) -> Mention | None:
    """The organization (or place) the generic noun stands for: one introduced by the same noun not long
    before; else the nearest of its kind named before the role, back to SENTENCES_BACK sentences; else the
    first one after it in its sentence."""
    first = doc.tokens[phrase.first]
    language = doc.language(doc.tokens[noun])
    word = doc.word(doc.tokens[noun], language)
    kind = lexicon(language).generic_orgs[word]
    earlier = [m for m in doc.mention_in(_floor(doc, phrase.first, INTRODUCED_BACK), first.start, (kind,))]
    introduced = [m for m in earlier if m.cluster != person and _introduced_by(doc, m, word, language)]
    if introduced:
        return introduced[-1]
    before = [m for m in doc.mention_in(_floor(doc, phrase.first, SENTENCES_BACK), first.start, (kind,))]
    before = [m for m in before if m.cluster != person]
    if before:
        return before[-1]
    end = doc.tokens[phrase.last].end
    limit = end
    while limit < len(doc.text) and doc.text[limit] not in ".!?\n":
        limit += 1
    after = [m for m in doc.mention_in(end, limit, (kind,)) if m.cluster != person]
    return after[0] if after else None


def _floor(doc: DocumentIndex, index: int, sentences_back: int) -> int:
    """The offset where the sentence `sentences_back - 1` sentences before token `index`'s begins."""
    sentences = {doc.tokens[index].sent}
    while index > 0:
        if doc.tokens[index - 1].sent not in sentences and len(sentences) == sentences_back:
            break
        index -= 1
        sentences.add(doc.tokens[index].sent)
    return doc.tokens[index].start


def _introduced_by(doc: DocumentIndex, mention: Mention, word: str, language: str) -> bool:
    """«концерн «Фольксваген»», «компания Google»: the generic noun right before the name (past its quotes)."""
    index = doc.token_at(mention.start) - 1
    while index >= 0 and doc.tokens[index].text in '«"„“':
        index -= 1
    return index >= 0 and doc.word(doc.tokens[index], language) == word


def subject_owner(doc: DocumentIndex, phrase: Phrase, language: str) -> tuple[int | None, str | None] | None:
    """«Политическое бюро партии поддержало кандидатуру своего председателя X»: a role under a reflexive
    possessive is held in what the clause's subject names, when the subject names an organization (a person
    as subject is the role's principal, «назначил своего помощника»): the organization, or the subject's
    words when the organization is only part of them."""
    possessives = lexicon(language).reflexive_possessives
    before = range(max(0, phrase.first - 2), doc.tokens[phrase.head_end].i + 1)
    if not any(doc.tokens[k].lemma in possessives for k in before):
        return None
    subject = _clause_subject(doc, phrase.head_end)
    if subject is None:
        return None
    words = sorted(_under(doc, subject))
    inside = [m for m in doc.mention_in(doc.tokens[words[0]].start, doc.tokens[words[-1]].end, ("organization",))]
    if not inside or any(doc.mention_in(doc.tokens[words[0]].start, doc.tokens[words[-1]].end, ("person",))):
        return None
    whole = inside[0].start == doc.tokens[words[0]].start and inside[0].end >= doc.tokens[words[-1]].end
    end = doc.tokens[words[-1]].end
    if words[-1] + 1 < len(doc.tokens) and doc.tokens[words[-1] + 1].text in '»”"':
        end = doc.tokens[words[-1] + 1].end  # the closing mark of «Северсталь»
    text = doc.text[doc.tokens[words[0]].start : end]
    return (inside[0].cluster, None) if whole else (None, text)


# How far up the parse a role may hang from the verb whose subject owns it («поддержало кандидатуру своего
# председателя»: two steps); by hand.
OWNER_STEPS = 4


def _clause_subject(doc: DocumentIndex, index: int) -> int | None:
    for _ in range(OWNER_STEPS):
        head = doc.tokens[index].head
        if head == index:
            return None
        index = head
        if doc.tokens[index].pos in ("VERB", "AUX"):
            subjects = [c for c in doc.children.get(index, []) if doc.tokens[c].dep.startswith("nsubj")]
            return subjects[0] if subjects else None
    return None


def _under(doc: DocumentIndex, root: int) -> set[int]:
    found = {root}
    stack = [root]
    while stack:
        for child in doc.children.get(stack.pop(), []):
            if child not in found and doc.tokens[child].dep not in ("punct", "acl", "acl:relcl", "parataxis"):
                found.add(child)
                stack.append(child)
    return found
