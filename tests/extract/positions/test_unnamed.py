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


def test_a_role_noun_described_by_an_age_is_the_person_named_before_it() -> None:
    assert positions_of("Михаэль Шумахер катался на лыжах в Альпах.\nНа спуске 44-летний спортсмен упал на камни.") == [
        ("Михаэль Шумахер", "спортсмен", None)
    ]
    assert positions_of("Клуб хочет продлить контракт с Олегом Рябовым. Аренда 31-летнего футболиста истекает.") == [
        ("Олег Рябов", "футболист", None)
    ]


def test_an_age_of_another_gender_than_the_name_is_someone_else() -> None:
    assert positions_of("Анна Петрова выступила в Казани. Сейчас 44-летний спортсмен не может ходить.") == []


def test_an_age_before_a_name_is_the_name_s_own_title() -> None:
    found = positions_of("Иван Петров приехал в Казань. Там 44-летний спортсмен Олег Рябов выступил.")
    assert [person for person, _, _ in found] == ["Олег Рябов"]


def test_a_leading_office_with_its_place_and_no_name_is_the_person_the_text_is_about() -> None:
    found = positions_of(
        "Олег Рябов приехал в Самару на форум. Рябов осмотрел новый мост.\n"
        "Особенно резкие замечания в адрес мэра Самары прозвучали после форума."
    )
    assert ("Олег Рябов", "мэр Самары", "Samara") in found


def test_a_leading_office_someone_else_holds_there_or_one_the_person_cannot_hold_is_not_theirs() -> None:
    held = positions_of(
        "Олег Рябов приехал в Самару на форум. Рябов осмотрел мост вместе с мэром Самары Иваном Петровым.\n"
        "Замечания в адрес мэра Самары прозвучали после форума."
    )
    assert all(person != "Олег Рябов" for person, _, _ in held)
    other = positions_of(
        "Премьер-министр Эстонии Олег Рябов приехал в Рим. Рябов осмотрел новый мост.\n"
        "Письмо президенту Эстонии передали утром."
    )
    assert other == [("Олег Рябов", "премьер-министр Эстонии", "Estonia")]


def test_a_leading_office_in_a_sentence_that_names_someone_is_not_given_away() -> None:
    found = positions_of(
        "Олег Рябов приехал в Самару на форум. Рябов осмотрел новый мост.\nИван Петров передал письмо мэру Самары."
    )
    assert all(role != "мэр Самары" for _, role, _ in found)
