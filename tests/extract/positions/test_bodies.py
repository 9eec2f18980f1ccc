"""The organization of a role held in one, named without it (elitewatch.extract.positions.bodies)."""

from tests.helpers import positions_of


def test_a_role_of_an_organization_named_without_one_is_of_the_organization_the_text_is_about() -> None:
    text = (
        "Компания «Северсталь» отчиталась о прибыли. Акции «Северстали» выросли на бирже.\n"
        "Совет директоров «Северстали» одобрил выплату. Финансовый директор Иван Петров рассказал об этом."
    )
    assert ("Иван Петров", "финансовый директор", "Северсталь") in positions_of(text)


def test_no_organization_when_none_leads_or_the_role_is_no_organization_s() -> None:
    digest = (
        "Компания «Северсталь» отчиталась о прибыли. «Лукойл» объявил о выкупе акций.\n"
        "«Северсталь» и «Лукойл» подписали соглашение. Финансовый директор Иван Петров рассказал об этом."
    )
    assert ("Иван Петров", "финансовый директор", None) in positions_of(digest)
    text = (
        "Компания «Северсталь» отчиталась о прибыли. Акции «Северстали» выросли на бирже.\n"
        "Совет директоров «Северстали» одобрил выплату. Журналист Иван Петров рассказал об этом."
    )
    assert ("Иван Петров", "журналист", None) in positions_of(text)
