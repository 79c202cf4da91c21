"""News house styles Quoth was not developed on (issue 21 §2, §5): a name never runs across a possessive or a
profile's head whose line break was lost; an office before a name is a role; a person introduced as a sentence's
subject is whom the next "he said" means; a guess under the bar is passed on to no one. Short articles written
here."""

import re

from quoth.records import Role
from quoth.segment.attribution import Cast, Decision, ProseReader
from tests.helpers import news_units as units
from tests.helpers import speaker_of

SURE = 0.7  # the configured speaker threshold


def test_a_name_never_runs_across_a_possessive():
    article = ("Unlike the Red Fox Tavern, whose owner, Paul Ostrander, backs the ban, the club is worried.\n\n"
               "Red Fox’s Ostrander, though, sees an opening. “People who hated the smoke can come back now,” "
               "says Ostrander.")
    cast = Cast.learn(article)
    assert not any("’s" in c.name for c in cast.characters)
    assert speaker_of(units(article), "hated the smoke") == "Paul Ostrander"


def test_an_office_before_a_name_is_a_role_not_a_first_name():
    article = ("The ban passed on Monday.\n\nCouncilwoman Nadia Ferreira, who pushed the ban, disagrees: “The "
               "owners must keep their clients respectful,” she says.\n\nConstable Ivo Marsh, the branch "
               "secretary, told the meeting: “We will tell our side.”")
    got = units(article)
    assert speaker_of(got, "keep their clients") == "Nadia Ferreira"
    assert speaker_of(got, "tell our side") == "Ivo Marsh"


def test_a_profiles_place_before_the_surname_is_no_part_of_the_name():
    # "Name, age, City, State" heads a profile; the break before "Quist is a nurse" was lost in extraction.
    article = ("Few young people quit social media.\n\nMara Quist, 28, Tulsa, Oklahoma Quist is a nurse and has "
               "had an “on and off” relationship with Facebook.\n\n“It felt like intimacy overload,” said Quist.")
    cast = Cast.learn(article)
    assert {c.name for c in cast.characters if c.name.endswith("Quist")} == {"Mara Quist"}
    assert speaker_of(units(article), "intimacy overload") == "Mara Quist"


def test_a_persons_gender_comes_from_the_sentence_after_the_one_they_are_the_subject_of():
    article = ("Okafor, a student at Leeds College, sees no drawbacks in quitting.\n\nHe claims it changed "
               "nothing. “I was always a step behind on that kind of thing,” he said.")
    cast = Cast.learn(article)
    assert cast.resolve("Okafor").gender is None  # the college named in between cuts the pronoun window
    cast.subject_genders(article, [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", article)])
    assert cast.resolve("Okafor").gender == "m"
    assert speaker_of(units(article), "a step behind") == "Okafor"
    # a body, a place or a word inside a quotation is no one "He" goes on about
    text = "Leeds College, a school in the north, grew. He said so. “The Earth is round,” he said. He left."
    other = Cast.learn(text)
    other.subject_genders(text, [(0, len(text))])
    assert all(c.gender is None for c in other.characters)


def test_the_person_the_paragraph_before_introduces_is_whom_he_said_means():
    article = ("“I wrote a work of fiction,” said the novelist Paul Kerr. He said he was speechless.\n\n"
               "Ray Dunn, a Chicago copyright lawyer, told Time the case would fail in America.\n\n"
               "“The First Amendment protects novels,” he said.")
    assert speaker_of(units(article), "protects novels") == "Ray Dunn"


def test_a_guess_under_the_bar_is_not_passed_on_to_the_next_paragraph():
    article = ("Tom Hale landed on Tuesday.\n\nBut the astronaut demurred when asked about Bill Reed and Sam "
               "Ortiz. “I am subject to the Hatch Act,” he said.\n\nBesides the news, he said, work kept him "
               "sane: “I tried to have milestones that were close.”")
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", article)]
    got = ProseReader(article, Decision(None), Role.NARRATION, Cast.learn(article), news=True).read(spans)
    [unit] = [u for u in got if "milestones" in article[u.start:u.end]]
    # the object of "asked about" was the guess (under the bar) for the quotation before; it is not passed on
    assert unit.speaker not in ("Bill Reed", "Sam Ortiz") or unit.confidence < SURE


def test_a_person_brought_in_between_two_quotations_is_the_second_ones_speaker():
    article = ("Shoppers queued all night.\n\nOne of them was Andy Blake, 30, an estate agent. “I got two TVs "
               "and a stereo,” he said. But his friend Henry Fisk, a 19-year-old student, wasn’t as lucky. "
               "“Someone snatched my telly from me.”")
    got = units(article)
    assert speaker_of(got, "two TVs") == "Andy Blake"
    assert speaker_of(got, "snatched my telly") == "Henry Fisk"
    assert "Henry Fisk" not in next(text for who, text in got if "two TVs" in text)  # no passage holds both


def test_a_quotation_ending_its_sentence_does_not_carry_the_next_sentence():
    article = ("Police were called to several stores.\n\nThe Kent Police force said on its feed: “Keep calm, "
               "people!” Essex Police also reported calls from staff after they became “concerned due to the "
               "volume of people who had turned up”.")
    got = units(article)
    keep_calm = next(text for who, text in got if "Keep calm" in text)
    assert "Essex" not in keep_calm and "volume of people" not in keep_calm


def test_a_job_word_that_only_ever_opens_sentences_is_no_first_name():
    article = ("The avionics box is the size of a shopping cart.\n\nEngineer Ted Daisey leads the effort. “We’re "
               "building this around a small computer,” Daisey said.")
    cast = Cast.learn(article)
    assert cast.resolve("Daisey").name == "Ted Daisey"
    assert speaker_of(units(article), "small computer") == "Ted Daisey"
    # a first name the document also writes inside sentences stays one
    assert Cast.learn("Mary Ann Evans wrote. Later Mary Ann Evans left.").resolve("Evans").name == "Mary Ann Evans"


def test_he_said_goes_on_about_the_subject_not_a_body_after_a_preposition():
    article = ("Drones are coming.\n\n“You can’t do everything with a small aircraft,” said Jay Moreno, a "
               "director at Acme Aero Systems. Much of the focus at Acme Aero has been on simpler controls. "
               "“The operator wants the end result,” he said.")
    assert speaker_of(units(article), "end result") == "Jay Moreno"


def test_names_joined_to_an_object_are_objects_too():
    # "asked about Bill Reed and Sam Ortiz": neither is whom "he said" means; the guess stays a doubt
    article = ("Tom Hale landed on Tuesday.\n\nBut the astronaut demurred when asked about Bill Reed and Sam "
               "Ortiz. “I am subject to the Hatch Act,” he said.")
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", article)]
    got = ProseReader(article, Decision(None), Role.NARRATION, Cast.learn(article), news=True).read(spans)
    [unit] = [u for u in got if "Hatch Act" in article[u.start:u.end]]
    assert unit.speaker not in ("Bill Reed", "Sam Ortiz") or unit.confidence < SURE


def test_a_day_before_a_possessive_is_an_owner_not_a_contraction():
    cast = Cast.learn("Fans came to Sheffield Wednesday’s Hillsborough ground. Later Sheffield Wednesday lost.")
    assert not any("Hillsborough" in c.name and "Wednesday" in c.name for c in cast.characters)


def test_an_untagged_quotation_is_not_lent_a_name_tagged_later_after_someone_else():
    article = ("The Pope resigned on Monday.\n\nOutside the basilica, Julia Ross, from London, was still "
               "thinking it over. “If you’re the chosen one, how do you choose not to be?” she mused. Father Tom Kelly "
               "was silent. In his first speech, Benedict said: “The Lord knows how to act, even with poor "
               "tools.”")
    got = units(article)
    assert speaker_of(got, "Lord knows") == "Benedict"
    assert speaker_of(got, "chosen one") != "Benedict"


def test_the_second_of_two_reporting_verbs_a_named_subject_shares_tags_the_quotation():
    article = ("The town hall was full.\n\nWhen asked about his presidential legacy, Obama said he was proud of "
               "the health reforms, which drew cheers from Ann Lee and the audience, and said of the bank crisis: "
               "“Saving the world from a depression was quite good.”")
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", article)]
    got = ProseReader(article, Decision(None), Role.NARRATION, Cast.learn(article), news=True).read(spans)
    [unit] = [u for u in got if "Saving the world" in article[u.start:u.end]]
    assert unit.speaker == "Obama" and "news writes a tag" in " ".join(e.detail for e in unit.evidence)


def test_the_panel_said_is_the_one_body_named_so_before():
    article = ("The Harbour Independent Panel read 4,000 papers. The victims’ blood was tested. This was “an "
               "exceptional decision”, the panel said, for which it found “no rationale”.")
    assert speaker_of(units(article), "exceptional decision") == "Harbour Independent Panel"
    two = ("The Harbour Panel and the Fisheries Panel met. It was “an exceptional decision”, the panel said.")
    spans = [(0, len(two))]
    got = ProseReader(two, Decision(None), Role.NARRATION, Cast.learn(two), news=True).read(spans)
    [unit] = [u for u in got if "exceptional" in two[u.start:u.end]]
    assert unit.speaker is None or unit.confidence < SURE  # two panels: either may be meant


def test_a_sure_she_said_gives_the_person_her_gender_for_later_pronouns():
    article = ("“We did it to reunite the brothers,” said Femi Okoro, the school’s founder, who arrived in Calais "
               "in 2013. “Now, we need to build another one,” he says.\n\nJenny Marsh, 33, who works at a "
               "children’s home in Calais, was inspired to volunteer. "
               "“I saw these people every day,” she said.\n\nThe teachers and Okoro are focused on a new classroom."
               "\n\n“We have a discotheque, a house, a mosque, a school, shops,” he says.")
    cast = Cast.learn(article)
    assert cast.resolve("Jenny Marsh").gender is None  # the quotation cuts her pronoun off her name
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", article)]
    got = ProseReader(article, Decision(None), Role.NARRATION, cast, news=True).read(spans)
    assert cast.resolve("Jenny Marsh").gender == "f" and cast.resolve("Femi Okoro").gender == "m"
    [unit] = [u for u in got if "discotheque" in article[u.start:u.end]]
    assert unit.speaker == "Femi Okoro" and unit.confidence >= SURE


def test_an_inverted_tag_with_any_verb_names_the_speaker_after_the_quotation():
    article = ("Bars braced for the ban.\n\n“This is just the wrong time for them to do this,” complains bar- "
               "owner Wade Parker, who hates the law. “Forcing people outside will make it worse.”")
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", article)]
    got = ProseReader(article, Decision(None), Role.NARRATION, Cast.learn(article), news=True).read(spans)
    [unit] = [u for u in got if "wrong time" in article[u.start:u.end]]
    assert unit.speaker == "Wade Parker" and "news writes a tag" in " ".join(e.detail for e in unit.evidence)
    term = "Nobody liked the “reform” proposed by Senator Ann Hale. The vote failed."
    assert speaker_of(units(term), "reform") is None  # a term in a sentence, not her words
