"""Reading articles from files, folders and standard input into Documents."""

from elitewatch.ingest.language import detect_language
from elitewatch.ingest.readers import SUPPORTED_SUFFIXES, InputStream, ReadResult, read_inputs

__all__ = ["SUPPORTED_SUFFIXES", "InputStream", "ReadResult", "detect_language", "read_inputs"]
