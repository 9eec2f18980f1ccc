"""Who met whom, on articles written for the test."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from elitewatch.cli import app
from elitewatch.query.network import network
from elitewatch.store import connect
from elitewatch.web.app import create_app
from tests.helpers import ingest_articles

ARTICLES = {
    "tashkent": ("2024-05-10", "Kassym-Jomart Tokayev met Shavkat Mirziyoyev in Tashkent on May 9, 2024."),
    "bishkek": ("2024-06-04", "On June 3, 2024, Sadyr Japarov held talks with Shavkat Mirziyoyev in Bishkek."),
    "dushanbe": (
        "2024-07-02",
        "Emomali Rahmon met Kassym-Jomart Tokayev and Sadyr Japarov in Dushanbe on July 1, 2024.",
    ),
    "moscow": ("2023-03-04", "Vladimir Putin met Kassym-Jomart Tokayev in Moscow on March 3, 2023."),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Path | str:
    return ingest_articles(tmp_path_factory.mktemp("network"), ARTICLES, titled=True, backend=backend)


def pairs(db: Path, **filters: str) -> dict[frozenset[str], int]:
    conn = connect(db, readonly=True)
    try:
        data = network(conn, **filters)  # type: ignore[arg-type]
    finally:
        conn.close()
    names = {node["id"]: node["name"] for node in data["nodes"]}
    return {frozenset((names[e["source"]], names[e["target"]])): e["weight"] for e in data["edges"]}


def test_people_who_took_part_in_one_event_are_joined_once_per_event(store: Path) -> None:
    found = pairs(store)
    assert found == {
        frozenset({"Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"}): 1,
        frozenset({"Sadyr Japarov", "Shavkat Mirziyoyev"}): 1,
        frozenset({"Emomali Rahmon", "Kassym-Jomart Tokayev"}): 1,
        frozenset({"Emomali Rahmon", "Sadyr Japarov"}): 1,
        frozenset({"Kassym-Jomart Tokayev", "Sadyr Japarov"}): 1,
        frozenset({"Vladimir Putin", "Kassym-Jomart Tokayev"}): 1,
    }


def test_the_network_by_dates_person_and_country(store: Path) -> None:
    assert set(pairs(store, since="2024-06", until="2024-06")) == {frozenset({"Sadyr Japarov", "Shavkat Mirziyoyev"})}
    # Putin's network: the people he met, and the meetings among them (none here).
    assert set(pairs(store, person="Путин")) == {frozenset({"Vladimir Putin", "Kassym-Jomart Tokayev"})}
    assert set(pairs(store, country="Узбекистан")) == {frozenset({"Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"})}
    assert pairs(store, types=("credentials",)) == {}  # type: ignore[arg-type]


def test_the_page_its_twin_and_the_downloads_hold_the_same_graph(store: Path) -> None:
    client = TestClient(create_app(store))
    twin = client.get("/network.json").json()
    assert {"nodes", "edges"} <= twin.keys()
    assert all({"id", "name"} <= node.keys() for node in twin["nodes"])
    assert all({"source", "target", "events"} <= edge.keys() and edge["events"] for edge in twin["edges"])
    page = client.get("/network")
    assert page.status_code == 200
    assert page.text.count('<circle class="node"') == 5 and page.text.count('<line class="edge"') == 6
    for edge in twin["edges"]:  # each drawn edge leads to the list of its events, each to its sentence
        assert f'href="#edge-{edge["source"]}-{edge["target"]}"' in page.text
        assert f'id="edge-{edge["source"]}-{edge["target"]}"' in page.text
    gexf = client.get("/network.gexf")
    assert gexf.headers["content-type"].startswith("application/gexf+xml")
    assert "attachment" in gexf.headers["content-disposition"]
    ET.fromstring(gexf.content)
    graphml = client.get("/network.graphml", params={"person": "Putin"})
    read = nx.parse_graphml(graphml.text)
    assert sorted(read.nodes[n]["label"] for n in read.nodes) == ["Kassym-Jomart Tokayev", "Vladimir Putin"]
    assert client.get("/network.xml").status_code == 400
    cli = CliRunner().invoke(app, ["network", "--db", str(store), "--format", "json"])
    assert json.loads(cli.output) == twin
