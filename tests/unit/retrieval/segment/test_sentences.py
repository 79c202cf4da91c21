from quoth.segment.sentences import sentence_spans


def split(text):
    return [text[a:b] for a, b in sentence_spans(text)]


def test_sentences_with_abbreviations_initials_and_quotes():
    text = "Mr. Baker met Dr. J. Smith at 5 p.m. on Monday. “It went well,” he said! Did it?"
    assert split(text) == ["Mr. Baker met Dr. J. Smith at 5 p.m. on Monday.", "“It went well,” he said!", "Did it?"]


def test_blank_lines_end_sentences_and_spans_are_trimmed():
    assert split("  A heading\n\nText follows here.  ") == ["A heading", "Text follows here."]
    assert split("   ") == []
