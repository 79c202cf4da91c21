"""Turn-taking round 6: exchanges a first-person narrator watches or joins, and who answers whom, each on a short
exchange written for the case (none is taken from the annotated works)."""

from quoth.segment.attribution.conversation import Turn, take_turns


def turn(anchor=None, addressed=(), gender=None):
    return Turn(anchor, frozenset(addressed), gender, anchor is None)


GENDERS = {"Vera": "f", "Nell": "f", "Otto": "m"}


def test_a_scene_pair_is_refused_when_one_side_calls_one_of_the_two_and_someone_else():
    # The scene names Vera and the narrator Nell; Vera's side calls both Otto ("…, Otto?") and Nell: Otto is
    # there and spoken to, so the scene's two are not surely the two talking, and nobody answers for Nell.
    turns = [turn(), turn(), turn(addressed=["Otto"]), turn(), turn(addressed=["Nell"]), turn()]
    fills = take_turns(turns, GENDERS, frozenset({"Vera", "Nell"}), narrator="Nell")
    assert all(f.speaker != "Nell" for f in fills.values())
    # With the calls to Nell alone, the scene's two are the pair, by turns.
    turns[2] = turn()
    fills = take_turns(turns, GENDERS, frozenset({"Vera", "Nell"}), narrator="Nell")
    assert fills[5].speaker == "Nell" and fills[4].speaker == "Vera"


def test_the_side_calling_one_of_the_scene_and_someone_else_is_the_scenes_other_one():
    # Vera's side calls Otto and the narrator Nell by turns; the scene names Vera and Nell: Vera speaks there.
    turns = [turn(), turn(), turn(addressed=["Otto"]), turn(), turn(), turn(), turn(addressed=["Nell"]), turn()]
    fills = take_turns(turns, GENDERS, frozenset({"Vera", "Nell"}), narrator="Nell")
    assert {k: f.speaker for k, f in fills.items()} == {0: "Vera", 2: "Vera", 4: "Vera", 6: "Vera"}
    # A pronoun tag of the other gender on that side says it is not Vera: nothing is filled so.
    turns[4] = turn(gender="m")
    assert all(f.speaker != "Vera" for f in take_turns(turns, GENDERS, frozenset({"Vera", "Nell"}),
                                                        narrator="Nell").values())


def test_a_double_quotation_closed_by_a_single_mark_after_its_sentence_is_closed():
    from quoth.segment.attribution.quotations import find_quotations
    assert find_quotations("“Was it raining?’")[0].closed
    assert find_quotations("“It was,” she said. “Cold and wet.’")[-1].closed
    # A single quotation opened inside may close there, the double one still open; and no mark, no close.
    assert not find_quotations("“She told me, ‘Go home.’")[0].closed
    assert not find_quotations("“And so we walked on and on.")[0].closed


def test_a_run_whose_calls_break_the_alternation_is_read_in_two_stretches():
    # Vera and Nell talk; Vera speaks twice in a row somewhere between turns 4 and 7, so the calls after the break
    # stand on the other parity. Each stretch is read up to its own anchors; the turns between stay open.
    turns = [turn("Vera"), turn(), turn(addressed=["Nell"]), turn(addressed=["Vera"]), turn(addressed=["Nell"]),
             turn(), turn(), turn(addressed=["Nell"]), turn(), turn(addressed=["Nell"]), turn()]
    fills = take_turns(turns, GENDERS, frozenset({"Vera", "Nell"}))
    got = {k: f.speaker for k, f in fills.items()}
    assert got[1] == "Nell" and got[2] == "Vera" and got[3] == "Nell" and got[4] == "Vera"
    assert 5 not in got and 6 not in got  # between the break's two sides
    assert got[7] == got[9] == "Vera" and got[8] == got[10] == "Nell"
    # A stretch of one call alone shows nothing about which way the break went.
    turns[9] = turn()
    assert 8 not in take_turns(turns, GENDERS, frozenset({"Vera", "Nell"}))


def test_whom_a_quotation_reported_inside_a_reply_calls_is_not_whom_the_reply_calls():
    from quoth.segment.attribution.vocatives import own_words
    assert "mother" not in own_words("Do you remember Tim said to me, ‘Where were you, mother?’")
    assert "Ann" in own_words("Don’t go, Ann.")  # an apostrophe inside a word is no quotation
    assert own_words("I said 'go home, Ann' and left.") == "I said   and left."


def test_he_opening_the_narration_of_a_turn_is_never_the_narrator():
    # "He smiled at that. '…'" in a story the narrator Nell tells of herself and Otto: that turn is Otto's,
    # and it anchors the untagged turns around it.
    beat = Turn(None, frozenset(), "m", False)
    turns = [turn(), turn(), beat, turn(), turn()]
    fills = take_turns(turns, GENDERS, frozenset({"Otto", "Nell"}), narrator="Nell")
    assert {k: f.speaker for k, f in fills.items()} == {0: "Otto", 1: "Nell", 3: "Nell", 4: "Otto"}
    # Told of others, with no narrator among the two, "he" of two men says nothing.
    assert take_turns(turns, {"Otto": "m", "Max": "m"}, frozenset({"Otto", "Max"})) == {}


def test_the_pronoun_a_paragraphs_opening_narration_is_about_is_its_quotations_gender():
    from quoth.records import Role
    from quoth.segment.attribution import Cast, Decision, ProseReader
    from tests.helpers import paragraph_spans

    paras = ["“Is it far?” asked Otto.", "“Not very.”", "She laughed at my face. “You will see.”"]
    text, spans = paragraph_spans(paras)
    reader = ProseReader(text, Decision(None), Role.NARRATION, Cast.learn(text), news=False)
    reader.read(spans)
    p = reader._locate(*spans[2], False)
    assert reader._lead_gender(p, p.sites[0]) == "f"
    p = reader._locate(*spans[1], False)
    assert reader._lead_gender(p, p.sites[0]) is None  # a reply opening its paragraph has no such narration


def test_the_one_person_the_other_sides_pronoun_tags_may_stand_for_is_the_partner():
    # Otto is tagged by name; on the other side "she" follows narration naming Vera ("This pleased Vera. '…,'
    # she said"), though the scene names Nell too, of the same gender: Vera is Otto's partner.
    she = Turn(None, frozenset(), "f", True, may_be=frozenset({"Vera"}))
    turns = [turn(), turn("Otto"), turn(), turn(), she, turn()]
    fills = take_turns(turns, GENDERS, frozenset({"Vera", "Nell"}))
    assert fills[0].speaker == fills[2].speaker == "Vera" and fills[3].speaker == "Otto"
    # Where the pronoun may stand for either woman, the partner stays unknown.
    turns[4] = Turn(None, frozenset(), "f", True, may_be=frozenset({"Vera", "Nell"}))
    assert all(f.speaker != "Vera" for f in take_turns(turns, GENDERS, frozenset({"Vera", "Nell"})).values())


def test_the_turns_before_a_strangers_tag_stay_with_the_two_talking():
    # Ann and Ben talk; "said the butler" comes in, then Ann again on the other parity: the turns up to the
    # butler's are Ann's and Ben's by turns, those after it open.
    butler = Turn(None, frozenset(), None, False, stranger=True)
    turns = [turn("Ann"), turn("Ben"), turn(), turn(), butler, turn("Ann"), turn()]
    got = {k: f.speaker for k, f in take_turns(turns, {"Ann": "f", "Ben": "m"}).items()}
    assert got[2] == "Ann" and got[3] == "Ben"


def test_two_voices_in_one_paragraph_are_never_one_passage():
    from tests.helpers import read_story, speaker_at

    paras = ["Ann and Ben stood under the cliff.",
             '"Let us climb up and see the nest!" begged Ann, but Ben, shaking his head hard, answered: "No, no, '
             'not even goats could climb up there!"',
             '"Then I shall go alone," said Ann.', '"You will not," said Ben.', '"I will," said Ann.',
             '"Then I shall tell," said Ben.', '"Tell, then," said Ann.']
    text, _, units = read_story(paras)
    ann = next(u for u in units if "see the nest" in text[u.start:u.end])
    assert "goats" not in text[ann.start:ann.end]  # one passage, one voice
    assert speaker_at(text, units, "not even goats") != "Ann"


def test_whom_the_two_talk_of_is_not_the_one_talked_to():
    # Otto is tagged; the scene names Vera and Nell too; the replies talk of Nell ("Nell has done well"), so
    # Otto is talking with Vera.
    def of(*names, anchor=None):
        return Turn(anchor, frozenset(), None, anchor is None, spoken_of=frozenset(names))
    turns = [of("Nell", anchor="Otto"), of("Nell"), turn(), turn()]
    fills = take_turns(turns, GENDERS, frozenset({"Otto", "Vera", "Nell"}))
    assert fills[1].speaker == fills[3].speaker == "Vera" and fills[2].speaker == "Otto"
    # Talked of by nobody, either woman may be the one answering.
    turns = [turn("Otto"), turn(), turn(), turn()]
    assert all(f.speaker not in ("Vera", "Nell") for f in take_turns(
        turns, GENDERS, frozenset({"Otto", "Vera", "Nell"})).values())


def test_the_local_rule_far_from_its_tags_is_under_the_bar_even_tagged_on_both_sides():
    from quoth.records import Clue
    from quoth.segment.attribution.conversation import Fill
    from quoth.segment.attribution.prose import _turn_weight

    near = Fill("Ann", 2, True, Clue.ALTERNATION, paired=False)
    far = Fill("Ann", 3, True, Clue.ALTERNATION, paired=False)
    assert _turn_weight(near) >= 0.7 > _turn_weight(far)
    assert _turn_weight(Fill("Ann", 3, True, Clue.ALTERNATION)) == 1.0  # a known pair's, both sides: sure


def test_where_the_alternation_breaks_at_the_one_turn_opening_with_narration_the_break_is_there():
    # As above, but turn 6 opens with narration ("She walked to the window. '…'"): the break is there, so
    # turn 5 is read with the stretch before it and turn 6 with the stretch after.
    led = Turn(None, frozenset(), None, True, led=True)
    turns = [turn("Vera"), turn(), turn(addressed=["Nell"]), turn(addressed=["Vera"]), turn(addressed=["Nell"]),
             turn(), led, turn(addressed=["Nell"]), turn(), turn(addressed=["Nell"]), turn()]
    got = {k: f.speaker for k, f in take_turns(turns, GENDERS, frozenset({"Vera", "Nell"})).items()}
    assert got[5] == "Nell" and got[6] == "Nell" and got[7] == "Vera"
    # Two such turns between the break's sides: nobody knows which, and the turns between stay open.
    turns[5] = Turn(None, frozenset(), None, True, led=True)
    got = {k: f.speaker for k, f in take_turns(turns, GENDERS, frozenset({"Vera", "Nell"})).items()}
    assert 5 not in got and 6 not in got
    # The same between two tags that alternation cannot join: Ann's turn 3 opens with narration after her turn 2.
    led = Turn(None, frozenset(), None, True, led=True)
    turns = [turn("Ann"), turn("Ben"), turn(), led, turn("Ben"), turn()]
    got = {k: f.speaker for k, f in take_turns(turns, {"Ann": "f", "Ben": "m"}).items()}
    assert got[2] == "Ann"
    turns[3] = turn()
    assert 2 not in take_turns(turns, {"Ann": "f", "Ben": "m"})


def test_was_my_answer_is_the_narrators_turn():
    from quoth.segment.attribution.prose import MY_REPLY
    from tests.helpers import story_speakers

    assert MY_REPLY.match(" was my ready and orthodox answer.") and MY_REPLY.match(" was my reply.")
    assert not MY_REPLY.match(" was the reply.") and not MY_REPLY.match(" was my mother's favourite.")
    paras = ["The miller's boy stopped me at the gate.", '"Where are you going?" asked Otto.',
             '"To the mill," was my short answer.', '"And why to the mill?"', '"To see the miller."',
             '"He is out," said Otto.', '"Then I shall wait."']
    got = story_speakers(paras)
    assert got[2] != "Otto" and got[3] == "Otto" and got[4] != "Otto"


def test_a_pronoun_tag_never_makes_the_narrator_the_partner():
    # Otto is tagged; "he said" stands on the other side; the scene holds Otto and the narrator Max, who is a
    # man too but says "I": the man answering Otto is someone else, overheard.
    genders = {"Otto": "m", "Max": "m"}
    turns = [turn("Otto"), turn(gender="m"), turn(), turn(), turn()]
    fills = take_turns(turns, genders, frozenset({"Otto", "Max"}), narrator="Max")
    assert all(f.speaker != "Max" for f in fills.values())
    # Told of others, the one man of the scene the pronoun fits is the partner.
    fills = take_turns(turns, genders, frozenset({"Otto", "Max", "Vera"}))
    assert fills[3].speaker == "Max"
