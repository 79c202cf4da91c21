from quoth.records import Role
from quoth.segment.asked import question_at_end, questions_answered
from quoth.segment.units import Unit


def test_the_question_a_text_ends_with():
    assert question_at_end("Thanks for coming. **What kind of software do you use for hardware design?**") == \
        "**What kind of software do you use for hardware design?**"
    # a short question takes the sentence before it: "Found?" alone says nothing
    assert question_at_end("The late Mr. Cardew found me. Found?") == "The late Mr. Cardew found me. Found?"
    assert question_at_end("I went down twice. There were none.") == ""
    assert question_at_end("") == ""


def test_each_unit_gets_the_question_before_it_from_someone_else():
    said = ["Where was the map?", "Under the floorboard.", "Is it old?", "I think so.", "Very old?", "Yes."]
    text = " ".join(said)
    starts = [text.index(s) for s in said]
    spans = [(a, a + len(s)) for a, s in zip(starts, said, strict=True)]
    who = ["Ann", "Bo", "Ann", "Bo", "Bo", None]
    units = [Unit(a, b, w, Role.TURN) for (a, b), w in zip(spans, who, strict=True)]
    assert questions_answered(text, units) == ["", "Where was the map?", "", "Is it old?",
                                               "",  # Bo's own question, continued by Bo
                                               "Very old?"]
