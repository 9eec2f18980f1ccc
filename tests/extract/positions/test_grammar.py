"""Russian morphology of role words (elitewatch.extract.positions.grammar), on sentences written for the test."""

from tests.helpers import positions_of


def test_a_genitive_plural_in_ei_is_a_plural_title_over_every_name_of_its_list() -> None:
    found = positions_of(
        "Сенат утвердил на должности заместителей министра финансов Олега Рябова, Ивана Петрова и Андрея Козлова."
    )
    holders = {person for person, role, _ in found if role == "заместитель министра финансов"}
    assert holders == {"Олег Рябов", "Иван Петров", "Андрей Козлов"}


def test_a_feminine_noun_made_from_an_adjective_in_ei_stays_singular() -> None:
    found = positions_of("Мы поговорили с заведующей кафедрой Анной Ивановой, а Олег Рябов промолчал.")
    assert all(person != "Олег Рябов" for person, _, _ in found)
