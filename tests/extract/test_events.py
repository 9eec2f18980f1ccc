from tests.helpers import analyse_text, events_of


def test_appointment_and_credentials_with_a_pronoun_and_a_weekday_date() -> None:
    found = events_of(
        "Nurlan Yermekbayev was appointed ambassador of Kazakhstan to China on May 2, 2023. Only last Friday, "
        "on September 8, he presented his credentials to Chinese President Xi Jinping at a ceremony in Beijing.",
        published="2023-09-12",
    )
    # China is where the office is, not where the appointment took place
    assert ("appointment", ["Nurlan Yermekbayev"], "2023-05-02", None) in found
    credentials = [e for e in found if e[0] == "credentials"]
    assert len(credentials) == 1
    assert set(credentials[0][1]) == {"Nurlan Yermekbayev", "Xi Jinping"}
    assert credentials[0][2] == "2023-09-08"
    assert credentials[0][3] == "Beijing"


def test_a_meeting_during_a_visit_takes_the_visits_date_and_the_visit_is_one_event() -> None:
    found = events_of(
        "On June 12–13, Shavkat Mirziyoyev traveled to Astana for a state visit.\n\n"
        "Mirziyoyev’s meeting with Kassym-Jomart Tokayev produced ten agreements. The visit ended with a concert.",
        published="2024-06-20",
    )
    visits = [e for e in found if e[0] == "visit"]
    assert visits == [("visit", ["Shavkat Mirziyoyev"], "2024-06-12", "Astana")]
    meetings = [e for e in found if e[0] == "meeting"]
    assert len(meetings) == 1
    assert set(meetings[0][1]) == {"Shavkat Mirziyoyev", "Kassym-Jomart Tokayev"}
    assert meetings[0][2] == "2024-06-12"


def test_negated_hypothetical_and_generic_events_are_not_events() -> None:
    found = events_of(
        "Vladimir Putin did not meet Alexander Lukashenko. Ilham Aliyev could visit Moscow next week. "
        "Summit meetings are held every year (see TASS, April 2).",
        published="2024-04-05",
    )
    assert found == []


def test_russian_meeting_with_its_date_and_place() -> None:
    found = events_of(
        "Министр иностранных дел России Сергей Лавров встретился в Москве с министром иностранных дел "
        "Казахстана Муратом Нуртлеу 15 марта 2024 года.",
        published="2024-03-16",
    )
    meetings = [e for e in found if e[0] == "meeting"]
    assert len(meetings) == 1
    assert set(meetings[0][1]) == {"Сергей Лавров", "Мурат Нуртлеу"}
    assert meetings[0][2] == "2024-03-15"
    assert meetings[0][3] == "Moscow"  # the place's canonical name


def test_who_stands_for_the_people_it_follows() -> None:
    found = events_of(
        "Глава «Роснефти» Игорь Сечин и министр энергетики Казахстана Алмасадам Саткалиев, которые сегодня "
        "встречаются в Астане, обсудят поставки нефти.",
        published="2024-02-01",
    )
    meetings = [e for e in found if e[0] == "meeting"]
    assert len(meetings) == 1 and set(meetings[0][1]) >= {"Игорь Сечин", "Алмасадам Саткалиев"}


def test_a_role_named_without_a_name_is_the_documents_holder_of_that_office() -> None:
    found = events_of(
        "Kazakh President Kassym-Jomart Tokayev spoke about trade on Monday.\n\n"
        "The official visit of the Kazakh President to Beijing lasted two days.",
        published="2024-05-10",
    )
    assert [e[:2] for e in found if e[0] == "visit"] == [("visit", ["Kassym-Jomart Tokayev"])]


def test_a_quote_said_at_a_press_conference_takes_its_date() -> None:
    analysis = analyse_text(
        "On March 14, Alexander Lukashenko held a press conference in Minsk. “We will survive this,” he said.",
        published="2024-03-20",
    )
    assert [(e.type, e.date) for e in analysis.events] == [("press_conference", "2024-03-14")]
    assert [(q.text, q.said_on) for q in analysis.quotes] == [("We will survive this", "2024-03-14")]


def test_a_russian_meeting_needs_two_people_and_has_more_triggers() -> None:
    found = events_of(
        "Президент Казахстана Касым-Жомарт Токаев и президент Узбекистана Шавкат Мирзиёев обсудили вопросы "
        "торговли. Глава МИД Сергей Лавров провёл переговоры с министром Ахмедом Ахмедовым. "
        "Депутат Иван Петров провёл встречу с избирателями."
    )
    meetings = [set(e[1]) for e in found if e[0] == "meeting"]
    assert any({"Касым-Жомарт Токаев", "Шавкат Мирзиёев"} <= people for people in meetings)
    assert any({"Сергей Лавров", "Ахмед Ахмедов"} <= people for people in meetings)
    assert all("Иван Петров" not in people for people in meetings)  # voters are nobody named


def test_a_meeting_in_a_purpose_clause_borrows_who_travelled_and_a_delegation_takes_part() -> None:
    found = events_of(
        "Касым-Жомарт Токаев вылетел в Ереван, чтобы провести переговоры с премьер-министром Армении Николом "
        "Пашиняном. Глава МИД России Сергей Лавров провёл встречу с делегацией Китая."
    )
    meetings = [set(e[1]) for e in found if e[0] == "meeting"]
    assert {"Касым-Жомарт Токаев", "Никол Пашинян"} in meetings
    assert {"Сергей Лавров", "China"} in meetings


def test_taking_part_is_not_hosting_and_a_meeting_lists_only_its_people() -> None:
    found = events_of(
        "В церемонии приняли участие губернатор Олег Рябов и мэр Иван Петров. Точку в споре поставят глава "
        "ОАО «Газпром» Алексей Миллер и министр энергетики Белоруссии Александр Озерец, которые сегодня встречаются."
    )
    meetings = [set(e[1]) for e in found if e[0] == "meeting"]
    assert meetings == [{"Алексей Миллер", "Александр Озерец"}]


def test_the_organization_of_the_office_taken_is_no_participant() -> None:
    found = events_of(
        "Many were surprised by the appointment of Anna Petrova as Secretary General of the Eurasian Transport Union.",
        published="2024-02-01",
    )
    assert [(kind, people) for kind, people, _, _ in found] == [("appointment", ["Anna Petrova"])]
    signed = events_of("Anna Petrova signed an agreement with Vostok Rail JSC on Monday.", published="2024-02-01")
    assert [sorted(people) for _, people, _, _ in signed] == [["Anna Petrova", "Vostok Rail JSC"]]  # a party
