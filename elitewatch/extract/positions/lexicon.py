"""The words of data/lexicon/positions.yaml the constructions read, one Lexicon per language (the role
words themselves are elitewatch.vocabulary.offices', shared with events and resolution; the pronouns are
elitewatch.extract.pronouns')."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from elitewatch.datafiles import LANGUAGES, load_words
from elitewatch.extract.pronouns import pronouns
from elitewatch.vocabulary.offices import role_words


@dataclass(frozen=True)
class Lexicon:
    roles: tuple[tuple[str, ...], ...]  # longest first
    by_first: dict[str, tuple[tuple[str, ...], ...]]  # the roles by their first word, longest first
    by_last: dict[str, tuple[tuple[str, ...], ...]]  # and by their last word
    articles: frozenset[str]
    definite_articles: frozenset[str]
    post_nouns: frozenset[str]
    modifiers: frozenset[str]
    ended: frozenset[str]
    over: frozenset[str]
    joins: frozenset[str]
    complement_stops: frozenset[str]
    org_first: frozenset[str]
    service_verbs: frozenset[str]
    starts: frozenset[str]
    leaving: frozenset[str]
    removing: frozenset[str]
    left_posts: frozenset[str]
    left_from: frozenset[str]
    past_service: frozenset[str]
    past_forms: frozenset[str]
    current_auxiliaries: frozenset[str]
    at_the_time: frozenset[str]
    since: frozenset[str]
    appointing: frozenset[str]
    between_roles: frozenset[str]
    modals: frozenset[str]
    leading_verbs: dict[str, str]
    succession: dict[str, str]
    envoys: frozenset[str]
    pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    not_held: frozenset[str]
    candidacy: frozenset[str]
    national_offices: frozenset[str]
    single_holder: frozenset[str]
    leading_offices: frozenset[str]
    body_roles: frozenset[str]
    country_words: frozenset[str]
    birth_words: frozenset[str]
    age_before: frozenset[str]
    age_after: frozenset[str]
    key_ignores: frozenset[str]
    ranks: frozenset[str]
    generic_orgs: dict[str, str]
    relative_pronouns: frozenset[str]
    partitives: dict[str, str]
    capacity: dict[str, str]
    relational: frozenset[str]
    possessives: frozenset[str]
    indeclinable: frozenset[str]
    circumstance_joins: frozenset[str]
    performances: frozenset[str]
    among: dict[str, str]
    reflexive_possessives: frozenset[str]


@cache
def lexicon(language: str) -> Lexicon:
    # a role written with «ё» is looked up by its letters with «е» too (natasha's lemmas drop it: «режиссер»)
    roles = tuple(
        dict.fromkeys([*role_words(language), *(tuple(w.replace("ё", "е") for w in r) for r in role_words(language))])
    )
    by_first: dict[str, list[tuple[str, ...]]] = {}
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for role in roles:
        by_first.setdefault(role[0], []).append(role)
        by_last.setdefault(role[-1], []).append(role)
    return load_words(
        "lexicon/positions.yaml",
        Lexicon,
        language=language,
        roles=roles,
        by_first={word: tuple(found) for word, found in by_first.items()},
        by_last={word: tuple(found) for word, found in by_last.items()},
        pronouns=pronouns(language).person,
        object_pronouns=pronouns(language).person_object,
    )


@cache
def any_language(words: str) -> frozenset[str]:
    """One word list of every language together (`words` a frozenset field of Lexicon), for a check that does
    not ask the token's language: a name in Latin letters inside a Russian sentence takes the English lexicon."""
    found: frozenset[str] = frozenset().union(*(getattr(lexicon(language), words) for language in sorted(LANGUAGES)))
    return found
