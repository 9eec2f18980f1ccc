"""The NLP layer: documents in, language-neutral tokens, sentences and entity spans out.

English paragraphs go to spaCy (en_core_web_sm), Russian and Kazakh ones to natasha. A document
is cut into blocks of consecutive paragraphs in one language, so an English article with a
Russian photo caption gets both models where each belongs.
"""

from elitewatch.nlp.blocks import Block
from elitewatch.nlp.pipeline import parse_documents, split_blocks

__all__ = ["Block", "parse_documents", "split_blocks"]
