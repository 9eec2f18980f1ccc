"""Attribution mechanisms of issue 17, one test each, on sentences written for them."""

from tests.helpers import analyse_text, quotes_of


def test_two_apostrophes_mark_a_quote() -> None:
    text = "''We will not raise the fees this year,'' said Martha Ellison, the county treasurer."
    assert quotes_of(text) == [("Martha Ellison", "We will not raise the fees this year")]


def test_honorific_full_stop_does_not_end_the_attribution() -> None:
    text = (
        "Walter Brennan runs the port authority.\n\n"
        "“The new cranes arrive in March and will double our capacity,” Mr. Brennan said. “Nobody here expected it so soon.”"
    )
    [(speaker, words)] = quotes_of(text)
    assert speaker == "Walter Brennan"
    assert "Nobody here expected it" in words


def test_pronoun_takes_the_subject_in_focus_not_the_object() -> None:
    text = (
        "Mark Olsen thanked Peter Lindqvist for his support during the long campaign.\n\n"
        "“We will build the new bridge before the winter comes,” he said."
    )
    assert [speaker for speaker, _ in quotes_of(text)] == ["Mark Olsen"]


def test_pronoun_agrees_in_gender_with_its_antecedent() -> None:
    text = (
        "Mark Olsen introduced Helen Varga to the crowd in the town square. Then Mark Olsen sat down.\n\n"
        "“Our schools deserve far more money than they get,” she said."
    )
    assert [speaker for speaker, _ in quotes_of(text)] == ["Helen Varga"]
    honorific = (
        "Ms. Varga spoke after the mayor at the meeting. Then Mr. Olsen sat down.\n\n"
        "“Our schools deserve far more money than they get,” she said."
    )
    assert [speaker for speaker, _ in quotes_of(honorific)] == ["Varga"]


def test_pronoun_is_not_the_recipient_of_the_attribution() -> None:
    text = (
        "Mark Olsen arrived at the capitol early on Monday.\n\n"
        "“The budget is balanced for the first time in years,” he told Senator Ruth Grant."
    )
    assert [speaker for speaker, _ in quotes_of(text)] == ["Mark Olsen"]


def test_a_chain_of_pronouns_keeps_its_antecedent() -> None:
    text = (
        "Mark Olsen is asking questions about the voting machines in Dover.\n\n"
        "He notes that the county clerk, Peter Lindqvist, found a fault on Friday.\n\n"
        "He says, “Nobody told the voters about it until the count was over.”"
    )
    assert [speaker for speaker, _ in quotes_of(text)] == ["Mark Olsen"]


def test_a_quote_inside_a_longer_attribution_is_not_merged() -> None:
    text = (
        "“The county has to stop wasting money on consultants,” Mark Olsen said, proposing two questions "
        "for the board, including, “Who approved these contracts in the first place?”"
    )
    found = quotes_of(text)
    assert [speaker for speaker, _ in found] == ["Mark Olsen", "Mark Olsen"]
    continued = "“The county has to stop wasting money,” Mark Olsen said in Dover, “but nobody on the board listens.”"
    [(_, words)] = quotes_of(continued)
    assert "nobody on the board listens" in words


def test_definite_description_stands_for_the_person_in_focus() -> None:
    text = (
        "Mark Olsen toured the flooded farms near Dover on Tuesday with Helen Varga.\n\n"
        "“We need a new levee before the spring rains,” the Delaware businessman said."
    )
    assert [speaker for speaker, _ in quotes_of(text)] == ["Mark Olsen"]
    titled = (
        "Governor Mark Olsen met Helen Varga, and Ms. Varga spoke first.\n\n"
        "“We need a new levee before the spring rains,” the governor said."
    )
    assert [speaker for speaker, _ in quotes_of(titled)] == ["Mark Olsen"]


def test_possessor_is_the_principal_not_the_speaker() -> None:
    text = (
        "Mark Olsen has led the campaign since June.\n\n"
        "“Senator Varga will not debate until October,” said the senator's spokeswoman, Dana Reyes."
    )
    assert [speaker for speaker, _ in quotes_of(text)] == ["Dana Reyes"]
    described = (
        "Mark Olsen has led the campaign since June.\n\n"
        "“She will not debate until October,” Helen Varga's campaign manager said."
    )
    assert [speaker for speaker, _ in quotes_of(described)] == ["Mark Olsen"]


def test_addressee_and_venue_are_not_the_speaker() -> None:
    text = "“We will finish the bridge by the end of the year,” said in an interview with Reuters."
    assert quotes_of(text) == []
    named = "Mark Olsen, a longtime Varga ally, said on Fox News: “We will finish the bridge by the end of the year.”"
    assert [speaker for speaker, _ in quotes_of(named)] == ["Mark Olsen"]


def test_reporting_verbs_beyond_say() -> None:
    text = "“Why is nobody in this building accountable for the losses?” Helen Varga demanded."
    assert [speaker for speaker, _ in quotes_of(text)] == ["Helen Varga"]
    sung = "“Take me home to the place I belong,” Helen Varga sings to Mark Olsen before asking him, “Where now?”"
    assert [speaker for speaker, _ in quotes_of(sung)][:1] == ["Helen Varga"]


def test_mixed_typographic_and_straight_marks() -> None:
    text = (
        '“Immunity deals should never be a condition of cooperation," Helen Varga said in a statement, '
        "adding that the rules were written badly."
    )
    assert quotes_of(text) == [("Helen Varga", "Immunity deals should never be a condition of cooperation")]
    nested = (
        'Helen Varga said: "The survey asked one thing: “Do you trust the council with the budget?” '
        'Most people said no."'
    )
    [(_, words)] = quotes_of(nested)
    assert words.endswith("Most people said no.")


def test_appositive_subject_is_in_focus() -> None:
    text = (
        "The minister of transport, Mr. Olsen, argues that the port of Peter Lindqvist needs no new subsidy.\n\n"
        "“We must not overreact to one bad season,” he told reporters."
    )
    assert [speaker for speaker, _ in quotes_of(text)] == ["Olsen"]


def test_a_quote_of_a_word_or_two_beside_its_speech_verb() -> None:
    text = "Helen Varga was asked whether she would ever run again.\n\n“Never,” Helen Varga said."
    assert quotes_of(text) == [("Helen Varga", "Never")]
    # a short scare quote or name is still none
    assert quotes_of("Helen Varga called the plan “a joke” on Monday. She praised “Main Street,” she said.") == []


def test_colon_without_a_speech_verb() -> None:
    text = "Mark Olsen has a new and more personal message for his voters: “It's about my town.”"
    assert [speaker for speaker, _ in quotes_of(text)] == ["Mark Olsen"]


def test_unnamed_speaker_is_never_a_person_named_nearby() -> None:
    text = "Mark Olsen visited the plant on Monday.\n\n“The layoffs will not go ahead this year,” a spokesman said."
    assert quotes_of(text) == []
    writer = "Mark Olsen asked me about the plant, and I laughed and said, “The plant will never close down.”"
    assert quotes_of(writer) == []


def test_an_unnamed_speaker_for_an_organization_is_kept_with_it() -> None:
    text = (
        "Mark Olsen toured the Vostok Airlines hangar on Monday.\n\n"
        "“The new fleet will arrive in spring,” a Vostok Airlines spokeswoman said.\n\n"
        "“We have no plans to cut routes,” said an official of the Ministry of Transport."
    )
    analysis = analyse_text(text)
    found = [(q.speaker, q.speaker_text, q.speaker_org, q.text) for q in analysis.quotes]
    assert [(speaker, stated) for speaker, stated, _, _ in found] == [
        (None, "a Vostok Airlines spokeswoman"),
        (None, "an official of the Ministry of Transport"),
    ]
    orgs = [analysis.entities[org].name for _, _, org, _ in found if org is not None]
    assert orgs == ["Vostok Airlines", "Ministry of Transport"]
    named = "“The fleet is ready,” Vostok Airlines spokeswoman Irina Belova said on Monday."
    assert [speaker for speaker, _ in quotes_of(named)] == ["Irina Belova"]


def test_adjacent_quotes_of_two_speakers_are_not_merged() -> None:
    text = (
        "“Nobody in this office will ever approve such a budget again.” To which Helen Varga said, "
        "“Then the county will simply have to find another office that will.”"
    )
    found = quotes_of(text)
    assert ("Helen Varga", "Then the county will simply have to find another office that will.") in found
    assert all("Nobody" not in words for _, words in found)


def test_words_inside_indirect_speech_are_not_a_direct_quote() -> None:
    reported = (
        "Helen Varga said on Friday that, “Of course the council is going to defend its budget” against the critics."
    )
    assert quotes_of(reported) == []
    continuing = (
        "Helen Varga “is the only member of the council who has read the whole budget from start to end,” "
        "Mark Olsen said."
    )
    assert quotes_of(continuing) == []
    direct = "Mark Olsen said: “Helen Varga is the only member of the council who has read the whole budget.”"
    assert [speaker for speaker, _ in quotes_of(direct)] == ["Mark Olsen"]


def test_relative_pronoun_speaker_is_the_name_before_it() -> None:
    text = (
        "The guests included Mark Olsen, Peter Lindqvist and Helen Varga, who joked of the bridge, "
        "“I have not crossed it yet, but I am going to.”"
    )
    assert [speaker for speaker, _ in quotes_of(text)] == ["Helen Varga"]


def test_a_title_with_a_subtitle_is_not_a_quote() -> None:
    text = (
        "Mark Olsen recalled talking about “Drift: How Rivers Choose Their Way to the Sea,” "
        "a best seller of 2005, with the governor."
    )
    assert quotes_of(text) == []


def test_list_of_voices_gives_each_quote_to_its_label() -> None:
    text = (
        "What the papers said about the debate.\n\n"
        "Jane Doe, The Boston Globe: “The debate settled nothing and changed no minds at all.”\n\n"
        "Mark Olsen, The Denver Post: “It was a clear win for the governor tonight.”"
    )
    assert [speaker for speaker, _ in quotes_of(text)] == ["Jane Doe", "Mark Olsen"]


def test_speaker_named_in_the_next_paragraph() -> None:
    text = (
        "The mayor took the podium at noon.\n\n"
        "“We will rebuild every house that the flood took from us.”\n\n"
        "That was the promise of Mayor Helen Varga, who spoke for ten minutes."
    )
    assert [speaker for speaker, _ in quotes_of(text)] == ["Helen Varga"]


def test_a_short_sentence_goes_on_with_the_quote_before_it() -> None:
    text = '"We will not raise taxes on the middle class," Helen Varga said. "Not one penny."'
    [(speaker, words)] = quotes_of(text)
    assert speaker == "Helen Varga" and words.endswith("Not one penny.")


def test_a_first_name_alone_shows_its_gender() -> None:
    text = (
        "Kevin slept on the couch while Melanie watched the speech at home.\n\n"
        "“He is finally on the stage, and the crowd is going wild,” she said."
    )
    assert [speaker for speaker, _ in quotes_of(text)] == ["Melanie"]


def test_the_attribution_of_a_partial_quote_goes_to_the_whole_one_after_it() -> None:
    text = (
        "Helen Varga said she made the film because “most people have never heard of that law,” she said. "
        "“We cannot understand the present if we do not know the past.”"
    )
    assert quotes_of(text) == [("Helen Varga", "We cannot understand the present if we do not know the past.")]
