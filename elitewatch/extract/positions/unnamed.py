"""Role nouns without a name beside them («…, — сказал глава государства», «мэра Москвы лично», "the
president signed"): the office is that of the one person the document says holds it, named elsewhere with
the same office («президент Франции прибыл …» after «президент Николя Саркози»). The phrase completes what
the named record left out (the organization, the country), and adds no record of its own: a role noun may
stand for someone else of the same office (a predecessor, a counterpart). With no holder, or two, nothing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from elitewatch.extract.document import DocumentIndex, dominant, referent, sentence_first, sentence_of
from elitewatch.extract.entities.inflection import dictionary_gender
from elitewatch.extract.positions.found import Found
from elitewatch.extract.positions.grammar import plural
from elitewatch.extract.positions.lexicon import lexicon
from elitewatch.extract.positions.phrases import Phrase, head_noun
from elitewatch.extract.positions.predicates import role_at
from elitewatch.extract.pronouns import FEMALE, MALE, given_name_gender
from elitewatch.model import Position
from elitewatch.vocabulary.offices import office_head


def unnamed_roles(doc: DocumentIndex, found: list[Found], positions: list[Position]) -> list[Found]:
    """The role phrases no construction gave to a name, each given to the one holder of its office. (Giving
    the role noun a subject stands as to the paragraph's person, «Политик самоизолировался», was tried: on
    NEREL dev F1 +0.003, on factRuEval -0.009, four in ten right; left out.)"""
    holders: dict[str, set[int]] = {}
    for position in positions:
        holders.setdefault(office_head(position.role), set()).add(position.person)
    extra: list[Found] = []
    for phrase in _free_phrases(doc, found):
        text = doc.text[doc.tokens[phrase.first].start : doc.tokens[phrase.head_end].end]
        people = holders.get(office_head(text), set())
        if len(people) == 1 and not _names_around(doc, phrase.first, phrase.last):
            extra.append(Found(next(iter(people)), phrase, "unnamed"))
    return extra


def _free_phrases(doc: DocumentIndex, found: list[Found]) -> Iterator[Phrase]:
    """The role phrases outside every construction's phrase and every name, in text order."""
    covered = {k for item in found for k in range(item.phrase.first, item.phrase.last + 1)}
    index = 0
    while index < len(doc.tokens):
        phrase = None if index in covered or doc.mention_of_token(index) is not None else _free_role(doc, index)
        if phrase is None:
            index += 1
            continue
        index = phrase.last + 1
        yield phrase


def continued_roles(doc: DocumentIndex, found: list[Found], positions: list[Position]) -> list[Found]:
    """«Дмитрий Медведев воздержится от поездки. Однако глава России всё же побывал …», «Беньямин Нетаньяху
    отказался … . Премьер-министр Израиля заявил …»: an office one person holds at a time (a president, a prime
    minister), no one in the document named with it, as the subject of a sentence whose previous sentence
    names one person only, as its subject, and none before it in its own: the office is that person's."""
    named = {office_head(position.role) for position in positions}
    covered = {k for item in found for k in range(item.phrase.first, item.phrase.last + 1)}
    extra: list[Found] = []
    for index, token in enumerate(doc.tokens):
        if index in covered or not token.dep.startswith("nsubj") or doc.mention_of_token(index) is not None:
            continue
        phrase = _free_role(doc, index)
        if phrase is None:
            continue
        head = office_head(doc.text[doc.tokens[phrase.first].start : doc.tokens[phrase.head_end].end])
        if head in named or head not in _single_holder_heads() or _names_around(doc, phrase.first, phrase.last):
            continue
        person = _previous_subject(doc, phrase.first)
        if person is not None:
            extra.append(Found(person, phrase, "unnamed"))
            covered.update(range(phrase.first, phrase.last + 1))
    return extra


def salient_roles(doc: DocumentIndex, found: list[Found]) -> list[Found]:
    """«Премьер-министр Израиля заявил …», «замечания в адрес мэра Москвы лично», «визит российского
    президента»: an office that leads a place or body (data: leading_offices), singular, not ended, in a
    sentence that names no person: the person the text is about then, the subject of the sentence before
    (its main clause), else the person the document names most often (twice as often as anyone else);
    named twice at least.
    `held_by_another` then keeps only those whose place or body is named and no one else holds there."""
    counts = Counter(m.cluster for m in doc.mentions if m.type == "person")
    extra: list[Found] = []
    for phrase in _free_phrases(doc, found):
        head = office_head(" ".join(doc.tokens[k].lemma for k in range(phrase.first, phrase.head_end + 1)))
        language = doc.tokens[phrase.head_end].language
        if phrase.ended or head not in _leading_heads(language) or _sentence_names_someone(doc, phrase.first):
            continue
        if not _ends_with_its_body(doc, phrase):
            continue
        person = _main_subject_before(doc, phrase.first) or dominant(counts, at_least=2)
        if person is not None and counts[person] >= 2:
            extra.append(Found(person, phrase, "salient"))
    return extra


def held_by_another(position: Position, positions: list[Position]) -> bool:
    """Is a salient role's office, at its place or body, someone else's in the document, or does its person
    lead another place or body there? (Then the role noun is someone else's.) One with no place is dropped."""
    if position.org is None and position.org_text is None:
        return True
    head = office_head(position.role)
    for other in positions:
        same_org = (other.org, other.org_text) == (position.org, position.org_text) or (
            other.org is not None and other.org == position.org
        )
        if other.person != position.person and same_org and office_head(other.role) == head:
            return True
        if other.person != position.person or office_head(other.role) not in _leading_heads(None):
            continue
        if (other.org is not None or other.org_text is not None) and not same_org:
            return True  # the mayor of one city is not the mayor of another
        if not _compatible(head, office_head(other.role)):
            return True  # a prime minister is not the country's president
    return False


def _ends_with_its_body(doc: DocumentIndex, phrase: Phrase) -> bool:
    """The phrase is the office and what it leads, nothing after: its last word the head noun («российского
    президента»), the end of a named place or body («мэра Москвы», not «мэра Москвы в природе») or a generic
    noun of one («глава республики»)."""
    if phrase.last == phrase.head_end:
        return True
    leading = _leading_heads(doc.tokens[phrase.head_end].language)
    if any(office_head(doc.tokens[k].lemma) in leading for k in range(phrase.head_end + 1, phrase.last + 1)):
        return False  # «премьер-министр пресс-служба президента Украины»: two offices run together
    last = doc.tokens[phrase.last]
    if last.lemma in lexicon(last.language).generic_orgs:
        return True  # «глава республики»: the republic the text has named
    mention = doc.mention_of_token(phrase.last)
    return mention is not None and mention.type in ("organization", "place") and last.end == mention.end


def _compatible(head: str, other: str) -> bool:
    """Two leading offices one person may hold at once: the same, or one of them a head of the thing itself
    («глава России» and «президент России»)."""
    return head == other or any(h.split()[0] in _GENERAL_HEADS for h in (head, other))


_GENERAL_HEADS = frozenset({"head", "глава"})


def _sentence_names_someone(doc: DocumentIndex, index: int) -> bool:
    sentence = sentence_of(doc, index)
    return bool(doc.mention_in(sentence.start, sentence.end, ("person",)))


def _main_subject_before(doc: DocumentIndex, index: int) -> int | None:
    """The person the sentence before token `index`'s names as the subject of its main verb."""
    first = sentence_first(doc, index)
    if first == 0:
        return None
    previous = doc.tokens[first - 1].sent
    k = first - 1
    while k >= 0 and doc.tokens[k].sent == previous:
        token = doc.tokens[k]
        root = doc.tokens[token.head]
        if token.dep.startswith("nsubj") and root.head == root.i and (mention := doc.mention_of_token(k)) is not None:
            return mention.cluster if mention.type == "person" else None
        k -= 1
    return None


@cache
def _leading_heads(language: str | None) -> frozenset[str]:
    """The leading offices of a language (None: of every language, for a record's office whatever its words)."""
    languages = ("en", "ru") if language is None else (language,)
    return frozenset(office_head(office) for code in languages for office in lexicon(code).leading_offices)


# «44-летний», «31-летнего», «18-летняя»: a person's age in one word, singular, with the gender its ending shows
AGED = re.compile(r"^\d+-летн(?:(ий|его|ему|ем)|(яя|юю)|(им|ей))$")


def described_roles(doc: DocumentIndex, found: list[Found]) -> list[Found]:
    """«На Альпах 44-летний спортсмен упал …», «продлить аренду 31-летнего футболиста»: a role noun that the
    person's age describes, with no name beside it, is a person the text has named (a stranger gets a name or
    an article: «один 40-летний мужчина»): the one its paragraph names last as a subject, else last, else the
    one the document is most about, when the gender the age word shows is the name's."""
    covered = {k for item in found for k in range(item.phrase.first, item.phrase.last + 1)}
    extra: list[Found] = []
    for index, token in enumerate(doc.tokens[:-1]):
        aged = AGED.match(token.text.lower())
        if aged is None or index in covered or doc.language(token) != "ru":
            continue
        phrase = _free_role(doc, index + 1)
        if phrase is None or _names_around(doc, min(index, phrase.first), phrase.last) or index + 1 in covered:
            continue
        person = referent(doc, token)
        if person is None or person.type != "person" or not _gender_fits(doc, person.cluster, aged):
            continue
        role = Phrase(max(phrase.first, index + 1), phrase.head_end, phrase.last, phrase.ended)  # the age is no role
        extra.append(Found(person.cluster, role, "described"))
    return extra


def _gender_fits(doc: DocumentIndex, person: int, aged: re.Match[str]) -> bool:
    """The age word's ending against the gender the person's given name shows («-летнего»: a man;
    «-летним», «-летней»: either, by case)."""
    shown = MALE if aged.group(1) else FEMALE if aged.group(2) else None
    name = doc.entities[person].name
    named = given_name_gender(name) or (dictionary_gender(name.split()[0]) if " " in name else None)
    return shown is None or named is None or shown == named


@cache
def _single_holder_heads() -> frozenset[str]:
    return frozenset(office_head(office) for language in ("en", "ru") for office in lexicon(language).single_holder)


def _previous_subject(doc: DocumentIndex, first: int) -> int | None:
    """The one person the sentence before token `first`'s names, when it is that sentence's subject and no
    person is named in this sentence before the token."""
    start = sentence_first(doc, first)
    if start == 0 or any(_person_at(doc, k) is not None for k in range(start, first)):
        return None
    previous = doc.tokens[start - 1].sent
    people = set()
    subject = None
    index = start - 1
    while index >= 0 and doc.tokens[index].sent == previous:
        mention = doc.mention_of_token(index)
        if mention is not None and mention.type == "person":
            people.add(mention.cluster)
            if doc.is_subject(mention):
                subject = mention.cluster
        index -= 1
    return subject if len(people) == 1 else None


def _person_at(doc: DocumentIndex, index: int) -> int | None:
    mention = doc.mention_of_token(index)
    return mention.cluster if mention is not None and mention.type == "person" else None


def _free_role(doc: DocumentIndex, index: int) -> Phrase | None:
    token = doc.tokens[index]
    if token.pos != "NOUN" or plural(token, doc):
        return None  # «оба президента», "presidents": no one person
    phrase = role_at(doc, index, token.language)
    if phrase is None or head_noun(doc, phrase.first, phrase.head_end) != index:
        return None
    return phrase


def _names_around(doc: DocumentIndex, first: int, last: int) -> bool:
    """A person named right before or after the phrase: the constructions' business, not an unnamed role."""
    for index in (first - 1, last + 1):
        if 0 <= index < len(doc.tokens):
            mention = doc.mention_of_token(index)
            if mention is not None and mention.type == "person":
                return True
    return False


def complete_offices(positions: list[Position], unnamed: list[Position]) -> None:
    """The organization an unnamed role names, given to its holder's record of the office that has none."""
    for extra in unnamed:
        if extra.org is None and extra.org_text is None:
            continue
        for position in positions:
            same = position.person == extra.person and office_head(position.role) == office_head(extra.role)
            if same and position.org is None and position.org_text is None:
                position.org, position.org_text = extra.org, extra.org_text
                break
