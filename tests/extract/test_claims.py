"""Claims: what is attributed without quotation marks, each cue in English and Russian, on sentences written
for the test."""

from __future__ import annotations

import pytest

from elitewatch.extract.claims import _nearest_subject
from elitewatch.model import Token
from tests.helpers import analyse_text


def claims_of(text: str) -> list[tuple[str | None, str, str, str]]:
    """(source name, cue, claimed words, polarity) of every claim."""
    analysis = analyse_text(text, published="2024-03-01")
    return [
        (analysis.entities[c.source].name if c.source is not None else None, c.cue, c.text, c.polarity)
        for c in analysis.claims
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Foreign Minister Sergei Lavrov said on Monday that Russia would not leave the grain deal.",
            ("Sergei Lavrov", "said", "Russia would not leave the grain deal", "assert"),
        ),
        (
            "According to Dmitry Peskov, the talks will resume in Istanbul next week.",
            ("Dmitry Peskov", "According to", "the talks will resume in Istanbul next week", "assert"),
        ),
        (
            "President Kassym-Jomart Tokayev believes the new canal will double the harvest.",
            ("Kassym-Jomart Tokayev", "believes", "the new canal will double the harvest", "hedge"),
        ),
        (
            "Prime Minister Olzhas Bektenov denied that the government had raised fuel prices.",
            ("Olzhas Bektenov", "denied", "the government had raised fuel prices", "deny"),
        ),
        (
            "Senator Dana Reyes described the budget as a gift to the oil companies.",
            ("Dana Reyes", "described", "the budget as a gift to the oil companies", "assert"),
        ),
        (
            "Senator Dana Reyes vowed to block the pipeline in the Senate.",
            ("Dana Reyes", "vowed", "block the pipeline in the Senate", "assert"),
        ),
        (
            "Governor Tom Hale talked about the drought in the southern counties.",
            ("Tom Hale", "talked", "the drought in the southern counties", "assert"),
        ),
        (
            "Сергей Лавров заявил, что Россия не намерена выходить из зерновой сделки.",
            ("Сергей Лавров", "заявил", "Россия не намерена выходить из зерновой сделки", "assert"),
        ),
        (
            "По словам Дмитрия Пескова, переговоры возобновятся на следующей неделе.",
            ("Дмитрий Песков", "По словам", "переговоры возобновятся на следующей неделе", "assert"),
        ),
        (
            "Глава МИД Мурат Нуртлеу рассказал о подготовке визита в Ташкент.",
            ("Мурат Нуртлеу", "рассказал", "подготовке визита в Ташкент", "assert"),
        ),
        (
            "Аким Алматы Ерболат Досаев пообещал отремонтировать все мосты города.",
            ("Ерболат Досаев", "пообещал", "отремонтировать все мосты города", "assert"),
        ),
        (
            "Министр энергетики Алмасадам Саткалиев опроверг, что цены на бензин вырастут весной.",
            ("Алмасадам Саткалиев", "опроверг", "цены на бензин вырастут весной", "deny"),
        ),
    ],
)
def test_each_cue(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in claims_of(text)


def test_a_pronoun_source_takes_the_person_named_before_it() -> None:
    found = claims_of("Olzhas Bektenov met the farmers in Kostanay. He said the state would buy more wheat.")
    assert ("Olzhas Bektenov", "said", "the state would buy more wheat", "assert") in found


def test_an_unnamed_source_stays_unnamed_and_a_direct_quote_is_no_claim() -> None:
    found = claims_of(
        'Officials said the bridge would open in May. "The bridge will open in May," said Minister Marat Karabayev.'
    )
    assert (None, "said", "the bridge would open in May", "assert") in found
    assert all("The bridge will open" not in claimed for _, _, claimed, _ in found)


def test_speech_inside_speech_is_no_claim() -> None:
    assert claims_of("I think the market will recover by the summer.") == []


def sources_of(text: str) -> list[tuple[str | None, str | None, str]]:
    """(source entity name, source words, claimed words) of every claim."""
    analysis = analyse_text(text, published="2024-03-01")
    return [
        (analysis.entities[c.source].name if c.source is not None else None, c.source_text, c.text)
        for c in analysis.claims
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Analysts in Almaty said the tenge would fall further.",
            (None, "Analysts in Almaty", "the tenge would fall further"),
        ),
        (
            "Эксперты из Алматы считают, что тенге продолжит падать.",
            (None, "Эксперты из Алматы", "тенге продолжит падать"),
        ),
        (
            "Civil rights activists say the new checkpoints are too aggressive.",
            (None, "Civil rights activists", "the new checkpoints are too aggressive"),
        ),
    ],
)
def test_a_described_source_keeps_its_words_and_a_place_in_it_is_not_the_source(
    text: str, expected: tuple[str | None, str | None, str]
) -> None:
    assert expected in sources_of(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Farmers, who had waited for the subsidy since the spring, said the ministry had broken its word.",
            (None, "Farmers", "the ministry had broken its word"),
        ),
        (
            "Some said that the vote had been rigged.",
            (None, None, "the vote had been rigged"),
        ),
    ],
)
def test_a_described_source_is_its_noun_without_the_clause_after_it_and_never_a_non_noun(
    text: str, expected: tuple[str | None, str | None, str]
) -> None:
    assert expected in sources_of(text)


@pytest.mark.parametrize(
    ("text", "source", "claimed"),
    [
        (
            "The Daily Courier, which obtained the audit, reported that the ministry had overspent by a third.",
            "Daily Courier",
            "the ministry had overspent by a third",
        ),
        (
            "Депутат Аскар Исаев, который выступил в парламенте, заявил, что закон будет принят осенью.",
            "Аскар Исаев",
            "закон будет принят осенью",
        ),
    ],
)
def test_a_relative_pronoun_source_is_the_noun_its_clause_qualifies(text: str, source: str, claimed: str) -> None:
    assert any(name == source and words == claimed for name, _, words in sources_of(text))


def test_an_unresolved_pronoun_names_no_source() -> None:
    found = sources_of("They said the bridge would open in May.")
    assert (None, None, "the bridge would open in May") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senator Dana Reyes doubted Governor Tom Hale's claim that the pipeline would create ten thousand jobs.",
            ("Tom Hale", "claim", "the pipeline would create ten thousand jobs", "assert"),
        ),
        (
            "Governor Tom Hale made the argument that the pipeline would pay for itself within a decade.",
            ("Tom Hale", "argument", "the pipeline would pay for itself within a decade", "assert"),
        ),
        (
            "Заявление Сергея Лаврова о продлении зерновой сделки удивило экспертов.",
            ("Сергей Лавров", "Заявление", "продлении зерновой сделки", "assert"),
        ),
        (
            "Jennifer Palmieri called on the governor to withdraw the bill and apologize.",
            ("Jennifer Palmieri", "called", "the governor to withdraw the bill and apologize", "assert"),
        ),
    ],
)
def test_a_noun_of_saying_and_a_call_on_someone(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in claims_of(text)


def test_a_claim_that_opens_with_a_quote_before_its_cue_is_the_quote() -> None:
    found = claims_of('"The only way the banks will change is if bosses face jail" for fraud, Senator Dana Reyes said.')
    assert all("The only way" not in claimed for _, _, claimed, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "По мнению Марата Карабаева, новая дорога откроется в мае.",
            ("Марат Карабаев", "По мнению", "новая дорога откроется в мае", "assert"),
        ),
        (
            "По данным Минфина, дефицит бюджета сократился вдвое.",
            ("Минфин", "По данным", "дефицит бюджета сократился вдвое", "assert"),
        ),
        (
            "Министр Марат Карабаев считает, что мост через реку откроют в мае.",
            ("Марат Карабаев", "считает", "мост через реку откроют в мае", "hedge"),
        ),
        (
            "Олжас Бектенов сообщил о росте экспорта пшеницы в Китай.",
            ("Олжас Бектенов", "сообщил", "росте экспорта пшеницы в Китай", "assert"),
        ),
    ],
)
def test_more_russian_cues(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in claims_of(text)


def test_a_judgement_verb_attributes_its_object_without_when_and_where() -> None:
    found = claims_of("Senator Dana Reyes praised Governor Tom Hale at a rally in Almaty for his pipeline plan.")
    assert ("Dana Reyes", "praised", "Governor Tom Hale", "assert") in found
    found = claims_of("Senator Dana Reyes chastised the governor for his pipeline plan.")
    assert ("Dana Reyes", "chastised", "the governor for his pipeline plan", "assert") in found


def test_a_passive_verb_takes_its_agent_as_the_source_and_its_subject_is_no_source() -> None:
    found = sources_of("The registration problem was first reported by the Daily Courier.")
    assert ("Daily Courier", "the Daily Courier", "The registration problem") in found
    assert all(name != "Tom Hale" for name, _, _ in sources_of("Tom Hale was told that the plant would close."))


def test_of_two_subjects_the_one_next_to_the_verb_is_the_source() -> None:
    # the parse of an agency's timed heading run into the sentence: "12:15 p.m. Hale says …"
    words = [("p.m.", "nsubj", 3), ("Tom", "compound", 2), ("Hale", "nsubj", 3), ("says", "ROOT", 3)]
    tokens = [Token(i, 6 * i, 6 * i + 5, w, w.lower(), "PROPN", dep, head, 0) for i, (w, dep, head) in enumerate(words)]
    verb = tokens[3]
    assert _nearest_subject([t for t in tokens if t.head == verb.i and t.i != verb.i], verb) is tokens[2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Senator Dana Reyes referred to the audit of the state oil company.",
            ("Dana Reyes", "referred", "the audit of the state oil company", "assert"),
        ),
        (
            "Министр Марат Карабаев сослался на данные нового аудита.",
            ("Марат Карабаев", "сослался", "данные нового аудита", "assert"),
        ),
        (
            "Senator Dana Reyes learned that the plant would close in May.",
            ("Dana Reyes", "learned", "the plant would close in May", "assert"),
        ),
    ],
)
def test_a_verb_with_a_preposition_of_its_own_and_verbs_of_knowing(
    text: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in claims_of(text)


def test_a_preposition_of_place_or_address_is_not_what_is_said() -> None:
    assert claims_of("Senator Dana Reyes spoke to reporters outside the Senate building.") == []


def test_a_possessor_is_not_the_speaker_of_what_the_possessed_says() -> None:
    found = sources_of("Nursultan Nazarbayev's eldest daughter said the party would not field a candidate.")
    assert (None, "Nursultan Nazarbayev's eldest daughter", "the party would not field a candidate") in found


def test_a_subject_of_punctuation_alone_does_not_stop_the_analysis() -> None:
    # the parse makes the bracket after an editor's insertion the subject of "believes"
    claims_of(
        "It made [the leadership] angry…\xa0\n\nImangali Nurgaliuly [Tasmagambetov] believes that he was wronged."
    )


def test_the_russian_correlative_announces_the_clause_attributed() -> None:
    found = claims_of("Александр Брод напомнил о том, что недавно в лавках продавали запрещённые книги.")
    assert ("Александр Брод", "напомнил", "недавно в лавках продавали запрещённые книги", "assert") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "As Senator Dana Reyes noted, the plant will close in May.",
            ("Dana Reyes", "noted", "the plant will close in May", "assert"),
        ),
        (
            "Как заявил Дмитрий Песков, переговоры возобновятся на следующей неделе.",
            ("Дмитрий Песков", "заявил", "переговоры возобновятся на следующей неделе", "assert"),
        ),
        (
            "Переговоры возобновятся на следующей неделе, заявил Дмитрий Песков.",
            ("Дмитрий Песков", "заявил", "Переговоры возобновятся на следующей неделе", "assert"),
        ),
    ],
)
def test_a_verb_of_saying_set_aside_from_what_it_attributes(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in claims_of(text)


def test_a_direct_quote_before_a_russian_verb_of_saying_stays_the_quote() -> None:
    found = claims_of("«Переговоры возобновятся на следующей неделе», — заявил Дмитрий Песков.")
    assert all("Переговоры" not in claimed for _, _, claimed, _ in found)
