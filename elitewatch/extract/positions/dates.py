"""When an office was held, as its sentence tells: the sentence's dates, a caption's date, an age when the
person's birth year is known."""

from __future__ import annotations

from elitewatch.extract.document import DocumentIndex, referent, sentence_of
from elitewatch.extract.positions.lexicon import lexicon
from elitewatch.model import Sentence, Token
from elitewatch.temporal import TimeExpr, find_dates

# The longest paragraph read as a caption, whose one date dates all its sentences; set by hand with caption
# dates (9162610: seeds position date accuracy 0.25 -> 0.75 together with the other date rules), not swept.
CAPTION_CHARS = 300
# What may follow a caption's date: «года», "г.", a footnote number; the longest of those, set by hand (74fc505).
CAPTION_TAIL = 6


def sentence_dates(doc: DocumentIndex, sentence: Sentence, anchor: str | None) -> list[TimeExpr]:
    return [e for e in find_dates(doc.text, sentence.start, sentence.end, anchor) if e.value is not None]


def caption_dates(doc: DocumentIndex, sentence: Sentence, anchor: str | None) -> list[TimeExpr]:
    """A short paragraph dated once at its end or start, like a photo caption ("The two ministers. Minsk,
    30 October 2024"): its date is the date of each of its sentences."""
    start = doc.text.rfind("\n", 0, sentence.start) + 1
    end = doc.text.find("\n", sentence.end)
    end = len(doc.text) if end == -1 else end
    if end - start > CAPTION_CHARS:
        return []
    dates = [e for e in find_dates(doc.text, start, end, anchor) if e.value is not None]
    if len(dates) != 1:
        return []
    # a caption's date closes (or opens) it: "… Minsk, 30 October 2024"; a date inside tells something else
    before, after = doc.text[start : dates[0].start], doc.text[dates[0].end : end]
    closes = len(after.strip()) <= CAPTION_TAIL  # "… 30 октября 2024 года", a footnote mark after it
    return dates if closes or not before.strip(" (\t") else []


class Ages:
    """Birth years the document gives ("born in 1956", «родился в 1956 году») and the ages it dates a verb
    with ("at 39 he took …", "at the age of 45 he headed …", «в 39 лет он занял …»)."""

    def __init__(self, doc: DocumentIndex, anchor: str | None) -> None:
        self.doc = doc
        self.anchor = anchor
        self._born: dict[int, int] | None = None

    def year_of(self, person: int, verb: Token) -> str | None:
        """The year the person was the age the verb's clause gives, when their birth year is known."""
        born = self.born.get(person)
        if born is None:
            return None
        age = self.age_at(verb)
        return str(born + age) if age is not None else None

    @property
    def born(self) -> dict[int, int]:
        if self._born is None:
            self._born = self._birth_years()
        return self._born

    def _birth_years(self) -> dict[int, int]:
        doc = self.doc
        years: dict[int, int] = {}
        for token in doc.tokens:
            language = doc.language(token)
            if doc.word(token, language) not in lexicon(language).birth_words:
                continue
            sentence = sentence_of(doc, token.i)
            dates = [d for d in sentence_dates(doc, sentence, self.anchor) if d.start >= token.start and d.value]
            person = self._born_person(token)
            if dates and person is not None and person not in years:
                years[person] = int(dates[0].value[:4])  # type: ignore[index]
        return years

    def _born_person(self, born: Token) -> int | None:
        """Who was born: the subject of "born" (a pronoun's referent), else the last name before it."""
        doc = self.doc
        for child in doc.children.get(born.i, []):
            token = doc.tokens[child]
            if token.dep.startswith("nsubj"):
                mention = doc.mention_of_token(child)
                if mention is not None and mention.type == "person":
                    return mention.cluster
                if token.pos == "PRON":
                    person = referent(doc, token)
                    return person.cluster if person is not None else None
        for index in range(born.i - 1, -1, -1):
            if doc.tokens[index].sent != born.sent:
                break
            mention = doc.mention_of_token(index)
            if mention is not None and mention.type == "person":
                return mention.cluster  # "Imangali Tasmagambetov (born 1956)"
        return None

    def age_at(self, verb: Token) -> int | None:
        """The age a number in the verb's own clause gives: the verb it depends on is this one."""
        doc = self.doc
        for token in doc.tokens:
            # an age of 10 to 100 years: a convention for the age of an office holder (74fc505), not measured
            if token.sent != verb.sent or not token.text.isdigit() or not 10 <= int(token.text) <= 100:
                continue
            if self._is_age(token) and self._clause_verb(token) == verb.i:
                return int(token.text)
        return None

    def _is_age(self, number: Token) -> bool:
        doc = self.doc
        following = doc.tokens[number.i + 1] if number.i + 1 < len(doc.tokens) else None
        if following is not None and following.sent != number.sent:
            following = None
        language = doc.language(following) if following is not None else "en"
        lex = lexicon(language)
        before = {doc.word(doc.tokens[k], language) for k in range(max(0, number.i - 3), number.i)}
        if not before & lex.age_before:
            return False
        if language == "ru":
            return following is not None and doc.word(following, language) in lex.age_after  # «в 39 лет»
        # not "at 39 percent", "at 10 Downing Street"
        return following is None or not (following.pos in ("NOUN", "PROPN", "NUM") or following.text in ("%", "-"))

    def _clause_verb(self, token: Token) -> int | None:
        doc = self.doc
        index = token.i
        for _ in range(8):
            head = doc.tokens[index].head
            if head == index:
                return None
            index = head
            if doc.tokens[index].pos in ("VERB", "AUX") and doc.tokens[index].dep not in ("aux", "auxpass", "cop"):
                return index
        return None
