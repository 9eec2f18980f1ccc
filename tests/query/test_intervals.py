"""Waits between two events of one person, on articles written for the test."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from elitewatch.cli import app
from elitewatch.query.intervals import in_words, intervals
from elitewatch.store import connect
from elitewatch.web.app import create_app
from tests.helpers import ingest_articles

ARTICLES = {
    "sultanov": (
        "2021-03-20",
        "President Shavkat Mirziyoyev appointed Timur Sultanov as Ambassador of Uzbekistan to Azerbaijan on "
        "March 2, 2021. On March 19, 2021, Sultanov presented his credentials to President Ilham Aliyev.",
    ),
    "karimov": (
        "2024-11-06",
        "Rustam Karimov was appointed Ambassador of Uzbekistan to Azerbaijan on June 1, 2024. He presented his "
        "credentials to President Ilham Aliyev on November 5, 2024. Karimov had to wait five months and four days.",
    ),
    "nazarova": (
        "2023-05-02",
        "Dilnoza Nazarova was appointed Ambassador of Uzbekistan to Georgia on January 10, 2023. On April 28, 2023, "
        "Nazarova presented her credentials to President Salome Zourabichvili.",
    ),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Path | str:
    return ingest_articles(tmp_path_factory.mktemp("intervals"), ARTICLES, titled=True, backend=backend)


def waits(db: Path, **filters: str) -> dict:  # type: ignore[type-arg]
    conn = connect(db, readonly=True)
    try:
        return intervals(conn, "appointment", "credentials", **filters)  # type: ignore[arg-type]
    finally:
        conn.close()


def test_each_appointee_waits_from_the_appointment_to_the_credentials(store: Path) -> None:
    found = waits(store)
    rows = [(w["person"]["name"], w["first"]["date"], w["second"]["date"], w["days"]) for w in found["intervals"]]
    assert rows == [
        ("Timur Sultanov", "2021-03-02", "2021-03-19", 17),
        ("Dilnoza Nazarova", "2023-01-10", "2023-04-28", 108),
        ("Rustam Karimov", "2024-06-01", "2024-11-05", 157),
    ]
    # The president who appointed Sultanov took part in the appointment but waited for nothing.
    assert "Shavkat Mirziyoyev" not in {w["person"]["name"] for w in found["intervals"]}

    assert found["median_days"] == 108
    karimov = found["intervals"][2]
    assert karimov["words"] == "5 months and 4 days" and karimov["first"]["doc_id"] == "karimov"
    # what the text itself says, beside what the dates give
    assert [(s["text"], s["value"]) for s in karimov["stated"]] == [("five months and four days", "P5M4D")]
    assert found["intervals"][0]["stated"] == []
    assert "credentials" in karimov["second"]["sentence"]


def test_the_roles_are_stored_exported_and_shown(store: Path) -> None:
    records = [json.loads(line) for line in CliRunner().invoke(app, ["export", "--db", str(store)]).output.splitlines()]
    names = {r["id"]: r["name"] for r in records if r["kind"] == "entity"}
    appointment = next(
        r for r in records if r["kind"] == "event" and r["type"] == "appointment" and r["doc"] == "sultanov"
    )
    assert {names[int(k)]: v for k, v in appointment["roles"].items()} == {
        "Shavkat Mirziyoyev": "appointer",
        "Timur Sultanov": "appointee",
    }
    page = TestClient(create_app(store)).get("/events", params={"type": "appointment"}).text
    assert "(appointer)" in page and "(appointee)" in page


def test_a_wait_is_compared_with_the_others_and_the_same_office(store: Path) -> None:
    sultanov, nazarova, karimov = waits(store)["intervals"]
    assert karimov["median_of_others"] == (17 + 108) / 2
    # Baku: Sultanov then Karimov; Tbilisi is another office.
    assert karimov["predecessor"]["person"]["name"] == "Timur Sultanov" and karimov["successor"] is None
    assert sultanov["successor"]["person"]["name"] == "Rustam Karimov"
    assert nazarova["predecessor"] is None and nazarova["successor"] is None


def test_waits_of_one_office_by_its_words_and_its_country_in_any_script(store: Path) -> None:
    baku = waits(store, role="ambassador", country="Азербайджан")["intervals"]
    assert [w["person"]["name"] for w in baku] == ["Timur Sultanov", "Rustam Karimov"]
    assert waits(store, role="minister")["intervals"] == []


@pytest.mark.parametrize(
    ("first", "second", "words"),
    [
        (date(2023, 7, 3), date(2023, 12, 4), "5 months and 1 day"),
        (date(2020, 1, 29), date(2020, 2, 5), "7 days"),
        (date(2019, 3, 20), date(2022, 5, 20), "3 years and 2 months"),
        (date(2019, 3, 20), date(2019, 3, 20), "the same day"),
    ],
)
def test_a_wait_in_words(first: date, second: date, words: str) -> None:
    assert in_words(first, second) == words


def test_the_cli_and_the_page_show_the_same_waits(store: Path) -> None:
    cli = CliRunner().invoke(app, ["intervals", "--db", str(store), "--country", "Georgia", "--json"])
    assert cli.exit_code == 0, cli.output
    assert [w["person"]["name"] for w in json.loads(cli.output)["intervals"]] == ["Dilnoza Nazarova"]
    client = TestClient(create_app(store))
    twin = client.get("/intervals.json", params={"country": "Georgia"}).json()
    assert twin == json.loads(cli.output)
    page = client.get("/intervals")
    assert page.status_code == 200
    assert page.text.count('<circle class="wait"') == 3 and "5 months and 4 days" in page.text
    assert client.get("/intervals", params={"to_type": "rumour"}).status_code == 400
    refused = CliRunner().invoke(app, ["intervals", "--db", str(store), "--to-type", "rumour"])
    assert refused.exit_code == 1 and "rumour" in refused.output
