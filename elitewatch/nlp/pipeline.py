"""Routing of text blocks to the language models, and assembly of their output per document."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from elitewatch.ingest.language import detect_language
from elitewatch.model import Document, Parsed

PARAGRAPH = re.compile(r"[^\n]+")


@dataclass
class Block:
    start: int
    end: int
    language: str


def split_blocks(text: str, default: str = "en") -> list[Block]:
    """Consecutive paragraphs in one language form a block; blank lines belong to no block."""
    blocks: list[Block] = []
    for match in PARAGRAPH.finditer(text):
        paragraph = match.group()
        if not paragraph.strip():
            continue
        language = detect_language(paragraph, default=default)
        model_language = "en" if language == "en" else "ru"
        if blocks and blocks[-1].language == model_language:
            blocks[-1].end = match.end()
        else:
            blocks.append(Block(match.start(), match.end(), model_language))
    return blocks


def parse_documents(
    documents: Sequence[Document],
    *,
    batch_size: int = 16,
    on_done: Callable[[int], None] | None = None,
) -> list[Parsed]:
    """Parse every document; English blocks of all documents go through spaCy's nlp.pipe together."""
    from elitewatch.nlp import english, russian

    parsed = [Parsed(doc=document) for document in documents]
    english_jobs: list[tuple[int, Block]] = []
    for index, document in enumerate(documents):
        blocks = split_blocks(document.text, default=document.language or "en")
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
