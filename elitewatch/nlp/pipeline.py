"""Routing of text blocks to the language models, and assembly of their output per document."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from elitewatch.ingest.language import language_of, letter_counts
from elitewatch.model import Document, Parsed

PARAGRAPH = re.compile(r"[^\n]+")


@dataclass
class Block:
    start: int
    end: int
    language: str


def split_blocks(text: str, default: str = "en") -> list[Block]:
    """Consecutive paragraphs in one language form a block; blank lines belong to no block."""
    return blocks_of(paragraphs(text), default)


def paragraphs(text: str) -> list[tuple[int, int, tuple[int, int, int]]]:
    """Each paragraph with words: its start, end and letter counts."""
    found = []
    for match in PARAGRAPH.finditer(text):
        if match.group().strip():
            found.append((match.start(), match.end(), letter_counts(match.group())))
    return found


def blocks_of(paragraphs: list[tuple[int, int, tuple[int, int, int]]], default: str) -> list[Block]:
    blocks: list[Block] = []
    for start, end, counts in paragraphs:
        model_language = "en" if language_of(counts, default=default) == "en" else "ru"
        if blocks and blocks[-1].language == model_language:
            blocks[-1].end = end
        else:
            blocks.append(Block(start, end, model_language))
    return blocks


def document_language(found: list[tuple[int, int, tuple[int, int, int]]]) -> str:
    """The language of the whole text from the letters of its paragraphs (every letter is in one)."""
    latin = sum(counts[0] for _, _, counts in found)
    cyrillic = sum(counts[1] for _, _, counts in found)
    kazakh = sum(counts[2] for _, _, counts in found)
    return language_of((latin, cyrillic, kazakh))


def parse_documents(
    documents: Sequence[Document],
    *,
    batch_size: int = 16,
    on_done: Callable[[int], None] | None = None,
) -> list[Parsed]:
    """Parse every document (and set its language from its letters); English blocks of all documents go
    through spaCy's nlp.pipe together."""
    from elitewatch.nlp import english, russian

    parsed = [Parsed(doc=document) for document in documents]
    english_jobs: list[tuple[int, Block]] = []
    for index, document in enumerate(documents):
        found = paragraphs(document.text)
        document.language = document_language(found)
        blocks = blocks_of(found, default=document.language)
        for block in blocks:
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
