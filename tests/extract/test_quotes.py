from tests.helpers import quotes_of


def test_attribution_after_the_quote() -> None:
    found = quotes_of(
        "“We will defend our borders and our people,” Imangali Tasmagambetov said on December 4.",
        published="2024-12-10",
    )
    assert found == [("Imangali Tasmagambetov", "We will defend our borders and our people")]


def test_said_on_from_the_attribution() -> None:
    from tests.helpers import analyse_text

    analysis = analyse_text(
        "“Trade between our countries keeps growing every year,” Kassym-Jomart Tokayev said on April 4.",
        published="2019-04-10",
    )
    assert [q.said_on for q in analysis.quotes] == ["2019-04-04"]
    analysis = analyse_text("“I have learned a great deal from him,” Imangali Tasmagambetov said in 2000.")
    assert [q.said_on for q in analysis.quotes] == ["2000"]


def test_inverted_attribution_with_title_and_split_quote_merged() -> None:
    text = (
        "“The position of the alliance always follows the Kremlin,” says Kazakh political scientist "
        "Dosym Satpaev, director of the “Risk Assessment Group.” “Nobody expected anything else from him.”"
    )
    [(speaker, words)] = quotes_of(text)
    assert speaker == "Dosym Satpaev"
    assert "follows the Kremlin" in words and "Nobody expected" in words
    assert "Risk Assessment Group" not in words


def test_according_to_and_as_x_explains() -> None:
    text = (
        "Akhas Tazhutov is a political analyst. As Tazhutov explains, “most of the media is in the hands "
        "of people who defend the ruling elite.” According to Tazhutov, the secretary is considered "
        "“the best possible heir to the first president of the country.”"
    )
    found = quotes_of(text)
    assert [speaker for speaker, _ in found] == ["Akhas Tazhutov", "Akhas Tazhutov"]


def test_short_fragment_kept_only_with_its_source_in_the_sentence() -> None:
    kept = quotes_of("According to Kassym-Jomart Tokayev, “continuity is the main principle” of policy.")
    assert kept == [("Kassym-Jomart Tokayev", "continuity is the main principle")]
    # The same words lifted into the writer's sentence, the speaker only nearby: a fragment, left out.
    assert quotes_of("Kassym-Jomart Tokayev spoke. The talks were “a real step forward for us” in May.") == []


def test_pronoun_speaker_resolves_to_the_person_in_focus() -> None:
    text = (
        "Imangali Tasmagambetov spoke at a press conference in Moscow.\n\n"
        "“Information attacks from unfriendly countries affect security as a whole,” he noted."
    )
    assert quotes_of(text) == [
        ("Imangali Tasmagambetov", "Information attacks from unfriendly countries affect security as a whole")
    ]


def test_organization_speaker_and_colon() -> None:
    text = "Thus, Abai.kz, in an article entitled “Astana will remove him from the post” says the following: “The Kremlin will be disappointed by the outcome of these talks.”"
    assert quotes_of(text) == [("Abai.kz", "The Kremlin will be disappointed by the outcome of these talks.")]


def test_scare_quotes_titles_and_names_are_not_quotes() -> None:
    text = (
        "The disagreements are only a “smokescreen”, according to some analysts. "
        "Russia tested the “Oreshnik” system. Seeing headlines such as “Can Astana remove the secretary from his post”, "
        "readers wondered. Vladimir Putin called the talks “useful”."
    )
    assert quotes_of(text) == []


def test_quote_standing_alone_takes_the_introducing_subject() -> None:
    text = (
        "Akorda’s press-release also contains one very curious passage.\n\n"
        "Let us quote it.\n\n"
        "“The President of Kazakhstan has thanked the Russian leader for the invitation to visit Moscow”."
    )
    [(speaker, _)] = quotes_of(text)
    assert speaker == "Akorda"


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    text = (
        "Abai.kz says the following: “The nightingale will return disappointed from the market. And the reason is clear…\n\n"
        "This second paragraph is the writer's own comment."
    )
    [(speaker, words)] = quotes_of(text)
    assert speaker == "Abai.kz"
    assert "second paragraph" not in words


def test_quote_over_several_paragraphs() -> None:
    # The convention: no closing mark at a paragraph's end, the next paragraph reopens the quote.
    text = (
        "Yerlan Karin told the forum: “Our first task is to keep the region stable and predictable.\n\n"
        "“Our second task is to make sure that trade routes through the Caspian stay open.”\n\n"
        "The forum closed on Friday with a short statement from the organizers."
    )
    [(speaker, words)] = quotes_of(text)
    assert speaker == "Yerlan Karin"
    assert words == (
        "Our first task is to keep the region stable and predictable. "
        "Our second task is to make sure that trade routes through the Caspian stay open."
    )


def test_dash_continuation_after_attribution() -> None:
    text = (
        "“I would never have become who I am without the president,” Imangali Tasmagambetov said in 2000 in an "
        'interview with the newspaper "Respublika." — Therefore, I am a product of Nazarbayev.'
    )
    found = quotes_of(text)
    assert [s for s, _ in found] == ["Imangali Tasmagambetov", "Imangali Tasmagambetov"]
    assert found[1][1] == "Therefore, I am a product of Nazarbayev."


def test_russian_guillemets_with_inner_attribution() -> None:
    text = "«Казахстан — наш стратегический партнёр и союзник, — сказал Владимир Путин. — Мы будем развивать сотрудничество во всех областях»."
    [(speaker, words)] = quotes_of(text)
    assert speaker == "Владимир Путин"
    assert "стратегический партнёр" in words and "во всех областях" in words
    assert "сказал" not in words


def test_russian_dash_dialogue_and_po_slovam() -> None:
    text = (
        "Лидер движения Александр Белов выступил перед журналистами.\n\n"
        "— Мы договорились не устраивать никаких маршей в этот день, — заявил Белов.\n\n"
        "По словам Белова, «власти не готовы вести диалог с оппозицией»."
    )
    found = quotes_of(text)
    assert [s for s, _ in found] == ["Александр Белов", "Александр Белов"]
    assert found[0][1].startswith("Мы договорились")


def test_signature_after_a_quote() -> None:
    text = "“He is ignorant of our culture and lives, and he makes simple statements.” ― Pamela Padilla"
    assert quotes_of(text) == [
        ("Pamela Padilla", "He is ignorant of our culture and lives, and he makes simple statements.")
    ]
