"""Russian person names in the nominative (mentions.relemmatize), on sentences written for these tests."""

from tests.helpers import analyse_text, entity


def _person(text: str, form: str) -> str:
    kind, name = entity(analyse_text(text), form)
    assert kind == "person"
    return name


def test_foreign_surnames_in_oblique_cases_lose_their_case_endings() -> None:
    assert _person("Депутаты раскритиковали Эммануэля Макрона за реформу.", "Эммануэля Макрона") == "Эммануэль Макрон"
    assert _person("Журналисты дозвонились до Джо Байдена вечером.", "Джо Байдена") == "Джо Байден"
    assert _person("Договор обсуждали с Олафом Шольцем в Риме.", "Олафом Шольцем") == "Олаф Шольц"


def test_a_word_without_an_ending_of_its_case_does_not_decline() -> None:
    # «Авант» after «на» (locative) and «Маргрете» after «с … еврокомиссаром» (instrumental) bear no ending of
    # their case: the lemmatizer's «Аванта» (a genitive plural) and «Маргрета» are not their nominatives.
    assert _person("Продюсер женат на Николь Авант, бывшем после.", "Николь Авант") == "Николь Авант"
    assert (
        _person("Министр поговорил с еврокомиссаром Маргрете Вестагер о газе.", "Маргрете Вестагер")
        == "Маргрете Вестагер"
    )
    assert _person("Переговоры с комиссаром М. Вестагер прошли в Брюсселе.", "М. Вестагер") == "М. Вестагер"


def test_indeclinable_foreign_names_stay_as_written() -> None:
    assert _person("Визит Нэнси Пелоси осудили в Пекине.", "Нэнси Пелоси") == "Нэнси Пелоси"
    assert _person("Издатель выпустил романы Александра Дюма.", "Александра Дюма") == "Александр Дюма"
    assert _person("Эту пьесу написал сам Иоганн Гёте.", "Иоганн Гёте") == "Иоганн Гёте"
    assert _person("Встреча с Педро Санчесом прошла в Мадриде.", "Педро Санчесом") == "Педро Санчес"


def test_a_womans_surname_of_a_consonant_stays_and_her_given_name_declines() -> None:
    assert _person("Визит Ангелы Меркель в Москву прошёл спокойно.", "Ангелы Меркель") == "Ангела Меркель"


def test_yo_is_kept_in_every_word_of_a_declined_name() -> None:
    assert _person("Спутницей политика станет кореянка Ким Со Ён.", "Ким Со Ён") == "Ким Со Ён"
    assert _person("Выставка посвящена Иоганну Гёте и его эпохе.", "Иоганну Гёте") == "Иоганн Гёте"


def test_two_adjacent_names_in_different_cases_are_two_people() -> None:
    analysis = analyse_text("Об этом заявил помощник министра Сергея Лаврова Андрей Иванов.")
    assert entity(analysis, "Сергея Лаврова")[1] == "Сергей Лавров"
    assert entity(analysis, "Андрей Иванов")[1] == "Андрей Иванов"


def test_the_documents_own_nominative_of_a_name_word_is_kept_in_its_other_cases() -> None:
    # «Берни» in the nominative in the first sentence: its genitive is not the lemmatizer's «Берня»
    analysis = analyse_text("Сенатор Берни Сандерс выступил в Огайо. Штаб сенатора Берни Сандерса ответил журналистам.")
    assert entity(analysis, "Берни Сандерса")[1] == "Берни Сандерс"


def test_a_name_agrees_with_the_title_it_follows_across_the_titles_genitives() -> None:
    # the parse may hang «Гайко Маасом» on the sentence's first «министр», a nominative
    analysis = analyse_text(
        "Об этом сказал министр финансов Литвы Павел Климкус на совместной пресс-конференции с федеральным "
        "министром иностранных дел Германии Гайко Маасом."
    )
    assert entity(analysis, "Гайко Маасом")[1] == "Гайко Маас"


def test_a_word_is_not_read_as_another_kind_of_words_form() -> None:
    # the lemmatizer reads «Фухимори» as a third-declension noun's genitive («Фухиморь»)
    assert _person("Генерал поднял мятеж против президента Альберто Фухимори.", "Альберто Фухимори") == (
        "Альберто Фухимори"
    )
    # and «Бенедучи» as a verb's form («Бенедучить»)
    assert _person("Мы видели Лео Бенедучи в театре.", "Лео Бенедучи") == "Лео Бенедучи"


def test_a_name_with_a_hyphenated_adjective_declines_both() -> None:
    assert _person("Юрист работал в администрации Джорджа Буша-младшего.", "Джорджа Буша-младшего") == (
        "Джордж Буш-младший"
    )


def test_a_given_name_the_tagger_reads_as_a_nominative_agrees_with_its_declined_surname() -> None:
    # the dictionary knows «Бартоломея» only as a genitive or accusative, a case of «Сохальского»
    assert _person("Мнение адвоката истцов Бартоломея Сохальского суд не учёл.", "Бартоломея Сохальского") == (
        "Бартоломей Сохальский"
    )
    assert _person("Маргрете Вестагер заявила о штрафе.", "Маргрете Вестагер") == "Маргрете Вестагер"


def test_a_genitive_read_as_an_accusative_is_a_genitive() -> None:
    # the tagger reads «Забуты» as an accusative, an ending no accusative has: a masculine animate noun's
    # accusative is its genitive, and «-ы» a genitive's of a name in «-а»
    assert (
        _person(
            "Суд вынес приговор в отношении 40-летнего местного жителя Игоря Забуты. Мужчина обжаловал решение.",
            "Игоря Забуты",
        )
        == "Игорь Забута"
    )


def test_each_part_of_a_hyphenated_surname_is_checked() -> None:
    assert _person("Он встречался с создателем языка Тимом Бернерсом-Ли в Лондоне.", "Тимом Бернерсом-Ли") == (
        "Тим Бернерс-Ли"
    )


def test_a_foreign_name_in_a_vowel_another_case_would_end_in_stays() -> None:
    # «-и» and «-у» end genitives and accusatives of other words, never of these cases: the names do not decline
    assert _person("Репортёры снова обсуждали Монику Ковински и её адвоката.", "Монику Ковински") == "Моника Ковински"
    assert _person("Это случилось после правления императора Хирокаку.", "Хирокаку") == "Хирокаку"


def test_an_organization_the_dictionary_knows_run_into_a_name_is_split_from_it() -> None:
    """The tagger gives «Аль-Кайды Усамы бин Ладена» as one person; the dictionary knows «Аль-Кайда» as an
    organization's name and «Усама» as a given name."""
    analysis = analyse_text("Спецназ ликвидировал лидера Аль-Кайды Усаму бин Ладена в Абботтабаде.")
    found = {(e.type, e.name) for e in analysis.entities}
    assert ("person", "Усама бин Ладен") in found
    assert ("organization", "Аль-Каида") in found
    actor = analyse_text("Актёр Ленкома Павел Смеян сыграл в мюзикле.")
    assert {(e.type, e.name) for e in actor.entities} >= {("organization", "Ленком"), ("person", "Павел Смеян")}
    # a given name after a word the dictionary also knows as a place or a name is left alone
    kept = analyse_text("Вчера София Никитчук выступила в суде.")
    assert ("person", "София Никитчук") in {(e.type, e.name) for e in kept.entities}
