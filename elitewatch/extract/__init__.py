"""Extractors: each reads a Parsed document and the entities found so far, and adds its facts."""

from elitewatch.extract.dating import date_positions, date_quotes
from elitewatch.extract.entities import extract_entities
from elitewatch.extract.events import extract_events
from elitewatch.extract.positions import extract_positions
from elitewatch.extract.quotes import extract_quotes

__all__ = ["date_positions", "date_quotes", "extract_entities", "extract_events", "extract_positions", "extract_quotes"]
