"""A found construction made a Position: the role as written, its organization or country, how sure, when."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from elitewatch.extract import confidence
from elitewatch.extract.document import DocumentIndex, sentence_of
from elitewatch.extract.positions.dates import Ages, caption_dates, sentence_dates
from elitewatch.extract.positions.found import Found
from elitewatch.extract.positions.generic import generic_noun, nearest_named, subject_owner
from elitewatch.extract.positions.grammar import plural
from elitewatch.extract.positions.lexicon import Lexicon, lexicon
from elitewatch.extract.positions.phrases import QUOTE_CHARS, Phrase, head_noun
from elitewatch.model import Mention, Position, Token
from elitewatch.nlp.russian import load
from elitewatch.temporal import TimeExpr
from elitewatch.vocabulary.countries import demonym
from elitewatch.vocabulary.offices import without_interim

# The most words an organization's name in brackets after a name may have («(РПЦ МП)», «(Ювентус)»); set by
# hand (25a608e), not swept on a dev set.
BRACKETED_ORG_TOKENS = 6
# How many heads up a token's clause verb is looked for: a date or a title is rarely deeper in its clause.
MAX_CLAUSE_DEPTH = 10


def position_of(doc: DocumentIndex, item: Found, anchor: str | None, ages: Ages) -> Position | None:
    language = doc.language(doc.tokens[item.phrase.head_end])
    role = _role_text(doc, item.phrase, language)
    if item.pattern in ("predecessor", "successor"):
        role = without_interim(role)  # an acting president's predecessor was president
    lex = lexicon(language)
    if not role or any(
        doc.word(doc.tokens[k], language) in lex.not_held for k in range(item.phrase.first, item.phrase.head_end)
    ):
        return None
    before = range(max(0, item.phrase.first - 3), item.phrase.first)
    if any(doc.word(doc.tokens[k], language) in lex.candidacy for k in before):
        return None  # «экс-кандидат в президенты Беларуси», "candidate for president"
    org, org_text = _org(doc, item.phrase, item.person, language)
    if org is None and item.pattern == "title" and (bracketed := _bracketed_org(doc, item.phrase)) is not None:
        org, org_text = bracketed.cluster, _balanced(doc.entities[bracketed.cluster].name)
    if org is None and org_text is None and role.lower() in lex.relational and not _possessed(doc, item.phrase, lex):
        return None  # «заместитель», "representative": of whom or what the text does not say
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
        ended=item.phrase.ended or (item.trigger is not None and _served_before(doc, item.trigger, language)),
        confidence=confidence.positions().of(item.pattern),
    )
    starts = item.trigger is not None and item.trigger.lemma in lex.starts
    leaves = item.pattern == "left" and position.ended  # «ушёл с поста министра»: the term ended then
    dates = sentence_dates(doc, sentence, anchor)
    year = ages.year_of(item.person, item.trigger) if item.trigger is not None and not dates else None
    if year is not None:  # "at 39 he took the position of Deputy Prime Minister"; "at 45 he headed …"
        position.start, position.as_of = (year, None) if starts else (None, year)
        return position
    dates = dates or caption_dates(doc, sentence, anchor)
    ranges = [d for d in dates if d.end_value and d.parts.kind == "range"]
    if ranges:
        position.start, position.end = ranges[0].value, ranges[0].end_value
    elif starts and dates:
        position.start = dates[0].value
    elif leaves and dates:
        position.end = dates[0].value
    elif (since := _since(doc, dates, item, language)) is not None and not position.ended:
        position.start = since.value  # "has served as mayor since 2019", «с 2019 года работает министром»
    elif dates and item.pattern in ("title", "apposition", "service") and not _over(doc, item.phrase, language):
        # "In 2017, while serving as Deputy Prime Minister"; of several dates, the one of the title's own clause
        date = _clause_date(doc, dates, item.phrase) if language == "en" else dates[0]
        if not position.ended or item.trigger is None or _dated_by(doc, item.trigger, date, language):
            position.as_of = date.value
    elif (
        not position.ended and anchor and (item.pattern in ("title", "apposition") or _in_present(doc, item, language))
    ):
        position.as_of = anchor  # "Peter Olsen serves as mayor", «работает министром»: in post when written
    return position


def _dated_by(doc: DocumentIndex, verb: Token, date: TimeExpr, language: str) -> bool:
    """Is a sentence's date the time of an office that a past verb of service says is over? Only when the date is
    in the verb's own clause ("In 2017 he served as mayor") or the verb says "then" («который тогда работал
    министром, в 2017 году выступил»); "X, who served as mayor, spoke on Monday" is no mayor on Monday."""
    if _clause_verb(doc, doc.token_at(date.start)) == verb.i:
        return True
    at_the_time = lexicon(language).at_the_time
    return any(doc.tokens[c].lemma in at_the_time for c in doc.children.get(verb.i, []))


def _since(doc: DocumentIndex, dates: list[TimeExpr], item: Found, language: str) -> TimeExpr | None:
    """The date a verb of service's own clause says its term runs from ("since 2019", «с 2019 года»)."""
    if item.trigger is None or item.pattern != "service":
        return None
    words = lexicon(language).since
    for date in dates:
        first = doc.token_at(date.start)
        before = doc.tokens[first - 1] if first > 0 else None
        if before is not None and before.text.lower() in words and _clause_verb(doc, first) == item.trigger.i:
            return date
    return None


def _in_present(doc: DocumentIndex, item: Found, language: str) -> bool:
    """A verb of service in the present tense and not a starting one ("serves as mayor", "is serving",
    «является министром»): the office is held when the text is written."""
    verb = item.trigger
    if verb is None or item.pattern != "service" or verb.lemma in lexicon(language).starts:
        return False
    return "Pres" in verb.tense.split(",")  # the verb's own: «будет работать» is an infinitive, "serving" present


def coordinated_places(doc: DocumentIndex, item: Found, position: Position) -> list[Position]:
    """ "akim of Almaty and of Astana": an English role whose place is followed by "and" (and the same
    preposition) with another place is that office in each place, one record each."""
    if position.org is None or doc.language(doc.tokens[item.phrase.head_end]) != "en":
        return []
    place = doc.entities[position.org]
    if place.type != "place":
        return []
    lex = lexicon("en")
    written = doc.text[doc.tokens[item.phrase.first].start : doc.tokens[item.phrase.last].end]
    found: list[Position] = []
    index = item.phrase.last + 1
    while index + 1 < len(doc.tokens) and doc.tokens[index].text.lower() in ("and", ","):
        index += 1
        if doc.tokens[index].text.lower() in lex.joins:
            index += 1
        other = doc.mention_of_token(index) if index < len(doc.tokens) else None
        if other is None or other.type != "place" or other.cluster in (position.org, position.person):
            break
        copy = replace(position, org=other.cluster, org_text=_balanced(doc.entities[other.cluster].name))
        surface = next((form for form in sorted(place.forms, key=len, reverse=True) if written.endswith(form)), None)
        if surface is not None and position.role.endswith(surface):
            copy.role = position.role[: -len(surface)] + other.text
        copy.evidence_start, copy.evidence_end = other.start, other.end
        found.append(copy)
        index = doc.token_at(max(other.start, other.end - 1)) + 1
    return found


def _served_before(doc: DocumentIndex, verb: Token, language: str) -> bool:
    """A verb of service in the past ("X headed the ministry", "X, who served as akim of Astana", "X had led
    the party"), with no auxiliary that brings it to the present ("has headed", "is serving"), tells an office
    that ended before the text's time, whatever date its sentence gives; a starting verb does not ("became")."""
    lex = lexicon(language)
    if verb.lemma not in lex.past_service or not _past_form(verb, lex.past_forms):
        return False
    auxiliaries = (doc.tokens[c] for c in doc.children.get(verb.i, []))
    return not any(a.dep.startswith("aux") and a.text.lower() in lex.current_auxiliaries for a in auxiliaries)


def _past_form(verb: Token, irregular: frozenset[str]) -> bool:
    """A past form ("headed", "held", «возглавлял», «работавший»), not the present ("heads", «возглавляет») or a
    participle in -ing: the tense the morphology gives; without one, an English form in -ed or an irregular past."""
    if verb.pos not in ("VERB", "AUX"):
        return False
    if verb.tense:
        return "Past" in verb.tense.split(",")
    written = verb.text.lower()
    return written != verb.lemma and (written.endswith("ed") or written in irregular)


def _clause_date(doc: DocumentIndex, dates: list[TimeExpr], phrase: Phrase) -> TimeExpr:
    """Of a sentence's dates, the one whose verb is the verb of the role's clause: in "X, appointed ambassador on
    July 3, presented his credentials to President Y on December 4", Y is president on December 4; else the
    first."""
    if len(dates) > 1:
        verb = _clause_verb(doc, phrase.head_end)
        for date in dates:
            if verb is not None and _clause_verb(doc, doc.token_at(date.start)) == verb:
                return date
    return dates[0]


def _clause_verb(doc: DocumentIndex, index: int) -> int | None:
    """The verb a token's clause is headed by: the first verb up its chain of heads."""
    for _ in range(MAX_CLAUSE_DEPTH):
        token = doc.tokens[index]
        if token.pos in ("VERB", "AUX") and token.dep not in ("aux", "auxpass", "amod"):
            return index
        if token.head == index:
            return None
        index = token.head
    return None


def _over(doc: DocumentIndex, phrase: Phrase, language: str) -> bool:
    """Does the role say its term was over by the time its sentence tells ("a former prime minister",
    «экс-премьер»)? Then the sentence's date is another office's or another event's, not this one's."""
    over = lexicon(language).over
    for index in range(phrase.first, phrase.head_end + 1):
        word = doc.word(doc.tokens[index], language)
        if word.strip("-") in over or word.split("-")[0] in over:
            return True
    return False


def _bracketed_org(doc: DocumentIndex, phrase: Phrase) -> Mention | None:
    """«голкипер Джанлуиджи Буффон (Ювентус)», «архиепископ Лонгин (РПЦ МП)»: an organization alone in brackets
    right after the name a title stands before is where the title is held."""
    name = doc.mention_of_token(phrase.last + 1) if phrase.last + 1 < len(doc.tokens) else None
    if name is None or name.type != "person":
        return None
    opening = doc.token_at(max(name.start, name.end - 1)) + 1
    if opening >= len(doc.tokens) or doc.tokens[opening].text != "(":
        return None
    for index in range(opening + 1, min(len(doc.tokens), opening + BRACKETED_ORG_TOKENS + 2)):
        if doc.tokens[index].text == ")":
            inside = doc.mention_in(doc.tokens[opening].end, doc.tokens[index].start, ("organization",))
            named = {
                doc.mention_of_token(k) is not None or doc.tokens[k].text in QUOTE_CHARS
                for k in range(opening + 1, index)
            }
            return inside[0] if len(inside) == 1 and named == {True} else None
    return None


def _possessed(doc: DocumentIndex, phrase: Phrase, lex: Lexicon) -> bool:
    """«своего помощника», "his deputy": a possessive before the role says whose it is."""
    first = max(0, phrase.first - 1)
    words = lex.possessives | lex.reflexive_possessives
    return any(doc.tokens[k].lemma.lower() in words for k in range(first, phrase.head_end + 1))


def _org(doc: DocumentIndex, phrase: Phrase, person: int, language: str) -> tuple[int | None, str | None]:
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
    beyond = _place_beyond(doc, phrase, person) if language == "en" else None
    if beyond is not None:  # "akim (mayor) of Astana", "akim of the Kazakh capital, Astana"
        return beyond.cluster, _balanced(doc.entities[beyond.cluster].name)
    for index in range(phrase.first, phrase.last + 1):
        country = demonym(doc.tokens[index].text, doc.tokens[index].lemma)
        if country:
            return None, _national_body(doc, phrase, index, country, language) or country
    owner = subject_owner(doc, phrase, language)
    if owner is not None and phrase.last == phrase.head_end:  # «своего председателя»: the subject's
        return owner
    noun = generic_noun(doc, phrase, language)
    if noun is not None:  # «пресс-секретарь компании»: the company named nearby, never «компании»
        named = nearest_named(doc, phrase, noun, person)
        return (named.cluster, _balanced(doc.entities[named.cluster].name)) if named is not None else (None, None)
    fronted = _fronted_body(doc, phrase, person) if language == "ru" and phrase.last == phrase.head_end else None
    if fronted is not None:  # «В Сенате … спикер Гарри Рид заявил»: the speaker of the Senate
        return fronted.cluster, _balanced(doc.entities[fronted.cluster].name)
    if phrase.last > phrase.head_end:
        tail_words = [doc.word(doc.tokens[k], language) for k in range(phrase.head_end + 1, phrase.last + 1)]
        if all(word in lex.country_words or word in lex.joins for word in tail_words):
            return None, None  # «глава государства»: the country is not named here (see imply_countries)
        tail = doc.text[doc.tokens[phrase.head_end + 1].start : end]
        tail = _leading_join().sub("", tail.strip())
        if language == "ru" and _circumstance(tail, lex):
            return None, None  # «вратарь на чемпионате мира», «актёр в фильме»: where, not whose
        return None, _balanced(tail) or None
    return None, None


def _fronted_body(doc: DocumentIndex, phrase: Phrase, person: int) -> Mention | None:
    """«В Сенате, где …, спикер Гарри Рид заявил»: a bare role in a clause whose first words are «в» or «на» and
    an organization (never a place: «В Москве министр …»), the
    organization a word of the clause's verb, is held there; not an office a country has («В ООН президент
    заявил»: the country's president)."""
    lex = lexicon("ru")
    role = doc.tokens[phrase.head_end]
    if doc.text[role.start : role.end].lower() in lex.national_offices or role.lemma in lex.national_offices:
        return None
    verb, seen = role, {role.i}
    while verb.head not in seen and verb.pos not in ("VERB", "AUX"):  # a parse's arcs may go round
        seen.add(verb.head)
        verb = doc.tokens[verb.head]
    if verb.pos not in ("VERB", "AUX"):
        return None
    first = phrase.first
    while first > 0 and doc.tokens[first - 1].sent == role.sent:
        first -= 1
    for child in sorted(doc.children.get(verb.i, [])):
        token = doc.tokens[child]
        if child >= phrase.first or token.dep != "obl" or child - 1 != first:
            continue
        if doc.tokens[first].text.lower() not in ("в", "на"):
            continue
        mention = doc.mention_of_token(child)
        if mention is not None and mention.type == "organization" and mention.cluster != person:
            return mention
    return None


def _place_beyond(doc: DocumentIndex, phrase: Phrase, person: int) -> Mention | None:
    """The place an English role's preposition names past the words the phrase stops at: "akim (mayor) of
    Astana", "akim of the Kazakh capital, Astana", "worked as akim in his native Atyrau region". The place is
    the preposition's object or a word of its own noun phrase (a compound, an apposition), never one of a phrase
    further in ("appointed minister at a ceremony in Astana"); the preposition hangs on the role, or on the verb
    of service right after it."""
    joins = lexicon("en").joins
    head = doc.tokens[phrase.head_end]
    after = phrase.last + 1
    hosts = [head.i]
    if head.dep == "pobj" and doc.tokens[head.head].head != head.head:
        hosts.append(doc.tokens[head.head].head)  # "served as akim in …": the verb above "as"
    for host in hosts:
        for child in sorted(doc.children.get(host, [])):
            preposition = doc.tokens[child]
            if preposition.dep != "prep" or preposition.text.lower() not in joins:
                continue
            if host != head.i and (child < after or not _right_after(doc, phrase.last, child)):
                continue
            for word in doc.children.get(child, []):
                if doc.tokens[word].dep != "pobj":
                    continue
                for index in (word, *sorted(doc.children.get(word, []))):
                    if index != word and doc.tokens[index].dep not in ("compound", "appos", "amod"):
                        continue
                    mention = doc.mention_of_token(index)
                    if mention is not None and mention.type == "place" and mention.cluster != person:
                        return mention
    return None


def _right_after(doc: DocumentIndex, last: int, index: int) -> bool:
    """Token `index` follows token `last` with nothing between but an aside in brackets."""
    between = [doc.tokens[k].text for k in range(last + 1, index)]
    return not between or (between[0] == "(" and between[-1] == ")")


def _national_body(doc: DocumentIndex, phrase: Phrase, index: int, country: str, language: str) -> str | None:
    """A country's adjective inside the complement of the role names a body of that country: "chairman of the
    Kazakh Cabinet" is the Cabinet of Kazakhstan (before the role's words, "Kazakh President", the country)."""
    if language != "en" or index <= phrase.head_end or index >= phrase.last:
        return None
    rest = doc.text[doc.tokens[index + 1].start : doc.tokens[phrase.last].end].strip()
    words = [doc.tokens[k] for k in range(index + 1, phrase.last + 1)]
    if not any(t.pos in ("NOUN", "PROPN") for t in words) or all(
        doc.word(t, language) in lexicon(language).country_words for t in words if t.pos in ("NOUN", "PROPN")
    ):
        return None
    return f"{_balanced(rest)} of {country}"


def _circumstance(tail: str, lex: Lexicon) -> bool:
    """A Russian complement of common words after a preposition of place or source («на чемпионате мира», «в
    фильме», «из Новоселова» unnamed): a circumstance of the role, no organization («по делам молодёжи», a
    portfolio, stays)."""
    words = tail.split()
    return len(words) > 1 and words[0].lower() in lex.circumstance_joins and not any(w[:1].isupper() for w in words[1:])


@cache
def _leading_join() -> re.Pattern[str]:
    """An English join word and the definite article at the start of an organization's text ("of the CSTO"),
    lower case as written; a Russian tail keeps its preposition («по делам молодёжи»)."""
    english = lexicon("en")
    return re.compile(rf"^(?:{_alternatives(english.joins)})\s+(?:(?:{_alternatives(english.definite_articles)})\s+)?")


@cache
def _leading_article() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_alternatives(lexicon('en').articles)})\s+", re.IGNORECASE)


def _alternatives(words: frozenset[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=lambda word: (-len(word), word)))


def _balanced(text: str) -> str:
    """Drop a quotation mark whose partner lies outside the phrase: director of the “Risk Assessment Group"."""
    pairs = (("„", "“"), ("«", "»")) if "„" in text else (("“", "”"), ("«", "»"))
    for opening, closing in pairs:
        if text.count(opening) != text.count(closing):
            text = text.replace(opening, "").replace(closing, "")
    return text.strip()


def _role_text(doc: DocumentIndex, phrase: Phrase, language: str) -> str:
    """The role as written, less an aside in brackets ("CSTO (Eurasian military alliance) Secretary General");
    an acronym in brackets stays («… против диктатуры (ОФДД)»)."""
    text = re.sub(r"\s*\([^()]*\s[^()]*\)", "", _raw_role_text(doc, phrase, language))
    return _balanced(text)


def _with_yo(lemma: str, text: str) -> str:
    """The lemma with the «ё» the text wrote («режиссёра» -> «режиссёр», not natasha's «режиссер»)."""
    written = text.lower()
    return "".join("ё" if c == "е" and k < len(written) and written[k] == "ё" else c for k, c in enumerate(lemma))


def _raw_role_text(doc: DocumentIndex, phrase: Phrase, language: str) -> str:
    start, end = doc.tokens[phrase.first].start, doc.tokens[phrase.last].end
    if language != "ru":
        text = doc.text[start:end]
        return _leading_article().sub("", text).strip(" ,")
    words = []
    head_seen = False  # the head noun and the words agreeing with it before it are put in the nominative
    head = doc.tokens[head_noun(doc, phrase.first, phrase.head_end)]
    written = head.case == "Nom" and not plural(head)  # a singular nominative is written as it is
    modifiers = lexicon(language).modifiers
    indeclinable = lexicon(language).indeclinable
    for index in range(phrase.first, phrase.last + 1):
        token = doc.tokens[index]
        nominative = index <= phrase.head_end and not head_seen and token.pos in ("NOUN", "ADJ", "PROPN")
        spacing = doc.text[doc.tokens[index - 1].end : token.start] if index > phrase.first else ""
        if token.text.lower() in indeclinable:
            head_seen = True  # «врио губернатора»: the abbreviated participle governs what follows, as written
            words.append((" " if spacing else "") + token.text.lower())
            continue
        if token.text.lower() in modifiers and token.pos == "VERB":
            head_seen = True  # «исполняющим обязанности губернатора»: the participle governs what follows
            words.append((" " if spacing else "") + _nominative_participle(token.text))
            continue
        before_head = index <= phrase.head_end and not head_seen
        if before_head and written and token.case == "Nom" and token.pos in ("ADJ", "NOUN", "VERB", "PROPN"):
            # «российская эстрадная певица», «телеведущая»: in the nominative singular already, and in its gender
            words.append((" " if spacing else "") + token.text.lower())
            head_seen = head_seen or token.pos == "NOUN"
            continue
        words.append((" " if spacing else "") + (_with_yo(token.lemma, token.text) if nominative else token.text))
        head_seen = head_seen or token.pos == "NOUN"
    return "".join(words)


def _nominative_participle(word: str) -> str:
    """A participle in the nominative of its gender («исполняющим» -> «исполняющий»), by the dictionary."""
    for parse in load()["vocab"].parse(word.lower()):
        if "PRTF" in str(parse.tag):
            found = parse.inflect({"Nom"})
            if found is not None:
                return str(found.word)
    return word
