from tests.helpers import analyse_text, entity


def test_central_asian_names_typed_person_by_evidence() -> None:
    # en_core_web_sm tags such names ORG; titles, speech verbs and surname shape outvote it.
    analysis = analyse_text(
        "The Secretary General of the CSTO, Imangali Tasmagambetov, spoke in Moscow. "
        "Imangali Tasmagambetov began to make statements. Tasmagambetov said the alliance was ready."
    )
    assert entity(analysis, "Imangali Tasmagambetov") == ("person", "Imangali Tasmagambetov")
    assert entity(analysis, "Tasmagambetov")[1] == "Imangali Tasmagambetov"


def test_gazetteer_fixes_places_and_organizations() -> None:
    analysis = analyse_text(
        "Ak Orda angered the Kremlin. The CSTO (ОДКБ) met in Astana, and Kazakh officials attended."
    )
    assert entity(analysis, "Ak Orda") == ("organization", "Akorda")
    assert entity(analysis, "CSTO")[0] == "organization"
    assert entity(analysis, "Astana") == ("place", "Astana")
    # A demonym is not an entity.
    assert all("Kazakh" not in e.forms for e in analysis.entities)


def test_surname_joins_full_name() -> None:
    analysis = analyse_text("Nursultan Nazarbayev ruled for decades. Later Nazarbayev kept his party post.")
    assert entity(analysis, "Nazarbayev")[1] == "Nursultan Nazarbayev"


def test_brackets_join_aliases(seeds_db) -> None:  # type: ignore[no-untyped-def]
    # "Imangali Nurgaliuly [Tasmagambetov]" in the first seed article.
    rows = seeds_db.execute(
        "SELECT DISTINCT entity_id FROM aliases WHERE alias IN ('Imangali Nurgaliuly', 'Imangali Tasmagambetov')"
    ).fetchall()
    assert len(rows) == 1


def test_russian_names_are_lemmatized() -> None:
    analysis = analyse_text("Журналисты встретились с Владимиром Путиным и Касым-Жомартом Токаевым в Москве.")
    names = {e.name for e in analysis.entities if e.type == "person"}
    assert "Владимир Путин" in names


def test_web_outlets_are_organizations() -> None:
    analysis = analyse_text("According to Azattyq.org, the decision was made in Astana.")
    assert entity(analysis, "Azattyq.org") == ("organization", "Azattyq.org")


def test_possessive_relation_makes_a_person() -> None:
    # The small model tags this name ORG; only a person has a son, a predecessor or a widow.
    assert entity(analyse_text("Berdimuhamedow’s son took over in 2022."), "Berdimuhamedow")[0] == "person"


def test_a_name_in_brackets_after_a_name_is_the_same_entity_and_yo_is_kept() -> None:
    analysis = analyse_text(
        "Об этом сказал руководитель КЗЖ Джоэл Саймон (Joel Simon). По словам главы Минкомсвязи Игоря Щеголёва, "
        "правила изменятся. Реформу начал президент Барак Обама, её продолжил Конгресс."
    )
    people = {e.name: e.forms for e in analysis.entities if e.type == "person"}
    assert "Джоэл Саймон" in people["Joel Simon"]
    assert "Игорь Щеголёв" in people
    assert not any("(" in name for e in analysis.entities for name in (e.name, *e.forms))


def test_legal_forms_hyphen_titles_acronym_typos_and_misspelled_surnames() -> None:
    analysis = analyse_text(
        "Kazakhstan Temir Zholy JSC NC signed with Transmashholding JSC. Transmashholding will deliver. "
        "The CTSO secretary spoke. Tasmagambetov initiated the state-level burial of the remains of Keiki-batyr "
        "(Nurmagambet Kokeimbaiuly). The skull of one of the leaders of the 1916 uprising against Tsarist Russia "
        "had been kept for decades in St. Petersburg.\n\n"
        "Михаил Сааакашвили уверенно лидирует. Президент Михаил Саакашвили заявил о победе."
    )
    by_name = {e.name: (e.type, e.forms) for e in analysis.entities}
    assert by_name["Kazakhstan Temir Zholy"] == ("organization", {"Kazakhstan Temir Zholy JSC NC"})
    assert by_name["Transmashholding JSC"][1] >= {"Transmashholding JSC", "Transmashholding"}
    assert "CTSO" in by_name["Collective Security Treaty Organization"][1]
    keiki = next(e for e in analysis.entities if "Keiki-batyr" in e.forms)
    assert keiki.type == "person" and "Nurmagambet Kokeimbaiuly" in keiki.forms
    assert len([e for e in analysis.entities if "акашвили" in e.name]) == 1


def test_known_forms_are_found_again_as_whole_words_longest_first() -> None:
    from elitewatch.extract.entities.propagation import _whole_word_occurrences

    text = "Tokayev and Kassym-Jomart Tokayev; Tokayevs, pro-Tokayev, Tokayev_x, (Tokayev)."
    found = _whole_word_occurrences(text, ["Tokayev", "Kassym-Jomart Tokayev", "Jomart"])
    assert [(text[start : start + len(form)], start) for start, form in found] == [
        ("Tokayev", 0),
        ("Kassym-Jomart Tokayev", 12),  # not "Jomart" nor "Tokayev" inside it
        ("Tokayev", 70),
    ]
