"""Speech tags the grammar reads and the names they resolve to, each on a short passage written for the case
(none is taken from the annotated works)."""

from quoth.segment.attribution import Cast
from quoth.segment.attribution.tags import Ref, lead_is_tag, tag_after, tag_before
from tests.helpers import story_speakers

speakers = story_speakers


def test_a_speaker_breaking_into_talk_is_tagged():
    tag = tag_after(", broke out Hugo sharply. ")
    assert (tag.ref, tag.words, tag.verb) == (Ref.NAME, "Hugo", "broke out")
    assert tag_after(", put in Lena. ").words == "Lena"


def test_a_clause_tag_with_an_aside_after_the_verb_is_its_subjects():
    tag = tag_before("The old porter only shrugged; so Lena said, with a smile, ")
    assert (tag.ref, tag.words) == (Ref.NAME, "Lena")  # not "the old porter" who opens the sentence
    tag = tag_before("Lena fetched the lamp from the shed, and then she turned and asked softly, ")
    assert (tag.ref, tag.words) == (Ref.PRONOUN, "she")


def test_the_one_heard_speaking_is_the_speaker():
    tag = tag_before("After a while the noise stopped, and Lena heard the Porter say, ")
    assert (tag.ref, tag.words, tag.verb) == (Ref.NAME, "Porter", "say")
    assert tag_before("After a while the noise stopped, and Lena heard the door slam, ") is None


FAMILY = ("George Pratt kept the mill by the river. Mrs. Pratt kept his books, and Ellen Pratt, their "
          "daughter, kept the geese; she was fond of them. ")


def test_a_bare_surname_in_a_tag_is_the_man_of_the_family_not_its_women():
    cast = Cast.learn(FAMILY * 2)
    assert cast.resolve("Pratt") is None  # in narration the surname alone names nobody in particular
    assert cast.person("Pratt", tagged=True).name == "George Pratt"
    two_men = Cast.learn(FAMILY * 2 + "Henry Pratt, his brother, came by. Henry Pratt left. ")
    assert two_men.person("Pratt", tagged=True) is None


def test_answered_by_surname_names_the_man_end_to_end():
    # Ellen is a woman by the "she" after her name, told twice; were her gender open, "Pratt" would stay nobody.
    assert speakers([
        FAMILY * 2 + "Ellen Pratt was out with the geese that morning.",
        "“The wheel is stuck again,” answered Pratt gloomily.",
    ]) == [None, "George Pratt"]


def test_a_creature_the_text_calls_it_gets_no_gender_from_a_she_after_its_name():
    creature = ("Nora followed the Badger down the lane; it turned its head, and she waved. "
                "The Badger went on by itself, its tail high, and she ran after it. "
                "The Badger stopped at the gate; its nose twitched, it looked back, and she laughed. ")
    assert Cast.learn(creature * 2).resolve("Badger").gender is None
    person = creature.replace("it turned its", "she turned her").replace("by itself, its", "alone, her").replace(
        "; its nose twitched, it looked", "; her nose twitched, she looked")
    assert Cast.learn(person * 2).resolve("Badger").gender == "f"  # the same text without "it" would say "she"


def test_a_participle_of_speech_ending_the_lead_is_the_nearest_names():
    tag = tag_before("The meeting broke up at once: the old Heron began folding its wings slowly, remarking, ")
    assert (tag.ref, tag.words, tag.verb) == (Ref.NAME, "Heron", "remarking")
    tag = tag_before("She was silent a while, which gave the Heron the chance of adding, ")
    assert (tag.ref, tag.words) == (Ref.NAME, "Heron")
    # "a Heron", one of a kind, is not the character the text calls the Heron.
    assert tag_before("and then an old Heron took the chance of saying to her daughter ") is None


def test_a_head_shared_by_two_of_names_names_nobody_alone():
    two = ("The Queen of the Marsh came first, and the Queen of the Hills after her. The Queen of the Marsh bowed; "
           "the Queen of the Hills did not. The Queen frowned. ")
    assert Cast.learn(two * 2).resolve("Queen") is None
    # A second place named once in passing ("her sister, the Queen of Norway") leaves the Queen the one about.
    one = ("The Queen of the Marsh came first. The Queen of the Marsh bowed to her sister, the Queen of Norway. "
           "The Queen frowned. The Queen smiled. ")
    assert Cast.learn(one).resolve("Queen") is not None


def test_her_mother_among_daughters_called_by_first_name_is_the_familys_mrs():
    breakfast = ("Mr. Crane and Mrs. Crane sat at breakfast with Nell and Sukey, the two girls. Mrs. Crane poured "
                 "the tea, and Mr. Crane read his paper.")
    assert speakers([breakfast, "“Sukey, you will come to the fair with me,” said her mother."]) == [None, "Mrs. Crane"]
    # Another family's married woman about: "her mother" may be either.
    visitor = breakfast + " Mr. Bell and Mrs. Bell, their neighbours, looked in at the window."
    assert speakers([visitor, "“Sukey, you will come to the fair with me,” said her mother."]) == [None, None]


def test_what_a_title_is_of_is_a_place_no_pronoun_stands_for():
    text = ("The Duke of Arden rode in. Nobody in Arden liked the Duke of Arden. Mira watched him from the "
            "wall, and she frowned. Mira went down to the gate.")
    cast = Cast.learn(text)
    assert "Arden" in cast.places and "Mira" not in cast.places


def test_a_lone_speaker_going_on_in_a_new_paragraph_is_still_the_one_speaking():
    parting = ["“Good night, then,” said Tom.", "“Good night,” said Nora.", "“Mind the ford,” said Tom.",
               "“I will,” said Nora.",
               "Tom went back to the mill, and he whistled; Tom was glad he had come. Nora went on alone into "
               "the wood, and she was tired. Nora sighed; she sat down."]
    alone = [*parting, "“I shall never get home tonight,” said Nora.",
             "The path turned to the left. “Perhaps this way is shorter,” she said to herself."]
    assert speakers(alone)[-2:] == ["Nora", "Nora"]
    # A reply, or someone new brought in by the narration, is another's turn: nobody is named.
    reply = [*alone[:-1], "The path turned to the left. “Perhaps this way is shorter,” she replied."]
    assert speakers(reply)[-1] is None
    stranger = [*alone[:-1], "A woman stepped out from the trees. “Perhaps this way is shorter,” she said."]
    assert speakers(stranger)[-1] is None


def test_a_description_is_named_by_its_last_noun_not_its_first_adjective():
    assert tag_after(", replied the little old woman, with a laugh, ").words == "woman"
    assert tag_after(", said the station-master carelessly.").words == "station-master"
    assert tag_before("The little old woman said, ").words == "woman"
    tag = tag_before("Her mother said, ")  # a capitalised possessive opens a kin description, no name
    assert (tag.ref, tag.words, tag.owner) == (Ref.DESCRIPTION, "mother", "her")


def test_a_description_the_tags_use_again_of_one_character_is_theirs():
    scene = ["Nell came down the lane with her basket, and she sang as she went. Tom was at the gate; he waved.",
             "“Good morning,” said Nell.", "“Good morning,” said Tom.", "“Where are you going?” asked Tom.",
             "“To the market,” said the girl.", "Tom nodded, and he walked on beside Nell for a while.",
             "“Is it far?” asked the girl.", "“Not far,” said Tom.", "“Will it rain?” asked the girl."]
    got = speakers(scene)
    assert [got[4], got[6], got[8]] == ["Nell", "Nell", "Nell"]
    # Used once, the description is too weak a clue to name anyone.
    assert speakers(scene[:5])[4] is None


def test_a_tag_ending_at_a_semicolon_leads_into_the_next_quotation():
    # '“No,” answered Tom; “it’s a match.”': the second piece is Tom's speech, not a scare quote.
    assert lead_is_tag("answered Tom; ")
    assert not lead_is_tag("It was what the papers called a ")


def test_a_guess_under_the_bar_is_no_antecedent_for_the_next_pronoun():
    talk = ["“A cold night,” said Mr. Cole.", "“Very cold,” said Mr. Dunn.", "“More wood?” said Mr. Cole.",
            "“Plenty of it,” said Mr. Dunn.",
            "Mr. Cole and Mr. Dunn went out."]
    scene = [*talk, "By the fire sat Mrs. Ash and Mrs. Birch, sewing.",
             "“It is cold tonight,” she said.",  # Ann or Bea: a guess under the bar
             "The fire crackled.", "The wind rose over the moor.",
             "“Shall I fetch more wood?” said Mr. Cole.", "“Yes, please,” she said."]
    got = speakers(scene)
    assert got[6] is None
    assert got[-1] is None  # not whoever the unsure guess above named


def test_someone_a_tag_describes_without_naming_is_a_rival_for_the_next_he():
    talk = ["“A cold night,” said Mr. Cole.", "“Very cold,” said Mrs. Ash.", "“More wood?” said Mr. Cole.",
            "“Plenty of it,” said Mrs. Ash.", "Mr. Cole went out into the yard."]
    named = [*talk, "“Is this the road to the mill?” said Mr. Cole.", "The gate creaked open in the wind.",
             "“It is,” he said."]
    assert speakers(named)[-1] == "Mr. Cole"  # the one man about
    stranger = [*talk, "“Is this the road to the mill?” said the carter.", "The gate creaked open in the wind.",
                "“It is,” he said."]
    assert speakers(stranger)[-1] is None  # the carter, whom nobody names, may be "he" as well as Mr. Cole


def test_a_newcomer_the_narration_brings_in_is_a_rival_for_the_next_he():
    talk = ["“A cold night,” said Mr. Cole.", "“Very cold,” said Mrs. Ash.", "“More wood?” said Mr. Cole.",
            "“Plenty of it,” said Mrs. Ash.", "Mr. Cole went out into the yard.", "The night was very dark.",
            "The wind rose over the moor."]
    assert speakers([*talk, "The gate creaked in the wind.", "“It is late,” he said."])[-1] == "Mr. Cole"
    newcomer = [*talk, "A tall man came in at the gate, his hat in his hand.", "“It is late,” he said."]
    assert speakers(newcomer)[-1] is None


def test_a_voice_tagged_as_someones_is_theirs():
    tag = tag_after(" said the Heron's voice from the reeds; and Nell called back")
    assert (tag.ref, tag.words) == (Ref.NAME, "Heron")
    tag = tag_before("Mr. Crane seemed very much struck and pleased by the notion, and was repeating, ")
    assert (tag.ref, tag.words) == (Ref.NAME, "Mr. Crane")


def test_the_subject_of_the_narration_after_the_last_quotation_is_the_next_she():
    talk = ["“A cold night,” said Mrs. Ash.", "“Very cold,” said Mrs. Birch.", "“More wood?” said Mrs. Ash.",
            "“Plenty of it,” said Mrs. Birch."]
    beat = "“I shall fetch it,” said Mr. Cole. Mrs. Birch laughed at him."
    assert speakers([*talk, beat, "“You will drop it,” she said."])[-1] == "Mrs. Birch"
    assert speakers([*talk, "“I shall fetch it,” said Mr. Cole.", "“You will drop it,” she said."])[-1] is None


def test_her_mother_named_further_back_in_the_scene_is_still_found():
    breakfast = ("Mr. Crane and Mrs. Crane sat at breakfast with Nell and Sukey, the two girls. Mrs. Crane poured "
                 "the tea, and Mr. Crane read his paper.")
    girls = ["“Pass the jam,” said Nell.", "“There is none,” said Sukey.", "“Then the honey,” said Nell.",
             "“None of that either,” said Sukey.", "“Bread, then,” said Nell."]
    got = speakers([breakfast, *girls, "“Sukey, you will come to the fair with me,” said her mother."])
    assert got[-1] == "Mrs. Crane"


def test_a_clause_joined_to_anothers_tag_names_the_speaker_of_the_quotation_it_leads_into():
    # '"I'm first," began Tom, but Ann cut in with a cheerful, "No, I am!"'
    tag = tag_before(", began Tom, but Ann cut in with a cheerful, ")
    assert tag is not None and tag.ref is Ref.NAME and tag.words == "Ann" and not tag.near
    assert tag_before(", began Tom, but Ann turned to the window, ") is not None
    # A clause that ends its sentence leads into no quotation.
    assert tag_before("but Ann broke in. ") is None


def test_dialect_tags_a_modal_an_opener_of_time_and_a_pleonastic_pronoun():
    tag = tag_before("Then Aunt Bell would say, ")
    assert tag is not None and tag.words.endswith("Aunt Bell") and tag.verb == "say"
    tag = tag_before("By and by Sam says:")
    assert tag is not None and tag.words == "Sam"
    tag = tag_before("Then the cook she says, ")
    assert tag is not None and tag.ref is Ref.DESCRIPTION and tag.words == "cook"


def test_a_bare_kin_word_in_lower_case_is_a_tags_subject():
    for trail in (", says pap.", ", pap says."):
        tag = tag_after(trail)
        assert tag is not None and tag.ref is Ref.DESCRIPTION and tag.words == "pap"
    assert tag_before("Pretty soon pap says:").words == "pap"


def test_the_narrators_pap_is_a_character_in_a_story_told_in_the_first_person():
    paragraphs = ["I went home, and pap was there, sitting by the stove. Pap looked at me hard.",
                  "“Where you been?” says pap.",
                  "“Nowhere,” says I.",
                  "“Don't you lie to me,” says pap.",
                  "“I ain't,” I says.",
                  "“Well, git to bed,” says pap.",
                  "“All right,” says I."]
    assert speakers(paragraphs)[1] == "Pap"
    # Told of others, "papa" may be anybody's father: nobody is named for it.
    told = ["Ann came home, and papa was there by the stove.", "“Where were you?” said papa.",
            "“Out,” said Ann.", "“In the rain?” said papa.", "“Yes,” said Ann.", "“Go to bed,” said papa."]
    assert speakers(told)[1] is None


def test_my_kin_again_and_again_is_the_narrators_kin_in_a_story_told_in_the_first_person():
    paragraphs = ["My aunt kept the shop, and I swept it.",
                  "“Sweep the step too,” said my aunt.",
                  "“Yes, ma'am,” said I.",
                  "“And the window,” said my aunt.",
                  "“I will,” said I.",
                  "“Good boy,” said my aunt, and went in.",
                  "“Thank you,” said I."]
    assert speakers(paragraphs)[1] == "my aunt"
    # Said only once, nobody is named for it.
    once = [p.replace("said my aunt", "said she") for p in paragraphs]
    once[1] = "“Sweep the step too,” said my aunt."
    assert speakers(once)[1] is None
