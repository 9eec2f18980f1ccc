"""Russian constructions of offices (issue 18 item 3), each on sentences written for the test."""

from tests.helpers import positions_of


def test_a_foreign_name_the_parse_hangs_on_its_title_is_its_holder_whatever_case_the_tagger_gives() -> None:
    found = positions_of("Поездка состоялась до визита в Москву министра иностранных дел Японии Сейджи Маехары.")
    assert any(person.startswith("Сейджи") and role == "министр иностранных дел Японии" for person, role, _ in found)
    assert ("Сергей Сенин", "певица", None) not in positions_of("Это подтвердил муж певицы Сергей Сенин.")


def test_an_adverb_grading_an_adjective_stays_in_the_complement() -> None:
    found = positions_of("На митинге выступила лидер крайне левой Партии труда Анна Рябова.")
    assert ("Анна Рябова", "лидер крайне левой Партии труда") in {(p, r) for p, r, _ in found}


def test_an_apposition_after_the_names_latin_spelling_in_brackets() -> None:
    found = positions_of("Об этом рассказал Питер Мейсон (Peter Mason), бывший пилот авиакомпании «Север».")
    assert any(role == "бывший пилот авиакомпании «Север»" for _, role, _ in found)


def test_the_auxiliary_of_a_passive_is_no_verb_of_service() -> None:
    found = positions_of("Олег Рябов был задержан в аэропорту, российскому бизнесмену предъявили обвинение.")
    assert found == []


def test_a_name_coordinated_with_a_complement_is_not_under_its_title() -> None:
    assert positions_of("Рейд провели сотрудник Росприроднадзора и Иван Петров.") == []


def test_a_role_coordinated_past_a_prepositional_phrase_and_a_second_role_after_and() -> None:
    found = positions_of(
        "Слово взял Олег Рябов, известный борец с коррупцией, член Общественной палаты. "
        "Это сказал Андрей Козлов, директор по развитию компании «Ромашка» и член совета директоров."
    )
    roles = {(person, role) for person, role, _ in found}
    assert ("Олег Рябов", "член Общественной палаты") in roles
    assert ("Андрей Козлов", "директор по развитию компании «Ромашка»") in roles
    assert ("Андрей Козлов", "член совета директоров") in roles
    both = positions_of("Виктор Рыбин стал советником президента и премьера.")
    assert [role for _, role, _ in both] == ["советник президента и премьера"]  # one complement, genitive both


def test_a_role_under_the_reflexive_possessive_is_held_in_what_the_subject_names() -> None:
    found = positions_of(
        "Совет директоров компании «Северсталь» поддержал кандидатуру своего председателя Андрея Козлова. "
        "Президент Олег Рябов представил своего помощника Виктора Рыбина."
    )
    assert ("Андрей Козлов", "председатель", "Совет директоров компании «Северсталь»") in found
    assert ("Виктор Рыбин", "помощник", None) in found  # a person's own assistant: the principal, no organization


def test_a_name_inside_the_role_is_its_principal_and_oblique_cases_disagree() -> None:
    found = positions_of("Заместителем Рябова назначен Олег Петров.")
    assert [(p, r) for p, r, _ in found] == [("Олег Петров", "заместитель Рябова")]  # Ryabov is no deputy


def test_a_bare_role_in_a_clause_opened_by_an_organization_is_held_there() -> None:
    assert positions_of("В Сенате, где демократы сохранили большинство, спикер Гарри Рид заявил о планах.") == [
        ("Гарри Рид", "спикер", "Сенат")
    ]


def test_a_fronted_place_or_a_country_s_office_takes_no_organization_from_the_clause() -> None:
    assert positions_of("В Москве депутат Иван Петров заявил о поддержке.") == [("Иван Петров", "депутат", None)]
    assert positions_of("В ООН президент Иван Петров заявил о поддержке.") == [("Иван Петров", "президент", None)]


def test_a_lead_with_the_birth_date_in_brackets_is_one_sentence_and_its_roles_the_name_s() -> None:
    """«(род. 5 мая …)»: the segmenter ends a sentence at «род.» before the number; inside brackets none ends."""
    assert positions_of("Иван Петров (род. 5 мая 1960 года) — российский политик, министр финансов Казахстана.") == [
        ("Иван Петров", "российский политик", "Russia"),
        ("Иван Петров", "министр финансов Казахстана", "Kazakhstan"),
    ]


def test_a_relational_role_alone_is_no_office_and_with_its_body_is_one() -> None:
    assert positions_of("Как сообщил представитель Олег Рябов, встреча пройдёт в Самаре.") == []
    assert positions_of("Как сообщил представитель МИД России Олег Рябов, встреча пройдёт в Самаре.") == [
        ("Олег Рябов", "представитель МИД России", "МИД")
    ]


def test_an_acting_head_abbreviated_agrees_with_the_name_and_keeps_what_it_governs() -> None:
    assert positions_of("Врио губернатора Самарской области Иван Петров подписал указ.") == [
        ("Иван Петров", "врио губернатора Самарской области", "Самарская область")
    ]


def test_a_name_in_the_inner_role_s_case_before_another_name_is_the_principal() -> None:
    found = positions_of("Помощник министра Сергея Лаврова Андрей Иванов прибыл в Самару.")
    assert ("Сергей Лавров", "министр") in [(p, r) for p, r, _ in found]
    assert ("Андрей Иванов", "помощник министра Сергея Лаврова") in [(p, r) for p, r, _ in found]
    assert ("Олег Рябов", "заместитель министра") in [
        (p, r) for p, r, _ in positions_of("Встреча заместителя министра Олега Рябова прошла в Самаре.")
    ]
    appointed = positions_of("Иван Петров назначен советником президента Олега Рябова.")
    assert ("Олег Рябов", "президент") in [(p, r) for p, r, _ in appointed]


def test_a_role_word_hung_on_the_role_before_it_is_its_complement_whatever_case_the_tagger_gives() -> None:
    assert [(p, r) for p, r, _ in positions_of("Он поздравил советника президента Олега Рябова.")] == [
        ("Олег Рябов", "советник президента")
    ]


def test_roles_coordinated_after_a_role_of_several_words_are_two_offices() -> None:
    found = positions_of("Иван Петров был председателем правления банка «Открытие» и президентом АО «Транснефть».")
    assert [r for _, r, _ in found] == ["председатель правления банка «Открытие»", "президент АО «Транснефть»"]


def test_a_headline_without_a_full_stop_ends_at_its_line() -> None:
    found = positions_of("Иван Петров стал тренером «Спартака»\nИван Петров.\nКлуб объявил об этом в пятницу.")
    assert found == [("Иван Петров", "тренер «Спартака»", "Спартак")]


def test_a_name_set_off_by_a_comma_after_its_title_may_close_the_sentence_or_carry_its_spelling() -> None:
    assert positions_of("Об этом сказал директор музея, Александр Кержаев.") == [
        ("Александр Кержаев", "директор музея", None)
    ]
    found = positions_of("Пресс-секретарь, Иван Петров (Ivan Petrov), выложил фотографию.")
    assert [r for _, r, _ in found] == ["пресс-секретарь"]
    assert positions_of("Встреча прошла в Москве, Иван Петров уехал.") == []


def test_a_complement_telling_where_the_role_is_exercised_is_no_organization() -> None:
    assert positions_of("Олег Рябов стал запасным вратарём на чемпионате мира.") == [
        ("Олег Рябов", "запасный вратарь на чемпионате мира", None)
    ]
    assert positions_of("Иван Петров, министр по делам молодёжи, выступил.") == [
        ("Иван Петров", "министр по делам молодёжи", "по делам молодёжи")
    ]


def test_a_role_in_the_nominative_keeps_its_gender_and_a_feminine_noun_made_of_an_adjective_is_singular() -> None:
    assert positions_of("Анна Смирнова — российская эстрадная певица, телеведущая и актриса.") == [
        ("Анна Смирнова", "российская эстрадная певица", "Russia"),
        ("Анна Смирнова", "телеведущая", None),
        ("Анна Смирнова", "актриса", None),
    ]
    found = positions_of("Известные телеведущие Иван Петров и Олег Рябов приехали в Самару.")
    assert [(p, r) for p, r, _ in found] == [
        ("Иван Петров", "известный телеведущий"),
        ("Олег Рябов", "известный телеведущий"),
    ]


def test_an_age_set_off_after_the_name_lets_the_apposition_go_on() -> None:
    assert positions_of("Иван Петров, 45 лет, инженер завода, погиб.") == [("Иван Петров", "инженер завода", None)]
    assert positions_of("Иван Петров, 45 лет, погиб в Самаре.") == []


def test_roles_joined_to_a_predicate_s_role_are_the_name_s_too() -> None:
    found = positions_of("Олег Рябов — российский футболист, полузащитник.")
    assert [r for _, r, _ in found][-1] == "полузащитник"
    assert len(found) == 2
