"""Document metadata from front matter, sidecar files and records, cleaned to strings.

A publication date is kept only when it is a real date in ISO form; anything else is left out with a warning,
and the pipeline then infers the date from the text, as for a document without one.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from elitewatch.errors import InputError
from elitewatch.ingest.encoding import UTF8_BOM
from elitewatch.ingest.files import open_regular, printable, read_at_most

METADATA_FIELDS = ("id", "title", "url", "outlet", "author", "published")
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_MAX_BYTES = 1_000_000  # metadata of one article: a few hundred bytes; a megabyte is not a sidecar
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)
_ISO_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_date(value: str) -> str | None:
    """The date a publication date names, or None if it names none.

    Accepted: YYYY, YYYY-MM and YYYY-MM-DD of a real date (years 1 to 9999; a one-digit month or day, which
    YAML reads as a date too, is padded: 2024-1-5 is 2024-01-05), and full ISO datetimes
    ("2024-02-05T10:30:00+03:00", "…Z", a space for the T), which give their date as written: the day the
    outlet printed, not the day in UTC. Everything else ("2024-13-45", "yesterday", "99999-01-01",
    "05.02.2024") names no date: the text is a better witness than a guess at what was meant."""
    value = value.strip()
    if len(value) > 10 and value[10] in "T " and _ISO_DAY.fullmatch(value[:10]):
        try:
            return datetime.fromisoformat(value).date().isoformat()
        except ValueError:
            return None
    match = _ISO_DATE.fullmatch(value)
    if not match:
        return None
    parts = [int(part) for part in match.groups() if part]
    try:
        date(*parts, *[1] * (3 - len(parts)))
    except ValueError:
        return None
    return "-".join([f"{parts[0]:04d}", *(f"{part:02d}" for part in parts[1:])])


def not_a_date(value: str) -> str:
    """The warning for a publication date left out."""
    shown = value if len(value) <= 40 else value[:40] + "…"
    return f"publication date {printable(shown)!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD): left out"


def clean_metadata(meta: dict[str, Any]) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    for key in METADATA_FIELDS:
        value = meta.get(key)
        if value is None or value == "":
            continue
        cleaned[key] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return cleaned


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML that leaves dates as the strings they were written as: the metadata checks them, where YAML would
    refuse the whole front matter for `published: 2024-13-45`."""


_FrontMatterLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node),  # type: ignore[arg-type]
)


def split_front_matter(text: str, source: str) -> tuple[dict[str, str], str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.load(match.group(1), Loader=_FrontMatterLoader)  # a SafeLoader: no Python objects
    except (yaml.YAMLError, ValueError, TypeError) as error:
        raise InputError(f"front matter is not valid YAML ({error.__class__.__name__})", source=source) from None
    if not isinstance(meta, dict):
        return {}, text
    # Blank out the front matter rather than cutting it, so offsets still point into the file.
    return clean_metadata(meta), " " * match.end() + text[match.end() :]


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> dict[str, str]:
    """The metadata of `NAME.meta.json` beside the file, {} when there is none. A sidecar that is not a
    regular file, is too large, or is not a JSON object is refused (InputError), and with it its document:
    metadata the user wrote is not dropped in silence."""
    sidecar = sidecar_path(path)
    if not sidecar.is_symlink() and not sidecar.exists():
        return {}
    name = printable(sidecar.name)
    try:
        stream, _ = open_regular(sidecar, name)
    except InputError as error:
        raise InputError(f"sidecar {name}: {error.message}", source=error.source) from None
    with stream:
        data = read_at_most(stream, SIDECAR_MAX_BYTES)
    if data is None:
        raise InputError(f"sidecar {name} is larger than {SIDECAR_MAX_BYTES:,} bytes", source=name)
    try:
        meta = json.loads(data.removeprefix(UTF8_BOM).decode("utf-8"))
    except ValueError as error:
        raise InputError(f"sidecar {name} is not valid JSON ({error})", source=name) from None
    if not isinstance(meta, dict):
        raise InputError(f"sidecar {name} is not a JSON object (it holds {_json_kind(meta)})", source=name)
    return clean_metadata(meta)


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    return "a boolean" if isinstance(value, bool) else "a number"
