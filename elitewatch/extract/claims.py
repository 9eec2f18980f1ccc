"""Claims: what a text attributes to someone without quotation marks, read from the dependency parse.

The constructions, in English and Russian alike (the parse is Universal Dependencies in both):
- a verb of saying or thinking with a clause as its complement: "X said that …", "X believes …",
  «X заявил, что …»; its subject (a passive's agent) is the source, the clause (less "that"/«что») the claim;
  set aside from the clause it attributes: "As X noted, …", «Как заявил X, …», «…, заявил X»;
- a verb of intention with its infinitive ("X vowed to …"), a verb that attributes its object ("X described
  Y as …", "X chastised Y for …"), or attributes through a preposition ("X talked about …", «рассказал о …»);
- a noun of saying with its clause or preposition: "X's claim that …", "a Times report that …", «заявление X о …»;
- "according to X, …" / «по словам X, …»: X is the source, the rest of the sentence the claim.
The source is the entity the subject names: a pronoun takes the person named last before it, a relative
pronoun the noun its clause qualifies; a subject no entity names is kept by its words ("civil rights
activists", "analysts in Almaty": not Almaty). What sits inside a direct quote is the quote's, not a claim.
Whether the source asserts, denies ("X denied that …", "X did not say that …") or hedges ("X believes …",
"… may …") is kept as the claim's polarity. Every word list is data (data/lexicon/claims.yaml).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from elitewatch.datafiles import load_words
from elitewatch.extract.pronouns import any_language
from elitewatch.model import Claim, LocalEntity, Parsed, Quote, Token
from elitewatch.temporal import date_in_attribution

EXTRACTOR = "claims"
VERSION = "2"
SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
PASSIVE_SUBJECTS = frozenset({"nsubj:pass", "nsubjpass"})
CLAUSES = frozenset({"ccomp"})
OBJECTS = frozenset({"dobj", "obj"})  # what an object verb attributes, with its complements after it:
COMPLEMENTS = frozenset({"dobj", "obj", "xcomp", "oprd", "prep", "obl"})  # "as …", "for …", "to …"
NAMES = frozenset({"PROPN", "NOUN", "NUM"})  # "in May" is a month, not a hedge
VERBAL = frozenset({"VERB", "AUX", "ADJ"})  # «намерен», «уверен» are short adjectives that govern a clause
GOVERNED = frozenset({"pobj", "pcomp", "obl", "nmod"})
RELATIVE_CLAUSES = frozenset({"relcl", "acl:relcl"})
NAME_PARTS = frozenset({"compound", "appos", "flat", "flat:name", "amod", "nmod"})
MIN_WORDS = 3  # a claim of fewer words is a fragment ("he said so"); set by hand (d16b6ba), not swept


@dataclass(frozen=True)
class ClaimWords:
    """data/lexicon/claims.yaml, for one language."""

    verbs: frozenset[str]
    object_verbs: frozenset[str]
    intention_verbs: frozenset[str]
    prep_verbs: frozenset[str]
    prepositions: frozenset[str]
    verb_prepositions: dict[str, frozenset[str]]
    circumstance_prepositions: frozenset[str]
    according: tuple[str, ...]
    deny: frozenset[str]
    hedge: frozenset[str]
    negation: frozenset[str]
    first_person: frozenset[str]
    no_source: frozenset[str]
    relative: frozenset[str]
    correlatives: frozenset[str]
    parenthetical_marks: frozenset[str]
    clause_nouns: frozenset[str]
    intention_nouns: frozenset[str]
    prep_nouns: frozenset[str]
    light_verbs: frozenset[str]


@cache
def lexicon(language: str) -> ClaimWords:
    return load_words("lexicon/claims.yaml", ClaimWords, language=language)


def extract_claims(
    parsed: Parsed, entities: list[LocalEntity], quotes: list[Quote], *, anchor: str | None = None
) -> list[Claim]:
    """Every claim of the document, in text order; none inside a direct quote, none twice."""
    text = parsed.doc.text
    found: list[Claim] = []
    mentions = sorted((m.start, m.end, e.index, e.type) for e in entities for m in e.mentions)
    quoted = sorted((q.start, q.end) for q in quotes)
    by_sentence: dict[int, list[Token]] = {}
    for token in parsed.tokens:
        by_sentence.setdefault(token.sent, []).append(token)
    for tokens in by_sentence.values():
        found.extend(_verb_claims(text, tokens, parsed, mentions, anchor))
        found.extend(_according_claims(text, tokens, mentions))
        found.extend(_noun_claims(text, tokens, parsed, mentions, anchor))
    kept: list[Claim] = []
    for claim in sorted(found, key=lambda c: (c.start, c.end)):
        if _inside_quote(claim, quoted) or any(_overlap(claim, other) for other in kept):
            continue
        claim.about = sorted({index for start, end, index, _ in mentions if claim.start <= start and end <= claim.end})
        kept.append(claim)
    return kept


def _verb_claims(
    text: str, tokens: list[Token], parsed: Parsed, mentions: list[tuple[int, int, int, str]], anchor: str | None
) -> list[Claim]:
    found = []
    first = tokens[0].i
    for verb in tokens:
        words = lexicon(verb.language)
        if verb.pos not in VERBAL or not {verb.lemma} & (
            words.verbs | words.object_verbs | words.intention_verbs | words.prep_verbs | words.verb_prepositions.keys()
        ):
            continue
        children = [t for t in tokens if t.head == verb.i and t.i != verb.i]
        agent = _agent(tokens, children)
        passive = next((t for t in children if t.dep in PASSIVE_SUBJECTS), None) if agent is not None else None
        if passive is not None and verb.lemma in words.object_verbs and passive.pos in NAMES:
            span = _trim(_subtree(tokens, passive, first))  # "the issue was first reported by the Post"
        else:
            span = _content(tokens, verb, children, first, words)
        if len(span) < MIN_WORDS:
            continue
        if agent is None and any(t.dep in PASSIVE_SUBJECTS for t in children):
            continue  # a passive's subject is what is done, not who does it ("he was told that …")
        subject = agent or _nearest_subject(children, verb) or _governing_subject(tokens, verb)
        if subject is not None:
            subject = _antecedent(tokens, subject, words)
        if subject is None or subject.text.casefold() in words.first_person | words.no_source:
            continue  # no one says it ("criticizing …"), or "I think …": speech inside someone's speech
        source, source_text = _source(text, tokens, subject, first, parsed, mentions)
        negated = any(t.lemma in words.negation and t.dep in ("neg", "advmod") for t in children)
        hedged = verb.lemma in words.hedge or any(t.lemma in words.hedge and t.pos not in NAMES for t in span)
        polarity = "deny" if verb.lemma in words.deny or negated else "hedge" if hedged else "assert"
        claim = _claim(text, span, source, source_text, (verb.start, verb.end), verb.language)
        claim.polarity = polarity
        claim.said_on = date_in_attribution(text, verb.start, verb.end + 60, anchor)
        found.append(claim)
    return found


def _nearest_subject(children: list[Token], verb: Token) -> Token | None:
    """The verb's subject; of two (the parse runs a heading into the sentence: "12:15 p.m. Trump says …"), the
    one next to it."""
    subjects = [t for t in children if t.dep in SUBJECTS and t.dep not in PASSIVE_SUBJECTS]
    return min(subjects, key=lambda t: abs(t.i - verb.i)) if subjects else None


def _agent(tokens: list[Token], children: list[Token]) -> Token | None:
    """Who a passive verb's action is by: "reported by the Post" (English: the object of the agent "by"),
    «заявлено министерством» (Russian: obl:agent)."""
    for child in children:
        if child.dep == "obl:agent":
            return child
        if child.dep == "agent":
            return next((t for t in tokens if t.head == child.i and t.dep == "pobj"), None)
    return None


def _content(tokens: list[Token], verb: Token, children: list[Token], first: int, words: ClaimWords) -> list[Token]:
    """What the verb attributes: its clause ("said that …", less "that"); else, for a verb of intention, its
    infinitive ("vowed to repeal …"); for a verb that takes what it attributes as its object, the object with
    the complements after it ("described Clinton as a disgrace"); for one that takes it through a preposition,
    what the preposition governs ("talked about the economy")."""
    parenthesis = _parenthetical(tokens, verb, children, first, words)
    if parenthesis:
        return parenthesis
    clause = next((t for t in children if t.dep in CLAUSES and t.i > verb.i - 40), None)
    if clause is not None and verb.lemma in words.verbs:
        return _without_marker(_trim(_subtree(tokens, clause, first)), clause)

    if verb.lemma in words.intention_verbs:
        purpose = next((t for t in children if t.dep == "xcomp" and t.i > verb.i), None)
        if purpose is not None:
            return _without_marker(_trim(_subtree(tokens, purpose, first)), purpose)
    found = [t for t in children if t.dep in OBJECTS and t.i > verb.i] if verb.lemma in words.object_verbs else []
    if found:
        parts = [t for t in children if t.i >= found[0].i and t.dep in COMPLEMENTS and _complement(t, tokens, words)]
        inside = [token for part in parts for token in _subtree(tokens, part, first)]
        return _trim(sorted({t.i: t for t in inside}.values(), key=lambda t: t.i))
    if verb.lemma in words.prep_verbs or verb.lemma in words.verb_prepositions:
        own = words.verb_prepositions.get(verb.lemma, frozenset())
        for prep in (t for t in children if t.i > verb.i and t.lemma in words.prepositions | own):
            governed = next((t for t in tokens if t.head == prep.i and t.dep in GOVERNED), None)
            if governed is not None:  # with what it is to do: "called on Trump to apologize"
                parts = [governed, *(t for t in children if t.dep == "xcomp" and t.i > governed.i)]
                within = {token.i: token for part in parts for token in _subtree(tokens, part, first)}
                return _trim(sorted(within.values(), key=lambda t: t.i))
        for noun in (t for t in children if t.i > verb.i and t.dep == "obl"):  # «рассказал о …»: the case
            if any(t.head == noun.i and t.dep == "case" and t.lemma in words.prepositions | own for t in tokens):
                return _correlated(tokens, noun, first, words)
    return []


def _noun_claims(
    text: str, tokens: list[Token], parsed: Parsed, mentions: list[tuple[int, int, int, str]], anchor: str | None
) -> list[Claim]:
    """A noun of saying or thinking with what it attributes: "Trump's claim that …", "a Times report that …",
    "Clinton's comments on …", "her call for …", «заявление Лаврова о …»; its source is its possessor or the
    name compounded with it, else the subject of the verb that makes it ("X made the argument that …",
    "X voiced support for …"). A noun no one is named for is left: "the claim that …" says whose only
    elsewhere."""
    found = []
    first = tokens[0].i
    for noun in tokens:
        words = lexicon(noun.language)
        if noun.pos != "NOUN" or noun.lemma not in words.clause_nouns | words.intention_nouns | words.prep_nouns:
            continue
        children = [t for t in tokens if t.head == noun.i and t.i != noun.i]
        span = _noun_content(tokens, noun, children, first, words)
        if len(span) < MIN_WORDS:
            continue
        subject = _noun_source(tokens, noun, children, mentions, words)
        if subject is None or subject.text.casefold() in words.first_person | words.no_source:
            continue
        source, source_text = _source(text, tokens, subject, first, parsed, mentions)
        if source is None and not any(c.isupper() for c in (source_text or "")[:1]):
            continue  # a described possessor ("the company's claim") names too little
        claim = _claim(text, span, source, source_text, (noun.start, noun.end), noun.language)
        claim.polarity = "deny" if noun.lemma in words.deny else "hedge" if noun.lemma in words.hedge else "assert"
        claim.said_on = date_in_attribution(text, noun.start, noun.end + 60, anchor)
        found.append(claim)
    return found


def _noun_content(
    tokens: list[Token], noun: Token, children: list[Token], first: int, words: ClaimWords
) -> list[Token]:
    """What the noun attributes: its clause ("claim that …", less "that"), its infinitive ("pledge to …"), or
    what its preposition governs ("comments on …")."""
    after = [t for t in children if t.i > noun.i]
    if noun.lemma in words.clause_nouns:
        for clause in (t for t in after if t.dep in ("acl", "relcl", "acl:relcl", "ccomp")):
            if any(t.head == clause.i and t.dep == "mark" and t.i < clause.i for t in tokens):
                return _without_marker(_trim(_subtree(tokens, clause, first)), clause)
    if noun.lemma in words.intention_nouns:
        for clause in (t for t in after if t.dep in ("acl", "xcomp")):
            if any(t.head == clause.i and t.dep in ("aux", "mark") and t.i < clause.i for t in tokens):
                return _without_marker(_trim(_subtree(tokens, clause, first)), clause)
    if noun.lemma in words.prep_nouns:
        for prep in (t for t in after if t.dep == "prep" and t.lemma in words.prepositions):
            governed = next((t for t in tokens if t.head == prep.i and t.dep in GOVERNED), None)
            if governed is not None:
                return _trim(_subtree(tokens, governed, first))
        for nmod in (t for t in after if t.dep == "nmod"):  # «заявление о переговорах»: the case
            if any(t.head == nmod.i and t.dep == "case" and t.lemma in words.prepositions for t in tokens):
                return _correlated(tokens, nmod, first, words)
    return []


def _correlated(tokens: list[Token], noun: Token, first: int, words: ClaimWords) -> list[Token]:
    """What a Russian preposition's noun holds, less the preposition; for the correlative «то» («напомнил о
    том, что …»), the clause it announces, less «что»."""
    if noun.lemma in words.correlatives:
        clause = next((t for t in tokens if t.head == noun.i and t.dep in ("acl", "acl:relcl", "ccomp")), None)
        if clause is not None:
            return _without_marker(_trim(_subtree(tokens, clause, first)), clause)
    span = _trim(_subtree(tokens, noun, first))
    return _trim(span[1:]) if span and span[0].dep == "case" else span


def _noun_source(
    tokens: list[Token],
    noun: Token,
    children: list[Token],
    mentions: list[tuple[int, int, int, str]],
    words: ClaimWords,
) -> Token | None:
    """Whose the noun is: its possessor ("Trump's claim", «заявление Лаврова»), a name compounded with it ("a
    Times report"), else the subject of a verb that makes it ("X made the argument")."""
    for child in children:
        if child.dep in ("poss", "nmod:poss"):
            return child
        if child.dep == "compound" and child.pos == "PROPN" and child.i < noun.i:
            return child
        genitive = not any(t.head == child.i and t.dep == "case" for t in tokens)
        if child.dep == "nmod" and child.i > noun.i and genitive and _named(child, mentions):
            return child  # a genitive name: «заявление Лаврова»
    verb = next((t for t in tokens if t.i == noun.head), None)
    if verb is not None and noun.dep in OBJECTS and verb.lemma in words.light_verbs:
        subject = next((t for t in tokens if t.head == verb.i and t.dep in SUBJECTS), None)
        return _antecedent(tokens, subject, words) if subject is not None else _governing_subject(tokens, verb)
    return None


def _named(token: Token, mentions: list[tuple[int, int, int, str]]) -> bool:
    return any(start <= token.start and token.end <= end for start, end, _, _ in mentions)


def _complement(part: Token, tokens: list[Token], words: ClaimWords) -> bool:
    """Whether a phrase after the object belongs to what is attributed ("mocked Romney for …", "described X
    as …") rather than saying when or where ("… on Friday in Ohio"): not a preposition of circumstance, nor
    a Russian noun whose case preposition is one."""
    if part.dep == "prep":
        return part.lemma not in words.circumstance_prepositions
    if part.dep == "obl":
        cases = [t.lemma for t in tokens if t.head == part.i and t.dep == "case"]
        return not any(case in words.circumstance_prepositions for case in cases)
    return True


def _parenthetical(
    tokens: list[Token], verb: Token, children: list[Token], first: int, words: ClaimWords
) -> list[Token]:
    """ "As experts have pointed out, Trump is free to …", «Как заявил Песков, переговоры …», «Переговоры
    возобновятся, заявил Песков»: a verb of saying set aside from the clause it attributes (opened by "as" /
    «как» before it, or hung after it), which is that clause less the aside."""
    if verb.dep not in ("advcl", "parataxis") or verb.lemma not in words.verbs or verb.head == verb.i:
        return []
    if any(t.dep in CLAUSES for t in children):
        return []
    aside = {t.i for t in _subtree(tokens, verb, first)}
    head = next((t for t in tokens if t.i == verb.head), None)
    if head is None:
        return []
    rest = _trim([t for t in _subtree(tokens, head, first) if t.i not in aside])
    if not rest:
        return []
    opened = any(t.dep == "mark" and t.lemma in words.parenthetical_marks and t.i < verb.i for t in children)
    if opened and rest[0].i > max(aside):
        return rest
    clause = head.pos in VERBAL and any(t.head == head.i and t.dep in SUBJECTS for t in tokens)
    if verb.dep == "parataxis" and rest[-1].i < min(aside) and clause:
        return rest
    return []


def _governing_subject(tokens: list[Token], verb: Token) -> Token | None:
    """A verb without a subject of its own shares the subject of the verb it depends on: "…, adding that",
    "began by saying that", "criticized for saying that" (up to three steps up the tree)."""
    by_index = {t.i: t for t in tokens}
    node = verb
    for _ in range(3):
        if node.head == node.i or node.head not in by_index:
            return None
        node = by_index[node.head]
        subject = next((t for t in tokens if t.head == node.i and t.dep in SUBJECTS), None)
        if subject is not None:
            return subject
    return None


def _without_marker(span: list[Token], root: Token) -> list[Token]:
    """A clause without the word that introduces it: "that", «что», the "to" of an infinitive."""
    while span and span[0].dep in ("mark", "aux") and span[0].head == root.i and span[0].i < root.i:
        span = _trim(span[1:])
    return span


def _according_claims(text: str, tokens: list[Token], mentions: list[tuple[int, int, int, str]]) -> list[Claim]:
    """ "According to X, …" / «По словам X, …»: X is the source, the rest of the sentence the claim."""
    found = []
    lowered = [t.text.casefold() for t in tokens]
    for language in ("en", "ru"):
        for cue in lexicon(language).according:
            cue_words = cue.casefold().split()
            for index in range(len(tokens) - len(cue_words)):
                if lowered[index : index + len(cue_words)] != cue_words:
                    continue
                after = index + len(cue_words)
                source_end = _phrase_end(tokens, after)
                source = _entity_in(mentions, tokens[after].start, tokens[source_end - 1].end, person_first=True)
                if index == 0 or all(not t.text.isalnum() for t in tokens[:index]):  # the cue opens the sentence
                    rest = _trim(tokens[source_end:])
                else:  # "…, according to X."
                    rest = _trim(tokens[:index])
                if len(rest) < MIN_WORDS:
                    continue
                named = text[tokens[after].start : tokens[source_end - 1].end]
                cue_at = (tokens[index].start, tokens[after - 1].end)
                found.append(_claim(text, rest, source, named, cue_at, language))
    return found


def _claim(
    text: str, span: list[Token], source: int | None, source_text: str | None, cue: tuple[int, int], language: str
) -> Claim:
    """The claim of the words in `span`, attributed by text[cue] to `source`."""
    start, end = span[0].start, span[-1].end
    return Claim(
        start=start,
        end=end,
        text=text[start:end],
        source=source,
        source_text=source_text,
        cue=text[cue[0] : cue[1]],
        cue_start=cue[0],
        cue_end=cue[1],
        confidence=0.7 if source is not None else 0.5,  # by hand (d16b6ba): they rank claims, no set grades them
        language=language,
    )


def _phrase_end(tokens: list[Token], start: int) -> int:
    """Where the source after "according to" ends: at the first comma or the end of the sentence."""
    for index in range(start, len(tokens)):
        if tokens[index].text in (",", ".", ";", ":", "—", "–"):
            return max(index, start + 1)
    return len(tokens)


def _subtree(tokens: list[Token], root: Token, first: int) -> list[Token]:
    """The tokens of the sentence that depend on `root`, `root` with them, in order."""
    heads = {t.i: t.head for t in tokens}
    inside = []
    for token in tokens:
        node, steps = token.i, 0
        while node != root.i and heads.get(node, node) != node and steps < 50:
            node, steps = heads[node], steps + 1
        if node == root.i:
            inside.append(token)
    return inside


def _trim(span: list[Token]) -> list[Token]:
    """Without punctuation at either end."""
    start, end = 0, len(span)
    while start < end and not any(c.isalnum() for c in span[start].text):
        start += 1
    while end > start and not any(c.isalnum() for c in span[end - 1].text):
        end -= 1
    return span[start:end]


def _source(
    text: str,
    tokens: list[Token],
    subject: Token | None,
    first: int,
    parsed: Parsed,
    mentions: list[tuple[int, int, int, str]],
) -> tuple[int | None, str | None]:
    """The entity the subject names, else the words that describe it ("civil rights activists", "police"):
    a personal pronoun takes the person named last before it, a relative pronoun the noun its clause
    qualifies ("the Daily Caller, which reported …"), and an unresolved pronoun leaves the source unnamed."""
    if subject is None:
        return None, None
    phrase = _trim(_subtree(tokens, subject, first)) or [subject]  # a subject of punctuation alone: itself
    start, end = phrase[0].start, phrase[-1].end
    # the subject's own name first ("Stein spokeswoman Melezia Figueroa" is Figueroa, not Stein)
    named = next(
        (index for m_start, m_end, index, _ in mentions if m_start <= subject.start and subject.end <= m_end), None
    )
    if named is None:
        named = _entity_in(mentions, start, end, person_first=True, within=_name_parts(tokens, subject))
    if named is not None:
        return named, text[start:end]
    if subject.text.casefold() in any_language().personal | any_language().group:
        before = [m for m in mentions if m[1] <= subject.start and m[3] == "person"]
        if before and subject.text.casefold() in any_language().person:
            return before[-1][2], subject.text
        return None, None
    described = _described(tokens, subject, first)
    if not described:
        return None, None
    return None, text[described[0].start : described[-1].end]


# What a described source keeps of its subject: the noun with what says what it is ("civil rights activists",
# "research conducted by the Center for …"), not a relative clause or an apposition that tells more about it.
DESCRIPTION_ENDS = frozenset({"relcl", "acl:relcl", "parataxis", "appos"})


def _described(tokens: list[Token], subject: Token, first: int) -> list[Token]:
    """The words a source that no entity names is kept by: the subject's phrase without the relative clauses
    after it; nothing when the subject is a lone word that is not a noun ("some", "many", "nobody")."""
    phrase = _subtree(tokens, subject, first)
    if subject.pos not in ("NOUN", "PROPN") and len(_trim(phrase)) <= 1:
        return []
    clauses = [t for t in tokens if t.head == subject.i and t.i > subject.i and t.dep in DESCRIPTION_ENDS]
    dropped = {t.i for clause in clauses for t in _subtree(tokens, clause, first)}
    return _trim([t for t in phrase if t.i not in dropped])


def _antecedent(tokens: list[Token], subject: Token, words: ClaimWords) -> Token:
    """A relative pronoun's antecedent: the noun the clause it opens qualifies ("the Daily Caller, which
    reported …", «депутат, который заявил …»)."""
    if subject.lemma.casefold() not in words.relative:
        return subject
    by_index = {t.i: t for t in tokens}
    node = by_index.get(subject.head)
    while node is not None and node.dep not in RELATIVE_CLAUSES and node.head != node.i:
        if node.dep not in ("conj", "xcomp", "ccomp"):
            return subject
        node = by_index.get(node.head)
    if node is None or node.dep not in RELATIVE_CLAUSES:
        return subject
    return by_index.get(node.head, subject)


def _name_parts(tokens: list[Token], head: Token) -> list[tuple[int, int]]:
    """Where a name that stands for the subject may be: its head and the words that name it with it, the
    compounds, possessives and appositions of the head ("the Clinton campaign", "Trump's aides", "its
    spokesman, John Smith"), not what a preposition adds ("analysts in Almaty" are not Almaty)."""
    parts = [(head.start, head.end)]
    for child in (t for t in tokens if t.head == head.i and t.i != head.i and t.dep in NAME_PARTS):
        if any(t.head == child.i and t.dep == "case" and t.pos == "ADP" for t in tokens):
            continue  # «эксперты из Алматы»: a preposition's phrase
        inside = _subtree(tokens, child, 0)
        parts.append((inside[0].start, inside[-1].end))
    return parts


def _entity_in(
    mentions: list[tuple[int, int, int, str]],
    start: int,
    end: int,
    *,
    person_first: bool,
    within: list[tuple[int, int]] | None = None,
) -> int | None:
    """The entity with a mention inside text[start:end] (and overlapping one of `within`, when given): a person
    before an organization before a place."""
    inside = [m for m in mentions[: bisect_right(mentions, (end,))] if m[0] >= start and m[1] <= end]
    if within is not None:
        inside = [m for m in inside if any(a < m[1] and m[0] < b for a, b in within)]
    if not inside:
        return None
    rank = {"person": 0, "organization": 1, "place": 2} if person_first else {}
    return min(inside, key=lambda m: (rank.get(m[3], 3), m[0]))[2]


def _inside_quote(claim: Claim, quoted: list[tuple[int, int]]) -> bool:
    """A claim inside a direct quote is speech the quote reports, not the text's claim ("I said that …");
    one that only quotes some of its words (said that the deal was "a disaster") is a claim, unless it opens
    with the quote, is mostly quote and comes before its cue ('"… jail time" for fraud, she said')."""
    return any(
        start <= claim.start
        and (claim.end <= end or (claim.cue_start >= claim.end and 2 * (end - claim.start) > claim.end - claim.start))
        for start, end in quoted
    )


def _overlap(a: Claim, b: Claim) -> bool:
    return a.start < b.end and b.start < a.end
