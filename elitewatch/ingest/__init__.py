"""Reading articles from files, folders and standard input into Documents."""

from elitewatch.ingest.language import detect_language
from elitewatch.ingest.readers import SUPPORTED_SUFFIXES, ReadResult, read_inputs

__all__ = ["SUPPORTED_SUFFIXES", "ReadResult", "detect_language", "read_inputs"]
