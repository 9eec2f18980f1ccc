"""Two people side by side: their careers on one chart, and where they met."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from elitewatch.dbapi import Connection
from elitewatch.errors import NotFoundError
from elitewatch.query import find_entities
from elitewatch.query.kept import kept_each
from elitewatch.query.pages import KEPT_PEOPLE, compare, kept_profile
from elitewatch.web.deps import Reader, settings_of
from elitewatch.web.ids import name_or_id
from elitewatch.web.respond import respond, wants_json
from elitewatch.web.routes.entities import latest
from elitewatch.web.timeline import career_chart

router = APIRouter()


@router.get("/compare", response_class=HTMLResponse, include_in_schema=False)
@router.get("/compare.json", summary="Two people side by side")
def compare_page(
    request: Request,
    conn: Reader,
    a: Annotated[str, Query(max_length=200)] = "",
    b: Annotated[str, Query(max_length=200)] = "",
    topic: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    data: dict[str, Any] = {"query": {"a": a, "b": b, "topic": topic}, "comparison": None}
    extra: dict[str, Any] = {}
    if a and b:
        comparison = compare(conn, person(conn, a), person(conn, b), topic=topic or None)
        data["comparison"] = comparison
        if not wants_json(request):  # what only the page shows
            lanes = [(comparison["a"]["name"], comparison["a"]["offices"])]
            lanes.append((comparison["b"]["name"], comparison["b"]["offices"]))
            extra["chart"] = career_chart(lanes, latest(conn))
            templates = settings_of(request).templates
            extra["events_html"] = {side: events_html(conn, templates, comparison[side]["id"]) for side in ("a", "b")}
    return respond(request, "compare.html", data, **extra)


def events_html(conn: Connection, templates: Jinja2Templates, who: int) -> Markup:
    """A person's events as the comparison lists them, drawn once for the store's generation: with the profile
    kept (query/pages.py), drawing them was most of a comparison's work. Built from the kept profile, so one
    made with a model of an earlier generation is not kept either (kept_each)."""
    item = templates.env.get_template("_macros.html").module.event_item  # type: ignore[attr-defined]

    def build(conn: Connection) -> Markup:
        return Markup("".join(item(event) for event in kept_profile(conn, who)["events"]))

    return kept_each(conn, "compare-events", who, build, size=KEPT_PEOPLE)


def person(conn: Connection, name: str) -> int:
    """The person an id or a name means (the best match)."""
    if name_or_id(name).isdigit():
        return int(name)
    matches = find_entities(conn, name, type="person")
    if not matches:
        raise NotFoundError("no person by that name", source=name)
    return int(matches[0]["id"])
