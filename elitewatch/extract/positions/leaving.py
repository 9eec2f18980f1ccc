"""Offices told by leaving them: «Иван Петров ушёл с поста министра», «покинул пост мэра», «его сняли с
должности губернатора», "resigned as finance minister", "was dismissed as head of the agency". The person held
the office until then: a record that has ended, dated by its sentence's date as its end. The subject of a verb
of leaving held it, the object (or passive subject) of a verb of removing did, never the one who removed them;
the role is what the post noun or "as" introduces, so a verb of leaving with no office after it («ушёл из
дома») tells nothing. An office one is to leave («предложили снять его с поста лидера») was held all the same,
and has not ended."""

from __future__ import annotations

from elitewatch.extract.document import DocumentIndex
from elitewatch.extract.positions.found import Found
from elitewatch.extract.positions.lexicon import Lexicon, any_language, lexicon
from elitewatch.extract.positions.phrases import Phrase
from elitewatch.extract.positions.predicates import first_conjunct, hypothetical, infinitive, role_at
from elitewatch.model import Mention, Token

PASSIVE_SUBJECTS = frozenset({"nsubj:pass", "nsubjpass"})
RESIGNATION = frozenset({"отставка"})  # «подал в отставку с поста …»: the post hangs on the noun


def left(doc: DocumentIndex, mention: Mention, first: int, last: int, language: str) -> list[Found]:
    """The office the name (tokens `first`..`last`) left, by the verb it is the subject or object of."""
    lex = lexicon(language)
    for index in range(first, last + 1):
        token = first_conjunct(doc, doc.tokens[index])
        verb = doc.tokens[token.head]
        if verb.i == token.i or not _leaves(token, verb, lex) or not _down(doc, verb):
            continue
        phrase = _role_left(doc, verb, language)
        if phrase is None:
            return []
        over = not _to_leave(verb) and not hypothetical(doc, verb)
        return [Found(mention.cluster, Phrase(phrase.first, phrase.head_end, phrase.last, over), "left", verb)]
    return []


def _leaves(token: Token, verb: Token, lex: Lexicon) -> bool:
    """Does the name's word, by its relation to `verb`, name the one who leaves an office?"""
    if verb.lemma in lex.leaving:
        return token.dep.startswith("nsubj") and token.dep not in PASSIVE_SUBJECTS
    if verb.lemma in lex.removing:
        return token.dep in PASSIVE_SUBJECTS or token.dep in ("obj", "dobj")
    return False


def _down(doc: DocumentIndex, verb: Token) -> bool:
    """ "stepped down as", "stepped aside as"; not "stepped in as acting president" (a start)."""
    if verb.language != "en" or verb.lemma != "step":
        return True
    return any(doc.tokens[c].text.lower() in ("down", "aside") for c in doc.children.get(verb.i, []))


def _role_left(doc: DocumentIndex, verb: Token, language: str) -> Phrase | None:
    """The role a verb of leaving's complement names: «с поста министра», «пост мэра», "as minister", "from his
    post as CEO"."""
    lex = lexicon(language)
    hosts = [verb.i, *(c for c in doc.children.get(verb.i, []) if doc.tokens[c].lemma in RESIGNATION)]
    for host in hosts:
        for child in sorted(doc.children.get(host, [])):
            phrase = _role_through(doc, doc.tokens[child], lex, language)
            if phrase is not None:
                return phrase
    return None


def _role_through(doc: DocumentIndex, token: Token, lex: Lexicon, language: str) -> Phrase | None:
    if language == "en":
        return _english_role(doc, token, lex)
    if token.lemma not in lex.left_posts or token.i + 1 >= len(doc.tokens):
        return None
    cases = {doc.tokens[c].lemma for c in doc.children.get(token.i, []) if doc.tokens[c].dep == "case"}
    if (token.dep == "obl" and cases & lex.left_from) or (token.dep == "obj" and not cases):
        return role_at(doc, token.i + 1, language)  # «с поста министра», «покинул пост мэра»
    return None


def _english_role(doc: DocumentIndex, token: Token, lex: Lexicon) -> Phrase | None:
    """ "resigned as minister"; "left his post as minister", "stepped down from the position of CEO"."""
    if token.dep == "prep" and token.text.lower() == "as":
        return _object_role(doc, token)
    posts = [token] if token.dep in ("dobj", "obj") else []
    if token.dep == "prep":
        posts = [doc.tokens[c] for c in doc.children.get(token.i, []) if doc.tokens[c].dep == "pobj"]
    for post in posts:
        if post.lemma not in lex.left_posts:
            continue
        for child in doc.children.get(post.i, []):
            preposition = doc.tokens[child]
            if preposition.dep == "prep" and preposition.text.lower() in lex.left_from:
                return _object_role(doc, preposition)
    return None


def _object_role(doc: DocumentIndex, preposition: Token) -> Phrase | None:
    """The role a preposition's object is, its first word right after the preposition (and an article)."""
    start = preposition.i + 1
    if start < len(doc.tokens) and doc.tokens[start].text.lower() in any_language("articles"):
        start += 1
    if start >= len(doc.tokens) or not any(doc.tokens[c].dep == "pobj" for c in doc.children.get(preposition.i, [])):
        return None
    return role_at(doc, start, "en")


def _to_leave(verb: Token) -> bool:
    """«предложили снять», "to resign", "will resign": an office to be left is not left yet."""
    if verb.language == "ru":
        return infinitive(verb)
    return verb.dep == "xcomp" or (verb.text.lower() == verb.lemma and verb.tense == "")
