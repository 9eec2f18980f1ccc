"""The constructions that state an office of a person: a title before the name, an apposition after it
(or "the appointment of X as …"), succession, a verb of service whose subject or object is the person
(a pronoun standing for them)."""

from __future__ import annotations

from elitewatch.extract.document import DocumentIndex, referent
from elitewatch.extract.events.lexicon import lexicon as event_lexicon
from elitewatch.extract.positions import leaving, predicates
from elitewatch.extract.positions.found import Found
from elitewatch.extract.positions.grammar import disagree, plural
from elitewatch.extract.positions.lexicon import any_language, lexicon
from elitewatch.extract.positions.phrases import (
    MAX_PHRASE,
    Phrase,
    complement_end,
    head_noun,
    role_after,
    role_before,
    role_starting_at,
)
from elitewatch.model import Mention, Token
from elitewatch.vocabulary.countries import demonym

# The most tokens of an aside in brackets between a name and its apposition (a birth date and place); by hand.
ASIDE_TOKENS = 15
# The most tokens of a prepositional phrase after a role that its complement leaves out, between it and a
# role coordinated with it («известного борца с ксенофобией, члена …»); by hand.
PREPOSITIONAL_TOKENS = 4  # a Russian verb's infinitive ("возглавить"), which natasha tags as VERB


def found_in(doc: DocumentIndex) -> list[Found]:
    """Every construction that states an office: for each person mention in text order, the titles before it,
    the appositions after it and the verb of service it is the subject (or object) of; then those whose
    subject or object is a pronoun."""
    found: list[Found] = []
    listed: dict[int, Phrase] = {}  # the last token of a name under a plural title -> that title
    for mention in doc.mentions:
        if mention.type != "person":
            continue
        first, last = _name_tokens(doc, mention)
        language = doc.language(doc.tokens[first])
        named_from = _given_names_before(doc, first, last, language)
        titles = role_before(doc, named_from, language) or _plural_title_over_list(doc, first, listed, language)
        for phrase in titles:
            found.append(Found(mention.cluster, phrase, "title"))
        if titles and plural(doc.tokens[head_noun(doc, titles[0].first, titles[0].head_end)]):
            listed[last] = titles[0]
        found.extend(_appositions(doc, mention, first, last, language))
        found.extend(_verbal(doc, mention, first, last, language))
        found.extend(_with_coordinated(doc, predicates.copular(doc, mention, first, last, language), last))
        found.extend(predicates.in_capacity(doc, mention, first, last, language))
        found.extend(_participle(doc, mention, last, language))
    found.extend(_relative_clauses(doc))
    found.extend(_pronoun_subjects(doc))
    found.extend(_pronoun_objects(doc))
    found.extend(_possessed_succession(doc, found))
    return found


def _possessed_succession(doc: DocumentIndex, found: list[Found]) -> list[Found]:
    """ "Acting president X, who took office after the resignation of his predecessor Y": a predecessor (or
    successor) named with a possessor held the office the possessor holds in that sentence (its first one
    stated), ended for a predecessor. The possessor is a name or a pronoun ("his", "X's")."""
    more: list[Found] = []
    for mention in doc.mentions:
        if mention.type != "person":
            continue
        first = _given_names_before(
            doc, *_name_tokens(doc, mention), doc.language(doc.tokens[doc.token_at(mention.start)])
        )
        noun = first - 1
        if noun < 0 or doc.tokens[noun].sent != doc.tokens[first].sent:
            continue
        language = doc.language(doc.tokens[noun])
        order = lexicon(language).succession.get(doc.word(doc.tokens[noun], language))
        owner = _possessor(doc, noun) if order is not None else None
        if owner is None or owner == mention.cluster:
            continue
        sentence = doc.tokens[noun].sent
        held = next(
            (
                item
                for item in found
                if item.person == owner
                and doc.tokens[item.phrase.first].sent == sentence
                and item.pattern not in ("predecessor", "successor", "succession")
            ),
            None,
        )
        if held is not None:
            phrase = Phrase(held.phrase.first, held.phrase.head_end, held.phrase.last, order == "before")
            more.append(Found(mention.cluster, phrase, "predecessor" if order == "before" else "successor"))
    return more


def _possessor(doc: DocumentIndex, noun: int) -> int | None:
    """The person a possessive before a noun names ("his predecessor": whom "his" stands for; "X's")."""
    for child in doc.children.get(noun, []):
        token = doc.tokens[child]
        if token.dep != "poss":
            continue
        mention = doc.mention_of_token(child)
        if mention is not None:
            return mention.cluster if mention.type == "person" else None
        if token.pos == "PRON":
            person = referent(doc, token, topic=False)
            return person.cluster if person is not None else None
    return None


def _plural_title_over_list(doc: DocumentIndex, first: int, listed: dict[int, Phrase], language: str) -> list[Phrase]:
    """«депутаты A, B и C», «музыканты группы — A, B»: a plural title is the title of every name of the list
    after it. The name before this one (past its bracketed aside and a comma or «и») is under one; or a plural
    title stands before this name across a dash, or before «, среди которых»."""
    if among := _plural_title_before_among(doc, first, language):
        return among
    index = first - 1
    if index >= 0 and doc.tokens[index].text in ("—", "–", ":"):
        phrases = role_before(doc, index, language) if index > 0 else []
        return (
            phrases[:1] if phrases and plural(doc.tokens[head_noun(doc, phrases[0].first, phrases[0].head_end)]) else []
        )
    if index < 1 or doc.tokens[index].text not in (",", "и", "and"):
        return []
    index -= 1
    if doc.tokens[index].text == ")":
        opening = next(
            (k for k in range(index - 1, max(-1, index - MAX_PHRASE), -1) if doc.tokens[k].text == "("), None
        )
        if opening is None:
            return []
        index = opening - 1
    phrase = listed.get(index)
    return [phrase] if phrase is not None and doc.tokens[index].sent == doc.tokens[first].sent else []


def _plural_title_before_among(doc: DocumentIndex, first: int, language: str) -> list[Phrase]:
    """«известные артисты, среди которых A, B и C»: the plural role before «, среди которых» (and a dash or
    colon after it) is the title of the first name it lists; the names after that one take it as a list's."""
    index = first - 1
    if index >= 0 and doc.tokens[index].text in ("—", "–", ":"):
        index -= 1
    if index < 3:
        return []
    comma, preposition, pronoun = doc.tokens[index - 2], doc.tokens[index - 1], doc.tokens[index]
    if (
        comma.text != ","
        or comma.sent != doc.tokens[first].sent
        or lexicon(language).among.get(preposition.text.lower()) != pronoun.text.lower()
    ):
        return []
    phrases = role_before(doc, index - 2, language)
    if phrases and plural(doc.tokens[head_noun(doc, phrases[0].first, phrases[0].head_end)]):
        return phrases[:1]
    return []


def _given_names_before(doc: DocumentIndex, first: int, last: int, language: str) -> int:
    """The first word of the name as the parse joins it: "Kazakh President Kassym-Jomart [Tokayev]", where the
    recognizer took the surname alone, has the given name hang on the surname (a compound, its hyphen on it),
    so it is the name's, not the title's complement. Up to a role word, a country's adjective or another
    mention. English: a Russian title agrees with its name by case instead."""
    if language != "en":
        return first
    inside = set(range(first, last + 1))
    index = first - 1
    while index >= 0 and doc.tokens[index].sent == doc.tokens[first].sent:
        token = doc.tokens[index]
        joined = token.head in inside and (
            (token.dep in ("compound", "flat") and token.pos == "PROPN" and token.text[:1].isupper())
            or (token.dep == "punct" and token.text in "-‐")
        )
        if (
            not joined
            or doc.mention_of_token(index) is not None
            or demonym(token.text, token.lemma) is not None
            or role_starting_at(doc, index, language) is not None
        ):
            break
        inside.add(index)
        index -= 1
    while index + 1 < first and doc.tokens[index + 1].dep == "punct":
        index += 1  # never begin a name with its hyphen
    return index + 1


def _name_tokens(doc: DocumentIndex, mention: Mention) -> tuple[int, int]:
    first = doc.token_at(mention.start)
    last = doc.token_at(max(mention.start, mention.end - 1))
    return first, last


def _sentence_limit(doc: DocumentIndex, index: int) -> int:
    sentence = doc.tokens[index].sent
    last = index
    while last + 1 < len(doc.tokens) and doc.tokens[last + 1].sent == sentence:
        last += 1
    return last


def _appositions(doc: DocumentIndex, mention: Mention, first: int, last: int, language: str) -> list[Found]:
    found: list[Found] = []
    limit = _sentence_limit(doc, last)
    after = last + 1
    if after <= limit and doc.tokens[after].text == ")" and "(" in doc.text[mention.start : mention.end]:
        after += 1  # «Скотт Хоровитц (Scott Horowitz), бывший астронавт»: the name's own spelling in brackets
    elif after <= limit and doc.tokens[after].text == "(":
        # «Дарио Фо (24 марта 1926 года, Санджано) — итальянский драматург», «Скотт Хоровитц (Scott Horowitz),
        # бывший астронавт»: past the aside to the dash or comma
        closing = next(
            (k for k in range(after + 1, min(limit, after + ASIDE_TOKENS) + 1) if doc.tokens[k].text == ")"), None
        )
        if closing is not None and closing + 1 <= limit and doc.tokens[closing + 1].text in ("—", "–", ","):
            after = closing + 1
    after = _past_an_age(doc, after, limit)
    if after > limit:
        return found
    separator = doc.tokens[after].text
    if separator == "-" and doc.text[doc.tokens[after].start - 1 : doc.tokens[after].start] == " ":
        separator = "—"  # a hyphen typed for a dash: "Крис Хелмбрехт - управляющий директор"
    if separator in (",", "(", "—", "–"):
        start = after + 1
        if start <= limit and doc.tokens[start].text.lower() in any_language("articles"):
            start += 1
        phrase = role_after(doc, start, language, min(limit, start + MAX_PHRASE))
        if phrase is not None and _not_the_names(doc, phrase, last):
            phrase = None  # «X, представители Госдумы, …», «По словам X, некоторые наблюдатели …»
        if phrase is not None and _subject_after_a_phrase(doc, phrase, first, last):
            phrase = None  # "According to X, the current CSTO secretary has …": the secretary is someone else
        if phrase is not None and not _names_follow(doc, phrase):
            found.append(Found(mention.cluster, phrase, "apposition"))
            found.extend(Found(mention.cluster, more, "apposition") for more in _coordinated(doc, phrase, last, limit))
        else:
            found.extend(_succession(doc, mention, start, limit, language))
    return found


def _with_coordinated(doc: DocumentIndex, stated: list[Found], name_last: int) -> list[Found]:
    """«Дмитрий Аленичев — советский и российский футболист, полузащитник»: the roles joined to a predicate's
    role are the name's too, as an apposition's are."""
    more: list[Found] = []
    for item in stated:
        limit = _sentence_limit(doc, item.phrase.last)
        more.extend(
            Found(item.person, phrase, item.pattern, item.trigger)
            for phrase in _coordinated(doc, item.phrase, name_last, limit)
        )
    return [*stated, *more]


def _past_an_age(doc: DocumentIndex, comma: int, limit: int) -> int:
    """«Мохаммед Камалуддин, 34 года, пилот», "John Smith, 45, a pilot": the comma after the person's age set
    off after the name, where the apposition goes on; else `comma` itself."""
    if comma + 2 > limit or doc.tokens[comma].text != "," or doc.tokens[comma + 1].pos != "NUM":
        return comma
    years = comma + 2
    language = doc.language(doc.tokens[years])  # a number's own letters say no language
    if doc.tokens[years].text != "," and doc.word(doc.tokens[years], language) in lexicon(language).age_after:
        years += 1  # «34 года»
    return years if years <= limit and doc.tokens[years].text == "," else comma


def _subject_after_a_phrase(doc: DocumentIndex, phrase: Phrase, first: int, last: int) -> bool:
    """ "According to X, the current CSTO secretary has long been …", "For X, the minister is …": the name ends
    a phrase before the clause (it is a preposition's object) and the role after its comma is the clause's
    subject, so the role names someone else. An apposition hangs on its name instead."""
    role = doc.tokens[head_noun(doc, phrase.first, phrase.head_end)]
    if role.language != "en" or not role.dep.startswith("nsubj"):
        return False
    name = next((k for k in range(first, last + 1) if not first <= doc.tokens[k].head <= last), last)
    return doc.tokens[name].dep == "pobj" and not first <= role.head <= last


def _coordinated(doc: DocumentIndex, phrase: Phrase, name_last: int, limit: int) -> list[Phrase]:
    """«X — итальянский драматург, режиссёр и живописец»: the roles joined to an apposition are the name's
    too, up to the first word that begins none."""
    more: list[Phrase] = []
    index = _past_own_words(doc, phrase, limit)
    while index + 1 <= limit and doc.tokens[index].text in (",", "и", "and"):
        start = index + 1
        if doc.tokens[start].text in ("и", "and"):
            start += 1
        language = doc.language(doc.tokens[min(start, limit)])
        following = role_after(doc, start, language, min(limit, start + MAX_PHRASE))
        if following is None or _names_follow(doc, following) or _not_the_names(doc, following, name_last):
            break
        more.append(following)
        index = _past_own_words(doc, following, limit)
    return more


def _past_own_words(doc: DocumentIndex, phrase: Phrase, limit: int) -> int:
    """The token after a prepositional phrase the role's complement left out («борца с ксенофобией, члена
    палаты»: «с ксенофобией»): a preposition and a few nouns and adjectives up to a comma, no verb or name."""
    index = phrase.last + 1
    if index > limit or doc.tokens[index].pos != "ADP":
        return index
    for k in range(index, min(limit, index + PREPOSITIONAL_TOKENS) + 1):
        token = doc.tokens[k]
        if token.text in (",", "и", "and"):
            return k
        if token.pos not in ("ADP", "NOUN", "ADJ", "DET") or doc.mention_of_token(k) is not None:
            break
    return index


def _succession(doc: DocumentIndex, mention: Mention, start: int, limit: int, language: str) -> list[Found]:
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


def _service_verb(doc: DocumentIndex, first: int, last: int, language: str) -> Token | None:
    """The verb of service whose subject (or object, for "appointed X") is the name."""
    lex = lexicon(language)
    for index in range(first, last + 1):
        token = predicates.first_conjunct(doc, doc.tokens[index])
        if token.dep == "appos" and not first <= token.head <= last and doc.tokens[token.head].pos == "NOUN":
            token = doc.tokens[token.head]  # «назначил свою жену Мехрибан Алиеву …»: the noun the name stands by
        head = doc.tokens[token.head]
        if head.i == token.i:
            continue
        if token.dep.startswith("nsubj") or (token.dep in ("obj", "dobj") and head.lemma in lex.starts):
            if token.dep == "nsubj" and head.lemma in lex.appointing and _has_object(doc, head):
                continue  # «Алиев назначил жену первым вице-президентом»: the office is the wife's
            if head.lemma in lex.service_verbs or head.lemma in lex.leading_verbs:
                return head
            # "Nazarbayev intends to remain in charge as chairperson": the verb the subject's verb governs
            for child in doc.children.get(head.i, []):
                verb = doc.tokens[child]
                if verb.dep == "xcomp" and (verb.lemma in lex.service_verbs or verb.lemma in lex.leading_verbs):
                    return verb
    rootless = _subjectless_root_after(doc, first, last, lex.service_verbs)
    if rootless is not None:
        return rootless
    # A misparsed subject ("From 1985 to 1991 X served as …" parses X as an object of "to"): the verb right after the name.
    following = last + 1
    if following < len(doc.tokens) and doc.tokens[following].pos in ("VERB", "AUX"):
        verb = doc.tokens[following]
        passive = verb.dep.startswith("aux") and language == "ru"  # «X был экстрадирован …»: no copula
        if verb.lemma in lex.service_verbs and verb.sent == doc.tokens[last].sent and not passive:
            return verb
    return None


def _subjectless_root_after(doc: DocumentIndex, first: int, last: int, verbs: frozenset[str]) -> Token | None:
    """ "Imangali Tasmagambetov, a former prime minister, became Secretary General" parsed after a headline
    whose arcs the paragraph cut left the name a root of its own: the name, a root, is the subject of the
    next root verb of service in its sentence that has none."""
    name = next((k for k in range(first, last + 1) if doc.tokens[k].head == k), None)
    if name is None or doc.tokens[name].language != "en":
        return None
    for index in range(last + 1, _sentence_limit(doc, last) + 1):
        verb = doc.tokens[index]
        if verb.head != index:
            continue
        subjectless = not any(doc.tokens[c].dep.startswith("nsubj") for c in doc.children.get(index, []))
        return verb if verb.pos in ("VERB", "AUX") and verb.lemma in verbs and subjectless else None
    return None


def _has_object(doc: DocumentIndex, verb: Token) -> bool:
    return any(doc.tokens[c].dep in ("obj", "dobj") for c in doc.children.get(verb.i, []))


def _verbal(doc: DocumentIndex, mention: Mention, first: int, last: int, language: str) -> list[Found]:
    found: list[Found] = leaving.left(doc, mention, first, last, language)
    verb = _service_verb(doc, first, last, language)
    while verb is not None:
        found.extend(_roles_of_verb(doc, mention, verb, last, language))
        # «является депутатом …, также является членом комитета»: a verb joined to it without a subject of its own
        verb = predicates.joined_service_verb(doc, verb, language)
    return found


def _participle(doc: DocumentIndex, mention: Mention, last: int, language: str) -> list[Found]:
    """«X, занимавший пост министра», «X, назначенный послом»: a participle of service right after the name
    and its comma (the parse often hangs it on another word)."""
    index = last + 1
    if index + 1 >= len(doc.tokens) or doc.tokens[index].text != ",":
        return []
    verb = doc.tokens[index + 1]
    lex = lexicon(language)
    if verb.pos != "VERB" or verb.sent != doc.tokens[last].sent or verb.lemma not in lex.service_verbs:
        return []
    return _roles_of_verb(doc, mention, verb, verb.i, language)


def _relative_clauses(doc: DocumentIndex) -> list[Found]:
    """«X, который тогда был вице-президентом компании», "X, who became minister": the relative pronoun is
    the subject and stands for the person its clause hangs on (or the person right before its comma)."""
    found: list[Found] = []
    for token in doc.tokens:
        language = doc.language(token)
        if not token.dep.startswith("nsubj") or token.lemma not in lexicon(language).relative_pronouns:
            continue
        person = predicates.antecedent(doc, token)
        if person is None:
            continue
        found.extend(_verbal(doc, person, token.i, token.i, language))
        found.extend(predicates.copular(doc, person, token.i, token.i, language))
    return found


def _roles_of_verb(doc: DocumentIndex, mention: Mention, verb: Token, last: int, language: str) -> list[Found]:
    if any(doc.tokens[c].text.lower() in any_language("modals") for c in doc.children.get(verb.i, [])):
        return []  # no verb of service, or a hypothetical one ("could become the next president")
    lex = lexicon(language)
    limit = _sentence_limit(doc, verb.i)
    if verb.lemma in lex.leading_verbs and (predicates.infinitive(verb) or language == "ru"):
        # «может возглавить союзное государство»: to head is not heading. And a Russian verb of leading names
        # no office («возглавлял Абакан»: mayor? head of the district?): on NEREL dev 1 of 62 was one.
        return []
    if verb.lemma in lex.leading_verbs:
        # "headed the government": the verb is the role, its object the organization
        objects = [c for c in doc.children.get(verb.i, []) if doc.tokens[c].dep in ("obj", "dobj")]
        if objects and _an_occasion(doc, objects[0], language):
            return []  # "chaired the summit", "led the talks": an occasion led once, not an office
        if objects:
            obj = objects[0]
            end = complement_end(doc, obj, min(limit, obj + MAX_PHRASE), language)
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
            if found and _between_roles(doc, found[-1].phrase.last + 1, index, language):
                index += 1  # "as akim of Almaty, and later as ambassador to Russia": the roles go on
                continue
            if found:
                break
            index += 1
            continue
        if found and doc.tokens[head_noun(doc, phrase.first, phrase.head_end)].dep.startswith("nsubj"):
            break  # "became minister, and the president of Acme asked him": another clause's subject
        if _each_holds(doc, mention, phrase):
            found.append(Found(mention.cluster, phrase, "service", verb))
        # "as chairperson of NurOtan and lifelong head of the National Security Council"
        index = phrase.last + 1
        stop = min(limit, index + MAX_PHRASE)
    if not found and (before := predicates.before_verb(doc, verb, language)) is not None:
        found.append(Found(mention.cluster, before, "service", verb))
    return found


def _each_holds(doc: DocumentIndex, mention: Mention, phrase: Phrase) -> bool:
    """Does the person hold the role their verb gives? «стала … политиками» is no office; «стал одним из
    основателей» is; a plural role of coordinated names is each one's («A и B стали депутатами»), a singular
    role the first name's alone (the later names hang on the first by the parse, which may be wrong)."""
    if phrase.one_of is not None:
        return True
    names = _name_tokens(doc, mention)
    if plural(doc.tokens[head_noun(doc, phrase.first, phrase.head_end)]):
        return predicates.coordinated_person(doc, *names)
    return not predicates.later_conjunct(doc, *names)


def _between_roles(doc: DocumentIndex, after: int, index: int, language: str) -> bool:
    """Are the words from `after` to `index` only those that join one role of a verb to the next (", and
    later as" in English; one comma or «и» in Russian)?"""
    lex = lexicon(language)
    words = lex.between_roles | {",", "и", "and"}
    if language != "en":  # one comma or «и» right after the role
        return index == after and doc.tokens[index].text.lower() in words
    # "akim of Almaty and of Astana, and later as …": a second place of the same role is passed over too
    return all(
        doc.tokens[k].text.lower() in words | lex.joins or doc.mention_of_token(k) is not None
        for k in range(after, index + 1)
    )


def _an_occasion(doc: DocumentIndex, index: int, language: str) -> bool:
    """Is the noun an event or a gathering (the events' words: "summit", "talks", "session", «саммит»)?"""
    words = event_lexicon(language)
    token = doc.tokens[index]
    forms = {token.lemma.lower(), token.text.lower()}
    single = {first for first, triggers in words.triggers.items() for trigger, _ in triggers if len(trigger) == 1}
    return bool(forms & (words.gatherings | single))


def _not_the_names(doc: DocumentIndex, phrase: Phrase, name_last: int) -> bool:
    """An apposition that cannot be of the name before it: a plural role, or one in a case the name is not in."""
    if phrase.one_of is not None:  # «X, один из основателей компании»: «один» agrees with the name
        return disagree(doc.tokens[phrase.one_of], doc.tokens[name_last])
    role = doc.tokens[head_noun(doc, phrase.first, phrase.head_end)]
    return plural(role) or disagree(role, doc.tokens[name_last])


def _names_follow(doc: DocumentIndex, phrase: Phrase) -> bool:
    """ "X, the current CSTO Secretary General Imangali Tasmagambetov": a title of the next name, not of X."""
    for index in range(phrase.last + 1, min(len(doc.tokens), phrase.last + 4)):
        if doc.tokens[index].sent != doc.tokens[phrase.last].sent:
            return False  # the next sentence's name is no one's title here
        other = doc.mention_of_token(index)
        if other is not None and other.type == "person":
            return True
        if doc.tokens[index].text in (",", ";") or doc.tokens[index].pos == "CCONJ":
            return False  # "X - director of Y, and Z - …": a list of people, each with their role
    return False


def _titles_a_name(doc: DocumentIndex, phrase: Phrase) -> bool:
    """Does a name follow the phrase in its sentence (then it is that name's title)?"""
    following = phrase.last + 1
    if following >= len(doc.tokens) or doc.tokens[following].sent != doc.tokens[phrase.last].sent:
        return False
    other = doc.mention_of_token(following)
    return other is not None and other.type == "person"


def _pronoun_subjects(doc: DocumentIndex) -> list[Found]:
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
        found.extend(predicates.copular(doc, person, token.i, token.i, language))  # «он был гендиректором …»
    return found


def _pronoun_objects(doc: DocumentIndex) -> list[Found]:
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


def _object_before(doc: DocumentIndex, pronoun: Token) -> Mention | None:
    for index in range(pronoun.i - 1, -1, -1):
        if doc.tokens[index].sent != pronoun.sent:
            return None
        mention = doc.mention_of_token(index)
        if mention is not None and mention.type == "person" and doc.tokens[index].dep in ("obj", "dobj"):
            return mention
    return None
