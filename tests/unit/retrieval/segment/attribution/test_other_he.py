"""First-person narration: in "I saw that he knew how tired Rolf Danner was", the "he" is someone other than Rolf
Danner (nobody is "he" and then named in their own clause), so a later "he said" is not surely Rolf Danner's.
Short passages written for the case (none is taken from the annotated works)."""

from tests.helpers import read_story

STORY = [
    "The inn was warm, and I went in to supper. Rolf Danner came in and hung up his coat; he sat down by the fire, "
    "and he lit his pipe.",
    "“The fish is good,” I said.",
    "“It is fresh,” said the waiter.",
    "“And the bread?” I asked.",
    "“Baked this morning.”",
    "“Then I will have more,” I said.",
    "After the meal I could see that he knew how tired Rolf Danner had been all day.",
    "“You look pale,” he said.",
]


def last_quote(story: list[str]) -> tuple[str | None, float, str]:
    """The last quotation's speaker, confidence and first piece of evidence."""
    _, _, units = read_story(story)
    u = [u for u in units if u.role.name == "QUOTE"][-1]
    return u.speaker, u.confidence or 0.0, u.evidence[0].detail if u.evidence else ""


def test_a_he_before_a_name_in_its_sentence_is_someone_else():
    _, sure, why = last_quote(STORY)
    assert 'the "he" beside Rolf Danner' in why and sure < 0.6


def test_without_the_other_he_the_one_named_is_the_antecedent():
    plain = [*STORY[:6], "After the meal I could see how tired Rolf Danner had been all day.", STORY[7]]
    speaker, sure, why = last_quote(plain)
    assert speaker == "Rolf Danner" and "beside" not in why and sure > last_quote(STORY)[1]
    # "he" after the name in its sentence is that one's own.
    own = [*STORY[:6], "After the meal Rolf Danner saw that he was tired.", STORY[7]]
    assert "beside" not in last_quote(own)[2]


def test_told_in_the_third_person_the_hero_is_he_and_named_by_turns():
    third = [s.replace("I said", "said Ann Lee").replace("I asked", "asked Ann Lee")
             .replace("I could see that he", "it was plain that he").replace("I went", "she went") for s in STORY]
    assert "beside" not in last_quote(third)[2]
