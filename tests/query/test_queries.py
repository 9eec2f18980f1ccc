from elitewatch.query import person_profile, search_documents, search_quotes


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
