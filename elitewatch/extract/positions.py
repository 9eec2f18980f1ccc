"""Offices held: who holds (or held) which post, where, and since or until when.

Every person mention is looked at for the constructions that state an office
(the words are data: data/lexicon/positions.yaml):

1. title before the name: "Kazakh President Kassym-Jomart Tokayev", "CSTO Secretary General Imangali
   Tasmagambetov", "the head of the Risk Assessment Group Dosym Satpaev", «мэра Москвы Юрия Лужкова»,
   «депутат …, сопредседатель движения «Солидарность» Михаил Вельмакин» (a list of roles);
2. apposition after it: "Dosym Satpaev, director of the Risk Assessment Group", «Виктор Хренин, министр
   обороны Беларуси», "the appointment of Dauren Abayev as ambassador";
3. a verb of service whose subject (or object) is the person: "X was appointed Ambassador …", "X became
   akim of Atyrau", "X headed the government", «X назначен на должность …», «X возглавлял …»;
4. succession: "X, Y’s predecessor as ambassador" gives X the office, ended when Y's began.

The role is the phrase as written (Russian roles are put in the nominative up to their head noun); the
organization is the first named entity of the phrase (a country for an adjective: Kazakh → Kazakhstan),
the one after "to" first ("Ambassador of Kazakhstan to Russia": Russia). "former", "ex-", "then-" end
the term. Dates: a verb that starts a term takes its sentence's date as the start ("from 1985 to 1991"
gives start and end); otherwise the sentence's date, or the publication date, is when the text shows
the person in the post (`as_of`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from elitewatch.datafiles import fold, gazetteer_index, read_yaml
from elitewatch.extract.document import Document, referent, sentence_of
from elitewatch.model import LocalEntity, Mention, Parsed, Position, Sentence, Token
from elitewatch.temporal import TimeExpr, find_dates
from elitewatch.vocabulary.countries import country_of, demonym
from elitewatch.vocabulary.offices import key_words, office_head, role_words

EXTRACTOR = "positions"
VERSION = "2"

# The longest paragraph read as a caption, whose one date dates all its sentences.
CAPTION_CHARS = 300
CAPTION_TAIL = 6  # what may follow a caption's date: «года», "г.", a footnote number
# How many tokens a role phrase, with its complement, may span.
MAX_PHRASE = 12
COMPLEMENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM", "CCONJ", "X"})  # X: Latin names in Russian
NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "X", "NUM"})
QUOTE_CHARS = "«»“”\"„'’"


@dataclass(frozen=True)
class Lexicon:
    roles: tuple[tuple[str, ...], ...]  # longest first
    by_first: dict[str, tuple[tuple[str, ...], ...]]  # the roles by their first word, longest first
    by_last: dict[str, tuple[tuple[str, ...], ...]]  # and by their last word
    modifiers: frozenset[str]
    ended: frozenset[str]
    joins: frozenset[str]
    complement_stops: frozenset[str]
    org_first: frozenset[str]
    service: frozenset[str]
    starts: frozenset[str]
    leading: dict[str, str]
    succession: dict[str, str]
    appointment_nouns: frozenset[str]
    pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    not_held: frozenset[str]
    candidacy: frozenset[str]
    national: tuple[str, ...]
    single_holder: frozenset[str]
    country_words: frozenset[str]
    birth_words: frozenset[str]
    age_before: frozenset[str]
    age_after: frozenset[str]


@cache
def lexicon(language: str) -> Lexicon:
    data: dict[str, Any] = read_yaml("lexicon/positions.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in data.get(f"{key}_{language}", []))

    roles = role_words(language)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for role in roles:
        by_first.setdefault(role[0], []).append(role)
        by_last.setdefault(role[-1], []).append(role)
    return Lexicon(
        roles=roles,
        by_first={word: tuple(found) for word, found in by_first.items()},
        by_last={word: tuple(found) for word, found in by_last.items()},
        modifiers=words("modifiers"),
        ended=words("ended"),
        joins=words("joins"),
        complement_stops=words("complement_stops"),
        org_first=words("org_first"),
        service=words("service_verbs"),
        starts=words("starts"),
        leading=dict(data.get(f"leading_verbs_{language}", {})),
        succession=dict(data.get(f"succession_{language}", {})),
        appointment_nouns=words("appointment_nouns"),
        pronouns=words("pronouns"),
        object_pronouns=words("object_pronouns"),
        not_held=words("not_held"),
        candidacy=words("candidacy"),
        national=tuple(sorted(words("national_offices"))),
        single_holder=words("single_holder"),
        country_words=words("country_words"),
        birth_words=words("birth_words"),
        age_before=words("age_before"),
        age_after=words("age_after"),
    )


@dataclass
class Phrase:
    first: int  # token indexes, inclusive
    head_end: int  # last token of the role words
    last: int
    ended: bool


# role phrases ------------------------------------------------------------------------------


def _spells(doc: Document, first: int, role: tuple[str, ...], language: str) -> bool:
    """Do the tokens from `first` on spell these role words?"""
    return (
        first >= 0
        and first + len(role) <= len(doc.tokens)
        and all(_is_word(doc, doc.tokens[first + k], word, language) for k, word in enumerate(role))
    )


def _is_word(doc: Document, token: Token, word: str, language: str) -> bool:
    """A role word, in its dictionary form or (a dependent one, «заместитель министра») as written."""
    return doc.word(token, language) == word or token.text.lower() == word


def _candidates(
    index: dict[str, tuple[tuple[str, ...], ...]], doc: Document, token: Token, language: str
) -> list[tuple[str, ...]]:
    """The roles that may start (or end) at this token, by its dictionary form or as written, longest first."""
    forms = dict.fromkeys((doc.word(token, language), token.text.lower()))
    found = [role for form in forms for role in index.get(form, ())]
    return sorted(found, key=len, reverse=True) if len(forms) > 1 else found


def _role_ending_at(doc: Document, end: int, language: str, floor: int) -> int | None:
    """The first token of role words that end at token `end` ("secretary general"), if any."""
    for role in _candidates(lexicon(language).by_last, doc, doc.tokens[end], language):
        first = end - len(role) + 1
        if first >= floor and _spells(doc, first, role, language):
            return first
    return None


def _role_starting_at(doc: Document, start: int, language: str) -> tuple[str, ...] | None:
    """The longest role words that start at token `start`, if any."""
    if start >= len(doc.tokens):
        return None
    for role in _candidates(lexicon(language).by_first, doc, doc.tokens[start], language):
        if _spells(doc, start, role, language):
            return role
    return None


def _extend_left(doc: Document, first: int, floor: int, language: str) -> tuple[int, bool]:
    """Take in modifiers, country adjectives and named organizations before the role words."""
    lex = lexicon(language)
    ended = False
    index = first - 1
    while index >= floor:
        token = doc.tokens[index]
        word = doc.word(token, language).strip("-")
        mention = doc.mention_of_token(index)
        if word in lex.modifiers or f"{word}-" in lex.modifiers or word in lex.ended:
            ended = ended or word in lex.ended or f"{word}-" in lex.ended
        elif (
            demonym(token.text, token.lemma) is not None
            # "CSTO Secretary General"; a Russian name before a role is not its organization («в Москву министра»)
            or (mention is not None and mention.type in ("organization", "place") and language == "en")
            or (token.text in "-–" and index > floor)
        ):
            pass
        elif language == "ru" and token.pos == "ADJ":
            pass  # «подмосковного губернатора»
        elif language == "en" and token.pos in ("PROPN", "NOUN") and token.text[:1].isupper():
            pass  # "Senate speaker", "Presidential Administration deputy head"
        elif token.text == ")":
            opening = next(
                (k for k in range(index - 1, max(floor, index - 8) - 1, -1) if doc.tokens[k].text == "("), None
            )
            if opening is None:
                break
            index = opening  # "the current CSTO (Eurasian military alliance) Secretary General"
        else:
            break
        first = index
        index -= 1
    while first < len(doc.tokens) and doc.tokens[first].text.lower() in ("the", "a", "an"):
        first += 1
    return first, ended


def _complement_end(doc: Document, start: int, limit: int, language: str) -> int:
    """The last token of what completes the role: "of the CSTO", "to Russia", «обороны Беларуси»."""
    lex = lexicon(language)
    last = start - 1
    index = start
    joined = False  # after "of"/"to", common nouns belong to the complement: "assistant to the president"
    quotes = 0  # quotation marks opened in the complement: the next one closes («…», „…“)
    while index <= limit:
        token = doc.tokens[index]
        word = token.text.lower()
        mention = doc.mention_of_token(index)
        if token.text == "(" and (closing := _bracketed_name_end(doc, index, limit)) is not None:
            last = index = closing  # «Объединённого фронта … (ОФДД)»
            index += 1
            continue
        if mention is not None and mention.type == "person":
            break  # "appointed by President Tokayev": the next name is not part of the office
        if mention is None and doc.word(token, language) in lex.complement_stops:
            break
        if mention is None and token.text[:1].isupper() and token.pos not in NAME_POS and index > start:
            break  # a capitalized word that is no name begins a sentence the segmenter missed («… в Грузии По …»)
        if language == "en":
            fits = (
                word in lex.joins or token.pos in ("DET", "PROPN") or mention is not None or token.text in QUOTE_CHARS
            )
            fits = fits or (token.pos in ("NOUN", "ADJ") and (last >= start or joined)) or word in ("-",)
        else:
            fits = token.pos in COMPLEMENT_POS or token.text in QUOTE_CHARS or word in lex.joins
            fits = (fits or mention is not None) and not (token.pos == "CCONJ" and index == start)
        if not fits:
            break
        opening = token.text in "«„" or (token.text in '“"' and quotes == 0)
        if token.text in QUOTE_CHARS and token.text not in "'’":
            quotes = quotes + 1 if opening else max(0, quotes - 1)
        if (language == "en" and token.pos in ("DET", "CCONJ")) or word in lex.joins or opening:
            joined = joined or word in lex.joins
            index += 1  # never end on a function word or an opening mark
            continue
        last = index
        index += 1
    return last


def _bracketed_name_end(doc: Document, opening: int, limit: int) -> int | None:
    """The closing bracket of "(ОФДД)", "(SCO)": a name or acronym in brackets inside a role's complement."""
    for index in range(opening + 1, min(limit, opening + 6) + 1):
        if doc.tokens[index].text == ")":
            inside = range(opening + 1, index)
            named = all(doc.mention_of_token(k) is not None or doc.tokens[k].text.isupper() for k in inside)
            return index if inside and named else None
    return None


def role_before(doc: Document, name_first: int, language: str) -> list[Phrase]:
    """Role phrases that stand right before the name, nearest first, through a list ("A, B Name")."""
    phrases: list[Phrase] = []
    end = name_first - 1
    sentence = doc.tokens[name_first].sent
    floor = name_first
    while floor > 0 and doc.tokens[floor - 1].sent == sentence:
        floor -= 1
    agree = ""  # Russian roles stacked without a comma agree in case: «наблюдатель от ОБСЕ португальский парламентарий»
    while end >= floor:
        if doc.tokens[end].text in (",",) and not phrases and language == "en":
            end -= 1  # "the Kazakh President, Kassym-Jomart Tokayev"
        found = None
        for head_end in range(end, max(floor, end - MAX_PHRASE) - 1, -1):
            first = _role_ending_at(doc, head_end, language, floor)
            if first is None:
                continue
            if head_end == end or _complement_end(doc, head_end + 1, end, language) == end:
                found = (first, head_end)
            break
        if found is None or (agree and doc.tokens[found[0]].case != agree):
            break
        # «советник руководителя партии», "deputy head of …": a role that governs the role after it
        # (in Russian the governed one is in the genitive: not «кабинета министров глава правительства»)
        while (
            found[0] - 1 >= floor
            and (language != "ru" or doc.tokens[found[0]].case == "Gen")
            and (outer := _role_ending_at(doc, found[0] - 1, language, floor)) is not None
        ):
            found = (outer, found[1])
        first, ended = _extend_left(doc, found[0], floor, language)
        phrases.append(Phrase(first, found[1], end, ended))
        end = first - 1
        if end >= floor and doc.tokens[end].text in (",", "и", "and"):
            end -= 1
            agree = ""
            continue
        if language == "ru" and doc.tokens[first].case:
            agree = doc.tokens[first].case
            continue
        break
    return phrases


def _starts_role(doc: Document, index: int, language: str) -> bool:
    return _role_starting_at(doc, index, language) is not None


def _describes(token: Token) -> bool:
    """A word that describes the role noun after it: "another energetic", «управляющий (директор)»."""
    return token.pos in ("DET", "ADJ") or (token.pos == "VERB" and token.dep == "amod")


def role_after(doc: Document, start: int, language: str, limit: int) -> Phrase | None:
    """A role phrase starting at token `start` (after modifiers): "director of the Risk Assessment Group"."""
    lex = lexicon(language)
    index = start
    ended = False
    describing = 0  # "another energetic former prime minister"
    while index <= limit:
        token = doc.tokens[index]
        word = doc.word(token, language).strip("-")
        mention = doc.mention_of_token(index)
        if word in lex.modifiers or word in lex.ended or f"{word}-" in lex.ended:
            ended = ended or word in lex.ended or f"{word}-" in lex.ended
        elif _describes(token) and describing < 3 and not _starts_role(doc, index, language):
            describing += 1
        elif not (
            demonym(token.text, token.lemma) is not None
            or (mention is not None and mention.type in ("organization", "place"))
        ):
            break
        index += 1
    if index >= len(doc.tokens):
        return None
    for role in _candidates(lex.by_first, doc, doc.tokens[index], language):
        head_end = index + len(role) - 1
        if head_end <= limit and _spells(doc, index, role, language):
            last = max(head_end, _complement_end(doc, head_end + 1, limit, language))
            return Phrase(start, head_end, last, ended)
    return None


# the constructions -------------------------------------------------------------------------


@dataclass
class Found:
    person: int
    phrase: Phrase
    pattern: str
    trigger: Token | None = None  # a verb of service, for the dates


def _name_tokens(doc: Document, mention: Mention) -> tuple[int, int]:
    first = doc.token_at(mention.start)
    last = doc.token_at(max(mention.start, mention.end - 1))
    return first, last


def _sentence_limit(doc: Document, index: int) -> int:
    sentence = doc.tokens[index].sent
    last = index
    while last + 1 < len(doc.tokens) and doc.tokens[last + 1].sent == sentence:
        last += 1
    return last


def _appositions(doc: Document, mention: Mention, first: int, last: int, language: str) -> list[Found]:
    found: list[Found] = []
    limit = _sentence_limit(doc, last)
    after = last + 1
    if after > limit:
        return found
    lex = lexicon(language)
    separator = doc.tokens[after].text
    if separator == "-" and doc.text[doc.tokens[after].start - 1 : doc.tokens[after].start] == " ":
        separator = "—"  # a hyphen typed for a dash: "Крис Хелмбрехт - управляющий директор"
    if separator in (",", "(", "—", "–"):
        start = after + 1
        if start <= limit and doc.tokens[start].text.lower() in ("the", "a", "an"):
            start += 1
        phrase = role_after(doc, start, language, min(limit, start + MAX_PHRASE))
        if phrase is not None and not _names_follow(doc, phrase):
            found.append(Found(mention.cluster, phrase, "apposition"))
        else:
            found.extend(_succession(doc, mention, start, limit, language))
    elif doc.word(doc.tokens[after], language) in ("as", "в", "на") and first > 0:
        # "the appointment of Dauren Abayev as ambassador"
        before = {doc.word(doc.tokens[k], language) for k in range(max(0, first - 3), first)}
        if before & lex.appointment_nouns:
            start = after + 1
            if start <= limit and doc.tokens[start].text.lower() in ("the", "a", "an", "должность", "пост"):
                start += 1
            phrase = role_after(doc, start, language, min(limit, start + MAX_PHRASE))
            if phrase is not None:
                found.append(Found(mention.cluster, phrase, "appointment"))
    return found


def _succession(doc: Document, mention: Mention, start: int, limit: int, language: str) -> list[Found]:
    """ "Ermek Kosherbayev, Dauren Abayev’s predecessor as Ambassador …": both held that office."""
    lex = lexicon(language)
    other = doc.mention_of_token(start)
    if other is None or other.type != "person":
        return []
    index = doc.token_at(max(other.start, other.end - 1)) + 1
    while index <= limit and doc.tokens[index].text in ("'s", "’s", "'", "’"):
        index += 1
    noun = doc.word(doc.tokens[index], language) if index <= limit else ""
    if noun not in lex.succession:
        return []
    order = lex.succession[noun]
    index += 1
    if index <= limit and doc.word(doc.tokens[index], language) in ("as", "на", "в"):
        index += 1
    phrase = role_after(doc, index, language, min(limit, index + MAX_PHRASE))
    if phrase is None:
        return []
    mine = Phrase(phrase.first, phrase.head_end, phrase.last, order == "before")
    return [
        Found(mention.cluster, mine, "predecessor" if order == "before" else "successor"),
        Found(other.cluster, phrase, "succession"),
    ]


def _service_verb(doc: Document, first: int, last: int, language: str) -> Token | None:
    """The verb of service whose subject (or object, for "appointed X") is the name."""
    lex = lexicon(language)
    for index in range(first, last + 1):
        token = doc.tokens[index]
        head = doc.tokens[token.head]
        if head.i == token.i:
            continue
        if token.dep.startswith("nsubj") or (token.dep in ("obj", "dobj") and head.lemma in lex.starts):
            if head.lemma in lex.service or head.lemma in lex.leading:
                return head
            # "Nazarbayev intends to remain in charge as chairperson": the verb the subject's verb governs
            for child in doc.children.get(head.i, []):
                verb = doc.tokens[child]
                if verb.dep == "xcomp" and (verb.lemma in lex.service or verb.lemma in lex.leading):
                    return verb
    # A misparsed subject ("From 1985 to 1991 X served as …" parses X as an object of "to"): the verb right after the name.
    following = last + 1
    if following < len(doc.tokens) and doc.tokens[following].pos in ("VERB", "AUX"):
        verb = doc.tokens[following]
        if verb.lemma in lex.service and verb.sent == doc.tokens[last].sent:
            return verb
    return None


MODALS = frozenset({"could", "would", "might", "may", "should", "can", "must", "бы", "может", "могут", "мог", "могла"})


def _verbal(doc: Document, mention: Mention, first: int, last: int, language: str) -> list[Found]:
    verb = _service_verb(doc, first, last, language)
    if verb is None or any(doc.tokens[c].text.lower() in MODALS for c in doc.children.get(verb.i, [])):
        return []  # no verb of service, or a hypothetical one ("could become the next president")
    lex = lexicon(language)
    limit = _sentence_limit(doc, verb.i)
    if verb.lemma in lex.leading:
        # "headed the government": the verb is the role, its object the organization
        objects = [c for c in doc.children.get(verb.i, []) if doc.tokens[c].dep in ("obj", "dobj")]
        if objects:
            obj = objects[0]
            end = _complement_end(doc, obj, min(limit, obj + MAX_PHRASE), language)
            return [Found(mention.cluster, Phrase(verb.i, verb.i, max(obj, end), False), "leading", verb)]
        return []
    start = max(verb.i, last) + 1
    stop = min(limit, start + MAX_PHRASE)
    found: list[Found] = []
    index = start
    while index <= stop:
        other = doc.mention_of_token(index)
        if other is not None and other.type == "person" and other.cluster != mention.cluster:
            break  # the role after another person belongs to that person
        phrase = role_after(doc, index, language, min(limit, index + MAX_PHRASE))
        if phrase is None or _titles_a_name(doc, phrase):
            if found and doc.tokens[index].text in (",", "and", "и") and index == found[-1].phrase.last + 1:
                index += 1
                continue
            if found:
                break
            index += 1
            continue
        found.append(Found(mention.cluster, phrase, "service", verb))
        # "as chairperson of NurOtan and lifelong head of the National Security Council"
        index = phrase.last + 1
        stop = min(limit, index + MAX_PHRASE)
    return found


def _names_follow(doc: Document, phrase: Phrase) -> bool:
    """ "X, the current CSTO Secretary General Imangali Tasmagambetov": a title of the next name, not of X."""
    for index in range(phrase.last + 1, min(len(doc.tokens), phrase.last + 4)):
        other = doc.mention_of_token(index)
        if other is not None and other.type == "person":
            return True
        if doc.tokens[index].text in (",", ";") or doc.tokens[index].pos == "CCONJ":
            return False  # "X - director of Y, and Z - …": a list of people, each with their role
    return False


def _titles_a_name(doc: Document, phrase: Phrase) -> bool:
    following = phrase.last + 1
    if following >= len(doc.tokens):
        return False
    other = doc.mention_of_token(following)
    return other is not None and other.type == "person"


def _pronoun_subjects(doc: Document) -> list[Found]:
    """ "he was an assistant to the president", "he became akim": the person the text is about."""
    found: list[Found] = []
    for token in doc.tokens:
        if not token.dep.startswith("nsubj"):
            continue
        language = doc.language(token)
        if token.text.lower() not in lexicon(language).pronouns:
            continue
        person = referent(doc, token)
        if person is None:
            continue
        found.extend(_verbal(doc, person, token.i, token.i, language))
    return found


def _pronoun_objects(doc: Document) -> list[Found]:
    """ "recall Imangali Tasmagambetov from retirement and promote him to the post of …": the pronoun object
    of a verb that starts a term is the person object before it in the sentence, else the one named before."""
    found: list[Found] = []
    for token in doc.tokens:
        if token.dep not in ("obj", "dobj"):
            continue
        language = doc.language(token)
        lex = lexicon(language)
        if token.text.lower() not in lex.object_pronouns:
            continue
        if doc.tokens[token.head].lemma not in lex.starts:
            continue
        person = _object_before(doc, token) or referent(doc, token, topic=False)
        if person is not None:
            found.extend(_verbal(doc, person, token.i, token.i, language))
    return found


def _object_before(doc: Document, pronoun: Token) -> Mention | None:
    for index in range(pronoun.i - 1, -1, -1):
        if doc.tokens[index].sent != pronoun.sent:
            return None
        mention = doc.mention_of_token(index)
        if mention is not None and mention.type == "person" and doc.tokens[index].dep in ("obj", "dobj"):
            return mention
    return None


# dates and assembly ------------------------------------------------------------------------


def _dates(doc: Document, sentence: Sentence, anchor: str | None) -> list[TimeExpr]:
    return [e for e in find_dates(doc.text, sentence.start, sentence.end, anchor) if e.value is not None]


def _caption_dates(doc: Document, sentence: Sentence, anchor: str | None) -> list[TimeExpr]:
    """A short paragraph dated once at its end or start, like a photo caption ("The two ministers. Minsk,
    30 October 2024"): its date is the date of each of its sentences."""
    start = doc.text.rfind("\n", 0, sentence.start) + 1
    end = doc.text.find("\n", sentence.end)
    end = len(doc.text) if end == -1 else end
    if end - start > CAPTION_CHARS:
        return []
    dates = [e for e in find_dates(doc.text, start, end, anchor) if e.value is not None]
    if len(dates) != 1:
        return []
    # a caption's date closes (or opens) it: "… Minsk, 30 October 2024"; a date inside tells something else
    before, after = doc.text[start : dates[0].start], doc.text[dates[0].end : end]
    closes = len(after.strip()) <= CAPTION_TAIL  # "… 30 октября 2024 года", a footnote mark after it
    return dates if closes or not before.strip(" (\t") else []


def _org(doc: Document, phrase: Phrase, person: int, language: str) -> tuple[int | None, str | None]:
    start, end = doc.tokens[phrase.first].start, doc.tokens[phrase.last].end
    lex = lexicon(language)
    candidates = [m for m in doc.mention_in(start, end, ("organization", "place")) if m.cluster != person]
    preferred = [
        m
        for m in candidates
        if doc.word(doc.tokens[max(0, doc.token_at(m.start) - 1)], language) in lex.org_first
        or doc.word(doc.tokens[max(0, doc.token_at(m.start) - 2)], language) in lex.org_first
    ]
    chosen = next(iter(preferred or candidates), None)
    if chosen is not None:
        return chosen.cluster, _balanced(doc.entities[chosen.cluster].name)
    for index in range(phrase.first, phrase.last + 1):
        country = demonym(doc.tokens[index].text, doc.tokens[index].lemma)
        if country:
            return None, country
    if phrase.last > phrase.head_end:
        tail_words = [doc.word(doc.tokens[k], language) for k in range(phrase.head_end + 1, phrase.last + 1)]
        if all(word in lex.country_words or word in lex.joins for word in tail_words):
            return None, None  # «глава государства»: the country is not named here (see _imply_countries)
        tail = doc.text[doc.tokens[phrase.head_end + 1].start : end]
        tail = re.sub(r"^(?:of|to|at|for|in)\s+(?:the\s+)?", "", tail.strip())
        return None, _balanced(tail) or None
    return None, None


def _balanced(text: str) -> str:
    """Drop a quotation mark whose partner lies outside the phrase: director of the “Risk Assessment Group"."""
    pairs = (("„", "“"), ("«", "»")) if "„" in text else (("“", "”"), ("«", "»"))
    for opening, closing in pairs:
        if text.count(opening) != text.count(closing):
            text = text.replace(opening, "").replace(closing, "")
    return text.strip()


def _role_text(doc: Document, phrase: Phrase, language: str) -> str:
    """The role as written, less an aside in brackets ("CSTO (Eurasian military alliance) Secretary General");
    an acronym in brackets stays («… против диктатуры (ОФДД)»)."""
    text = re.sub(r"\s*\([^()]*\s[^()]*\)", "", _raw_role_text(doc, phrase, language))
    return _balanced(text)


def _raw_role_text(doc: Document, phrase: Phrase, language: str) -> str:
    start, end = doc.tokens[phrase.first].start, doc.tokens[phrase.last].end
    if language != "ru":
        text = doc.text[start:end]
        return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE).strip(" ,")
    words = []
    head_seen = False  # the head noun and the words agreeing with it before it are put in the nominative
    for index in range(phrase.first, phrase.last + 1):
        token = doc.tokens[index]
        nominative = index <= phrase.head_end and not head_seen and token.pos in ("NOUN", "ADJ", "PROPN")
        spacing = doc.text[doc.tokens[index - 1].end : token.start] if index > phrase.first else ""
        words.append((" " if spacing else "") + (token.lemma if nominative else token.text))
        head_seen = head_seen or token.pos == "NOUN"
    return "".join(words)


def extract_positions(parsed: Parsed, entities: list[LocalEntity], anchor: str | None = None) -> list[Position]:
    doc = Document(parsed, entities)
    if not doc.tokens:
        return []
    found: list[Found] = []
    for mention in doc.mentions:
        if mention.type != "person":
            continue
        first, last = _name_tokens(doc, mention)
        language = doc.language(doc.tokens[first])
        for phrase in role_before(doc, first, language):
            found.append(Found(mention.cluster, phrase, "title"))
        found.extend(_appositions(doc, mention, first, last, language))
        found.extend(_verbal(doc, mention, first, last, language))
    found.extend(_pronoun_subjects(doc))
    found.extend(_pronoun_objects(doc))
    ages = Ages(doc, anchor)
    positions = _merge([p for p in (_position(doc, item, anchor, ages) for item in found) if p is not None], anchor)
    _imply_countries(doc, positions)
    return positions


# the country of a national office named without one ------------------------------------------

IMPLIED_CONFIDENCE = 0.5


def _imply_countries(doc: Document, positions: list[Position]) -> None:
    """ "Prime Minister Silvio Berlusconi", «глава государства Дмитрий Медведев»: an office a country has,
    named without the country, is the office of the country the person is said to be from (another office
    of theirs, "his French counterpart"), else of the country the document is about."""
    about: list[str | None] = []  # the document's country, found once when first needed
    offices: list[dict[str, set[str]]] = []  # the countries the document gives each office, likewise
    for position in positions:
        named = position.org is not None or (position.org_text and not position.org_text.islower())
        if named or _country(position.org_text) or not _national(position.role):
            continue  # a named organization or country; a lower-case rest is a portfolio: «министр по делам разведки»
        taken = _held_elsewhere(doc, position, positions)
        country = _person_country(doc, position.person, positions)
        if country is None:
            if not offices:
                offices.append(_office_countries(doc))
            country = _office_country(offices[0], position.role, taken)
        if country is None:
            if not about:
                about.append(_document_country(doc))
            country = about[0] if about[0] not in taken else None
        if country is None:
            continue
        position.org_text = country
        position.org = _country_entity(doc, country)
        position.confidence = min(position.confidence, IMPLIED_CONFIDENCE)


def _national(role: str) -> bool:
    """Is the role's office one a country has ("Deputy Prime Minister", «глава государства»), not an office
    merely near one ("assistant to the president")?"""
    head = office_head(role)
    words = " ".join(re.findall(r"[\w-]+", role.lower()))
    return any(
        office == head
        or (office.startswith(head + " ") and re.search(rf"(?<![\w-]){re.escape(office)}(?![\w-])", words))
        for language in ("en", "ru")
        for office in lexicon(language).national
    )


def _country(name: str | None) -> str | None:
    """The country a name is, if it is one."""
    entry = gazetteer_index().get(fold(name)) if name else None
    return entry.name if entry is not None and entry.kind == "country" else None


def _person_country(doc: Document, person: int, positions: list[Position]) -> str | None:
    """The country the text ties the person to: another office of theirs, or an adjective before the name."""
    for other in positions:
        if other.person == person and other.confidence > IMPLIED_CONFIDENCE:
            named = doc.entities[other.org].name if other.org is not None else other.org_text
            if _country(named):
                return _country(named)
    for mention in doc.entities[person].mentions:
        first = doc.token_at(mention.start)
        for index in range(first - 1, max(-1, first - 4), -1):
            token = doc.tokens[index]
            if token.sent != doc.tokens[first].sent or token.pos in ("PUNCT", "VERB", "AUX"):
                break
            country = _country(demonym(token.text, token.lemma))
            if country:
                return country  # "his French counterpart Nicolas Sarkozy"
    return None


@cache
def _single_holder_heads() -> frozenset[str]:
    return frozenset(office_head(office) for language in ("en", "ru") for office in lexicon(language).single_holder)


def _held_elsewhere(doc: Document, position: Position, positions: list[Position]) -> set[str]:
    """Countries whose one holder of this office is someone else in the document ("President of Russia
    Vladimir Putin": Russia is not the country of "President Tokayev")."""
    head = office_head(position.role)
    if head not in _single_holder_heads():
        return set()
    taken = set()
    for other in positions:
        if (
            other.person != position.person
            and other.confidence > IMPLIED_CONFIDENCE
            and office_head(other.role) == head
        ):
            country = _country(doc.entities[other.org].name if other.org is not None else other.org_text)
            if country:
                taken.add(country)
    return taken


def _office_country(offices: dict[str, set[str]], role: str, taken: set[str]) -> str | None:
    """The one country the document gives this office anywhere, named or not ("the Kazakh President"),
    less those whose holder is someone else (`offices`: _office_countries of the document)."""
    countries = offices.get(office_head(role), set()) - taken
    return next(iter(countries)) if len(countries) == 1 else None


def _office_countries(doc: Document) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for index, token in enumerate(doc.tokens[:-1]):
        country = _country(demonym(token.text, token.lemma))
        if country is None:
            continue
        role = _role_starting_at(doc, index + 1, doc.language(doc.tokens[index + 1]))
        if role is not None:
            found.setdefault(office_head(" ".join(role)), set()).add(country)
    return found


def _document_country(doc: Document) -> str | None:
    """The country the document names most often (places in it, adjectives), if one leads (or is the only one)."""
    counts: Counter[str] = Counter()
    for mention in doc.mentions:
        if mention.type == "place":
            entry = gazetteer_index().get(fold(doc.entities[mention.cluster].name))
            if entry is not None and entry.country:
                counts[entry.country] += 1
    for token in doc.tokens:
        country = _country(demonym(token.text, token.lemma))
        if country:
            counts[country] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _country_entity(doc: Document, country: str) -> int | None:
    for entity in doc.entities:
        if entity.type == "place" and _country(entity.name) == country:
            return entity.index
    return None


def _position(doc: Document, item: Found, anchor: str | None, ages: Ages) -> Position | None:
    language = doc.language(doc.tokens[item.phrase.head_end])
    role = _role_text(doc, item.phrase, language)
    lex = lexicon(language)
    if not role or any(
        doc.word(doc.tokens[k], language) in lex.not_held for k in range(item.phrase.first, item.phrase.head_end)
    ):
        return None
    before = range(max(0, item.phrase.first - 3), item.phrase.first)
    if any(doc.word(doc.tokens[k], language) in lex.candidacy for k in before):
        return None  # «экс-кандидат в президенты Беларуси», "candidate for president"
    org, org_text = _org(doc, item.phrase, item.person, language)
    sentence = sentence_of(doc, item.phrase.first)
    position = Position(
        person=item.person,
        role=role,
        org=org,
        org_text=org_text,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        evidence_start=doc.tokens[item.phrase.first].start,
        evidence_end=doc.tokens[item.phrase.last].end,
        pattern=item.pattern,
        ended=item.phrase.ended,
        confidence={"title": 0.8, "apposition": 0.8, "appointment": 0.75, "service": 0.7, "leading": 0.6}.get(
            item.pattern, 0.65
        ),
    )
    starts = item.trigger is not None and item.trigger.lemma in lex.starts
    dates = _dates(doc, sentence, anchor)
    year = ages.year_of(item.person, item.trigger) if item.trigger is not None and not dates else None
    if year is not None:  # "at 39 he took the position of Deputy Prime Minister"; "at 45 he headed …"
        position.start, position.as_of = (year, None) if starts else (None, year)
        return position
    dates = dates or _caption_dates(doc, sentence, anchor)
    ranges = [d for d in dates if d.end_value and d.parts.kind == "range"]
    if ranges:
        position.start, position.end = ranges[0].value, ranges[0].end_value
    elif starts and dates:
        position.start = dates[0].value
    elif dates and item.pattern in ("title", "apposition", "service"):
        position.as_of = dates[0].value  # "In 2017, while serving as Deputy Prime Minister"
    elif not position.ended and item.pattern in ("title", "apposition") and anchor:
        position.as_of = anchor
    return position


class Ages:
    """Birth years the document gives ("born in 1956", «родился в 1956 году») and the ages it dates a verb
    with ("at 39 he took …", "at the age of 45 he headed …", «в 39 лет он занял …»)."""

    def __init__(self, doc: Document, anchor: str | None) -> None:
        self.doc = doc
        self.anchor = anchor
        self._born: dict[int, int] | None = None

    def year_of(self, person: int, verb: Token) -> str | None:
        """The year the person was the age the verb's clause gives, when their birth year is known."""
        born = self.born.get(person)
        if born is None:
            return None
        age = self.age_at(verb)
        return str(born + age) if age is not None else None

    @property
    def born(self) -> dict[int, int]:
        if self._born is None:
            self._born = self._birth_years()
        return self._born

    def _birth_years(self) -> dict[int, int]:
        doc = self.doc
        years: dict[int, int] = {}
        for token in doc.tokens:
            language = doc.language(token)
            if doc.word(token, language) not in lexicon(language).birth_words:
                continue
            sentence = sentence_of(doc, token.i)
            dates = [d for d in _dates(doc, sentence, self.anchor) if d.start >= token.start and d.value]
            person = self._born_person(token)
            if dates and person is not None and person not in years:
                years[person] = int(dates[0].value[:4])  # type: ignore[index]
        return years

    def _born_person(self, born: Token) -> int | None:
        """Who was born: the subject of "born" (a pronoun's referent), else the last name before it."""
        doc = self.doc
        for child in doc.children.get(born.i, []):
            token = doc.tokens[child]
            if token.dep.startswith("nsubj"):
                mention = doc.mention_of_token(child)
                if mention is not None and mention.type == "person":
                    return mention.cluster
                if token.pos == "PRON":
                    person = referent(doc, token)
                    return person.cluster if person is not None else None
        for index in range(born.i - 1, -1, -1):
            if doc.tokens[index].sent != born.sent:
                break
            mention = doc.mention_of_token(index)
            if mention is not None and mention.type == "person":
                return mention.cluster  # "Imangali Tasmagambetov (born 1956)"
        return None

    def age_at(self, verb: Token) -> int | None:
        """The age a number in the verb's own clause gives: the verb it depends on is this one."""
        doc = self.doc
        for token in doc.tokens:
            if token.sent != verb.sent or not token.text.isdigit() or not 10 <= int(token.text) <= 100:
                continue
            if self._is_age(token) and self._clause_verb(token) == verb.i:
                return int(token.text)
        return None

    def _is_age(self, number: Token) -> bool:
        doc = self.doc
        following = doc.tokens[number.i + 1] if number.i + 1 < len(doc.tokens) else None
        if following is not None and following.sent != number.sent:
            following = None
        language = doc.language(following) if following is not None else "en"
        lex = lexicon(language)
        before = {doc.word(doc.tokens[k], language) for k in range(max(0, number.i - 3), number.i)}
        if not before & lex.age_before:
            return False
        if language == "ru":
            return following is not None and doc.word(following, language) in lex.age_after  # «в 39 лет»
        # not "at 39 percent", "at 10 Downing Street"
        return following is None or not (following.pos in ("NOUN", "PROPN", "NUM") or following.text in ("%", "-"))

    def _clause_verb(self, token: Token) -> int | None:
        doc = self.doc
        index = token.i
        for _ in range(8):
            head = doc.tokens[index].head
            if head == index:
                return None
            index = head
            if doc.tokens[index].pos in ("VERB", "AUX") and doc.tokens[index].dep not in ("aux", "auxpass", "cop"):
                return index
        return None


def _key(position: Position) -> tuple[int, str]:
    words = key_words(position.role).split()
    return position.person, " ".join(w for w in words if w not in ("the", "a", "an", "of"))


def _merge(positions: list[Position], anchor: str | None = None) -> list[Position]:
    """One record per person and office in a document: "President Tokayev" joins "Kazakh President Tokayev"."""
    merged: list[Position] = []
    for position in sorted(positions, key=lambda p: (p.org is None and p.org_text is None, p.evidence_start)):
        same = next((m for m in merged if _same_office(m, position)), None)
        if same is None:
            merged.append(position)
            continue
        if len(office_head(position.role)) > len(office_head(same.role)):
            _take_wording(same, position)  # "CSTO Secretary General", not "CTSO secretary"
        same.start = same.start or position.start
        same.end = same.end or position.end
        if position.as_of and (not same.as_of or same.as_of == anchor):  # a date the text gives beats the default
            same.as_of = position.as_of
        same.ended = same.ended or position.ended
    return sorted(merged, key=lambda p: p.evidence_start)


def _take_wording(same: Position, position: Position) -> None:
    """The merged record keeps the fuller wording of the office, with its own sentence and evidence."""
    same.role = position.role
    same.sentence_start, same.sentence_end = position.sentence_start, position.sentence_end
    same.evidence_start, same.evidence_end = position.evidence_start, position.evidence_end


def _same_office(a: Position, b: Position) -> bool:
    if a.person != b.person:
        return False
    role_a, role_b = _key(a)[1], _key(b)[1]
    head_a, head_b = office_head(a.role), office_head(b.role)
    # "CSTO secretary" is the "CSTO Secretary General" when the organization is the same one
    shortened = a.org is not None and a.org == b.org and (head_a.startswith(head_b) or head_b.startswith(head_a))
    if not (role_b in role_a or role_a in role_b or head_a == head_b or shortened):
        return False
    if b.org is None and b.org_text is None:
        return True
    if a.org is not None and a.org == b.org:
        return True
    return country_of(a.org_text) is not None and country_of(a.org_text) == country_of(b.org_text)
