from quoth.verify.align import Edit
from quoth.verify.names import SINGLE, _alike, name_words, quoted_within
from quoth.verify.wording import same_words, wording_kept


def alike(a: str, b: str) -> bool:
    return _alike(name_words(a), name_words(b))


def test_one_person_under_the_names_people_type():
    assert alike("Christine Blasey Ford", "Ford") and alike("Fitzwilliam Darcy", "Mr. Darcy")
    assert alike("Daniel Appelquist", "Dan") and alike("Mark Nottingham", "mnot") and alike("Tim Berners-Lee", "tbl")


def test_one_name_spelt_two_ways_is_never_grounds_to_accuse():
    assert alike("jrandom", "jrand0m") and alike("Ross", "Rosse") and alike("Mac", "Macb") and alike("Macb", "Mac")
    assert not alike("duck", "dick") and not alike("nop", "luckypunk")


def test_a_bare_title_is_never_grounds_to_accuse():
    from quoth.index.speakers import SpeakerDirectory, SpeakerName
    from quoth.verify.names import could_be_same
    directory = SpeakerDirectory([SpeakerName(n, "macbeth.txt", 3) for n in ("Lady", "Macbeth", "Macduff")])
    assert could_be_same(directory, "Lady Macbeth", "Lady")  # the play's label for her: nobody in particular
    assert not could_be_same(directory, "Lady Macbeth", "Macduff")


def test_one_named_after_the_claimed_person_is_no_grounds_to_accuse():
    from quoth.index.speakers import SpeakerDirectory, SpeakerName
    from quoth.verify.names import could_be_same
    names = ("Marley's Ghost", "Scrooge", "Bob Cratchit")
    directory = SpeakerDirectory([SpeakerName(n, "carol.txt", 3) for n in names])
    assert could_be_same(directory, "Jacob Marley", "Marley's Ghost")  # a ghost named after the man may be him
    assert not could_be_same(directory, "Scrooge", "Marley's Ghost")  # named after someone else: still another
    assert not could_be_same(directory, "Jacob Marley", "Bob Cratchit")


def test_different_people_stay_different():
    assert not alike("Mary Bennet", "Lydia Bennet") and not alike("Bernie Sanders", "Clinton")
    assert not alike("Anonymous commenter (#10)", "Anonymous commenter (#7)")


def test_spelling_is_close_and_another_word_is_not():
    for claim, source in (("doesnt", "doesn't"), ("its", "it is"), ("colour", "color"), ("non trivial", "non-trivial"),
                          ("pesimist", "pessimist"), ("Im", "I'm"), ("20", "twenty")):
        assert same_words(Edit("changed", claim, source)), (claim, source)
    for claim, source in (("lucky", "unlucky"), ("accept", "reject"), ("52", "25"), ("billion", "million"),
                          ("opt out", "opt in"), ("encrypted", "unencrypted"),
                          ("21", "twenty"), ("two", "both")):
        assert not same_words(Edit("changed", claim, source)), (claim, source)
    assert wording_kept([Edit("added", "the", "")]) and not wording_kept([Edit("added", "rich", "")])


def test_words_quoted_inside_a_passage():
    text = "GRASSLEY: Senator Biden once wrote to us, “the committee must hear every witness,” and I agree."
    at = text.index("the committee")
    assert quoted_within(text, 0, at, at + 20)
    assert not quoted_within(text, 0, text.index("and I agree"), len(text))
    told = "Charlotte: his answering immediately to the last question: 'Oh! the eldest Miss Bennet, beyond a doubt.'"
    at = told.index("Oh!")
    assert quoted_within(told, 0, at, at + 10, SINGLE)
    assert not quoted_within("I don't think the students' books are here", 0, 30, 40, SINGLE)


def test_words_credited_to_several_people_are_no_ones_surely():
    from quoth.verify.names import several
    assert several("Chris Angelico, Tim Peters, Guido van Rossum") and several("Guido van Rossum and Barry Warsaw")
    assert not several("Martin Luther King, Jr.") and not several("Lincoln Chafee, D-RI") and not several("Ann Lee")


def test_a_quotation_opening_inside_a_quotation_is_someone_elses():
    from quoth.verify.names import nested_quote
    told = "I heard the farmer.\n\n“‘They aren’t straight,’” answered the other."
    assert nested_quote(told, told.index("They"))
    said = "“They aren’t straight,” answered the other."
    assert not nested_quote(said, said.index("They"))


def test_a_word_cut_at_its_start_opens_no_quotation():
    verse = "Banq. That trusted home, Might yet enkindle you. But 'tis strange: The Instruments of Darknesse tell vs"
    at = verse.index("The Instruments")
    assert not quoted_within(verse, 0, at, len(verse), SINGLE)
    for cut in ("'Twas", "'em", "'gainst"):
        text = f"He laughed at them all and said {cut} the Instruments of Darknesse tell vs"
        assert not quoted_within(text, 0, text.index("Instruments"), len(text), SINGLE), cut
    read = "He read it to them all: 'The Instruments of Darknesse tell vs"
    assert quoted_within(read, 0, read.index("The"), len(read), SINGLE)
