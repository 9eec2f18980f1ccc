"""Name matching across scripts, measured on English-Russian name pairs (../shared/dev/translit).

Each line holds a Latin name part, its Russian spelling letter by letter, and a count. A fixed fifth of the
pairs (by a hash of the Latin side) is held out: the tables in data/translit were tuned on the rest, and the
figures reported are on that fifth. True pairs must match; random pairings of the held-out names (a Latin
name with the Russian name of another pair) must not.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from pathlib import Path

from elitewatch.errors import GoldFormatError
from elitewatch.vocabulary.names import same_part

HELD_OUT = 5  # one pair in five
NEGATIVES_SEED = 20261122


@dataclass(frozen=True)
class TranslitScore:
    pairs: int
    recall: float  # true pairs that match
    negatives: int
    false_match_rate: float  # random non-pairs that match

    def as_dict(self) -> dict[str, float | int]:
        return {
            "pairs": self.pairs,
            "recall": round(self.recall, 4),
            "negatives": self.negatives,
            "false_match_rate": round(self.false_match_rate, 4),
        }


def load_pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise GoldFormatError(f"cannot read the name pairs ({error})", source=str(path)) from None
    for number, line in enumerate(lines, start=1):
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0] or not fields[1]:
            raise GoldFormatError(f"line {number} is not 'latin<TAB>к и р и л л и ц а'", source=str(path))
        pairs.append((fields[0], fields[1].replace(" ", "")))
    return pairs


def held_out(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [pair for pair in pairs if zlib.crc32(pair[0].encode("utf-8")) % HELD_OUT == 0]


def score_translit(pairs: list[tuple[str, str]], negatives: int = 20_000) -> TranslitScore:
    """Recall of the true pairs and the false-match rate of random non-pairs, on the pairs given."""
    if not pairs:
        return TranslitScore(0, 0.0, 0, 0.0)
    matched = sum(same_part(latin, cyrillic) for latin, cyrillic in pairs)
    rng = random.Random(NEGATIVES_SEED)
    spelled = {(latin, cyrillic) for latin, cyrillic in pairs}
    false = tried = 0
    while tried < negatives and len(pairs) > 1:
        latin, cyrillic = rng.choice(pairs)[0], rng.choice(pairs)[1]
        if (latin, cyrillic) in spelled:
            continue
        tried += 1
        false += same_part(latin, cyrillic)
    return TranslitScore(len(pairs), matched / len(pairs), tried, false / tried if tried else 0.0)
