"""Echoes between speakers, on quotes written for the test: across inflection and word order, who first,
stock phrases left out, and English close paraphrases by sentence embeddings."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from _pytest.monkeypatch import MonkeyPatch
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from elitewatch.cli import app
from elitewatch.nlp import embeddings
from elitewatch.query import echoes as echoes_module
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
    # a close paraphrase with no phrase in common
    "carter": (
        "2022-05-04",
        '"We will never allow foreign troops to be stationed on the territory of our country," Defence Minister '
        "John Carter said on May 3, 2022.",
    ),
    "rowley": (
        "2022-05-21",
        '"No foreign army will ever be permitted to deploy its soldiers on our land," Senator Margaret Rowley '
        "said on May 20, 2022.",
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


def paraphrases(db: Path, speaker: str | None = None) -> list[dict[str, object]]:
    conn = connect(db, readonly=True)
    try:
        return [e for e in echoes(conn, speaker=speaker)["echoes"] if e["kind"] == "paraphrase"]
    finally:
        conn.close()


def test_two_speakers_paraphrasing_each_other_are_a_paraphrase_echo(store: Path) -> None:
    [echo] = paraphrases(store)
    assert (echo["first"]["speaker"]["name"], echo["second"]["speaker"]["name"]) == ("John Carter", "Margaret Rowley")
    assert echo["first"]["date"] == "2022-05-03"  # Carter said it first
    assert echo["first"]["doc_id"] != echo["second"]["doc_id"]
    assert 0.75 <= echo["similarity"] < 1  # type: ignore[operator]
    assert echo["shared"] == []


def test_a_pair_the_shingles_found_is_not_listed_again_and_unrelated_statements_are_none(store: Path) -> None:
    # Tokayev's and Smailov's foreign policy are near in meaning too, but they share a phrase: one echo
    conn = connect(store, readonly=True)
    try:
        kinds = [e["kind"] for e in echoes(conn, speaker="Smailov")["echoes"]]
    finally:
        conn.close()
    assert kinds == ["phrase"]
    assert paraphrases(store, "Lavrov") == []
    assert paraphrases(store, "Tokayev") == []


def test_russian_statements_are_not_embedded_by_the_english_model(store: Path, monkeypatch: MonkeyPatch) -> None:
    embedded: list[str] = []
    embed = embeddings.embed

    def spy(texts: list[str]) -> object:
        embedded.extend(texts)
        return embed(texts)

    monkeypatch.setattr(echoes_module, "_vectors", {})
    monkeypatch.setattr(embeddings, "embed", spy)
    conn = connect(store, readonly=True)
    try:
        echoes_module.close_pairs(echoes_module._quotes(conn))
    finally:
        conn.close()
    assert any("foreign army" in text for text in embedded)
    assert not [text for text in embedded if any("а" <= ch <= "я" for ch in text.lower())]


def test_without_paraphrases_the_model_is_not_asked(store: Path, monkeypatch: MonkeyPatch) -> None:
    def refuse(texts: list[str]) -> object:
        raise AssertionError("embedded")

    monkeypatch.setattr(echoes_module, "_vectors", {})
    monkeypatch.setattr(embeddings, "embed", refuse)
    conn = connect(store, readonly=True)
    try:
        found = echoes(conn, paraphrases=False)
    finally:
        conn.close()
    assert {e["kind"] for e in found["echoes"]} == {"phrase"} and found["paraphrases"] is None


def test_the_cli_the_page_and_the_person_page_show_a_paraphrase_and_its_similarity(store: Path) -> None:
    cli = CliRunner().invoke(app, ["echoes", "--db", str(store), "--speaker", "Rowley"])
    assert cli.exit_code == 0, cli.output
    assert "paraphrase: John Carter" in " ".join(cli.output.split())
    client = TestClient(create_app(store))
    page = client.get("/echoes").text
    assert "close paraphrase, similarity 0." in page and "Margaret Rowley" in page
    rowley = client.get("/person", params={"name": "Rowley"}, follow_redirects=True)
    assert "close paraphrase, similarity" in rowley.text and "John Carter" in rowley.text


def test_a_write_shows_its_new_echo_at_once_and_on_the_persons_page_once_built(tmp_path: Path, backend: str) -> None:
    """The pairs are kept with the shingles for a store generation: a document written after them is in the
    next, on the echoes page right after the write, and on the speaker's page once rebuilt behind it (the
    page drawn meanwhile, with the shingles of before, is not kept: it is drawn again until then)."""
    import time

    first = {"putin": ARTICLES["putin"], "lavrov": ARTICLES["lavrov"]}
    (tmp_path / "a").mkdir()
    db = ingest_articles(tmp_path / "a", first, backend=backend)
    client = TestClient(create_app(db))

    def listed(path: str) -> list[dict[str, object]]:
        response = client.get(path)
        assert response.status_code == 200, response.text
        return list(response.json()["echoes"])

    putin = client.get("/person.json", params={"name": "Путин"}).json()["id"]
    assert listed("/echoes.json") == [] and listed(f"/entity/{putin}.json") == []
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "lukashenko.txt").write_text(ARTICLES["lukashenko"][1], encoding="utf-8")
    (tmp_path / "b" / "lukashenko.meta.json").write_text(json.dumps({"published": ARTICLES["lukashenko"][0]}))
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "b"), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert [e["kind"] for e in listed("/echoes.json?paraphrases=false")] == ["phrase"]  # right after the write
    deadline = time.monotonic() + 60
    while not listed(f"/entity/{putin}.json") and time.monotonic() < deadline:
        time.sleep(0.2)  # the person's page shows the echoes of a few seconds ago while the new ones are built
    shown = listed(f"/entity/{putin}.json")
    assert [(e["first"]["speaker"]["id"], e["kind"]) for e in shown] == [(putin, "phrase")]


def _statement(number: int, text: str, speaker: int, doc: str = "", start: int = 0) -> echoes_module._Quote:
    return echoes_module._Quote(
        id=number, kind="quote", start=start, end=start + 10, doc_id=doc or f"doc-{number}", speaker_id=speaker,
        speaker=f"speaker {speaker}", text=text, language="en", lemmas=(), date=f"2020-01-{number:02d}",
        dated_by="published", title=None,
    )  # fmt: skip


def _each_statement(quotes: list[echoes_module._Quote], vectors: dict[str, list[float]], threshold: float, margin: float) -> set[tuple[int, int]]:  # fmt: skip
    """close_pairs as its docstring says it, one statement at a time: what working on the texts must give."""
    unit = {text: [v / sum(x * x for x in vector) ** 0.5 for v in vector] for text, vector in vectors.items()}

    def cosine(a: echoes_module._Quote, b: echoes_module._Quote) -> float:
        return sum(x * y for x, y in zip(unit[a.text], unit[b.text], strict=True))

    def neighbours(a: echoes_module._Quote) -> float:
        near = sorted((cosine(a, b) for b in quotes if b.speaker_id != a.speaker_id), reverse=True)
        return sum(near[: echoes_module.NEIGHBOURS]) / max(len(near[: echoes_module.NEIGHBOURS]), 1)

    found = set()
    for n, a in enumerate(quotes):
        for b in quotes[n + 1 :]:
            near = cosine(a, b)
            two = a.speaker_id != b.speaker_id and not echoes_module._overlap(a, b)
            if two and near >= threshold and near >= margin * max((neighbours(a) + neighbours(b)) / 2, 1e-6):
                found.add(echoes_module._ordered(a, b))
    return found


def test_a_text_reprinted_by_many_documents_and_speakers_pairs_as_each_statement_would(monkeypatch: MonkeyPatch) -> None:  # fmt: skip
    # four texts, two near each other; reprinted by several speakers, twice by one of them, once overlapping
    vectors = {
        "tax rises will not come this year, the minister said": [1.0, 0.1, 0.0, 0.0],
        "this year there will be no rise in taxes at all, he said": [0.9, 0.25, 0.05, 0.0],
        "the bridge over the river opens to traffic in May": [0.0, 1.0, 0.2, 0.0],
        "the harvest was the largest in a decade across the region": [0.1, 0.0, 1.0, 0.3],
    }
    texts = list(vectors)
    quotes = [
        _statement(1, texts[0], speaker=1), _statement(2, texts[0], speaker=1), _statement(3, texts[0], speaker=2),
        _statement(4, texts[1], speaker=3), _statement(5, texts[1], speaker=3, doc="doc-4", start=5),
        _statement(6, texts[1], speaker=1), _statement(7, texts[2], speaker=2), _statement(8, texts[2], speaker=4),
        _statement(9, texts[3], speaker=4), _statement(10, texts[3], speaker=5), _statement(11, texts[2], speaker=5),
    ]  # fmt: skip
    fake = {text: np.array(vector, dtype=np.float32) / np.linalg.norm(vector) for text, vector in vectors.items()}
    monkeypatch.setattr(echoes_module, "_vectors", dict(fake))
    monkeypatch.setattr(embeddings, "embed", lambda texts: [fake[text] for text in texts])
    for threshold, margin in ((0.75, 1.15), (0.5, 1.05), (0.9, 1.0), (0.0, 0.5)):
        found = echoes_module.close_pairs(quotes, threshold, margin)
        assert {(a, b) for a, b, _ in found.pairs} == _each_statement(quotes, vectors, threshold, margin)
        assert len(found.pairs) == len({(a, b) for a, b, _ in found.pairs})  # each pair once
    assert echoes_module.close_pairs(quotes, 0.75, 1.05).pairs  # the two near texts: a pair at all
