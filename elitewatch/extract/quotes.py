"""Direct quotes and their speakers, in English and Russian.

Stages:
 1. segments: text between quotation marks (“…”, "…", «…» with nesting, „…“), speech introduced
    by a dash at the start of a paragraph («— …, — сказал X»), and a dash that continues a quote
    after its attribution; a quote left open at a paragraph's end closes there unless the next
    paragraph opens with a quotation mark (the convention for quotes over several paragraphs);
 2. filters: names and titles in quotation marks ("Risk Assessment Group", “Oreshnik”, a headline
    after "entitled") and short scare quotes without a speech verb are not quotes;
 3. attribution: the nearest cue around the segment — a speech verb (data/lexicon/speech_verbs.yaml)
    whose grammatical subject is the speaker, or "according to X" / «по словам X»; a pronoun
    subject resolves to the person the text is about at that point; a quote standing alone in its
    paragraph takes the subject of the paragraph that introduces it;
 4. merging: “A,” said X. “B.” is one quote of X; a segment without its own cue right after an
    attributed one in the same paragraph keeps that speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from elitewatch.datafiles import speech_verbs, speech_words, titles
from elitewatch.extract import confidence
from elitewatch.extract.pronouns import any_language as pronouns
from elitewatch.extract.pronouns import gender_words, given_name_gender, pronoun_gender, speaker_words, word_gender
from elitewatch.model import LocalEntity, Mention, Parsed, Quote, Token
from elitewatch.temporal import date_in_attribution

EXTRACTOR = "quotes"
VERSION = "1"

# Two apostrophes stand for a double quotation mark in some agencies' copy (''Never,'' he said).
# Copy that mixes typographic and straight marks (“…" or "…”) closes with either.
OPENERS = {"“": '”"', "«": "»", "„": "“”", '"': '"”', "''": "''"}
STRAIGHT = ('"', "''")
DASHES = "—–"
PARAGRAPH = re.compile(r"[^\n]+")
DASH_START = re.compile(r"\s*[—–]\s+")
# Inside a dash-introduced or guillemet quote: ", — сказал X. — " separates quote and attribution.
DASH_BREAK = re.compile(r"(?<=[,.!?…])\s+[—–]\s+")
CONTINUATION = re.compile(r"(?<=[.!?…\"”»])\s*[—–]\s+(?=\w)")
# the subordinators of indirect speech right before the marks ("said that, “…”")
EMBEDDING = re.compile(r"\b(?:that|because)\W*$", re.IGNORECASE)
RELATIVE = frozenset({"who", "which", "that"})
# "Jane Doe, senior editor of The Boston Globe:" — the words of a label before a colon, at most
LABEL_WORDS = 12
INTRODUCES_NEXT = re.compile(r"[,:]\s*$")
SENTENCE_END = re.compile(r"[.!?…][”\"»’]?(?=\s+[A-ZА-ЯЁ“«\"—–]|\s*$)")
TITLE_CUES = re.compile(
    r"(?:entitled|titled|headlined|headlines?(?: such as)?|newspaper|magazine|book|film|movie|song|album|"
    r"show|program(?:me)?|operation|campaign|slogan|hashtag|called the|named|dubbed|под названием|газет[аеыу]|"
    r"журнал[аеу]?|статье|книг[аеиу]|фильм[аеу]?|операци[яию]|движени[яеию]|партии|партия|партию)\W*$",
    re.IGNORECASE,
)
INTRODUCING = re.compile(r"(?:[:\-–—]|\(quoting\)\s*[-–—]?)\s*$", re.IGNORECASE)
QUOTE_WORDS = re.compile(r"\b(?:quot\w*|цитир\w*|said it|put it)\b", re.IGNORECASE)
# A segment shorter than this is a scare quote or a name, never a quote (8 required PolNeAR quotes are this short).
# Set by hand with the sample articles (0b3f0af); what it costs was counted on PolNeAR, not swept.
MIN_WORDS = 4
# A quote starting in lower case with fewer words than this is a fragment (see _is_fragment).
# Chosen on dev data: on PolNeAR, 8 -> 11 cuts exported quotes 341 -> 325 with matches unchanged (148),
# F1 0.688 -> 0.705; on the seeds it drops one true nine-word fragment ("an example of what ...").
FRAGMENT_WORDS = 11
# “Never,” Senator Ana Cole said: the words between a short quote and its speech verb, at most (a name
# with a title).
BESIDE_WORDS = 4
# “A,” X said on Monday, “B”: words after the attribution's verb that still let B continue A.
CONTINUING_WORDS = 2
# Title Case words up to this many are a name or a title, not a quote ("Collapse: How Societies Choose to Fail
# or Succeed" has 8); a quoted sentence of ten capitalized words is a headline.
TITLE_WORDS = 10
LIST_GLUE = re.compile(r"[\s,;]*(?:(?:and|or|и|или)\s*)?")
# A cue farther than this (characters) from the segment does not attribute it: about a sentence; set by hand
# with quote attribution (cebbe32), not swept on a dev set.
MAX_CUE_DISTANCE = 160
# How far back (characters) the subject that a "he" or "she" continues is looked for: about three paragraphs
# of news copy; beyond it the last person named of the right gender stands in.
FOCUS_REACH = 1500
WORD_BEFORE = re.compile(r"(\w+\.?)[\s,]*$")


@dataclass
class Segment:
    start: int  # the quoted words, without the marks
    end: int
    paragraph: int
    kind: str  # "mark" or "dash"
    open_at: int  # position of the opening mark (or dash)
    close_at: int  # position just after the closing mark (or the end of the words)
    last_paragraph: int = -1  # where the quote ends, when it runs over several paragraphs

    def __post_init__(self) -> None:
        if self.last_paragraph < 0:
            self.last_paragraph = self.paragraph


@dataclass
class Cue:
    start: int
    end: int
    token: int | None  # speech verb token
    speaker: int | None  # LocalEntity index
    kind: str  # "verb", "according", "signature", "context"
    unnamed: bool = False  # the speaker is stated but not named ("I said", "a spokesman said"): no quote


@cache
def _according_pattern() -> re.Pattern[str]:
    phrases = [*speech_words("en").according, *speech_words("ru").according]
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


# 1. segments -------------------------------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip()]


def _mark_segments(text: str, paragraphs: list[tuple[int, int]]) -> list[Segment]:
    segments: list[Segment] = []
    opener: str | None = None
    depth = 0
    seg_start = open_at = first = 0
    for number, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        if opener is not None:
            i = _reopening(text, p_start, p_end, opener)  # the quote goes on: skip the reopening mark
        while i < p_end:
            char = _mark_at(text, i)
            if opener is None:
                if char in OPENERS and not (char in STRAIGHT and i > p_start and text[i - 1].isalnum()):
                    opener, depth, open_at, seg_start, first = char, 1, i, i + len(char), number
            elif (char == opener and opener == "«") or (opener == '"' and char == "“"):
                depth += 1  # nested: «…«…»…», or "…“…”…"
            elif _closes(text, i, char, opener, depth):
                depth -= 1
                if depth == 0:
                    segments.append(Segment(seg_start, i, first, "mark", open_at, i + len(char), number))
                    opener = None
            i += len(char)
        if opener is None:
            continue
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        if following is not None and _reopening(text, *following, opener) > following[0]:
            continue  # quotes over several paragraphs: no closing mark, the next one reopens
        if opener not in STRAIGHT:
            # Unclosed: the quote runs to the paragraph's end.
            segments.append(Segment(seg_start, p_end, first, "mark", open_at, p_end, number))
        opener = None
    return segments


def _closes(text: str, i: int, char: str, opener: str, depth: int) -> bool:
    """Whether the mark `char` at `i` closes (one level of) the quote `opener` opened."""
    if opener == "''":
        return char == opener
    if len(char) != 1 or char not in OPENERS[opener]:
        return False
    if opener == '"' and char == "”":
        return depth > 1 or text[i - 1 : i].isspace() is False  # "…“inner”…" closes the inner one
    if opener == "“" and char == '"':
        return not text[i - 1 : i].isspace()  # “…," closes; a straight mark after a space opens
    return True


def _mark_at(text: str, i: int) -> str:
    return "''" if text.startswith("''", i) else text[i]


def _reopening(text: str, p_start: int, p_end: int, opener: str) -> int:
    """Where the words of a continued quote begin in the next paragraph, or p_start if it does not reopen."""
    stripped = len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
    at = p_start + stripped
    return at + len(opener) if at < p_end and text.startswith(opener, at) else p_start


def _dash_segments(text: str, paragraphs: list[tuple[int, int]]) -> list[Segment]:
    """Speech introduced by a dash at a paragraph's start: «— Текст, — сказал X. — Ещё»."""
    segments: list[Segment] = []
    for number, (p_start, p_end) in enumerate(paragraphs):
        lead = DASH_START.match(text, p_start, p_end)
        if not lead:
            continue
        start = lead.end()
        closing = text.find("”", start, p_end)
        limit = closing if closing != -1 else p_end
        parts = _split_on_dash_breaks(text, start, limit)
        for index, (a, b) in enumerate(parts):
            if index % 2 == 0:
                segments.append(Segment(a, b, number, "dash", a - 1, b))
    return segments


def _split_on_dash_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut [start, end) at ", — " breaks: quote, attribution, quote, …"""
    parts: list[tuple[int, int]] = []
    cursor = start
    for match in DASH_BREAK.finditer(text, start, end):
        parts.append((cursor, match.start()))
        cursor = match.end()
    parts.append((cursor, end))
    return parts


def _split_guillemet_attributions(text: str, segments: list[Segment], parsed: Parsed) -> list[Segment]:
    """«Текст, — уточнил Белов. — Ещё текст»: the attribution sits inside the marks."""
    result: list[Segment] = []
    for segment in segments:
        parts = _split_on_dash_breaks(text, segment.start, segment.end)
        if len(parts) < 3 or not _has_speech_verb(parsed, parts[1][0], parts[1][1]):
            result.append(segment)
            continue
        for index, (a, b) in enumerate(parts):
            if index % 2 == 0:
                result.append(Segment(a, b, segment.paragraph, segment.kind, a, b, segment.last_paragraph))
    return result


def _continuation_segments(text: str, paragraphs: list[tuple[int, int]], found: list[Segment]) -> list[Segment]:
    """“…,” X said in 2000. — Therefore, …: a dash after the attribution goes on quoting X."""
    extra: list[Segment] = []
    by_paragraph: dict[int, list[Segment]] = {}
    for segment in found:
        by_paragraph.setdefault(segment.paragraph, []).append(segment)
    for number, quoted in by_paragraph.items():
        p_end = paragraphs[number][1]
        last_end = max(s.close_at for s in quoted)
        for match in CONTINUATION.finditer(text, last_end, p_end):
            if any(s.start <= match.start() < s.end for s in quoted):
                continue
            extra.append(Segment(match.end(), p_end, number, "dash", match.start(), p_end))
            break
    return extra


def find_segments(parsed: Parsed) -> tuple[list[Segment], list[tuple[int, int]]]:
    text = parsed.doc.text
    paragraphs = _paragraphs(text)
    marks = _mark_segments(text, paragraphs)
    dashes = _dash_segments(text, paragraphs)
    # A dash-introduced quote that closes with ” was also seen as a mark segment's end: keep the dash one.
    marks = [m for m in marks if not any(d.start <= m.open_at < d.end for d in dashes)]
    segments = sorted(marks + dashes, key=lambda s: s.start)
    segments = _split_guillemet_attributions(text, segments, parsed)
    segments += _continuation_segments(text, paragraphs, segments)
    segments = [_trim(text, s) for s in sorted(segments, key=lambda s: s.start)]
    return [s for s in segments if s.end > s.start], paragraphs


def _trim(text: str, segment: Segment) -> Segment:
    words = text[segment.start : segment.end]
    left = len(words) - len(words.lstrip(" \t—–-"))
    right = len(words.rstrip(" \t,—–-"))
    segment.end = segment.start + right
    segment.start += left
    return segment


# 2. filters --------------------------------------------------------------------------------


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def looks_like_name(words: str) -> bool:
    """“Risk Assessment Group”, “Oreshnik”, “PRODUCT OF NAZARBAYEV”, “Collapse: How Societies Choose to Fail
    or Succeed”: every word capitalized (a title may have a subtitle after a colon)."""
    tokens = re.findall(r"[^\W\d_][\w\-’']*", words)
    if not tokens or len(tokens) > TITLE_WORDS or re.search(r"[.!?,;]\s+\w", words.strip()):
        return False
    small = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "or", "at", "by", "de", "и", "в"}
    return all(t[0].isupper() or t.lower() in small for t in tokens)


def _is_title(text: str, segment: Segment, paragraph_start: int) -> bool:
    before = text[max(paragraph_start, segment.open_at - 40) : segment.open_at]
    return bool(TITLE_CUES.search(before))


# 3. attribution ----------------------------------------------------------------------------


class Context:
    """Indexes over one document that the attribution rules share."""

    def __init__(
        self, parsed: Parsed, entities: list[LocalEntity], segments: list[Segment], quoted: list[Segment] | None = None
    ) -> None:
        self.parsed = parsed
        self.text = parsed.doc.text
        self.tokens = parsed.tokens
        self.starts = [t.start for t in parsed.tokens]
        self.children: dict[int, list[int]] = {}
        for token in parsed.tokens:
            if token.head != token.i:
                self.children.setdefault(token.head, []).append(token.i)
        self.segments = segments
        self.quoted_spans = sorted((s.open_at, s.close_at) for s in (quoted or segments))
        # for `quoted`: the spans' starts, and the furthest end among the spans that start up to each
        self._quoted_starts = [a for a, _ in self.quoted_spans]
        self._furthest_end = list(accumulate((b for _, b in self.quoted_spans), max))
        self.mentions: list[Mention] = sorted((m for e in entities for m in e.mentions), key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.entities = entities
        self._genders: dict[int, str | None] = {}
        # the subjects of main clauses and speech verbs that name a person (pronouns resolved): (offset, entity)
        self._subjects: list[tuple[int, int | None]] = []
        self._subject_starts: list[int] = []
        self._mention_genders: dict[int, str | None] = {}  # a subject's offset: the gender its mention shows
        self._chained = False

    def quoted(self, offset: int) -> bool:
        """Whether `offset` is inside a quotation (a search, not a scan: long texts have thousands)."""
        before = bisect.bisect_right(self._quoted_starts, offset)
        return before > 0 and self._furthest_end[before - 1] > offset

    def tokens_between(self, start: int, end: int) -> list[Token]:
        a = bisect.bisect_left(self.starts, start)
        b = bisect.bisect_left(self.starts, end)
        return self.tokens[a:b]

    def mention_at(self, start: int, end: int) -> Mention | None:
        index = bisect.bisect_right(self.mention_starts, start) - 1
        for candidate in self.mentions[max(0, index - 1) : index + 2]:
            if candidate.start <= start and end <= candidate.end + 2:
                return candidate
        return None

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        a = bisect.bisect_left(self.mention_starts, start)
        b = bisect.bisect_left(self.mention_starts, end)
        return [m for m in self.mentions[a:b] if not self.quoted(m.start)]

    def salient(self, before: int, types: tuple[str, ...] = ("person",), gender: str | None = None) -> int | None:
        """The entity the text is about at `before`: the last person named outside quotes (of `gender`)."""
        index = bisect.bisect_left(self.mention_starts, before) - 1
        while index >= 0:
            mention = self.mentions[index]
            if (
                mention.type in types
                and not self.quoted(mention.start)
                and self.agrees(mention.cluster, gender, self.mention_gender(mention))
            ):
                return mention.cluster
            index -= 1
        return None

    def gender(self, cluster: int) -> str | None:
        """What the text shows of a person's gender: an honorific or gendered noun before a mention
        ("Mrs. Clinton", "the spokeswoman, Dana Reyes"), a given name; None when it shows none or both."""
        if cluster in self._genders:
            return self._genders[cluster]
        entity = self.entities[cluster]
        seen = {given_name_gender(entity.name, alone=self._known_by_one_word(cluster))}
        for mention in entity.mentions:
            before = WORD_BEFORE.search(self.text, max(0, mention.start - 20), mention.start)
            if before:
                seen.add(word_gender(before.group(1)))
            seen.add(word_gender(mention.text.split()[0]) if mention.text.split() else None)
        seen.discard(None)
        found = seen.pop() if len(seen) == 1 else None
        self._genders[cluster] = found
        return found

    def mention_gender(self, mention: Mention) -> str | None:
        """What one mention shows of its person's gender ("Ivanka Trump", "Mrs. Clinton"), whatever others
        of its entity show: the entities of a text may join two people of one family name."""
        seen = {given_name_gender(mention.text, alone=self._known_by_one_word(mention.cluster))}
        before = WORD_BEFORE.search(self.text, max(0, mention.start - 20), mention.start)
        if before:
            seen.add(word_gender(before.group(1)))
        seen.discard(None)
        return seen.pop() if len(seen) == 1 else None

    def _known_by_one_word(self, cluster: int) -> bool:
        return all(len(form.split()) == 1 for form in self.entities[cluster].forms | {self.entities[cluster].name})

    def agrees(self, cluster: int, gender: str | None, mention_gender: str | None = None) -> bool:
        found = mention_gender or self.gender(cluster)
        return gender is None or found is None or found == gender

    def focus(self, before: int, gender: str | None) -> int | None:
        """Who a "he" or "she" at `before` stands for: the person last named as the subject of a main
        clause or of a speech verb, outside quotes, whose gender agrees (a pronoun subject passes its
        antecedent on); else the last person named whose gender agrees."""
        if not self._chained:
            self._chained = True
            self._chain_subjects()
        index = bisect.bisect_left(self._subject_starts, before) - 1
        while index >= 0 and before - self._subjects[index][0] <= FOCUS_REACH:
            at, cluster = self._subjects[index]
            if cluster is not None and self.agrees(cluster, gender, self._mention_genders.get(at)):
                return cluster
            index -= 1
        return self.salient(before, gender=gender)

    def titled(self, before: int, noun: str) -> int | None:
        """The last person named before `before` with `noun` as a title ("President Obama" for "the
        president"), if any."""
        index = bisect.bisect_left(self.mention_starts, before) - 1
        while index >= 0:
            mention = self.mentions[index]
            if mention.type == "person" and not self.quoted(mention.start) and self._has_title(mention.cluster, noun):
                return mention.cluster
            index -= 1
        return None

    def _has_title(self, cluster: int, noun: str) -> bool:
        for mention in self.entities[cluster].mentions:
            before = WORD_BEFORE.search(self.text, max(0, mention.start - 20), mention.start)
            if before and before.group(1).lower() == noun:
                return True
        return False

    def _chain_subjects(self) -> None:
        """The subjects in document order, each pronoun resolved by those before it."""
        for token in self.tokens:
            if not token.dep.startswith("nsubj") or self.quoted(token.start) or not self._main_subject(token):
                continue
            if token.text.lower() in pronouns().person:
                cluster = self.focus(token.start, pronoun_gender(token.text))
            else:
                mention = self.mention_at(token.start, token.end)
                if mention is None:  # "The minister, Mr. Guajardo, argues"
                    mention = _phrase_mentions(self, token.i)[0]
                if mention is None or mention.type != "person" or self.quoted(mention.start):
                    continue
                cluster = mention.cluster
                self._mention_genders[token.start] = self.mention_gender(mention)
            self._subjects.append((token.start, cluster))
            self._subject_starts.append(token.start)

    def _main_subject(self, token: Token) -> bool:
        head = self.tokens[token.head]
        if head.head == head.i or _is_speech_verb(head):
            return True
        return head.dep == "conj" and self.tokens[head.head].head == head.head

    def subtree(self, root: int, limit: int = 40) -> list[int]:
        found = [root]
        queue = [root]
        while queue and len(found) < limit:
            for child in self.children.get(queue.pop(), []):
                found.append(child)
                queue.append(child)
        return sorted(found)


def _has_speech_verb(parsed: Parsed, start: int, end: int) -> bool:
    return any(start <= token.start < end and _is_speech_verb(token) for token in parsed.tokens)


def _is_speech_verb(token: Token) -> bool:
    language = "en" if token.lemma.isascii() else "ru"
    return token.pos in ("VERB", "AUX") and token.lemma in speech_verbs(language)


def _subject(context: Context, verb: int) -> int | None:
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


def _entity_of_token(context: Context, index: int, before: int) -> int | None:
    token = context.tokens[index]
    mention = context.mention_at(token.start, token.end)
    if mention is not None and not context.quoted(mention.start):
        return mention.cluster
    lowered = token.text.lower()
    if lowered in pronouns().person:
        return context.focus(min(before, token.start), pronoun_gender(lowered))
    if lowered in pronouns().group:
        return None
    verb = context.tokens[token.head]
    if lowered in RELATIVE and verb.dep in ("relcl", "acl:relcl") and verb.head != verb.i:
        # X, who joked, “…”: the relative pronoun stands for the name right before it (the last of a list),
        # else for the noun its clause hangs on
        beside = context.mentions_between(max(0, token.start - 60), token.start)
        if beside and not context.text[beside[-1].end : token.start].strip(" ,\n"):
            return beside[-1].cluster
        return _entity_of_token(context, verb.head, before)
    named = _named_in_phrase(context, index)
    if named is not None:
        return named
    return _described(context, token, min(before, token.start))


def _named_in_phrase(context: Context, head: int) -> int | None:
    """The entity a subject phrase names: “the senator's spokeswoman, Dana Reyes” is Reyes; a possessor or
    a prepositional phrase names the speaker's principal, taken only when it is an organization and the
    phrase names no one else ("a spokesman for Boeing")."""
    named, principal = _phrase_mentions(context, head)
    if named is not None:
        return named.cluster
    return principal.cluster if principal is not None else None


def _phrase_mentions(context: Context, head: int) -> tuple[Mention | None, Mention | None]:
    """(the first person or organization a phrase names, the first organization it names as a principal)."""
    principal: Mention | None = None
    for child in context.subtree(head):
        child_token = context.tokens[child]
        mention = context.mention_at(child_token.start, child_token.end)
        if mention is None or mention.type not in ("person", "organization") or context.quoted(mention.start):
            continue
        if _under_principal(context, child, head):
            if principal is None and mention.type == "organization":
                principal = mention
            continue
        return mention, principal
    return None, principal


def _under_principal(context: Context, index: int, head: int) -> bool:
    """Whether token `index` hangs from `head` through a possessor or a prepositional phrase."""
    node = index
    while node != head:
        token = context.tokens[node]
        if token.dep in ("poss", "prep", "pobj", "nmod", "acl", "relcl"):
            return True
        if token.head == node:
            return False
        node = token.head
    return False


def _described(context: Context, token: Token, before: int) -> int | None:
    """“…,” the New York businessman said: a definite description of a person stands for the person in
    focus of its gender (an indefinite one, "a spokesman", for nobody). With a possessor it is someone
    else's (“Obama's strategist”): never the possessor."""
    if token.pos != "NOUN" or token.lemma.lower() not in _person_nouns():
        return None
    children = [context.tokens[c] for c in context.children.get(token.i, [])]
    possessors = [c for c in children if c.dep == "poss"]
    definite = any(c.dep == "det" and c.lemma.lower() in ("the", "this", "that") for c in children)
    if not definite and not possessors:
        return None
    excluded: set[int] = set()
    for possessor in possessors:
        mention = context.mention_at(possessor.start, possessor.end)
        if mention is None:
            return None  # “the senator's spokeswoman”: someone the text does not name
        excluded.add(mention.cluster)
    found = context.titled(before, token.lemma.lower())
    if found is None:
        found = context.focus(before, word_gender(token.lemma))
    return None if found is None or found in excluded else found


@cache
def _person_nouns() -> frozenset[str]:
    gender = gender_words()
    nouns = speaker_words().person_nouns | titles("en").roles | gender.male_nouns | gender.female_nouns
    return frozenset(noun for noun in nouns if " " not in noun)


def _verb_cues(context: Context, start: int, end: int, anchor: int) -> list[Cue]:
    cues: list[Cue] = []
    for token in context.tokens_between(start, end):
        if context.quoted(token.start) or not _is_speech_verb(token):
            continue
        subject = _subject(context, token.i)
        speaker = _entity_of_token(context, subject, anchor) if subject is not None else None
        unnamed = speaker is None and subject is not None and _unnamed(context, context.tokens[subject])
        if speaker is None and not unnamed and (subject is None or context.tokens[subject].pos != "PRON"):
            # No subject, or one that names no entity (a misparse such as "the following"):
            # the name right beside the verb.
            speaker = _nearest_mention(context, token, start, end)
        cues.append(Cue(token.start, token.end, token.i, speaker, "verb", unnamed))
    return cues


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


SIGNATURE = re.compile(r"[\s,.]*[—―–-]\s*")


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


# 4. assembly -------------------------------------------------------------------------------


def extract_quotes(parsed: Parsed, entities: list[LocalEntity], anchor: str | None = None) -> list[Quote]:
    text = parsed.doc.text
    segments, paragraphs = find_segments(parsed)
    kept: list[Segment] = []
    title: Segment | None = None
    for s in segments:
        words = text[s.start : s.end]
        listed = (
            title is not None
            and title.paragraph == s.paragraph
            and LIST_GLUE.fullmatch(text[title.close_at : s.open_at])
        )
        # one capitalized word is a name unless it is a sentence of its own (“Never,” she said)
        if looks_like_name(words) and not (_word_count(words) == 1 and _sentence_of_common_words(parsed, s)):
            continue
        if listed or _is_title(text, s, paragraphs[s.paragraph][0]):
            title = s
            continue
        kept.append(s)
    context = Context(parsed, entities, kept, segments)
    quotes: list[Quote] = []
    previous: tuple[Segment, Cue, Quote] | None = None
    dropped: tuple[Segment, Cue] | None = None  # a partial quote left out, and the attribution after it
    for index, segment in enumerate(kept):
        words = text[segment.start : segment.end]
        short = _word_count(words) < MIN_WORDS
        if short and not _said_alone(context, segment):
            continue
        p_start, p_end = paragraphs[segment.paragraph][0], paragraphs[segment.last_paragraph][1]
        previous_end = kept[index - 1].close_at if index else p_start
        next_start = kept[index + 1].open_at if index + 1 < len(kept) else p_end
        before_start = _window_before(context, segment, previous_end, p_start)
        after_end = _window_after(context, segment, next_start, p_end)
        cue = attribute(context, segment, before_start, after_end)
        if cue is None and dropped is not None and _hands_on(text, dropped, segment):
            cue = dropped[1]
        dropped = None
        same_paragraph = previous is not None and previous[0].last_paragraph == segment.paragraph
        if previous is not None and same_paragraph and (cue is None or cue.start == previous[1].start):
            prev_segment, prev_cue, prev_quote = previous
            between = text[prev_segment.close_at : segment.open_at]
            if (
                segment.kind == "mark"
                and prev_cue.start >= prev_segment.close_at
                and prev_cue.end <= segment.open_at
                and _continues(text, prev_cue, segment)
            ):
                _extend(prev_quote, text, segment)
                previous = (segment, prev_cue, prev_quote)
                continue
            if cue is None and len(between) < 200 and not short:
                cue = prev_cue
        if short and (cue is None or not _right_beside(text, cue, segment)):
            continue  # “Not one penny.” goes on with the quote before it, or beside its own speech verb
        standalone = segment.open_at - p_start <= 1 and segment.close_at >= p_end - 2
        if cue is None and standalone:
            cue = _introducing_subject(context, paragraphs, segment.paragraph)
        if cue is None:
            cue = _colon_subject(context, segment, before_start)
        if cue is None and standalone:
            cue = _following_speaker(context, paragraphs, segment)
        if (
            cue is None
            or cue.speaker is None
            or (_is_fragment(words) and not _states_speaker(context, cue, segment))
            or _embedded(context, segment, before_start)
        ):
            previous = None
            if cue is not None and cue.speaker is not None and cue.start >= segment.close_at:
                dropped = (segment, cue)  # because “a partial quote,” she said. “A whole one.”
            continue
        speaker = entities[cue.speaker]
        quote = Quote(
            start=segment.start,
            end=segment.end,
            text=_quoted_words(words),
            speaker=cue.speaker,
            speaker_text=speaker.name,
            attribution_start=cue.start,
            attribution_end=cue.end,
            said_on=date_in_attribution(
                text, cue.end, after_end if cue.start > segment.start else segment.open_at, anchor
            )
            if cue.kind == "verb"
            else None,
            confidence=confidence.quotes().cues[cue.kind],
            language="ru" if _cyrillic(words) else "en",
        )
        quotes.append(quote)
        previous = (segment, cue, quote)
    return quotes


def _hands_on(text: str, dropped: tuple[Segment, Cue], segment: Segment) -> bool:
    """… because “most people don't know,” she said. “We have no context …”: the attribution of a partial
    quote left out goes to the whole quote right after it, in the same paragraph."""
    left_out, cue = dropped
    return (
        left_out.last_paragraph == segment.paragraph
        and left_out.close_at <= cue.start
        and cue.end <= segment.open_at
        and _continues(text, cue, segment)
    )


def _said_alone(context: Context, segment: Segment) -> bool:
    """“Never,” Harris said: a quote of a word or two is one when it is a sentence of its own — a capital,
    its punctuation inside the marks — and names nothing ("“King James,” …")."""
    words = context.text[segment.start : segment.end]
    return bool(words[:1].isupper()) and _sentence_of_common_words(context.parsed, segment)


def _sentence_of_common_words(parsed: Parsed, segment: Segment) -> bool:
    """“Never,” / “Absolutely.”: its punctuation inside the marks, and no proper noun — a word, not a name."""
    if not re.search(r"[,.!?…]\W*$", parsed.doc.text[segment.start : segment.close_at]):
        return False
    starts = [token.start for token in parsed.tokens]
    a, b = bisect.bisect_left(starts, segment.start), bisect.bisect_left(starts, segment.end)
    return not any(token.pos == "PROPN" for token in parsed.tokens[a:b])


def _right_beside(text: str, cue: Cue, segment: Segment) -> bool:
    """The speech verb right after the short quote (“Never,” Harris said) or right before it (said: “Never.”)."""
    if cue.kind != "verb":
        return False
    if cue.start >= segment.close_at:
        return _word_count(text[segment.close_at : cue.start]) <= BESIDE_WORDS
    return _word_count(text[cue.end : segment.open_at]) <= BESIDE_WORDS


def _continues(text: str, cue: Cue, segment: Segment) -> bool:
    """“A,” X said. “B”: B goes on with A when the attribution's sentence ends before it, or when no more
    than a couple of words stand between ("he said, “B”"), or when B goes on in lower case; in “A,” X said, suggesting a few questions,
    including, “B” the attribution goes on and B is a quote of its own."""
    between = text[cue.end : segment.open_at]
    if text[segment.start : segment.start + 1].islower():  # “A,” X said in Dover, “but B”
        return True
    return _word_count(between) <= CONTINUING_WORDS or bool(_sentence_ends(text, cue.end, segment.open_at))


def _embedded(context: Context, segment: Segment, sentence_start: int) -> bool:
    """Words the writer's own clause reports, a partial quote rather than a direct one: said that “…”,
    because “…”, and Clinton “is the only candidate …” (the writer's subject, the quoted verb)."""
    text = context.text
    if _cyrillic(text[segment.start : segment.end]):
        return False
    if EMBEDDING.search(text, max(sentence_start, segment.open_at - 40), segment.open_at):
        return True
    if not text[segment.start : segment.start + 1].islower():
        return False
    before = context.tokens_between(max(sentence_start, segment.open_at - 40), segment.open_at)
    if not before or before[-1].end < segment.open_at - 1:
        return False
    subject = before[-1]
    return subject.dep.startswith("nsubj") and segment.start <= context.tokens[subject.head].start < segment.end


def _is_fragment(words: str) -> bool:
    """A few words lifted into the writer's own sentence ("called it “a big, big problem”")
    are a partial quote whose speaker the sentence rarely states plainly; a quote that starts
    in lower case and is this short is left out."""
    stripped = words.strip()
    if not stripped or _cyrillic(stripped):  # Russian quotes often start in lower case («по словам X, «…»»)
        return False
    return stripped[0].islower() and _word_count(stripped) < FRAGMENT_WORDS


PARAGRAPH_REOPENING = re.compile(r"\s*\n\s*[“«„\"]?")


def _quoted_words(words: str) -> str:
    """The words of a quote, its paragraphs joined by a space without the reopening marks."""
    return PARAGRAPH_REOPENING.sub(" ", words.strip())


def _states_speaker(context: Context, cue: Cue, segment: Segment) -> bool:
    """A fragment is kept when its own sentence says plainly whose words they are: "according to X,
    “…”" before the marks, in the same sentence. Speech verbs are not enough: on PolNeAR, keeping
    fragments after a verb with a parsed subject ("called it “a big problem”") added 46 quotes
    and one match (F1 0.705 -> 0.646)."""
    if cue.end > segment.open_at or context.text.count("\n", cue.end, segment.open_at):
        return False
    if _sentence_ends(context.text, cue.end, segment.open_at):
        return False
    return cue.kind == "according"


def _extend(quote: Quote, text: str, segment: Segment) -> None:
    quote.text = f"{quote.text} {_quoted_words(text[segment.start : segment.end])}"
    quote.end = segment.end


def _cyrillic(text: str) -> bool:
    return sum("\u0400" <= c <= "\u04ff" for c in text) > len(text) / 4
