"""One record per person and office in a document: "President Tokayev" joins "Kazakh President Tokayev"."""

from __future__ import annotations

import re

from elitewatch.datafiles import fold
from elitewatch.extract.positions.lexicon import any_language
from elitewatch.model import Position
from elitewatch.vocabulary.countries import country_of
from elitewatch.vocabulary.offices import key_words, office_head


def _key(position: Position) -> tuple[int, str]:
    words = key_words(position.role).split()
    return position.person, " ".join(w for w in words if w not in any_language("key_ignores"))


def merge(positions: list[Position], anchor: str | None = None) -> list[Position]:
    """One record per person and office in a document: "President Tokayev" joins "Kazakh President Tokayev"."""
    merged: list[Position] = []
    for position in sorted(positions, key=lambda p: (p.org is None and p.org_text is None, p.evidence_start)):
        same = next((m for m in merged if _same_office(m, position)), None)
        if same is None:
            merged.append(position)
            continue
        if len(office_head(position.role)) > len(office_head(same.role)):
            _take_wording(same, position)  # "CSTO Secretary General", not "CTSO secretary"
        same.start = same.start or position.start
        same.end = same.end or position.end
        if position.as_of and (not same.as_of or same.as_of == anchor):  # a date the text gives beats the default
            same.as_of = position.as_of
        same.ended = same.ended or position.ended
    return sorted(merged, key=lambda p: p.evidence_start)


def _take_wording(same: Position, position: Position) -> None:
    """The merged record keeps the fuller wording of the office, with its own sentence and evidence."""
    same.role = position.role
    same.sentence_start, same.sentence_end = position.sentence_start, position.sentence_end
    same.evidence_start, same.evidence_end = position.evidence_start, position.evidence_end


def _ranked_below(longer: str, shorter: str) -> bool:
    """Is the longer office the shorter one with a rank word before it ("deputy prime minister", "vice-president")?"""
    if longer == shorter or not longer.endswith(shorter):
        return False
    words = re.split(r"[\s-]+", longer[: -len(shorter)].strip(" -"))
    return bool(words) and all(word in any_language("ranks") for word in words)


def _same_office(a: Position, b: Position) -> bool:
    if a.person != b.person:
        return False
    role_a, role_b = _key(a)[1], _key(b)[1]
    head_a, head_b = office_head(a.role), office_head(b.role)
    # "CSTO secretary" is the "CSTO Secretary General" when the organization is the same one
    shortened = a.org is not None and a.org == b.org and (head_a.startswith(head_b) or head_b.startswith(head_a))
    if not (role_b in role_a or role_a in role_b or head_a == head_b or shortened):
        return False
    if _ranked_below(head_a, head_b) or _ranked_below(head_b, head_a):
        return False  # "Deputy Prime Minister" is not the "prime minister" (nor "headed the government")
    if b.org is None and b.org_text is None:
        return True
    if a.org is not None and a.org == b.org:
        return True
    country = country_of(a.org_text)
    if country is None or country != country_of(b.org_text):
        return False
    # "President of Kazakhstan" is the "Kazakh President"; the akim of Almaty is not the akim of Astana
    return fold(a.org_text or "") == fold(b.org_text or "") or fold(country) in (
        fold(a.org_text or ""),
        fold(b.org_text or ""),
    )
