"""A quote whose attribution names its speaker by a role goes to the role's holder, once the offices are known.

"As for the Russian President, he has dropped a curtsy (quoting) - “…”": the pronoun stands for the topic
(speakers.topic_of), and the topic is a role, not a name. Before the offices are found the quotes extractor can
only read such a description by the person in focus or the last one titled "President" (in a story about
Kazakhstan's president, the wrong one). After them, the document says who holds the role: "President of Russia
Vladimir Putin" is an office (president, Russia) held by Putin. A role phrase with its country ("the Russian
President", "the President of Russia", "the Kazakh leader") stands for the one person the document gives that
office of that country; with no country, or with two holders, the quote keeps its speaker.
"""

from __future__ import annotations

from functools import cache

from elitewatch.extract.document import DocumentIndex
from elitewatch.extract.pronouns import any_language as pronouns
from elitewatch.extract.pronouns import speaker_words
from elitewatch.extract.quotes.cues import verb_subject
from elitewatch.extract.quotes.speakers import Context, topic_of
from elitewatch.model import Position, Quote, Token
from elitewatch.vocabulary.countries import country_of, demonym
from elitewatch.vocabulary.offices import office_head, role_words

EXTRACTOR = "quote_holders"
VERSION = "1"

# The dependencies by which a country hangs on the role noun: "the Russian President", "the President of Russia".
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})


def give_to_holders(doc: DocumentIndex, quotes: list[Quote], positions: list[Position]) -> None:
    """Each quote whose attributing subject is a role of a country (itself, or the topic its pronoun stands for)
    goes to the one holder of that office the document names."""
    if not quotes or not positions:
        return
    context = Context(doc, [])
    for quote in quotes:
        if quote.speaker is None or quote.attribution_start is None or quote.attribution_end is None:
            continue
        role = _attributing_role(context, quote.attribution_start, quote.attribution_end)
        holder = _holder(positions, *role) if role is not None else None
        if holder is not None and holder != quote.speaker:
            quote.speaker, quote.speaker_text = holder, doc.entities[holder].name


def _attributing_role(context: Context, start: int, end: int) -> tuple[str, str] | None:
    """(office, country) of the role that states the speaker in the attribution text[start:end]: the subject of
    its speech verb, or of its sentence's main verb (a paragraph that brings in the quote after it)."""
    subject = _subject_of(context, start, end)
    if subject is None:
        return None
    token = context.tokens[subject]
    if token.text.lower() in pronouns().person:
        topic = topic_of(context, token)
        if topic is None:
            return None
        token = context.tokens[topic]
    return _role_of(context, token)


def _subject_of(context: Context, start: int, end: int) -> int | None:
    """The first subject of the attribution: of a speech verb in it, or of its sentence's main verb."""
    found: list[int] = []
    for token in context.tokens_between(start, end):
        if token.pos in ("VERB", "AUX") and (subject := verb_subject(context, token.i)) is not None:
            found.append(subject)
        elif token.dep.startswith("nsubj") and context.tokens[token.head].head == token.head:
            found.append(token.i)
    return min(found, default=None)


def _role_of(context: Context, noun: Token) -> tuple[str, str] | None:
    """(office, country) of a description that names no one: "the Russian President" -> (president, Russia)."""
    mention = context.mention_at(noun.start, noun.end)
    if mention is not None and mention.type == "person":
        return None
    office = noun.lemma.lower()
    if office not in _offices() and office not in speaker_words().leader_nouns:
        return None
    country = _country(context, noun)
    return (office_head(office), country) if country is not None else None


@cache
def _offices() -> frozenset[str]:
    """The English role words of one word ("president", "akim")."""
    return frozenset(role[0] for role in role_words("en") if len(role) == 1)


def _country(context: Context, noun: Token) -> str | None:
    """The country a modifier of the role noun names: an adjective ("Russian"), a name ("Russia's"), or "of
    Russia" after it."""
    for child in context.children.get(noun.i, []):
        token = context.tokens[child]
        if token.dep in MODIFIER_DEPS and (country := demonym(token.text, token.lemma) or _place(context, token)):
            return country
        if token.dep == "prep" and token.text.lower() == "of":
            for object_ in context.children.get(child, []):
                if (country := _place(context, context.tokens[object_])) is not None:
                    return country
    return None


def _place(context: Context, token: Token) -> str | None:
    mention = context.mention_at(token.start, token.end)
    if mention is None or mention.type != "place":
        return None
    return country_of(context.entities[mention.cluster].name)


def _holder(positions: list[Position], office: str, country: str) -> int | None:
    """The one person the document gives that office of that country ("leader": any office that leads one)."""
    words = speaker_words()
    offices = words.leader_offices if office in words.leader_nouns else frozenset({office})
    holders = {
        p.person
        for p in positions
        if not p.ended and office_head(p.role) in offices and p.org_text and country_of(p.org_text) == country
    }
    return holders.pop() if len(holders) == 1 else None
