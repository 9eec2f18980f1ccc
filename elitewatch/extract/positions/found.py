"""A construction found to state an office: whose, the role phrase, which construction, the verb of service."""

from __future__ import annotations

from dataclasses import dataclass

from elitewatch.extract.positions.phrases import Phrase
from elitewatch.model import Token


@dataclass
class Found:
    person: int
    phrase: Phrase
    pattern: str
    trigger: Token | None = None  # a verb of service, for the dates
