"""Mentions and entities within one document.

Stages, in order:
 1. clean the model's spans (split at line breaks, strip titles, possessives and "the",
    drop demonyms and generic words) and add what the model misses (web outlets, gazetteer names);
 2. group mentions by name key, and join groups the text says are one: a surname alone joins the
    full name, "X (Y)" and "X [Y]" join X and Y, and gazetteer forms join their entry;
 3. decide each group's type by votes of every mention's label and the evidence around it:
    a title or honorific, a speech verb, a surname shape, an organization word, the gazetteer.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import combinations

from rapidfuzz.distance import Levenshtein

from elitewatch.datafiles import (
    fold,
    gazetteer_index,
    organizations,
    places,
    read_yaml,
    speech_verbs,
    titles,
)
from elitewatch.model import LocalEntity, Mention, Parsed, Span
from elitewatch.vocabulary.countries import demonyms
from elitewatch.vocabulary.names import compare_names, name_key, strip_legal_form, strip_possessive, token_keys

EXTRACTOR = "entities"
VERSION = "2"

# Vote weights. A model label is one vote per mention; evidence outweighs it because the small
# English model is systematically wrong on Central Asian names (about half of the seeds' person
# mentions are tagged ORG), while the evidence below was never wrong on the seeds or PolNeAR.
GAZETTEER_VOTE = 6.0
ORG_WORD_VOTE = 3.0
TITLE_VOTE = 2.5
SPEAKER_VOTE = 2.0
SURNAME_SHAPE_VOTE = 1.6
ACRONYM_VOTE = 1.5
SAME_NAME = 0.75  # compare_names score of a name and its spelling in brackets: "Джоэл Саймон (Joel Simon)"
MISSPELLING_MIN = 6  # the shortest surname whose one-letter difference is read as a typo

OUTLET = re.compile(
    r"\b[A-Z][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*\.(?:kz|ru|com|org|net|uz|kg|by|ua|am|az|ge|tj|info|expert|news|media|io)\b"
)
POSSESSIVE_NOUN = re.compile(r"['’]s?\s+([\w\-]+)")
ENDS_POSSESSIVE = re.compile(r"['’]s?$")
BRACKETED = re.compile(r"\s*[\[(]\s*([^\[\]()]{2,80}?)\s*[\])]")
SPAN_PART = re.compile(r"[^\n()\[\]]+")  # a span's pieces between line breaks and brackets
HYPHEN_WORD = re.compile(r"-(\w+)")
LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    names = read_yaml("lexicon/names.yaml")
    table = titles()
    return {
        "titles": table["honorifics_en"] | table["roles_en"] | table["roles_ru"],
        "org_words": table["org_words_en"] | table["org_words_ru"],
        "suffixes": frozenset(names["surname_suffixes"]),
        "generic": frozenset(names["generic_words"]),
        "relations": table["person_relations_en"],
        "hyphen_titles": frozenset(fold(word) for word in names["hyphen_titles"]),
    }


@dataclass
class Group:
    keys: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    votes: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    gazetteer: str | None = None

    @property
    def tokens(self) -> int:
        return max((len(token_keys(m.text)) for m in self.mentions), default=0)


def _is_title_word(word: str) -> bool:
    return word.lower().strip(".,") in _lexicon()["titles"]


def strip_titles(text: str) -> tuple[str, int, bool]:
    """Remove leading titles ("President", "Secretary General", "Mr"); return text, cut, found."""
    words = text.split(" ")
    cut = 0
    found = False
    while len(words) > 1 and _is_title_word(words[0]):
        cut += len(words[0]) + 1
        words = words[1:]
        found = True
    return " ".join(words), cut, found


QUOTE_MARKS = "“”„«»\"‘’'`"
FUNCTION_POS = frozenset({"VERB", "ADP", "DET", "ADV", "SCONJ", "CCONJ", "PRON", "AUX", "PART", "INTJ", "PUNCT"})


def extend_names(spans: list[Span], parsed: Parsed, starts: list[int]) -> list[Span]:
    """A person span followed by proper nouns on the same line takes them in ("Kasym-Žomart" Tokaev)."""
    text = parsed.doc.text
    extended: list[Span] = []
    for span in spans:
        index = _token_at(starts, span.end)
        end = span.end
        while (
            span.label == "person"
            and index is not None
            and index + 1 < len(parsed.tokens)
            and parsed.tokens[index + 1].start == end + 1
            and text[end] == " "
            and parsed.tokens[index + 1].pos == "PROPN"
            and parsed.tokens[index + 1].text[:1].isupper()
        ):
            index += 1
            end = parsed.tokens[index].end
        title = HYPHEN_WORD.match(text, end)
        if title and fold(title.group(1)) in _lexicon()["hyphen_titles"]:
            end = title.end()  # "Keiki-batyr"
        if end != span.end:
            span = Span(span.start, end, text[span.start : end], span.label, text[span.start : end], span.language)
        extended.append(span)
    return extended


def join_adjacent(spans: list[Span], text: str) -> list[Span]:
    """ "Kasym-Žomart" + "Tokaev": two person spans with only a space between are one name."""
    joined: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if joined and span.start < joined[-1].end:
            continue
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.label == span.label == "person"
            and text[last.end : span.start] == " "
            and last.language == span.language
        ):
            joined[-1] = Span(
                last.start,
                span.end,
                text[last.start : span.end],
                "person",
                f"{last.normal} {span.normal}",
                span.language,
            )
        else:
            joined.append(span)
    return joined


def trim_function_words(mention: Mention, parsed: Parsed, starts: list[int]) -> Mention | None:
    """Drop leading words that cannot begin a name ("Regarding Tokayev")."""
    index = _token_at(starts, mention.start)
    if index is None or parsed.tokens[index].start != mention.start:
        return mention
    start = mention.start
    while index < len(parsed.tokens) and parsed.tokens[index].end < mention.end:
        token = parsed.tokens[index]
        starts_sentence = index == 0 or parsed.tokens[index - 1].sent != token.sent
        if token.pos not in FUNCTION_POS or (token.text[:1].isupper() and not starts_sentence):
            break  # a capitalized word inside a sentence is the name's, whatever the tagger says ("Transmashholding")
        index += 1
        start = parsed.tokens[index].start
    if start == mention.start:
        return mention
    surface = parsed.doc.text[start : mention.end]
    if not _keep(surface):
        return None
    return Mention(start, mention.end, surface, mention.type, surface, evidence=mention.evidence)


def clean_span(span: Span, text: str) -> list[Mention]:
    """Split a model span at line breaks and brackets and trim it to the name itself.

    "Джоэл Саймон (Joel Simon)" and "the Shanghai Cooperation Organization (SCO" are two names each:
    the one outside the brackets and the one inside; _link_brackets joins them later.
    """
    mentions: list[Mention] = []
    parts = list(SPAN_PART.finditer(text[span.start : span.end]))
    normals = [n.group().strip() for n in SPAN_PART.finditer(span.normal)]
    for number, part in enumerate(parts):
        start = span.start + part.start()
        surface = part.group().strip()
        start += len(part.group()) - len(part.group().lstrip())
        if not surface:
            continue
        evidence = "ner"
        the = LEADING_THE.match(surface)
        if the:
            start += the.end()
            surface = surface[the.end() :]
        stripped, cut, titled = strip_titles(surface)
        if titled:
            start += cut
            surface = stripped
            evidence = "title"
        lead = len(surface) - len(surface.lstrip(QUOTE_MARKS))
        start += lead
        surface = strip_possessive(surface[lead:].rstrip(QUOTE_MARKS)).rstrip(".,;:" + QUOTE_MARKS)
        if not _keep(surface):
            continue
        normal = surface
        if span.language == "ru" and len(normals) == len(parts):
            normal = restore_yo(_normal_of(surface, part.group().strip(), normals[number]), surface)
        mentions.append(Mention(start, start + len(surface), surface, span.label, normal, evidence=evidence))
    return mentions


def relemmatize(mention: Mention, parsed: Parsed, starts: list[int]) -> Mention:
    """A Russian person's name the span normalizer left inflected ("Барак Обамой", "Маехары") takes the
    lemmas of its words that the morphology puts in an oblique case. (Not organizations: their
    dependent words stay inflected, «Институт этнологии».)"""
    first = _token_at(starts, mention.start)
    words = mention.normal.split(" ")
    if first is None:
        return mention
    tokens = [t for t in parsed.tokens[first : first + len(words) + 1] if t.start < mention.end]
    if len(tokens) != len(words):
        return mention
    changed = False
    for k, (word, token) in enumerate(zip(words, tokens, strict=True)):
        if token.case in ("", "Nom") or word != token.text or token.lemma == word.lower() or not token.lemma:
            continue
        words[k] = "-".join(part[:1].upper() + part[1:] for part in token.lemma.split("-"))
        changed = True
    if not changed:
        return mention
    return Mention(mention.start, mention.end, mention.text, mention.type, " ".join(words), evidence=mention.evidence)


def _normal_of(surface: str, whole: str, normal: str) -> str:
    """The lemmatized form of what is left of a span: "президентом Обамой" -> "Обама", not "Обамой"."""
    if surface == whole:
        return normal
    surface_words, whole_words, normal_words = surface.split(), whole.split(), normal.split()
    if len(whole_words) == len(normal_words) and whole_words[-len(surface_words) :] == surface_words:
        return " ".join(normal_words[-len(surface_words) :])
    return surface


def restore_yo(normal: str, surface: str) -> str:
    """Put back the ё the lemmatizer turned into е: "Игоря Щеголёва" -> "Игорь Щеголёв", not "Щеголев"."""
    if "ё" not in surface.lower():
        return normal
    normal_words, surface_words = normal.split(" "), surface.split(" ")
    if len(normal_words) != len(surface_words):
        return normal
    restored = []
    for lemma, word in zip(normal_words, surface_words, strict=True):
        letters = list(lemma)
        for index, char in enumerate(word[: len(letters)]):
            if char in "ёЁ" and letters[index] in "еЕ":
                letters[index] = char
        restored.append("".join(letters))
    return " ".join(restored)


def _keep(surface: str) -> bool:
    if len(surface) < 2 or not any(c.isupper() for c in surface):
        return False
    folded = fold(surface)
    singular = folded[:-1] if folded.endswith("s") else folded
    if folded in _lexicon()["generic"] or folded in demonyms() or singular in demonyms():
        return False
    first = folded.split(" ")[0]
    # "Kazakh Media", "Russian-Kazakh": a demonym first is a description, not a name.
    return not (first in demonyms() and fold(surface) not in gazetteer_index())


class Occupied:
    """The character ranges already taken by mentions, which never overlap one another."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [start for start, _ in self.ranges]

    def free(self, start: int, end: int) -> bool:
        # Disjoint ranges: only the last one starting before `end` can reach into [start, end).
        position = bisect.bisect_left(self.starts, end) - 1
        return position < 0 or self.ranges[position][1] <= start

    def take(self, start: int, end: int) -> None:
        position = bisect.bisect_left(self.starts, start)
        self.ranges.insert(position, (start, end))
        self.starts.insert(position, start)


def find_extra_mentions(text: str, taken: Occupied) -> list[Mention]:
    """Web outlets (Abai.kz) and gazetteer names that the model did not tag."""
    found: list[Mention] = []
    for match in OUTLET.finditer(text):
        if taken.free(match.start(), match.end()):
            found.append(
                Mention(match.start(), match.end(), match.group(), "organization", match.group(), evidence="outlet")
            )
            taken.take(match.start(), match.end())
    for match in _gazetteer_pattern().finditer(text):
        if taken.free(match.start(), match.end()):
            entry = gazetteer_index()[fold(match.group())]
            found.append(
                Mention(match.start(), match.end(), match.group(), entry.type, match.group(), evidence="gazetteer")
            )
            taken.take(match.start(), match.end())
    return found


@cache
def _gazetteer_pattern() -> re.Pattern[str]:
    forms: set[str] = set()
    for entry in (*places(), *organizations()):
        forms.update(form for form in entry.forms if len(form) > 2 and any(c.isupper() for c in form))
        forms.update(entry.typos)
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])")


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


def _group_key(mention: Mention) -> str:
    """One key for every form of a name: its gazetteer entry, else its name key ("Transmashholding JSC" and
    "Transmashholding" share one: legal forms are left out)."""
    return _key_of_forms(mention.normal, mention.text)


@lru_cache(maxsize=100_000)  # a document names its people and places many times, and so does the next one
def _key_of_forms(normal: str, text: str) -> str:
    forms = (normal, text, strip_legal_form(normal))
    entry = next((gazetteer_index()[fold(f)] for f in forms if fold(f) in gazetteer_index()), None)
    if entry is not None:
        return f"gazetteer:{entry.type}:{entry.name}"
    return name_key(strip_legal_form(normal))


def _token_at(starts: list[int], offset: int) -> int | None:
    position = bisect.bisect_right(starts, offset) - 1
    if position < 0:
        return None
    return position


def _vote(mention: Mention, parsed: Parsed, starts: list[int], votes: dict[str, float]) -> None:
    lexicon = _lexicon()
    votes[mention.type] += 1.0
    words = mention.text.split()
    last = fold(words[-1]) if words else ""
    if mention.evidence == "title":
        votes["person"] += TITLE_VOTE
    if mention.evidence == "outlet" or OUTLET.fullmatch(mention.text):
        votes["organization"] += GAZETTEER_VOTE
    if any(fold(word) in lexicon["org_words"] for word in words):
        votes["organization"] += ORG_WORD_VOTE
    if mention.text.isupper() and len(mention.text) > 1:
        votes["organization"] += ACRONYM_VOTE
    elif _surname_shaped(last):
        votes["person"] += SURNAME_SHAPE_VOTE
    if _owns_person_relation(parsed.doc.text, mention):
        votes["person"] += TITLE_VOTE
    tokens = parsed.tokens
    first = _token_at(starts, mention.start)
    if first is None:
        return
    previous = first - 1
    # «председатель Исламского комитета»: in Russian a role before an organization governs it (genitive),
    # so it is evidence of a person only for what the model did not call an organization.
    genitive_reading = mention.type == "organization" and not tokens[first].lemma.isascii()
    if (
        previous >= 0
        and tokens[previous].end <= mention.start
        and _is_title_word(tokens[previous].text)
        and not genitive_reading
    ):
        votes["person"] += TITLE_VOTE
    # The mention's syntactic head: the token in it whose head lies outside it.
    inside = [t for t in tokens[first : first + 8] if t.start < mention.end]
    for token in inside:
        head = tokens[token.head]
        if head.start >= mention.end or head.end <= mention.start:
            language = "en" if token.lemma.isascii() else "ru"
            if token.dep.startswith("nsubj") and head.lemma in speech_verbs(language):
                votes["person"] += SPEAKER_VOTE
            break


@lru_cache(maxsize=100_000)
def _surname_shaped(word: str) -> bool:
    """Does the (folded) word end like a surname (-ov, -ева, -uly), with more than the ending to it?"""
    return any(word.endswith(suffix) and len(word) > len(suffix) + 2 for suffix in _lexicon()["suffixes"])


def _owns_person_relation(text: str, mention: Mention) -> bool:
    """ "Dauren Abayev’s predecessor", "Nazarbayev's daughter": only a person has these."""
    owner_end = mention.end
    ending = ENDS_POSSESSIVE.search(mention.text)
    if ending:  # the span took the possessive in
        owner_end -= len(ending.group())
    match = POSSESSIVE_NOUN.match(text, owner_end)
    return match is not None and fold(match.group(1)) in _lexicon()["relations"]


def _link_brackets(text: str, mentions: list[Mention], groups: list[Group], group_of: list[int], uf: UnionFind) -> None:
    """ "Imangali Nurgaliuly [Tasmagambetov]", "Джоэл Саймон (Joel Simon)", "… Organization (SCO)".

    What the brackets hold names the same entity as the name before them when the document uses it
    elsewhere too (by key, or as the surname of a full name), when it spells the same name in another
    script, or when it is the name's acronym; not "Веселин Топалов (Bulgaria)", nor a place that locates the
    place before it.
    """
    by_key: dict[str, set[int]] = defaultdict(set)
    for index, group in enumerate(groups):
        for mention in group.mentions:
            by_key[_group_key(mention)].add(index)
            keys = token_keys(mention.normal)
            if len(keys) > 1:
                by_key[keys[-1]].add(index)
    for mention, owner in zip(mentions, group_of, strict=True):
        match = BRACKETED.match(text, mention.end)
        if owner < 0 or not match or not match.group(1)[:1].isupper():
            continue
        inner = Mention(match.start(1), match.end(1), match.group(1), mention.type, match.group(1))
        for other in by_key.get(_group_key(inner), set()) - {owner}:
            elsewhere = any(not match.start(1) <= m.start < match.end(1) for m in groups[other].mentions)
            # another name of the same thing: "Keiki-batyr (Nurmagambet Kokeimbaiuly)"; not a known place or
            # organization, nor an acronym of something else: "Веселин Топалов (Bulgaria)", «Иван Петров (ЛДПР)»
            # a place in brackets after a place says where it is: «Дюссельдорф (ФРГ)», "Springfield (Illinois)"
            locates = mention.type == "place" and all(m.type == "place" for m in groups[other].mentions)
            other_name = not inner.text.isupper() and not groups[other].gazetteer and not groups[owner].gazetteer
            if (
                ((elsewhere or other_name) and not locates)
                or _same_name(mention.normal, inner.text)
                or _acronym_of(inner.text, mention.normal)
            ):
                uf.union(owner, other)


def _same_name(outer: str, inner: str) -> bool:
    """One name in two scripts or spellings: "Джоэл Саймон" and "Joel Simon"."""
    return len(token_keys(outer)) > 1 and compare_names(outer, inner).score >= SAME_NAME


def _acronym_of(acronym: str, name: str) -> bool:
    """ "SCO" of "Shanghai Cooperation Organization", «ОДКБ» of «Организация Договора о коллективной безопасности»."""
    if not acronym.isupper() or len(acronym) < 2:
        return False
    initials = "".join(word[0] for word in re.findall(r"[\w]+", name) if word[0].isupper() or len(word) > 3)
    return initials.upper().startswith(acronym.upper()) or acronym.upper() in initials.upper()


def _link_surnames(groups: list[Group], uf: UnionFind) -> None:
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
    for index, group in enumerate(groups):
        if group.gazetteer or group.tokens != 1:
            continue
        key = next(iter(group.keys))
        candidates = full_by_part.get(key, [])
        if not candidates:
            continue
        roots = {uf.find(c) for c in candidates}
        if len(roots) == 1:
            uf.union(index, candidates[0])
        else:  # several people share the surname: the most mentioned one
            best = max(candidates, key=lambda c: len(groups[c].mentions))
            uf.union(index, best)


def _link_misspellings(groups: list[Group], uf: UnionFind) -> None:
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
    return a != b and Levenshtein.distance(a, b) <= 1


def _canonical_name(mentions: list[Mention], entity_type: str, gazetteer: str | None) -> str:
    if gazetteer:
        return gazetteer
    forms = Counter(m.normal for m in mentions)

    def rank(form: str) -> tuple[int, int, int, int]:
        latin = 1 if form.isascii() or any("a" <= c.lower() <= "z" for c in form) else 0
        return (latin if entity_type == "person" else 0, len(token_keys(form)), forms[form], len(form))

    return max(forms, key=rank)


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


def _propagate(text: str, entities: list[LocalEntity]) -> None:
    """Every further occurrence of a name the document already uses is a mention too.

    The model tags a name in one sentence and misses it in the next; once a form is known
    to name an entity here, each occurrence of it (a whole word, not inside another mention)
    is that entity.
    """
    taken = Occupied([(m.start, m.end) for e in entities for m in e.mentions])
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


def extract_entities(parsed: Parsed) -> list[LocalEntity]:
    text = parsed.doc.text
    # 1. clean spans, add missing mentions
    starts = [t.start for t in parsed.tokens]
    mentions: list[Mention] = []
    for span in join_adjacent(extend_names(parsed.spans, parsed, starts), text):
        for mention in clean_span(span, text):
            if span.language == "en":
                trimmed = trim_function_words(mention, parsed, starts)
            elif mention.type == "person":
                trimmed = relemmatize(mention, parsed, starts)
            else:
                trimmed = mention
            if trimmed is not None:
                mentions.append(trimmed)
    mentions.extend(find_extra_mentions(text, Occupied([(m.start, m.end) for m in mentions])))
    mentions.sort(key=lambda m: m.start)
    if not mentions:
        return []
    # 2. group by key and join what the text joins
    keys = [_group_key(m) for m in mentions]
    key_index: dict[str, int] = {}
    groups: list[Group] = []
    group_of: list[int] = []
    for mention, key in zip(mentions, keys, strict=True):
        if not key:
            group_of.append(-1)
            continue
        if key not in key_index:
            key_index[key] = len(groups)
            groups.append(Group(keys={key}, gazetteer=key.split(":", 2)[2] if key.startswith("gazetteer:") else None))
        group_of.append(key_index[key])
        groups[key_index[key]].mentions.append(mention)
    for mention, g in zip(mentions, group_of, strict=True):
        if g >= 0:
            _vote(mention, parsed, starts, groups[g].votes)
    for group in groups:
        if group.gazetteer:
            entry_type = next(iter(group.keys)).split(":")[1]
            group.votes[entry_type] += GAZETTEER_VOTE * len(group.mentions)
    uf = UnionFind(len(groups))
    _link_brackets(text, mentions, groups, group_of, uf)
    _link_surnames(groups, uf)
    _link_misspellings(groups, uf)
    # 3. merge joined groups, decide types
    merged: dict[int, list[int]] = defaultdict(list)
    for index in range(len(groups)):
        merged[uf.find(index)].append(index)
    entities: list[LocalEntity] = []
    for members in merged.values():
        votes: dict[str, float] = defaultdict(float)
        cluster_mentions: list[Mention] = []
        gazetteer = None
        for member in members:
            for label, weight in groups[member].votes.items():
                votes[label] += weight
            cluster_mentions.extend(groups[member].mentions)
            gazetteer = gazetteer or groups[member].gazetteer
        entity_type, top = max(votes.items(), key=lambda item: item[1])
        cluster_mentions.sort(key=lambda m: m.start)
        entity = LocalEntity(
            index=len(entities),
            type=entity_type,
            name=_canonical_name(cluster_mentions, entity_type, gazetteer),
            confidence=round(top / max(sum(votes.values()), 1e-9), 3),
        )
        for mention in cluster_mentions:
            mention.type = entity_type
            mention.cluster = entity.index
            entity.forms.add(mention.text)
            if mention.normal != mention.text:
                entity.forms.add(mention.normal)
        entity.mentions = cluster_mentions
        entities.append(entity)
    _propagate(text, entities)
    entities.sort(key=lambda e: e.mentions[0].start)
    for index, entity in enumerate(entities):
        entity.index = index
        for mention in entity.mentions:
            mention.cluster = index
    return entities
