"""Triggers: the words of an event type (a verb, a noun, a phrase: "press conference"), attendance at a
gathering, a verb of hosting; a negated or hypothetical one, one agreed or promised, a habit, or a generic
plural, is no event."""

from __future__ import annotations

from dataclasses import dataclass, field

from elitewatch.extract.document import DocumentIndex
from elitewatch.extract.events.lexicon import groups, lexicon
from elitewatch.extract.events.syntax import clause_verb, introduced_by, is_verb, span_head, subtree
from elitewatch.model import Mention, Token
from elitewatch.temporal import TimeExpr

TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN", "X"})


@dataclass
class Trigger:
    type: str
    first: int  # token indexes, inclusive
    last: int
    head: int  # the trigger token the others hang on
    language: str
    needs_two: bool = False  # an event only with two people named ("X receives Y")


@dataclass
class Found:
    """A trigger and what its phrase and clause give: who took part, when, where."""

    trigger: Trigger
    participants: list[int] = field(default_factory=list)  # entity indexes, in order of mention
    date: TimeExpr | None = None
    place: Mention | None = None


def _forms(token: Token) -> tuple[str, str]:
    return token.lemma.lower(), token.text.lower()


def _spells(doc: DocumentIndex, first: int, words: tuple[str, ...]) -> bool:
    """Does the text from token `first` read `words` (the first by its lemma, the rest by lemma or as written)?"""
    if first + len(words) > len(doc.tokens):
        return False
    for k, word in enumerate(words):
        token = doc.tokens[first + k]
        if token.sent != doc.tokens[first].sent or word not in _forms(token):
            return False
    return True


def find_triggers(doc: DocumentIndex) -> list[Trigger]:
    found: list[Trigger] = []
    index = 0
    cues = {language: lexicon(language).cues for language in ("en", "ru")}
    while index < len(doc.tokens):
        token = doc.tokens[index]
        language = doc.language(token)
        if not cues[language].intersection(_forms(token)):
            index += 1
            continue
        trigger = (
            _trigger_at(doc, index, language)
            or _attendance_at(doc, index, language)
            or _hosting_at(doc, index, language)
        )
        if trigger is None:
            index += 1
            continue
        found.append(trigger)
        index = trigger.last + 1
    return found


def _trigger_at(doc: DocumentIndex, index: int, language: str) -> Trigger | None:
    lex = lexicon(language)
    token = doc.tokens[index]
    if token.pos not in TRIGGER_POS or token.dep in ("prep", "case", "mark"):  # "according to", "regarding"
        return None
    if (mention := doc.mention_of_token(index)) is not None and mention.type in ("organization", "place"):
        return None  # "Collective Security Treaty Organization" is no treaty
    for form in dict.fromkeys(_forms(doc.tokens[index])):
        for words, event_type in lex.triggers.get(form, ()):
            if _spells(doc, index, words):
                last = index + len(words) - 1
                return Trigger(event_type, index, last, span_head(doc, index, last), language)
    return None


def _attendance_at(doc: DocumentIndex, index: int, language: str) -> Trigger | None:
    """ "presence … at the May 9 parade": an attendance word, then a gathering within its phrase."""
    lex = lexicon(language)
    phrases = [words for form in dict.fromkeys(_forms(doc.tokens[index])) for words in lex.attendance.get(form, ())]
    for words in phrases:
        if not _spells(doc, index, words):
            continue
        last = index + len(words) - 1
        for k in subtree(doc, last, limit=30):
            if k > last and doc.tokens[k].lemma.lower() in lex.gatherings:
                return Trigger(lex.attendance_type, index, last, span_head(doc, index, last), language)
    return None


def _hosting_at(doc: DocumentIndex, index: int, language: str) -> Trigger | None:
    lex = lexicon(language)
    token = doc.tokens[index]
    if is_verb(token) and token.lemma.lower() in lex.hosting and _receives_a_person(doc, index):
        return Trigger(lex.hosting_type, index, index, index, language, needs_two=True)
    return None


def _receives_a_person(doc: DocumentIndex, verb: int) -> bool:
    """ "Obama receives his French counterpart Sarkozy": the object of a hosting verb is a person, not «участие»
    («приняли участие») or «решение» («примет решение»)."""
    pronouns = lexicon(doc.language(doc.tokens[verb])).personal_pronouns
    for child in doc.children.get(verb, []):
        if doc.tokens[child].dep not in ("obj", "dobj"):
            continue
        if doc.tokens[child].pos == "PRON" and doc.tokens[child].text.lower() in pronouns:
            return True  # «принял его»: the pronoun stands for a person named before
        for index in subtree(doc, child, limit=8):
            mention = doc.mention_of_token(index)
            if mention is not None and mention.type == "person":
                return True
    # the parse may hang the object elsewhere («принимает в Белом доме … коллегу Николя Саркози»): a person
    # in the accusative in the verb's clause
    for index in subtree(doc, verb, limit=30):
        mention = doc.mention_of_token(index)
        if index > verb and doc.tokens[index].case == "Acc" and mention is not None and mention.type == "person":
            return True
    return False


def denied(doc: DocumentIndex, trigger: Trigger) -> bool:
    """Negated or hypothetical: "did not meet", "could visit", "the invitation to visit Moscow"."""
    lex = lexicon(trigger.language)
    verb = clause_verb(doc, trigger.head)
    for index in {trigger.head, verb}:
        for child in doc.children.get(index, []):
            token = doc.tokens[child]
            if token.dep in ("neg", "advmod", "aux", "mark", "particle") and (
                token.text.lower() in lex.negations or token.lemma.lower() in lex.negations
            ):
                return True
            if token.dep in ("aux", "mark") and token.lemma.lower() in lex.hypothetical:
                return True
    if _commits_to_an_act(doc, trigger) or _habitual(doc, trigger) or _lasting(doc, trigger):
        return True
    index = trigger.head
    occasion = False  # passed «в ходе», "during": what lies above is the event's occasion, not its content
    for _ in range(3):
        head = doc.tokens[index].head
        if head == index:
            break
        occasion = occasion or _occasion_of(doc, index, lex.occasion_words)
        lemma, pos = doc.tokens[head].lemma.lower(), doc.tokens[head].pos
        if lemma in lex.hypothetical and pos in ("NOUN", "VERB", "ADJ"):
            return True
        if lemma in lex.commitments and pos == "VERB" and not occasion:
            return True
        index = head
    return False


def _habitual(doc: DocumentIndex, trigger: Trigger) -> bool:
    """A trigger verb under a verb of a phase ("began meeting", «стал встречаться»): a habit, not one event."""
    token = doc.tokens[trigger.head]
    if not is_verb(token) or token.dep != "xcomp" or token.head == trigger.head:
        return False
    return doc.tokens[token.head].lemma.lower() in lexicon(trigger.language).phase_verbs


def _lasting(doc: DocumentIndex, trigger: Trigger) -> bool:
    """A meeting verb said to last years or months («встречался несколько лет», "for three years"): a relationship
    or a process (an office taken "for five years" is still an appointment)."""
    if trigger.type not in groups().two_people or not is_verb(doc.tokens[trigger.head]):
        return False
    lex = lexicon(trigger.language)
    for child in doc.children.get(trigger.head, []):
        unit = child
        if doc.tokens[child].pos == "ADP":  # English: "for" heads the unit
            if doc.tokens[child].text.lower() not in lex.duration_prepositions:
                continue
            unit = next((k for k in doc.children.get(child, []) if doc.tokens[k].dep == "pobj"), child)
        elif any(doc.tokens[k].dep == "case" for k in doc.children.get(child, [])) and not _occasion_of(
            doc, child, lex.duration_prepositions
        ):
            continue  # «с 2017 года», «в прошлом году»: a date, not a span
        around = [doc.tokens[k] for k in doc.children.get(unit, [])]
        counted = any(t.pos in ("NUM", "DET") for t in around)
        dated = any(t.text.lower() in lex.ago_words for t in around)
        if doc.tokens[unit].lemma.lower() in lex.duration_units and counted and not dated:
            return True
    return False


def _commits_to_an_act(doc: DocumentIndex, trigger: Trigger) -> bool:
    """A commitment trigger («договориться») whose agreement is an act to come: an infinitive («договорились
    встретиться») or an event of its own type («договорились о проведении переговоров»)."""
    lex = lexicon(trigger.language)
    if doc.tokens[trigger.head].lemma.lower() not in lex.commitments:
        return False
    if any(doc.tokens[k].dep == "xcomp" for k in doc.children.get(trigger.head, [])):
        return True
    # what was agreed, not its occasion («в ходе встречи договорился с X»: the meeting is where it was agreed)
    stack = [k for k in doc.children.get(trigger.head, []) if not _occasion_of(doc, k, lex.occasion_words)]
    seen = 0
    while stack and seen < 20:
        index = stack.pop()
        seen += 1
        if any(event_type == trigger.type for _, event_type in lex.triggers.get(doc.tokens[index].lemma.lower(), ())):
            return True
        stack.extend(doc.children.get(index, []))
    return False


def _occasion_of(doc: DocumentIndex, index: int, words: frozenset[str]) -> bool:
    """Is the phrase at `index` introduced by an occasion word ("during the visit", «в ходе визита»)?"""
    return introduced_by(doc, index, words, deps=("case", "fixed"))


def generic_plural(doc: DocumentIndex, trigger: Trigger, own: list[int]) -> bool:
    """ "summit meetings", "the first two snap elections": events in general, not one event."""
    token = doc.tokens[trigger.head]
    if trigger.language != "en" or token.pos != "NOUN" or own:
        return False
    word = token.text.lower()
    return word != token.lemma.lower() and word not in lexicon("en").plural_triggers
