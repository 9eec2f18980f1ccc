"""Settings passed explicitly; defaults live here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB = Path("elitewatch.db")

# 5 MB of text: the largest single article in our corpora is under 100 kB; a larger
# "document" is nearly always a dump that should be split before ingesting.
DEFAULT_MAX_CHARS = 5_000_000

# spaCy batch size for nlp.pipe: 16 articles keep memory flat and the 2 cores busy.
DEFAULT_BATCH_SIZE = 16


@dataclass(frozen=True)
class Settings:
    max_chars: int = DEFAULT_MAX_CHARS
    batch_size: int = DEFAULT_BATCH_SIZE
