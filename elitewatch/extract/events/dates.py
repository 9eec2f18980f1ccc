"""When an event was: the date attached to its trigger's clause, else to a clause above it, else one in the
sentence no other event takes; an undated meeting during a dated visit takes the visit's."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from elitewatch.extract.document import DocumentIndex, sentence_of
from elitewatch.extract.events.lexicon import groups, lexicon
from elitewatch.extract.events.syntax import (
    MAX_CLIMB,
    clause_chain,
    clause_verb,
    introduced_by,
    is_verb,
    span_head,
    subtree,
)
from elitewatch.extract.events.triggers import Found, Trigger
from elitewatch.temporal import TimeExpr, find_dates


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


def date_sites(doc: DocumentIndex, anchor: str | None) -> list[DateSite]:
    sites = []
    for expr in find_dates(doc.text, 0, len(doc.text), anchor):
        if expr.value is None or expr.parts.kind == "elapsed" or _in_citation(doc.text, expr.start):
            continue
        first, last = doc.token_at(expr.start), doc.token_at(max(expr.start, expr.end - 1))
        top = span_head(doc, first, last)
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


def _clauses_above(doc: DocumentIndex, verb: int) -> set[int]:
    """The clauses a clause is part of, up to the sentence's main verb."""
    found = set()
    for _ in range(MAX_CLIMB):
        head = doc.tokens[verb].head
        if head == verb:
            break
        verb = clause_verb(doc, head)
        found.add(verb)
    return found


def _in_sequence(doc: DocumentIndex, trigger: Trigger) -> bool:
    """Is the trigger noun introduced by "after", "before", «после»: another time than its clause's?"""
    words = lexicon(trigger.language).sequence_words
    head = doc.tokens[trigger.head].head
    return introduced_by(doc, head, words) or introduced_by(doc, trigger.head, words)


def event_date(doc: DocumentIndex, trigger: Trigger, sites: DateSites, taken: set[int]) -> TimeExpr | None:
    sentence = sentence_of(doc, trigger.head)
    near = sites.between(sentence.start, sentence.end)
    if not near:
        return None
    position = doc.tokens[trigger.head].start
    own = set(subtree(doc, trigger.head, limit=40)) if not is_verb(doc.tokens[trigger.head]) else set()
    if own and _in_sequence(doc, trigger):
        attached = [s for s in near if s.governor in own]
        return min(attached, key=lambda s: abs(s.expr.start - position)).expr if attached else None
    for clause in clause_chain(doc, clause_verb(doc, trigger.head)):
        attached = [s for s in near if s.clause == clause or s.governor in own]
        if attached:  # a date before "5 days later", which only restates the gap
            return min(attached, key=lambda s: (s.expr.parts.kind == "offset", abs(s.expr.start - position))).expr
        own = set()
    above = _clauses_above(doc, clause_verb(doc, trigger.head))
    free = [s for s in near if s.clause in above and s.clause not in taken]
    if free:
        return min(free, key=lambda s: abs(s.expr.start - position)).expr
    return None


def date_within_visits(found: list[Found]) -> None:
    """An undated meeting takes the date of the latest dated visit before it by one of its participants."""
    within = groups().within_visits
    for number, item in enumerate(found):
        if item.date is not None or item.trigger.type not in within:
            continue
        for earlier in reversed(found[:number]):
            shared = set(earlier.participants) & set(item.participants)
            if earlier.trigger.type == "visit" and earlier.date is not None and shared:
                item.date = earlier.date
                break
