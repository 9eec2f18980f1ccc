"""Headers every response carries, pages the content security policy does not break, and a server that
only reads."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import elitewatch.web.deps as deps
from elitewatch.web.app import HERE, create_app

HTML = {"accept": "text/html"}
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(examples_store: Path) -> TestClient:
    return TestClient(create_app(examples_store, token=TOKEN))


def _pages(client: TestClient) -> list[str]:
    corpus = client.get("/index.json").json()
    person, document = corpus["most_mentioned"][0]["id"], corpus["recent"][0]["id"]
    pages = ["/", "/search?q=Tokayev", "/quotes", "/events", "/compare?a=Tokayev&b=Putin", "/review", "/docs"]
    return [*pages, f"/entity/{person}", f"/document/{document}"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/", 200),
        ("GET", "/index.json", 200),
        ("GET", "/static/style.css", 200),
        ("GET", "/openapi.json", 200),
        ("GET", "/docs", 200),
        ("GET", "/entity/999999", 404),
        ("GET", "/quotes.json?from=x", 422),
        ("POST", "/api/merge", 401),  # refused by the gate, before routing
        ("GET", "/no/such/page", 404),
    ],
)
def test_every_response_carries_the_security_headers(client: TestClient, method: str, path: str, status: int) -> None:
    response = client.request(method, path, headers=HTML)
    assert response.status_code == status
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    policy = dict(part.strip().split(" ", 1) for part in response.headers["content-security-policy"].split(";"))
    assert policy["default-src"] == "'self'" and policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in response.headers["content-security-policy"]


def test_pages_use_only_their_own_files(client: TestClient) -> None:
    """Under default-src 'self' an inline script or style, or a file from elsewhere, would not load."""
    for path in _pages(client):
        page = client.get(path, headers=HTML)
        assert page.status_code == 200, path
        assert "<script" not in page.text and "<style" not in page.text, path
        assert not re.search(r"\sstyle=|\son[a-z]+=", page.text), path
        for url in re.findall(r'(?:src|href)="([^"]+)"', page.text):
            if url.startswith(("/", "#", "?")):
                continue
            assert re.match(r"https?://", url), (path, url)  # a link out, never javascript: or data:


def test_templates_have_no_inline_script_or_style() -> None:
    for template in (HERE / "templates").glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<script|<style|\sstyle=|\son[a-z]+=", text), template.name


def test_the_api_page_is_served_here(client: TestClient) -> None:
    page = client.get("/docs", headers=HTML).text
    assert "/entity/{entity_id}.json" in page and "/api/ingest" in page
    assert "cdn" not in page.casefold() and "<script" not in page


def test_serving_opens_the_store_read_only(examples_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store in a read-only folder serves: the app opens no writer, at start or for a page."""
    opened: list[dict[str, Any]] = []
    real = deps.connect

    def spy(path: Path | str, **options: Any) -> Any:
        opened.append(options)
        return real(path, **options)

    monkeypatch.setattr(deps, "connect", spy)
    client = TestClient(create_app(examples_store, token=TOKEN))
    assert opened == []
    for path in _pages(client):
        assert client.get(path, headers=HTML).status_code == 200
    assert opened and all(options == {"readonly": True} for options in opened)
