"""News tag shapes (issue 21 §2, §5; newstags.py): a name behind a title, an office or a possessive, partial
quotations in a sentence reporting their speaker's words, a colon ending the paragraph above, a statement, a pull
quote's attribution; and no passage holding two speakers' words. The articles are short ones written here."""


from quoth.records import Role
from quoth.segment.attribution import Cast, Decision, ProseReader
from quoth.segment.attribution.newstags import news_tag_after, news_tag_before
from tests.helpers import news_units as units
from tests.helpers import speaker_of


def test_a_partial_quotation_is_the_speaker_of_the_sentence_that_reports_it():
    got = units("Ferry fares will rise in May. The Harbour Trust's chief executive Ian Moss said he believes "
                "the rise has a “strong rationale”.")
    assert ("Ian Moss", "The Harbour Trust's chief executive Ian Moss said he believes the rise has a “strong "
                        "rationale”.") in got
    assert speaker_of(got, "Ferry fares") is None


def test_a_paragraph_quoting_two_people_is_never_one_passage():
    article = ("Professor Anne Hale also said kits would go to schools. People may send designs online. "
               "New Zealand's Prime Minister Tom Reed said he believes the change has a “strong rationale”.")
    got = units(article)
    assert speaker_of(got, "strong rationale") == "Tom Reed"
    assert speaker_of(got, "kits would go") != "Tom Reed"  # Hale's words are not in Reed's passage


def test_quotations_in_one_sentence_are_one_speakers():
    got = units("Shadow Minister Ann Lee said her party has backed the idea “for months”, and said it was "
                "“damning” that nothing was done.")
    assert [who for who, _ in got] == ["Ann Lee"]


def test_a_colon_ending_the_paragraph_above_introduces_the_quotation():
    got = units("After the leak, chief executive of the Refugee Council Ian Moss told reporters any process "
                "“must be well thought out”:\n\n“Moves to cut the backlog are welcome, but not like this.”")
    assert speaker_of(got, "Moves to cut") == "Ian Moss"
    assert speaker_of(got, "well thought out") == "Ian Moss"


def test_a_statement_issued_before_the_quotation_is_its_authors():
    got = units("Senator Ray Boyd, Republican from Ohio, issued a statement on the choice of sites. “Like many "
                "people in Ohio, I am disappointed with the decision.”")
    assert speaker_of(got, "Like many") == "Ray Boyd"


def test_in_the_words_of_and_a_pull_quotes_dash():
    tag = news_tag_before("and in the words of the Crown prosecutor, Mark Tedd, QC, ")
    assert tag is not None and tag.words == "Mark Tedd"
    tag = news_tag_after(" - Sam Ortiz")
    assert tag is not None and tag.words == "Sam Ortiz"
    got = units("Sam Ortiz wrote about the video.\n\n“So far, the web is winning. But it is a long game.” - Sam "
                "Ortiz")
    assert speaker_of(got, "long game") == "Sam Ortiz"


def test_a_bodys_written_words_are_the_bodys():
    tag = news_tag_before("The Home Office letter reads ")
    assert tag is not None and tag.words == "Home Office"
    # an object is no speaker, nor a word that opens the sentence
    assert news_tag_before("A leaked internal letter seen by Sky News says ") is None
    assert news_tag_before("In a statement, the ministry said ") is None
    assert news_tag_before("After the match, he said the team was ") is None


def test_words_reported_within_reported_words_are_the_nearer_subjects():
    tag = news_tag_before("Ann Lee said Tom Reed called the plan ")
    assert tag is not None and tag.words == "Tom Reed"


def test_a_bodys_noun_or_a_place_before_a_name_is_no_part_of_it():
    cast = Cast.learn("The Refugee Council Enver Solomon spoke. Later Enver Solomon left.")
    assert cast.resolve("Solomon") is not None and cast.resolve("Solomon").name == "Enver Solomon"
    cast = Cast.learn("Pennsylvania Senator Rick Santorum spoke. Rick Santorum left. Santorum was tired.")
    c = cast.resolve("Santorum")
    assert c is not None and c.name.endswith("Rick Santorum") and not c.name.startswith("Pennsylvania")


def test_a_reporters_pronoun_is_a_person_never_an_outlet_named_nearby():
    article = ("Jana Kowal works for the agency. She spoke to CBC News about the papers.\n\n“We take security "
               "seriously,” she said.")
    spans = [(0, article.index("\n")), (article.index("“"), len(article))]
    got = ProseReader(article, Decision(None), Role.NARRATION, Cast.learn(article), news=True).read(spans)
    [quote] = [u for u in got if "security" in article[u.start:u.end]]
    why = " ".join(e.detail for e in quote.evidence)
    assert "Jana Kowal" in why and "CBC News" not in why  # the guess (under the bar here) is the person


def test_a_straight_mark_typed_against_a_comma_still_opens_a_quotation():
    from quoth.segment.attribution.quotations import find_quotations
    text = 'Professor Ann Hale said kits would go to schools," For example, schools can vote". People may vote.'
    [q] = find_quotations(text)
    assert text[q.start:q.end] == '" For example, schools can vote"'
    # an odd number of straight marks is left as it was: no quotation is guessed
    assert find_quotations('She said," For example, schools can vote. Then') == []


def test_a_quotation_carried_into_the_next_paragraph_without_a_mark_is_the_same_speakers():
    article = ('Tom Reed won the award. He said, "In the first half it felt good out there.\n\nWe could have '
               'scored two goals early." After the match, the Harbour Trust coach Ian Moss said, "We played a '
               'skilled team.\n\nIf we had drawn it would have been an excellent result for us."')
    got = units(article)
    assert speaker_of(got, "scored two goals") == "Tom Reed"
    assert speaker_of(got, "played a skilled") == "Ian Moss"
    assert speaker_of(got, "excellent result") == "Ian Moss"  # the quotation left open last, not the first


def test_a_bodys_name_keeps_the_word_before_its_noun():
    article = ("Officials at home were told of the plan. The Home Office letter reads “we may extend the scheme "
               "to other claimants”, but no plans exist.")
    assert Cast.learn(article).resolve("Home Office") is not None
    assert speaker_of(units(article), "we may extend") == "Home Office"


def test_a_tag_not_read_is_someone_new_not_the_last_voice_going_on():
    got = units("The company will pay a fine.\n\n"
                "“It is a serious crime,” said Ann Lee, head of the Civil Division. “This settles it.”\n\n"
                "“When companies ignore the rules, people are hurt,” said acting U.S. Attorney for the Eastern "
                "District of the State, Tom Hale. “Patients were put at risk.”\n")
    assert speaker_of(got, "serious crime") == "Ann Lee"
    assert speaker_of(got, "When companies") != "Ann Lee"  # unread, it is nobody's rather than hers
