"""Turn-taking round 4: exchanges with a first-person narrator, group replies and partners, each on a short
exchange written for the case (none is taken from the annotated works)."""

from quoth.segment.attribution import Cast
from quoth.segment.attribution.conversation import Turn, take_turns
from quoth.segment.attribution.narrator import across
from tests.helpers import story_speakers

speakers = story_speakers


def turn(anchor=None, addressed=(), gender=None):
    return Turn(anchor, frozenset(addressed), gender, anchor is None)


def test_the_partners_replies_across_the_narrators_turns_vote_for_the_narrators_name():
    assert across([3, 4, 5, 6, 7], {4}) == [3, 5, 7]
    assert across([3, 4, 5, 6, 7], {4, 5}) == []  # the narrator on both parities: someone else spoke between
    assert across([3, 4, 5], set()) == []


def test_a_narrator_named_in_narration_is_named_by_the_partners_replies_further_from_said_i():
    # Only one reply stands beside the "I said" turn; the partner calls the narrator by name again three turns
    # on, and the narration uses the narrator's name too, so only the partner's turns can name him.
    paras = ["Everybody in the valley said Tobias would wait for ever, and they were right.",
             "“Good morning,” I said.",
             "“Good morning, Tobias. Are you waiting for the carter?”",
             "“I am.”",
             "“He went down to the mill before dawn.”",
             "“Then I shall wait all day.”",
             "“You always were a patient one, Tobias.”"]
    got = speakers(paras)
    assert got[1] == got[3] == got[5] == "Tobias"
    assert got[2] is None and got[4] is None  # the partner nobody names stays open


def test_a_partner_who_calls_someone_else_is_not_the_one_the_tagged_speaker_addresses():
    # Ann's turns call Ben, but the replies between hers call Cy: Ben is not the one answering her.
    turns = [turn("Ann"), turn(addressed=["Cy"]), turn(addressed=["Ben"]), turn(), turn(addressed=["Ben"])]
    fills = take_turns(turns, {"Ann": "f", "Ben": "m", "Cy": "m"}, frozenset({"Ann"}))
    assert all(f.speaker != "Ben" for f in fills.values())
    # Without the call to Cy, Ben is her partner.
    turns[1] = turn()
    fills = take_turns(turns, {"Ann": "f", "Ben": "m", "Cy": "m"}, frozenset({"Ann"}))
    assert fills[1].speaker == "Ben" and fills[3].speaker == "Ben"


def test_maam_worn_down_to_its_last_letter_is_no_one_addressed():
    from quoth.segment.attribution.vocatives import addressees
    cast = Cast.learn("Nora sat by the stove. “No'm, I ain't tired,” said Nora. “No'm, I won't.” “No'm.” "
                      "“Nora, come here.” “Nora!” Nora laughed.")
    assert [c.name for c in addressees("No'm, I ain't tired.", cast)] == []
    assert [c.name for c in addressees("Yes’m. I will.", cast)] == []
    assert [c.name for c in addressees("Nora, I ain't tired.", cast)] == ["Nora"]


def test_a_named_narrator_speaks_the_untagged_replies_between_he_says_turns():
    # "He says: '…'" / "'…'" / "He says: '…'" / "'…'" with the narrator Nell: "he" is never the narrator.
    turns = [turn(gender="m"), turn(), turn(gender="m"), turn()]
    fills = take_turns(turns, {"Nell": "f"}, frozenset({"Nell"}), narrator="Nell")
    assert {k: f.speaker for k, f in fills.items()} == {1: "Nell", 3: "Nell"}
    # Without a narrator the text names, or with the pronouns on both parities, nothing is filled so.
    assert take_turns(turns, {"Nell": "f"}, frozenset({"Nell"})) == {}
    both = [turn(gender="m"), turn(gender="f"), turn(gender="m"), turn()]
    assert all(f.speaker != "Nell" for f in take_turns(both, {"Nell": "f"}, frozenset({"Nell"}),
                                                        narrator="Nell").values())


def test_a_narrator_who_only_watches_is_not_given_the_replies():
    # The scene holds Mr. Rudd, whom "he" may be, and the narration names Mr. Hale too ("he cried, grasping
    # Mr. Hale by the arm"): the replies may be Mr. Hale's.
    turns = [Turn(None, frozenset(), "m", True, mentioned=frozenset({"Mr. Hale"})), turn(), turn(gender="m"),
             turn()]
    assert take_turns(turns, {"Nell": "f"}, frozenset({"Nell", "Mr. Rudd"}), narrator="Nell") == {}
    # A reply calling the narrator by name is not the narrator's.
    turns = [turn(gender="m"), turn(addressed=["Nell"]), turn(gender="m"), turn()]
    assert take_turns(turns, {"Nell": "f"}, frozenset({"Nell"}), narrator="Nell") == {}


def test_a_name_echoed_and_talked_about_in_the_same_quotation_is_not_called():
    from quoth.segment.attribution.vocatives import addressees
    cast = Cast.learn("Dunmore was a town. Lena walked to Dunmore. “Lena, wait!” cried Rob. Lena waited.")
    assert [c.name for c in addressees("Dunmore, girl?  This ain't Dunmore.  Dunmore's up the road.", cast)] == []
    assert [c.name for c in addressees("Lena, this ain't Dunmore.", cast)] == ["Lena"]


def test_replies_calling_two_people_by_turns_overrule_a_pronoun_read_as_someone_else():
    # "He says: '…'" read as Ray (named in the narration before), but the replies call Ann and Bo by turns.
    genders = {"Ann": "f", "Bo": "m", "Ray": "m"}
    turns = [Turn("Ray", frozenset(), None, False, weak=True), turn(addressed=["Bo"]), turn(addressed=["Ann"]),
             turn(addressed=["Bo"]), turn(addressed=["Ann"]), turn()]
    fills = take_turns(turns, genders)
    assert {k: f.speaker for k, f in fills.items()} == {0: "Bo", 1: "Ann", 2: "Bo", 3: "Ann", 4: "Bo", 5: "Ann"}
    # A tag that names Ray surely is no guess: nothing overrules it, and three people leave the run open.
    turns[0] = Turn("Ray", frozenset(), None, False)
    assert take_turns(turns, genders) == {}


def test_a_writing_read_out_after_narration_about_it_is_no_turn_of_the_exchange():
    paras = ["“Is there a letter from Father?” asked Kit.",
             "“There is,” said Mrs. Vane.",
             "The letter was short, and written in pencil on a page torn from a book.",
             "“All is well here. The river is high and the nights are cold, but we want for nothing.”",
             "“Read it again, Mother.”",
             "“Not now, dear.”",
             "“Please!” cried Kit."]
    got = speakers(paras)
    assert got[3] is None  # neither Kit's nor Mrs. Vane's turn, though it stands where hers would
    assert got[4] == "Kit" and got[5] == "Mrs. Vane"


def test_a_scene_partner_of_unsure_gender_who_leans_to_the_pronoun_keeps_the_pair_open():
    # Pip (a sure "she") and Rosa (no sure gender, though most pronouns after her name say "she") are both in the
    # scene; the tagged Ned talks with one of them, whose turn is tagged "she said": either may be his partner.
    turns = [turn(), turn("Ned"), turn(), turn(), Turn(None, frozenset(), "f", False)]
    genders = {"Ned": "m", "Pip": "f", "Rosa": None}
    scene = frozenset({"Ned", "Pip", "Rosa"})
    assert {f.speaker for f in take_turns(turns, genders, scene, leanings={"Rosa": "f"}).values()} <= {"Ned"}
    # Where Rosa's pronouns lean to "he", or nothing is known of them, the one "she" of the scene is the partner.
    for leaning in ("m", None):
        fills = take_turns(turns, genders, scene, leanings={"Rosa": leaning})
        assert fills[0].speaker == "Pip" and fills[2].speaker == "Pip"


def test_two_people_talking_go_on_by_turns_across_a_short_beat_that_names_only_them():
    paragraphs = ["“Is it late?” said Ned.", "“Very,” said Rosa.", "“Then I go,” said Ned.", "“Go,” said Rosa.",
                  "Rosa smiled at Ned.",
                  "“You will miss me.”", "“Not much.”", "“Liar.”"]
    assert speakers(paragraphs)[5:] == ["Ned", "Rosa", "Ned"]
    # A beat that brings in someone else may bring in a new voice: the replies after it stay open.
    paragraphs[4] = "Rosa smiled at Uncle Bram."
    assert speakers(paragraphs)[5:] == [None, None, None]
