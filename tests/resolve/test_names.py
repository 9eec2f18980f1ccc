import pytest

from elitewatch.resolve import name_key
from elitewatch.resolve.names import part_similarity, same_part


@pytest.mark.parametrize(
    "spellings",
    [
        ["Tokayev", "Tokaev", "Токаев", "Тоқаев", "Toqaev"],
        ["Kassym-Jomart Tokayev", "Kassym-Zhomart Tokayev", "Kasym-Žomart Tokaev", "Касым-Жомарт Токаев"],
        ["Imangali Tasmagambetov", "Имангали Тасмагамбетов", "Tasmagambetov Imangali"],
        ["Viktor Khrenin", "Виктор Хренин"],
        ["Nazarbayev", "Nazarbaev", "Назарбаев", "Nazarbayev’s"],
    ],
)
def test_spellings_of_one_name_share_a_key(spellings: list[str]) -> None:
    assert len({name_key(s) for s in spellings}) == 1


def test_different_names_keep_different_keys() -> None:
    assert name_key("Nazarbayev") != name_key("Nazarbayeva")
    assert name_key("Tokayev") != name_key("Tasmagambetov")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tokayev", "Тоқаев"),
        ("Dzerzhinsky", "Дзержинский"),
        ("Zhu", "Чжу"),
        ("Koji", "Кодзи"),
        ("Đinh", "Динь"),
        ("Łukasz", "Лукаш"),
        ("Nurgaliuly", "Нұрғалиұлы"),
    ],
)
def test_spellings_across_systems_are_the_same_part(a: str, b: str) -> None:
    assert same_part(a, b), part_similarity(a, b)


@pytest.mark.parametrize(("a", "b"), [("Tokayev", "Назарбаев"), ("Ivanov", "Петров"), ("Zhu", "Ли")])
def test_different_names_are_not_the_same_part(a: str, b: str) -> None:
    assert not same_part(a, b), part_similarity(a, b)
