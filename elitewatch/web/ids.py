"""Ids as a request gives them, refused here when no row can have them (not in the driver, which overflows)."""

from __future__ import annotations

from elitewatch.errors import NotFoundError

ROW_IDS = range(1, 2**63)  # what an SQLite rowid can be: a larger number overflows the driver


def row_id(number: int, missing: str) -> int:
    if number not in ROW_IDS:
        raise NotFoundError(missing, source=str(number))
    return number


def name_or_id(text: str) -> str:
    """A name, or an id that can be one: "²" (a digit to str.isdigit, not to int) and ids past SQLite's
    range are refused here, not in the driver."""
    if text.isdigit() and not (text.isascii() and len(text) < 20 and int(text) in ROW_IDS):
        raise NotFoundError("no entity with this id", source=text)
    return text
