"""Role phrases: the role words of the lexicon as they stand before a name ("Kazakh President", a list
of roles) or after it ("director of the Risk Assessment Group"), with their modifiers and complement."""

from __future__ import annotations

from dataclasses import dataclass

from elitewatch.extract.document import DocumentIndex
from elitewatch.extract.positions.grammar import disagree
from elitewatch.extract.positions.lexicon import Lexicon, any_language, lexicon
from elitewatch.model import Mention, Token
from elitewatch.vocabulary.countries import demonym

# How many tokens a role phrase, with its complement, may span; set by hand with the positions extractor
# (a49b7a4), not swept on a dev set.
MAX_PHRASE = 12
COMPLEMENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM", "CCONJ", "X"})  # X: Latin names in Russian
NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "X", "NUM"})
QUOTE_CHARS = "«»“”\"„'’"
# The shortest part of a hyphenated compound taken as a role word of its own: «рок-музыкант» is a musician,
# but a prefix of one or two letters («вице», «экс» are in the lexicon whole) is no role.
MIN_COMPOUND_PART = 4
YEAR_DIGITS = 4


@dataclass
class Phrase:
    first: int  # token indexes, inclusive
    head_end: int  # last token of the role words
    last: int
    ended: bool
    one_of: int | None = None  # «одним (из основателей)»: the word the person's case agrees with


def _spells(doc: DocumentIndex, first: int, role: tuple[str, ...], language: str) -> bool:
    """Do the tokens from `first` on spell these role words?"""
    return (
        first >= 0
        and first + len(role) <= len(doc.tokens)
        and all(_is_word(doc, doc.tokens[first + k], word, language) for k, word in enumerate(role))
    )


def _is_word(doc: DocumentIndex, token: Token, word: str, language: str) -> bool:
    """A role word, in its dictionary form or (a dependent one, «заместитель министра») as written, or one
    part of a compound noun («рок-музыкант», «композитор-неоклассик»)."""
    return word in _forms(doc, token, language)


def _forms(doc: DocumentIndex, token: Token, language: str) -> tuple[str, ...]:
    """The forms a role word is looked up by: the dictionary form, the word as written, and for a compound
    noun joined by hyphens its last and first parts («хип-хоп-исполнитель», «десантник-снайпер»)."""
    word = doc.word(token, language)
    forms = [word, token.text.lower(), token.text.lower().replace("ё", "е")]
    parts = word.split("-")
    if len(parts) > 1 and token.pos == "NOUN":
        forms.extend(part for part in (parts[-1], parts[0]) if len(part) >= MIN_COMPOUND_PART)
    return tuple(dict.fromkeys(forms))


def _candidates(
    index: dict[str, tuple[tuple[str, ...], ...]], doc: DocumentIndex, token: Token, language: str
) -> list[tuple[str, ...]]:
    """The roles that may start (or end) at this token, by its dictionary form or as written, longest first."""
    forms = _forms(doc, token, language)
    found = [role for form in forms for role in index.get(form, ())]
    return sorted(found, key=len, reverse=True) if len(forms) > 1 else found


def role_ending_at(doc: DocumentIndex, end: int, language: str, floor: int) -> int | None:
    """The first token of role words that end at token `end` ("secretary general"), if any."""
    for role in _candidates(lexicon(language).by_last, doc, doc.tokens[end], language):
        first = end - len(role) + 1
        if first >= floor and _spells(doc, first, role, language):
            return first
    return None


def role_starting_at(doc: DocumentIndex, start: int, language: str) -> tuple[str, ...] | None:
    """The longest role words that start at token `start`, if any."""
    if start >= len(doc.tokens):
        return None
    for role in _candidates(lexicon(language).by_first, doc, doc.tokens[start], language):
        if _spells(doc, start, role, language):
            return role
    return None


def _extend_left(doc: DocumentIndex, first: int, floor: int, language: str) -> tuple[int, bool]:
    """Take in modifiers, country adjectives and named organizations before the role words."""
    lex = lexicon(language)
    ended = False
    index = first - 1
    while index >= floor:
        token = doc.tokens[index]
        word = doc.word(token, language).strip("-")
        mention = doc.mention_of_token(index)
        if token.text.lower() in lex.modifiers and (token.pos == "VERB" or _written_participle(doc, index - 1, lex)):
            pass  # «исполняющий обязанности (председателя)»
        elif word in lex.modifiers or f"{word}-" in lex.modifiers or word in lex.ended:
            ended = ended or word in lex.ended or f"{word}-" in lex.ended
        elif (
            demonym(token.text, token.lemma) is not None
            # "CSTO Secretary General"; a Russian name before a role is not its organization («в Москву министра»)
            or (mention is not None and mention.type in ("organization", "place") and language == "en")
            or (token.text in "-–" and index > floor)
        ):
            pass
        elif language == "ru" and token.pos == "ADJ":
            pass  # «подмосковного губернатора»
        elif language == "en" and token.pos in ("PROPN", "NOUN") and token.text[:1].isupper():
            pass  # "Senate speaker", "Presidential Administration deputy head"
        elif token.text == ")":
            opening = next(
                (k for k in range(index - 1, max(floor, index - 8) - 1, -1) if doc.tokens[k].text == "("), None
            )
            if opening is None:
                break
            index = opening  # "the current CSTO (Eurasian military alliance) Secretary General"
        else:
            break
        first = index
        index -= 1
    while first < len(doc.tokens) and doc.tokens[first].text.lower() in any_language("articles"):
        first += 1
    return first, ended


def complement_end(doc: DocumentIndex, start: int, limit: int, language: str) -> int:
    """The last token of what completes the role: "of the CSTO", "to Russia", «обороны Беларуси»."""
    lex = lexicon(language)
    last = start - 1
    index = start
    joined = False  # after "of"/"to", common nouns belong to the complement: "assistant to the president"
    quotes = 0  # quotation marks opened in the complement: the next one closes («…», „…“)
    while index <= limit:
        token = doc.tokens[index]
        word = token.text.lower()
        mention = doc.mention_of_token(index)
        if token.text == "(" and (closing := _bracketed_name_end(doc, index, limit)) is not None:
            last = index = closing  # «Объединённого фронта … (ОФДД)»
            index += 1
            continue
        principal = _principal(doc, mention, start) if mention is not None else False
        if mention is not None and mention.type == "person" and _named(doc, mention) and not principal:
            break  # "appointed by President Tokayev": the next name is not part of the office
        # a time ("in March 2019", "last week", «в конце месяца») dates the office and is no part of it, except in
        # quotation marks: a name («газеты "USA Today"»)
        timed = index in doc.time_tokens and quotes == 0 and not _named_time(doc, index)
        if mention is None and (doc.word(token, language) in lex.complement_stops or timed):
            last = _before_time(doc, start, last, index, lex.joins)
            break
        if mention is None and token.text[:1].isupper() and token.pos not in NAME_POS and index > start:
            break  # a capitalized word that is no name begins a sentence the segmenter missed («… в Грузии По …»)
        if language == "en":
            fits = (
                word in lex.joins or token.pos in ("DET", "PROPN") or mention is not None or token.text in QUOTE_CHARS
            )
            fits = fits or (token.pos in ("NOUN", "ADJ") and (last >= start or joined)) or word in ("-",)
        else:
            fits = token.pos in COMPLEMENT_POS or token.text in QUOTE_CHARS or word in lex.joins
            fits = fits or _grades_adjective(doc, index, limit)
            fits = (fits or mention is not None) and not (token.pos == "CCONJ" and index == start)
        if not fits or (language == "ru" and token.pos == "CCONJ" and _new_role_after(doc, start, index, limit)):
            break
        if word in lex.joins and index < limit and _a_year(doc.tokens[index + 1]):
            break  # «стал президентом в 2004 году»: a date, not the office's place
        opening = token.text in "«„" or (token.text in '“"' and quotes == 0)
        if token.text in QUOTE_CHARS and token.text not in "'’":
            quotes = quotes + 1 if opening else max(0, quotes - 1)
        # never end on a function word or an opening mark; nor on «и»: «сотрудники Росприроднадзора и Рыбохраны»
        # coordinates the name with the complement, it is no title of it
        if token.pos == "CCONJ" or (language == "en" and token.pos == "DET") or word in lex.joins or opening:
            joined = joined or word in lex.joins
            index += 1
            continue
        last = index
        index += 1
    return last


def _before_time(doc: DocumentIndex, start: int, last: int, time: int, joins: frozenset[str]) -> int:
    """The complement's last token before the time that follows it: without the day's number («глава России
    31 октября») nor the words the time hangs on, with their preposition («в конце 2011 года», "at the end of
    March")."""
    governing = {time}
    while time + len(governing) in doc.time_tokens:
        governing.add(time + len(governing))  # the whole time: «2011 года»
    heads = {doc.tokens[k].head for k in governing}
    while new := {h for h in heads if start <= h < time and h not in governing and _time_place(doc, h)}:
        governing |= new  # «года» hangs on «конце»
        heads = {doc.tokens[k].head for k in new}
    while last >= start:
        token = doc.tokens[last]
        if token.pos == "NUM" or token.text.isdigit() or last in governing:
            last -= 1
        elif token.text.lower() in joins or token.pos in ("DET", "ADP", "CCONJ"):
            last -= 1  # the preposition of the words dropped, a conjunction left at the end
        else:
            break
    return last


def _time_place(doc: DocumentIndex, index: int) -> bool:
    """A noun with a preposition of its own outside any name: the point of a time it governs («в конце 2011
    года», "at the end of March"); not «Движения американских индейцев 70-х»."""
    token = doc.tokens[index]
    own_case = any(doc.tokens[c].dep == "case" or doc.tokens[c].pos == "ADP" for c in doc.children.get(index, []))
    return token.pos == "NOUN" and own_case and doc.mention_of_token(index) is None


def _named_time(doc: DocumentIndex, index: int) -> bool:
    """A time word that is part of a name: capitalized after a capitalized word ("USA Today")."""
    token, before = doc.tokens[index], doc.tokens[index - 1] if index > 0 else None
    return token.text[:1].isupper() and before is not None and before.text[:1].isupper()


def _new_role_after(doc: DocumentIndex, start: int, conjunction: int, limit: int) -> bool:
    """«директор по развитию компании и член совета директоров»: a role word after «и» in the case of the role
    and not in that of its complement is a second role, not part of the first one's complement («советник
    президента и премьера»: both genitive, one complement)."""
    following = conjunction + 1
    if following > limit or start < 1 or role_starting_at(doc, following, "ru") is None:
        return False
    role = doc.tokens[start - 1]
    while role.case == "Gen" and role.dep == "nmod" and role.head < role.i and doc.tokens[role.head].pos == "NOUN":
        role = doc.tokens[role.head]  # «председателем правления»: the role words' own head gives their case
    role_case = role.case
    complement_case = next((doc.tokens[k].case for k in range(start, conjunction) if doc.tokens[k].case), "")
    case = doc.tokens[following].case
    return bool(case) and case == role_case and case != complement_case


def _named(doc: DocumentIndex, mention: Mention) -> bool:
    """A "person" written with a proper noun or in Latin letters; one of common words only («Забайкальского
    края» typed as a person) is read as the complement's words."""
    first = doc.token_at(mention.start)
    last = doc.token_at(max(mention.start, mention.end - 1))
    return any(doc.tokens[k].pos in ("PROPN", "X") or doc.tokens[k].language != "ru" for k in range(first, last + 1))


def _principal(doc: DocumentIndex, mention: Mention, start: int) -> bool:
    """«помощник министра Сергея Лаврова Андрей Иванов», «мэр Бостона …» (a place typed as a person): a Russian
    name in the genitive inside the complement of a role not in the genitive is whose the office is (or where),
    not its holder (who agrees with a genitive role: «начальника департамента Станислава Цыганкова»)."""
    if start < 1 or doc.tokens[start - 1].case in ("Gen", "Acc", ""):  # an animate accusative is written so too
        return False
    first = doc.token_at(mention.start)
    last = doc.token_at(max(mention.start, mention.end - 1))
    cased = [doc.tokens[k].case for k in range(first, last + 1) if doc.tokens[k].case]
    return doc.tokens[first].language == "ru" and bool(cased) and all(case == "Gen" for case in cased)


def _grades_adjective(doc: DocumentIndex, index: int, limit: int) -> bool:
    """«лидер крайне правого Национального фронта», «наиболее влиятельной партии»: an adverb that grades the
    adjective after it belongs to the complement."""
    token = doc.tokens[index]
    return token.pos == "ADV" and index < limit and token.head > index and doc.tokens[token.head].pos == "ADJ"


def _a_year(token: Token) -> bool:
    return token.text.isdigit() and len(token.text) == YEAR_DIGITS  # natasha tags «2004 году» as ADJ


def _bracketed_name_end(doc: DocumentIndex, opening: int, limit: int) -> int | None:
    """The closing bracket of "(ОФДД)", "(SCO)": a name or acronym in brackets inside a role's complement."""
    for index in range(opening + 1, min(limit, opening + 6) + 1):
        if doc.tokens[index].text == ")":
            inside = range(opening + 1, index)
            named = all(doc.mention_of_token(k) is not None or doc.tokens[k].text.isupper() for k in inside)
            return index if inside and named else None
    return None


def role_before(doc: DocumentIndex, name_first: int, language: str) -> list[Phrase]:
    """Role phrases that stand right before the name, nearest first, through a list ("A, B Name")."""
    phrases: list[Phrase] = []
    end = name_first - 1
    sentence = doc.tokens[name_first].sent
    floor = name_first
    while floor > 0 and doc.tokens[floor - 1].sent == sentence and not _line_between(doc, floor - 1, floor):
        floor -= 1  # a title stands in its line: a sentence the parser ran across a paragraph lends none
    agree = ""  # Russian roles stacked without a comma agree in case: «наблюдатель от ОБСЕ португальский парламентарий»
    while end >= floor:
        if doc.tokens[end].text in (",",) and not phrases and (language == "en" or _set_off(doc, name_first)):
            end -= 1  # "the Kazakh President, Kassym-Jomart Tokayev", «Президент России, Владимир Путин, …»
        found = None
        for head_end in range(end, max(floor, end - MAX_PHRASE) - 1, -1):
            first = role_ending_at(doc, head_end, language, floor)
            if first is None:
                continue
            if head_end == end or complement_end(doc, head_end + 1, end, language) == end:
                if agree and doc.tokens[first].case != agree:
                    continue  # «председатель Совета муфтиев России шейх X»: «муфтиев» is the complement's word
                found = (first, head_end)
            elif _names_in(doc, head_end + 1, end):
                continue  # «помощник министра Сергея Лаврова Андрей Иванов»: the outer role's complement holds them
            break
        if found is None:
            break
        inner = found
        while (
            found[0] - 1 >= floor
            and (language != "ru" or _governed(doc, found[0]))
            and (outer := role_ending_at(doc, found[0] - 1, language, floor)) is not None
        ):
            found = (outer, found[1])
        if found != inner and _principal_of_outer(doc, found, inner, name_first):
            found = inner  # «помощник министра Сергея Лаврова …»: Lavrov is the minister, no aide
        first, ended = _extend_left(doc, found[0], floor, language)
        if not phrases and not _agrees(doc, first, found, name_first):
            # «муж актрисы Сергей Сенин»: a role in another case is not the name's title, but one further out
            # may be («глава пресс-службы башкирского президента Айрат Мурзагалиев»)
            outer_role = _agreeing_role(doc, found[0], end, floor, name_first, language)
            if outer_role is None:
                break
            found = outer_role
            first, ended = _extend_left(doc, found[0], floor, language)
        phrases.append(Phrase(first, found[1], end, ended))
        end = first - 1
        if end >= floor and doc.tokens[end].text in (",", "и", "and"):
            end -= 1
            agree = ""
            continue
        if language == "ru" and doc.tokens[first].case:
            agree = doc.tokens[first].case
            continue
        break
    return phrases


def _line_between(doc: DocumentIndex, before: int, after: int) -> bool:
    return "\n" in doc.text[doc.tokens[before].end : doc.tokens[after].start]


def _names_in(doc: DocumentIndex, first: int, last: int) -> bool:
    return any((m := doc.mention_of_token(k)) is not None and m.type == "person" for k in range(first, last + 1))


def _set_off(doc: DocumentIndex, name_first: int) -> bool:
    """A Russian name set off by commas on both sides («Президент России, Владимир Путин, лично …»), its own
    spelling in brackets between («Пресс-секретарь, Забиулла Муджахид (Zabiullah Mujahid), выложил …»), or
    closing its sentence («… сказал директор музея, Александр Кержаев.»): the name is an apposition of the
    role before it (whose case _agrees checks)."""
    mention = doc.mention_of_token(name_first)
    if mention is None:
        return False
    after = doc.token_at(max(mention.start, mention.end - 1)) + 1
    if after < len(doc.tokens) and doc.tokens[after].text == "(":
        closing = _bracketed_name_end(doc, after, len(doc.tokens) - 1)
        after = closing + 1 if closing is not None else after
    if after >= len(doc.tokens) or doc.tokens[after].sent != doc.tokens[name_first].sent:
        return True
    return doc.tokens[after].text in (",", ".", "!", "?", "…")


def _agrees(doc: DocumentIndex, first: int, found: tuple[int, int], name_first: int) -> bool:
    """Is some word of the role, up to its noun, in a case its name may be in (a Russian title agrees with its
    name: «министра Сергея Лаврова»; «исполняющий обязанности председателя X» agrees by its participle)?"""
    name = doc.tokens[name_first]
    noun = head_noun(doc, found[0], found[1])
    if name.dep == "appos" and name.head == noun:
        return True  # the parse hangs the name on the role («министра … Японии Сейджи Маехары», a foreign name
        # the tagger calls nominative): the name is its apposition whatever case the tagger gives it
    words = [doc.tokens[k] for k in range(first, noun + 1)]
    if any(token.text.lower() in lexicon(token.language).indeclinable for token in words):
        return True  # «врио губернатора Иван Петров»: the abbreviation stands for the participle, in any case
    cased = [token for token in words if token.case]
    return not cased or any(not disagree(token, name) for token in cased)


def _governed(doc: DocumentIndex, index: int) -> bool:
    """A Russian role word in the genitive, or one the parse hangs on the word before it («советника
    президента»: the tagger may call an animate genitive accusative, the form being the same)."""
    token = doc.tokens[index]
    return token.case == "Gen" or (token.dep == "nmod" and token.head == index - 1)


def _principal_of_outer(doc: DocumentIndex, outer: tuple[int, int], inner: tuple[int, int], name_first: int) -> bool:
    """Does the name agree with the inner role of a chain («министра») and not with the outer one's noun
    («помощник»)? Then the outer role is someone else's and the name holds the inner one («помощник министра
    Сергея Лаврова Андрей Иванов», «назначен советником президента Дмитрия Медведева»)."""
    name = doc.tokens[name_first]
    outer_noun = doc.tokens[head_noun(doc, outer[0], inner[0] - 1)]
    inner_noun = doc.tokens[head_noun(doc, inner[0], inner[1])]
    return disagree(outer_noun, name) and not disagree(inner_noun, name)


def _agreeing_role(
    doc: DocumentIndex, inner: int, end: int, floor: int, name_first: int, language: str
) -> tuple[int, int] | None:
    """A role further left whose complement reaches the name and which agrees with it."""
    for head_end in range(inner - 1, max(floor, inner - MAX_PHRASE) - 1, -1):
        first = role_ending_at(doc, head_end, language, floor)
        if first is None or complement_end(doc, head_end + 1, end, language) != end:
            continue
        if _agrees(doc, first, (first, head_end), name_first):
            return first, head_end
    return None


def head_noun(doc: DocumentIndex, first: int, head_end: int) -> int:
    """The noun the role words hang on: the first noun of them («заместитель» of «заместитель министра»)."""
    return next((k for k in range(first, head_end + 1) if doc.tokens[k].pos == "NOUN"), head_end)


def _starts_role(doc: DocumentIndex, index: int, language: str) -> bool:
    return role_starting_at(doc, index, language) is not None


def _describes(token: Token) -> bool:
    """A word that describes the role noun after it: "another energetic", «управляющий (директор)»."""
    return token.pos in ("DET", "ADJ") or (token.pos == "VERB" and token.dep == "amod")


def _written_participle(doc: DocumentIndex, index: int, lex: Lexicon) -> bool:
    """A participle of the modifiers as written («исполняющий»), which the modifier after it completes."""
    return index >= 0 and doc.tokens[index].pos == "VERB" and doc.tokens[index].text.lower() in lex.modifiers


def _begins_own_role(doc: DocumentIndex, index: int, language: str) -> bool:
    """Do role words start at this modifier and reach further than those after it ("chief executive"; not
    «первый заместитель» of «первый заместитель министра», nor "deputy prime minister")?"""
    own = role_starting_at(doc, index, language) or ()
    after = role_starting_at(doc, index + 1, language) or ()
    return len(own) > 1 and len(own) > len(after) + 1


def role_after(doc: DocumentIndex, start: int, language: str, limit: int) -> Phrase | None:
    """A role phrase starting at token `start` (after modifiers): "director of the Risk Assessment Group"."""
    lex = lexicon(language)
    one_of = None
    if (
        start + 2 <= limit
        and lex.partitives.get(doc.word(doc.tokens[start], language)) == doc.tokens[start + 1].text.lower()
    ):
        one_of, start = start, start + 2  # «один из основателей», "one of the founders"
    index = start
    ended = False
    describing = 0  # "another energetic former prime minister"
    while index <= limit:
        token = doc.tokens[index]
        word = doc.word(token, language).strip("-")
        mention = doc.mention_of_token(index)
        if word in lex.modifiers and _begins_own_role(doc, index, language):
            break  # "chief executive": a modifier that begins role words of its own is theirs
        if token.text.lower() in lex.modifiers and (token.pos == "VERB" or _written_participle(doc, index - 1, lex)):
            pass  # «исполняющий обязанности», the participle whose lemma the tagger gives as the verb's
        elif word in lex.modifiers or word in lex.ended or f"{word}-" in lex.ended:
            ended = ended or word in lex.ended or f"{word}-" in lex.ended
        elif token.text in ("'s", "’s") and index > start and doc.mention_of_token(index - 1) is not None:
            pass  # "Kazakhstan's ambassador to Russia": the country's office
        # at most three describing words before a role's head: set by hand with the positions extractor (a49b7a4)
        elif _describes(token) and describing < 3 and not _starts_role(doc, index, language):
            describing += 1
        elif not (
            demonym(token.text, token.lemma) is not None
            or (mention is not None and mention.type in ("organization", "place"))
        ):
            break
        index += 1
    if index >= len(doc.tokens):
        return None
    for role in _candidates(lex.by_first, doc, doc.tokens[index], language):
        head_end = index + len(role) - 1
        if head_end <= limit and _spells(doc, index, role, language):
            last = max(head_end, complement_end(doc, head_end + 1, limit, language))
            # «одним из самых влиятельных политиков»: one of many is a politician, not the most influential one
            return Phrase(start if one_of is None else index, head_end, last, ended, one_of)
    return None
