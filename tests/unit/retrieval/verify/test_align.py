from quoth.settings import VerifySettings
from quoth.verify.align import align, pieces
from quoth.verify.claims import extract_claims
from quoth.verify.verdict import Kind, classify, meaning_words

DOC = ("Harbour news. The council met on Tuesday. “We will not raise the mooring fees this year,” said the harbour "
       "master, Li Wei. She added that 40 new berths would open in May. Fishermen welcomed the news. Later, the "
       "treasurer said the budget was tight but sound.")


def check(claim: str):
    return align(claim, DOC, 0, len(DOC))


def test_typography_case_and_contractions_are_not_differences():
    got = check("we won't RAISE the mooring fees this year")
    assert got.score == 1.0 and not got.edits
    assert DOC[got.start:got.end] == "We will not raise the mooring fees this year"


def test_a_changed_word_is_an_edit_and_any_content_word_changes_the_claim():
    got = check("We will raise the mooring fees this year")
    assert [(e.op, e.claim, e.source) for e in got.edits] == [("removed", "", "not")]
    assert meaning_words(got.edits[0]) == ["not"]
    assert classify(got, VerifySettings()) is Kind.ALTERED
    swapped = check("We will not lift the mooring fees this year")
    assert [(e.op, e.claim, e.source) for e in swapped.edits] == [("changed", "lift", "raise")]
    assert classify(swapped, VerifySettings()) is Kind.ALTERED  # no antonym list: any other word counts
    reversed_ = check("We will not raise the mooring fees next year")
    assert classify(reversed_, VerifySettings()) is Kind.ALTERED


def test_retyped_words_are_close():
    for claim in ("We willnt raise the moring fees this year", "We will not raise the mooring-fees this year",
                  "We will not raise mooring fees this year", "_We_ will not raise the mooring fees this year"):
        got = check(claim)
        assert classify(got, VerifySettings()) in (Kind.CLOSE, Kind.EXACT), (claim, got.edits)
    assert classify(check("We will not raise the mooring fee's this year"), VerifySettings()) is Kind.CLOSE


def test_numbers_and_names_turn_the_meaning():
    got = check("She added that 50 new berths would open in May")
    assert classify(got, VerifySettings()) is Kind.ALTERED
    assert meaning_words(got.edits[0]) == ["50", "40"]


def test_an_ellipsis_is_a_marked_omission_and_sentences_found_apart_are_not():
    marked = check("The council met … Fishermen welcomed the news")
    assert not marked.edits and marked.marked and classify(marked, VerifySettings()) is Kind.EXACT
    assert DOC[marked.omitted[0][0]:marked.omitted[0][1]].startswith("on Tuesday")
    stitched = align("The council met on Tuesday. Fishermen welcomed the news.", DOC, 0, len(DOC),
                     split_sentences=True)
    assert not stitched.edits and not stitched.marked
    assert classify(stitched, VerifySettings()) is Kind.CLOSE
    assert pieces("One two … three four. Five six", True) == ["One two", "three four.", "Five six"]


def test_nothing_close_has_no_alignment_worth_a_verdict():
    got = check("Penguins prefer cold water and dislike the summer heat")
    assert got is None or classify(got, VerifySettings()) is Kind.NOT_FOUND


def test_claims_in_a_message_and_the_speaker_it_names():
    claims = extract_claims('didn\'t Li Wei say "we will not raise the mooring fees" at the meeting? and '
                            '“forty new berths would open in May,” said the treasurer. Also "so" and "ok then"')
    assert [(c.text, c.speaker) for c in claims] == [("we will not raise the mooring fees", "Li Wei"),
                                                     ("forty new berths would open in May,", None)]
    assert extract_claims("Did Jeremy Corbyn say “the tide is turning now”?")[0].speaker == "Jeremy Corbyn"
    assert extract_claims("“The tide is turning now” — @jeremycorbyn")[0].speaker == "@jeremycorbyn"
    assert extract_claims("an unquoted claim about the tide", speaker="Ann")[0].speaker == "Ann"
    assert extract_claims("   ") == []


def test_claims_pasted_with_their_speaker_and_in_chatter():
    def one(message):
        [c] = extract_claims(message)
        return c.text, c.speaker
    assert one("We will not raise the mooring fees — Li Wei") == ("We will not raise the mooring fees", "Li Wei")
    assert one("We will not raise the mooring fees, said Li Wei.") == ("We will not raise the mooring fees", "Li Wei")
    assert one("LI WEI: We will not raise the mooring fees") == ("We will not raise the mooring fees", "LI WEI")
    assert one("Li Wei said the fees would stay") == ("Li Wei said the fees would stay", None)  # reported speech
    assert one("the record: ``we will not raise the fees'' ok") == ("we will not raise the fees", None)
    assert one("lol she literally said 'we will not raise the fees' ok grandpa")[0] == "we will not raise the fees"
    assert one("it's the students' fees, don't you know")[0] == "it's the students' fees, don't you know"


def test_a_leading_name_is_read_as_a_label_the_source_may_write_too():
    [c] = extract_claims("jrand0m: since we all work in the open source world here")
    assert (c.text, c.speaker, c.label) == ("since we all work in the open source world here", "jrand0m", "jrand0m")
    [c] = extract_claims("Rain: You need to make a subdirectory", speaker="hezekiah")
    assert (c.speaker, c.label) == ("hezekiah", "Rain")
    [c] = extract_claims("We will not raise the mooring fees — Li Wei")
    assert c.label is None  # a signature is never part of the words
    assert extract_claims("see http://example.org/a-page for the fees")[0].speaker is None


def test_markup_is_read_over_and_stays_in_the_span():
    log = "<mids> It has been fun and an educative experience\n<mids>\tbut it is time to move on"
    got = align("It has been fun and an educative experience, but it is time to move on", log, 0, len(log))
    assert not got.edits and log[got.start:got.end].startswith("It has") and "<mids>" in log[got.start:got.end]
    md = "I've been using [Eagle][32] for many years, so no [KiCad][33] yet."
    got = align("I've been using Eagle for many years, so no KiCad yet.", md, 0, len(md))
    assert not got.edits and md[got.start:got.end] == md[:-1]
