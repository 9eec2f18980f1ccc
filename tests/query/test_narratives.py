"""Narratives as watch-lists, matched on lemmas in quotes; on quotes written for the test and on the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from elitewatch.cli import app
from elitewatch.errors import DataFileError, InputError
from elitewatch.query.narratives import load_watch_lists, narratives
from elitewatch.store import connect
from elitewatch.web.app import create_app
from tests.helpers import ingest_articles

ARTICLES = {
    "lavrov": (
        "2023-03-02",
        "«Санкции недружественных стран нас не остановят», — заявил Сергей Лавров журналистам 1 марта 2023 года.",
    ),
    "zakharova": (
        "2023-05-11",
        '"The collective West wants to weaken us," Maria Zakharova said on May 10, 2023.',
    ),
    "peskov": (
        "2023-11-02",
        "Presidential spokesman Dmitry Peskov said on November 1, 2023 that the collective West had lost interest.",
    ),
    "lavrov-later": (
        "2023-09-20",
        '"Unfriendly states have frozen our reserves," Sergei Lavrov told reporters on September 19, 2023.',
    ),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Path | str:
    return ingest_articles(tmp_path_factory.mktemp("narratives"), ARTICLES, backend=backend)


def taken_up(db: Path, **options: str) -> dict[str, dict]:  # type: ignore[type-arg]
    conn = connect(db, readonly=True)
    try:
        found = narratives(conn, load_watch_lists(), **options)  # type: ignore[arg-type]
    finally:
        conn.close()
    return {n["name"]: n for n in found["narratives"]}


def test_a_phrase_is_found_in_any_inflection_and_either_language(store: Path) -> None:
    found = taken_up(store)
    unfriendly = found["Unfriendly countries"]
    [lavrov] = unfriendly["speakers"]  # «недружественных стран» and "unfriendly states": one speaker, twice
    assert lavrov["uses"] == 2 and lavrov["first"] == "2023-03-01" and lavrov["last"] == "2023-09-19"
    assert [m["month"] for m in lavrov["by_month"]] == ["2023-03", "2023-09"]
    assert {u["phrase"] for u in lavrov["uses_list"]} == {"недружественные страны", "unfriendly states"}
    west = found["The collective West"]
    assert [s["name"] for s in west["speakers"]] == ["Maria Zakharova", "Dmitry Peskov"]
    assert west["speakers"][1]["uses_list"][0]["kind"] == "claim"  # said without quotation marks
    assert west["first"]["date"] == "2023-05-10"
    assert found["Russophobia"]["uses"] == 0


def test_one_speakers_narratives(store: Path) -> None:
    found = taken_up(store, speaker="Захарова")
    assert {name for name, n in found.items() if n["uses"]} == {"The collective West"}


def test_a_users_own_watch_lists_and_their_errors(store: Path, tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "narratives:\n  - name: Frozen reserves\n    owner: Moscow\n    phrases:\n      en: [frozen our reserves]\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["narratives", "--db", str(store), "--narratives", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    [mine] = json.loads(result.output)["narratives"]
    assert mine["name"] == "Frozen reserves" and [s["name"] for s in mine["speakers"]] == ["Sergei Lavrov"]
    (tmp_path / "broken.yaml").write_text("narratives:\n  - name: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not YAML") as error:
        load_watch_lists(tmp_path)
    assert error.value.source and error.value.source.endswith("broken.yaml")
    (tmp_path / "broken.yaml").write_text(
        "narratives:\n  - name: No phrases\n    owner: Moscow\n    phrases: {en: []}\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError, match="no phrases"):
        load_watch_lists(tmp_path)
    with pytest.raises(InputError):
        load_watch_lists(tmp_path / "absent")
    refused = CliRunner().invoke(app, ["narratives", "--db", str(store), "--narratives", str(tmp_path)])
    assert refused.exit_code == 1 and "broken.yaml" in refused.output


def test_the_page_lists_who_took_a_narrative_up(store: Path) -> None:
    client = TestClient(create_app(store))
    page = client.get("/narratives")
    assert page.status_code == 200 and "Maria Zakharova" in page.text and "Unfriendly countries" in page.text
    twin = client.get("/narratives.json", params={"speaker": "Lavrov"}).json()
    assert {n["name"] for n in twin["narratives"] if n["uses"]} == {"Unfriendly countries"}


def test_tasmagambetov_uses_the_kremlins_unfriendly_countries_in_the_seeds(seeds_store: Path) -> None:
    found = taken_up(seeds_store, speaker="Tasmagambetov")
    [who] = found["Unfriendly countries"]["speakers"]
    assert who["name"] == "Imangali Tasmagambetov"
    assert "unfriendly countries" in who["uses_list"][0]["text"]
