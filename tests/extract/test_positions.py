from tests.helpers import position_dates, positions_of


def test_title_before_the_name_with_country_adjective_and_organization() -> None:
    found = positions_of(
        "Kazakh President Kassym-Jomart Tokayev met CSTO Secretary General Imangali Tasmagambetov in Astana.",
        published="2023-12-05",
    )
    assert ("Kassym-Jomart Tokayev", "Kazakh President", "Kazakhstan") in found
    assert ("Imangali Tasmagambetov", "CSTO Secretary General", "Collective Security Treaty Organization") in found


def test_apposition_after_the_name() -> None:
    found = positions_of("“Nothing surprising,” says Dosym Satpaev, director of the “Risk Assessment Group.”")
    assert found == [("Dosym Satpaev", "director of the Risk Assessment Group", "Risk Assessment Group")]


def test_russian_title_in_the_genitive_is_put_in_the_nominative() -> None:
    found = positions_of(
        "Акция потребовала отставки мэра Москвы Юрия Лужкова и подмосковного губернатора Бориса Громова."
    )
    assert ("Юрий Лужков", "мэр Москвы", "Moscow") in found
    assert ("Борис Громов", "подмосковный губернатор", None) in found


def test_russian_list_of_roles_before_one_name() -> None:
    found = positions_of(
        "Среди задержанных оказался депутат муниципального собрания района Отрадное, сопредседатель "
        "московского отделения движения «Солидарность» Михаил Вельмакин."
    )
    roles = {role for person, role, _ in found if person == "Михаил Вельмакин"}
    assert roles == {
        "депутат муниципального собрания района Отрадное",
        "сопредседатель московского отделения движения «Солидарность»",
    }


def test_appointment_verb_dates_the_start_and_a_range_gives_start_and_end() -> None:
    dates = position_dates("Ermek Kosherbayev was appointed Ambassador to Russia on January 29, 2020.")
    assert dates == [("Ambassador to Russia", "2020-01-29", None, None, False)]
    dates = position_dates(
        "From 1985 to 1991 Kassym-Jomart Tokayev served as first secretary of the Soviet embassy in China."
    )
    assert [(start, end) for _, start, end, _, _ in dates] == [("1985", "1991")]


def test_former_ends_the_term_and_next_is_not_held() -> None:
    dates = position_dates("Akzhan Kazhegeldin, another energetic former prime minister, declared his ambitions.")
    assert dates == [("another energetic former prime minister", None, None, None, True)]
    assert positions_of("Imangali Tasmagambetov could become the next president.") == []


def test_pronoun_subject_at_a_paragraph_start_is_the_person_the_text_is_about() -> None:
    text = (
        "Imangali Tasmagambetov rose fast. Imangali Tasmagambetov was loyal.\n\n"
        "“He was always ambitious,” said Dimash Alzhanov.\n\n"
        "At 37, he was an assistant to the president."
    )
    assert ("Imangali Tasmagambetov", "assistant to the president", "president") in positions_of(text)


def test_one_record_per_office_in_a_document() -> None:
    found = positions_of(
        "The Russian head of state Vladimir Putin spoke. Later President Putin left.", published="2023-12-05"
    )
    assert found == [("Vladimir Putin", "Russian head of state", "Russia")]


def test_an_office_taken_in_an_appointment_starts_on_its_date_and_a_caption_dates_its_sentences() -> None:
    found = position_dates(
        "Acting president Kassym-Jomart Tokayev, who assumed office on March 20, spoke on April 9.\n\n"
        "Министр иностранных дел Казахстана Мурат Нуртлеу. Астана, 12 марта 2024 года",
        published="2024-12-05",
    )
    assert found == [
        ("Acting president", "2024-03-20", None, "2024-04-09", False),  # in post the day of its own clause
        ("министр иностранных дел Казахстана", None, None, "2024-03-12", False),
    ]


def test_a_national_office_without_its_country_takes_the_persons_or_the_documents_country() -> None:
    found = positions_of(
        "Барак Обама принимает в Белом доме своего французского коллегу, президента Николя Саркози. "
        "Вашингтон и Париж обсудят Афганистан."
    )
    assert ("Николя Саркози", "президент", "Франция") in found  # «французского коллегу»; France is not named
    found = positions_of(
        "Выборы в Италии назначены на апрель. Премьер-министр Сильвио Берлускони обвинил соперников во лжи. "
        "Итальянские газеты спорят."
    )
    assert ("Сильвио Берлускони", "премьер-министр", "Italy") in found
    # No country leads: none is guessed, and a role that is no national office never takes one.
    assert positions_of("Премьер-министр Сильвио Берлускони обвинил соперников во лжи.") == [
        ("Сильвио Берлускони", "премьер-министр", None)
    ]
    found = positions_of("В Италии и в Италии снова спорят. Певец Майкл Джексон, музыкальный король, умер.")
    assert all(org is None for _, _, org in found)


def test_dash_apposition_and_dependent_words_of_a_role() -> None:
    found = positions_of(
        "Выступят Крис Хелмбрехт - управляющий директор агентства Kollektiv, и Кирилл Разлогов - директор "
        "Российского института культурологии. Посол встретился с заместителем министра иностранных дел "
        "Грузии Александром Налбандовым."
    )
    roles = {(person, role) for person, role, _ in found}
    assert ("Крис Хелмбрехт", "управляющий директор агентства Kollektiv") in roles
    assert ("Кирилл Разлогов", "директор Российского института культурологии") in roles
    assert ("Александр Налбандов", "заместитель министра иностранных дел Грузии") in roles


def test_russian_complements_with_names_brackets_quotes_and_stacked_roles() -> None:
    found = positions_of(
        "Об этом рассказал руководитель РКК „Энергия“ Николай Севастьянов. Генеральный секретарь "
        "Объединённого фронта за демократию против диктатуры (ОФДД) Наттавута Сайкыа сообщил о переговорах. "
        "В интервью наблюдатель от ОБСЕ португальский парламентарий Хуан Суареш сообщил об итогах. "
        "Заседание кабинета министров глава правительства Израиля Биньямин Нетаньяху провел в Иерусалиме."
    )
    roles = {(person, role) for person, role, _ in found}
    assert ("Николай Севастьянов", "руководитель РКК „Энергия“") in roles
    assert (
        "Наттавута Сайкыа",
        "генеральный секретарь Объединённого фронта за демократию против диктатуры (ОФДД)",
    ) in roles
    assert {role for person, role in roles if person == "Хуан Суареш"} == {
        "наблюдатель от ОБСЕ",
        "португальский парламентарий",
    }
    assert {role for person, role in roles if person == "Биньямин Нетаньяху"} == {"глава правительства Израиля"}


def test_a_portfolio_is_no_organization_and_the_country_is_implied() -> None:
    found = positions_of(
        "Израиль не поедет на саммит. Вместо премьера Иерусалим представит министр по делам разведки Дан Меридор."
    )
    assert ("Дан Меридор", "министр по делам разведки", "Israel") in found


def test_an_age_dates_an_office_when_the_birth_year_is_known() -> None:
    text = (
        "Imangali Tasmagambetov was born in 1956 in Atyrau. At 37, he was an assistant to the president, "
        "at 39 he took the position of Deputy Prime Minister, and at the age of 45 he headed the government."
    )
    dates = {role: (start, as_of) for role, start, _, as_of, _ in position_dates(text)}
    assert dates["assistant to the president"] == (None, "1993")
    assert dates["Deputy Prime Minister"] == ("1995", None)
    assert dates["headed the government"] == (None, "2001")
    russian = position_dates("Имангали Тасмагамбетов родился в 1956 году. В 39 лет он занял пост вице-премьера.")
    assert [(role, start) for role, start, *_ in russian] == [("вице-премьер", "1995")]
    # No birth year: an age dates nothing; a number that is no age is not read as one.
    assert position_dates("At 39 Imangali Tasmagambetov took the position of Deputy Prime Minister.")[0][1] is None
    unrelated = position_dates(
        "Imangali Tasmagambetov was born in 1956. At 50 percent approval, he took the position of akim."
    )
    assert unrelated[0][1] is None


def test_a_pronoun_object_of_an_appointment_verb_takes_the_office_and_its_range() -> None:
    dates = position_dates(
        "The leadership took the initiative to recall Imangali Tasmagambetov from retirement and promote him "
        "to the post of CSTO Secretary General for the period from 2023 through 2025.",
        published="2024-04-01",
    )
    assert dates == [("CSTO Secretary General", "2023", "2025", None, False)]


def test_a_candidacy_is_no_office_and_a_country_held_by_another_is_not_implied() -> None:
    assert positions_of("Экс-кандидат в президенты Беларуси Андрей Санников был приговорен.") == []
    found = positions_of(
        "The visit of the Kazakh President to Russia was short. President of Russia Vladimir Putin met "
        "President Kassym-Jomart Tokayev in Moscow, Russia's capital."
    )
    assert ("Kassym-Jomart Tokayev", "President", "Kazakhstan") in found


# Issue 18: Russian offices stated in more ways than a title before the name.


def test_russian_occupations_abbreviations_and_compounds_are_roles() -> None:
    found = positions_of("Зампред правления банка Олег Рябов встретился с рок-музыкантом Петром Гусевым.")
    roles = {(person, role) for person, role, _ in found}
    assert ("Олег Рябов", "зампред правления банка") in roles
    assert ("Пётр Гусев", "рок-музыкант") in roles or ("Петр Гусев", "рок-музыкант") in roles


def test_abbreviated_roles_name_the_same_office_as_their_full_form() -> None:
    from elitewatch.vocabulary.offices import key_words

    assert key_words("замминистра финансов") == "заместитель министра финансов"
    assert key_words("гендиректор") == "генеральный директор"


def test_a_generic_organization_noun_is_the_organization_named_before_it() -> None:
    found = positions_of(
        "Концерн «Северсталь» построит новый завод. Об этом заявил пресс-секретарь концерна Игорь Ланской."
    )
    orgs = [org for person, _, org in found if person == "Игорь Ланской"]
    assert len(orgs) == 1 and orgs[0] is not None and "Северсталь" in orgs[0]


def test_a_generic_organization_noun_with_no_organization_named_is_not_exported() -> None:
    found = positions_of("Пресс-секретарь компании Игорь Ланской отказался от комментариев.")
    assert [(p, o) for p, _, o in found] == [("Игорь Ланской", None)]


def test_offices_stated_by_predicates() -> None:
    found = positions_of(
        "Анна Смирнова в 2005 году была заместителем директора гимназии. Капитаном команды стал Михаил Белов. "
        "Сергей Ковалёв является депутатом городской думы, а также является членом комитета по бюджету."
    )
    roles = {(person, role) for person, role, _ in found}
    assert ("Анна Смирнова", "заместитель директора гимназии") in roles
    assert ("Михаил Белов", "капитан команды") in roles
    assert ("Сергей Ковалёв", "депутат городской думы") in roles
    assert ("Сергей Ковалёв", "член комитета по бюджету") in roles


def test_offices_in_a_participle_and_a_relative_clause() -> None:
    found = positions_of(
        "Иван Петров, занимавший пост министра финансов, и Олег Сидоров, который тогда был вице-президентом "
        "компании «Ромашка», приехали в Тверь."
    )
    roles = {(person, role) for person, role, _ in found}
    assert ("Иван Петров", "министр финансов") in roles
    assert ("Олег Сидоров", "вице-президент компании «Ромашка»") in roles


def test_a_plural_title_is_the_title_of_every_name_listed_after_it() -> None:
    found = positions_of("На сцене выступили музыканты Юрий Орлов (группа «Восход»), Алексей Борисов и Павел Дубов.")
    holders = {person for person, role, _ in found if role == "музыкант"}
    assert holders == {"Юрий Орлов", "Алексей Борисов", "Павел Дубов"}


def test_a_role_in_another_case_than_the_name_is_not_its_title() -> None:
    found = positions_of("Это подтвердил муж певицы Сергей Сенин. По словам представителей, Олег Рябов уехал.")
    assert ("Сергей Сенин", "певица", None) not in found
    assert all(person != "Олег Рябов" for person, _, _ in found)  # a plural apposition is no office of his


def test_the_whole_role_is_kept_and_a_title_set_off_by_commas_is_the_names() -> None:
    found = positions_of(
        "Первый заместитель министра обороны Николай Панков прибыл в Тверь. Президент Молдавии, Игорь Додон, "
        "поздравил его."
    )
    roles = {(person, role) for person, role, _ in found}
    assert ("Николай Панков", "первый заместитель министра обороны") in roles
    assert ("Игорь Додон", "президент Молдавии") in roles


def test_an_unnamed_role_completes_the_office_of_its_one_holder() -> None:
    found = positions_of("Мэр Олег Рябов открыл школу. Позже мэр Новосибирска посетил больницу.")
    assert found == [("Олег Рябов", "мэр", "Novosibirsk")]


def test_a_pronoun_subject_of_a_nominal_predicate_holds_its_office() -> None:
    found = positions_of("Олег Рябов приехал в Тверь.\n\nВ 2010 году он был директором завода «Искра».")
    assert [(p, r) for p, r, _ in found] == [("Олег Рябов", "директор завода «Искра»")]


def test_the_subject_of_an_appointment_holds_nothing_and_a_year_is_no_complement() -> None:
    found = positions_of(
        "Президент Ильхам Алиев назначил свою жену Мехрибан Алиеву первым вице-президентом. "
        "Олег Рябов стал губернатором в 2004 году."
    )
    roles = {(person, role) for person, role, _ in found}
    assert ("Ильхам Алиев", "первый вице-президент") not in roles
    assert any(person.startswith("Мехрибан") and role == "первый вице-президент" for person, role in roles)
    assert ("Олег Рябов", "губернатор") in roles


def test_a_russian_verb_of_leading_names_no_office() -> None:
    found = positions_of("С 2001 года Олег Рябов возглавлял район.")
    assert found == []


def test_an_organization_in_brackets_after_the_name_is_where_its_title_is_held() -> None:
    found = positions_of("Вратарь Игорь Акинфеев (ЦСКА) пропустит матч.")
    assert [(p, r, o) for p, r, o in found] == [("Игорь Акинфеев", "вратарь", "ЦСКА")]


def test_a_role_keeps_the_yo_its_text_wrote() -> None:
    found = positions_of("Фильм режиссёра Андрея Звягинцева получил приз. Шахтёр Иван Петров вышел на пенсию.")
    roles = {role for _, role, _ in found}
    assert "режиссёр" in roles
    assert "шахтёр" in roles


def test_roles_joined_to_an_apposition_past_an_aside_are_the_names() -> None:
    found = positions_of("Дарио Фо (24 марта 1926 года, Санджано) — итальянский драматург, режиссёр и художник.")
    roles = {role for person, role, _ in found if person == "Дарио Фо"}
    assert roles == {"итальянский драматург", "режиссёр", "художник"}


def test_a_rank_stacked_after_a_title_is_held_where_the_title_is() -> None:
    found = positions_of("Утром представитель вооружённых сил полковник Иван Петров заявил о введении режима.")
    assert ("Иван Петров", "полковник", "вооружённых сил") in found
    listed = positions_of("На вечере выступил депутат Госдумы, писатель Олег Рябов.")
    assert all(org is None for _, role, org in listed if role == "писатель")  # a comma lists two roles


def test_a_role_word_inside_a_stacked_titles_complement_does_not_end_the_stack() -> None:
    found = positions_of("На съезде выступил председатель Союза писателей Татарстана поэт Иван Петров.")
    roles = {role for person, role, _ in found if person == "Иван Петров"}
    assert {"председатель Союза писателей Татарстана", "поэт"} <= roles


def test_an_acting_officeholder_keeps_the_participle_in_the_nominative() -> None:
    found = positions_of(
        "Олег Рябов, исполняющий обязанности официального представителя МИД Франции, заявил об этом. "
        "Он встретился с исполняющим обязанности губернатора Иваном Петровым."
    )
    roles = {(person, role) for person, role, _ in found}
    assert ("Олег Рябов", "исполняющий обязанности официального представителя МИД Франции") in roles
    assert ("Иван Петров", "исполняющий обязанности губернатора") in roles


def test_a_post_named_before_its_verb_of_service_is_the_subjects() -> None:
    found = positions_of("Пост спикера парламента занял Иван Петров. Место тренера команды займёт Олег Рябов.")
    roles = {(person, role) for person, role, _ in found}
    assert {("Иван Петров", "спикер парламента"), ("Олег Рябов", "тренер команды")} <= roles


def test_one_of_a_plural_role_is_the_role_held() -> None:
    found = positions_of(
        "Вчера умер Иван Петров, один из основателей компании «Яндекс». "
        "Олег Рябов стал одним из самых влиятельных руководителей партии «Яблоко»."
    )
    roles = {(person, role) for person, role, _ in found}
    assert ("Иван Петров", "основатель компании «Яндекс»") in roles
    assert ("Олег Рябов", "руководитель партии «Яблоко»") in roles
    assert not positions_of("Иван Петров поговорил с одним из основателей компании «Яндекс».")


def test_a_role_from_a_place_or_organization_takes_it() -> None:
    found = positions_of(
        "Премию получил хирург из Перу Иван Петров. Второе место заняла спортсменка из Туниса Анна Рябова."
    )
    assert ("Иван Петров", "хирург из Перу", "Peru") in found
    assert ("Анна Рябова", "спортсменка из Туниса", "Tunisia") in found


def test_a_plural_role_before_sredi_kotoryh_is_the_title_of_every_name_it_lists() -> None:
    found = positions_of(
        "На фестиваль приехали известные артисты, среди которых Олег Петренко, Иван Сизов и Марина Котова."
    )
    assert {(person, role) for person, role, _ in found} >= {
        ("Олег Петренко", "известный артист"),
        ("Иван Сизов", "известный артист"),
        ("Марина Котова", "известный артист"),
    }
    # a singular role before it is not the list's
    assert not positions_of("На фестиваль приехал известный артист, среди которых Олег Петренко.")
