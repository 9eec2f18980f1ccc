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
