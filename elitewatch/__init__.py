"""elitewatch: who holds which office, who met whom, who said what, from English and Russian news.

The public surface is small: ingest documents into a store, then query it.
"""

from elitewatch.errors import AccessError, ElitewatchError, GoldFormatError, InputError, NotFoundError, StoreError

__version__ = "0.1.0"

__all__ = [
    "AccessError",
    "ElitewatchError",
    "GoldFormatError",
    "InputError",
    "NotFoundError",
    "StoreError",
    "__version__",
]
