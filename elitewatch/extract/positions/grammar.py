"""What Russian morphology says of a role word beyond its case: whether it is plural, whether a role and a name
agree (a title or an apposition is in the case of its name), whether a mention's words are those of a name.
The parse gives each token's case and lemma (a noun's lemma is its nominative singular) but not its number."""

from __future__ import annotations

from elitewatch.extract.document import DocumentIndex
from elitewatch.model import Mention, Token

# Endings of the plural a noun shows in the oblique cases where its singular never does (Ins «министрами»,
# Dat «министрам», Loc «министрах»); the nominative plural is told by a form other than the lemma.
PLURAL_ENDINGS = ("ами", "ями", "ам", "ям", "ах", "ях")
GENITIVE_PLURAL_ENDINGS = ("ов", "ев", "ёв")  # «депутатов»: no singular of a role noun ends so
# «заместителей», «врачей», «судей»: the genitive plural in «-ей» of a noun whose nominative singular ends so
# (a soft sign, a hushing consonant, «-ья»), whose genitive singular never does («заместителя», «судьи»); the
# feminine «-ей» of a noun made from an adjective («заведующей») has a lemma in «-ая» and stays singular.
SOFT_GENITIVE_PLURAL = "ей"
SOFT_STEMS = ("ь", "ж", "ш", "ч", "щ", "ья")
# Cases a Russian role is in when it stands as a title of a name in another case: none. The nominative
# and the accusative of an animate noun differ («министра Иванова»: accusative = genitive), so only these
# pairs are taken as a disagreement, both told apart reliably by natasha's tagger on Russian words.
DISAGREE = frozenset(
    {("Gen", "Nom"), ("Nom", "Gen"), ("Ins", "Nom"), ("Nom", "Ins"), ("Dat", "Nom"), ("Nom", "Dat")}
    # and the oblique cases among themselves («заместителем Рябова»: the deputy is not Ryabov)
    | {(a, b) for a in ("Gen", "Dat", "Ins", "Loc") for b in ("Gen", "Dat", "Ins", "Loc") if a != b}
)


# A noun made of an adjective: its lemma's endings, and the endings of its feminine singular nominative.
ADJECTIVAL_LEMMA_ENDINGS = ("ий", "ый", "ой")
FEMININE_ADJECTIVAL_ENDINGS = ("ая", "яя")


def plural(token: Token, doc: DocumentIndex | None = None) -> bool:
    """A plural noun: «депутаты», «музыкантами», «депутатов»; a singular's nominative is its lemma. With the
    document, a noun counted by a number is plural too («три космонавта», «оба президента»)."""
    if token.pos != "NOUN" or token.language != "ru":
        return False
    if doc is not None and any(
        doc.tokens[c].pos == "NUM" or doc.tokens[c].dep == "nummod" for c in doc.children.get(token.i, [])
    ):
        return True
    text = token.text.lower()
    if token.case == "Nom":
        if token.lemma.endswith(ADJECTIVAL_LEMMA_ENDINGS) and text.endswith(FEMININE_ADJECTIVAL_ENDINGS):
            return False  # «телеведущая», «заведующая»: a noun made of an adjective, feminine, its lemma masculine
        return text != token.lemma and text.replace("ё", "е") != token.lemma.replace("ё", "е")
    if (
        token.case == "Gen"
        and text.endswith(GENITIVE_PLURAL_ENDINGS)
        and not token.lemma.endswith(GENITIVE_PLURAL_ENDINGS)
    ):
        return True  # «депутатов», «министров»
    if token.case in ("Gen", "Acc") and text.endswith(SOFT_GENITIVE_PLURAL) and token.lemma.endswith(SOFT_STEMS):
        return True  # «заместителей» (an animate noun's accusative plural is its genitive)
    return text.endswith(PLURAL_ENDINGS) and not token.lemma.endswith(PLURAL_ENDINGS)


def disagree(role: Token, name: Token) -> bool:
    """A role and a name whose cases cannot be those of a title and its name («муж актрисы Сергей Сенин»:
    the actress is not Senin). Only Russian words, whose cases the tagger gives."""
    if role.language != "ru" or name.language != "ru" or not role.case or not name.case:
        return False
    return (role.case, name.case) in DISAGREE


def named_like_a_person(doc: DocumentIndex, mentions: list[Mention]) -> bool:
    """Does some mention of an entity read as a person's name: a word the tagger takes for a proper noun, or
    one in Latin letters? A "person" made of common nouns only («Совет муфтиев», «Рыбохраны») is none."""
    for mention in mentions:
        first = doc.token_at(mention.start)
        for index in range(first, len(doc.tokens)):
            token = doc.tokens[index]
            if token.start >= mention.end:
                break
            if token.pos in ("PROPN", "X") or token.language != "ru":
                return True
    return False
