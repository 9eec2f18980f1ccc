"""Offices stated by a predicate rather than a title: a nominal predicate with a copula («X был министром
финансов», «X — председатель правления», the parse making the role the head of the subject), a role in the
instrumental before the verb («капитаном стал X»), a second verb of service joined to the first («является
депутатом …, также является членом комитета»), and the person a relative pronoun stands for."""

from __future__ import annotations

from elitewatch.extract.document import DocumentIndex, sentence_first
from elitewatch.extract.positions.found import Found
from elitewatch.extract.positions.grammar import plural
from elitewatch.extract.positions.lexicon import any_language, lexicon
from elitewatch.extract.positions.phrases import MAX_PHRASE, Phrase, role_after, role_ending_at, role_starting_at
from elitewatch.model import Mention, Token

# Dependencies by which a role noun hangs on its verb of service: «стал капитаном» (xcomp, obl), «назначен
# на пост министра» (the post an obl); as the parse of natasha's syntax model gives them.
ROLE_DEPS = frozenset({"xcomp", "obl"})
INFINITIVE_ENDINGS = ("ть", "ти", "ться", "тись", "чь", "чься")


# How many names a list of coordinated subjects is followed back through («A, B, C и D стали …»); by hand.
MAX_CONJUNCTS = 8


def first_conjunct(doc: DocumentIndex, token: Token) -> Token:
    """«Иван Петров, Олег Рябов и Андрей Козлов стали депутатами»: the parse hangs the later names on the first
    (conj), which alone bears the subject's (or object's) relation to the verb; a later name takes the first's."""
    for _ in range(MAX_CONJUNCTS):
        head = doc.tokens[token.head]
        named = doc.mention_of_token(head.i)
        if token.dep != "conj" or head.i == token.i or named is None or named.type != "person":
            break
        token = head
    return token


def later_conjunct(doc: DocumentIndex, first: int, last: int) -> bool:
    """Is the name a later one of coordinated names (the parse hangs it on the first)?"""
    return any(first_conjunct(doc, doc.tokens[index]) is not doc.tokens[index] for index in range(first, last + 1))


def coordinated_person(doc: DocumentIndex, first: int, last: int) -> bool:
    """Is the name one of coordinated names (a conj of another name, or one hanging on it)? A plural role of
    their verb is then each one's («A и B стали депутатами»), not a group the one belongs to."""
    if later_conjunct(doc, first, last):
        return True
    for index in range(first, last + 1):
        for child in doc.children.get(index, []):
            named = doc.mention_of_token(child)
            joined = doc.tokens[child].dep == "conj" and not first <= child <= last
            if joined and named is not None and named.type == "person":
                return True
    return False


def role_at(doc: DocumentIndex, index: int, language: str) -> Phrase | None:
    """The role phrase whose role words start at token `index` or end there, with the modifiers before it
    that depend on it («первым заместителем министра»): None when the token begins no role."""
    if role_starting_at(doc, index, language) is not None:
        start = index
    elif (first := role_ending_at(doc, index, language, max(0, index - MAX_PHRASE))) is not None:
        start = first  # "became chief executive": the parse's head is the last of the role words
    else:
        return None
    while start - 1 >= 0 and doc.tokens[start - 1].head == index and doc.tokens[start - 1].pos in ("ADJ", "DET"):
        start -= 1
    limit = index
    while limit + 1 < len(doc.tokens) and doc.tokens[limit + 1].sent == doc.tokens[index].sent:
        limit += 1
    phrase = role_after(doc, start, language, min(limit, start + MAX_PHRASE))
    return phrase if phrase is not None and phrase.head_end >= index else None


def copular(doc: DocumentIndex, mention: Mention, first: int, last: int, language: str) -> list[Found]:
    """«X был министром», «X является председателем», «X — директор школы»: the parse makes the role noun the
    head of the subject, with the copula (or a dash) under it."""
    lex = lexicon(language)
    for index in range(first, last + 1):
        token = first_conjunct(doc, doc.tokens[index])
        if not token.dep.startswith("nsubj") or token.head == token.i:
            continue
        head = doc.tokens[token.head]
        if head.pos != "NOUN" or hypothetical(doc, head):
            continue
        children = [doc.tokens[c] for c in doc.children.get(head.i, [])]
        copula = next((c for c in children if c.dep == "cop" and c.lemma in lex.service_verbs), None)
        dash = any(c.text in ("—", "–", "-") and c.i < head.i and c.i > last for c in children)
        if copula is None and not dash:
            continue
        phrase = role_at(doc, head.i, language)
        if token.i != index and not plural(head):
            continue  # a singular role is the first coordinated name's alone
        if phrase is not None and not (phrase.first <= last and phrase.last >= first):
            return [Found(mention.cluster, phrase, "service", copula)]
    return []


def in_capacity(doc: DocumentIndex, mention: Mention, first: int, last: int, language: str) -> list[Found]:
    """«X работал в качестве главного тренера», «в его команду в качестве первого заместителя входит X»: the
    subject of a verb holds the role that words of capacity (data: capacity) hang on that verb, whatever the
    verb (the capacity says the role; a verb in the future or a modal one says no more than a plan)."""
    words = lexicon(language).capacity
    for index in range(first, last + 1):
        token = first_conjunct(doc, doc.tokens[index])
        if not token.dep.startswith("nsubj") or token.head == token.i:
            continue
        verb = doc.tokens[token.head]
        if hypothetical(doc, verb) or infinitive(verb) or verb.tense == "Fut" or _in_a_performance(doc, verb):
            return []
        for k in _sentence_range(doc, verb.i):
            if k == 0 or k + 1 >= len(doc.tokens) or words.get(doc.tokens[k].lemma) != doc.tokens[k - 1].lemma:
                continue
            phrase = role_after(doc, k + 1, language, min(len(doc.tokens) - 1, k + 1 + MAX_PHRASE))
            if phrase is None or phrase.first != k + 1 or plural(doc.tokens[phrase.head_end]):
                continue
            if doc.tokens[doc.tokens[phrase.head_end].head].pos not in ("VERB", "AUX"):
                continue  # «героя в фильме в качестве …»: the capacity of a thing, not a clause's
            if _nearest_subject_verb(doc, k) == verb.i and not (phrase.first <= last and phrase.last >= first):
                return [Found(mention.cluster, phrase, "capacity", verb)]
        return []
    return []


def _sentence_range(doc: DocumentIndex, index: int) -> range:
    """The tokens of token `index`'s sentence."""
    last = index
    while last + 1 < len(doc.tokens) and doc.tokens[last + 1].sent == doc.tokens[index].sent:
        last += 1
    return range(sentence_first(doc, index), last + 1)


def _in_a_performance(doc: DocumentIndex, verb: Token) -> bool:
    """«снялся в фильме в качестве тренера»: a part played (data: performances), not an office."""
    works = lexicon(verb.language).performances
    return any(doc.tokens[c].lemma in works for c in doc.children.get(verb.i, []))


def _nearest_subject_verb(doc: DocumentIndex, index: int) -> int | None:
    """The verb nearest token `index` in its sentence that has a person as its subject («Илюмжинов перевёл
    штаб-квартиру в Афины, и в его команду в качестве заместителя входит Макрополус»: входит, whatever
    the parse hangs the capacity on)."""
    sentence = doc.tokens[index].sent
    best: tuple[int, int] | None = None
    for mention in doc.mentions:
        if mention.type != "person":
            continue
        k = doc.token_at(mention.start)
        token = doc.tokens[k]
        if token.sent != sentence or not token.dep.startswith("nsubj") or token.head == k:
            continue
        distance = abs(token.head - index)
        best = (distance, token.head) if best is None or distance < best[0] else best
    return best[1] if best is not None else None


def infinitive(verb: Token) -> bool:
    """A Russian verb in the infinitive («может возглавить», «предложили снять»)."""
    return verb.language == "ru" and verb.text.lower().endswith(INFINITIVE_ENDINGS)


def hypothetical(doc: DocumentIndex, token: Token) -> bool:
    """A word with a modal under it ("could become", «может стать»)."""
    return any(doc.tokens[c].text.lower() in any_language("modals") for c in doc.children.get(token.i, []))


def before_verb(doc: DocumentIndex, verb: Token, language: str) -> Phrase | None:
    """«капитаном стал Михаил Белов», «послом назначен X»: the role noun before its verb of service; «пост
    спикера парламента занял X»: the role after the post noun that is the verb's object before it."""
    post_nouns = lexicon(language).post_nouns
    for child in sorted(doc.children.get(verb.i, [])):
        token = doc.tokens[child]
        governed = any(doc.tokens[c].dep == "case" for c in doc.children.get(child, []))  # «с президентом»
        if child < verb.i and token.dep in ROLE_DEPS and token.pos == "NOUN" and not governed:
            phrase = role_at(doc, child, language)
            if phrase is not None:
                return phrase
        if child < verb.i and token.dep in ("obj", "dobj") and token.lemma in post_nouns and not governed:
            phrase = role_at(doc, child + 1, language)
            if phrase is not None:
                return phrase
    return None


def joined_service_verb(doc: DocumentIndex, verb: Token, language: str) -> Token | None:
    """A verb of service joined to this one with no subject of its own: «является депутатом …, также
    является членом комитета» (the subject of the first is the subject of both)."""
    lex = lexicon(language)
    for child in sorted(doc.children.get(verb.i, [])):
        token = doc.tokens[child]
        if token.dep != "conj" or child < verb.i:
            continue
        own_subject = any(doc.tokens[c].dep.startswith("nsubj") for c in doc.children.get(child, []))
        if not own_subject and (token.lemma in lex.service_verbs or token.lemma in lex.leading_verbs):
            return token
    return None


def antecedent(doc: DocumentIndex, pronoun: Token) -> Mention | None:
    """The person a relative pronoun stands for: the one its clause hangs on («Олег Сидоров, который …»),
    else the person right before its comma."""
    clause = doc.tokens[pronoun.head]
    if clause.dep.startswith("acl") and clause.head != clause.i:
        mention = doc.mention_of_token(clause.head)
        if mention is not None and mention.type == "person":
            return mention
    index = pronoun.i - 1
    if index >= 1 and doc.tokens[index].text == ",":
        mention = doc.mention_of_token(index - 1)
        if mention is not None and mention.type == "person":
            return mention
    return None
