"""Offices told by leaving them (elitewatch.extract.positions.leaving), on sentences written for the test."""

from tests.helpers import analyse_text, positions_of


def _records(text: str, published: str = "2024-05-01") -> list[tuple[str, str, str | None, bool]]:
    analysis = analyse_text(text, published=published)
    names = {e.index: e.name for e in analysis.entities}
    return [(names[p.person], p.role, p.end, p.ended) for p in analysis.positions]


def test_the_subject_of_a_verb_of_leaving_held_the_office_until_then() -> None:
    assert _records("В марте 2019 года Иван Петров ушёл с поста министра финансов.") == [
        ("Иван Петров", "министр финансов", "2019-03", True)
    ]
    assert _records("Олег Рябов покинул пост мэра Казани.") == [("Олег Рябов", "мэр Казани", None, True)]
    assert _records("Dana Ospanova resigned as finance minister in March.") == [
        ("Dana Ospanova", "finance minister", "2024-03", True)
    ]
    assert [role for _, role, _ in positions_of("John Smith stepped down from his post as mayor of Springfield.")] == [
        "mayor of Springfield"
    ]


def test_the_object_of_a_verb_of_removing_held_it_and_its_subject_did_not() -> None:
    assert positions_of("Президент освободил Ивана Петрова от должности губернатора области.") == [
        ("Иван Петров", "губернатор области", None)
    ]
    assert [person for person, _, _ in positions_of("The board dismissed John Smith as chief executive of Acme.")] == [
        "John Smith"
    ]


def test_an_office_to_be_left_was_held_and_has_not_ended() -> None:
    assert _records("Депутаты предложили снять Геннадия Зюганова с поста лидера партии.") == [
        ("Геннадий Зюганов", "лидер партии", None, False)
    ]


def test_leaving_with_no_office_named_tells_none() -> None:
    assert positions_of("Иван Петров ушёл с работы рано и поехал домой.") == []
    # stepping in starts a term: whatever office it tells has not ended
    assert not any(ended for *_, ended in _records("John Smith stepped in as acting president of the club."))


def test_a_verb_of_leaving_in_the_present_tells_the_office_too() -> None:
    assert _records("Иван Петров уходит в отставку с поста министра финансов.") == [
        ("Иван Петров", "министр финансов", None, True)
    ]
    assert [(p, r) for p, r, _ in positions_of("Губернатор снимает Олега Рябова с должности мэра Казани.")] == [
        ("Олег Рябов", "мэр Казани")
    ]
