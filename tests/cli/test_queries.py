"""The query commands on the sample articles: entities, person, quotes, events, search, summary; hostile text shown as text."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import run


def test_query_commands(db: Path) -> None:
    assert "Kassym-Jomart Tokayev" in run("entities", "--db", str(db)).output
    person = run("person", "Токаев", "--db", str(db))
    assert person.exit_code == 0 and "Kassym-Jomart Tokayev" in person.output and "Токаев" in person.output
    quotes = run("quotes", "--speaker", "Tokaev", "--db", str(db))
    assert "dialogue" in quotes.output
    assert "abayev-credentials" in run("search", "credentials", "--db", str(db)).output
    summary = run("summary", "--db", str(db))
    assert "6 documents" in summary.output and "most quoted" in summary.output


def test_person_shows_the_career_as_a_timeline(db: Path) -> None:
    result = run("person", "Tokayev", "--db", str(db), "--json")
    career = json.loads(result.output)["career"]
    assert career, "the sample articles name Tokayev's office"
    assert [row["when"] for row in career] == sorted(row["when"] for row in career)
    assert all(row["sentence"] and row["doc_id"] for row in career)
    offices = json.loads(result.output)["offices"]
    assert sum(office["sources_total"] for office in offices) == len(career)


def test_events_filter_by_type_person_and_dates(db: Path) -> None:
    rows = [json.loads(line) for line in run("events", "--db", str(db), "--json").output.splitlines()]
    assert {"credentials", "visit", "appointment"} <= {r["type"] for r in rows}
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated)
    visits = run(
        "events", "--type", "visit", "--person", "Токаев", "--from", "2019", "--to", "2019-04", "--db", str(db)
    )
    assert visits.exit_code == 0 and "visit: Kassym-Jomart Tokayev" in visits.output and "2019-04" in visits.output
    assert "credentials" not in visits.output
    person = run("person", "Abayev", "--db", str(db), "--json")
    assert any(e["type"] == "credentials" and e["date"] == "2023-12-04" for e in json.loads(person.output)["events"])
    wrong = run("events", "--type", "party", "--db", str(db))
    assert wrong.exit_code == 1 and "press_conference" in wrong.output
    assert run("events", "--from", "last year", "--db", str(db)).exit_code == 1


def test_unknown_person_is_a_clear_error(db: Path) -> None:
    result = run("person", "Zzyzx Qwerty", "--db", str(db))
    assert result.exit_code == 1 and "Zzyzx Qwerty" in result.output


def test_hostile_text_is_shown_as_text_in_the_cli(tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(
        '---\ntitle: "[bold red]Breaking[/bold red] <script>alert(1)</script>"\npublished: 2024-05-01\n---\n'
        "“[link=javascript:alert(1)]click[/link] and [red]trust us[/red],” Vladimir Putin said on Monday.",
        encoding="utf-8",
    )
    db = str(tmp_path / "s.db")
    assert run("ingest", str(article), "--db", db, "-q").exit_code == 0
    quotes = run("quotes", "--db", db).output
    assert "[link=javascript:alert(1)]click[/link]" in quotes and "[red]trust us[/red]" in quotes
    search = run("search", "trust", "--db", db).output
    assert "[bold red]Breaking[/bold red]" in search or "[red]trust us[/red]" in search
    person = run("person", "Putin", "--db", db).output
    assert "[red]trust us[/red]" in person
