"""Who a word of the attribution names: entities, pronouns resolved to the person in focus (the subject
last named, agreeing in gender), relative pronouns, appositives, and definite descriptions ("the
president", "the New York businessman"); the indexes over one document that the rules share."""

from __future__ import annotations

import bisect
import re
from functools import cache
from itertools import accumulate

from elitewatch.datafiles import titles
from elitewatch.extract.document import DocumentIndex
from elitewatch.extract.entities.layout import BYLINE_EVIDENCE
from elitewatch.extract.pronouns import any_language as pronouns
from elitewatch.extract.pronouns import gender_words, given_name_gender, pronoun_gender, speaker_words, word_gender
from elitewatch.extract.quotes.segments import Segment, _is_speech_verb
from elitewatch.model import Mention, Token

RELATIVE = frozenset({"who", "which", "that"})


# How far back (characters) the subject that a "he" or "she" continues is looked for: about three paragraphs
# of news copy; beyond it the last person named of the right gender stands in. Set by hand with pronoun
# speakers (00f35bc), not swept on a dev set.
FOCUS_REACH = 1500


WORD_BEFORE = re.compile(r"(\w+\.?)[\s,]*$")


class Context:
    """What the attribution rules share over one document: the document's index (tokens by offset, dependency
    children: elitewatch.extract.document), and their own: the quotations, the mentions that can be speakers
    (not a byline's), genders and the subjects in focus."""

    def __init__(self, doc: DocumentIndex, segments: list[Segment], quoted: list[Segment] | None = None) -> None:
        self.doc = doc
        self.parsed = doc.parsed
        self.text = doc.text
        self.tokens = doc.tokens
        self.starts = doc.starts
        self.sentence_starts = doc.sentence_starts
        self.children = doc.children
        entities = doc.entities
        self.segments = segments
        self.quoted_spans = sorted((s.open_at, s.close_at) for s in (quoted or segments))
        # for `quoted`: the spans' starts, and the furthest end among the spans that start up to each
        self._quoted_starts = [a for a, _ in self.quoted_spans]
        self._furthest_end = list(accumulate((b for _, b in self.quoted_spans), max))
        # a byline names the writers, who are no speakers of the quotes ("By Jane Doe")
        self.mentions: list[Mention] = sorted(
            (m for e in entities for m in e.mentions if m.evidence != BYLINE_EVIDENCE), key=lambda m: m.start
        )
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
                cluster = _topic_person(self, token, token.start)
                cluster = cluster if cluster is not None else self.focus(token.start, pronoun_gender(token.text))
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


def _entity_of_token(context: Context, index: int, before: int) -> int | None:
    token = context.tokens[index]
    mention = context.mention_at(token.start, token.end)
    if mention is not None and not context.quoted(mention.start):
        return mention.cluster
    lowered = token.text.lower()
    if lowered in pronouns().person:
        found = _topic_person(context, token, before)
        return found if found is not None else context.focus(min(before, token.start), pronoun_gender(lowered))
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


def topic_of(context: Context, pronoun: Token) -> int | None:
    """The head of the topic a sentence opens with, when the person pronoun right after it stands for it: "As for
    the Russian President, he said …", "As to Mr. Lavrov, he …" (the phrases: data/lexicon/speakers.yaml)."""
    sentences = context.parsed.sentences
    at = bisect.bisect_right(context.sentence_starts, pronoun.start) - 1
    sentence_start = sentences[at].start if at >= 0 else 0
    opening = _topic_opening().match(context.text, sentence_start, pronoun.start)
    if opening is None:
        return None
    inside = context.tokens_between(opening.start(1), opening.end(1))
    heads = [t for t in inside if not opening.start(1) <= context.tokens[t.head].start < opening.end(1)]
    return heads[0].i if len(heads) == 1 else None


def _topic_person(context: Context, pronoun: Token, before: int) -> int | None:
    """The person a fronted topic names or describes, for the pronoun after it; a topic that is a thing ("As for
    RT's political bent, he said") leaves the pronoun to the person in focus."""
    topic = topic_of(context, pronoun)
    if topic is None:
        return None
    found = _entity_of_token(context, topic, before)
    return found if found is not None and context.entities[found].type == "person" else None


@cache
def _topic_opening() -> re.Pattern[str]:
    """The opening of a sentence up to a pronoun right after its topic: "As for ⟨the Russian President⟩, "."""
    phrases = "|".join(re.escape(p) for p in sorted(speaker_words().topic_phrases, key=len, reverse=True))
    return re.compile(rf"\W*(?:{phrases})\s+([^,;:!?]+?)\s*,\s*$", re.IGNORECASE)


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
