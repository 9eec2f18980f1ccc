"""The temporal normalizer and the publication-date inference, usable without the rest of elitewatch."""

from elitewatch.temporal.arithmetic import parse_iso
from elitewatch.temporal.expressions import TimeExpr
from elitewatch.temporal.find import date_in_attribution, find_dates, timexes
from elitewatch.temporal.normalize import normalize
from elitewatch.temporal.published import Inferred, infer_published
from elitewatch.temporal.scan import scan
from elitewatch.temporal.timeml import Timex

VERSION = "2"  # part of every document's content hash: a new version re-analyses stored documents

__all__ = [
    "VERSION",
    "Inferred",
    "TimeExpr",
    "Timex",
    "date_in_attribution",
    "find_dates",
    "infer_published",
    "normalize",
    "parse_iso",
    "scan",
    "timexes",
]
