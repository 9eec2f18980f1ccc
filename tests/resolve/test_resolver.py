from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from elitewatch.cli import app
from elitewatch.pipeline import ingest
from elitewatch.settings import Settings
from elitewatch.store import connect

ENGLISH = (
    "Kazakh President Kassym-Jomart Tokayev met Russian President Vladimir Putin in Moscow on Monday. "
    "Tokayev said the CSTO would stay. Imangali Tasmagambetov, the CSTO Secretary General, agreed."
)
RUSSIAN = (
    "Президент Казахстана Касым-Жомарт Токаев встретился с президентом России Владимиром Путиным в Москве. "
    "Токаев заявил, что ОДКБ сохранится. Генсек ОДКБ Имангали Тасмагамбетов согласился."
)


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def people(conn) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    rows = conn.execute(
        """SELECT e.name, a.alias FROM entities e JOIN aliases a ON a.entity_id = e.id WHERE e.type = 'person'"""
    ).fetchall()
    found: dict[str, set[str]] = {}
    for name, alias in rows:
        found.setdefault(name, set()).add(alias)
    return found


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_an_english_and_a_russian_document_give_one_entity_per_person(tmp_path: Path) -> None:
    write(tmp_path / "in", "en", ENGLISH)
    write(tmp_path / "in", "ru", RUSSIAN)
    conn = connect(tmp_path / "s.db")
    ingest(conn, [str(tmp_path / "in")], Settings())
    found = people(conn)
    assert set(found) == {"Kassym-Jomart Tokayev", "Vladimir Putin", "Imangali Tasmagambetov"}
    assert {"Tokayev", "Касым-Жомарт Токаев", "Токаев"} <= found["Kassym-Jomart Tokayev"]
    assert {"Владимир Путин", "Vladimir Putin"} <= found["Vladimir Putin"]
    assert "Имангали Тасмагамбетов" in found["Imangali Tasmagambetov"]
    organizations = conn.execute("SELECT COUNT(*) FROM entities WHERE type = 'organization'").fetchone()[0]
    assert organizations == 1  # CSTO = ОДКБ


def test_spellings_across_documents_join_and_different_people_stay_apart(tmp_path: Path) -> None:
    write(tmp_path / "in", "a", "Prime Minister Benjamin Netanyahu met Nursultan Nazarbayev and Ramzan Kadyrov.")
    write(tmp_path / "in", "b", "Binyamin Netanyahu spoke with Dariga Nazarbayeva and Akhmat Kadyrov in Astana.")
    conn = connect(tmp_path / "s.db")
    ingest(conn, [str(tmp_path / "in")], Settings())
    names = set(people(conn))
    assert len({n for n in names if "Netanyahu" in n}) == 1
    assert {"Nursultan Nazarbayev", "Dariga Nazarbayeva", "Ramzan Kadyrov", "Akhmat Kadyrov"} <= names


def test_review_merge_split_and_ids_are_kept_over_reingestion(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder, "a", "NASA director Bill Gerstenmaier spoke in Houston with Vladimir Putin and Dmitry Medvedev.")
    write(folder, "b", "Директор НАСА Гернстермайер заявил в Москве, что Владимир Путин и Дмитрий Медведев согласны.")
    db = str(tmp_path / "s.db")
    run("ingest", str(folder), "--db", db)
    pairs = [json.loads(line) for line in run("review", "--db", db, "--json").splitlines()]
    pair = next(p for p in pairs if "Gerstenmaier" in p["a_name"] + p["b_name"])
    assert 0.5 <= pair["score"] < 0.85 and any("surname" in r for r in pair["reasons"])
    run("review", "--db", db, "--accept", str(pair["number"]))
    profile = json.loads(run("person", "Гернстермайер", "--db", db, "--json"))
    assert {"Bill Gerstenmaier", "Гернстермайер"} <= set(profile["aliases"])
    putin = json.loads(run("person", "Vladimir Putin", "--db", db, "--json"))["id"]
    # A changed document is analysed again: the judgement still holds.
    write(folder, "b", RUSSIAN.replace("Москве", "Минске") + " Гернстермайер заявил в Москве, что согласен.")
    run("ingest", str(folder), "--db", db)
    again = json.loads(run("person", "Bill Gerstenmaier", "--db", db, "--json"))
    assert {"Bill Gerstenmaier", "Гернстермайер"} <= set(again["aliases"]) and again["id"] == profile["id"]
    assert json.loads(run("person", "Vladimir Putin", "--db", db, "--json"))["id"] == putin  # ids are stable
    # Split: the Russian documents' Putin is taken out, and stays out after re-ingestion.
    run("split", "Vladimir Putin", "Владимир Путин", "--db", db)
    write(folder, "b", RUSSIAN + " Владимир Путин согласился.")
    run("ingest", str(folder), "--db", db)
    conn = connect(db)
    putins = [r[0] for r in conn.execute("SELECT name FROM entities WHERE name LIKE '%Putin%' OR name LIKE '%Путин%'")]
    assert sorted(putins) == ["Vladimir Putin", "Владимир Путин"]
    # Wikidata ids from the user's table, kept for entities to come.
    table = tmp_path / "ids.csv"
    table.write_text("name,wikidata\nVladimir Putin,Q7747\nSergey Lavrov,Q28782\n", encoding="utf-8")
    assert "1 attached" in run("ids", str(table), "--db", db)
    records = [json.loads(line) for line in run("export", "--db", db).splitlines()]
    assert {r["name"]: r["wikidata"] for r in records if r["kind"] == "entity"}["Vladimir Putin"] == "Q7747"


@pytest.mark.parametrize("args", [["merge", "Nobody Atall", "Vladimir Putin"], ["ids", "missing.csv"]])
def test_judgements_fail_cleanly(tmp_path: Path, args: list[str]) -> None:
    write(tmp_path / "in", "a", ENGLISH)
    db = str(tmp_path / "s.db")
    run("ingest", str(tmp_path / "in"), "--db", db)
    result = CliRunner().invoke(app, [*args, "--db", db])
    assert result.exit_code == 1 and "error" in result.output


def test_resolving_a_document_reads_entities_and_aliases_through_indexes(tmp_path: Path) -> None:
    # Each new document's people are looked up among all people stored: a lookup that walks the whole entities
    # or aliases table grows with the store (it did: by type, through the (type, key) index).
    write(tmp_path / "in", "en", ENGLISH)
    write(tmp_path / "in", "ru", RUSSIAN)
    conn = connect(tmp_path / "s.db")
    ingest(conn, [str(tmp_path / "in")], Settings())
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    write(tmp_path / "more", "b", "Binyamin Netanyahu met Tokayev and Kassym Tokayev's aide Putin in Astana.")
    ingest(conn, [str(tmp_path / "more")], Settings())
    conn.set_trace_callback(None)
    selects = {s for s in statements if s.lstrip().upper().startswith("SELECT") and "entities" in s}
    assert any("surname" in s for s in selects) and any("aliases" in s for s in selects)
    for sql in selects:
        plan = " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "SCAN e " not in plan + " " and "SCAN entities" not in plan and "SCAN a " not in plan + " ", (sql, plan)
        assert "sqlite_autoindex_entities_1 (type=?)" not in plan, (sql, plan)


@pytest.mark.parametrize("given", ["²", "99999999999999999999", "123456"])
def test_an_id_that_names_no_entity_is_not_found(memory_db, given: str) -> None:  # type: ignore[no-untyped-def]
    from elitewatch.errors import NotFoundError
    from elitewatch.resolve.judgements import one_entity

    with pytest.raises(NotFoundError):
        one_entity(memory_db, given)


def test_writing_a_document_carries_out_only_the_judgements_that_name_what_it_touches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from elitewatch.resolve import judgements

    folder = tmp_path / "in"
    write(folder, "a", "Vladimir Putin met Dmitry Medvedev in Moscow.")
    conn = connect(tmp_path / "s.db")
    ingest(conn, [str(folder)], Settings())
    for number in range(40):  # judgements about people no new document names
        judgements.judge(conn, "reject", "person", f"Person{number} Alpha", f"Person{number} Beta")
    judgements.judge(conn, "merge", "person", "Vladimir Putin", "Владимир Путин")
    conn.commit()
    looked_up: list[str] = []
    real = judgements.judged_entities

    def counting(conn, name, entity_type=None):  # type: ignore[no-untyped-def]
        looked_up.append(name)
        return real(conn, name, entity_type)

    monkeypatch.setattr(judgements, "judged_entities", counting)
    write(folder, "b", "Владимир Путин прибыл в Минск.")
    ingest(conn, [str(folder)], Settings())
    assert not any(name.startswith("Person") for name in looked_up)  # the 40 unrelated ones were not replayed
    assert "Владимир Путин" in looked_up  # the merge naming the new document's entity was
    putins = [r[0] for r in conn.execute("SELECT name FROM entities WHERE name LIKE '%Putin%' OR name LIKE '%Путин%'")]
    assert putins == ["Vladimir Putin"]  # and it holds


def test_a_body_every_country_has_stays_each_countrys_across_documents(tmp_path: Path) -> None:
    write(tmp_path / "in", "de", "В МИД Германии заявили о протесте. Позже МИД уточнил позицию.")
    write(tmp_path / "in", "pl", "В МИД Польши ответили коллегам. МИД опубликовал заявление.")
    write(tmp_path / "in", "de2", "Представитель МИД ФРГ повторил: МИД не изменит позицию.")
    conn = connect(tmp_path / "s.db")
    ingest(conn, [str(tmp_path / "in")], Settings())
    rows = conn.execute(
        """SELECT e.id, a.alias FROM entities e JOIN aliases a ON a.entity_id = e.id
            WHERE e.type = 'organization' AND a.alias IN ('МИД Германии', 'МИД Польши', 'МИД ФРГ')"""
    ).fetchall()
    owner = {alias: entity_id for entity_id, alias in rows}
    assert owner["МИД Германии"] == owner["МИД ФРГ"]  # one country by two of its names
    assert owner["МИД Германии"] != owner["МИД Польши"]


def test_an_organization_misspelled_or_in_another_script_joins_across_documents(tmp_path: Path) -> None:
    write(
        tmp_path / "in", "a", "Компания «Трансенфтегаз» подала иск. Совет директоров «Трансенфтегаз» собрался в среду."
    )
    write(tmp_path / "in", "b", "Компания «Транснефтегаз» выиграла дело. Акции «Транснефтегаз» выросли.")
    write(tmp_path / "in", "c", "Компания «Транснефть» объявила дивиденды. Акции «Транснефть» выросли.")
    conn = connect(tmp_path / "s.db")
    ingest(conn, [str(tmp_path / "in")], Settings())
    rows = conn.execute(
        """SELECT e.id, a.alias FROM entities e JOIN aliases a ON a.entity_id = e.id
            WHERE a.alias IN ('Трансенфтегаз', 'Транснефтегаз', 'Транснефть')"""
    ).fetchall()
    owner = {alias: entity_id for entity_id, alias in rows}
    assert owner["Трансенфтегаз"] == owner["Транснефтегаз"]  # two letters swapped: a typo
    assert owner["Транснефть"] != owner["Транснефтегаз"]  # another name


def test_organizations_joined_by_spelling_and_key_are_the_same_in_any_order(tmp_path: Path) -> None:
    texts = {
        "a": "Компания «Трансенфтегаз» подала иск. Представитель белорусского правительства промолчал.",
        "b": "Компания «Транснефтегаз» выиграла дело. Правительство Белоруссии ответило.",
        "c": "Акции «Транснефтегаз» выросли. Министерство иностранных дел Белоруссии сделало заявление.",
    }

    def entities(order: list[str], name: str) -> set[tuple[str, tuple[str, ...]]]:
        conn = connect(tmp_path / f"{name}.db")
        for doc_id in order:
            write(tmp_path / name, doc_id, texts[doc_id])
            ingest(conn, [str(tmp_path / name / f"{doc_id}.txt")], Settings(workers=1))
        found = set()
        for row in conn.execute("SELECT id, type FROM entities"):
            aliases = conn.execute("SELECT alias FROM aliases WHERE entity_id = ? AND mentions > 0", (row[0],))
            found.add((row[1], tuple(sorted(r[0] for r in aliases))))
        return found

    forward = entities(["a", "b", "c"], "forward")
    assert forward == entities(["c", "b", "a"], "backward") == entities(["b", "c", "a"], "mixed")
    governments = [aliases for kind, aliases in forward if "Правительство Белоруссии" in aliases]
    assert governments and "белорусского правительства" in governments[0]


def test_initials_and_declined_russian_names_join_the_full_name_across_documents(tmp_path: Path) -> None:
    write(tmp_path / "in", "a", "Канцлер Олаф Шольц прибыл в Прагу. Визит Шольца продлится два дня.")
    write(tmp_path / "in", "b", "Переговоры с О.Шольцем прошли в Вене. О.Шольц остался доволен.")
    write(tmp_path / "in", "c", "В.В. Путин подписал указ в Кремле. Указ вступит в силу завтра.")
    write(tmp_path / "in", "d", "Президент Владимир Путин выступил в Сочи. Путину задали вопросы.")
    conn = connect(tmp_path / "s.db")
    ingest(conn, [str(tmp_path / "in")], Settings())
    found = people(conn)
    assert {"Олаф Шольц", "О.Шольц", "О.Шольцем"} <= found["Олаф Шольц"]
    assert {"Владимир Путин", "В.В. Путин"} <= found["Владимир Путин"]
