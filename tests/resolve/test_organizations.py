import pytest

from elitewatch.vocabulary.organizations import abbreviates, compound_parts, initials, organization_key


@pytest.mark.parametrize(
    "names",
    [
        ["Окружной суд Роттердама", "Роттердамский окружной суд", "окружной суд Роттердама"],
        ["Правительство России", "Российское правительство", "Правительство РФ", "правительства России"],
        ["Генеральная прокуратура Казахстана", "казахстанская Генеральная прокуратура"],
        ["АО «Севергаз»", "Севергаз", "Севергаза"],
    ],
)
def test_forms_of_one_organization_share_a_key(names: list[str]) -> None:
    assert len({organization_key(name) for name in names}) == 1


def test_organizations_of_different_places_or_words_keep_different_keys() -> None:
    keys = [organization_key(n) for n in ("Правительство России", "Правительство Казахстана", "Суд России")]
    assert len(set(keys)) == 3


@pytest.mark.parametrize(
    "names",
    [
        ["Государственная дума", "Госдума", "Государственной Думы", "Госдуме"],
        ["Европейская комиссия", "Еврокомиссия", "Европейской комиссии"],
        ["Генеральная прокуратура России", "Генпрокуратура РФ"],
        ["МИД России", "МИД РФ", "российский МИД", "МИД Российской Федерации"],
    ],
)
def test_compound_abbreviations_and_country_names_share_a_key(names: list[str]) -> None:
    assert len({organization_key(name) for name in names}) == 1


def test_a_region_after_po_stays_in_the_key() -> None:
    assert organization_key("ГУ МВД по Москве") != organization_key("ГУ МВД по Санкт-Петербургу")
    assert organization_key("Совет Европы") != organization_key("Европейский совет")


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("ГА ООН", "Генеральная Ассамблея ООН"),
        ("ГА ООН", "Генеральной Ассамблеи ООН"),
        ("ГА ООН", "Генассамблея ООН"),
        ("СК", "Следственный комитет"),
        ("СК России", "Следственный комитет России"),
        ("СК", "Следственный комитет Российской Федерации"),
        ("ГУ МВД по Москве", "Главное управление МВД по Москве"),
        ("ГУ МВД по г. Москве", "Главного управления МВД по городу Москве"),
        ("ГУ МВД Петербурга", "Главное управление МВД России по Санкт-Петербургу"),
        ("ФСБ", "Федеральная служба безопасности"),
        ("ЕК", "Европейская комиссия"),
        ("ЕК", "Еврокомиссия"),
        ("ГД", "Госдума"),
        ("МИД России", "Министерство иностранных дел России"),
        ("ОДКБ", "Организация Договора о коллективной безопасности"),
        ("EC", "European Commission"),
        ("UNGA", "UN General Assembly"),
        ("FBI", "Federal Bureau of Investigation"),
    ],
)
def test_an_abbreviation_is_made_of_the_initials_of_its_full_name(short: str, full: str) -> None:
    a, b = initials(short), initials(full)
    assert a is not None and b is not None
    assert a.abbreviation and not b.abbreviation
    assert abbreviates(a, b)


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("ГУ МВД по Москве", "Главное управление МВД по Санкт-Петербургу"),
        ("СК Белоруссии", "Следственный комитет России"),
        ("ФСБ", "Федеральная служба охраны"),
        ("СП", "Северный поток-2"),  # a name with a number has no initials
        ("ЕС", "European Commission"),  # Cyrillic letters are not Latin ones
    ],
)
def test_other_initials_regions_or_countries_are_not_the_abbreviation(short: str, full: str) -> None:
    a, b = initials(short), initials(full)
    assert a is None or b is None or not abbreviates(a, b)


def test_a_word_that_begins_like_a_compound_is_a_word() -> None:
    assert compound_parts("Госдума") == ("гос", "дума")
    assert compound_parts("Минобороны") == ("мин", "обороны")
    for word in ("Государственная", "министр", "Министерство", "Генерал", "Гостиница", "Минск"):
        assert compound_parts(word) is None
    assert initials("Газпром") is None  # one letter is no abbreviation
