"""Type votes of a mention's context (extract/entities/votes.py), on sentences written for these tests."""

from tests.helpers import analyse_text, entity


def test_a_russian_role_word_before_a_latin_organization_governs_it() -> None:
    # «глава Twitter»: the role word governs the organization (a genitive), so it is no vote for a person there.
    analysis = analyse_text("Глава Twitter Джек Дорси покинул совет директоров компании в пятницу.")
    assert entity(analysis, "Twitter")[0] == "organization"
    assert entity(analysis, "Джек Дорси")[0] == "person"
    roles = {(p.role, analysis.entities[p.person].name) for p in analysis.positions}
    assert any(name == "Джек Дорси" and "глава" in role for role, name in roles), roles
