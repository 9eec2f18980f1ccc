"""The country of a national office named without one ("Prime Minister Silvio Berlusconi", «глава
государства»): the person's, else the one the document gives the office, else the document's."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from elitewatch.datafiles import fold, gazetteer_index
from elitewatch.extract import confidence
from elitewatch.extract.document import DocumentIndex
from elitewatch.extract.positions.lexicon import any_language, lexicon
from elitewatch.extract.positions.phrases import role_starting_at
from elitewatch.model import Position
from elitewatch.nlp.words import word_language
from elitewatch.vocabulary.countries import demonym
from elitewatch.vocabulary.offices import office_head

# The most words of a heading that names a section's country («Италия», «Республика Беларусь»): set by hand.
MAX_HEADING_WORDS = 4


def imply_countries(doc: DocumentIndex, positions: list[Position]) -> None:
    """ "Prime Minister Silvio Berlusconi", «глава государства Дмитрий Медведев»: an office a country has,
    named without the country, is the office of the country the person is said to be from (another office
    of theirs, "his French counterpart"), else of the country the office's section is headed by, else of the
    country the document is about."""
    about: list[str | None] = []  # the document's country, found once when first needed
    offices: list[dict[str, set[str]]] = []  # the countries the document gives each office, likewise
    for position in positions:
        named = position.org is not None or (position.org_text and not position.org_text.islower())
        if named or _country(position.org_text) or not (_national(position.role) or _of_the_country(doc, position)):
            continue  # a named organization or country; a lower-case rest is a portfolio: «министр по делам разведки»
        taken = _held_elsewhere(doc, position, positions)
        country = _person_country(doc, position.person, positions)
        if country is None:
            if not offices:
                offices.append(_office_countries(doc))
            country = _office_country(offices[0], position.role, taken)
        if country is None:
            country = _section_country(doc, position.evidence_start)
            country = country if country not in taken else None
        if country is None:
            if not about:
                about.append(_document_country(doc))
            country = about[0] if about[0] not in taken else None
        if country is None:
            continue
        position.org = _country_entity(doc, country)
        # a country the document names is its entity, with every form; one it does not name is written in the
        # role's script, as the document's other organizations are
        position.org_text = country if position.org is not None else _written_as(country, position.role)
        position.confidence = min(position.confidence, confidence.positions().implied_country)


def _national(role: str) -> bool:
    """Is the role's office one a country has ("Deputy Prime Minister", «глава государства»), not an office
    merely near one ("assistant to the president")?"""
    head = office_head(role)
    words = " ".join(re.findall(r"[\w-]+", role.lower()))
    return any(
        office == head
        or (office.startswith(head + " ") and re.search(rf"(?<![\w-]){re.escape(office)}(?![\w-])", words))
        for language in ("en", "ru")
        for office in lexicon(language).national_offices
    )


def _of_the_country(doc: DocumentIndex, position: Position) -> bool:
    """«лидер страны», «военный лидер государства»: a role whose complement is a word for the country itself
    is an office of a country, whatever its role word (not «пресс-секретарь главы государства»: the noun
    right after the role's is the country's, or nothing is)."""
    first, last = doc.token_at(position.evidence_start), doc.token_at(max(0, position.evidence_end - 1))
    nouns = [doc.tokens[k] for k in range(first, last + 1) if doc.tokens[k].pos == "NOUN"]
    if len(nouns) < 2:
        return False
    language = doc.language(nouns[1])
    return doc.word(nouns[1], language) in lexicon(language).country_words


def _country(name: str | None) -> str | None:
    """The country a name is, if it is one."""
    entry = gazetteer_index().get(fold(name)) if name else None
    return entry.name if entry is not None and entry.kind == "country" else None


def _person_country(doc: DocumentIndex, person: int, positions: list[Position]) -> str | None:
    """The country the text ties the person to: another office of theirs, or an adjective before the name."""
    for other in positions:
        if other.person == person and other.confidence > confidence.positions().implied_country:
            named = doc.entities[other.org].name if other.org is not None else other.org_text
            if office_head(other.role) in any_language("envoys"):
                # an envoy is of the country that sends them ("Ambassador of Kazakhstan to Russia"), not of the
                # one their office is in
                sending = _sending_country(other.role, _country(named))
                if sending:
                    return sending
                continue
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


def _sending_country(role: str, receiving: str | None) -> str | None:
    """The country an envoy's role names other than the one they are sent to: "Kazakh Ambassador to Russia",
    "Ambassador of Kazakhstan to Russia", "Kazakhstan's ambassador to Russia", «посол Казахстана в России»."""
    for word in re.findall(r"[\w-]+", role):
        country = _country(word) or _country(demonym(word))
        if country and country != receiving:
            return country
    return None


@cache
def _single_holder_heads() -> frozenset[str]:
    return frozenset(office_head(office) for language in ("en", "ru") for office in lexicon(language).single_holder)


def _held_elsewhere(doc: DocumentIndex, position: Position, positions: list[Position]) -> set[str]:
    """Countries whose one holder of this office is someone else in the document ("President of Russia
    Vladimir Putin": Russia is not the country of "President Tokayev")."""
    head = office_head(position.role)
    if head not in _single_holder_heads():
        return set()
    taken = set()
    for other in positions:
        if (
            other.person != position.person
            and other.confidence > confidence.positions().implied_country
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


def _office_countries(doc: DocumentIndex) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for index, token in enumerate(doc.tokens[:-1]):
        country = _country(demonym(token.text, token.lemma))
        if country is None:
            continue
        role = role_starting_at(doc, index + 1, doc.language(doc.tokens[index + 1]))
        if role is not None:
            found.setdefault(office_head(" ".join(role)), set()).add(country)
    return found


def _section_country(doc: DocumentIndex, offset: int) -> str | None:
    """The country the nearest heading above `offset` names, when it names one: a digest's sections («Италия»
    over «… Премьер-министр Берлускони …», «Белоруссия» over the next). A heading is a line of a few words with
    no sentence's end, between blank lines; a text without headings has no section's country."""
    lines = doc.text[:offset].split("\n")
    for index in range(len(lines) - 2, 0, -1):  # the office's own line, the last, is no heading
        line = lines[index].strip()
        if line and _heading(line) and not lines[index - 1].strip() and not lines[index + 1].strip():
            country = _country(line) or _country(demonym(line))
            if country:
                return country
    return None


def _heading(line: str) -> bool:
    return len(line.split()) <= MAX_HEADING_WORDS and line[-1] not in ".!?:;,…»\"'"


def _document_country(doc: DocumentIndex) -> str | None:
    """The country the document names most often (places in it, adjectives), if one leads (or is the only one)."""
    counts: Counter[str] = Counter()
    for mention in doc.mentions:
        if mention.type == "place":
            entry = gazetteer_index().get(fold(doc.entities[mention.cluster].name))
            if entry is not None and entry.country:
                counts[entry.country] += 1
    for token in doc.tokens:
        named = doc.mention_of_token(token.i)
        if named is not None and named.type == "place":
            continue  # "the Soviet Union" is counted once, as the place: its "Soviet" is no second naming
        country = _country(demonym(token.text, token.lemma))
        if country:
            counts[country] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _written_as(country: str, role: str) -> str:
    """The country's name in the role's script: «Италия» for «премьер-министр», "Italy" for "Prime Minister"."""
    entry = gazetteer_index().get(fold(country))
    language = word_language(role, role)
    forms = entry.forms if entry is not None else ()
    return next((form for form in forms if word_language(form, form) == language), country)


def _country_entity(doc: DocumentIndex, country: str) -> int | None:
    for entity in doc.entities:
        if entity.type == "place" and _country(entity.name) == country:
            return entity.index
    return None
