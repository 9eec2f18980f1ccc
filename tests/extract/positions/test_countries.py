"""The country of an office named without one (elitewatch.extract.positions.countries), on sentences written
for the test."""

from tests.helpers import positions_of


def test_a_role_of_the_country_itself_is_an_office_of_the_document_s_country() -> None:
    found = positions_of("В Эстонии прошли выборы. Военный лидер страны Олег Рябов признал их итоги.")
    assert ("Олег Рябов", "военный лидер страны", "Estonia") in found


def test_a_role_of_someone_of_the_country_is_not() -> None:
    found = positions_of("В Эстонии прошли выборы. Помощник главы государства Олег Рябов признал их итоги.")
    assert ("Олег Рябов", "помощник главы государства", "Estonia") not in found


DIGEST = """Обзор недели

Италия

Два дня выбирали итальянцы новый парламент, и премьер-министр Берлускони до сих пор не может успокоиться.

Иран

Власти Ирана снова отвергли предложения Европы. Иран продолжит работы. В Иране прошли митинги. Тегеран молчит.
"""


def test_an_office_under_a_country_heading_is_that_countrys() -> None:
    # the document names Iran most; the office's section is headed «Италия»
    [(person, role, country)] = positions_of(DIGEST)
    assert (person, role) == ("Берлускони", "премьер-министр") and country in ("Italy", "Италия")


def test_without_headings_the_document_s_country_stays() -> None:
    text = "Премьер-министр Берлускони прибыл в Тегеран.\n\nВласти Ирана рады. Иран ждёт.\n\nИталия\n"
    [(_, _, country)] = positions_of(text)
    assert country in ("Iran", "Иран")  # a heading after the office heads no section of it


def test_a_country_the_text_does_not_name_is_written_in_the_roles_script() -> None:
    found = positions_of("Президент Николя Саркози обсудил бюджет. Французские газеты пишут о споре.")
    assert ("Николя Саркози", "президент", "Франция") in found
