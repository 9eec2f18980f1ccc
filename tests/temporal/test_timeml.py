"""TimeML values (issue 20), on sentences written for these tests: one per item of the issue, in English
and in Russian."""

from __future__ import annotations

from elitewatch.temporal import find_dates, timexes
from elitewatch.temporal.tense import tense_at


def timeml(text: str, anchor: str) -> list[tuple[str, str, str | None]]:
    return [(e.raw, e.type, e.timex) for e in find_dates(text, anchor=anchor)]


def test_the_present_and_references_to_the_past_and_future() -> None:
    assert timeml("The minister is now in Astana and currently has no deputy.", "2024-03-05") == [
        ("now", "date", "PRESENT_REF"),
        ("currently", "date", "PRESENT_REF"),
    ]
    assert timeml("Nowadays the economy differs from the past; today he spoke, recently he wrote.", "2024-03-05") == [
        ("Nowadays", "date", "PRESENT_REF"),
        ("the past", "date", "PAST_REF"),
        ("today", "date", "2024-03-05"),
        ("recently", "date", "PAST_REF"),
    ]
    found = timeml("Сейчас министр в Астане, а в настоящее время у него нет заместителя.", "2024-03-05")
    assert [(raw.lower(), value) for raw, _, value in found] == [
        ("сейчас", "PRESENT_REF"),
        ("в настоящее время", "PRESENT_REF"),
    ]
    # the present has no calendar value: the offices and events that read `value` do not take it
    assert all(e.value is None for e in find_dates("He is now the akim.", anchor="2024-03-05"))


def test_a_month_or_weekday_without_a_year_is_placed_by_the_tense() -> None:
    # said of the past in a March article, August is last August; said of the future, the coming one
    assert timeml("The plant was closed in August.", "2024-03-05")[0][2] == "2023-08"
    assert timeml("The plant will be closed in August.", "2024-03-05")[0][2] == "2024-08"
    assert timeml("The plant closed in early last June.", "2024-03-05")[0][2] == "2023-06"
    # a weekday: the latest up to the article's day, the coming one when the clause is about the future
    assert timeml("They met on Monday.", "2024-03-07")[0][2] == "2024-03-04"
    assert timeml("They will meet on Monday.", "2024-03-07")[0][2] == "2024-03-11"
    assert timeml("They meet next Monday.", "2024-03-07")[0][2] == "2024-03-11"
    assert timeml("Они встретятся в следующий понедельник.", "2024-03-07")[0][2] == "2024-03-11"
    assert timeml("Завод закрыли в августе.", "2024-03-05")[0][2] == "2023-08"


def test_tense_cues() -> None:
    text = "He said Tuesday that he will resign. On Friday the talks will resume. Он заявил в среду."
    assert tense_at(text, 8, 15) == "past"
    assert tense_at(text, 40, 46) == "future"
    assert tense_at(text, text.index("в среду"), len(text) - 1) == "past"


def test_weeks_seasons_quarters_decades_centuries_and_fiscal_years() -> None:
    text = (
        "This week the firm said third-quarter profit rose; last summer it had a plan. It expects more in the fourth quarter. "
        "In the 1990s and in the 20th century, in fiscal 1999 and at the end of the year. Prices fell over the weekend."
    )
    assert [(raw, value) for raw, _, value in timeml(text, "1998-08-07")] == [
        ("This week", "1998-W32"),
        ("third-quarter", "1998-Q3"),
        ("last summer", "1997-SU"),
        ("the fourth quarter", "1998-Q4"),
        ("1990s", "199"),
        ("the 20th century", "19"),
        ("fiscal 1999", "1999"),
        ("at the end of the year", "1998"),
        ("over the weekend", "1998-W31-WE"),
    ]
    # a quarter later in the year than the article, reported as past, is the year before's
    assert timeml("Fourth-quarter profit rose.", "1999-02-10")[0][2] == "1998-Q4"
    ru = "В конце прошлого года, в 1990-е и в XX веке, прошлым летом и в третьем квартале."
    assert [value for _, _, value in timeml(ru, "1998-08-07")] == ["1997", "199", "19", "1997-SU", "1998-Q3"]


def test_a_year_ago_next_to_a_quarter_is_that_quarter_a_year_before() -> None:
    text = "Third-quarter net fell 5% from a year earlier, and from the year-ago quarter."
    assert [value for _, _, value in timeml(text, "1989-10-30")] == ["1989-Q3", "1988-Q3", "1988-Q3"]


def test_times_of_day() -> None:
    text = "The blast came Sunday night; he spoke at 3 p.m. and left this morning."
    assert timeml(text, "1998-08-11") == [
        ("Sunday night", "time", "1998-08-09TNI"),
        ("3 p.m.", "time", "1998-08-11T15:00"),
        ("this morning", "time", "1998-08-11TMO"),
    ]
    assert [value for _, _, value in timeml("Встреча прошла в 15:00, а вечером он уехал.", "2024-03-05")] == [
        "2024-03-05T15:00",
        "2024-03-05TEV",
    ]


def test_durations_and_sets() -> None:
    text = "He had to wait 5 months and 1 day, then served for two years, a decade in all; he reports weekly."
    assert timeml(text, "2024-03-05") == [
        ("5 months and 1 day", "duration", "P5M1D"),
        ("two years", "duration", "P2Y"),
        ("a decade", "duration", "P10Y"),
        ("weekly", "set", "P1W"),
    ]
    assert timeml("Every year the council meets; it met for 2 1/2 hours.", "2024-03-05") == [
        ("Every year", "set", "P1Y"),
        ("2 1/2 hours", "duration", "PT2H30M"),
    ]
    ru = "Он ждал пять месяцев, работал в течение двух лет, а отчитывается ежегодно."
    assert timeml(ru, "2024-03-05") == [
        ("пять месяцев", "duration", "P5M"),
        ("в течение двух лет", "duration", "P2Y"),
        ("ежегодно", "set", "P1Y"),
    ]
    # a duration is kept with its words, but it is not a date
    assert all(e.value is None for e in find_dates(text, anchor="2024-03-05"))


def test_ranges_keep_their_values_and_are_two_timeml_expressions() -> None:
    text = "From 1985 to 1991 he served in Beijing."
    [expr] = find_dates(text, anchor="2019-12-20")
    assert (expr.value, expr.end_value, expr.type) == ("1985", "1991", "date")
    assert [(text[t.start : t.end], t.value) for t in timexes(text, anchor="2019-12-20")] == [
        ("From 1985", "1985"),
        ("1991", "1991"),
    ]


def test_years_said_aloud_in_transcripts() -> None:
    text = "In nineteen ninety-six, and again in January nineteen ninety-seven and two thousand and one."
    assert [value for _, _, value in timeml(text, "1998-01-08")] == ["1996", "1997-01", "2001"]


def test_quarters_counted_back_a_year_and_the_quarter_a_text_is_about() -> None:
    text = (
        "Third-quarter profit rose. In the year-ago third quarter it lost money, and in the quarter a year ago "
        "too. For the quarter, sales fell."
    )
    assert [value for _, _, value in timeml(text, "1989-10-30")] == ["1989-Q3", "1988-Q3", "1988-Q3", "1989-Q3"]


def test_cues_that_do_not_set_a_tense() -> None:
    # a capitalized -ed word is a name; a past participle after "be" takes the tense of its auxiliary
    assert tense_at("They leave for the United States on Tuesday.", 35, 45) is None
    assert tense_at("The plant will be closed in August.", 25, 34) == "future"
    # "Wednesday's ruling" names a day already past, whatever the clause says of the future
    assert timeml("They would appeal Wednesday's ruling.", "2000-01-07")[0][2] == "2000-01-05"


def test_recurring_weekdays_and_months_are_sets() -> None:
    text = "The board meets each July, on Mondays and on Tuesday nights."
    assert [(raw, kind, value) for raw, kind, value in timeml(text, "1998-01-08")] == [
        ("each July", "set", "XXXX-07"),
        ("Mondays", "set", "XXXX-WXX-1"),
        ("Tuesday nights", "set", "XXXX-WXX-2TNI"),
    ]
    assert timeml("Совет собирается по пятницам.", "1998-01-08") == [("по пятницам", "set", "XXXX-WXX-5")]


def test_an_amount_of_time_after_an_event_is_a_duration_and_keeps_its_date_after_a_date() -> None:
    found = find_dates("The rescue came 72 hours after the crash; over the past decade it grew.", anchor="2000-04-06")
    assert [(e.raw, e.type, e.timex) for e in found] == [
        ("72 hours after", "duration", "PT72H"),
        ("the past decade", "duration", "P10Y"),
    ]
    # counted from a date the text gives, it stays the date it names
    [_, later] = find_dates("He came in 2000 and left two years after.", anchor="2024-01-01")
    assert (later.type, later.value, later.timex) == ("date", "2002", "2002")


def test_amounts_in_words() -> None:
    text = "It took a couple of years, almost a hundred years, a minute and a half; the near future is unclear."
    assert [value for _, _, value in timeml(text, "1998-01-08")] == ["P2Y", "P100Y", "PT1M30S", "FUTURE_REF"]


def test_holidays_by_their_rule_placed_like_a_day_without_a_year() -> None:
    text = "He came home for Thanksgiving Day; next Christmas he stays, and Easter is early."
    assert [value for _, _, value in timeml(text, "2000-01-07")] == ["1999-11-25", "2000-12-25", "2000-04-23"]
    assert [value for _, _, value in timeml("Он поздравил ветеранов с Днём Победы.", "2024-05-10")] == ["2024-05-09"]
    assert [value for _, _, value in timeml("Он поздравил ветеранов на День Победы.", "2024-05-10")] == ["2024-05-09"]


def test_words_that_only_look_like_times() -> None:
    text = "A quarter of the vote went to him; three-quarters of them stayed. Ночь была тихой, он поздравил с днём рождения."
    assert timeml(text, "2016-06-01") == []


def test_an_amount_of_time_from_an_event_is_a_duration_and_from_a_date_a_date() -> None:
    text = "The talks resumed a month after the strike. A few days later, the mayor resigned."
    assert [(raw, kind, value) for raw, kind, value in timeml(text, "2016-06-01")] == [
        ("a month after", "duration", "P1M"),
        ("few days later", "duration", "PXD"),
    ]
    # counted from a date in its sentence, or "after" a date, it names a date
    text = "The court met on March 3, 2016; a week later it ruled. It met again two days after March 10."
    assert [value for _, _, value in timeml(text, "2016-06-01")] == ["2016-03-03", "2016-W10", "2016-03-12", "2016-03-10"]
    # a year counted back compares periods: a date, whatever is around it
    text = "Sales fell in 2014. In the long years of crisis nothing changed. This year they rose 5% from a year earlier."
    assert timeml(text, "2016-06-01")[-1] == ("a year earlier", "date", "2015")


def test_a_period_named_before_later_that_year_the_following_day() -> None:
    text = (
        "He fled in June 1998 and came back later that year. On May 4, 2001 he was arrested; the following day "
        "he was freed, and that night he left. He was sentenced the following month."
    )
    assert [(raw, value) for raw, _, value in timeml(text, "2005-01-10")] == [
        ("June 1998", "1998-06"),
        ("later that year", "1998"),
        ("May 4, 2001", "2001-05-04"),
        ("the following day", "2001-05-05"),
        ("that night", "2001-05-05TNI"),
        ("the following month", "2001-06"),
    ]
    assert timeml("He was held on May 9, 2001; the previous Friday he was warned.", "2005-01-10")[1][2] == "2001-05-04"
    # "that day" after a year has no day to take
    assert timeml("He was born in 1950; that day it rained.", "2005-01-10")[1] == ("that day", "date", None)
    ru = "Его задержали 7 декабря 2019 года и в тот же день отпустили, а на следующий день он уехал. В том же году он умер."
    assert [value for _, _, value in timeml(ru, "2020-01-10")] == ["2019-12-07", "2019-12-07", "2019-12-08", "2019"]


def test_the_year_of_a_report_and_the_fiscal_year_ended() -> None:
    text = "For the year, sales rose; in the year ended March 31 they had fallen, and at the end of the year they will."
    assert [(raw, kind, value) for raw, kind, value in timeml(text, "1989-11-02")] == [
        ("the year", "date", "1989"),
        ("the year ended", "duration", "P1Y"),
        ("March 31", "date", "1989-03-31"),
        ("at the end of the year", "date", "1989"),
    ]


def test_two_amounts_before_an_event_are_one_duration() -> None:
    text = "He had to wait 5 months and 1 day before he was received; two years and three months later he left."
    assert timeml(text, "2020-06-01")[0] == (
        "5 months and 1 day before",
        "duration",
        "P5M1D",
    )
    [_, later] = find_dates("He came on March 3, 2019; two years and three months later he left.", anchor="2024-01-01")
    assert (later.raw, later.value) == ("two years and three months later", "2021-06")


def test_tense_cues_read_past_abbreviations_adjectives_and_plans_now_past() -> None:
    # "Mr." and an initial end no sentence: "will" before them still sets the tense of "Feb. 1"
    assert timeml("Mr. Cole, 52, will succeed Mr. John P. Smith Feb. 1.", "1989-10-26")[0][2] == "1990-02-01"
    # an -ed form after a determiner or a possessive is an adjective: "would be paid" decides
    assert timeml("It would be paid on a still unspecified date in January.", "1989-10-26")[0][2] == "1990-01"
    assert timeml("Sony's planned purchase is scheduled to close Monday.", "1989-11-02")[0][2] == "1989-11-06"
    # a plan told in the past perfect was for a day now past; "since" looks back whatever follows
    assert timeml("The offer had been due to expire Friday evening.", "1989-10-30")[0][2] == "1989-10-27TEV"
    assert timeml("The carrier, which will return, has been on patrol since March.", "1990-08-13")[0][2] == "1990-03"
    # "last April" is the April before, whatever is planned after it; "next to" is no future
    assert timeml("Last April, they planned to acquire the firm.", "1989-10-26")[0][2] == "1989-04"
    assert tense_at("A bomb went off next to the embassy on Friday.", 38, 47) == "past"
    # with no other cue, "by" sets a deadline still ahead
    assert timeml("The plan: talks to conclude by February.", "1989-10-30")[0][2] == "1990-02"


def test_a_date_in_parentheses_takes_the_tense_of_its_parentheses_first() -> None:
    text = "If he cannot work, Raab will stand in (on March 11 he tested negative), the office said."
    assert timeml(text, "2020-06-01")[0][2] == "2020-03-11"
    text = "He will leave at dawn (4 a.m. Thursday), he said."
    assert timeml(text, "2000-04-05")[0][2] == "2000-04-06T04:00"


def test_a_month_before_its_event_noun_and_the_week_of_a_day() -> None:
    text = "Evidence in the October slaying grew; the March accession will follow, and the May government fell."
    assert [(raw, value) for raw, _, value in timeml(text, "1999-02-10")] == [
        ("the October", "1998-10"),
        ("the March", "1999-03"),
    ]
    assert timeml("The hearing is set for the week of March 6.", "2000-02-24")[0][2] == "2000-W10"


def test_a_month_without_tense_is_the_nearer_one_either_way() -> None:
    assert timeml("They can take part in the summit in April.", "1998-12-05")[0][2] == "1999-04"
    assert timeml("They can take part in the summit in October.", "1998-03-05")[0][2] == "1997-10"
    assert timeml("They can take part in the summit in May.", "1998-03-05")[0][2] == "1998-05"


def test_a_holiday_week_and_the_day_before_a_day() -> None:
    # Palm Sunday's Monday article: the week Easter ends has begun
    assert timeml("Protesters prayed as Easter week began.", "2000-04-17")[0] == ("Easter week", "date", "2000-W16")
    assert timeml("Christmas week will be quiet.", "2000-12-01")[0][2] == "2000-W52"  # Monday, December 25
    found = find_dates("The day before last Tuesday's hearing he went home.", anchor="2000-02-24")
    assert [(e.raw, e.value) for e in found] == [("The day before last Tuesday", "2000-02-21")]


def test_russian_sets_weeks_parts_of_days_and_the_present() -> None:
    text = (
        "Каждый год совет собирается в Астане, каждую неделю министр отчитывается. На этой неделе он встретился "
        "с послом, а в пятницу вечером выступил. Прошлым летом завод закрыли; в наши дни он пуст, "
        "хотя в течение десятилетия работал."
    )
    assert [(raw.lower(), kind, value) for raw, kind, value in timeml(text, "2024-03-07")] == [
        ("каждый год", "set", "P1Y"),
        ("каждую неделю", "set", "P1W"),
        ("на этой неделе", "date", "2024-W10"),
        ("в пятницу вечером", "time", "2024-03-01TEV"),
        ("прошлым летом", "date", "2023-SU"),
        ("в наши дни", "date", "PRESENT_REF"),
        ("в течение десятилетия", "duration", "P10Y"),
    ]


def test_today_as_nowadays_and_words_that_only_look_like_references() -> None:
    text = "Today's youth differ; the Russia of today is new. Today's vote ended. Now, he says, it is over."
    assert [(raw, value) for raw, _, value in timeml(text, "2020-06-01")] == [
        ("Today", "PRESENT_REF"),
        ("today", "PRESENT_REF"),
        ("Today", "2020-06-01"),
    ]
    text = "At the time of its founding NATO had 12 members; at the time, few cared about the future of Europe."
    assert [(raw, value) for raw, _, value in timeml(text, "2020-06-01")] == [("at the time", "PAST_REF")]
    assert timeml("The film High Noon opened at noon.", "2020-06-01") == [("noon", "time", "2020-06-01T12:00")]
    assert timeml("Sales in the current fiscal year rose.", "1989-11-02")[0][2] == "1989"
