"""Offices stated by a predicate (elitewatch.extract.positions.predicates), on sentences written for the test."""

from tests.helpers import positions_of


def test_a_plural_role_of_coordinated_subjects_is_each_ones() -> None:
    found = positions_of("Иван Петров, Олег Рябов и Андрей Козлов стали депутатами городской думы.")
    assert {person for person, role, _ in found if role == "депутат городской думы"} == {
        "Иван Петров",
        "Олег Рябов",
        "Андрей Козлов",
    }
    writers = positions_of("Иван Петров и Олег Рябов — известные писатели.")
    assert {person for person, role, _ in writers if role == "известный писатель"} == {"Иван Петров", "Олег Рябов"}


def test_a_plural_role_of_one_subject_is_no_office() -> None:
    assert positions_of("Анна Петрова и ее коллеги стали депутатами городской думы.") == []
