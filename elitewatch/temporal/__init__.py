"""The temporal normalizer and the publication-date inference, usable without the rest of elitewatch."""

from elitewatch.temporal.normalize import TimeExpr, date_in_attribution, find_dates, normalize, parse_iso, scan
from elitewatch.temporal.published import Inferred, infer_published

VERSION = "1"  # part of every document's content hash: a new version re-analyses stored documents

__all__ = [
    "VERSION",
    "Inferred",
    "TimeExpr",
    "date_in_attribution",
    "find_dates",
    "infer_published",
    "normalize",
    "parse_iso",
    "scan",
]
