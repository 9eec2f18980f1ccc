"""The country of an office named without one (elitewatch.extract.positions.countries), on sentences written
for the test."""

from tests.helpers import positions_of


def test_a_role_of_the_country_itself_is_an_office_of_the_document_s_country() -> None:
    found = positions_of("В Эстонии прошли выборы. Военный лидер страны Олег Рябов признал их итоги.")
    assert ("Олег Рябов", "военный лидер страны", "Estonia") in found


def test_a_role_of_someone_of_the_country_is_not() -> None:
    found = positions_of("В Эстонии прошли выборы. Помощник главы государства Олег Рябов признал их итоги.")
    assert ("Олег Рябов", "помощник главы государства", "Estonia") not in found
