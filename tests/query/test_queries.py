from elitewatch.query import person_profile, search_documents, search_quotes
from elitewatch.query.careers import offices


def test_person_by_any_spelling(examples_db) -> None:  # type: ignore[no-untyped-def]
    latin = person_profile(examples_db, "Tokaev")
    cyrillic = person_profile(examples_db, "Токаев")
    assert latin["id"] == cyrillic["id"]
    assert {"Kassym-Jomart Tokayev", "Токаев"} <= set(latin["aliases"])
    assert latin["quotes"]


def test_quote_and_document_search(examples_db) -> None:  # type: ignore[no-untyped-def]
    found = search_quotes(examples_db, text="dialogue confrontation")
    assert [q["speaker"] for q in found] == ["Kassym-Jomart Tokayev"]
    assert search_documents(examples_db, "credentials")[0]["id"] == "abayev-credentials"
    # Words a user types never break the FTS query.
    assert isinstance(search_documents(examples_db, 'AND "OR ( NEAR'), list)


def _row(role: str, org: str | None, doc: str, start: str | None = None, as_of: str | None = None) -> dict:  # type: ignore[type-arg]
    return {
        "role": role,
        "org": org,
        "org_id": None,
        "start": start,
        "end": None,
        "as_of": as_of,
        "ended": False,
        "pattern": "title",
        "doc_id": doc,
        "sentence": f"… {role} …",
        "sentence_start": 0,
        "sentence_end": 10,
    }


def test_career_offices_join_the_same_office_across_documents_and_scripts() -> None:
    rows = [
        _row("current CSTO Secretary General", "Collective Security Treaty Organization", "a", as_of="2023-05-09"),
        _row("CSTO Secretary General", "Collective Security Treaty Organization", "b", start="2023"),
        _row("генсек ОДКБ", "Collective Security Treaty Organization", "c", as_of="2024-10-30"),
        _row("Kazakhstani acting president", "Kazakhstan", "d", start="2019-03-20"),
        _row("President", None, "e", as_of="2022-02-01"),
        _row("Kazakh President", "Kazakhstan", "f", as_of="2023-05-09"),
    ]
    grouped = {(o["role"], o["start"], tuple(o["seen"]), len(o["sources"])) for o in offices(rows)}
    assert grouped == {
        ("CSTO Secretary General", "2023", ("2023-05-09", "2024-10-30"), 3),
        ("Kazakhstani acting president", "2019-03-20", (), 1),  # acting is an office of its own
        ("Kazakh President", None, ("2022-02-01", "2023-05-09"), 2),  # no place named: joins its one office
    }


def test_an_office_named_in_many_documents_lists_its_earliest_and_latest_sources() -> None:
    rows = [_row("President", "Russia", f"doc{n:02}", as_of=f"20{n:02}-01-01") for n in range(25)]
    [office] = offices(rows)
    assert office["sources_total"] == 25 and office["seen"][0] == "2000-01-01" and office["seen"][-1] == "2024-01-01"
    assert [s["doc_id"] for s in office["sources"]] == [f"doc{n:02}" for n in (0, 1, 2, 3, 4, 20, 21, 22, 23, 24)]


def test_quote_search_by_a_common_word_walks_the_dates_and_agrees_with_sorting(examples_db, monkeypatch, backend) -> None:  # type: ignore[no-untyped-def]
    from elitewatch.query import queries

    # PostgreSQL's text-search configurations leave stop words out of the index: "the" finds nothing there
    word = "the" if backend == "sqlite" else "russia"
    if backend == "postgresql":
        assert search_quotes(examples_db, text="the") == []
    sorted_found = search_quotes(examples_db, text=word, limit=5)
    monkeypatch.setattr(queries, "SORT_MATCHES", 0)  # every word counts as common: the date index is walked
    walked = search_quotes(examples_db, text=word, limit=5)
    assert sorted_found and [q["id"] for q in walked] == [q["id"] for q in sorted_found]
    dates = [q["said_on"] or q["published"] for q in walked]
    assert dates == sorted(dates, reverse=True)
