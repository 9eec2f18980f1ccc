"""The store on PostgreSQL: the statements translated, the same schema as SQLite's, full-text search in the
'english' and 'russian' configurations, and several writers at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from elitewatch.pipeline import ingest
from elitewatch.query.documents import search_documents
from elitewatch.query.queries import search_quotes
from elitewatch.resolve.judgements import judge
from elitewatch.settings import Settings
from elitewatch.store import connect, transaction
from elitewatch.store.postgres import translate
from tests import pg


def test_statements_are_translated_outside_their_literals() -> None:
    sql, returns = translate("SELECT start, end, 'the end?' FROM quotes q WHERE +q.id = ? AND q.end > ?")
    assert sql == "SELECT start, \"end\", 'the end?' FROM quotes q WHERE q.id = %s AND q.end > %s"
    assert not returns
    sql, returns = translate("INSERT OR IGNORE INTO event_participants (event_id, doc_entity_id) VALUES (?, ?)")
    assert sql.endswith("VALUES (%s, %s) ON CONFLICT DO NOTHING") and not returns
    sql, returns = translate("INSERT INTO quotes (text, start, end) VALUES (?, ?, ?)")
    assert sql.endswith('(text, start, "end") VALUES (%s, %s, %s) RETURNING id') and returns
    assert translate("SELECT CASE WHEN a THEN 1 END FROM t WHERE n LIKE '%x' AND ? IS NULL")[0] == (
        "SELECT CASE WHEN a THEN 1 END FROM t WHERE n LIKE '%%x' AND CAST(%s AS TEXT) IS NULL"
    )


def _columns_sqlite(path: Path) -> dict[str, list[str]]:
    conn = connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%fts5%'")]
    found = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in tables if "_fts" not in t}
    conn.close()
    return found


def test_the_same_tables_and_columns_as_sqlite(postgres_cluster: pg.Cluster, tmp_path: Path) -> None:
    sqlite_columns = _columns_sqlite(tmp_path / "s.db")
    conn = connect(postgres_cluster.create())
    rows = conn.execute(
        """SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'
           ORDER BY table_name, ordinal_position"""
    ).fetchall()
    postgres_columns: dict[str, list[str]] = {}
    for table, column in rows:
        if column not in ("rowid", "fts"):  # SQLite's implicit rowid, and FTS5's tables as a column
            postgres_columns.setdefault(table, []).append(column)
    assert postgres_columns == sqlite_columns
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [r[0] for r in connect(tmp_path / "s.db").execute("SELECT version FROM schema_migrations")]


ENGLISH = '"The sanctions against our industries will fail," Anna Berg said in Oslo on Monday.\n'
RUSSIAN = "«Мы не признаём эти санкции против наших предприятий», — заявил Иван Петров в Москве.\n"


def test_full_text_search_stems_english_and_russian(postgres_cluster: pg.Cluster, tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    conn = connect(postgres_cluster.create())
    ingest(conn, [str(tmp_path)], Settings())
    # the 'english' configuration: "industry" finds "industries"; the 'russian' one: «санкция» finds «санкции»
    assert [q["doc_id"] for q in search_quotes(conn, text="industry")] == ["en"]
    assert [q["doc_id"] for q in search_quotes(conn, text="санкция")] == ["ru"]
    assert [q["doc_id"] for q in search_quotes(conn, text="предприят")] == ["ru"]  # the last word a prefix
    assert [d["id"] for d in search_documents(conn, "sanction")] == ["en"]
    assert search_documents(conn, "санкциями")[0]["snippet"].count("[") >= 1
    assert search_quotes(conn, text="absent words") == []


WRITERS = 3


def test_analysts_write_at_once_without_locking_each_other_out(postgres_cluster: pg.Cluster, tmp_path: Path) -> None:
    """Three writers ingest documents naming the same new people while a fourth records judgements: every
    write lands (each waits its turn for the few milliseconds of another's write, none fails), one entity per
    person, and readers read meanwhile."""
    url = postgres_cluster.create()
    connect(url).close()
    folders = []
    for n in range(WRITERS):
        folder = tmp_path / f"w{n}"
        folder.mkdir()
        for k in range(3):
            (folder / f"w{n}-{k}.txt").write_text(
                f"Olaf Brekke met Ingrid Solvang in Bergen on May {k + 1}, 2021. Report {n}-{k}.\n", encoding="utf-8"
            )
        folders.append(folder)
    failures: list[BaseException] = []
    barrier = threading.Barrier(WRITERS + 1)

    def write(folder: Path) -> None:
        try:
            conn = connect(url)
            barrier.wait()
            report = ingest(conn, [str(folder)], Settings())
            assert not report.refused, report.refused
            conn.close()
        except BaseException as error:
            failures.append(error)

    def judge_meanwhile() -> None:
        try:
            conn = connect(url)
            barrier.wait()
            for _ in range(5):
                with transaction(conn):
                    judge(conn, "reject", "person", "Olaf Brekke", "Ingrid Solvang")
                conn.execute("SELECT COUNT(*) FROM documents").fetchone()
            conn.close()
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=write, args=(f,)) for f in folders] + [threading.Thread(target=judge_meanwhile)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not failures, failures
    conn = connect(url, readonly=True)
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == WRITERS * 3
    named = [r[0] for r in conn.execute("SELECT name FROM entities ORDER BY name")]
    assert named == ["Bergen", "Ingrid Solvang", "Olaf Brekke"]  # each minted once, by whichever wrote first
    assert conn.execute("SELECT COUNT(*) FROM judgements").fetchone()[0] == 1  # the same judgement, kept once
    with pytest.raises(sqlite3.OperationalError, match="read-only"):
        conn.execute("DELETE FROM documents")


def contents(store: Path | str) -> dict[str, Any]:
    """A store's contents without its ids, which depend on the order documents were written in: each document,
    the entity each of its entities links to, every entity with its aliases, and each document's facts."""
    conn = connect(store, readonly=True)
    try:
        documents = sorted(tuple(r) for r in conn.execute("SELECT id, content_hash, published FROM documents"))
        links = sorted(
            tuple(r)
            for r in conn.execute(
                "SELECT de.doc_id, de.local_no, e.type, e.name FROM doc_entities de JOIN entities e ON e.id = de.entity_id"
            )
        )
        aliases = sorted(
            tuple(r)
            for r in conn.execute(
                "SELECT e.type, e.name, a.alias, a.mentions FROM aliases a JOIN entities e ON e.id = a.entity_id"
            )
        )
        entities = sorted(tuple(r) for r in conn.execute("SELECT type, name, key FROM entities"))
        facts = {
            table: sorted(tuple(r) for r in conn.execute(f"SELECT doc_id, COUNT(*) FROM {table} GROUP BY doc_id"))
            for table in ("mentions", "quotes", "positions", "events", "claims")
        }
        return {"documents": documents, "links": links, "aliases": aliases, "entities": entities, "facts": facts}
    finally:
        conn.close()


TEAM = ["Marta Kowalczyk", "Tomas Lindqvist", "Aliya Nurlanova", "Oskar Brandt", "Greta Holm"]
PORTS = ["Gdansk", "Riga", "Aktau", "Hamburg"]


def team_article(n: int) -> str:
    a, b = TEAM[n % 5], TEAM[(n + 2) % 5]
    return (
        f"{a} met {b} in {PORTS[n % 4]} on June {n + 1}, 2022.\n\n"
        f'"The new ferry line opens next spring," {a.split()[-1]} told reporters after the meeting.\n\n'
        f"{b}, the minister of ports, was appointed in 2020. {b.split()[-1]} visited the terminal."
    )


def team_corpus(folder: Path, numbers: range) -> Path:
    folder.mkdir()
    for n in numbers:
        (folder / f"t{n:02d}.txt").write_text(team_article(n), encoding="utf-8")
    return folder


def test_ingests_at_once_give_the_entities_one_ingest_gives(postgres_cluster: pg.Cluster, tmp_path: Path) -> None:
    """Three `elitewatch ingest` processes into one store at once (two halves of a corpus naming the same
    people, and the first half again): each document once, and the same entities, links, aliases and facts
    as one ingest of the corpus."""
    first, second = team_corpus(tmp_path / "a", range(0, 6)), team_corpus(tmp_path / "b", range(6, 12))
    elitewatch = str(Path(sys.executable).parent / "elitewatch")
    at_once = postgres_cluster.create()
    connect(at_once).close()
    processes = [
        subprocess.Popen(
            [elitewatch, "ingest", str(folder), "--db", at_once, "--workers", "1", "-q"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in (first, second, first)
    ]
    outputs = [process.communicate(timeout=600) for process in processes]
    assert [process.returncode for process in processes] == [0, 0, 0], outputs
    ingested = [int(out.split("ingested ", 1)[1].split()[0]) for out, _ in outputs]
    unchanged = [int(out.split("unchanged ", 1)[1].split(",")[0]) for out, _ in outputs]
    assert (ingested[1], ingested[0] + ingested[2], sum(unchanged)) == (6, 6, 6)  # the first half stored once
    one = postgres_cluster.create()
    conn = connect(one)
    ingest(conn, [str(first), str(second)], Settings())
    conn.close()
    assert contents(at_once) == contents(one)


def test_the_cli_takes_the_server_from_db_or_elitewatch_db(postgres_cluster: pg.Cluster, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from elitewatch.cli import app

    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    url = postgres_cluster.create()
    runner = CliRunner()
    added = runner.invoke(app, ["ingest", str(tmp_path), "--db", url, "-q"])
    assert added.exit_code == 0, added.output
    quotes = runner.invoke(app, ["quotes", "--search", "industries"], env={"ELITEWATCH_DB": url})
    assert quotes.exit_code == 0 and "Anna Berg" in quotes.output, quotes.output
    assert not (Path.cwd() / "postgresql:").exists()  # never taken for a file's name
    wrong = runner.invoke(app, ["summary"], env={"ELITEWATCH_DB": url.replace("/store_", "/absent_")})
    assert wrong.exit_code == 1 and "cannot open the database" in wrong.output


def test_review_split_and_ids_on_the_server(postgres_cluster: pg.Cluster, tmp_path: Path) -> None:
    """The judgements' statements (a candidate pair replaced and numbered, accepted; a split; Wikidata ids) on
    PostgreSQL, on the texts of tests/resolve's review test."""
    import json

    from typer.testing import CliRunner

    from elitewatch.cli import app

    def run(*args: str) -> str:
        result = CliRunner().invoke(app, [*args, "--db", url])
        assert result.exit_code == 0, result.output
        return result.output

    (tmp_path / "a.txt").write_text(
        "NASA director Bill Gerstenmaier spoke in Houston with Vladimir Putin and Dmitry Medvedev.", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "Директор НАСА Гернстермайер заявил в Москве, что Владимир Путин и Дмитрий Медведев согласны.", encoding="utf-8"
    )
    url = postgres_cluster.create()
    run("ingest", str(tmp_path))
    pairs = [json.loads(line) for line in run("review", "--json").splitlines()]
    pair = next(p for p in pairs if "Gerstenmaier" in p["a_name"] + p["b_name"])
    run("review", "--accept", str(pair["number"]))
    assert {"Bill Gerstenmaier", "Гернстермайер"} <= set(json.loads(run("person", "Гернстермайер", "--json"))["aliases"])
    run("split", "Vladimir Putin", "Владимир Путин")
    table = tmp_path / "ids.csv"
    table.write_text("name,wikidata\nVladimir Putin,Q7747\n", encoding="utf-8")
    assert "1 attached" in run("ids", str(table))


READING = [
    ["summary"], ["entities", "--json"], ["person", "Tokayev", "--json"], ["person", "Токаев", "--json"],
    ["events", "--json"], ["intervals", "--json"], ["network", "--person", "Tokayev"], ["echoes", "--json"],
    ["contrasts", "Tokayev"], ["narratives", "--json"], ["claims", "--json"], ["quotes", "--json"],
    ["quotes", "--search", "dialogue", "--json"], ["export"], ["export", "--format", "ftm"],
    *(["export", "--format", "csv", "--kind", kind] for kind in ("documents", "quotes", "positions", "events", "entities")),
    ["review", "--json"],
]  # fmt: skip
PAGES = ["/index.json", "/quotes.json", "/events.json", "/documents.json", "/entities.json", "/network.json"]


@pytest.mark.sqlite_only
def test_every_reading_command_and_page_answers_the_same_on_both(
    examples_store: Path, postgres_cluster: pg.Cluster
) -> None:
    """The sample articles in an SQLite file and on the server: every reading command and the corpus pages
    give the same answer, byte for byte (search's snippets, drawn by each database, aside)."""
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from elitewatch.cli import app
    from elitewatch.web.app import create_app
    from tests.conftest import EXAMPLES

    url = postgres_cluster.create()
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(EXAMPLES), "--db", url, "-q", "--workers", "1"]).exit_code == 0
    for command in READING:
        answers = [runner.invoke(app, [*command, "--db", str(db)]) for db in (examples_store, url)]
        assert answers[0].exit_code == answers[1].exit_code == 0, (command, answers[1].output[-500:])
        assert answers[0].output == answers[1].output, command
    clients = [TestClient(create_app(db)) for db in (examples_store, url)]
    for page in PAGES:
        sqlite_page, postgres_page = (client.get(page) for client in clients)
        assert sqlite_page.status_code == postgres_page.status_code == 200, page
        assert sqlite_page.json() == postgres_page.json(), page
