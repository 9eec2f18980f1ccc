"""Settings passed explicitly; defaults live here and nowhere else."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = Path("elitewatch.db")

# 5 MB of text: the largest single article in our corpora is under 100 kB; a larger
# "document" is nearly always a dump that should be split before ingesting.
DEFAULT_MAX_CHARS = 5_000_000

# spaCy batch size for nlp.pipe: 16 articles keep memory flat and the 2 cores busy.
DEFAULT_BATCH_SIZE = 16


@dataclass(frozen=True)
class Settings:
    db_path: Path = field(default_factory=lambda: Path(os.environ.get("ELITEWATCH_DB", str(DEFAULT_DB))))
    max_chars: int = DEFAULT_MAX_CHARS
    batch_size: int = DEFAULT_BATCH_SIZE
    progress: bool = True
