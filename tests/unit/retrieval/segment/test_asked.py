from quoth.records import Role
from quoth.segment.asked import lead_ins, question_at_end
from quoth.segment.units import Unit


def test_the_question_a_text_ends_with():
    assert question_at_end("Thanks for coming. **What kind of software do you use for hardware design?**") == \
        "**What kind of software do you use for hardware design?**"
    # a short question takes the sentence before it: "Found?" alone says nothing
    assert question_at_end("The late Mr. Cardew found me. Found?") == "The late Mr. Cardew found me. Found?"
    assert question_at_end("I went down twice. There were none.") == ""
    assert question_at_end("") == ""


def test_an_answer_reads_the_question_another_speaker_asked():
    said = ["Where was the map?", "Under the floorboard.", "Is it old?", "I think so.", "Very old?", "Yes.",
            "The paper is brittle and the ink has faded to brown over the centuries since it was drawn.",
            "It is older than the house itself, I would say, by a hundred years or more at the very least."]
    text = " ".join(said)
    starts = [text.index(s) for s in said]
    spans = [(a, a + len(s)) for a, s in zip(starts, said, strict=True)]
    who = ["Ann", "Bo", "Ann", "Bo", "Bo", None, "Ann", "Bo"]
    units = [Unit(a, b, w, Role.TURN) for (a, b), w in zip(spans, who, strict=True)]
    assert lead_ins(text, units) == [
        "", "Where was the map?", "", "Is it old?",
        "",  # after Bo's own words: Bo goes on, nobody asked
        "Very old?",  # nobody named answers too (an interview's unlabelled replies)
        "",  # no question before it, and long enough alone
        "",
    ]


def test_a_storys_narration_answers_no_question():
    text = "'When will you come to see me?' Nobody ever stopped him in the street to ask it. 'Soon.'"
    q = (0, text.index("?'") + 2)
    narration = (q[1] + 1, text.index(" 'Soon"))
    units = [Unit(*q, None, Role.QUOTE), Unit(*narration, "Narrator", Role.BODY),
             Unit(narration[1] + 1, len(text), "Bo", Role.QUOTE)]
    assert lead_ins(text, units) == ["", "", ""]
    units[1] = Unit(*narration, "Ann", Role.QUOTE)  # spoken: an answer reads the question
    assert lead_ins(text, units)[1] == "'When will you come to see me?'"


def test_a_question_followed_by_a_courtesy_is_still_the_ask():
    # A senator's question, then "Take whatever time you need.": the witness's answer answers the question.
    assert question_at_end("Let's go back. What is the strongest memory you have? Take whatever time you need.") \
        == "What is the strongest memory you have?"
    # …but a question followed by a speech of its own is not what the next speaker answers.
    assert question_at_end("Is it old? I found it under the floorboard of the attic, wrapped in a cloth.") == ""


def test_a_chat_message_addressing_someone_reads_their_last_words():
    said = [("Rain", "Ok, it seems isproxy cannot start from another directory."),
            ("hifi", "the wiki search button is absent"),
            ("qriff", "and what about channel expiration..."),
            ("hezekiah", "Rain: You need to make a .iip subdirectory in your home directory."),
            ("hezekiah", "qriff, not yet."),
            ("luckypunk", "@hifi did you try another browser"),
            ("Rain", "nobody: this names no one here"),
            ("hifi", "Rain is right about that")]
    text = "\n".join(w for _, w in said)
    units, pos = [], 0
    for who, words in said:
        a = text.index(words, pos)
        units.append(Unit(a, a + len(words), who, Role.TURN))
        pos = a + len(words)
    assert lead_ins(text, units)[3:] == [
        "Ok, it seems isproxy cannot start from another directory.",  # Rain's, two messages of others between
        "and what about channel expiration...",
        "the wiki search button is absent",
        "",  # nobody of that name spoke
        "",  # a name that opens a sentence, with no mark of address, addresses nobody
    ]
