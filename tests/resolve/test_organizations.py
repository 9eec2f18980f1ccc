import pytest

from elitewatch.vocabulary.organizations import organization_key


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
