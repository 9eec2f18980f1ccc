"""Where an event was: a place after "in", "to", "at" («в», «на») in the trigger's phrase or clause, not one
that is part of an office ("ambassador of Kazakhstan to China")."""

from __future__ import annotations

from elitewatch.extract.document import DocumentIndex
from elitewatch.extract.events.lexicon import lexicon
from elitewatch.extract.events.syntax import CLAUSE_DEPS, MAX_CLIMB, clause_tokens, introduced_by, phrase_top, subtree
from elitewatch.extract.events.triggers import Trigger
from elitewatch.model import Mention
from elitewatch.vocabulary.offices import role_words


def _under_role(doc: DocumentIndex, index: int, stop: int) -> bool:
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


def event_place(doc: DocumentIndex, trigger: Trigger, verb: int) -> Mention | None:
    lex = lexicon(trigger.language)
    words = lex.place_prepositions | (lex.destination_prepositions if trigger.type == "visit" else frozenset())
    scopes = [subtree(doc, trigger.head, limit=40, stop=CLAUSE_DEPS)]
    if verb != trigger.head:
        scopes.append(clause_tokens(doc, verb))
    for scope in scopes:
        for index in scope:
            mention = doc.mention_of_token(index)
            if mention is None or mention.type == "person" or doc.tokens[index].start != mention.start:
                continue
            top = phrase_top(doc, mention)
            if introduced_by(doc, top, words) and not _under_role(doc, top, trigger.head):
                return mention
    return None
