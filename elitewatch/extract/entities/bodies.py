"""Stage 1, for Russian: bodies the model misses because a common noun names them, «правительство России»,
«российский МИД», «Кабинет министров Украины» (a head noun of data/lexicon/bodies.yaml with a place, by an
agreeing adjective before it or a name in the genitive after it), and the state itself named by its
adjective, «Украинское государство» (a place). The phrase is read off the tagger's parts of speech and cases;
its normal form puts the adjectives in the nominative in agreement with the head (pymorphy)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from elitewatch.datafiles import load_words
from elitewatch.model import Mention, Parsed, Token
from elitewatch.nlp.russian import load
from elitewatch.vocabulary.countries import place_in_word, place_of_adjective

# The longest genitive complement read after a head («Кабинет министров иностранных дел Украины»); set by hand
# with bodies named by a common noun (4cdefdc), not swept on a dev set.
MAX_COMPLEMENT = 4


# The most words between «по» and the place of the region («по г. Москве», «по городу Москве»).
MAX_REGION = 3
# The evidence of a body that holds the model's organizations as its parts: «ГУ МВД по Москве».
SUBDIVISION = "subdivision"


@dataclass(frozen=True)
class BodyWords:
    heads: frozenset[str]
    state_heads: frozenset[str]
    region_words: frozenset[str]
    region_kinds: frozenset[str]


@cache
def body_words() -> BodyWords:
    return load_words("lexicon/bodies.yaml", BodyWords)


def add_bodies(mentions: list[Mention], parsed: Parsed) -> list[Mention]:
    """The mentions with the document's bodies and states among them: a phrase takes the place of the
    places inside it («России» of «правительство России») and a state's of any mention inside it, not of one
    reaching out of it, nor of an organization the model found in it unless the phrase is an office of that
    organization for a region, whose places it keeps («ГУ» and «МВД» of «ГУ МВД по Москве»)."""
    kept = sorted(mentions, key=lambda m: m.start)
    for body in find_bodies(parsed):
        overlapping = [m for m in kept if m.start < body.end and body.start < m.end]
        if any(m.start < body.start or m.end > body.end for m in overlapping):
            continue
        if body.evidence != SUBDIVISION and body.type == "organization" and any(m.type != "place" for m in overlapping):
            continue  # the model's organization, with the place after it a form of it (forms.add_compound_names)
        # a region's place stays a mention of its own inside an office for it («Москве» of «ГУ МВД по Москве»)
        gone = [m for m in overlapping if body.evidence != SUBDIVISION or m.type != "place"]
        kept = [m for m in kept if m not in gone] + [body]
        kept.sort(key=lambda m: m.start)
    return kept


def find_bodies(parsed: Parsed) -> list[Mention]:
    """The body and state phrases of a Russian document, left to right, not overlapping."""
    words = body_words()
    tokens = parsed.tokens
    found: list[Mention] = []
    for index, token in enumerate(tokens):
        if token.language != "ru" or token.pos not in ("NOUN", "PROPN") or (found and token.start < found[-1].end):
            continue
        lemma = token.lemma.lower()
        if lemma not in words.heads and lemma not in words.state_heads:
            continue
        first = _adjectives_before(tokens, index)
        left_place = next((p for t in tokens[first:index] if (p := _place_adjective(t)) is not None), None)
        if lemma in words.state_heads:
            if left_place is not None and index - first == 1:
                found.append(_mention(parsed, tokens[first : index + 1], "place", left_place))
            continue
        last = _complement_end(tokens, index)
        right_place = next((p for t in tokens[index + 1 : last + 1] if (p := _place_name(t)) is not None), None)
        region = _region_end(tokens, index, last)
        if left_place is None and right_place is None and region is None:
            continue  # «правительство», «суд» alone: which one the text does not say
        if found and tokens[first].start < found[-1].end:
            continue
        end = region if region is not None else last
        mention = _mention(parsed, tokens[first : end + 1], "organization", None)
        if region is not None or any(_abbreviation(t) for t in tokens[index + 1 : last + 1]):
            mention.evidence = SUBDIVISION  # «ГУ МВД по Москве»: the model's «ГУ» and «МВД» are its parts
        found.append(mention)
    return found


def _adjectives_before(tokens: list[Token], index: int) -> int:
    """The first of the adjectives right before the head that agree with it in case."""
    first = index
    while (
        first > 0
        and tokens[first - 1].pos == "ADJ"
        and tokens[first - 1].sent == tokens[index].sent
        and tokens[first - 1].case == tokens[index].case
        and tokens[first - 1].end + 1 >= tokens[first].start
    ):
        first -= 1
    return first


def _complement_end(tokens: list[Token], index: int) -> int:
    """The last of the genitive words after the head that depend on it, up to a place name among them
    («министерства иностранных дел России»); the head itself when none follow."""
    end = index
    for k in range(index + 1, min(len(tokens), index + 1 + MAX_COMPLEMENT)):
        token = tokens[k]
        if token.sent != tokens[index].sent or token.pos not in ("ADJ", "NOUN", "PROPN") or not _genitive(token):
            break
        if not _governed_from(tokens, k, index):
            break
        end = k
        if _place_name(token) is not None:
            break
    return end


def _region_end(tokens: list[Token], head: int, last: int) -> int | None:
    """The last token of the region a body covers after its name, «по» and a place in the dative that depend
    on the head or its complement («управление ФСБ по Петербургу», «ГУ МВД России по г. Москве»), or None."""
    after = last + 1
    if after >= len(tokens) or tokens[after].lemma.lower() not in body_words().region_words:
        return None
    for k in range(after + 1, min(len(tokens), after + 1 + MAX_REGION)):
        token = tokens[k]
        if token.sent != tokens[head].sent:
            return None
        if _place_name(token) is not None and head <= token.head <= k:
            return k
        if token.text.strip(".").lower() not in body_words().region_kinds and token.text != ".":
            return None
    return None


def _abbreviation(token: Token) -> bool:
    return token.text.isupper() and len(token.text) >= 2 and place_in_word(token.text) is None


def _genitive(token: Token) -> bool:
    return token.case == "Gen" or (token.text.isupper() and len(token.text) >= 2)  # «РФ», «США» are not declined


def _governed_from(tokens: list[Token], k: int, head: int) -> bool:
    """Does token k depend on the head, directly or through words of the complement («иностранных» through
    «дел» of «министерства иностранных дел»)?"""
    current = k
    for _ in range(MAX_COMPLEMENT + 1):
        parent = tokens[current].head
        if parent == head:
            return True
        if not head < parent <= head + MAX_COMPLEMENT or parent == current:
            return False
        current = parent
    return False


def _place_name(token: Token) -> str | None:
    if not token.text[:1].isupper():
        return None
    return place_in_word(token.text)


def _place_adjective(token: Token) -> str | None:
    if token.pos != "ADJ":
        return None
    return place_of_adjective(token.text, token.lemma)


def _mention(parsed: Parsed, tokens: list[Token], kind: str, place: str | None) -> Mention:
    text = parsed.doc.text
    start, end = tokens[0].start, tokens[-1].end
    surface = text[start:end]
    normal = place if place is not None else _nominative_phrase(tokens, text)
    return Mention(start, end, surface, kind, normal, evidence="body")


def _nominative_phrase(tokens: list[Token], text: str) -> str:
    """The phrase with the head and the adjectives before it in the nominative, agreeing with the head; the
    words after it as written («российского правительства» -> «российское правительство»)."""
    head = next(k for k, t in enumerate(tokens) if t.pos in ("NOUN", "PROPN"))
    gender, number = _gender_number(tokens[head].text, tokens[head].case)
    words = [t.text for t in tokens]
    for k in range(head + 1):
        wanted = ("Nom", number) if number == "Plur" else ("Nom", gender, number)
        words[k] = _inflected(tokens[k].text, "NOUN" if k == head else "ADJ", wanted)
    rebuilt = []
    for k, token in enumerate(tokens):
        gap = text[tokens[k - 1].end : token.start] if k else ""
        rebuilt.append(gap + words[k])
    return "".join(rebuilt)


def _cased_like(surface: str, word: str) -> str:
    if surface.isupper():
        return word.upper()
    return word[:1].upper() + word[1:] if surface[:1].isupper() else word


def _parses(word: str) -> list[Any]:
    return list(load()["vocab"].parse(word))


@lru_cache(maxsize=10_000)
def _gender_number(noun: str, case: str) -> tuple[str, str]:
    """The gender and number of a noun in the case the tagger gives it (the first reading in that case)."""
    readings = [p for p in _parses(noun.lower()) if p.pos == "NOUN"]
    reading = next((p for p in readings if p.feats.get("Case") == case), readings[0] if readings else None)
    if reading is None:
        return "Masc", "Sing"
    return reading.feats.get("Gender", "Masc"), reading.feats.get("Number", "Sing")


@lru_cache(maxsize=10_000)
def _inflected(word: str, pos: str, wanted: tuple[str, ...]) -> str:
    """The word in the wanted form (nominative, the head's gender and number), as the dictionary gives it."""
    for parse in _parses(word.lower()):
        if parse.pos == pos and (found := parse.inflect(set(wanted))) is not None:
            return _cased_like(word, str(found.word))
    return word
