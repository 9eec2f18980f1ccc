"""The dependency structure as events read it: clauses (the verb a word belongs to, the clauses above it),
subtrees that stop at another clause, subjects, and the preposition that introduces a phrase."""

from __future__ import annotations

from elitewatch.extract.document import DocumentIndex
from elitewatch.model import Mention, Token

# Dependencies that open a clause of its own: its words are not the words of the clause above it.
CLAUSE_DEPS = frozenset({"relcl", "acl:relcl", "advcl", "ccomp", "csubj", "parataxis", "acl", "xcomp"})
# Dependencies that open a clause only when they join a verb ("X came and met Y"), not a noun ("X and Y").
VERB_CLAUSE_DEPS = frozenset({"conj", "appos"})
# Dependencies through which a clause without a subject borrows the subject of the clause above.
CONTROL_DEPS = frozenset({"xcomp", "acl", "advcl", "conj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "nsubjpass", "nsubj:pass", "iobj"})
VERB_POS = frozenset({"VERB", "AUX"})
# The most heads climbed from a word to its clause, a bound against parse cycles rather than a tuned value:
# set by hand with the events extractor (b3fb7af), not swept.
MAX_CLIMB = 8


def span_head(doc: DocumentIndex, first: int, last: int) -> int:
    """The token of a span whose head lies outside it ("conference" in "press conference")."""
    for index in range(first, last + 1):
        head = doc.tokens[index].head
        if head == index or not first <= head <= last:
            return index
    return last


def subtree(doc: DocumentIndex, root: int, limit: int = 60, stop: frozenset[str] = frozenset()) -> list[int]:
    """The tokens under `root` (itself included), not descending through dependencies in `stop`."""
    result: list[int] = []
    stack = [root]
    while stack and len(result) < limit:
        index = stack.pop()
        result.append(index)
        stack.extend(k for k in doc.children.get(index, []) if not opens_clause(doc.tokens[k], stop))
    return sorted(result)


def opens_clause(token: Token, stop: frozenset[str]) -> bool:
    if token.dep in stop:
        return True
    return bool(stop) and token.dep in VERB_CLAUSE_DEPS and is_verb(token)


def is_verb(token: Token) -> bool:
    return token.pos in VERB_POS


def clause_verb(doc: DocumentIndex, index: int) -> int:
    """The verb whose clause the token belongs to (the token itself for a verb); the root otherwise."""
    for _ in range(MAX_CLIMB):
        token = doc.tokens[index]
        if is_verb(token) or token.head == index:
            return index
        index = token.head
    return index


def _parent_clause(doc: DocumentIndex, verb: int) -> int | None:
    """The clause a subjectless clause depends on: "he had the honor to present", "X came and met Y"."""
    token = doc.tokens[verb]
    if token.head == verb or token.dep not in CONTROL_DEPS:
        return None
    return clause_verb(doc, token.head)


def clause_chain(doc: DocumentIndex, verb: int) -> list[int]:
    chain = [verb]
    while len(chain) < 3:
        parent = _parent_clause(doc, chain[-1])
        if parent is None or parent in chain:
            break
        chain.append(parent)
    return chain


def clause_tokens(doc: DocumentIndex, verb: int) -> list[int]:
    return subtree(doc, verb, limit=80, stop=CLAUSE_DEPS)


def subjects_of(doc: DocumentIndex, verb: int) -> list[int]:
    subjects = [k for k in doc.children.get(verb, []) if doc.tokens[k].dep in SUBJECT_DEPS]
    for subject in list(subjects):
        subjects.extend(k for k in doc.children.get(subject, []) if doc.tokens[k].dep == "conj")
    return subjects


def introduced_by(doc: DocumentIndex, index: int, words: frozenset[str], deps: tuple[str, ...] = ("case",)) -> bool:
    """Is the phrase at `index` introduced by one of these prepositions ("to X" in English, «с X» in Russian)?
    `deps` also "fixed" for a preposition of several words («в ходе»)."""
    token = doc.tokens[index]
    if token.pos == "ADP":
        return token.text.lower() in words
    return any(doc.tokens[k].dep in deps and doc.tokens[k].text.lower() in words for k in doc.children.get(index, []))


def phrase_top(doc: DocumentIndex, mention: Mention) -> int:
    """The token of a mention whose head lies outside it, or the preposition it hangs on ("to" in "to Moscow")."""
    first, last = doc.token_at(mention.start), doc.token_at(max(mention.start, mention.end - 1))
    top = span_head(doc, first, last)
    head = doc.tokens[top].head
    return head if doc.tokens[head].pos == "ADP" else top
