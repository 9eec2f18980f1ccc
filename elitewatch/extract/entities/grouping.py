"""Stage 2: mentions grouped by name key, and groups joined where the text says they are one: a surname
alone joins the full name, "X (Y)" and "X [Y]" join X and Y, a misspelled surname joins the right one."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import combinations

from rapidfuzz.distance import Levenshtein

from elitewatch.model import Mention
from elitewatch.vocabulary.countries import gazetteer_entry
from elitewatch.vocabulary.names import (
    NamePart,
    case_stem,
    compare_names,
    name_key,
    name_parts,
    strip_legal_form,
    token_keys,
)

# compare_names score of a name and its spelling in brackets: "Джоэл Саймон (Joel Simon)"; set by hand with
# cross-script resolution (e2eea5a), not swept on a dev set.
SAME_NAME = 0.75
# The shortest surname whose one-letter difference is read as a typo; set by hand with misspelled surnames
# (0ad64ff), not swept on a dev set.
MISSPELLING_MIN = 6
# The shortest surname stem (key letters) a declined surname alone is joined by: «Окаве» to «Мисао Окава»;
# set by hand so that two-letter stems of short names never join.
SURNAME_STEM_MIN = 4
# compare_names score from which a name with initials or a patronymic is the same person as a full name of the
# document: 0.95 is a surname and an initial that agree, 1.0 a patronymic only one name gives; a surname spelled
# otherwise (0.8..0.9 of part_similarity) times an initial stays under it. Set by hand, not swept.
SAME_PERSON = 0.9
BRACKETED = re.compile(r"\s*[\[(]\s*([^\[\]()]{2,80}?)\s*[\])]")


@dataclass
class Group:
    keys: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    votes: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    gazetteer: str | None = None

    @property
    def tokens(self) -> int:
        return max((len(token_keys(m.text)) for m in self.mentions), default=0)


class UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_key(mention: Mention) -> str:
    """One key for every form of a name: its gazetteer entry, else its name key ("Transmashholding JSC" and
    "Transmashholding" share one: legal forms are left out)."""
    return _key_of_forms(mention.normal, mention.text)


@lru_cache(maxsize=100_000)  # a document names its people and places many times, and so does the next one
def _key_of_forms(normal: str, text: str) -> str:
    forms = (normal, text, strip_legal_form(normal))
    entry = next((found for f in forms if (found := gazetteer_entry(f)) is not None), None)
    if entry is not None:
        return f"gazetteer:{entry.type}:{entry.name}"
    return name_key(strip_legal_form(normal))


def link_brackets(text: str, mentions: list[Mention], groups: list[Group], group_of: list[int], uf: UnionFind) -> None:
    """ "Imangali Nurgaliuly [Tasmagambetov]", "Джоэл Саймон (Joel Simon)", "… Organization (SCO)".

    What the brackets hold names the same entity as the name before them when the document uses it
    elsewhere too (by key, or as the surname of a full name), when it spells the same name in another
    script, or when it is the name's acronym; not "Веселин Топалов (Bulgaria)", nor a place that locates the
    place before it.
    """
    by_key: dict[str, set[int]] = defaultdict(set)
    for index, group in enumerate(groups):
        for mention in group.mentions:
            by_key[group_key(mention)].add(index)
            keys = token_keys(mention.normal)
            if len(keys) > 1:
                by_key[keys[-1]].add(index)
    for number, (mention, owner) in enumerate(zip(mentions, group_of, strict=True)):
        match = BRACKETED.match(text, mention.end)
        if owner < 0 or not match or not match.group(1)[:1].isupper():
            continue
        inner = Mention(match.start(1), match.end(1), match.group(1), mention.type, match.group(1))
        whole = _whole_name(text, mentions, group_of, number) if groups[owner].gazetteer else []
        for named, name in ((owner, mention), *whole):
            for other in by_key.get(group_key(inner), set()) - {named}:
                if _also_named(groups, named, other, inner, match.start(1), match.end(1), name):
                    uf.union(named, other)


def _whole_name(text: str, mentions: list[Mention], group_of: list[int], number: int) -> list[tuple[int, Mention]]:
    """«Всемирной продовольственной и сельскохозяйственной организации ООН (ФАО)», "the Antidoping Agency of
    the US (USADA)": the known name before the brackets (ООН, US) ends a longer organization's name (its "of"
    part), and the brackets may spell that one. The organization right before it and its group, when there is one."""
    mention = mentions[number]
    if number == 0 or mention.type not in ("organization", "place"):
        return []
    before = mentions[number - 1]
    between = text[before.end : mention.start].split()
    if before.type != "organization" or group_of[number - 1] < 0 or between not in ([], ["of"], ["of", "the"]):
        return []
    return [(group_of[number - 1], before)]


def _also_named(
    groups: list[Group], owner: int, other: int, inner: Mention, start: int, end: int, mention: Mention
) -> bool:
    """Whether the brackets' name (`inner`, the name of group `other` elsewhere) names what group `owner` does
    (`mention`: its name before the brackets)."""
    elsewhere = any(not start <= m.start < end for m in groups[other].mentions)
    # another name of the same thing: "Keiki-batyr (Nurmagambet Kokeimbaiuly)"; not a known place or
    # organization, nor an acronym of something else: "Веселин Топалов (Bulgaria)", «Иван Петров (ЛДПР)»
    # a place in brackets after a place says where it is: «Дюссельдорф (ФРГ)», "Springfield (Illinois)"
    locates = mention.type == "place" and all(m.type == "place" for m in groups[other].mentions)
    other_name = not inner.text.isupper() and not groups[other].gazetteer and not groups[owner].gazetteer
    # a known place or organization on one side only is another thing: «Франц Беккенбауэр (Германия)»,
    # "Antidoping Agency of the US (USADA)", unless the other side spells it or is its acronym
    one_known = (groups[owner].gazetteer is None) != (groups[other].gazetteer is None)
    return (
        ((elsewhere or other_name) and not locates and not one_known)
        or _same_name(mention.normal, inner.text)
        or _acronym_of(inner.text, mention.normal)
    )


def _same_name(outer: str, inner: str) -> bool:
    """One name in two scripts or spellings: "Джоэл Саймон" and "Joel Simon"."""
    return len(token_keys(outer)) > 1 and compare_names(outer, inner).score >= SAME_NAME


def _acronym_of(acronym: str, name: str) -> bool:
    """ "SCO" of "Shanghai Cooperation Organization", «ОДКБ» of «Организация Договора о коллективной безопасности»."""
    if not acronym.isupper() or len(acronym) < 2:
        return False
    initials = "".join(word[0] for word in re.findall(r"[\w]+", name) if word[0].isupper() or len(word) > 3)
    return initials.upper().startswith(acronym.upper()) or acronym.upper() in initials.upper()


def link_surnames(groups: list[Group], uf: UnionFind) -> None:
    """A one-word name joins the one full name in the document that ends (or starts) with it."""
    full_by_part: dict[str, list[int]] = defaultdict(list)
    for index, group in enumerate(groups):
        if group.gazetteer or group.tokens < 2:
            continue
        for mention in group.mentions:
            keys = token_keys(mention.normal)
            if len(keys) >= 2:
                for part in {keys[-1], keys[0]}:
                    if index not in full_by_part[part]:
                        full_by_part[part].append(index)
    # «Ортегу», «Манделе» alone: a declined surname the normalizer left as written joins by its stem
    stems: dict[str, list[int]] = defaultdict(list)
    for part, owners in full_by_part.items():
        if len(case_stem(part)) >= SURNAME_STEM_MIN:
            stems[case_stem(part)].extend(o for o in owners if o not in stems[case_stem(part)])
    for index, group in enumerate(groups):
        if group.gazetteer or group.tokens != 1:
            continue
        key = next(iter(group.keys))
        candidates = full_by_part.get(key, []) or stems.get(case_stem(key), [])
        if not candidates:
            continue
        roots = {uf.find(c) for c in candidates}
        if len(roots) == 1:
            uf.union(index, candidates[0])
        else:  # several people share the surname: the most mentioned one
            best = max(candidates, key=lambda c: len(groups[c].mentions))
            uf.union(index, best)


def link_full_names(groups: list[Group], uf: UnionFind) -> None:
    """«А. Меркель», «В.В. Путин» or «Сергей Лавров» join the one full name of the document they shorten
    («Ангела Меркель», «Владимир Путин», «Сергей Викторович Лавров»): a name of initials or a patronymic the
    other lacks, with the same surname (compare_names). Not when two full names of the document fit it:
    «А. Новак» of «Анна Новак» and «Антон Новак» is either."""
    names = _name_forms(groups)
    for index, form in names:
        parts = name_parts(form)
        if any(p.initial or p.patronymic for p in parts):
            _join_the_one_fitting(index, names, uf, partial(_fits, parts, form))


def _fits(parts: tuple[NamePart, ...], form: str, full_form: str) -> bool:
    """Is `full_form` the same name as `form` (its `parts`) with the initials spelled out, or without its patronymic?"""
    full = name_parts(full_form)
    spelled_out = sum(not p.initial for p in full) > sum(not p.initial for p in parts)
    patronymic_left_out = any(p.patronymic for p in parts) and not any(p.patronymic for p in full)
    return (spelled_out or patronymic_left_out) and compare_names(form, full_form).score >= SAME_PERSON


def link_middle_names(groups: list[Group], uf: UnionFind) -> None:
    """«Реджеп Эрдоган» and «Реджеп Тайип Эрдоган», "George Bush" and "George Walker Bush" in one document: a name
    of a given name and a surname joins the one longer name of the document that starts with that given name and
    ends with that surname (a middle name left out). Not when two longer names fit it."""
    names = _name_forms(groups)
    for index, form in names:
        words = form.casefold().split()
        if len(words) == 2 and not any(p.initial or p.patronymic for p in name_parts(form)):
            _join_the_one_fitting(index, names, uf, partial(_has_middle_name, words))


def _has_middle_name(words: list[str], full_form: str) -> bool:
    """Is `full_form` the given name and surname `words` with a middle name between them?"""
    full = full_form.casefold().split()
    return len(full) > 2 and full[0] == words[0] and full[-1] == words[1]


def _name_forms(groups: list[Group]) -> list[tuple[int, str]]:
    """Every normal form of a name of two words or more, with its group (not a gazetteer's)."""
    return [
        (index, form)
        for index, group in enumerate(groups)
        if not group.gazetteer and group.tokens >= 2
        for form in {m.normal for m in group.mentions}
    ]


def _join_the_one_fitting(index: int, names: list[tuple[int, str]], uf: UnionFind, fits: Callable[[str], bool]) -> None:
    """Join the group of `index` to the one other group with a form that fits it; not when several do."""
    found = {uf.find(other) for other, form in names if uf.find(other) != uf.find(index) and fits(form)}
    if len(found) == 1:
        uf.union(index, found.pop())


def link_misspellings(groups: list[Group], uf: UnionFind) -> None:
    """ "Михаил Саакашвили" and "Михаил Сааакашвили" in one document: full names with the same given name
    whose surnames differ by one letter (in a surname of six or more) are one person misspelled."""
    full: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for index, group in enumerate(groups):
        if group.gazetteer:
            continue
        for key in group.keys:
            parts = key.split(" ")
            if len(parts) == 2:
                for given, surname in (parts, parts[::-1]):
                    full[given].append((index, surname))
    for candidates in full.values():
        for (a, surname_a), (b, surname_b) in combinations(candidates, 2):
            if a != b and min(len(surname_a), len(surname_b)) >= MISSPELLING_MIN and _one_edit(surname_a, surname_b):
                uf.union(a, b)


def _one_edit(a: str, b: str) -> bool:
    return a != b and Levenshtein.distance(a, b) <= 1  # one edit: a typo, by hand (0ad64ff), not swept
