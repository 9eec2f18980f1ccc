"""Stage 3 of quotes, attribution: the cues around a segment (a speech verb and its subject, "according
to X", a signature, a colon, a label, the paragraph before or after) and the nearest one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from elitewatch.datafiles import speech_words, titles
from elitewatch.extract.pronouns import any_language as pronouns
from elitewatch.extract.pronouns import speaker_words
from elitewatch.extract.quotes.segments import DASHES, OPENERS, Segment, _has_speech_verb, _is_speech_verb, _word_count
from elitewatch.extract.quotes.speakers import Context, _entity_of_token, _person_nouns
from elitewatch.model import Mention, Token

INTRODUCING = re.compile(r"(?:[:\-–—]|\(quoting\)\s*[-–—]?)\s*$", re.IGNORECASE)


QUOTE_WORDS = re.compile(r"\b(?:quot\w*|цитир\w*|said it|put it)\b", re.IGNORECASE)


SENTENCE_END = re.compile(r"[.!?…][”\"»’]?(?=\s+[A-ZА-ЯЁ“«\"—–]|\s*$)")


INTRODUCES_NEXT = re.compile(r"[,:]\s*$")


# "Jane Doe, senior editor of The Boston Globe:" — the words of a label before a colon, at most; set by hand with
# the list format (552cc70: a name with a title of two or three nouns fits), not swept on a dev set.
LABEL_WORDS = 12


# A cue farther than this (characters) from the segment does not attribute it: about a sentence; set by hand
# with quote attribution (cebbe32), not swept on a dev set.
MAX_CUE_DISTANCE = 160


SIGNATURE = re.compile(r"[\s,.]*[—―–-]\s*")


@dataclass
class Cue:
    start: int
    end: int
    token: int | None  # speech verb token
    speaker: int | None  # LocalEntity index
    kind: str  # "verb", "according", "signature", "context"
    unnamed: bool = False  # the speaker is stated but not named ("I said", "a spokesman said"): no quote
    principal: int | None = None  # whom an unnamed speaker speaks for ("a Boeing spokesman"): a quote of theirs
    stated: str | None = None  # the words stating the unnamed speaker


@cache
def _according_pattern() -> re.Pattern[str]:
    phrases = [*speech_words("en").according, *speech_words("ru").according]
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def verb_subject(context: Context, verb: int) -> int | None:
    """The subject of a verb, or of the verb it hangs on through a clause (up to four steps), not a quoted title."""
    node = verb
    for _ in range(4):
        for child in context.children.get(node, []):
            # a title in quotation marks parsed as the subject (said on “Fox and Friends”) is not one
            if context.tokens[child].dep.startswith("nsubj") and not context.quoted(context.tokens[child].start):
                return child
        token = context.tokens[node]
        if token.head == node or token.dep not in (
            "xcomp",
            "advcl",
            "conj",
            "ccomp",
            "acl",
            "relcl",
            "parataxis",
            "acl:relcl",
            "pcomp",  # “…,” X sang before asking her: pcomp of a preposition of the verb
            "prep",
        ):
            return None
        node = token.head
    return None


def _verb_cues(context: Context, start: int, end: int, anchor: int) -> list[Cue]:
    cues: list[Cue] = []
    for token in context.tokens_between(start, end):
        if context.quoted(token.start) or not _is_speech_verb(token):
            continue
        subject = verb_subject(context, token.i)
        principal = _speaks_for(context, subject) if subject is not None else None
        if subject is not None and principal is not None:
            stated = _phrase_text(context, subject)
            cues.append(Cue(token.start, token.end, token.i, None, "verb", True, principal, stated))
            continue
        speaker = _entity_of_token(context, subject, anchor) if subject is not None else None
        unnamed = speaker is None and subject is not None and _unnamed(context, context.tokens[subject])
        if speaker is None and not unnamed and (subject is None or context.tokens[subject].pos != "PRON"):
            # No subject, or one that names no entity (a misparse such as "the following"):
            # the name right beside the verb.
            speaker = _nearest_mention(context, token, start, end)
        cues.append(Cue(token.start, token.end, token.i, speaker, "verb", unnamed))
    return cues


def _speaks_for(context: Context, subject: int) -> int | None:
    """The organization an unnamed speaker speaks for: "a Boeing spokesman", "a spokeswoman for the ministry",
    "one State Department official" — an indefinite noun for a person whose phrase names an organization and
    no person (with "Boeing spokesman Gordon Johndroe" the speaker is Johndroe)."""
    token = context.tokens[subject]
    if token.pos != "NOUN" or token.lemma.lower() not in _person_nouns():
        return None
    children = [context.tokens[c] for c in context.children.get(subject, [])]
    if not any(c.dep == "det" and c.lemma.lower() in ("a", "an", "one", "another") for c in children):
        return None
    found: int | None = None
    for index in context.subtree(subject):
        piece = context.tokens[index]
        mention = context.mention_at(piece.start, piece.end)
        if mention is None or context.quoted(mention.start):
            continue
        if mention.type == "person":
            return None
        if mention.type == "organization" and found is None:
            found = mention.cluster
    return found


def _phrase_text(context: Context, head: int) -> str:
    """The words of a noun phrase: "a Boeing spokesman", "a spokeswoman for the ministry"."""
    tokens = [context.tokens[i] for i in context.subtree(head)]
    words = context.text[tokens[0].start : tokens[-1].end]
    return " ".join(words.split()).strip(" ,")


def _unnamed(context: Context, subject: Token) -> bool:
    """A speaker the text states without naming: the writer ("I said") or an indefinite person ("a
    spokesman said", "one official said") — never a person named nearby."""
    if subject.text.lower() in pronouns().first_person:
        return True
    if subject.pos != "NOUN" or subject.lemma.lower() not in _person_nouns():
        return False
    children = [context.tokens[c] for c in context.children.get(subject.i, [])]
    return any(c.dep == "det" and c.lemma.lower() in ("a", "an", "one", "another", "some") for c in children)


def _nearest_mention(context: Context, verb: Token, start: int, end: int) -> int | None:
    """Without a parsed subject: the name right after the verb ("said X") or right before it."""
    after = [
        m
        for m in context.mentions_between(verb.end, min(end, verb.end + 80))
        if m.type != "place" and not _addressed(context, m, verb)
    ]
    if after:
        return after[0].cluster
    before = [
        m
        for m in context.mentions_between(max(start, verb.start - 120), verb.start)
        if m.type != "place" and not _modifier(context, m)
    ]
    return before[-1].cluster if before else None


def _addressed(context: Context, mention: Mention, verb: Token) -> bool:
    """“…,” he told CNN / said on Fox News / said in an interview with NBC: a name after the verb that is its
    object or in a prepositional phrase is the addressee or the venue, not the speaker."""
    node = _mention_head(context, mention)
    for _ in range(6):
        if node is None or node.i == verb.i:
            return False
        head = context.tokens[node.head]
        if node.dep == "pobj" and head.dep == "prep" and head.pos == "VERB":
            return False  # "…, including Mitt Romney": one of the speakers
        if node.dep in ("dobj", "dative", "iobj", "obj", "pobj", "obl", "prep", "poss"):
            return True
        if node.head == node.i:
            return False
        node = context.tokens[node.head]
    return False


def _mention_head(context: Context, mention: Mention) -> Token | None:
    """The token of a mention whose head lies outside it."""
    for token in context.tokens_between(mention.start, mention.end):
        if token.head == token.i or not mention.start <= context.tokens[token.head].start < mention.end:
            return token
    return None


def _modifier(context: Context, mention: Mention) -> bool:
    """“a top Trump surrogate”: a name that modifies a noun is not the one who speaks."""
    head = _mention_head(context, mention)
    return head is not None and head.dep in ("compound", "amod", "poss") and context.tokens[head.head].pos == "NOUN"


def _according_cues(context: Context, start: int, end: int) -> list[Cue]:
    cues = []
    for match in _according_pattern().finditer(context.text, start, end):
        following = [
            m for m in context.mentions_between(match.end(), min(end + 1, match.end() + 60)) if m.type != "place"
        ]
        if following:
            cues.append(Cue(match.start(), match.end(), None, following[0].cluster, "according"))
    return cues


def _signature_cue(context: Context, segment: Segment) -> Cue | None:
    """“…” ― Pamela Padilla: a name right after a dash that follows the quote signs it."""
    match = SIGNATURE.match(context.text, segment.close_at)
    if not match:
        return None
    for mention in context.mentions_between(match.end(), match.end() + 2):
        if mention.type in ("person", "organization"):
            return Cue(mention.start, mention.end, None, mention.cluster, "signature")
    return None


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Where sentences end in [start, end): a full stop after an honorific ("Mr. Burman") or an initial
    ("Leonard E. Burman") ends none."""
    found = []
    for match in SENTENCE_END.finditer(text, start, end):
        if text[match.start()] == ".":
            word = re.search(r"[\w.]*$", text[max(start, match.start() - 12) : match.start()])
            before = word.group() if word else ""
            if (len(before) == 1 and before.isupper()) or f"{before.lower()}." in _abbreviations():
                continue
        found.append(match.end())
    return found


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(word for word in titles("en").honorifics if word.endswith("."))


def _window_before(context: Context, segment: Segment, previous_end: int, p_start: int) -> int:
    limit = max(previous_end, p_start, segment.open_at - 300)
    ends = _sentence_ends(context.text, limit, segment.open_at)
    return ends[-1] if ends else limit


def _window_after(context: Context, segment: Segment, next_start: int, p_end: int) -> int:
    limit = min(next_start, p_end, segment.close_at + 300)
    # “… the ruling elite.” According to X, …: a quote that ends its sentence and is followed by a
    # new sentence has no attribution after it; that sentence belongs to the next quote.
    following = context.text[segment.close_at : limit].lstrip()
    ends_sentence = context.text[segment.end - 1 : segment.end] in (".", "!", "?", "…")
    if ends_sentence and (_according_pattern().match(following) or following.startswith(("As ", "Как "))):
        return segment.close_at
    ends = _sentence_ends(context.text, segment.close_at, limit)
    # “…kidding.” To which she said, “Thank God …”: a new sentence that runs into the next quote through a
    # comma or colon introduces that one, not this one (two speakers' quotes are not merged).
    if ends_sentence and not ends and limit == next_start and INTRODUCES_NEXT.search(context.text, 0, limit):
        return segment.close_at
    return ends[0] if ends else limit


def attribute(context: Context, segment: Segment, before_start: int, after_end: int) -> Cue | None:
    signed = _signature_cue(context, segment)
    if signed is not None:
        return signed
    before = _verb_cues(context, before_start, segment.open_at, segment.open_at)
    before += _according_cues(context, before_start, segment.open_at)
    after = _verb_cues(context, segment.close_at, after_end, segment.open_at)
    after += _according_cues(context, segment.close_at, after_end)
    best: tuple[float, Cue] | None = None
    for cue in before:
        distance = segment.open_at - cue.end
        best = _closer(best, distance, cue)
    for cue in after:
        distance = cue.start - segment.close_at - 10  # “…,” X said: the usual place of a cue
        best = _closer(best, distance, cue)
    if best is None or best[0] > MAX_CUE_DISTANCE:
        return None
    return best[1]


def _closer(best: tuple[float, Cue] | None, distance: float, cue: Cue) -> tuple[float, Cue]:
    if cue.speaker is None and not cue.unnamed:
        distance += 1000  # a cue without a speaker only wins when nothing else is there
    return (distance, cue) if best is None or distance < best[0] else best


def _introducing_subject(context: Context, paragraphs: list[tuple[int, int]], number: int) -> Cue | None:
    """A quote alone in its paragraph: the speaker is the subject of the paragraph that brings it in."""
    if number == 0:
        return None
    p_start, p_end = paragraphs[number - 1]
    intro = context.text[p_start:p_end].strip()
    if not (INTRODUCING.search(intro) or QUOTE_WORDS.search(intro) or _has_speech_verb(context.parsed, p_start, p_end)):
        return None
    for back in range(number - 1, max(-1, number - 4), -1):
        a, b = paragraphs[back]
        sentences = [s for s in context.parsed.sentences if a <= s.start < b]
        for sentence in reversed(sentences):
            speaker = _sentence_subject(context, sentence.start, sentence.end)
            if speaker is not None:
                return Cue(sentence.start, sentence.end, None, speaker, "context")
    return None


def _following_speaker(context: Context, paragraphs: list[tuple[int, int]], segment: Segment) -> Cue | None:
    """“…”¶ That was the promise of Mayor Helen Varga, who …: a quote alone in its paragraph, brought in by
    nothing before it, is given by the next paragraph's first sentence when a speech verb or a noun for
    what is said there names the speaker."""
    number = segment.last_paragraph
    if number + 1 >= len(paragraphs):
        return None
    first = segment.paragraph
    if first > 0 and INTRODUCING.search(context.text[slice(*paragraphs[first - 1])].rstrip()):
        return None  # the paragraph before brings it in ("… this statement by Trump on June 11:")
    a, b = paragraphs[number + 1]
    if context.text[a:b].lstrip()[:1] in OPENERS or context.text[a:b].lstrip()[:1] in DASHES:
        return None
    ends = _sentence_ends(context.text, a, b)
    end = ends[0] if ends else b
    for cue in _verb_cues(context, a, end, a):
        if cue.speaker is not None:
            return Cue(cue.start, cue.end, cue.token, cue.speaker, "context")
        return None
    if not any(token.lemma.lower() in _said_nouns() for token in context.tokens_between(a, end)):
        return None
    named = [m for m in context.mentions_between(a, end) if m.type == "person"]
    return Cue(named[0].start, named[0].end, None, named[0].cluster, "context") if named else None


@cache
def _said_nouns() -> frozenset[str]:
    return speech_words("en").source_nouns | speaker_words().said_nouns


def _colon_subject(context: Context, segment: Segment, sentence_start: int) -> Cue | None:
    """X is rolling out a new message: “It's about me.” / X wrote in a post on Facebook: “…”: without a
    speech verb, a colon right before the marks gives the words to the subject of its sentence."""
    if not context.text[sentence_start : segment.open_at].rstrip().endswith(":"):
        return None
    # the verb that heads the words before the colon (the parse may root the sentence inside the quote)
    for token in context.tokens_between(sentence_start, segment.open_at):
        head = context.tokens[token.head]
        if token.pos not in ("VERB", "AUX") or not (head.i == token.i or head.start >= segment.open_at):
            continue
        subject = next(
            (c for c in context.children.get(token.i, []) if context.tokens[c].dep.startswith("nsubj")), None
        )
        speaker = _entity_of_token(context, subject, token.start) if subject is not None else None
        return Cue(sentence_start, segment.open_at, None, speaker, "context") if speaker is not None else None
    return _label(context, segment)


def _label(context: Context, segment: Segment) -> Cue | None:
    """Jane Doe, The Boston Globe: “…”: a paragraph that opens with a name and no verb before the colon
    (a list of voices, an interview transcript) gives the quote to that name."""
    p_start = context.text.rfind("\n", 0, segment.open_at) + 1
    before = context.mentions_between(p_start, segment.open_at)
    words = context.text[p_start : segment.open_at]
    if not before or _word_count(words) > LABEL_WORDS or context.text[p_start : before[0].start].strip():
        return None
    if before[0].type not in ("person", "organization"):
        return None
    return Cue(before[0].start, before[0].end, None, before[0].cluster, "context")


def _sentence_subject(context: Context, start: int, end: int) -> int | None:
    for token in context.tokens_between(start, end):
        # The subject of the sentence's root (its head is its own head, in spaCy and natasha alike).
        if token.dep.startswith("nsubj") and context.tokens[token.head].head == token.head:
            if token.text.lower() in pronouns().group or (
                token.pos == "PRON" and token.text.lower() not in pronouns().person
            ):
                continue
            speaker = _entity_of_token(context, token.i, token.start)
            if speaker is not None:
                return speaker
    return None
