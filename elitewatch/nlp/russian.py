"""Russian (and Kazakh Cyrillic) through natasha: segmentation, morphology, syntax, NER, lemmas."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from elitewatch.model import Parsed, Sentence, Span, Token
from elitewatch.nlp.blocks import Block
from elitewatch.nlp.lifetime import keep_for_life
from elitewatch.nlp.words import word_language

LABELS = {"PER": "person", "ORG": "organization", "LOC": "place"}
BLOCK_STRIDE = 1_000_000


@cache
def load() -> dict[str, Any]:
    # here, not at the top: natasha and its models load only in the processes that parse Russian
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    embedding = NewsEmbedding()
    models = {
        "segmenter": Segmenter(),
        "vocab": MorphVocab(),
        "morph": NewsMorphTagger(embedding),
        "syntax": NewsSyntaxParser(embedding),
        "ner": NewsNERTagger(embedding),
    }
    keep_for_life()
    return models


@lru_cache(maxsize=200_000)
def lemma(word: str, pos: str | None, feats: tuple[tuple[str, str], ...]) -> str:
    """natasha's lemma of a word with its part of speech and features, kept: news repeats its words, and the
    dictionary lookup was a third of the Russian parsing time."""
    return str(load()["vocab"].lemmatize(word, pos, dict(feats)))


def _inside_brackets_joined(sents: list[Any], text: str) -> list[Any]:
    """«Иван Петров (род. 5 мая 1960 года) — политик»: the segmenter ends a sentence at an abbreviation before
    a number, inside brackets not yet closed; a sentence ends nowhere inside brackets, so such a piece and the
    next, which goes on in a digit or a small letter, are one sentence."""
    from natasha.doc import DocSent

    joined: list[Any] = []
    for sent in sents:
        if joined and _open_bracket(joined[-1].text) and (sent.text[:1].isdigit() or sent.text[:1].islower()):
            last = joined.pop()
            sent = DocSent(last.start, sent.stop, text[last.start : sent.stop], last.tokens + sent.tokens)
        joined.append(sent)
    return joined


def _split_at_open_line_ends(sents: list[Any], text: str) -> list[Any]:
    """«Дэвид Мойес станет тренером «Манчестер Юнайтед»⏎Дэвид Мойес.»: a line that ends in no punctuation, a
    headline or a caption, ends its sentence when the next line begins as a sentence does (a capital, a quote,
    a digit); the segmenter reads across it and the parser then hangs the caption on the headline."""
    from natasha.doc import DocSent

    split: list[Any] = []
    for sent in sents:
        pieces = [sent]
        while (cut := _open_line_end(pieces[-1], text)) is not None:
            last = pieces.pop()
            before = [token for token in last.tokens if token.stop <= cut]
            after = [token for token in last.tokens if token.start > cut]
            if not before or not after:
                pieces.append(last)
                break
            head = DocSent(last.start, before[-1].stop, text[last.start : before[-1].stop], before)
            tail = DocSent(after[0].start, last.stop, text[after[0].start : last.stop], after)
            pieces.extend([head, tail])
        split.extend(pieces)
    return split


def _open_line_end(sent: Any, text: str) -> int | None:
    """The offset of the first line break inside the sentence after a line with no closing punctuation and
    before a line that begins as a sentence does."""
    position = text.find("\n", sent.start, sent.stop)
    while position != -1:
        before = text[sent.start : position].rstrip()
        after = text[position : sent.stop].lstrip()
        if (
            before
            and after
            and before[-1] not in LINE_GOES_ON
            and (after[0].isupper() or after[0] in '«"„“' or after[0].isdigit())
        ):
            return position
        position = text.find("\n", position + 1, sent.stop)
    return None


# Last characters of a line that say the sentence goes on past it (or has ended there already, for the segmenter).
LINE_GOES_ON = frozenset(".!?…:;,-–—(")


def _open_bracket(sentence: str) -> bool:
    return sentence.count("(") > sentence.count(")") and sentence.endswith(".")


def parse_block(target: Parsed, block: Block) -> None:
    from natasha import Doc  # natasha is loaded by now (load()); imported here for the reason above

    models = load()
    text = target.doc.text[block.start : block.end]
    doc = Doc(text)
    doc.segment(models["segmenter"])
    doc.sents = _split_at_open_line_ends(_inside_brackets_joined(doc.sents, text), text)
    doc.tag_morph(models["morph"])
    doc.parse_syntax(models["syntax"])
    doc.tag_ner(models["ner"])
    offset = block.start
    base = -(len(target.sentences) + 1) * BLOCK_STRIDE  # negative: never collides with English blocks
    for n, sent in enumerate(doc.sents):
        target.sentences.append(Sentence(offset + sent.start, offset + sent.stop, "ru"))
        ids = {token.id: i for i, token in enumerate(sent.tokens)}
        for i, token in enumerate(sent.tokens):
            feats = token.feats or {}
            word_lemma = lemma(token.text, token.pos, tuple(sorted(feats.items())))
            target.tokens.append(
                Token(
                    i=i,
                    start=offset + token.start,
                    end=offset + token.stop,
                    text=token.text,
                    lemma=(word_lemma or token.text).lower(),
                    pos=token.pos or "X",
                    dep=token.rel or "",
                    head=ids.get(token.head_id, i),
                    sent=base + n,
                    case=feats.get("Case", ""),
                    language=word_language(token.text, word_lemma or token.text),
                    tense=feats.get("Tense", ""),
                )
            )
    for span in doc.spans:
        label = LABELS.get(span.type)
        if label is None:
            continue
        span.normalize(models["vocab"])
        target.spans.append(
            Span(offset + span.start, offset + span.stop, span.text, label, span.normal or span.text, "ru")
        )
