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


def test_a_time_after_the_role_dates_the_office_and_is_no_part_of_it() -> None:
    assert positions_of("Dana Ospanova became finance minister of Kazakhstan in March 2019.") == [
        ("Dana Ospanova", "finance minister of Kazakhstan", "Kazakhstan")
    ]
    assert [role for _, role, _ in positions_of("Ivan Petrov was appointed governor of the region last week.")] == [
        "governor of the region"
    ]
    assert [role for _, role, _ in positions_of("Джон Смит стал генеральным директором Apple в конце года.")] == [
        "генеральный директор Apple"
    ]


def test_role_words_that_begin_with_a_modifier_are_a_role_of_their_own() -> None:
    """ "chief" describes ("chief economist") but begins "chief executive": the parse's head is "executive"."""
    assert positions_of("Dana Ospanova became the chief executive of Kaztelecom.") == [
        ("Dana Ospanova", "chief executive of Kaztelecom", "Kaztelecom")
    ]
    assert [role for _, role, _ in positions_of("Kaztelecom chief executive Dana Ospanova resigned.")] == [
        "Kaztelecom chief executive"
    ]


def test_a_role_in_a_capacity_is_held_by_the_subject_of_the_nearest_clause() -> None:
    assert positions_of("В его команду в качестве первого заместителя входит Олег Рябов.") == [
        ("Олег Рябов", "первый заместитель", None)
    ]
    found = positions_of(
        "Иван Петров перевёл штаб-квартиру в Самару, и в его команду в качестве первого заместителя входит Олег Рябов."
    )
    assert ("Олег Рябов", "первый заместитель", None) in found
    assert all(person != "Иван Петров" for person, _, _ in found)


def test_a_capacity_in_the_future_or_in_a_film_is_no_office() -> None:
    assert positions_of("Олег Рябов выступил в качестве главного тренера сборной.") == [
        ("Олег Рябов", "главный тренер сборной", None)
    ]
    assert positions_of("Олег Рябов выступит в качестве главного тренера сборной.") == []
    assert positions_of("Олег Рябов снялся в фильме о войне в качестве главного тренера.") == []
