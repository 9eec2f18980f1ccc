"""Offices as words (elitewatch.vocabulary.offices)."""

from elitewatch.vocabulary.offices import office_head
from tests.helpers import positions_of


def test_a_synonym_inside_a_ranked_compound_is_no_synonym() -> None:
    assert office_head("вице-президент страны") == "вице-президент"
    assert office_head("президент страны") == "president"
    assert office_head("Vice-President of Kazakhstan") == "vice-president"


def test_a_vice_president_of_the_country_is_of_the_country_the_document_is_about() -> None:
    found = positions_of("В Бразилии прошли выборы. Президентом станет вице-президент страны Мишел Темер.")
    assert ("Мишел Темер", "вице-президент страны", "Brazil") in found
