"""Typed events: who was appointed, met, visited, spoke to the press, signed, was elected; when and where.

Triggers are words in data/lexicon/events.yaml (verbs and nouns, English and Russian lemmas). Around each
trigger the dependency structure gives the rest:

- the trigger's **clause**: the verb it belongs to ("delivered" for "his first address") and the words that
  depend on that verb without crossing into another clause (relative, adverbial, complement clauses);
- **participants**: for a verb, the people (and organizations) of its clause; for a noun, those of its own
  phrase ("Tokayev’s meeting with Putin", "the visit of President Tokayev") and the subject of its verb
  ("during a press conference, Tasmagambetov said"); a clause without a subject borrows the subject of
  the clause it depends on ("he had the honor to present his credentials"); "he", "his" and "who" stand
  for the person they refer to;
- the **date**: an expression attached to the trigger's clause, else to a clause it depends on, else one in
  the sentence attached to no other event; a citation in parentheses ("(see EDM, March 27)") is not a date
  of the event. An undated meeting during a dated visit of one of its participants takes the visit's date;
- the **place**: a place after "in", "to", "at" («в», «на») in the trigger's phrase or clause.

A negated or hypothetical trigger ("did not meet", "could visit", "the invitation to visit") is no event,
nor is one without a named participant. Events of one type whose participants overlap and whose dates
agree are one event in a document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from elitewatch.datafiles import read_yaml
from elitewatch.extract.document import Document, referent, sentence_of
from elitewatch.model import Event, LocalEntity, Mention, Parsed, Position, Quote, Token
from elitewatch.temporal import TimeExpr, find_dates
from elitewatch.vocabulary.countries import country_of, demonym
from elitewatch.vocabulary.offices import office_head, role_words

EXTRACTOR = "events"
VERSION = "2"

# The types, in the order of data/lexicon/events.yaml (the events table's CHECK lists the same).
EVENT_TYPES = tuple(str(t) for t in read_yaml("lexicon/events.yaml")["types"])
# Dependencies that open a clause of its own: its words are not the words of the clause above it.
CLAUSE_DEPS = frozenset({"relcl", "acl:relcl", "advcl", "ccomp", "csubj", "parataxis", "acl", "xcomp"})
# Dependencies that open a clause only when they join a verb ("X came and met Y"), not a noun ("X and Y").
VERB_CLAUSE_DEPS = frozenset({"conj", "appos"})
# Dependencies through which a clause without a subject borrows the subject of the clause above.
CONTROL_DEPS = frozenset({"xcomp", "acl", "advcl", "conj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "nsubjpass", "nsubj:pass", "iobj"})
VERB_POS = frozenset({"VERB", "AUX"})
TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN", "X"})
PARTICIPANT_TYPES = ("person", "organization")
MAX_CLIMB = 8
# How far after a speech event a quote may still be read as said at it, in paragraphs.
FOLLOWING_PARAGRAPHS = 2


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> (words, type), longest first
    plural_triggers: frozenset[str]
    attendance: dict[str, tuple[tuple[str, ...], ...]]  # first word -> the phrases it starts
    attendance_type: str
    hosting: frozenset[str]
    hosting_type: str
    gatherings: frozenset[str]
    negations: frozenset[str]
    hypothetical: frozenset[str]
    personal_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    predicative_words: frozenset[str]
    place_prepositions: frozenset[str]
    destination_prepositions: frozenset[str]
    partner_prepositions: frozenset[str]
    support_verbs: frozenset[str]
    occasion_words: frozenset[str]
    sequence_words: frozenset[str]
    # Every word a trigger, an attendance phrase or a hosting verb starts with: a token that is none of them
    # starts no event.
    cues: frozenset[str]


@cache
def lexicon(language: str) -> Lexicon:
    data: dict[str, Any] = read_yaml("lexicon/events.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in data[key].get(language, []))

    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for event_type, languages in data["types"].items():
        for trigger in languages.get(language, []):
            sequence = tuple(str(trigger).lower().split())
            by_first.setdefault(sequence[0], []).append((sequence, event_type))
    attendance = _by_first_word(tuple(w.lower().split()) for w in words("attendance"))
    return Lexicon(
        triggers={k: tuple(sorted(v, key=lambda item: len(item[0]), reverse=True)) for k, v in by_first.items()},
        plural_triggers=frozenset(w for w in by_first if (w,) in dict(by_first[w]) and w.endswith("s")),
        attendance=attendance,
        attendance_type=str(data["attendance"]["type"]),
        hosting=words("hosting"),
        hosting_type=str(data["hosting"]["type"]),
        gatherings=words("gatherings"),
        negations=words("negations"),
        hypothetical=words("hypothetical"),
        personal_pronouns=words("personal_pronouns"),
        relative_pronouns=words("relative_pronouns"),
        predicative_words=words("predicative_words"),
        place_prepositions=words("place_prepositions"),
        destination_prepositions=words("destination_prepositions"),
        partner_prepositions=words("partner_prepositions"),
        support_verbs=words("support_verbs"),
        occasion_words=words("occasion_words"),
        sequence_words=words("sequence_words"),
        cues=frozenset(by_first) | frozenset(attendance) | words("hosting"),
    )


def _by_first_word(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    found: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(phrases):
        found.setdefault(words[0], []).append(words)
    return {first: tuple(phrases) for first, phrases in found.items()}


@cache
def groups() -> dict[str, frozenset[str]]:
    """Event types that behave alike (data/lexicon/events.yaml): within visits, speech events, several parties."""
    data: dict[str, Any] = read_yaml("lexicon/events.yaml")
    return {key: frozenset(data.get(key, [])) for key in ("within_visits", "speech_events", "several_parties")}


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
    trigger: Trigger
    participants: list[int] = field(default_factory=list)  # entity indexes, in order of mention
    date: TimeExpr | None = None
    place: Mention | None = None


# triggers --------------------------------------------------------------------------------------


def _forms(token: Token) -> tuple[str, str]:
    return token.lemma.lower(), token.text.lower()


def _spells(doc: Document, first: int, words: tuple[str, ...]) -> bool:
    """Does the text from token `first` read `words` (the first by its lemma, the rest by lemma or as written)?"""
    if first + len(words) > len(doc.tokens):
        return False
    for k, word in enumerate(words):
        token = doc.tokens[first + k]
        if token.sent != doc.tokens[first].sent or word not in _forms(token):
            return False
    return True


def find_triggers(doc: Document) -> list[Trigger]:
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


def _trigger_at(doc: Document, index: int, language: str) -> Trigger | None:
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
                return Trigger(event_type, index, last, _span_head(doc, index, last), language)
    return None


def _attendance_at(doc: Document, index: int, language: str) -> Trigger | None:
    """ "presence … at the May 9 parade": an attendance word, then a gathering within its phrase."""
    lex = lexicon(language)
    phrases = [words for form in dict.fromkeys(_forms(doc.tokens[index])) for words in lex.attendance.get(form, ())]
    for words in phrases:
        if not _spells(doc, index, words):
            continue
        last = index + len(words) - 1
        for k in _subtree(doc, last, limit=30):
            if k > last and doc.tokens[k].lemma.lower() in lex.gatherings:
                return Trigger(lex.attendance_type, index, last, _span_head(doc, index, last), language)
    return None


def _hosting_at(doc: Document, index: int, language: str) -> Trigger | None:
    lex = lexicon(language)
    token = doc.tokens[index]
    if _is_verb(token) and token.lemma.lower() in lex.hosting:
        return Trigger(lex.hosting_type, index, index, index, language, needs_two=True)
    return None


def _span_head(doc: Document, first: int, last: int) -> int:
    """The token of a span whose head lies outside it ("conference" in "press conference")."""
    for index in range(first, last + 1):
        head = doc.tokens[index].head
        if head == index or not first <= head <= last:
            return index
    return last


# the dependency structure ----------------------------------------------------------------------


def _subtree(doc: Document, root: int, limit: int = 60, stop: frozenset[str] = frozenset()) -> list[int]:
    """The tokens under `root` (itself included), not descending through dependencies in `stop`."""
    result: list[int] = []
    stack = [root]
    while stack and len(result) < limit:
        index = stack.pop()
        result.append(index)
        stack.extend(k for k in doc.children.get(index, []) if not _opens_clause(doc.tokens[k], stop))
    return sorted(result)


def _opens_clause(token: Token, stop: frozenset[str]) -> bool:
    if token.dep in stop:
        return True
    return bool(stop) and token.dep in VERB_CLAUSE_DEPS and _is_verb(token)


def _is_verb(token: Token) -> bool:
    return token.pos in VERB_POS


def clause_verb(doc: Document, index: int) -> int:
    """The verb whose clause the token belongs to (the token itself for a verb); the root otherwise."""
    for _ in range(MAX_CLIMB):
        token = doc.tokens[index]
        if _is_verb(token) or token.head == index:
            return index
        index = token.head
    return index


def _parent_clause(doc: Document, verb: int) -> int | None:
    """The clause a subjectless clause depends on: "he had the honor to present", "X came and met Y"."""
    token = doc.tokens[verb]
    if token.head == verb or token.dep not in CONTROL_DEPS:
        return None
    return clause_verb(doc, token.head)


def _clause_chain(doc: Document, verb: int) -> list[int]:
    chain = [verb]
    while len(chain) < 3:
        parent = _parent_clause(doc, chain[-1])
        if parent is None or parent in chain:
            break
        chain.append(parent)
    return chain


def _clause_tokens(doc: Document, verb: int) -> list[int]:
    return _subtree(doc, verb, limit=80, stop=CLAUSE_DEPS)


def _subjects(doc: Document, verb: int) -> list[int]:
    subjects = [k for k in doc.children.get(verb, []) if doc.tokens[k].dep in SUBJECT_DEPS]
    for subject in list(subjects):
        subjects.extend(k for k in doc.children.get(subject, []) if doc.tokens[k].dep == "conj")
    return subjects


# participants ----------------------------------------------------------------------------------


class RoleHolders:
    """ "the Kazakh President", «глава МИД»: a role named without a name stands for the one person the
    document shows in that office (from its positions), when there is exactly one."""

    def __init__(self, positions: list[Position]) -> None:
        self.by_office: dict[str, list[Position]] = {}
        for position in positions:
            if not position.ended:
                self.by_office.setdefault(office_head(position.role), []).append(position)

    def holder(self, doc: Document, index: int) -> int | None:
        token = doc.tokens[index]
        language = doc.language(token)
        word = doc.word(token, language)
        if (word,) not in role_words(language):
            return None
        candidates = self.by_office.get(office_head(word), [])
        country = self._country_in_phrase(doc, index)
        if country is not None:
            candidates = [p for p in candidates if country_of(p.org_text) == country]
        people = {p.person for p in candidates}
        return people.pop() if len(people) == 1 else None

    @staticmethod
    def _country_in_phrase(doc: Document, index: int) -> str | None:
        for k in _subtree(doc, index, limit=12, stop=CLAUSE_DEPS):
            mention = doc.mention_of_token(k)
            if mention is not None and mention.type == "place":
                return country_of(doc.entities[mention.cluster].name)
            country = demonym(doc.tokens[k].text, doc.tokens[k].lemma)
            if country:
                return country_of(country)
        return None


def _entity_of(
    doc: Document, index: int, types: tuple[str, ...] = PARTICIPANT_TYPES, holders: RoleHolders | None = None
) -> int | None:
    """The entity a token names, or stands for (a pronoun, a relative "who", "the Kazakh President")."""
    token = doc.tokens[index]
    mention = doc.mention_of_token(index)
    if mention is not None:
        return mention.cluster if mention.type in types else None
    lex = lexicon(doc.language(token))
    if token.pos == "PRON" and token.text.lower() in lex.personal_pronouns:
        bound = _bound_subject(doc, index) if token.dep == "poss" else None
        if bound is not None:  # "X presented his credentials": his is X
            return bound
        person = referent(doc, token, topic=False)
        return person.cluster if person is not None and "person" in types else None
    if holders is not None and token.pos in ("NOUN", "PROPN") and "person" in types and not _predicative(doc, index):
        return holders.holder(doc, index)
    return None


def _predicative(doc: Document, index: int) -> bool:
    """ "resigning as President", "became president": the role is said of someone, it names no one."""
    token = doc.tokens[index]
    if token.dep in ("attr", "oprd", "appos", "compound", "xcomp"):
        return True
    introduced = [doc.tokens[token.head], *(doc.tokens[k] for k in doc.children.get(index, []))]
    words = lexicon(doc.language(token)).predicative_words
    return any(t.text.lower() in words for t in introduced)


def _bound_subject(doc: Document, index: int) -> int | None:
    """The person who is the subject of a possessive's clause, or of the clause it depends on."""
    for verb in _clause_chain(doc, clause_verb(doc, index)):
        subjects = _subjects(doc, verb)
        if not subjects:
            continue
        for subject in subjects:
            if subject == index or doc.tokens[subject].pos == "PRON":
                return None
            for k in _subtree(doc, subject, limit=40, stop=CLAUSE_DEPS | {"conj"}):
                mention = doc.mention_of_token(k)
                if mention is not None and mention.type == "person" and doc.tokens[k].dep != "poss":
                    return mention.cluster
        return None
    return None


def _antecedent(doc: Document, index: int) -> int | None:
    """The noun a relative pronoun stands for: "Miller and Ozerets, who meet today" -> "Miller"."""
    token = doc.tokens[index]
    relative = lexicon(doc.language(token)).relative_pronouns
    if token.pos not in ("PRON", "DET") or not (token.lemma in relative or token.text.lower() in relative):
        return None
    clause = clause_verb(doc, index)
    head = doc.tokens[clause].head
    if doc.tokens[clause].dep in ("relcl", "acl:relcl") and head != clause:
        # "X and Y, who …": the relative clause hangs on the last of a coordination, it stands for all
        while doc.tokens[head].dep == "conj" and doc.tokens[head].head != head:
            head = doc.tokens[head].head
        return head
    return None


def _phrase_tokens(doc: Document, root: int) -> list[int]:
    """The words of a phrase or clause that may name its participants: not those of another clause, of a
    possessive of another noun ("Dauren Abayev’s predecessor"), or after "after"/"before" (another event)."""
    result: list[int] = []
    stack = [root]
    while stack and len(result) < 80:
        index = stack.pop()
        result.append(index)
        for child in doc.children.get(index, []):
            token = doc.tokens[child]
            if _opens_clause(token, CLAUSE_DEPS):
                continue
            if token.dep == "poss" and index != root and doc.mention_of_token(index) is None:
                continue
            if token.dep in ("prep", "case") and token.text.lower() in lexicon(doc.language(token)).sequence_words:
                continue
            stack.append(child)
    return sorted(result)


def _located(doc: Document, index: int) -> bool:
    """An organization named as where something happened ("at a ceremony in the Kremlin") takes no part."""
    mention = doc.mention_of_token(index)
    if mention is None or mention.type != "organization":
        return False
    words = lexicon(doc.language(doc.tokens[index])).place_prepositions
    return _introduced_by(doc, _phrase_top(doc, mention), words)


def _mentions_under(doc: Document, root: int, holders: RoleHolders | None = None) -> list[int]:
    """Entities named in a phrase (pronouns and "who" stand for theirs)."""
    found: list[int] = []
    for index in _phrase_tokens(doc, root):
        if _located(doc, index):
            continue
        antecedent = _antecedent(doc, index)
        if antecedent is not None:
            found.extend(e for e in _mentions_under(doc, antecedent, holders) if e not in found)
            continue
        entity = _entity_of(doc, index, holders=holders)
        if entity is not None and entity not in found:
            found.append(entity)
    return found


def _participants(doc: Document, trigger: Trigger, own: list[int], holders: RoleHolders) -> list[int]:
    """For a verb, those of its clause; for a noun, its `own` and those of the verb it hangs on."""
    head = doc.tokens[trigger.head]
    verb = clause_verb(doc, trigger.head)
    found: list[int] = []
    if _is_verb(head):
        found.extend(_clause_entities(doc, verb, holders))
    else:
        found.extend(own)
        found.extend(_noun_subject(doc, trigger, verb, holders))
    borrows = _is_verb(head) or doc.tokens[verb].lemma.lower() in lexicon(trigger.language).support_verbs
    if borrows and not any(doc.entities[e].type == "person" for e in found) and not _subjects(doc, verb):
        for parent in _clause_chain(doc, verb)[1:]:
            subjects = _subjects(doc, parent)
            if subjects:
                found.extend(e for s in subjects for e in _mentions_under(doc, s, holders))
                break
    return list(dict.fromkeys(e for e in found if doc.entities[e].type in PARTICIPANT_TYPES))


def _own_participants(doc: Document, trigger: Trigger, holders: RoleHolders) -> list[int]:
    """Those named in the trigger's own phrase, with a possessive the parser left outside it ("Tokayev’s
    meeting" read as two objects of "Regarding")."""
    found = _mentions_under(doc, trigger.head, holders)
    index = trigger.first - 1
    while (
        index > 0 and doc.tokens[index].pos in ("ADJ", "NUM", "NOUN", "PROPN") and doc.mention_of_token(index) is None
    ):
        index -= 1
    if index > 0 and doc.tokens[index].text in ("’s", "'s", "’", "'"):
        owner = _entity_of(doc, index - 1)
        if owner is not None:
            found.insert(0, owner)
    return found


def _clause_entities(doc: Document, verb: int, holders: RoleHolders) -> list[int]:
    """Those named in a verb's clause, and countries as its subject ("Russia and Kazakhstan signed")."""
    found = _mentions_under(doc, verb, holders)
    for subject in _subjects(doc, verb):
        country = _entity_of(doc, subject, ("place",))
        if country is not None:
            found.append(country)
    return found


def _noun_subject(doc: Document, trigger: Trigger, verb: int, holders: RoleHolders) -> list[int]:
    """The subject of the verb a trigger noun hangs on: "Tasmagambetov said … during a press conference";
    when the noun is the verb's object, also those the verb takes "with" or "to": "he presented his
    credentials to Vladimir Putin"."""
    if verb == trigger.head or not _is_verb(doc.tokens[verb]):
        return []
    lex = lexicon(trigger.language)
    path: list[int] = []
    index = trigger.head
    while index != verb and len(path) < MAX_CLIMB:
        path.append(index)
        index = doc.tokens[index].head
    deps = [doc.tokens[k].dep for k in path]
    if any(dep in SUBJECT_DEPS or dep == "poss" for dep in deps):
        return []
    supported = deps[0] in OBJECT_DEPS and doc.tokens[verb].lemma.lower() in lex.support_verbs
    if not supported and not _at_occasion(doc, path, lex):
        return []
    found = [e for s in _subjects(doc, verb) for e in _mentions_under(doc, s, holders)]
    if supported:
        for child in doc.children.get(verb, []):
            if child != trigger.head and _introduced_by(doc, child, lex.partner_prepositions):
                found.extend(_mentions_under(doc, child, holders))
    return found


def _at_occasion(doc: Document, path: list[int], lex: Lexicon) -> bool:
    """Does the noun's path to its verb pass an occasion word ("during", "at", «в ходе»)?"""
    for index in path:
        token = doc.tokens[index]
        if token.pos == "ADP" and token.text.lower() in lex.occasion_words:
            return True
        if index != path[0] and token.text.lower() in lex.occasion_words:
            return True
        if any(
            doc.tokens[k].dep == "case" and doc.tokens[k].text.lower() in lex.occasion_words
            for k in doc.children.get(index, [])
        ):
            return True
    return False


def _introduced_by(doc: Document, index: int, words: frozenset[str]) -> bool:
    """Is the phrase at `index` introduced by one of these prepositions ("to X" in English, «с X» in Russian)?"""
    token = doc.tokens[index]
    if token.pos == "ADP":
        return token.text.lower() in words
    return any(doc.tokens[k].dep == "case" and doc.tokens[k].text.lower() in words for k in doc.children.get(index, []))


# filters ----------------------------------------------------------------------------------------


def _denied(doc: Document, trigger: Trigger) -> bool:
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
    index = trigger.head
    for _ in range(3):
        head = doc.tokens[index].head
        if head == index:
            break
        if doc.tokens[head].lemma.lower() in lex.hypothetical and doc.tokens[head].pos in ("NOUN", "VERB", "ADJ"):
            return True
        index = head
    return False


def _generic_plural(doc: Document, trigger: Trigger, own: list[int]) -> bool:
    """ "summit meetings", "the first two snap elections": events in general, not one event."""
    token = doc.tokens[trigger.head]
    if trigger.language != "en" or token.pos != "NOUN" or own:
        return False
    word = token.text.lower()
    return word != token.lemma.lower() and word not in lexicon("en").plural_triggers


# dates and places --------------------------------------------------------------------------------


@dataclass
class DateSite:
    expr: TimeExpr
    clause: int  # the clause verb the expression is attached to
    governor: int  # the word it is attached to


class DateSites:
    """The document's dated expressions in text order, found by offset."""

    def __init__(self, sites: list[DateSite]) -> None:
        self.sites = sites
        self.starts = [s.expr.start for s in sites]

    def between(self, start: int, end: int) -> list[DateSite]:
        return self.sites[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]


def _date_sites(doc: Document, anchor: str | None) -> list[DateSite]:
    sites = []
    for expr in find_dates(doc.text, 0, len(doc.text), anchor):
        if expr.value is None or expr.parts.kind == "elapsed" or _in_citation(doc.text, expr.start):
            continue
        first, last = doc.token_at(expr.start), doc.token_at(max(expr.start, expr.end - 1))
        top = _span_head(doc, first, last)
        governor = doc.tokens[top].head
        if doc.tokens[governor].pos == "ADP" and doc.tokens[governor].head != governor:
            governor = doc.tokens[governor].head
        sites.append(DateSite(expr, clause_verb(doc, governor), governor))
    return sites


def _in_citation(text: str, offset: int) -> bool:
    """Inside parentheses that open in the same line: "(see EDM, March 27)", "(Akorda.kz, April 9)"."""
    line_start = text.rfind("\n", 0, offset) + 1
    opening = text.rfind("(", line_start, offset)
    return opening != -1 and text.find(")", opening, offset) == -1


def _clauses_above(doc: Document, verb: int) -> set[int]:
    """The clauses a clause is part of, up to the sentence's main verb."""
    found = set()
    for _ in range(MAX_CLIMB):
        head = doc.tokens[verb].head
        if head == verb:
            break
        verb = clause_verb(doc, head)
        found.add(verb)
    return found


def _in_sequence(doc: Document, trigger: Trigger) -> bool:
    """Is the trigger noun introduced by "after", "before", «после»: another time than its clause's?"""
    words = lexicon(trigger.language).sequence_words
    head = doc.tokens[trigger.head].head
    return _introduced_by(doc, head, words) or _introduced_by(doc, trigger.head, words)


def _event_date(doc: Document, trigger: Trigger, sites: DateSites, taken: set[int]) -> TimeExpr | None:
    sentence = sentence_of(doc, trigger.head)
    near = sites.between(sentence.start, sentence.end)
    if not near:
        return None
    position = doc.tokens[trigger.head].start
    own = set(_subtree(doc, trigger.head, limit=40)) if not _is_verb(doc.tokens[trigger.head]) else set()
    if own and _in_sequence(doc, trigger):
        attached = [s for s in near if s.governor in own]
        return min(attached, key=lambda s: abs(s.expr.start - position)).expr if attached else None
    for clause in _clause_chain(doc, clause_verb(doc, trigger.head)):
        attached = [s for s in near if s.clause == clause or s.governor in own]
        if attached:  # a date before "5 days later", which only restates the gap
            return min(attached, key=lambda s: (s.expr.parts.kind == "offset", abs(s.expr.start - position))).expr
        own = set()
    above = _clauses_above(doc, clause_verb(doc, trigger.head))
    free = [s for s in near if s.clause in above and s.clause not in taken]
    if free:
        return min(free, key=lambda s: abs(s.expr.start - position)).expr
    return None


def _phrase_top(doc: Document, mention: Mention) -> int:
    """The token of a mention whose head lies outside it, or the preposition it hangs on ("to" in "to Moscow")."""
    first, last = doc.token_at(mention.start), doc.token_at(max(mention.start, mention.end - 1))
    top = _span_head(doc, first, last)
    head = doc.tokens[top].head
    return head if doc.tokens[head].pos == "ADP" else top


def _under_role(doc: Document, index: int, stop: int) -> bool:
    """Is the phrase part of an office ("ambassador of Kazakhstan to China"), not where the event was?"""
    for _ in range(MAX_CLIMB):
        head = doc.tokens[index].head
        if head in (index, stop):
            return False
        token = doc.tokens[head]
        language = doc.language(token)
        if (doc.word(token, language),) in role_words(language):
            return True
        index = head
    return False


def _place(doc: Document, trigger: Trigger, verb: int) -> Mention | None:
    lex = lexicon(trigger.language)
    words = lex.place_prepositions | (lex.destination_prepositions if trigger.type == "visit" else frozenset())
    scopes = [_subtree(doc, trigger.head, limit=40, stop=CLAUSE_DEPS)]
    if verb != trigger.head:
        scopes.append(_clause_tokens(doc, verb))
    for scope in scopes:
        for index in scope:
            mention = doc.mention_of_token(index)
            if mention is None or mention.type == "person" or doc.tokens[index].start != mention.start:
                continue
            top = _phrase_top(doc, mention)
            if _introduced_by(doc, top, words) and not _under_role(doc, top, trigger.head):
                return mention
    return None


# assembly ---------------------------------------------------------------------------------------


def extract_events(
    parsed: Parsed, entities: list[LocalEntity], anchor: str | None = None, positions: list[Position] | None = None
) -> list[Event]:
    doc = Document(parsed, entities)
    if not doc.tokens:
        return []
    holders = RoleHolders(positions or [])
    triggers = [t for t in find_triggers(doc) if not _denied(doc, t)]
    taken = {clause_verb(doc, t.head) for t in triggers}
    sites = DateSites(sorted(_date_sites(doc, anchor), key=lambda s: s.expr.start))
    found: list[Found] = []
    for trigger in triggers:
        own = [] if _is_verb(doc.tokens[trigger.head]) else _own_participants(doc, trigger, holders)
        if _generic_plural(doc, trigger, own):
            continue
        participants = _participants(doc, trigger, own, holders)
        named = [e for e in participants if doc.entities[e].type == "person"]
        if not participants or (trigger.needs_two and len(named) < 2):
            continue
        verb = clause_verb(doc, trigger.head)
        found.append(Found(trigger, participants, _event_date(doc, trigger, sites, taken), _place(doc, trigger, verb)))
    _date_within_visits(found)
    return _merge([_event(doc, item) for item in found], {e.index for e in entities if e.type == "person"})


def _date_within_visits(found: list[Found]) -> None:
    """An undated meeting takes the date of the latest dated visit before it by one of its participants."""
    within = groups()["within_visits"]
    for number, item in enumerate(found):
        if item.date is not None or item.trigger.type not in within:
            continue
        for earlier in reversed(found[:number]):
            shared = set(earlier.participants) & set(item.participants)
            if earlier.trigger.type == "visit" and earlier.date is not None and shared:
                item.date = earlier.date
                break


def _event(doc: Document, item: Found) -> Event:
    trigger = item.trigger
    sentence = sentence_of(doc, trigger.head)
    start, end = doc.tokens[trigger.first].start, doc.tokens[trigger.last].end
    place = item.place
    return Event(
        type=trigger.type,
        participants=item.participants,
        trigger=doc.text[start:end],
        trigger_start=start,
        trigger_end=end,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        date=item.date.value if item.date is not None else None,
        place=place.cluster if place is not None else None,
        place_text=doc.entities[place.cluster].name if place is not None else None,
        confidence=0.75 if _is_verb(doc.tokens[trigger.head]) else 0.65,
    )


def _merge(events: list[Event], persons: set[int]) -> list[Event]:
    """One event per type, overlapping participants and agreeing dates: the visit named five times is one."""
    merged: list[Event] = []
    for event in events:
        same = next((m for m in merged if _same_event(m, event, persons)), None)
        if same is None:
            merged.append(event)
            continue
        same.participants = list(dict.fromkeys([*same.participants, *event.participants]))
        if event.date and (not same.date or len(event.date) > len(same.date)):
            same.date = event.date
        if same.place is None and event.place is not None:
            same.place, same.place_text = event.place, event.place_text
        same.confidence = max(same.confidence, event.confidence)
    return merged


def _same_event(a: Event, b: Event, persons: set[int]) -> bool:
    """Same type, agreeing dates, and the same people: for a meeting or an agreement all of one's among the
    other's; for an event of one principal (a visit, credentials, an address), one person in common."""
    if a.type != b.type:
        return False
    pa, pb = set(a.participants), set(b.participants)
    shared_person = bool(pa & pb & persons) and a.type not in groups()["several_parties"]
    if not (pa <= pb or pb <= pa or shared_person):
        return False
    # places are not compared: "a visit to Moscow" and "the visit to the Russian Federation" are one
    return not (a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)))


# quotes said at an event ------------------------------------------------------------------------


def date_quotes(text: str, quotes: list[Quote], events: list[Event]) -> None:
    """Quotes and the speech events they were said at (a press conference, an address, an interview) date
    each other: a quote with no date of its own, in the paragraph of an event its speaker took part in,
    was said that day; an event known only to the month takes the day a participant's quote in it or in
    the next paragraphs gives ("a week later, during a press conference …" then "he said on December 4")."""
    speech = [e for e in events if e.type in groups()["speech_events"]]
    if not speech or not quotes:
        return
    lines = [m.start() for m in re.finditer("\n", text)]
    quote_paragraph = [bisect.bisect_left(lines, q.start) for q in quotes]
    for event in speech:
        if not event.date or len(event.date) >= 10:
            continue
        paragraph = bisect.bisect_left(lines, event.trigger_start)
        for quote, where in zip(quotes, quote_paragraph, strict=True):
            if (
                quote.said_on
                and len(quote.said_on) == 10
                and quote.said_on.startswith(event.date)
                and quote.speaker in event.participants
                and paragraph <= where <= paragraph + FOLLOWING_PARAGRAPHS
            ):
                event.date = quote.said_on
                break
    event_paragraph = [bisect.bisect_left(lines, e.trigger_start) for e in speech]
    for quote, where in zip(quotes, quote_paragraph, strict=True):
        if quote.said_on is not None or quote.speaker is None:
            continue
        for event, paragraph in zip(speech, event_paragraph, strict=True):
            if event.date is not None and quote.speaker in event.participants and paragraph == where:
                quote.said_on = event.date
                break


def date_positions(positions: list[Position], events: list[Event]) -> None:
    """An office the text shows being taken ("X, who assumed office on March 20", "X was appointed … by the
    decree of January 29, 2020") starts on the date of that appointment, told in the same sentence."""
    for position in positions:
        if position.start is not None:
            continue
        for event in events:
            if (
                event.type == "appointment"
                and event.date
                and event.participants[:1] == [position.person]  # the one appointed, not who appointed
                and event.sentence_start == position.sentence_start
            ):
                position.start = event.date
                break
