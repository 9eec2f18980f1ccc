"""Offices as a career reads them (issue 21, item 3): what a title holds, which date belongs to which office,
which country an office named without one is of. Sentences written for these tests."""

from __future__ import annotations

from elitewatch.extract.positions import extract_positions
from elitewatch.model import Document, LocalEntity, Mention
from elitewatch.nlp import parse_documents
from tests.helpers import position_dates, positions_of


def _positions_with_names(text: str, names: dict[str, str]) -> list[tuple[str, str, str | None]]:
    """The offices of `text` when the recognizer found exactly these names (form -> type), each at its first
    occurrence: a way to give the extractor the short name a recognizer sometimes takes."""
    [parsed] = parse_documents([Document(id="t", text=text, source="<test>")])
    entities = []
    for index, (form, kind) in enumerate(names.items()):
        start = text.index(form)
        mention = Mention(start, start + len(form), form, kind, form, cluster=index)
        entities.append(LocalEntity(index, kind, form, {form}, [mention]))
    return [(entities[p.person].name, p.role, p.org_text) for p in extract_positions(parsed, entities)]


def test_a_given_name_the_recognizer_left_out_is_the_names_not_the_titles() -> None:
    text = "Uzbek President Shavkat Mirziyoyev flew to Baku on May 3."
    found = _positions_with_names(text, {"Mirziyoyev": "person", "Baku": "place"})
    assert found == [("Mirziyoyev", "Uzbek President", "Uzbekistan")]
    text = "Senate speaker Anna-Maria Lindqvist opened the session."
    found = _positions_with_names(text, {"Lindqvist": "person"})
    assert found == [("Lindqvist", "Senate speaker", None)]


def test_an_occasion_led_once_is_no_office() -> None:
    found = positions_of("Uzbek President Shavkat Mirziyoyev chaired the summit. Lord Peter Smith chaired the board.")
    roles = {role for _, role, _ in found}
    assert "Uzbek President" in roles and "chaired the board" in roles
    assert not any("summit" in role for role in roles)
    assert not positions_of("Dana Reyes led the talks with the unions.")


def test_a_former_office_is_not_dated_by_what_its_sentence_dates() -> None:
    dates = position_dates(
        "Dana Reyes, a former governor of Ohio, became Secretary of Labor on March 2, 2021.", published="2021-03-05"
    )
    assert ("former governor of Ohio", None, None, None, True) in dates
    assert ("Secretary of Labor", "2021-03-02", None, None, False) in dates
    # "then-" keeps the date: the term was running at the time the sentence tells
    assert position_dates("In 2005, then-president Jacques Chirac visited Rome.") == [
        ("then-president", None, None, "2005", True)
    ]


def test_a_subject_after_a_fronted_phrase_is_not_the_names_apposition() -> None:
    text = "According to Dana Reyes, the current OSCE secretary has long been considered an heir."
    assert positions_of(text, published="2023-05-10") == []
    found = positions_of("Dana Reyes, director of the Hudson Institute, said so.")
    assert found == [("Dana Reyes", "director of the Hudson Institute", "Hudson Institute")]


def test_a_country_inside_a_place_name_is_counted_once_for_the_documents_country() -> None:
    # "the Soviet Union" names it once (not once more for "Soviet"): no country leads, none is guessed
    found = positions_of(
        "Dana Reyes, who had led Ohio since before the collapse of the Soviet Union, left. "
        "Senate speaker Peter Olsen became acting president of the council. Kazakhstan watched.",
    )
    assert all(org != "Soviet Union" for _, _, org in found)


def test_a_possessed_predecessor_held_the_possessors_office_until_the_successor_took_it() -> None:
    dates = position_dates(
        "Interim governor Peter Olsen, who took office on May 2, after the resignation of his predecessor "
        "Dana Reyes, spoke on June 1.",
        published="2022-06-03",
    )
    terms = [(role, start, end, ended) for role, start, end, _, ended in dates]
    assert ("Interim governor", "2022-05-02", None, False) in terms
    assert ("governor", None, "2022-05-02", True) in terms  # the predecessor was governor, not interim
    # no office of the possessor in the sentence: nothing is passed on
    assert position_dates("Peter Olsen thanked his predecessor Dana Reyes.") == []


def test_offices_named_by_synonyms_are_one_career_office() -> None:
    from elitewatch.vocabulary.offices import career_office

    same = {"headed the government", "former prime minister of Ruritania", "Chairman of the Council of Ministers"}
    assert {career_office(role) for role in same} == {"prime minister"}
    assert career_office("аким Алматы") == career_office("akim of Almaty") == "akim"
    assert career_office("chairman of the board") == "chairman"


def test_the_receiver_of_an_envoys_credentials_is_of_the_country_the_envoy_is_sent_to() -> None:
    text = (
        "Kenya's envoy in Paris. Dana Reyes, Ambassador of Kenya to France, presented her credentials to President "
        "Emmanuel Macron on May 3, 2024. Kenya and Kenya's government welcomed it; Kenya is pleased."
    )
    found = positions_of(text, published="2024-05-05")
    assert ("Emmanuel Macron", "President", "France") in found


def test_a_verb_of_service_goes_on_to_its_later_roles() -> None:
    found = positions_of(
        "Dana Reyes served as mayor of Boston and of Salem, and later as Kenya's ambassador to Russia."
    )
    assert ("Dana Reyes", "Kenya's ambassador to Russia", "Russia") in found
    # a role that is another clause's subject is not the verb's
    found = positions_of("Peter Olsen became minister, and later the president of Acme praised him.")
    assert [role for _, role, _ in found] == ["minister"]


def test_a_name_the_headline_cut_left_a_root_is_the_subject_of_the_root_verb_after_it() -> None:
    text = (
        "# Reyes takes over the Labor Department\n\n"
        "Dana Reyes, a former governor of Ohio, became Secretary of Labor on March 2, 2021, for a term."
    )
    dates = position_dates(text, published="2021-03-05")
    assert [(role, start) for role, start, *_ in dates if not role.startswith("former")] == [
        ("Secretary of Labor", "2021-03-02")
    ]


def test_a_past_verb_of_service_gives_an_office_that_ended() -> None:
    published = "2024-06-01"
    [(_, start, end, _, ended)] = position_dates("Dana Reyes headed the ministry from 2010 to 2012.", published)
    assert (start, end, ended) == ("2010", "2012", True)
    [(_, _, _, as_of, ended)] = position_dates(
        "Peter Olsen, who headed the Ministry of Finance, spoke to reporters on Monday.", published
    )
    assert ended and as_of is None  # not shown in post on the document's date
    assert position_dates("Peter Olsen served as mayor of Boston.", published)[0][-1]
    assert position_dates("Peter Olsen had led the party for a decade.", published)[0][-1]
    # the present, the present perfect and a starting verb keep the term running
    for text in (
        "Peter Olsen has headed the government since 2019.",
        "Peter Olsen serves as mayor of Boston.",
        "Peter Olsen is serving as mayor of Boston.",
        "Peter Olsen became mayor of Boston in 2019.",
    ):
        assert not position_dates(text, published)[0][-1], text


def test_a_russian_past_verb_of_service_ends_its_office_by_its_tense() -> None:
    published = "2024-06-01"
    for text in ("Пётр Иванов занимал пост министра финансов.", "Пётр Иванов служил послом России в Японии."):
        [(_, _, _, as_of, ended)] = position_dates(text, published)
        assert ended and as_of is None, text
    for text in ("Пётр Иванов занимает пост министра финансов.", "Пётр Иванов стал министром финансов."):
        [(role, *_, ended)] = position_dates(text, published)
        assert role == "министр финансов" and not ended, text


def test_the_date_of_another_clause_is_not_an_ended_offices() -> None:
    published = "2024-06-01"
    [(_, _, _, as_of, ended)] = position_dates(
        "Peter Olsen, who served as mayor of Boston, spoke to reporters on Monday.", published
    )
    assert ended and as_of is None  # a mayor before, not on Monday
    [(_, _, _, as_of, _)] = position_dates(
        "Пётр Иванов, который работал министром финансов, выступил в понедельник.", published
    )
    assert as_of is None
    # "then" puts the office at the other clause's time; a date of its own clause is its own
    [(_, _, _, as_of, _)] = position_dates(
        "Пётр Иванов, который тогда работал министром финансов, в 2017 году выступил на форуме.", published
    )
    assert as_of == "2017"
    assert position_dates("In 2017 Peter Olsen served as mayor of Boston.", published)[0][3] == "2017"


def test_a_present_verb_of_service_holds_its_office_when_written() -> None:
    published = "2024-06-01"
    for text in (
        "Peter Olsen serves as mayor of Boston.",
        "Peter Olsen is serving as mayor of Boston.",
        "Пётр Иванов работает министром финансов.",
        "Пётр Иванов является министром финансов.",
    ):
        [(_, _, _, as_of, ended)] = position_dates(text, published)
        assert as_of == published and not ended, text
    for text in ("Peter Olsen will serve as mayor of Boston.", "Пётр Иванов будет работать министром финансов."):
        assert [as_of for _, _, _, as_of, _ in position_dates(text, published)] == [None], text


def test_the_place_of_an_office_past_the_words_its_phrase_stops_at() -> None:
    """A city's akim: the place after the preposition, past an aside, an apposition or the words before it."""
    assert positions_of("Dana Reyes was akim (mayor) of Astana.") == [("Dana Reyes", "akim", "Astana")]
    [(_, _, org)] = positions_of("Dana Reyes served as akim of the Kazakh capital, Astana.")
    assert org == "Astana"
    [(_, _, org)] = positions_of("Dana Reyes worked as akim in her native oil-producing Atyrau region.")
    assert org == "Atyrau"


def test_a_country_adjective_inside_the_organization_names_a_body_of_that_country() -> None:
    assert positions_of("Dana Reyes was chairman of the Kazakh Cabinet.") == [
        ("Dana Reyes", "chairman of the Kazakh Cabinet", "Cabinet of Kazakhstan")
    ]
    # before the role's words, the adjective names the country itself
    assert positions_of("Kazakh President Dana Reyes spoke.") == [("Dana Reyes", "Kazakh President", "Kazakhstan")]


def test_a_role_of_two_places_is_an_office_in_each() -> None:
    found = positions_of(
        "Dana Reyes served as mayor of Boston and of Salem, and later as Kenya's ambassador to Russia."
    )
    assert {(role, org) for _, role, org in found} == {
        ("mayor of Boston", "Boston"),
        ("mayor of Salem", "Salem"),
        ("Kenya's ambassador to Russia", "Russia"),
    }
    # one country's office named twice is one office
    assert len(positions_of("Kazakh President Dana Reyes, the President of Kazakhstan, spoke.")) == 1


def test_an_envoy_is_of_the_country_that_sends_them() -> None:
    """An office named without its country is the person's country: an envoy's is the sending one."""
    text = (
        "Dana Reyes, appointed Ambassador of Kenya to France on July 3, 2023, presented her credentials in Paris. "
        "Before her appointment, Reyes served as minister of information."
    )
    assert ("Dana Reyes", "minister of information", "Kenya") in positions_of(text)


def test_a_title_is_dated_by_its_own_clause() -> None:
    text = (
        "Dana Reyes, appointed Ambassador of Kenya to France on July 3, 2023, presented her credentials to "
        "President Emmanuel Macron at a ceremony in Paris on December 4."
    )
    dates = position_dates(text, published="2023-12-06")
    assert ("President", None, None, "2023-12-04", False) in dates


def test_since_in_the_clause_of_a_verb_of_service_dates_the_start_of_a_running_term() -> None:
    published = "2024-06-01"
    for text in (
        "Peter Olsen has served as mayor of Boston since 2019.",
        "Пётр Иванов с 2019 года работает министром финансов.",
    ):
        [(_, start, end, as_of, ended)] = position_dates(text, published)
        assert (start, end, as_of, ended) == ("2019", None, None, False), text
    # a plain date of the clause is a day in post, not the start
    [(_, start, _, as_of, _)] = position_dates("Peter Olsen served as mayor of Boston in 2019.", published)
    assert (start, as_of) == (None, "2019")
