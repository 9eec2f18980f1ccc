import pytest

from elitewatch.vocabulary.names import compare_names, name_key, name_parts, near_keys, part_similarity, same_part


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


def test_derived_aliases_of_people_and_organizations() -> None:
    from elitewatch.resolve.linker import derived_aliases

    assert derived_aliases("person", ["Kassym-Jomart Tokayev", "Tokayev"]) == []
    assert derived_aliases("person", ["Dauren Abayev’s"]) == ["Abayev"]
    assert derived_aliases("organization", ["Kazakhstan Temir Zholy JSC NC"]) == ["Kazakhstan Temir Zholy"]
    assert derived_aliases("place", ["Almaty City"]) == []


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Kassym-Jomart Tokayev", "Касым-Жомарт Токаев", True),
        ("Лужков Юрий", "Юрий Лужков", True),
        ("Н. Кан", "Наото Кан", True),
        ("Борис Николаевич Ельцин", "Борис Ельцин", True),
        ("Imangali Tasmagambetov", "Imangali Nurgaliuly Tasmagambetov", True),
        ("Nursultan Nazarbayev", "Dariga Nazarbayeva", False),  # a feminine form is another person
        ("Ramzan Kadyrov", "Akhmat Kadyrov", False),
        ("Vladimir Putin", "Vladimir Pozner", False),
        ("Борис Николаевич Ельцин", "Борис Михайлович Ельцин", False),  # two different patronymics
        ("А. Кудрин", "Б. Кудрин", False),
        ("В.В. Путин", "Владимир Путин", True),  # two initials written together: a given name's and a father's
        ("Путин В.В.", "Владимир Владимирович Путин", True),
        ("В.В. Путин", "Андрей Путин", False),
    ],
)
def test_names_compared_by_parts(a: str, b: str, same: bool) -> None:
    match = compare_names(a, b)
    assert (match.score >= 0.85) == same, match
    assert match.reasons


def test_patronymics_are_told_from_surnames() -> None:
    assert [p.patronymic for p in name_parts("Борис Николаевич Ельцин")] == [False, True, False]
    assert [p.patronymic for p in name_parts("Imangali Nurgaliuly")] == [False, True]
    assert [p.patronymic for p in name_parts("Alexander Lukashevich")] == [False, False]


def test_legal_forms_and_quotation_marks_around_an_organization_are_left_out() -> None:
    from elitewatch.vocabulary.names import strip_legal_form

    assert strip_legal_form("ПАО «Газпром»") == "Газпром"
    assert strip_legal_form("Газпром Финанс Б. В.") == "Газпром Финанс"
    assert strip_legal_form("Uniper SE") == "Uniper"
    assert strip_legal_form("АО") == "АО"


def test_country_names_come_from_cldr_in_english_russian_and_kazakh() -> None:
    from elitewatch.datafiles import gazetteer_index

    index = gazetteer_index()
    # a country places.tsv does not list, by its CLDR names
    assert index["эсватини"].name == index["eswatini"].name
    assert index["ирландия"].name == "Ireland"
    assert index["ұлыбритания"].name == "United Kingdom"  # Kazakh, joined to the places.tsv row
    assert index["германия"].name == "Germany"


def test_an_organization_name_ending_in_a_place_is_also_known_without_it_unless_every_country_has_one() -> None:
    from elitewatch.resolve.linker import derived_aliases

    assert "Нафтогаз" in derived_aliases("organization", ["Нафтогаз Украины"])
    assert "МИД" not in derived_aliases("organization", ["МИД России"])


def test_the_surname_of_a_name_listed_surname_first_with_a_patronymic_is_its_first_part() -> None:
    from elitewatch.vocabulary.names import surname_key

    assert surname_key("Сурков Владислав Юрьевич") == surname_key("Владислав Сурков")
    assert surname_key("Владимир Владимирович Путин") == surname_key("Путин")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Рыбнадзор Казахстана", "Рыбнодзор Казахстана"),  # one letter
        ("Транснефтегаз", "Трансенфтегаз"),  # two letters swapped
        ("Блю Ривер 3", "Blue River 3"),  # two scripts
        ("Нефтестрой", "Нефте Строй"),  # a space
    ],
)
def test_an_organization_name_misspelled_is_near_its_key(a: str, b: str) -> None:
    assert near_keys(name_key(a), name_key(b)) is not None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Северный канал-2", "Северный канал"),  # another number
        ("Северный канал-2", "Северный канал-3"),
        ("Иран", "Ирак"),  # too short for a typo
        ("Словакия", "Словения"),  # two letters
        ("Торговый дом Север", "Торговый банк Запад"),  # two words
    ],
)
def test_names_two_letters_or_a_number_apart_are_not_near(a: str, b: str) -> None:
    assert near_keys(name_key(a), name_key(b)) is None
