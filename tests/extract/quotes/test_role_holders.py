"""A pronoun after a fronted topic stands for the topic, and a role of a country stands for its holder (issue 21
item 3: the "key role" quote, given to the document's main person though its attribution introduces another)."""

from __future__ import annotations

from tests.helpers import quotes_of

MEETING = (
    "Finnish President Mikko Virtanen met Swedish Prime Minister Lars Berg in Oslo on Monday. Berg praised the "
    "talks and thanked his hosts for the dinner.\n\n"
)


def test_a_role_as_topic_goes_to_its_holder() -> None:
    text = (
        MEETING + "As for the Finnish President, he has kept his word (quoting) -\n\n"
        "“Our two countries will build the new bridge before the winter comes”."
    )
    assert quotes_of(text) == [
        ("Mikko Virtanen", "Our two countries will build the new bridge before the winter comes")
    ]


def test_a_role_of_a_country_as_subject_goes_to_its_holder() -> None:
    text = MEETING + "“We will sign the treaty in the spring,” the Finnish leader said."
    assert [speaker for speaker, _ in quotes_of(text)] == ["Mikko Virtanen"]


def test_a_named_topic_is_the_pronoun() -> None:
    text = (
        "Mark Olsen thanked Sergey Lavrov for the talks on Monday. As for Mr. Lavrov, he said: "
        "“We will meet again in the spring.”"
    )
    assert [speaker for speaker, _ in quotes_of(text)] == ["Sergey Lavrov"]


def test_who_speaks_of_someone_is_not_the_one_spoken_of() -> None:
    text = (
        MEETING + "Anna Lind, a historian, followed the talks. Speaking of the Finnish President, she said: "
        "“He listens before he speaks.”"
    )
    assert [speaker for speaker, _ in quotes_of(text)] == ["Anna Lind"]


def test_a_role_with_two_holders_keeps_the_speaker() -> None:
    """A president and a prime minister both lead Finland: "the Finnish leader" is neither for sure."""
    text = (
        "Finnish President Mikko Virtanen and Finnish Prime Minister Aarne Koskinen met Lars Berg in Oslo. "
        "Koskinen praised the talks.\n\n“We will sign the treaty in the spring,” the Finnish leader said."
    )
    assert [speaker for speaker, _ in quotes_of(text)] == ["Aarne Koskinen"]


def test_a_topic_that_is_a_thing_leaves_the_pronoun_to_the_person_in_focus() -> None:
    text = (
        "Mark Olsen once worked for a news channel in Oslo. As for CNN's political bent, he said: "
        "“We report what we see and nothing else.”"
    )
    assert [speaker for speaker, _ in quotes_of(text)] == ["Mark Olsen"]
