"""Who took part: the people and organizations of a trigger's clause or phrase, the subject of the verb a
noun hangs on, and who a pronoun, a relative "who" or a role named without a name ("the Kazakh
President") stands for."""

from __future__ import annotations

from elitewatch.extract.document import DocumentIndex, referent
from elitewatch.extract.events.lexicon import Lexicon, groups, lexicon
from elitewatch.extract.events.syntax import (
    CLAUSE_DEPS,
    MAX_CLIMB,
    OBJECT_DEPS,
    SUBJECT_DEPS,
    clause_chain,
    clause_verb,
    introduced_by,
    is_verb,
    opens_clause,
    phrase_top,
    span_head,
    subjects_of,
    subtree,
)
from elitewatch.extract.events.triggers import Trigger
from elitewatch.extract.pronouns import given_name_gender, pronoun_gender
from elitewatch.model import Mention, Position, Token
from elitewatch.vocabulary.countries import country_of, demonym
from elitewatch.vocabulary.offices import office_head, role_words

PARTICIPANT_TYPES = ("person", "organization")


class RoleHolders:
    """ "the Kazakh President", «глава МИД»: a role named without a name stands for the one person the
    document shows in that office (from its positions), when there is exactly one."""

    def __init__(self, positions: list[Position]) -> None:
        self.by_office: dict[str, list[Position]] = {}
        # the words of offices stated before or after a name ("CSTO Secretary General X", "X, director of Y")
        self.spans = sorted(
            (p.evidence_start, p.evidence_end) for p in positions if p.pattern in ("title", "apposition")
        )
        for position in positions:
            if not position.ended:
                self.by_office.setdefault(office_head(position.role), []).append(position)

    def in_office_words(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.spans)

    def holder(self, doc: DocumentIndex, index: int, country: str | None = None) -> int | None:
        """The holder of the role the noun at `index` names, of `country` or of the country in its phrase."""
        token = doc.tokens[index]
        language = doc.language(token)
        word = doc.word(token, language)
        if (word,) not in role_words(language):
            word = token.lemma.lower()  # "the presidents of Russia and Serbia"
        leader = _leader_noun(doc, index)
        if leader:
            offices = lexicon(language).leader_offices
            candidates = [p for heads, found in self.by_office.items() if heads in offices for p in found]
        elif (word,) in role_words(language):
            candidates = self.by_office.get(office_head(word), [])
        else:
            return None
        country = country or self._country_in_phrase(doc, index)
        if country is not None:
            candidates = [p for p in candidates if country_of(p.org_text) == country]
        people = {p.person for p in candidates}
        return people.pop() if len(people) == 1 else None

    @staticmethod
    def _country_in_phrase(doc: DocumentIndex, index: int) -> str | None:
        for k in subtree(doc, index, limit=12, stop=CLAUSE_DEPS):
            mention = doc.mention_of_token(k)
            if mention is not None and mention.type == "place":
                return country_of(doc.entities[mention.cluster].name)
            country = demonym(doc.tokens[k].text, doc.tokens[k].lemma)
            if country:
                return country_of(country)
        return None


def _holder_for_country(doc: DocumentIndex, index: int, holders: RoleHolders) -> int | None:
    """One of countries coordinated after a role noun («президенты России и Сербии обсудили», "the presidents of
    Russia and Serbia"): the one the document shows in that office of that country. Only in a coordination, so
    that «посол России в Казахстане» stays one person."""
    token = doc.tokens[index]
    top = index
    while doc.tokens[top].dep == "conj" and doc.tokens[top].head != top:
        top = doc.tokens[top].head
    coordinated = top != index or any(doc.tokens[k].dep == "conj" for k in doc.children.get(index, []))
    role = doc.tokens[top].head
    if doc.tokens[role].pos == "ADP" and doc.tokens[role].head != role:  # English: "of" heads the country
        role = doc.tokens[role].head
    if not coordinated or role == top or doc.tokens[role].pos != "NOUN" or token.dep not in ("nmod", "conj", "pobj"):
        return None
    place = doc.mention_of_token(index)
    return holders.holder(doc, role, country_of(doc.entities[place.cluster].name)) if place is not None else None


def _leader_noun(doc: DocumentIndex, index: int) -> bool:
    """Does the noun name whoever leads a country («лидер», «глава государства»), not of a party or a firm
    («лидер партии»: a noun after it other than a country's)?"""
    token = doc.tokens[index]
    lex = lexicon(doc.language(token))
    word = doc.word(token, doc.language(token))
    after = [k for k in doc.children.get(index, []) if k > index and doc.tokens[k].dep in ("nmod", "pobj", "prep")]
    for k in after:
        if any(f"{word} {form}" in lex.leader_nouns for form in (doc.tokens[k].text.lower(), doc.tokens[k].lemma)):
            return True  # «глава государства», as written
    if word not in lex.leader_nouns:
        return False
    # «лидер Казахстана» leads a country; «лидер партии» does not
    return all(_names_a_place(doc, k) for k in after)


def _names_a_place(doc: DocumentIndex, index: int) -> bool:
    mention = doc.mention_of_token(index)
    return mention is not None and mention.type == "place"


def _entity_of(
    doc: DocumentIndex, index: int, types: tuple[str, ...] = PARTICIPANT_TYPES, holders: RoleHolders | None = None
) -> int | None:
    """The entity a token names, or stands for (a pronoun, a relative "who", "the Kazakh President")."""
    token = doc.tokens[index]
    mention = doc.mention_of_token(index)
    lex = lexicon(doc.language(token))
    if mention is not None:
        sent_by = index > 0 and doc.tokens[index - 1].lemma.lower() in lex.delegation_words  # «делегацией Китая»
        if mention.type in types or (sent_by and "person" in types):
            return mention.cluster
        if mention.type == "place" and holders is not None and "person" in types:
            return _holder_for_country(doc, index, holders)
        return None
    if token.pos == "PRON" and token.text.lower() in lex.personal_pronouns:
        bound = _bound_subject(doc, index) if token.dep == "poss" else None
        if bound is not None:  # "X presented his credentials": his is X
            return bound
        person = referent(doc, token, topic=False) or _previous_subject(doc, token)
        taken = token.dep in OBJECT_DEPS or introduced_by(doc, index, lex.companion_prepositions)
        if person is not None and taken and person.cluster in _clause_subjects(doc, index):
            person = _other_referent(doc, token, person.cluster)  # «Обама принял его», «встречи с ним»
        return person.cluster if person is not None and "person" in types else None
    if holders is not None and token.pos in ("NOUN", "PROPN") and "person" in types and not _predicative(doc, index):
        if holders.in_office_words(token.start):
            return None  # «помощник министра Сергея Лаврова Андрей Иванов»: a title's word, its name beside it
        return holders.holder(doc, index)
    return None


def _clause_subjects(doc: DocumentIndex, index: int) -> set[int]:
    """The people named as the subject of the clause a word belongs to."""
    verb = clause_verb(doc, index)
    return {
        mention.cluster
        for subject in subjects_of(doc, verb)
        for k in subtree(doc, subject, limit=12, stop=CLAUSE_DEPS)
        if (mention := doc.mention_of_token(k)) is not None and mention.type == "person"
    }


def _other_referent(doc: DocumentIndex, pronoun: Token, subject: int) -> Mention | None:
    """An object pronoun, or the one met, is not its own clause's subject («Обама принял его»: not Obama;
    «Манзарек основал группу с Моррисоном после встречи с ним»: not Manzarek): the nearest other person of its
    paragraph named before it."""
    paragraph_start = doc.text.rfind("\n", 0, pronoun.start) + 1
    before = doc.mention_in(paragraph_start, pronoun.start, ("person",))
    return next((m for m in reversed(before) if m.cluster != subject), None)


def _previous_subject(doc: DocumentIndex, pronoun: Token) -> Mention | None:
    """A subject pronoun opening its paragraph stands for the person who is the subject nearest the end of the
    paragraph before (texts of a sentence a line: «В 2010 году Стивен переехал в Лондон.» / «Там он встречался с
    X»), when their gender does not disagree; a pronoun that is no subject may be anyone's named before."""
    if pronoun.dep not in SUBJECT_DEPS:
        return None
    before = doc.text[: doc.text.rfind("\n", 0, pronoun.start) + 1].rstrip()  # up to the paragraph's start
    if not before:
        return None
    gender = pronoun_gender(pronoun.text)
    for mention in reversed(doc.mention_in(before.rfind("\n") + 1, len(before), ("person",))):
        if not _names_subject(doc, mention):
            continue
        named = given_name_gender(doc.entities[mention.cluster].name)
        return mention if gender is None or named is None or named == gender else None
    return None


def _names_subject(doc: DocumentIndex, mention: Mention) -> bool:
    """Is the mention its clause's subject, or the name of one («губернатор Иван Сидоров переехал»)?"""
    if doc.is_subject(mention):
        return True
    top = doc.tokens[span_head(doc, doc.token_at(mention.start), doc.token_at(max(mention.start, mention.end - 1)))]
    return top.dep == "appos" and doc.tokens[top.head].dep in SUBJECT_DEPS


def _predicative(doc: DocumentIndex, index: int) -> bool:
    """ "resigning as President", "became president": the role is said of someone, it names no one."""
    token = doc.tokens[index]
    if token.dep in ("attr", "oprd", "appos", "compound", "xcomp"):
        return True
    introduced = [doc.tokens[token.head], *(doc.tokens[k] for k in doc.children.get(index, []))]
    words = lexicon(doc.language(token)).predicative_words
    return any(t.text.lower() in words for t in introduced)


def _bound_subject(doc: DocumentIndex, index: int) -> int | None:
    """The person who is the subject of a possessive's clause, or of the clause it depends on."""
    for verb in clause_chain(doc, clause_verb(doc, index)):
        subjects = subjects_of(doc, verb)
        if not subjects:
            continue
        for subject in subjects:
            if subject == index or doc.tokens[subject].pos == "PRON":
                return None
            for k in subtree(doc, subject, limit=40, stop=CLAUSE_DEPS | {"conj"}):
                mention = doc.mention_of_token(k)
                if mention is not None and mention.type == "person" and doc.tokens[k].dep != "poss":
                    return mention.cluster
        return None
    return None


def _antecedent(doc: DocumentIndex, index: int) -> int | None:
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


def _phrase_tokens(doc: DocumentIndex, root: int) -> list[int]:
    """The words of a phrase or clause that may name its participants: not those of another clause, of a
    possessive of another noun ("Dauren Abayev’s predecessor", «с семьёй Нельсона Манделы»), after
    "after"/"before" (another event), or after "about" (what was talked of: «беседовал с X о Сноудене»)."""
    result: list[int] = []
    stack = [root]
    while stack and len(result) < 80:
        index = stack.pop()
        result.append(index)
        for child in doc.children.get(index, []):
            token = doc.tokens[child]
            lex = lexicon(doc.language(token))
            if opens_clause(token, CLAUSE_DEPS):
                continue
            if token.dep == "poss" and index != root and doc.mention_of_token(index) is None:
                continue
            if index != root and _genitive_person(doc, child):
                continue
            if token.dep in ("prep", "case") and token.text.lower() in lex.sequence_words:
                continue
            if _topic(doc, child):
                continue
            stack.append(child)
    return sorted(result)


def _topic(doc: DocumentIndex, index: int) -> bool:
    """Does the phrase at `index` name someone or something talked of ("about Snowden", «о Сноудене»)? Only the
    name right after the word: deeper, a misparse may hang a participant under a phrase about a thing («Газпром
    и группа компаний … подписали соглашение о реализации проекта», «с автором закона о запрете … Милоновым»)."""
    if not introduced_by(doc, index, lexicon(doc.language(doc.tokens[index])).topic_prepositions):
        return False
    named = [index]
    if doc.tokens[index].pos == "ADP":  # English: "about" heads the name
        named = [k for k in doc.children.get(index, []) if doc.tokens[k].dep == "pobj"]
    return any(doc.mention_of_token(k) is not None for k in named)


def _genitive_person(doc: DocumentIndex, index: int) -> bool:
    """A person in the genitive under a noun that names no one itself (Russian: «семьёй Манделы», «помощник
    министра Сергея Лаврова Андрей Иванов»): whose family or aide it is, not someone taking part; a
    delegation's country takes part."""
    token, head = doc.tokens[index], doc.tokens[doc.tokens[index].head]
    if token.case != "Gen" or head.pos != "NOUN" or doc.mention_of_token(head.i) is not None:
        return False
    # a name the parse hangs on the noun as its apposition, though their cases disagree, is its genitive too
    if token.dep != "nmod" and not (token.dep == "appos" and head.case not in ("Gen", "")):
        return False
    if head.lemma.lower() in lexicon(doc.language(head)).delegation_words:
        return False
    mention = doc.mention_of_token(index)
    return mention is not None and mention.type == "person"


def _located(doc: DocumentIndex, index: int) -> bool:
    """An organization named as where something happened ("at a ceremony in the Kremlin") takes no part."""
    mention = doc.mention_of_token(index)
    if mention is None or mention.type != "organization":
        return False
    words = lexicon(doc.language(doc.tokens[index])).place_prepositions
    return introduced_by(doc, phrase_top(doc, mention), words)


def _in_office(doc: DocumentIndex, index: int, root: int) -> bool:
    """An organization or place named in the office someone takes or leaves ("the appointment of X as CSTO
    Secretary General", "resigned as President of Kazakhstan", «назначен в качестве посла России») is the
    office's, not a participant: it hangs from the phrase's root through a predicative "as"."""
    mention = doc.mention_of_token(index)
    if mention is None or mention.type == "person":
        return False
    words = lexicon(doc.language(doc.tokens[index])).predicative_words
    node = index
    for _ in range(12):
        if node == root:
            return False
        if introduced_by(doc, node, words):
            return True
        parent = doc.tokens[node].head
        if parent == node:
            return False
        node = parent
    return False


def _affiliation(doc: DocumentIndex, index: int, holders: RoleHolders | None) -> bool:
    """An organization or place named as part of a person's office or name is theirs, not a participant:
    the words of an office the document gives someone («Генеральный секретарь ОДКБ X прибыл»), or a
    modifier the parse hangs on a person's name ("Kremlin spokesman Dmitry Peskov", a headline run into
    "the Kremlin Dauren Abayev")."""
    mention = doc.mention_of_token(index)
    if mention is None or mention.type == "person":
        return False
    if holders is not None and holders.in_office_words(mention.start):
        return True
    node = span_head(doc, doc.token_at(mention.start), doc.token_at(max(mention.start, mention.end - 1)))
    for _ in range(4):
        token = doc.tokens[node]
        if token.dep != "compound" or token.head == node:
            return False
        node = token.head
        named = doc.mention_of_token(node)
        if named is not None and named.type == "person":
            return True
    return False


def _mentions_under(doc: DocumentIndex, root: int, holders: RoleHolders | None = None) -> list[int]:
    """Entities named in a phrase (pronouns and "who" stand for theirs)."""
    found: list[int] = []
    for index in _phrase_tokens(doc, root):
        if _located(doc, index) or _in_office(doc, index, root) or _affiliation(doc, index, holders):
            continue
        antecedent = _antecedent(doc, index)
        if antecedent is not None:
            found.extend(e for e in _mentions_under(doc, antecedent, holders) if e not in found)
            continue
        entity = _entity_of(doc, index, holders=holders)
        if entity is not None and entity not in found:
            found.append(entity)
    return found


def participants_of(doc: DocumentIndex, trigger: Trigger, own: list[int], holders: RoleHolders) -> list[int]:
    """For a verb, those of its clause; for a noun, its `own` and those of the verb it hangs on."""
    head = doc.tokens[trigger.head]
    verb = clause_verb(doc, trigger.head)
    found: list[int] = []
    if is_verb(head):
        found.extend(_clause_entities(doc, verb, holders))
    else:
        found.extend(own)
        found.extend(_noun_subject(doc, trigger, verb, holders, own))
    borrows = is_verb(head) or doc.tokens[verb].lemma.lower() in lexicon(trigger.language).support_verbs
    # a meeting takes two: «вылетел в Ереван, чтобы провести переговоры с Пашиняном» borrows who flew
    wanted = 2 if trigger.type in groups().two_people else 1
    people = sum(doc.entities[e].type == "person" for e in found)
    if borrows and people < wanted and not subjects_of(doc, verb):
        for parent in _clauses_above(doc, verb):
            subjects = subjects_of(doc, parent)
            if subjects:
                found.extend(e for s in subjects for e in _mentions_under(doc, s, holders))
                break
    kept = (e for e in found if doc.entities[e].type in PARTICIPANT_TYPES or delegation(doc, e, trigger))
    return list(dict.fromkeys(kept))


def _clauses_above(doc: DocumentIndex, verb: int) -> list[int]:
    """The clauses whose subject a subjectless one shares: those it is controlled by ("X came and met Y"), else,
    in a language that leaves out a repeated subject, the clause it complements («Он уточнил, что договорился
    с X»)."""
    above = clause_chain(doc, verb)[1:]
    token = doc.tokens[verb]
    if above or token.head == verb:
        return above
    if token.dep in lexicon(doc.language(token)).subject_sharing_complements:
        return [clause_verb(doc, token.head)]
    return []


def own_participants(doc: DocumentIndex, trigger: Trigger, holders: RoleHolders) -> list[int]:
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


def _clause_entities(doc: DocumentIndex, verb: int, holders: RoleHolders) -> list[int]:
    """Those named in a verb's clause, and countries as its subject ("Russia and Kazakhstan signed")."""
    found = _mentions_under(doc, verb, holders)
    for subject in subjects_of(doc, verb):
        country = _entity_of(doc, subject, ("place",))
        if country is not None:
            found.append(country)
    return found


def _noun_subject(doc: DocumentIndex, trigger: Trigger, verb: int, holders: RoleHolders, own: list[int]) -> list[int]:
    """The subject of the verb a trigger noun hangs on: "Tasmagambetov said … during a press conference", «после
    встречи с X Y заявил» (a meeting naming only the one met: its other party is the subject); when the noun is
    the verb's object, also those the verb takes "with" or "to": "he presented his credentials to Vladimir Putin"."""
    if verb == trigger.head or not is_verb(doc.tokens[verb]):
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
    companion_only = _companion_only(doc, trigger, own)
    if not supported and not _at_occasion(doc, path, lex) and not companion_only:
        return []
    found = [e for s in subjects_of(doc, verb) for e in _mentions_under(doc, s, holders)]
    if supported:
        for child in doc.children.get(verb, []):
            if child != trigger.head and introduced_by(doc, child, lex.partner_prepositions):
                found.extend(_mentions_under(doc, child, holders))
    if companion_only and not any(doc.entities[e].type == "person" for e in found):
        found.extend(_teller(doc, verb, holders))
    return found


def _teller(doc: DocumentIndex, verb: int, holders: RoleHolders) -> list[int]:
    """Who tells of their own talks with someone, in a clause whose subject is no person («Болтон сообщил, что в
    беседе с Самуэльсеном были затронуты вопросы»): the subject of the clause it complements."""
    token = doc.tokens[verb]
    if token.dep != "ccomp" or token.head == verb:
        return []
    above = clause_verb(doc, token.head)
    return [e for s in subjects_of(doc, above) for e in _mentions_under(doc, s, holders)]


def _companion_only(doc: DocumentIndex, trigger: Trigger, own: list[int]) -> bool:
    """A meeting noun that names one party, the one met («встреча с X», "talks with X"), not both."""
    if trigger.type not in groups().two_people or sum(doc.entities[e].type == "person" for e in own) > 1:
        return False
    words = lexicon(trigger.language).companion_prepositions
    return any(introduced_by(doc, child, words) for child in doc.children.get(trigger.head, []))


def _at_occasion(doc: DocumentIndex, path: list[int], lex: Lexicon) -> bool:
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


def delegation(doc: DocumentIndex, entity: int, trigger: Trigger) -> bool:
    """Is the entity named after a delegation noun in the trigger's sentence («с делегацией Китая»)?"""
    lex = lexicon(trigger.language)
    sentence = doc.tokens[trigger.head].sent
    for mention in doc.entities[entity].mentions:
        index = doc.token_at(mention.start)
        if (
            index > 0
            and doc.tokens[index].sent == sentence
            and doc.tokens[index - 1].lemma.lower() in lex.delegation_words
        ):
            return True
    return False
