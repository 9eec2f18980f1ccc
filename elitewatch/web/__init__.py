"""The web UI and HTTP API (FastAPI): server-rendered pages, each with a JSON twin at the same path + .json."""
