"""The matching rules of gold/FORMAT.md, for quotes, entities and publication dates.

Kinds this version does not produce yet (positions, events) are scored too, so that a gold
file's full picture is visible: they show recall 0 until their extractors land.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from elitewatch.errors import GoldFormatError

WORD = re.compile(r"\w+")
QUOTE_SHARE = 0.6  # FORMAT.md: the gold words are at least 60 % present in the exported text
LENGTH_RATIO = 3.0  # FORMAT.md: the exported text may not be more than about three times longer
CLAIM_SHARE = 0.5  # FORMAT.md: for a claim, at least 50 %


@dataclass
class KindScore:
    gold: int = 0
    exported: int = 0
    matched: int = 0
    matched_optional: int = 0
    dates_right: int = 0
    dates_scored: int = 0

    @property
    def precision(self) -> float:
        counted = self.exported - self.matched_optional
        return self.matched / counted if counted > 0 else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float | None:
        return self.dates_right / self.dates_scored if self.dates_scored else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "exported": self.exported,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "date_accuracy": None if self.date_accuracy is None else round(self.date_accuracy, 4),
        }


@dataclass
class Scores:
    kinds: dict[str, KindScore] = field(default_factory=dict)
    entity_merge: KindScore = field(default_factory=KindScore)
    type_accuracy: float | None = None
    published_right: int = 0
    published_scored: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            **{kind: s.as_dict() for kind, s in self.kinds.items()},
            "entity_merge": {
                "precision": round(self.entity_merge.precision, 4),
                "recall": round(self.entity_merge.recall, 4),
                "f1": round(self.entity_merge.f1, 4),
                "type_accuracy": None if self.type_accuracy is None else round(self.type_accuracy, 4),
            },
            "published": {
                "right": self.published_right,
                "scored": self.published_scored,
                "accuracy": round(self.published_right / self.published_scored, 4) if self.published_scored else None,
            },
        }


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise GoldFormatError(f"cannot read ({error.strerror})", source=str(path)) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise GoldFormatError(f"line {number} is not JSON", source=str(path)) from None
        if not isinstance(record, dict) or "kind" not in record:
            raise GoldFormatError(f"line {number} has no kind", source=str(path))
        records.append(record)
    return records


def norm_name(name: str) -> str:
    name = name.casefold().replace("’", "'").strip()
    name = re.sub(r"'s?$", "", name)
    name = re.sub(r"^the\s+", "", name)
    return " ".join(sorted(name.split()))


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


class Names:
    """Name sets for gold names and exported entity ids."""

    def __init__(self, gold: list[dict[str, Any]], export: list[dict[str, Any]]) -> None:
        self.gold: dict[str, set[str]] = {}
        for record in gold:
            if record["kind"] == "entity":
                names = {norm_name(record["name"]), *(norm_name(a) for a in record.get("aliases", []))}
                for name in names:
                    self.gold.setdefault(name, set()).update(names)
        self.export: dict[Any, set[str]] = {}
        for record in export:
            if record["kind"] == "entity":
                self.export[record["id"]] = {
                    norm_name(record["name"]),
                    *(norm_name(a) for a in record.get("aliases", [])),
                }

    def exported(self, ref: Any) -> set[str]:
        if ref in self.export:
            return self.export[ref]
        return {norm_name(str(ref))} if ref is not None else set()

    def same(self, gold_name: str, ref: Any, *, loose: bool = False) -> bool:
        if gold_name == "*":
            return True
        exported = self.exported(ref)
        if loose:
            last = words(gold_name)[-1:] or [""]
            return any(last[0] in name.split() for name in exported)
        wanted = self.gold.get(norm_name(gold_name), {norm_name(gold_name)})
        return bool(wanted & exported)


def keyword_found(keyword: str, text: str) -> bool:
    """FORMAT.md: each word of the keyword, less its last two letters if longer than four, begins a word.

    FORMAT.md's own example ("мэра" finds "мэр") trims a four-letter word too, so four counts.
    """
    targets = words(text)
    for word in words(keyword):
        stem = word[:-2] if len(word) >= 4 else word
        if not any(t.startswith(stem) for t in targets):
            return False
    return True


def words_present(gold_text: str, exported_text: str, share: float) -> bool:
    """FORMAT.md: the gold words at least `share` present in an exported text not three times longer."""
    gold_words = words(gold_text)
    export_words = words(exported_text)
    if not gold_words or len(export_words) > LENGTH_RATIO * len(gold_words) + 2:
        return False
    present = set(export_words)
    return sum(w in present for w in gold_words) / len(gold_words) >= share


def quote_matches(gold: dict[str, Any], exported: dict[str, Any], names: Names) -> bool:
    if not names.same(gold["speaker"], exported.get("speaker"), loose=bool(gold.get("loose"))):
        return False
    return words_present(gold["text"], exported.get("text", ""), QUOTE_SHARE)


def position_matches(gold: dict[str, Any], exported: dict[str, Any], names: Names) -> bool:
    if not names.same(gold["person"], exported.get("person")):
        return False
    role = str(exported.get("role") or "")
    if not any(keyword_found(k, role) for k in gold.get("role") or [] if k):
        return False
    if gold.get("org"):
        org_names = " ".join(names.exported(exported.get("org"))) + " " + role
        return any(keyword_found(k, org_names) for k in gold["org"])
    return True


def event_matches(gold: dict[str, Any], exported: dict[str, Any], names: Names) -> bool:
    if gold["type"] != exported.get("type"):
        return False
    exported_participants = exported.get("participants") or []
    for participant in gold.get("participants") or []:
        if not any(names.same(participant, ref) for ref in exported_participants):
            return False
    gold_date, export_date = gold.get("date"), exported.get("date")
    return not (
        gold_date and export_date and not (export_date.startswith(gold_date) or gold_date.startswith(export_date))
    )


def claim_matches(gold: dict[str, Any], exported: dict[str, Any], names: Names) -> bool:
    """FORMAT.md: same source, and the gold words at least half present in an export not three times longer."""
    if not names.same(gold["source"] or "*", exported.get("source"), loose=bool(gold.get("loose"))):
        return False
    return words_present(gold["text"], exported.get("text", ""), CLAIM_SHARE)


MATCHERS = {"quote": quote_matches, "claim": claim_matches, "position": position_matches, "event": event_matches}
DATE_FIELDS = {
    "quote": ("said_on",),
    "claim": ("said_on",),
    "position": ("start", "end", "as_of"),
    "event": ("date",),
}


def _score_kind(
    kind: str,
    gold: list[dict[str, Any]],
    export: list[dict[str, Any]],
    names: Names,
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] | None = None,
) -> KindScore:
    """The kind's figures; `pairs`, when given, receives each (gold, exported) match, optional gold included."""
    result = KindScore()
    by_doc_export: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in export:
        by_doc_export[record.get("doc", "")].append(record)
    docs = {r.get("doc") for r in gold}
    result.exported = sum(len(by_doc_export[d]) for d in docs if d is not None)
    matcher = MATCHERS[kind]
    # Required records claim their matches first, then optional ones may absorb extra exports.
    for optional in (False, True):
        for record in gold:
            if bool(record.get("optional")) != optional:
                continue
            if not optional:
                result.gold += 1
            candidates = by_doc_export[record.get("doc", "")]
            for index, exported in enumerate(candidates):
                if matcher(record, exported, names):
                    candidates.pop(index)
                    if pairs is not None:
                        pairs.append((record, exported))
                    if optional:
                        result.matched_optional += 1
                    else:
                        result.matched += 1
                        _score_dates(kind, record, exported, result)
                    break
    return result


def _score_dates(kind: str, gold: dict[str, Any], exported: dict[str, Any], result: KindScore) -> None:
    for name in DATE_FIELDS[kind]:
        wanted = gold.get(name)
        if wanted is None:
            continue
        result.dates_scored += 1
        got = exported.get(name)
        if isinstance(got, str) and got.startswith(str(wanted)):
            result.dates_right += 1


def _score_entities(gold: list[dict[str, Any]], export: list[dict[str, Any]], texts: str, scores: Scores) -> None:
    folded_text = texts.casefold().replace("’", "'")
    gold_entities = [r for r in gold if r["kind"] == "entity"]
    alias_owner: dict[str, int] = {}
    for number, record in enumerate(gold_entities):
        for alias in {record["name"], *record.get("aliases", [])}:
            if alias.casefold().replace("’", "'") in folded_text:
                alias_owner.setdefault(norm_name(alias), number)
    exported_by_alias: dict[str, set[Any]] = defaultdict(set)
    exported_entities = [r for r in export if r["kind"] == "entity"]
    for record in exported_entities:
        for alias in {record["name"], *record.get("aliases", [])}:
            exported_by_alias[norm_name(alias)].add(record["id"])
    merge = scores.entity_merge
    for a, b in combinations(sorted(alias_owner), 2):
        same_gold = alias_owner[a] == alias_owner[b]
        same_export = bool(exported_by_alias.get(a, set()) & exported_by_alias.get(b, set()))
        merge.gold += same_gold
        merge.exported += same_export
        merge.matched += same_gold and same_export
    typed = right = 0
    for record in exported_entities:
        owners = {alias_owner.get(norm_name(a)) for a in {record["name"], *record.get("aliases", [])}}
        owners.discard(None)
        if len(owners) == 1:
            typed += 1
            owner = gold_entities[owners.pop()]  # type: ignore[index]
            right += record["type"] == owner["type"]
    scores.type_accuracy = right / typed if typed else None


def score(gold: list[dict[str, Any]], export: list[dict[str, Any]], texts: Iterable[str] = ()) -> Scores:
    scores = Scores()
    names = Names(gold, export)
    for kind in ("quote", "claim", "position", "event"):
        gold_kind = [r for r in gold if r["kind"] == kind]
        if gold_kind:
            scores.kinds[kind] = _score_kind(kind, gold_kind, [r for r in export if r["kind"] == kind], names)
    _score_entities(gold, export, "\n".join(texts), scores)
    published = {r["doc"]: r.get("published") for r in export if r["kind"] == "document"}
    for record in gold:
        if record["kind"] == "document" and record.get("published_min"):
            scores.published_scored += 1
            got = published.get(record["doc"])
            if got and record["published_min"] <= got[:10] <= record.get("published_max", got[:10]):
                scores.published_right += 1
    return scores


@dataclass
class Outcome:
    """One exported record of a document the gold describes, and the gold record it matched (None: it counts
    against precision; an optional gold record: it counts neither way)."""

    exported: dict[str, Any]
    gold: dict[str, Any] | None

    @property
    def verdict(self) -> str:
        """ "tp", "fp" or "optional", as `score` counts it."""
        if self.gold is None:
            return "fp"
        return "optional" if self.gold.get("optional") else "tp"


def outcomes(gold: list[dict[str, Any]], export: list[dict[str, Any]]) -> dict[str, list[Outcome]]:
    """Per kind the gold scores, every exported record of the gold's documents with what it matched: the same
    matching as `score`, record by record (for an ablation of the rules that made them)."""
    names = Names(gold, export)
    found: dict[str, list[Outcome]] = {}
    for kind in MATCHERS:
        gold_kind = [r for r in gold if r["kind"] == kind]
        if not gold_kind:
            continue
        exported = [r for r in export if r["kind"] == kind]
        pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
        _score_kind(kind, gold_kind, exported, names, pairs)
        matched = {id(record): match for match, record in pairs}
        docs = {r.get("doc") for r in gold_kind}
        found[kind] = [Outcome(r, matched.get(id(r))) for r in exported if r.get("doc") in docs]
    return found
