"""Routing of text blocks to the language models, and assembly of their output per document."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence

from elitewatch.ingest.language import ANALYSED, OTHER_SCRIPT, language_of, letter_counts, script_label
from elitewatch.model import Document, Parsed
from elitewatch.nlp import english, russian
from elitewatch.nlp.blocks import Block

PARAGRAPH = re.compile(r"[^\n]+")

# The longest stretch of text given to a model at once. spaCy refuses a text over nlp.max_length (1,000,000
# characters) and its parser and NER need about 1 GB of temporary memory per 100,000 characters (spaCy's
# documentation of max_length); natasha's memory grows the same way. The longest article of the dev corpora is
# under 100,000 characters, so only dumps and books are cut: between paragraphs, else sentences, else words.
MAX_PIECE = 100_000


def split_blocks(text: str, default: str = "en") -> list[Block]:
    """Consecutive paragraphs in one language form a block; blank lines belong to no block."""
    return blocks_of(paragraphs(text), default)


Counts = tuple[int, int, int, int]  # letters of a paragraph: Latin, Cyrillic, Kazakh-only, other scripts


def paragraphs(text: str) -> list[tuple[int, int, Counts]]:
    """Each paragraph with words: its start, end and letter counts."""
    found = []
    for match in PARAGRAPH.finditer(text):
        if match.group().strip():
            found.append((match.start(), match.end(), letter_counts(match.group())))
    return found


def blocks_of(paragraphs: list[tuple[int, int, Counts]], default: str) -> list[Block]:
    """Paragraphs mostly in a script no model reads belong to no block: they are stored, not analysed."""
    blocks: list[Block] = []
    for start, end, counts in paragraphs:
        language = language_of(counts, default=default)
        if language == OTHER_SCRIPT:
            continue
        model_language = "en" if language == "en" else "ru"
        if blocks and blocks[-1].language == model_language:
            blocks[-1].end = end
        else:
            blocks.append(Block(start, end, model_language))
    return blocks


def pieces(text: str, block: Block) -> Iterator[Block]:
    """`block` in consecutive pieces of at most MAX_PIECE characters, each cut as late as it can be at the end of
    a paragraph, else of a sentence, else of a word (in the second half of the piece), else anywhere."""
    limit, start = MAX_PIECE, block.start
    while block.end - start > limit:
        cut = _cut(text, start + limit // 2, start + limit)
        yield Block(start, cut, block.language)
        start = cut
    yield Block(start, block.end, block.language)


def _cut(text: str, earliest: int, latest: int) -> int:
    for mark in ("\n", ". ", " "):
        at = text.rfind(mark, earliest, latest - len(mark) + 1)
        if at >= 0:
            return at + len(mark)
    return latest


def document_language(text: str, found: list[tuple[int, int, Counts]]) -> str:
    """The language of the whole text from the letters of its paragraphs (every letter is in one); a text
    mostly in a script no model reads is labelled with that script's language (zh, ar, ka, …)."""
    latin, cyrillic, kazakh, other = (sum(counts[n] for _, _, counts in found) for n in range(4))
    language = language_of((latin, cyrillic, kazakh, other))
    return script_label(text) if language == OTHER_SCRIPT else language


def parse_documents(
    documents: Sequence[Document],
    *,
    batch_size: int = 16,
    on_done: Callable[[int], None] | None = None,
) -> list[Parsed]:
    """Parse every document, its language told by its letters; English blocks of all documents go through
    spaCy's nlp.pipe together."""
    parsed = [Parsed(doc=document) for document in documents]
    english_jobs: list[tuple[int, Block]] = []
    for index, document in enumerate(documents):
        found = paragraphs(document.text)
        language = parsed[index].language = document_language(document.text, found)
        # in a text of another script, paragraphs without letters (figures, dates) go to no model either
        blocks = blocks_of(found, default=language if language in ANALYSED else OTHER_SCRIPT)
        for block in (piece for whole in blocks for piece in pieces(document.text, whole)):
            parsed[index].languages[block.language] = (
                parsed[index].languages.get(block.language, 0) + block.end - block.start
            )
            if block.language == "en":
                english_jobs.append((index, block))
            else:
                russian.parse_block(parsed[index], block)
    english.parse_blocks(parsed, english_jobs, batch_size=batch_size, on_done=on_done)
    for item in parsed:
        item.tokens.sort(key=lambda token: token.start)
        item.sentences.sort(key=lambda sentence: sentence.start)
        item.spans.sort(key=lambda span: span.start)
        _renumber(item)
    return parsed


def _renumber(parsed: Parsed) -> None:
    """Give tokens document-wide indexes and sentence numbers after blocks were merged."""
    old_to_new = {id(token): i for i, token in enumerate(parsed.tokens)}
    by_old_index: dict[tuple[int, int], int] = {}
    for token in parsed.tokens:
        by_old_index[(token.sent, token.i)] = old_to_new[id(token)]
    for token in parsed.tokens:
        token.head = by_old_index.get((token.sent, token.head), old_to_new[id(token)])
    sentence_of = {s.start: n for n, s in enumerate(parsed.sentences)}
    starts = sorted(sentence_of)
    for new_index, token in enumerate(parsed.tokens):
        token.i = new_index
        position = bisect.bisect_right(starts, token.start) - 1
        token.sent = sentence_of[starts[position]] if position >= 0 else 0
