"""A document's text as HTML: every character escaped, mentions linked to their entities, quotes and one
highlighted sentence marked, without ever nesting tags wrongly."""

from __future__ import annotations

from html import escape
from typing import Any

from markupsafe import Markup


def document_html(text: str, mentions: list[dict[str, Any]], marks: list[tuple[int, int, str, str]]) -> Markup:
    """`marks`: (start, end, element id, css class) of quotes and the highlighted sentence. Marks never
    overlap each other (the later one is dropped); one that cuts a mention in two grows to hold it whole."""
    spans = _mention_spans(mentions, len(text))
    outer = _outer_marks(marks, spans, len(text))
    opening: dict[int, list[str]] = {}
    closing: dict[int, list[str]] = {}
    for start, end, ident, css in outer:
        opening.setdefault(start, []).append(f'<mark id="{escape(ident)}" class="{escape(css)}">')
        closing.setdefault(end, []).append("</mark>")
    for mention in spans:
        href = f"/entity/{int(mention['entity_id'])}"
        title = escape(f"{mention['entity']} ({mention['type']})")
        opening.setdefault(mention["start"], []).append(
            f'<a class="m {escape(mention["type"])}" href="{href}" title="{title}">'
        )
        closing.setdefault(mention["end"], []).insert(0, "</a>")
    parts: list[str] = []
    cut = 0
    for offset in sorted(set(opening) | set(closing)):
        parts.append(escape(text[cut:offset]))
        parts.extend(closing.get(offset, []))  # inner (mentions) close before outer (marks)
        parts.extend(opening.get(offset, []))  # outer open before inner
        cut = offset
    parts.append(escape(text[cut:]))
    return Markup("".join(parts))


def _mention_spans(mentions: list[dict[str, Any]], size: int) -> list[dict[str, Any]]:
    kept: list[dict[str, Any]] = []
    for mention in sorted(mentions, key=lambda m: (m["start"], -m["end"])):
        if 0 <= mention["start"] < mention["end"] <= size and (not kept or mention["start"] >= kept[-1]["end"]):
            kept.append(mention)
    return kept


def _outer_marks(
    marks: list[tuple[int, int, str, str]], spans: list[dict[str, Any]], size: int
) -> list[tuple[int, int, str, str]]:
    kept: list[tuple[int, int, str, str]] = []
    for start, end, ident, css in sorted(marks):
        start, end = max(0, start), min(size, end)
        for mention in spans:  # grow to hold a mention it would cut
            if mention["start"] < start < mention["end"]:
                start = mention["start"]
            if mention["start"] < end < mention["end"]:
                end = mention["end"]
        if start < end and all(end <= s or start >= e for s, e, _, _ in kept):
            kept.append((start, end, ident, css))
    return kept
