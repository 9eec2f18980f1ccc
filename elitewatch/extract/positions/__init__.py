"""Offices held: who holds (or held) which post, where, and since or until when.

Every person mention is looked at for the constructions that state an office
(the words are data: data/lexicon/positions.yaml):

1. title before the name: "Kazakh President Kassym-Jomart Tokayev", "CSTO Secretary General Imangali
   Tasmagambetov", "the head of the Risk Assessment Group Dosym Satpaev", «мэра Москвы Юрия Лужкова»,
   «депутат …, сопредседатель движения «Солидарность» Михаил Вельмакин» (a list of roles);
2. apposition after it: "Dosym Satpaev, director of the Risk Assessment Group", «Виктор Хренин, министр
   обороны Беларуси»;
3. a verb of service whose subject (or object) is the person: "X was appointed Ambassador …", "X became
   akim of Atyrau", "X headed the government", «X назначен на должность …», «X возглавлял …»;
4. succession: "X, Y’s predecessor as ambassador" gives X the office, ended when Y's began.

The role is the phrase as written (Russian roles are put in the nominative up to their head noun); the
organization is the first named entity of the phrase (a country for an adjective: Kazakh → Kazakhstan),
the one after "to" first ("Ambassador of Kazakhstan to Russia": Russia). "former", "ex-", "then-" end
the term. Dates: a verb that starts a term takes its sentence's date as the start ("from 1985 to 1991"
gives start and end); otherwise the sentence's date, or the publication date, is when the text shows
the person in the post (`as_of`).

By mechanism: `phrases` finds role words and their complement around a name, `constructions` the
constructions above (what `found_in` returns), `records` makes each a Position (role text, organization,
confidence) dated by `dates` (the sentence, a caption, an age), `merging` joins a document's records of one
office, `countries` gives a national office named without its country the country it implies, and `bodies`
a bare role of an organization («операционный директор») the organization the document is about.
"""

from __future__ import annotations

from elitewatch.extract.document import DocumentIndex
from elitewatch.extract.positions.bodies import imply_bodies
from elitewatch.extract.positions.constructions import found_in
from elitewatch.extract.positions.countries import imply_countries
from elitewatch.extract.positions.dates import Ages
from elitewatch.extract.positions.found import Found
from elitewatch.extract.positions.grammar import named_like_a_person
from elitewatch.extract.positions.merging import merge
from elitewatch.extract.positions.records import coordinated_places, position_of
from elitewatch.extract.positions.stacked import share_stacked_orgs
from elitewatch.extract.positions.unnamed import (
    complete_offices,
    continued_roles,
    described_roles,
    held_by_another,
    salient_roles,
    unnamed_roles,
)
from elitewatch.model import LocalEntity, Parsed, Position

EXTRACTOR = "positions"
# 3: offices by their verb's tense, "since" starts, section countries; 4: times and modifiers; 5: offices left, roles
# described by an age; 6: the leading office of the person a text is about, roles held in a capacity; 7: relational
# roles alone dropped, inner roles of a chain, names set off at a sentence's end, circumstances no organization
VERSION = "7"

__all__ = ["EXTRACTOR", "VERSION", "extract_positions"]


def extract_positions(
    parsed: Parsed, entities: list[LocalEntity], anchor: str | None = None, *, doc: DocumentIndex | None = None
) -> list[Position]:
    """`doc`: the document's index over `parsed` and `entities`, when the analysis has built it."""
    doc = DocumentIndex(parsed, entities) if doc is None else doc
    if not doc.tokens:
        return []
    people = {e.index for e in entities if named_like_a_person(doc, e.mentions)}
    found = [item for item in found_in(doc) if item.person in people]  # the holder is a person, by its words
    found = [item for item in found if not _inside(doc, item)]
    ages = Ages(doc, anchor)
    records = []
    for item in found:
        record = position_of(doc, item, anchor, ages)
        if record is not None:
            records.extend([record, *coordinated_places(doc, item, record)])
    share_stacked_orgs(doc, records)
    positions = merge(records, anchor)
    unnamed = [position_of(doc, item, anchor, ages) for item in unnamed_roles(doc, found, positions)]
    complete_offices(positions, [p for p in unnamed if p is not None])
    later = [*continued_roles(doc, found, positions), *described_roles(doc, found)]
    continued = [position_of(doc, item, anchor, ages) for item in later]
    salient = [position_of(doc, item, anchor, ages) for item in salient_roles(doc, [*found, *later])]
    continued.extend(p for p in salient if p is not None and not held_by_another(p, positions))
    if any(p is not None for p in continued):
        positions = merge([*positions, *(p for p in continued if p is not None)], anchor)
    imply_countries(doc, positions)
    imply_bodies(doc, positions)
    return positions


def _inside(doc: DocumentIndex, item: Found) -> bool:
    """«Заместителем Мехсуда назначен X»: a name inside the role phrase is its principal, never its holder."""
    start, end = doc.tokens[item.phrase.first].start, doc.tokens[item.phrase.last].end
    return any(start <= m.start and m.end <= end for m in doc.entities[item.person].mentions)
