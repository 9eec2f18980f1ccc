"""Abbreviations and their full names, bodies named by a common noun alone: one entity within a document and
across documents (resolve.partners, resolver._by_initials). The texts are written for these tests."""

from __future__ import annotations

from pathlib import Path

from elitewatch.model import LocalEntity
from elitewatch.pipeline import ingest
from elitewatch.resolve.partners import partners
from elitewatch.settings import Settings
from elitewatch.store import connect


def organizations(folder: Path, texts: dict[str, str]) -> dict[str, set[str]]:
    """Each organization's canonical name -> the forms the documents used for it."""
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    conn = connect(folder.parent / "s.db")
    ingest(conn, [str(folder)], Settings())
    found: dict[str, set[str]] = {}
    for name, alias in conn.execute(
        """SELECT e.name, a.alias FROM entities e JOIN aliases a ON a.entity_id = e.id
            WHERE e.type = 'organization' AND a.mentions > 0"""
    ):
        found.setdefault(name, set()).add(alias)
    return found


def owner(found: dict[str, set[str]], form: str) -> str:
    owners = [name for name, forms in found.items() if form in forms]
    assert len(owners) == 1, (form, found)
    return owners[0]


def test_one_document_says_the_full_name_the_other_the_abbreviation(tmp_path: Path) -> None:
    found = organizations(
        tmp_path / "in",
        {
            "a": "Следственный комитет возбудил уголовное дело против директора завода Ивана Кольцова. "
            "Следователи провели обыски в Твери.",
            "b": "СК допросил Ивана Кольцова во вторник. Адвокат директора назвал обвинения надуманными.",
        },
    )
    assert owner(found, "СК") == owner(found, "Следственный комитет")


def test_two_full_names_with_the_same_initials_leave_the_abbreviation_alone(tmp_path: Path) -> None:
    found = organizations(
        tmp_path / "in",
        {
            "a": "Следственный комитет возбудил уголовное дело против директора завода Ивана Кольцова.",
            "b": "Итоги голосования на съезде подвела Счетная комиссия партии «Родина».",
            "c": "СК сообщил о новых обысках у Ивана Кольцова.",
        },
    )
    assert owner(found, "СК") not in (owner(found, "Следственный комитет"), owner(found, "Счетная комиссия"))


def test_within_a_document_the_abbreviation_is_the_name_it_follows(tmp_path: Path) -> None:
    found = organizations(
        tmp_path / "in",
        {
            "a": "Делегаты Генеральной Ассамблеи ООН проголосовали за резолюцию о климате. "
            "Решение ГА ООН поддержали сто двадцать государств.",
        },
    )
    assert owner(found, "ГА ООН") == owner(found, "Генеральной Ассамблеи ООН")


def test_a_body_named_by_its_noun_alone_is_the_one_body_of_that_kind_in_the_document(tmp_path: Path) -> None:
    found = organizations(
        tmp_path / "in",
        {
            "a": "Закон о пенсиях внесли в Государственную думу в понедельник. В Думе его обсудят весной.",
        },
    )
    assert owner(found, "Думе") == owner(found, "Государственную думу")


def organization(index: int, name: str, *forms: str) -> LocalEntity:
    return LocalEntity(index=index, type="organization", name=name, forms={name, *forms}, confidence=1.0)


def test_a_short_form_is_the_one_organization_of_its_kind_in_the_document_or_none() -> None:
    duma, state_duma = organization(0, "Дума", "Думе"), organization(1, "Государственная дума", "Госдуме")
    city_duma = organization(2, "Городская дума Самары")
    assert partners([duma, state_duma]) == {0: 1}
    assert partners([duma, state_duma, city_duma]) == {}  # two dumas: which one the text does not say
    committee, short = organization(0, "Следственный комитет России"), organization(1, "СК")
    assert partners([committee, short]) == {1: 0}
    other = organization(2, "Счетная комиссия")
    assert partners([committee, short, other]) == {}
    # not the head of the other name: «Комитет Госдумы по обороне» is no «Госдума»
    assert partners([organization(0, "Госдума"), organization(1, "Комитет Госдумы по обороне")]) == {}
    # «МИД» of the document that names Poland's ministry in full is Poland's
    assert partners([organization(0, "МИД"), organization(1, "Министерство иностранных дел Польши")]) == {0: 1}
    # and not Russia's when the entity also says «МИД Германии»
    assert (
        partners([organization(0, "МИД", "МИД Германии"), organization(1, "Министерство иностранных дел России")]) == {}
    )


def test_a_regional_office_keeps_its_region_and_its_abbreviation_joins_it(tmp_path: Path) -> None:
    found = organizations(
        tmp_path / "in",
        {
            "a": "Главное управление МВД по Москве задержало двух мошенников.",
            "b": "В ГУ МВД по Москве сообщили, что задержанным предъявлено обвинение.",
            "c": "В ГУ МВД по Санкт-Петербургу сообщили о новых задержаниях.",
        },
    )
    assert owner(found, "ГУ МВД по Москве") == owner(found, "Главное управление МВД по Москве")
    assert owner(found, "ГУ МВД по Санкт-Петербургу") != owner(found, "ГУ МВД по Москве")
