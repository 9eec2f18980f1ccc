import pytest

from elitewatch.resolve import name_key


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
