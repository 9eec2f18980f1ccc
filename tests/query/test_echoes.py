"""Echoes between speakers, on quotes written for the test: across inflection and word order, who first,
and stock phrases left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from elitewatch.cli import app
from elitewatch.query.echoes import echoes
from elitewatch.store import connect
from elitewatch.web.app import create_app
from tests.helpers import ingest_articles

ARTICLES = {
    "putin": (
        "2022-02-01",
        "«Мы не допустим расширения военного блока на восток», — заявил Владимир Путин 31 января 2022 года.",
    ),
    "lukashenko": (
        "2022-03-15",
        "«Расширение военного блока на восток угрожает всем нам», — сказал Александр Лукашенко 14 марта 2022 года.",
    ),
    "tokayev": (
        "2022-04-02",
        '"Our republic will keep its balanced and constructive foreign policy," President Kassym-Jomart Tokayev '
        "said on April 1, 2022.",
    ),
    "smailov": (
        "2022-06-11",
        '"The government supports a constructive and balanced foreign policy of our republic," Prime Minister '
        "Alikhan Smailov said on June 10, 2022.",
    ),
    "lavrov": (
        "2022-07-09",
        '"We discussed the weather in Moscow and the prices of bread," Foreign Minister Sergei Lavrov said on '
        "July 8, 2022.",
    ),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Path | str:
    return ingest_articles(tmp_path_factory.mktemp("echoes"), ARTICLES, backend=backend)


def pairs(db: Path, speaker: str | None = None) -> list[tuple[str, str]]:
    conn = connect(db, readonly=True)
    try:
        found = echoes(conn, speaker=speaker)
    finally:
        conn.close()
    return [(e["first"]["speaker"]["name"], e["second"]["speaker"]["name"]) for e in found["echoes"]]


def test_a_phrase_shared_across_inflection_and_word_order_is_an_echo_the_earlier_speaker_first(store: Path) -> None:
    found = pairs(store)
    # «расширения военного блока на восток» / «Расширение военного блока на восток»: one phrase, two cases
    assert ("Владимир Путин", "Александр Лукашенко") in found or ("Vladimir Putin", "Alexander Lukashenko") in found
    # "balanced and constructive foreign policy" / "constructive and balanced foreign policy"
    assert ("Kassym-Jomart Tokayev", "Alikhan Smailov") in found
    assert not [pair for pair in found if "Sergei Lavrov" in pair]  # he shares nothing


def test_one_speakers_echoes(store: Path) -> None:
    assert pairs(store, "Smailov") == [("Kassym-Jomart Tokayev", "Alikhan Smailov")]


def test_the_cli_the_page_and_the_person_page(store: Path) -> None:
    cli = CliRunner().invoke(app, ["echoes", "--db", str(store), "--speaker", "Tokayev", "--json"])
    assert cli.exit_code == 0, cli.output
    [echo] = json.loads(cli.output)["echoes"]
    assert {"balanced", "constructive", "foreign"} <= set(" ".join(echo["shared"]).split())
    assert echo["first"]["date"] == "2022-04-01"
    client = TestClient(create_app(store))
    assert client.get("/echoes.json", params={"speaker": "Tokayev"}).json() == json.loads(cli.output)
    assert "Alikhan Smailov" in client.get("/echoes").text
    smailov = client.get("/person.json", params={"name": "Smailov"}, follow_redirects=True).json()
    assert [e["first"]["speaker"]["name"] for e in smailov["echoes"]] == ["Kassym-Jomart Tokayev"]
