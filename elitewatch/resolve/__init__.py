"""Entity resolution: name keys that survive spelling and script, and linking across documents."""

from elitewatch.resolve.names import name_key, surname_key, token_keys

__all__ = ["name_key", "surname_key", "token_keys"]
