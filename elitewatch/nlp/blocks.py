"""A block: a stretch of a document in one language, the unit a language model parses. Below the models
(english.py, russian.py) and the routing that cuts a text into blocks (pipeline.py), which all use it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Block:
    start: int
    end: int
    language: str
