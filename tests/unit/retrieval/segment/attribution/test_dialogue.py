"""The prose sieve on fiction: turn-taking, vocatives, kinship tags, a first-person narrator, and the cast's
names — each on a short exchange written for the case (none is taken from the annotated works)."""

from quoth.records import Clue, Role
from quoth.segment.attribution import Cast
from quoth.segment.attribution.conversation import Turn, take_turns
from quoth.segment.attribution.kin import kin_of
from quoth.segment.attribution.names import WordCase
from quoth.segment.attribution.narrator import addressed_unnarrated, narrator_of
from quoth.segment.attribution.vocatives import addressees, introduced, parents_addressed, titled_kin_addressed
from quoth.segment.units import Unit, merge_short
from tests.helpers import read_story, story_speakers

speakers = story_speakers


def turn(anchor=None, addressed=(), gender=None):
    return Turn(anchor, frozenset(addressed), gender, anchor is None)


def test_two_people_take_turns_from_one_tag_each():
    fills = take_turns([turn("Ann"), turn(), turn(), turn("Ben"), turn()], {"Ann": "f", "Ben": "m"})
    assert {k: f.speaker for k, f in fills.items()} == {1: "Ben", 2: "Ann", 4: "Ann"}
    assert fills[1].both and not fills[4].both and fills[4].paired
    # Two tags on the same parity are no strict alternation: nothing is filled by parity.
    assert all(not f.paired for f in take_turns([turn("Ann"), turn(), turn("Ben")], {}).values())


def test_a_reply_that_addresses_its_own_turns_speaker_stops_the_parity():
    # Turn 3 would be Ben's, yet it speaks to Ben: the exchange is not a strict two-person one.
    fills = take_turns([turn("Ann"), turn("Ben"), turn(), turn(addressed={"Ben"})], {})
    assert all(not f.paired for f in fills.values())
    assert 3 not in fills


def test_a_vocative_anchors_the_turn_taking_where_no_tag_does():
    fills = take_turns([turn(), turn(addressed={"Ann"}), turn()], {}, scene=frozenset({"Ann", "Ben"}))
    assert fills[1].speaker == "Ben" and fills[1].clue is Clue.VOCATIVE
    assert fills[0].speaker == fills[2].speaker == "Ann"


def test_three_tagged_people_leave_only_the_local_rule():
    fills = take_turns([turn("Ann"), turn("Ben"), turn(), turn(), turn("Cat")], {})
    assert fills[2].speaker == "Ann" and all(not f.paired for f in fills.values())


def test_the_partner_is_the_one_person_of_the_scene_the_other_turns_pronouns_fit():
    genders = {"Ann": "f", "Jane": "f", "Bob": "m"}
    fills = take_turns([turn(gender="f"), turn("Ann"), turn()], genders, scene=frozenset({"Jane", "Bob", "Ann"}))
    assert fills[0].speaker == fills[2].speaker == "Jane"
    assert take_turns([turn(gender="m"), turn("Ann"), turn()], {**genders, "Tom": "m"},
                      scene=frozenset({"Tom", "Bob", "Ann"})) == {}


def test_two_tags_strict_alternation_cannot_join_split_the_run():
    # Ben speaks on turns 1 and 4: turns 2 and 3 may be anyone's; from turn 4 on, Ben and Cat alternate.
    fills = take_turns([turn("Ann"), turn("Ben"), turn(), turn(), turn("Ben"), turn("Cat"), turn()], {})
    assert 2 not in fills and 3 not in fills
    assert fills[6].speaker == "Ben" and fills[6].paired


def test_an_untagged_alternating_exchange_is_read_turn_by_turn():
    assert speakers([
        "“Are you coming to the fair tomorrow?” asked Maria Holt.",
        "“Only if the rain holds off,” said Tomas Berg.",
        "“It never rains in June here.”",
        "“It rained all last June.”",
        "“Then bring a coat.”",
    ]) == ["Maria Holt", "Tomas Berg", "Maria Holt", "Tomas Berg", "Maria Holt"]


def test_vocatives_name_whom_a_quotation_speaks_to_never_its_speaker():
    text = "Harriet Smith met George Knightley and Mr. Thomas in the lane. Pshaw."
    cast = Cast.learn(text)
    assert [c.name for c in addressees("Harriet, do you know him?", cast)] == ["Harriet Smith"]
    assert [c.name for c in addressees("I think so, Mr. Knightley.", cast)] == ["George Knightley"]
    assert addressees("Pshaw! They did not look.", cast) == []
    assert addressees("Mr. and Mrs. Thomas moved away.", cast) == []
    # After "!" or "?" a name is addressed only before a comma: a one-word answer names nobody.
    assert addressees("Nonsense! Harriet.", cast) == []
    assert [c.name for c in addressees("Come! Harriet, quick.", cast)] == ["Harriet Smith"]


def test_his_wife_is_the_mrs_of_his_family_and_two_families_leave_nobody():
    text = ("Mr. Hale came in. Mrs. Hale followed him. Later Mr. Dunn and Mrs. Dunn arrived, "
            "and Mr. Hale greeted Mr. Dunn.")
    cast = Cast.learn(text)
    hale, dunn = cast.resolve("Mr. Hale"), cast.resolve("Mr. Dunn")
    assert kin_of("wife", "his", [hale], cast).name == "Mrs. Hale"
    assert kin_of("wife", "his", [hale, dunn], cast) is None
    assert kin_of("wife", "her", [hale], cast) is None  # "her wife" of a man: no such kin
    assert kin_of("friend", "his", [hale], cast) is None


def test_a_kinship_tag_names_the_speaker_in_an_exchange():
    assert speakers([
        "Mr. Hale put down his paper when Mrs. Hale came into the room.",
        "“Have you heard the news?” cried his wife.",
    ]) == [None, "Mrs. Hale"]


def test_the_first_person_narrator_is_whom_the_replies_beside_said_i_address():
    cast = Cast.learn("Holmes and Watson sat by the fire.")
    holmes, watson = cast.resolve("Holmes"), cast.resolve("Watson")
    assert narrator_of([[watson], [watson], []], [[holmes]]).name == "Watson"
    assert narrator_of([[watson]], []) is None  # one reply is not enough
    assert speakers([
        "Holmes and I sat by the fire after dinner.",
        "“You look tired, Watson,” said Holmes.",
        "“A long day at the surgery,” said I.",
        "“Then sleep, Watson. The case will keep.”",
        "“I doubt it,” I answered.",
    ])[2] == "Watson"


def test_a_capitalised_creature_in_a_tag_is_a_character():
    assert speakers([
        "“You are late,” said the Mouse to the Duck.",
        "A mouse ran by, and the Duck looked at the Mouse again.",
    ])[0] == "Mouse"


def test_pronoun_contractions_and_sentence_adverbs_are_no_names():
    case = WordCase.of("I'm here. I'd go. Thereupon Anne left. Then Anne came back and saw Anne.")
    assert not case.name_word("I'm") and not case.name_word("I'd") and not case.name_word("Thereupon")
    assert case.name_word("Anne")


def test_a_heading_does_not_make_names_of_its_words():
    cast = Cast.learn("CHAPTER IV. The Rabbit Sends in a Little Bill\n\nThe Rabbit ran off, and the Rabbit came back.")
    assert cast.resolve("Rabbit") is not None
    assert all("Sends" not in c.name for c in cast.characters)


def test_two_paragraphs_of_dialogue_are_never_joined_into_one_unit():
    text = "“Yes.”\n\n“No.”"
    units = [Unit(0, 6, "Ann", Role.QUOTE, None, 0.5), Unit(8, 13, "Ann", Role.QUOTE, None, 0.95)]
    assert len(merge_short(units, text, 20)) == 2


def test_a_reply_broken_off_is_speech_not_a_heading():
    from quoth.segment import segment
    from tests.helpers import make_doc
    text = ("He sat down by the fire and lit his pipe, and for a while neither of us spoke a word.\n\n"
            "\"Precisely so. But how--\"\n\n\"Was there a secret marriage?\"\n\n\"None.\"\n")
    assert any("Precisely so" in p.text for p in segment(make_doc(text)).passages)


# Replies paragraph after paragraph: what makes a document read as dialogue rather than news.
EXCHANGE = ["“Is it far?” asked Tom Lane.", "“Not very,” said Ned Cole.", "“Good.”", "“Are you sure?”",
            "“Quite,” said Ned Cole.", "“Then go.”"]


def test_said_she_after_narration_is_its_subject_and_never_an_owner():
    assert speakers([
        *EXCHANGE,
        "Mrs. Grey looked the girl over from head to foot, and Miss Hill waited.",
        "“How old are you?” she demanded.",
    ])[-1] == "Mrs. Grey"
    assert speakers([
        *EXCHANGE,
        "Miss Hill came in. She had put on one of Mrs. Grey's gloves while she was talking.",
        "“How can that be?” she thought.",
    ])[-1] != "Mrs. Grey"


def test_a_signature_names_the_writer_of_a_letter_read_out():
    from quoth.segment.attribution.letters import signed_by
    assert signed_by("“CAROLINE BINGLEY”") == "Caroline Bingley"
    assert signed_by("  “Very truly yours,\n   “IRENE NORTON, nee ADLER.”") == "Irene Norton"
    assert signed_by("“Stolen.”") is None and signed_by("“Yes, sir.”") is None
    assert speakers([
        *EXCHANGE,
        "“It is from Miss Hale,” said Tom Lane, and read it aloud.",
        "“MY DEAR FRIEND,--",
        "“Come to dinner on Friday, and bring your brother.--Yours ever,",
        "“CAROLINE HALE”",
    ])[-3:] == ["Caroline Hale"] * 3


def test_lines_that_close_or_lead_on_a_quotation_are_never_headings():
    from quoth.segment import segment
    from tests.helpers import make_doc
    text = ("He read the note twice over by the window, and then he handed it across to me without a word.\n\n"
            "\"MY DEAR FRIEND,--\n\n\"Come at once.--Yours ever,\n\n\"CAROLINE HALE\"\n\n"
            "'I thought you did,' said the Mouse. '--I proceed. \"Edwin and Morcar,\n"
            "the earls of Mercia and Northumbria, declared for him: and even Stigand,\n"
            "the patriotic archbishop of Canterbury, found it advisable--\"'\n")
    words = " ".join(p.text for p in segment(make_doc(text)).passages)
    assert "MY DEAR FRIEND" in words and "CAROLINE HALE" in words and "Stigand" in words


def test_the_reply_after_a_paragraph_ending_on_someone_is_theirs():
    assert speakers([
        *EXCHANGE,
        "“You will eat your supper,” said Mrs. Grey sharply. Rose Hill sighed.",
        "“I can't. I am in the depths of despair.”",
    ])[-1] == "Rose Hill"
    # Not when the reply speaks to her, nor when she is turned to someone else, who may be the one answering.
    must = "“You must,” said Mrs. Grey."
    assert speakers([*EXCHANGE, f"{must} Rose Hill sighed.", "“Oh, Rose Hill, do eat.”"])[-1] is None
    assert speakers([*EXCHANGE, f"{must} Rose Hill looked at him.", "“Not now.”"])[-1] is None


def test_any_past_tense_verb_before_a_name_after_a_quotation_is_a_tag():
    from quoth.segment.attribution.tags import tag_after
    assert tag_after(" croaked Ginger mockingly.").words == "Ginger"
    assert tag_after(" quoted Ginger in a tone of contempt.").words == "Ginger"
    assert tag_after(" named the Mouse.") is None


def test_a_pronoun_tag_ending_the_paragraph_above_is_the_one_person_of_its_clause():
    assert speakers([
        *EXCHANGE,
        "Mrs. Grey promised; but the promise was quite unnecessary, for Mrs. Lynde\n"
        "was no sooner fairly seated than she said,",
        "“I saw Mr. Harrison chasing your cow out of his oats today.”",
    ])[-1] == "Mrs. Lynde"


def test_a_short_paragraph_leading_into_a_reply_is_kept():
    from quoth.segment import segment
    from tests.helpers import make_doc
    text = ("He read the note twice over by the window, and then he handed it across to me without a word.\n\n"
            "Marilla promised; but the promise was quite unnecessary, for Mrs. Lynde\n"
            "was no sooner fairly seated than she said,\n\n\"I saw him chasing your cow today.\"\n")
    assert any("fairly seated" in p.text for p in segment(make_doc(text)).passages)


def test_a_dash_after_a_name_is_not_part_of_it():
    cast = Cast.learn("She saw Mr. Elton--and then Mr. Elton left with Jean-Luc Picard.")
    assert {c.name for c in cast.characters} >= {"Mr. Elton", "Jean-Luc Picard"}
    assert all("--" not in c.name for c in cast.characters)


def test_a_titled_surname_used_before_a_first_named_one_of_that_title_is_someone_else():
    # The elder brother is "Mr. Orme"; the text brings in "Mr. Peter Orme" later to tell the younger apart.
    text = ('Mr. Orme walked in. "It is late," said Mr. Orme.\n\nHis brother, Mr. Peter Orme, came from town.\n\n'
            '"Good evening," said Mr. Orme.')
    cast = Cast.learn(text)
    assert cast.resolve("Mr. Orme") is not cast.resolve("Peter Orme")
    assert cast.resolve("Mr. Orme").name == "Mr. Orme"
    # Written the other way round, the full form introduces the person the short one goes on to name.
    text = 'Mr. Peter Orme, 45, arrived. "It is late," said Mr. Orme.'
    cast = Cast.learn(text)
    assert cast.resolve("Mr. Orme") is cast.resolve("Peter Orme")


def test_an_unnamed_first_person_narrator_takes_turns_and_is_never_filled_with_someone_else():
    # Nobody names the narrator; "I said" turns are still turns, so the replies between are the other's,
    # and no exchange is paired from the scene with the narrator left out.
    paras = ["Mara came in from the garden and sat down by the fire.",
             '"Is it raining?" I said.',
             '"Only a little," said Mara.',
             '"Then we can walk."',
             '"Perhaps later."',
             '"Now would be better," I said.']
    got = speakers(paras)
    assert got[2] == "Mara" and got[4] == "Mara"
    assert got[1] is None and got[3] is None and got[5] is None


def test_a_word_spelt_out_letter_by_letter_is_no_name():
    text = '“Y-o-u-u TOM!” she called. Tom came in. “Tom, where were you?” said Aunt Polly.'
    cast = Cast.learn(text)
    assert all("Y-o-u-u" not in c.name for c in cast.characters)


def test_a_familys_plural_is_no_second_person_sharing_the_first_name():
    text = ("Tom Vale came home late. We dined with the Tom Vales on Sunday.\n\n"
            '"Sit down," said Tom. "You Hallidays are always early."\n\nMr. Halliday laughed.')
    cast = Cast.learn(text)
    assert cast.resolve("Tom") is cast.resolve("Tom Vale") is not None
    assert cast.resolve("Tom Vales") is None and cast.resolve("Hallidays") is None


def test_a_name_mostly_after_a_locative_is_a_place_and_no_antecedent():
    paras = ["Owen had studied at Port Ellery, and he went back to Port Ellery each spring; the ferry from Port "
             "Ellery was slow.",
             "“The harbour is frozen,” he said."]
    cast = Cast.learn("\n\n".join(paras))
    assert "Port Ellery" in cast.places and "Owen" not in cast.places
    assert speakers(paras)[1] != "Port Ellery"
    # A titled person is never a place, whatever comes before the name.
    assert not Cast.learn("I wrote to Mr. Dane, then went to Mr. Dane and sat with Mr. Dane.").places


def test_a_vocative_casts_no_gender_vote():
    text = ("“Listen, Cal; she never told me.” “Well, Cal, she will.” “Oh, Cal! Her letter came.” "
            "Cal laughed, and he went out.")
    assert Cast.learn(text).resolve("Cal").gender != "f"


def test_the_narrator_is_the_name_the_quotations_address_that_narration_never_uses():
    cast = Cast.learn("Rosa met Cal. “Hello, Cal.” “Cal, sit.” “Cal!”")
    rosa, cal = cast.resolve("Rosa"), cast.resolve("Cal")
    assert addressed_unnarrated([[cal], [cal], [cal], [rosa]], {"Rosa"}).name == "Cal"
    assert addressed_unnarrated([[cal], [cal], [cal]], {"Cal"}) is None  # the narration names him: not "I"
    assert addressed_unnarrated([[cal], [cal]], set()) is None  # too few
    # In a scene where the narration names only Rosa, the narrator and she take turns.
    # Only one reply beside the "I said" turn addresses him: the replies alone would not name him.
    paras = ["Rosa was already at the table when I came down.",
             "“You are late, Cal,” said Rosa.",
             "“The train was slow.”",
             "“It always is, Cal.”",
             "“Not always,” I said.",
             "“Well, sit down and eat.”",
             "“Thank you.”",
             "Later Rosa walked with me to the gate.",
             "“Come again soon, Cal.”"]
    got = speakers(paras)
    assert got[2] == "Cal" and got[4] == "Cal" and got[6] == "Cal"
    assert got[3] == "Rosa" and got[5] == "Rosa"


def test_a_strangers_tag_stops_the_scene_pair_and_a_pronoun_needs_a_known_gender():
    scene = frozenset({"Ann", "Ben"})
    fills = take_turns([turn("Ann"), turn(), turn()], {"Ann": "f", "Ben": "m"}, scene)
    assert fills[1].speaker == "Ben"
    stranger = Turn(None, frozenset(), None, False, stranger=True)  # "said our visitor"
    fills = take_turns([turn("Ann"), turn(), stranger, turn()], {"Ann": "f", "Ben": "m"}, scene)
    assert all(not f.paired for f in fills.values())
    # "she urged" is never filled with someone whose gender nobody knows.
    fills = take_turns([turn("Ann"), turn(gender="f"), turn("Ann"), turn("Cy")], {"Ann": "f", "Cy": None})
    assert 1 not in fills


def test_a_greeting_opening_a_reply_is_no_name():
    cast = Cast.learn("“Hello, Wilson,” said Tom. “Hello, Tom.” “Hello there.”")
    assert cast.resolve("Hello") is None


def test_miss_and_the_surname_is_the_one_daughter_named_in_full_unless_daughters_are_styled_apart():
    text = "Mr. Grey came in. Nora Grey rose, and she smiled. “Miss Grey is tired,” said Mr. Grey."
    cast = Cast.learn(text)
    assert cast.resolve("Miss Grey") is cast.resolve("Nora Grey") is not cast.resolve("Mr. Grey")
    # "Miss Nora" tells one daughter from the others: "Miss Grey" is then the eldest, someone else.
    cast = Cast.learn(text + " “Miss Nora, sit down,” said Mrs. Grey.")
    assert cast.resolve("Miss Grey") is not cast.resolve("Nora Grey")


def test_an_untagged_exchange_whose_replies_address_two_people_by_turns_is_theirs():
    genders = {"Ann": "f", "Ben": "m"}
    fills = take_turns([turn(), turn(addressed=["Ben"]), turn(addressed=["Ann"]), turn(), turn()], genders,
                       frozenset({"Ann"}))
    assert {k: f.speaker for k, f in fills.items()} == {0: "Ben", 1: "Ann", 2: "Ben", 3: "Ann", 4: "Ben"}
    # Addressed on the same parity both, or a third person in the scene: no pair.
    assert not take_turns([turn(), turn(addressed=["Ben"]), turn(), turn(addressed=["Ann"])], genders)
    assert not take_turns([turn(), turn(addressed=["Ben"]), turn(addressed=["Ann"])], genders,
                          frozenset({"Ann", "Cy", "Dee"}))


def test_a_titled_surname_is_not_the_first_named_member_of_the_other_gender():
    text = ("Mr. Hale and Kitty Hale sat by the fire. Kitty smiled and she sang. Later Kitty laughed, and she spoke."
            "\n\n“Don’t cough so, Kitty,” said Mr. Hale.")
    cast = Cast.learn(text)
    assert cast.resolve("Mr. Hale") is not cast.resolve("Kitty Hale")
    assert cast.resolve("Mr. Hale") is not None
    # A first name the pronouns call "he" is the Mr. of that surname.
    cast = Cast.learn("Mr. Hale and Ned Hale sat by the fire. Ned smiled and he sang. Later Ned laughed, and he "
                      "spoke. Mr. Hale said nothing.")
    assert cast.resolve("Mr. Hale") is cast.resolve("Ned Hale")


def test_papa_addresses_the_one_father_of_a_child_in_the_scene_and_the_reply_is_that_childs():
    paras = ["Mr. Vane sat by the fire after dinner. Lucy Vane took up her work; Lucy smiled, and she sang. "
             "Lucy laughed, and she spoke.",
             "“Poor Mrs. Lark! I wish she had stayed.”",
             "“I cannot agree with you, papa; she is happy.”",
             "“But she was so comfortable here.”",
             "“Oh, papa, she has a house of her own now.”",
             "“A house of her own! What is the good of that?”"]
    cast = Cast.learn("\n\n".join(paras))
    vane, lucy = cast.resolve("Mr. Vane"), cast.resolve("Lucy Vane")
    assert parents_addressed("I cannot agree with you, papa; she is happy.", [lucy], cast) == [vane]
    assert parents_addressed("Papa would not like it.", [lucy], cast) == []  # spoken of, not to
    got = speakers(paras)
    assert got[2] == "Lucy Vane" and got[4] == "Lucy Vane"
    assert got[3] == "Mr. Vane" and got[5] == "Mr. Vane"


def test_a_family_of_several_children_leaves_papa_unanswered():
    paras = ["Mr. Vane sat by the fire, with Lucy Vane and Miss Vane. Lucy smiled, and she sang; Lucy laughed, "
             "and she spoke.",
             "“I cannot agree with you, papa.”",
             "“Nor I, papa.”"]
    assert speakers(paras)[1:] == [None, None]


def test_the_one_person_a_tagged_speakers_turns_keep_addressing_is_the_partner():
    fills = take_turns([turn("Ann"), turn(), turn(addressed=["Ben"]), turn(), turn(addressed=["Ben"])],
                       {"Ann": "f", "Ben": "m"}, frozenset({"Ann", "Cy"}))
    assert fills[1].speaker == "Ben" and fills[3].speaker == "Ben"


def test_a_pronoun_beat_between_a_replys_quotations_names_its_speaker_as_a_pronoun_tag_would():
    paras = ["“Is it raining?” said Mr. Dale.",
             "“Only a little.” She looked at the window. “It will stop soon.”",
             "“Then we shall walk,” said Mr. Dale.",
             "“Not before tea,” said Mrs. Cole."]
    text = "\n\n".join(["Mr. Dale and Mrs. Cole came down the stairs to the hall, and she sat down.", *paras])
    got = speakers(text.split("\n\n"))
    assert got[2] == "Mrs. Cole"
    # The quotation after the beat is hers too: the untagged first quotation lends across the short beat.
    _, _, units = read_story(text.split("\n\n"))
    later = text.index("“It will stop")
    assert next(u.speaker for u in units if u.start <= later < u.end) == "Mrs. Cole"
    # "She" where the people about are men: nobody.
    assert speakers(["Mr. Dale and Mr. Ames came down the stairs to the hall.", *paras[:3],
                     "“Not before tea,” said Mr. Ames."])[2] is None


def test_a_first_name_is_its_owners_beside_a_form_of_address_that_never_stands_alone():
    text = ('Tom Sawyer came home late. "Where were you?" said Aunt Polly.\n\n"Out," said Tom.\n\n'
            '"Come on, Mars Tom," said Jim. Tom went with him.\n\n"Now?" said Tom.')
    cast = Cast.learn(text)
    assert cast.resolve("Tom") is not None and cast.resolve("Tom").name == "Tom Sawyer"
    # Two people whose first name it is leave it to nobody.
    cast = Cast.learn("Tom Sawyer and Tom Brown met. Tom waved.")
    assert cast.resolve("Tom") is None


def test_an_epithet_opening_a_sentence_is_not_part_of_the_name():
    text = ('"Come in," said Marilla. Marilla sighed. "Sit down, Anne."\n\nPoor Marilla was only a woman after all.'
            '\n\n"I will," said Anne.')
    cast = Cast.learn(text)
    assert all(not c.name.startswith("Poor") for c in cast.characters)
    assert cast.resolve("Marilla") is not None


def test_one_tagged_person_with_someone_nobody_names_keeps_their_own_turns():
    fills = take_turns([turn("Ann"), turn(), turn(), turn(), turn()], {"Ann": "f"}, scene=frozenset({"Ann"}))
    assert {k: f.speaker for k, f in fills.items()} == {2: "Ann", 4: "Ann"}
    assert fills[2].lone and not fills[2].both and fills[4].steps == 4
    # Others named in the scene change nothing on her parity (the narrator, in first-person fiction, always is);
    # someone else addressed may be a third voice: nothing is filled so.
    assert take_turns([turn("Ann"), turn(), turn()], {}, scene=frozenset({"Ann", "Ben", "Cat"}))[2].speaker == "Ann"
    assert 2 not in take_turns([turn("Ann"), turn(addressed={"Cat"}), turn()], {}, scene=frozenset({"Ann"}))
    # A reply on her parity that addresses her, or a "he said" on it, is not hers: the parity is not strict.
    assert not take_turns([turn("Ann"), turn(), turn(addressed={"Ann"})], {}, scene=frozenset({"Ann"}))
    assert not take_turns([turn("Ann"), turn(), turn(gender="m"), turn()], {"Ann": "f"}, scene=frozenset({"Ann"}))


def test_the_person_one_paritys_replies_keep_calling_answers_them():
    fills = take_turns([turn(addressed={"Ben"}), turn(), turn(), turn(), turn(addressed={"Ben"}), turn()], {})
    assert {k: f.speaker for k, f in fills.items()} == {1: "Ben", 3: "Ben", 5: "Ben"}
    assert fills[3].clue is Clue.VOCATIVE and fills[3].both and not fills[5].both
    # Called once, called on both parities, or two people called: nobody is filled so.
    assert not take_turns([turn(addressed={"Ben"}), turn(), turn()], {})
    assert not take_turns([turn(addressed={"Ben"}), turn(addressed={"Ben"}), turn()], {})
    assert not take_turns([turn(addressed={"Ben"}), turn(), turn(addressed={"Cat"}), turn()], {})
    # "she said" on his parity: he is not the one answering.
    assert not take_turns([turn(addressed={"Ben"}), turn(gender="f"), turn(addressed={"Ben"})], {"Ben": "m"})


def test_a_speech_left_open_over_many_paragraphs_stays_its_speakers_to_the_end():
    story = ['“We set out at dawn,” said Captain Orme, “and the river was high.']
    story += [f"“On day {n} the boats were heavier and the men more tired than the day before." for n in range(2, 9)]
    story += ["“And that is how we came home.”", "“A fine tale,” said Ruth Vane."]
    assert speakers(story) == ["Captain Orme"] * 9 + ["Ruth Vane"]


def test_replies_that_address_two_people_by_turns_again_and_again_are_theirs_whoever_the_scene_names():
    crowd = frozenset({"Ann", "Ben", "Cat", "Dan"})
    turns = [turn(), turn(), turn(addressed={"Ben"}), turn(addressed={"Ann"}), turn(addressed={"Ben"}),
             turn(addressed={"Ann"}), turn()]
    fills = take_turns(turns, {}, scene=crowd)
    assert [fills[k].speaker for k in (0, 1, 6)] == ["Ann", "Ben", "Ann"]
    # Twice is not enough beside a crowd: either may be speaking to a third.
    assert not take_turns(turns[:4], {}, scene=crowd)


def test_aunt_called_by_the_word_is_the_one_aunt_of_the_cast():
    cast = Cast.learn("Aunt Hester came in. Aunt Hester sat down. Mr. Dane Wolcott and Nell Wolcott followed.")
    assert [c.name for c in titled_kin_addressed("I never did, aunt.", cast)] == ["Aunt Hester"]
    assert [c.name for c in titled_kin_addressed("Oh, auntie, look!", cast)] == ["Aunt Hester"]
    assert titled_kin_addressed("My aunt never did.", cast) == []  # spoken of, not to
    two = Cast.learn("Aunt Hester came in. Aunt Mabel came in. Aunt Hester sat. Aunt Mabel stood.")
    assert titled_kin_addressed("I never did, aunt.", two) == []


def test_a_quotation_after_a_long_stretch_of_narration_starts_a_new_exchange():
    scene = ("The evening wore on, and the lamps were lit one by one along the quay, and the boats came in with "
             "their catch while the gulls wheeled above the harbour wall and the bells of the old church rang "
             "for the late service, and somebody at the far end of the quay began to sing. “Is anybody here?”")
    said = speakers(["“Shall we go?” asked Maria Holt.", "“Not yet,” said Tomas Berg.", "“Why not?”",
                     "“The tide is wrong.”", scene, "“Only us.”"])
    assert said[2:4] == ["Maria Holt", "Tomas Berg"] and said[5] is None


def test_the_scenes_partner_no_tag_names_is_filled_less_surely_than_the_tagged_person():
    fills = take_turns([turn("Ann"), turn(), turn(), turn()], {"Ann": "f", "Ben": "m"},
                       scene=frozenset({"Ann", "Ben"}))
    assert fills[1].speaker == fills[3].speaker == "Ben" and fills[1].partner
    assert fills[2].speaker == "Ann" and not fills[2].partner


def test_a_reply_that_says_who_its_speaker_is_names_them_and_anchors_the_exchange():
    cast = Cast.learn("Ruth Vane met Tomas Berg. Ruth Vane smiled. Tomas Berg did not.")
    assert introduced("My name is Ruth Vane, and yours?", False, cast).name == "Ruth Vane"
    assert introduced("Ruth Vane. And yours?", True, cast).name == "Ruth Vane"
    assert introduced("Ruth Vane. And yours?", False, cast) is None  # unasked, a name alone may be a call
    assert introduced("I am Ruth Vane's brother.", False, cast) is None
    said = speakers(["“Is this the ferry?” asked Tomas Berg.", "“It is.”", "“What's your name?”", "“Ruth Vane.”",
                     "“Mine is Tomas.”", "“Then sit down, Tomas.”", "“Thank you.”"])
    assert said[3] == said[5] == "Ruth Vane" and said[6] == "Tomas Berg"


def test_the_turns_before_a_new_voices_tag_stay_with_the_two_before_it():
    # Cat comes in on Ben's parity: the turns before her tag are still Ann's and Ben's.
    fills = take_turns([turn("Ann"), turn("Ben"), turn(), turn(), turn(), turn("Cat"), turn()], {})
    assert [fills[k].speaker for k in (2, 3, 4)] == ["Ann", "Ben", "Ann"] and fills[4].broken
    # Ben again on Ann's parity is no new voice: who spoke twice nobody knows.
    assert 2 not in take_turns([turn("Ann"), turn("Ben"), turn(), turn(), turn("Ben")], {})


def test_a_reply_calling_a_third_person_of_the_scene_stops_the_parity():
    scene = frozenset({"Ann", "Ben", "Cat"})
    turns = [turn("Ann"), turn("Ben"), turn(), turn(addressed={"Cat"}), turn()]
    assert all(not f.paired for f in take_turns(turns, {}, scene=scene).values())
    # Calling someone the scene does not hold (an absent friend, a name in a toast) changes nothing.
    fills = take_turns([*turns[:3], turn(addressed={"Dan"}), turn()], {}, scene=scene)
    assert fills[4].speaker == "Ann" and fills[4].paired


def test_his_mother_is_never_the_wife_the_text_styles_by_his_own_names():
    cast = Cast.learn("Roland Pell came home. Mrs. Pell kissed him, and Mr. Pell nodded. One day there would be a "
                      "Mrs. Roland Pell, "
                      "and Roland Pell smiled.")
    roland = cast.resolve("Roland Pell")
    assert kin_of("mother", "his", [roland], cast).name == "Mrs. Pell"
