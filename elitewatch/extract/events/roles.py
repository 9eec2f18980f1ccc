"""The role each participant plays in an event, from how its name stands to the trigger in the parse: the
trigger's subject is the agent (the appointer, the presenter of credentials, the visitor), its object or the
noun it governs through a preposition is the patient (the appointee, the receiver); a verb of receiving
("Putin received Tokayev") makes its subject the host and its object the guest."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from elitewatch.datafiles import LANGUAGES, load_words
from elitewatch.model import Event, LocalEntity, Parsed, Token

EXTRACTOR = "roles"
VERSION = "1"
AGENTS = frozenset({"nsubj", "nsubj:pass", "csubj"})
PATIENTS = frozenset({"dobj", "obj", "iobj", "pobj", "obl", "nmod", "dative", "nsubjpass"})
# Steps from a name up to the trigger through compounds, appositions and prepositions; set by hand with the
# participants' roles (220b8c2: "presented his credentials to X" is three), not swept on a dev set.
CLIMB = 4


@dataclass(frozen=True)
class RoleWords:
    roles: dict[str, dict[str, str]]
    hosting_verbs: tuple[str, ...]


@cache
def _words(language: str) -> RoleWords:
    return load_words("lexicon/roles.yaml", RoleWords, language=language)


@cache
def hosting() -> frozenset[str]:
    return frozenset(verb for language in LANGUAGES for verb in _words(language).hosting_verbs)


def assign_roles(parsed: Parsed, entities: list[LocalEntity], events: list[Event]) -> None:
    """Each event's `roles`: participant (LocalEntity index) -> role."""
    table = _words("en").roles
    by_index = {token.i: token for token in parsed.tokens}
    for event in events:
        trigger = _anchor(
            next((t for t in parsed.tokens if event.trigger_start <= t.start < event.trigger_end), None), by_index
        )
        kinds = table.get(event.type, {})
        event.roles = {}
        for participant in event.participants:
            relation = _relation(entities[participant], trigger, parsed.tokens, by_index) if trigger else None
            if trigger is not None and trigger.lemma in hosting() and relation is not None:
                role = "host" if relation == "agent" else "guest"
            else:
                role = kinds.get(relation or "other", kinds.get("other", "participant"))
            event.roles[participant] = role


def _anchor(trigger: Token | None, by_index: dict[int, Token]) -> Token | None:
    """The word the participants depend on: the trigger, or the verb whose object a trigger noun is ("presented
    his credentials", «вручил верительные грамоты»)."""
    if trigger is not None and trigger.pos == "NOUN" and trigger.dep in ("dobj", "obj") and trigger.head in by_index:
        return by_index[trigger.head]
    return trigger


def _relation(entity: LocalEntity, trigger: Token, tokens: list[Token], by_index: dict[int, Token]) -> str | None:
    """ "agent" or "patient" when one of the entity's mentions in the trigger's sentence depends on it so."""
    sentence = [t for t in tokens if t.sent == trigger.sent]
    for mention in entity.mentions:
        inside = [t for t in sentence if mention.start <= t.start < mention.end]
        ids = {t.i for t in inside}
        head_of_name = next((t for t in inside if t.head not in ids or t.head == t.i), None)
        if head_of_name is None:
            continue
        node = head_of_name
        for _ in range(CLIMB):
            head = by_index.get(node.head)
            if head is None or head.i == node.i:
                break
            if head.i == trigger.i:
                if node.dep in AGENTS:
                    return "agent"
                if node.dep in PATIENTS or node.dep == "prep":
                    return "patient"
                break
            node = head
    return None
