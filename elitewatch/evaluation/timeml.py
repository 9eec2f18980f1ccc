"""The temporal normalizer measured on TimeML documents (`.tml`, ../shared/dev/timeml), by TempEval-3's rules.

Each document's creation time (the TIMEX3 with functionInDocument="CREATION_TIME") is the anchor; the text of
its TEXT element, tags stripped, is normalized, and every TIMEX3 inside TEXT is a gold expression. Gold and
found expressions are paired one to one, spans overlapping (relaxed matching), the largest overlap first. Then:

- detection: pairs over found (precision) and over gold (recall);
- value accuracy: pairs whose values are equal, over pairs;
- value F1: pairs with equal values over found and over gold.

Values are compared as written, except a week's number, which the gold writes with or without its leading
zero ("2000-W7", "1998-W08"): the same week either way.

Figures are given per TimeML type (DATE, TIME, DURATION, SET), for DATE and TIME together and overall; a
pair counts for the precision of its found expression's type and for the recall of its gold expression's.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from elitewatch.errors import GoldFormatError
from elitewatch.temporal import Timex, timexes

TYPES = ("DATE", "TIME", "DURATION", "SET")
GROUPS: dict[str, tuple[str, ...]] = {
    **{t: (t,) for t in TYPES},
    "DATE+TIME": ("DATE", "TIME"),
    "all": TYPES,
}


@dataclass(frozen=True)
class TmlDocument:
    name: str
    anchor: str | None  # the creation time's day, YYYY-MM-DD
    text: str  # TEXT's content, tags stripped
    gold: tuple[Timex, ...]


def load_tml(path: Path) -> TmlDocument:
    """A TimeML file's creation time, its TEXT as plain text and the TIMEX3 spans in it (offsets into that text)."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise GoldFormatError(f"not a TimeML file ({error})", source=str(path)) from None
    anchor = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            anchor = (timex.get("value") or "")[:10] or None
            break
    body = root.find("TEXT")
    if body is None:
        raise GoldFormatError("no TEXT element", source=str(path))
    pieces: list[str] = []
    gold: list[Timex] = []
    _flatten(body, pieces, gold, 0)
    return TmlDocument(path.stem, anchor, "".join(pieces), tuple(gold))


def _flatten(element: ET.Element, pieces: list[str], gold: list[Timex], offset: int) -> int:
    """Append the element's text to pieces, recording each TIMEX3's span; the offset after it."""
    start = offset
    if element.text:
        pieces.append(element.text)
        offset += len(element.text)
    for child in element:
        offset = _flatten(child, pieces, gold, offset)
        if child.tail:
            pieces.append(child.tail)
            offset += len(child.tail)
    if element.tag == "TIMEX3" and element.get("functionInDocument") != "CREATION_TIME":
        text = "".join(element.itertext())
        gold.append(Timex(start, offset, element.get("type") or "DATE", element.get("value") or "", text))
    return offset


def load_folder(folder: Path) -> list[TmlDocument]:
    paths = sorted(folder.glob("*.tml")) if folder.is_dir() else []
    if not paths:
        raise GoldFormatError("no .tml files", source=str(folder))
    return [load_tml(path) for path in paths]


def found(document: TmlDocument) -> list[Timex]:
    """The normalizer's TimeML expressions for the document's text."""
    return timexes(document.text, anchor=document.anchor)


WEEK = re.compile(r"-W0(\d)\b")


def same_value(gold: str, found: str) -> bool:
    return gold == found or WEEK.sub(r"-W\1", gold) == WEEK.sub(r"-W\1", found)


def pair(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping spans, the largest overlaps first."""
    candidates = [
        (min(g.end, s.end) - max(g.start, s.start), i, j)
        for i, g in enumerate(gold)
        for j, s in enumerate(system)
        if g.start < s.end and s.start < g.end
    ]
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i in used_gold or j in used_system:
            continue
        used_gold.add(i)
        used_system.add(j)
        pairs.append((gold[i], system[j]))
    return sorted(pairs, key=lambda p: p[0].start)


@dataclass
class Counts:
    gold: int = 0
    found: int = 0
    detected_gold: int = 0  # gold expressions paired
    detected_found: int = 0  # found expressions paired
    right_gold: int = 0  # paired with an equal value, counted by the gold type
    right_found: int = 0  # the same, counted by the found type

    def as_dict(self) -> dict[str, float | int]:
        precision = _ratio(self.detected_found, self.found)
        recall = _ratio(self.detected_gold, self.gold)
        value_precision = _ratio(self.right_found, self.found)
        value_recall = _ratio(self.right_gold, self.gold)
        return {
            "gold": self.gold,
            "found": self.found,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(_f1(precision, recall), 4),
            "value_accuracy": round(_ratio(self.right_gold, self.detected_gold), 4),
            "value_precision": round(value_precision, 4),
            "value_recall": round(value_recall, 4),
            "value_f1": round(_f1(value_precision, value_recall), 4),
        }


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class TimemlScores:
    documents: int = 0
    groups: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in GROUPS})

    def add(self, gold: Iterable[Timex], system: Iterable[Timex]) -> None:
        gold, system = list(gold), list(system)
        self.documents += 1
        pairs = pair(gold, system)
        for name, types in GROUPS.items():
            counts = self.groups[name]
            counts.gold += sum(g.type in types for g in gold)
            counts.found += sum(s.type in types for s in system)
            for g, s in pairs:
                right = same_value(g.value, s.value)
                counts.detected_gold += g.type in types
                counts.detected_found += s.type in types
                counts.right_gold += right and g.type in types
                counts.right_found += right and s.type in types

    def as_dict(self) -> dict[str, object]:
        return {"documents": self.documents, **{name: c.as_dict() for name, c in self.groups.items()}}


def score_documents(documents: Iterable[TmlDocument]) -> TimemlScores:
    scores = TimemlScores()
    for document in documents:
        scores.add(document.gold, found(document))
    return scores


def errors(documents: Iterable[TmlDocument]) -> Iterator[tuple[str, Timex | None, Timex | None]]:
    """Every miss, for reading what fails: (document, gold or None, found or None) for each unpaired
    expression and each pair whose values differ."""
    for document in documents:
        gold, system = list(document.gold), found(document)
        pairs = pair(gold, system)
        paired_gold = {id(g) for g, _ in pairs}
        paired_system = {id(s) for _, s in pairs}
        for g, s in pairs:
            if not same_value(g.value, s.value):
                yield document.name, g, s
        for g in gold:
            if id(g) not in paired_gold:
                yield document.name, g, None
        for s in system:
            if id(s) not in paired_system:
                yield document.name, None, s
