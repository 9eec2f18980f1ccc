"""Forms of one person's name joined within a document (grouping), on sentences written for these tests."""

from tests.helpers import analyse_text, entity


def test_an_initial_joins_the_full_name_of_the_same_surname() -> None:
    analysis = analyse_text("Визит А. Меркель начался в Праге. Ангела Меркель сказала, что довольна.")
    assert entity(analysis, "А. Меркель")[1] == "Ангела Меркель"
    analysis = analyse_text("О.Шольц прибыл в Париж утром. Там Олаф Шольц встретился с коллегами.")
    assert entity(analysis, "О.Шольц")[1] == "Олаф Шольц"
    analysis = analyse_text("В.В. Путин подписал указ. Владимир Путин сказал, что указ вступит в силу.")
    assert entity(analysis, "В.В. Путин")[1] == "Владимир Путин"


def test_an_initial_of_another_given_name_stays_apart() -> None:
    analysis = analyse_text("Олег Новак приехал в Казань. Там же выступил И. Новак, его брат.")
    assert entity(analysis, "Олег Новак")[1] == "Олег Новак"
    assert entity(analysis, "И. Новак")[1] != "Олег Новак"


def test_a_name_without_its_patronymic_joins_the_full_name() -> None:
    analysis = analyse_text(
        "Министр Сергей Лавров прилетел в Минск. Слова Сергея Викторовича Лаврова передали агентства."
    )
    assert entity(analysis, "Сергей Лавров")[1] == "Сергей Викторович Лавров"


def test_a_name_without_its_middle_name_joins_the_longer_name() -> None:
    analysis = analyse_text(
        "Президент Реджеп Тайип Эрдоган прибыл в Баку. Вечером Реджеп Эрдоган провёл переговоры с коллегой."
    )
    assert entity(analysis, "Реджеп Эрдоган")[1] == entity(analysis, "Реджеп Тайип Эрдоган")[1]
    analysis = analyse_text("George Walker Bush arrived in Texas on Monday. Later George Bush spoke to reporters.")
    assert entity(analysis, "George Bush")[1] == entity(analysis, "George Walker Bush")[1]


def test_a_name_that_two_longer_names_fit_stays_apart() -> None:
    analysis = analyse_text(
        "На приёме были Мария Хосе Гарсия и Мария Луиза Гарсия. Позже Мария Гарсия ушла домой."
    )
    assert entity(analysis, "Мария Хосе Гарсия")[1] != entity(analysis, "Мария Луиза Гарсия")[1]
    assert entity(analysis, "Мария Гарсия")[1] not in {"Мария Хосе Гарсия", "Мария Луиза Гарсия"}


def test_brackets_after_the_known_end_of_a_longer_name_name_the_longer_one() -> None:
    """The abbreviation in brackets follows «ООН» or "the US", the end of a longer organization's name: it is that
    organization's, and the known place or organization stays itself."""
    analysis = analyse_text(
        "Данные Международной организации гражданской авиации ООН (ИКАО) опубликованы в среду. "
        "Представители ИКАО заявили, что рост продолжится."
    )
    assert entity(analysis, "ИКАО")[1] == entity(analysis, "Международной организации гражданской авиации")[1]
    assert entity(analysis, "ООН")[1] != entity(analysis, "ИКАО")[1]
    analysis = analyse_text("The Antidoping Agency of the US (USADA) said on Monday that USADA would appeal.")
    assert entity(analysis, "USADA")[1] == entity(analysis, "Antidoping Agency")[1]
    assert entity(analysis, "US")[1] != entity(analysis, "USADA")[1]

