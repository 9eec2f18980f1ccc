"""Stage 1: mentions from the model's spans, cleaned (split at line breaks and brackets, titles, possessives
and "the" stripped, demonyms and generic words dropped, Russian names in the nominative), and those the
model misses (web outlets, gazetteer names)."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from elitewatch.datafiles import fold, gazetteer_index, name_words, organizations, places
from elitewatch.extract.entities.inflection import (
    name_cases,
    name_tags,
    nominative,
    organization_nominative,
    plausible_nominative,
    takes_case_ending,
)
from elitewatch.extract.entities.lexicon import entity_words
from elitewatch.model import Mention, Parsed, Span, Token
from elitewatch.vocabulary.countries import demonyms, gazetteer_entry
from elitewatch.vocabulary.names import strip_possessive, token_keys

OUTLET = re.compile(
    r"\b[A-Z][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*\.(?:kz|ru|com|org|net|uz|kg|by|ua|am|az|ge|tj|info|expert|news|media|io)\b"
)
SPAN_PART = re.compile(r"[^\n()\[\]]+")  # a span's pieces between line breaks and brackets
HYPHEN_WORD = re.compile(r"-(\w+)")
LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
CASE_ORDER = ("Gen", "Acc", "Dat", "Ins", "Loc")  # natasha's oblique cases
QUOTE_MARKS = "“”„«»\"‘’'`"
# words that cannot begin a name; SPACE: a no-break space the tokenizer keeps as a token ("― Jane Doe")
FUNCTION_POS = frozenset(
    {"VERB", "ADP", "DET", "ADV", "SCONJ", "CCONJ", "PRON", "AUX", "PART", "INTJ", "PUNCT", "SPACE"}
)


def is_title_word(word: str) -> bool:
    return word.lower().strip(".,") in entity_words()["titles"]


def strip_titles(text: str) -> tuple[str, int, bool]:
    """Remove leading titles ("President", "Secretary General", "Mr"); return text, cut, found."""
    words = text.split(" ")
    cut = 0
    found = False
    while len(words) > 1 and is_title_word(words[0]):
        cut += len(words[0]) + 1
        words = words[1:]
        found = True
    return " ".join(words), cut, found


def extend_names(spans: list[Span], parsed: Parsed, starts: list[int]) -> list[Span]:
    """A person span followed by proper nouns on the same line takes them in ("Kasym-Žomart" Tokaev)."""
    text = parsed.doc.text
    extended: list[Span] = []
    for span in spans:
        index = token_at(starts, span.end)
        end = span.end
        while (
            span.label == "person"
            and index is not None
            and index + 1 < len(parsed.tokens)
            and parsed.tokens[index + 1].start == end + 1
            and text[end] == " "
            and parsed.tokens[index + 1].pos == "PROPN"
            and parsed.tokens[index + 1].text[:1].isupper()
            and gazetteer_entry(parsed.tokens[index + 1].text) is None  # «вместо Нетаньяху Иерусалим будет…»
        ):
            index += 1
            end = parsed.tokens[index].end
        title = HYPHEN_WORD.match(text, end)
        if title and fold(title.group(1)) in entity_words()["hyphen_titles"]:
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
    index = token_at(starts, mention.start)
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
    the one outside the brackets and the one inside; link_brackets joins them later.
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
        surface = complete_marks(text, start, surface)
        normal = surface
        if span.language == "ru" and len(normals) == len(parts):
            normal = restore_yo(_normal_of(surface, part.group().strip(), normals[number]), surface)
        mentions.append(Mention(start, start + len(surface), surface, span.label, normal, evidence=evidence))
    return mentions


# An abbreviation's last letters: "B.V", «Б.В», "S. A", "Inc", "Ltd"; its full stop belongs to the name.
ABBREVIATION_END = re.compile(r"(?:\b\w\.\s?\w|\b(?:Inc|Ltd|Corp|Co))$")
CLOSING_MARK = {"«": "»", "„": "“", "“": "”", '"': '"', "‘": "’"}


def complete_marks(text: str, start: int, surface: str) -> str:
    """The marks a name's surface was trimmed of that belong to it: the closing quotation mark of one it
    opens («НАК «Нафтогаз»» as written, 'ПАО "Северсталь"'), and the full stop of an abbreviation that ends
    it ("Foo Holdings B.V.", «Фу Холдинг Б.В.»): what the text says the name is, not where a sentence ends."""
    end = start + len(surface)
    opened = [
        mark
        for mark in CLOSING_MARK
        if surface.count(mark) > surface.count(CLOSING_MARK[mark]) or (mark == '"' and surface.count(mark) % 2 == 1)
    ]
    if opened and text[end : end + 1] == CLOSING_MARK[opened[0]]:
        return surface + text[end]
    if text[end : end + 1] == "." and ABBREVIATION_END.search(surface):
        return surface + "."
    return surface


@dataclass(frozen=True)
class Attested:
    """The words a document writes, and the proper nouns among them the tagger reads in the nominative: the
    document's own evidence for a name's nominative."""

    words: frozenset[str]
    nominatives: dict[str, frozenset[int]]  # word -> where it is read so

    def nominative_elsewhere(self, token: Token) -> bool:
        """Is the token's word read in the nominative at another place of the document?"""
        return bool(self.nominatives.get(token.text, frozenset()) - {token.start})


def attested(parsed: Parsed) -> Attested:
    nominatives: dict[str, set[int]] = defaultdict(set)
    for token in parsed.tokens:
        if token.pos == "PROPN" and token.case == "Nom" and token.language == "ru":
            nominatives[token.text].add(token.start)
    return Attested(
        frozenset(t.text for t in parsed.tokens), {word: frozenset(starts) for word, starts in nominatives.items()}
    )


def relemmatize(mention: Mention, parsed: Parsed, starts: list[int], seen: Attested | None = None) -> Mention:
    """A Russian person's name in the nominative, word by word from the case the tagger gives each word
    («Олафа Шольца», «Барак Обамой», «Х.Мааса»): the nominative the dictionary or the case endings give
    (inflection.nominative), else the word's lemma; words in the nominative keep what the span normalizer made
    of them. (Not organizations: their dependent words stay inflected, «Институт этнологии».)"""
    first = token_at(starts, mention.start)
    if first is None:
        return mention
    tokens = [t for t in parsed.tokens[first : first + len(mention.text) + 1] if mention.start <= t.start < mention.end]
    words = mention.normal.split(" ")
    title_case = _title_case(tokens, parsed.tokens, mention, parsed.doc.text)
    name_case = _name_case(tokens, parsed.tokens, mention, title_case)
    if len(words) != len(tokens):  # «Х.Мааса» is three tokens: the surface, word by word
        return _relemmatized_surface(mention, tokens, name_case)
    for k, (word, token) in enumerate(zip(words, tokens, strict=True)):
        case, endings = _reading(token, tokens, name_case, title_case)
        if case in ("", "Nom"):
            if not plausible_nominative(token.text, word, ()):
                words[k] = token.text  # «Альберто Фухимори» as written, not the span normalizer's «Фухиморь»
            continue
        if (found := nominative(token.text, case)) != token.text:
            words[k] = found  # over the span normalizer's guess: «Шольцем» is Шольц, not «Шолец»
        elif word == token.text:
            words[k] = _nominative_of(token, case, endings)
        elif not plausible_nominative(token.text, word, endings):
            words[k] = token.text  # the span normalizer's guess is no nominative of it: «Пелоси», not «Пелось»
        # the document writes the word as a nominative elsewhere, and never the nominative guessed for it:
        # «Берни Сандерс … Берни Сандерса» is not «Берня», «Бейонсе … о Бейонсе» not «Бейонс»; unless the
        # dictionary knows it as a name, whose nominative it knows better than the tagger («Марш Голунова»)
        if seen and words[k] not in seen.words and seen.nominative_elsewhere(token) and not name_tags(token.text):
            words[k] = token.text
    normal = restore_yo(" ".join(words), mention.text)
    if normal == mention.normal:
        return mention
    return Mention(mention.start, mention.end, mention.text, mention.type, normal, evidence=mention.evidence)


def split_organization(mention: Mention, parsed: Parsed, starts: list[int]) -> list[Mention]:
    """A Russian person span that begins with a word the dictionary knows only as an organization's name, then a
    given name, holds both: «лидера Аль-Кайды Усамы бин Ладена», «актёр Ленкома Павел Смеян» are an
    organization and a person (the tagger ran them together)."""
    tokens = _tokens_of(mention, parsed, starts)
    words = mention.normal.split(" ")
    if len(tokens) < 3 or len(words) != len(tokens) or "Name" not in name_tags(tokens[1].text):
        return [mention]
    organization = organization_nominative(tokens[0].text)
    if organization is None:
        return [mention]
    text = parsed.doc.text
    head = Mention(mention.start, tokens[0].end, text[mention.start : tokens[0].end], "organization", organization)
    rest = Mention(tokens[1].start, mention.end, text[tokens[1].start : mention.end], "person", " ".join(words[1:]))
    head.evidence = rest.evidence = mention.evidence
    return [head, rest]


def split_names(mention: Mention, parsed: Parsed, starts: list[int]) -> list[Mention]:
    """A Russian person span that holds two names is two mentions: «помощник Билла Клинтона Джо Локхарт»,
    «советника Путина Михаила Лесина». The words of one name hang together in the parse (flat:name); a name
    of two words or more whose words hang on nothing before them in the span is another person's, whatever
    the cases say (the tagger gives «Аксары Кердпола» two cases, and their parse one name)."""
    tokens = _tokens_of(mention, parsed, starts)
    words = mention.normal.split(" ")
    if len(tokens) < 3 or len(words) != len(tokens):
        return [mention]
    first = tokens[0].i
    cut = next((k for k in range(1, len(tokens) - 1) if _starts_a_name(tokens, k, first)), None)
    if cut is None:
        return [mention]
    text = parsed.doc.text
    head_end, tail_start = tokens[cut - 1].end, tokens[cut].start
    head = Mention(mention.start, head_end, text[mention.start : head_end], mention.type, " ".join(words[:cut]))
    tail = Mention(tail_start, mention.end, text[tail_start : mention.end], mention.type, " ".join(words[cut:]))
    head.evidence = tail.evidence = mention.evidence
    return [head, *split_names(tail, parsed, starts)]


def _starts_a_name(tokens: list[Token], k: int, first: int) -> bool:
    """Do tokens k.. form a name of two words or more that no token before k in the span holds, nor holds one?"""
    if k == 1 and not _another_name_after_a_word(tokens[0], tokens[1], tokens[2]):
        return False
    before = range(first, first + k)
    after = range(first + k, first + len(tokens))
    if any(tokens[j].head in before for j in range(k, len(tokens))):
        return False
    if any(tokens[j].head in after for j in range(k)):
        return False
    return all(tokens[j].head in after for j in range(k + 1, len(tokens)))


def _another_name_after_a_word(word: Token, given: Token, then: Token) -> bool:
    """One word, then a name: another person's only when the word's case differs from the name's (the
    possessor «Баффета» of «земляк Баффета Дэвид Сокол»), or the dictionary reads a surname, then a given
    name, and no patronymic follows it («Небензя Василий Алексеевич» is one name in official order)."""
    if _patronymic().search("".join(token_keys(then.text))) or "Patr" in name_tags(then.text):
        return False
    if word.case and given.case and word.case != given.case:
        return True
    return "Surn" in name_tags(word.text) and "Name" in name_tags(given.text)


@cache
def _patronymic() -> re.Pattern[str]:
    return re.compile(name_words().patronymic_pattern)


def _tokens_of(mention: Mention, parsed: Parsed, starts: list[int]) -> list[Token]:
    first = token_at(starts, mention.start)
    if first is None:
        return []
    end = first + len(mention.text) + 1
    return [t for t in parsed.tokens[first:end] if mention.start <= t.start < mention.end]


def _name_case(words: list[Token], tokens: list[Token], mention: Mention, title_case: str) -> str:
    """The case of the name as a whole: its root word's, or, when the tagger reads that in the nominative, the
    case of the title it stands in apposition to (`title_case`), with which a name agrees («визита министра
    Сейджи Маехары», «генерал-лейтенанта Аксары Кердпола», read as nominatives)."""
    root = _root(words, tokens, mention)
    if root is None:
        return ""
    if root.case not in ("", "Nom"):
        return root.case
    return title_case if title_case != "Nom" else ""


def _root(words: list[Token], tokens: list[Token], mention: Mention) -> Token | None:
    """The word of the name whose head lies outside it."""
    return next((t for t in words if not mention.start <= tokens[t.head].start < mention.end), None)


def _title_case(words: list[Token], tokens: list[Token], mention: Mention, text: str) -> str:
    """The case of the title the name stands in apposition to, or follows across its genitives; "" if none."""
    root = _root(words, tokens, mention)
    if root is None:
        return ""
    title = tokens[root.head]
    if (
        root.dep == "appos"
        and is_title_word(title.lemma)  # a title: «министра», not a headline's noun the parse ran into
        and title.case not in ("", "Nom")
        and title.end <= mention.start
        and "\n" not in text[title.end : mention.start]
    ):
        return title.case
    before = _title_before(tokens, words[0])
    return before.case if before is not None else ""


def _title_before(tokens: list[Token], first: Token) -> Token | None:
    """The title the name follows, across the genitives that complete it: «с министром иностранных дел
    Германии Гайко Маасом» (where the parse may hang the name on another «министр» of the sentence)."""
    index = first.i - 1
    while index >= 0 and tokens[index].sent == first.sent and tokens[index].case == "Gen":
        index -= 1
    if index < 0 or tokens[index].sent != first.sent or not is_title_word(tokens[index].lemma):
        return None
    return tokens[index]


def _reading(token: Token, tokens: list[Token], name_case: str, title_case: str) -> tuple[str, tuple[str, ...]]:
    """The case a word of a name is in, and the cases whose endings a guess at its nominative must start from."""
    case = _case_in_name(token, name_case)
    if case == "Nom" and "Nom" not in (known := name_cases(token.text)):
        # the dictionary knows the word only in oblique cases, and another word of the name is in one of them:
        # «адвоката Бартоломея Соханьского», its given name read as a nominative, is Бартоломей
        shared = known & _oblique_cases([t for t in tokens if t is not token])
        case = min(shared, key=CASE_ORDER.index) if shared else case
    if case in ("", "Nom"):
        return case, ()
    # the case's endings («с еврокомиссаром Маргрете Вестагер» is no «Маргрета»; «Моники Левински» no «Левинск»),
    # and, unless a title or every word of the name agrees on the case, the endings of the cases the dictionary
    # knows the word in, as the tagger mistakes one case for another («Грету Тунберг» read as an instrumental)
    agreed = case == title_case or all(t.case == case for t in tokens if t.case)
    others = [t for t in tokens if t is not token and t.case]
    if (
        case == "Acc"
        and not takes_case_ending(token.text, case)
        and takes_case_ending(token.text, "Gen")
        and others
        and all(takes_case_ending(t.text, "Gen") for t in others)
    ):
        case = "Gen"  # «жителя Андрея Кандыбы» read as accusatives: «Андрея» may be either, «Кандыбы» only a genitive
    if agreed:
        return case, (case,)
    return case, (case, *sorted(name_cases(token.text) - {"Nom", case}))


def _oblique_cases(tokens: list[Token]) -> set[str]:
    """The oblique cases the words may be in: the tagger's, or, for a word it reads as a nominative that is not
    its own lemma («Соханьского»), those whose endings it bears."""
    cases: set[str] = set()
    for token in tokens:
        if token.case not in ("", "Nom"):
            cases.add(token.case)
        elif token.case == "Nom" and token.lemma and token.lemma != token.text.lower():
            cases.update(case for case in CASE_ORDER if takes_case_ending(token.text, case))
    return cases


def _case_in_name(token: Token, name_case: str) -> str:
    """The word's case, or its name's: the words of a name agree in case, so a word the tagger reads in the
    nominative is in the name's case unless the dictionary knows it as a name («Кердпола» is genitive in
    «генерал-лейтенанта Аксары Кердпола»)."""
    if token.case == "Nom" and name_case and not name_tags(token.text):
        return name_case
    if name_case and not takes_case_ending(token.text, token.case) and takes_case_ending(token.text, name_case):
        return name_case  # «с О.Шольцем», its surname read as a genitive: the ending says the name's case
    return token.case


def _nominative_of(token: Token, case: str = "", endings: Collection[str] = CASE_ORDER) -> str:
    """The word's nominative from the dictionary or the case endings, else its lemma when that may be one
    (from one of the cases of `endings`)."""
    word = nominative(token.text, case or token.case)
    if word != token.text or not token.lemma or token.lemma == token.text.lower():
        return word
    lemma = "-".join(part[:1].upper() + part[1:] for part in token.lemma.split("-"))
    return lemma if plausible_nominative(token.text, lemma, endings) else token.text


def _relemmatized_surface(mention: Mention, tokens: list[Token], name_case: str) -> Mention:
    """The name's surface with each oblique word in the nominative, in place: «Х.Мааса» -> «Х.Маас»."""
    normal = mention.text
    for token in reversed(tokens):
        offset = token.start - mention.start
        case = _case_in_name(token, name_case) if token.case else ""
        if case in ("", "Nom") or normal[offset : offset + len(token.text)] != token.text:
            continue
        normal = normal[:offset] + _nominative_of(token, case) + normal[offset + len(token.text) :]
    if normal == mention.normal:
        return mention
    return Mention(mention.start, mention.end, mention.text, mention.type, normal, evidence=mention.evidence)


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
    if folded in entity_words()["generic"] or folded in demonyms() or singular in demonyms():
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
        if not entry.searched:
            continue
        forms.update(form for form in entry.forms if len(form) > 2 and any(c.isupper() for c in form))
        forms.update(entry.typos)
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])")


def token_at(starts: list[int], offset: int) -> int | None:
    position = bisect.bisect_right(starts, offset) - 1
    if position < 0:
        return None
    return position
