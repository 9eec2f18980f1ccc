"""Role nouns without a name (elitewatch.extract.positions.unnamed), on sentences written for the test."""

from tests.helpers import positions_of


def test_a_single_holder_office_as_the_subject_after_a_sentence_about_one_person_is_theirs() -> None:
    found = positions_of(
        "Олег Рябов отказался от участия в саммите. Премьер-министр Эстонии заявил, что не полетит в Рим."
    )
    assert ("Олег Рябов", "премьер-министр Эстонии", "Estonia") in found


def test_no_holder_when_the_sentence_before_names_two_people() -> None:
    found = positions_of("Олег Рябов встретился с Иваном Петровым. Президент Эстонии заявил, что доволен встречей.")
    assert all(role != "президент Эстонии" for _, role, _ in found)
