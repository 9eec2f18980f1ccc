"""The FollowTheMoney export, read back with the followthemoney library itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from followthemoney import model
from followthemoney.proxy import EntityProxy
from typer.testing import CliRunner

from elitewatch.cli import app
from tests import pg

ENGLISH = """Tokayev and Mirziyoyev discuss a new railway

Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev in Samarkand on March 4, 2024.
"We will build this railway together," Tokayev told reporters after the talks.
"""
RUSSIAN = """Новый министр

Министр иностранных дел Казахстана Мурат Нуртлеу встретился с Сергеем Лавровым в Москве 12 апреля 2024 года.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Path | str:
    folder = tmp_path_factory.mktemp("ftm")
    (folder / "railway.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "railway.meta.json").write_text(
        json.dumps(
            {
                "title": "A new railway",
                "published": "2024-03-05",
                "url": "https://news.example.org/railway",
                "outlet": "Example News",
            }
        )
    )
    (folder / "minister.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / "minister.meta.json").write_text(json.dumps({"published": "2024-04-13"}))
    db = pg.new_store(backend, folder / "ftm.db")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


def export(db: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["export", "--format", "ftm", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


@pytest.fixture(scope="module")
def proxies(store: Path) -> dict[str, EntityProxy]:
    loaded = {}
    for line in export(store):
        proxy = model.get_proxy(line, cleaned=False)  # parses and cleans every value by its property's type
        assert proxy.to_dict()["properties"] == line["properties"], f"a value FtM cleans differently: {line}"
        loaded[str(proxy.id)] = proxy
    return loaded


def named(proxies: dict[str, EntityProxy], schema: str, name: str) -> EntityProxy:
    found = [p for p in proxies.values() if p.schema.name == schema and name in p.get("name", quiet=True)]
    assert len(found) == 1, (schema, name, [p.to_dict() for p in proxies.values() if p.schema.name == schema])
    return found[0]


def test_every_line_is_an_ftm_entity_whose_references_resolve(proxies: dict[str, EntityProxy]) -> None:
    for proxy in proxies.values():
        for prop, value in proxy.itervalues():
            assert prop.type.validate(value), (proxy.schema.name, prop.name, value)
            if prop.type.name == "entity":
                target = proxies[value]  # a reference to an entity the export does not hold fails here
                assert target.schema.is_a(prop.range) if prop.range else True, (prop.name, target.schema.name)


def test_people_keep_every_alias_and_their_sources(proxies: dict[str, EntityProxy]) -> None:
    lavrov = named(proxies, "Person", "Сергей Лавров")
    assert {"Лавров", "Сергеем Лавровым"} <= set(lavrov.get("alias"))
    minister = proxies[lavrov.get("proof")[0]]
    assert minister.schema.name == "Article" and minister.get("publishedAt") == ["2024-04-13"]
    railway = named(proxies, "Article", "A new railway")
    assert railway.get("sourceUrl") == ["https://news.example.org/railway"]
    assert railway.get("publisher") == ["Example News"] and railway.get("language") == ["eng"]


def test_an_office_of_a_country_is_a_position_with_its_code(proxies: dict[str, EntityProxy]) -> None:
    nurtleu = named(proxies, "Person", "Мурат Нуртлеу")
    [occupancy] = [p for p in proxies.values() if p.schema.name == "Occupancy" and p.get("holder") == [nurtleu.id]]
    post = proxies[occupancy.get("post")[0]]
    assert post.schema.name == "Position" and post.get("country") == ["kz"]
    assert "министр иностранных дел" in post.get("name")[0]
    assert occupancy.get("status") == ["current"] and occupancy.get("proof")


def test_an_event_involves_its_participants_at_an_address(proxies: dict[str, EntityProxy]) -> None:
    [meeting] = [p for p in proxies.values() if p.schema.name == "Event" and "2024-04-12" in p.get("date")]
    involved = {proxies[i].get("name")[0] for i in meeting.get("involved")}
    assert involved == {"Мурат Нуртлеу", "Сергей Лавров"}
    [address] = [proxies[a] for a in meeting.get("addressEntity")]
    assert address.schema.name == "Address" and address.get("country") == ["ru"]
    assert meeting.get("country") == ["ru"]


def test_a_quote_documents_its_speaker_in_its_article(proxies: dict[str, EntityProxy]) -> None:
    [quote] = [p for p in proxies.values() if p.schema.name == "Documentation"]
    assert quote.get("role") == ["quote"] and quote.get("summary") == ["We will build this railway together"]
    assert proxies[quote.get("entity")[0]].schema.name == "Person"
    assert proxies[quote.get("document")[0]].get("sourceUrl") == ["https://news.example.org/railway"]


def test_ids_are_the_same_from_one_export_to_the_next(store: Path) -> None:
    first, second = export(store), export(store)
    assert first == second
    assert len({line["id"] for line in first}) == len(first)
