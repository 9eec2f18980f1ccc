"""A page or its JSON twin: the same route answers both, the twin at the page's path + ".json"."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2.utils import url_quote
from markupsafe import Markup, escape

from elitewatch.extract.events import EVENT_TYPES
from elitewatch.web.deps import settings_of

# What `x.name` finds on a plain dict as an attribute (its methods): any other name is one of its keys.
DICT_ATTRIBUTES = frozenset(dir(dict))


class Pages(jinja2.Environment):
    """Jinja's environment, but `row.name` on a plain dict (every row the queries give) looks the key up at once:
    Jinja tries the attribute first, and the exception of each miss was a tenth of a page's drawing (thousands
    of lookups on a person's page). The same answer: a plain dict has no attribute but DICT_ATTRIBUTES."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def load_templates(directory: Path) -> Jinja2Templates:
    """The pages' templates, with what every page may use."""
    env = Pages(loader=jinja2.FileSystemLoader(directory), autoescape=jinja2.select_autoescape())
    loaded = Jinja2Templates(env=env)
    loaded.env.globals["event_types"] = EVENT_TYPES
    loaded.env.globals["twin_href"] = twin_href
    loaded.env.globals["with_query"] = with_query
    loaded.env.globals["entity_link"] = entity_link
    loaded.env.globals["source_link"] = source_link
    return loaded


# The two links every page draws most (a person's page: one a source of each office, quote and event), in Python:
# as Jinja macros their calls were most of the page's drawing. The same markup, escaped as the templates escape.
def entity_link(id: Any, name: Any, type: str = "") -> Markup:
    """A link to an entity's page."""
    return Markup(f'<a class="entity {escape(type)}" href="/entity/{escape(id)}">{escape(name)}</a>')


def source_link(doc_id: Any, start: Any, end: Any, label: Any = "source") -> Markup:
    """A link to the sentence a fact came from, highlighted in its document."""
    href = f"/document/{escape(url_quote(doc_id))}?s={escape(start)}&amp;e={escape(end)}#hl"
    return Markup(f'<a class="source" href="{href}">{escape(label)}</a>')


def respond(request: Request, template: str, data: dict[str, Any], **extra: Any) -> Response:
    """`data` as JSON for the twin, else the page drawn from it (with `extra`, which only the page needs)."""
    if wants_json(request):
        return JSONResponse(data)
    return page(request, template, data, **extra)


def page(request: Request, template: str, data: dict[str, Any], **extra: Any) -> Response:
    web = settings_of(request)
    return web.templates.TemplateResponse(request, template, {**data, **extra, "writable": web.writable})


def wants_json(request: Request) -> bool:
    """A JSON twin's path ends in ".json"; the path as sent, decoded (request.url re-parses it, and a "?"
    in a document id would end it there)."""
    return str(request.scope["path"]).endswith(".json")


def twin_href(request: Request) -> str:
    """The link to a page's JSON twin, the path quoted again (a document id may hold "?", "#" or "%")."""
    path = request.scope["path"]
    href = "/index.json" if path == "/" else quote(path) + ".json"
    return f"{href}?{request.url.query}" if request.url.query else href


def with_query(request: Request, **changes: Any) -> str:
    """This page's address with some query parameters changed (paging, sorting): the others kept."""
    query = [(key, value) for key, value in request.query_params.multi_items() if key not in changes]
    query += [(key, str(value)) for key, value in changes.items() if value not in (None, "")]
    path = quote(request.scope["path"])
    return f"{path}?{urlencode(query)}" if query else path
