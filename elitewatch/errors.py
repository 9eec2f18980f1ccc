"""One error hierarchy for elitewatch.

    ElitewatchError
     ├── InputError        an input (file, record, URL) that cannot be read or is refused
     ├── StoreError        the database cannot be opened, migrated or written
     ├── NotFoundError     a name or id that matches nothing in the store
     ├── AccessError       a write refused: writing is off, or the token is missing or wrong
     ├── GoldFormatError   a gold or export file that does not follow FORMAT.md
     └── DataFileError     a data file of elitewatch/data that its loader cannot take (a key no field takes)

Every error carries the offending input so that the CLI can print one clear line.
"""

from __future__ import annotations


class ElitewatchError(Exception):
    """Base of every error elitewatch raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class InputError(ElitewatchError):
    """An input that cannot be read, decoded or parsed, or that is refused."""


class StoreError(ElitewatchError):
    """The database cannot be opened, migrated or written."""


class NotFoundError(ElitewatchError):
    """A name or id that matches nothing in the store."""


class AccessError(ElitewatchError):
    """A write refused: `off` when no token is set at all, else the token given is missing or wrong."""

    def __init__(self, message: str, *, off: bool, source: str | None = None) -> None:
        super().__init__(message, source=source)
        self.off = off


class GoldFormatError(ElitewatchError):
    """A gold or export file that does not follow gold/FORMAT.md."""


class DataFileError(ElitewatchError):
    """A data file of elitewatch/data (a lexicon) with a key no field takes, or lacking one a field needs."""


# How much of an unexpected error's message a refusal shows: the class and the start say what went wrong, and
# some libraries' messages (spaCy's) quote their whole input.
REASON_CHARS = 200


def internal_reason(stage: str, error: BaseException) -> str:
    """The refusal of one input that an unexpected error stopped at `stage` ("read", "parsed", "stored"): one
    line, so that the run can go on with the others and the user can report it."""
    message = " ".join(str(error).split())
    if len(message) > REASON_CHARS:
        message = message[: REASON_CHARS - 1] + "…"
    return f"could not be {stage} (internal error {error.__class__.__name__}: {message})"
