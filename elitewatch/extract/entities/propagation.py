"""Every further occurrence of a name the document already uses is a mention too."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from elitewatch.extract.entities.mentions import Occupied
from elitewatch.model import LocalEntity, Mention
from elitewatch.vocabulary.names import strip_legal_form


def _whole_word_occurrences(text: str, forms: Iterable[str]) -> list[tuple[int, str]]:
    """Where the forms occur as whole words (not inside a word or a hyphenated one), left to right, the longest
    form where several start at one place, none overlapping: what one regular expression of the forms finds,
    without compiling a new one for every document."""
    found: list[tuple[int, str]] = []
    for form in forms:
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            if not (start > 0 and _word_char(text[start - 1])) and not (end < len(text) and _word_char(text[end])):
                found.append((start, form))
            start = text.find(form, start + 1)
    found.sort(key=lambda item: (item[0], -len(item[1])))
    taken: list[tuple[int, str]] = []
    for start, form in found:
        if not taken or start >= taken[-1][0] + len(taken[-1][1]):
            taken.append((start, form))
    return taken


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "_-"


def propagate(text: str, entities: list[LocalEntity], reserved: Iterable[tuple[int, int]] = ()) -> None:
    """Every further occurrence of a name the document already uses is a mention too.

    The model tags a name in one sentence and misses it in the next; once a form is known
    to name an entity here, each occurrence of it (a whole word, not inside another mention)
    is that entity; except in `reserved` (a dateline's agency tag).
    """
    taken = Occupied([(m.start, m.end) for e in entities for m in e.mentions] + list(reserved))
    forms: dict[str, LocalEntity] = {}
    surnames: dict[str, set[int]] = defaultdict(set)
    for entity in entities:
        names = set(entity.forms)
        if entity.type == "organization":
            names |= {
                strip_legal_form(form) for form in entity.forms
            }  # "Transmashholding JSC", then "Transmashholding"
        for form in names:
            if len(form) >= 3 and form[0].isupper() and form in text:
                forms.setdefault(form, entity)
            words = form.split()
            if entity.type == "person" and len(words) >= 2 and len(words[-1]) >= 3 and words[-1][0].isupper():
                surnames[words[-1]].add(entity.index)
    by_index = {entity.index: entity for entity in entities}
    for surname, owners in surnames.items():
        # A surname alone is a mention only when one person in the document bears it.
        if len(owners) == 1 and surname in text:
            forms.setdefault(surname, by_index[next(iter(owners))])
    if not forms:
        return
    for start, form in _whole_word_occurrences(text, forms):
        if not taken.free(start, start + len(form)):
            continue
        entity = forms[form]
        entity.forms.add(form)
        entity.mentions.append(
            Mention(start, start + len(form), form, entity.type, form, entity.index, evidence="propagated")
        )
    for entity in entities:
        entity.mentions.sort(key=lambda m: m.start)
