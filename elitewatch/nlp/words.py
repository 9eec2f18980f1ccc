"""What the NLP step says of each word beyond the models: its language, from its letters."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=100_000)  # news repeats its words
def word_language(text: str, lemma: str) -> str:
    """ "ru" for a word with Cyrillic letters or a lemma that is not ASCII (Kazakh, natasha's lemmas), else "en":
    the language of the word itself, whatever the sentence's (a Latin name inside a Russian sentence is "en")."""
    return "ru" if any("\u0400" <= c <= "\u04ff" for c in text) or not lemma.isascii() else "en"
