"""The evidence behind verdicts that are not a plain alignment: content words kept, speech tags, a claim's own
full stop, glued sentences' headings, quotations framed by a name, paraphrase facts and polarity, pet names."""

from quoth.settings import VerifySettings
from quoth.verify.align import align, speech_tags
from quoth.verify.claims import extract_claims, reported, reporter
from quoth.verify.names import _alike, name_words
from quoth.verify.paraphrase import FACT_RE, NEGATION_RE, _mentioned
from quoth.verify.verdict import Kind, classify
from quoth.verify.verifier import HEADING_RE, _credit_line, _cut_short

STOP = frozenset({"is", "than", "the", "a", "to", "her", "we", "that", "were", "able", "i"})
ZEN = "Beautiful is better than ugly.\n    Explicit is better than implicit.\n    Flat is better than nested.\n"


def test_altered_needs_most_of_the_content_words_in_any_order():
    invented = align("Fast is better than correct.", ZEN, 0, len(ZEN))
    assert invented is not None and invented.score >= VerifySettings().altered_min
    assert invented.content_share(STOP) < VerifySettings().altered_content_min
    assert classify(invented, VerifySettings(), STOP) is Kind.NOT_FOUND
    swapped = align("Implicit is better than explicit.", ZEN, 0, len(ZEN))
    assert swapped.content_share(STOP) == 1.0 and classify(swapped, VerifySettings(), STOP) is Kind.ALTERED


def test_narration_inside_a_quotation_may_be_left_out():
    doc = ('"Pride," observed Mary, who piqued herself upon the solidity of her\nreflections, "is a very common '
           'failing, I believe."')
    tags = speech_tags(doc, 0, len(doc))
    assert [doc[a:b] for a, b in tags] == [
        '" observed Mary, who piqued herself upon the solidity of her\nreflections, "']
    claim = "Pride is a very common failing, I believe."
    assert align(claim, doc, 0, len(doc)).edits  # read straight, the tag's last word stands for "Pride"
    got = align(claim, doc, 0, len(doc), skip=tags)
    assert not got.edits and got.marked and got.omitted == tags
    many = align("Pride is a very rare failing, I believe.", doc, 0, len(doc), skip=tags)
    assert classify(many, VerifySettings(), STOP) is Kind.ALTERED


def test_narration_inside_single_quotation_marks_may_be_left_out_but_an_apostrophe_is_no_mark():
    doc = ("'If they would rather die,' said Scrooge, 'they had better do it, and\ndecrease the surplus population.'"
           " 'You're quite a powerful\nspeaker, sir,' he added, turning to Scrooge's nephew. 'I wonder'")
    tags = speech_tags(doc, 0, len(doc))
    assert [doc[a:b] for a, b in tags] == ["' said Scrooge, '", "' he added, turning to Scrooge's nephew. '"]
    got = align("If they would rather die, they had better do it, and decrease the surplus population.", doc, 0,
                len(doc), skip=tags)
    assert not got.edits and got.marked
    assert not speech_tags("It's Tom's, isn't it? 'Yes,' I said.", 0, 40)  # no mark closes before the tag


def test_a_quotation_credited_to_its_speaker_is_the_claim_alone():
    message = "“The FBI will continue to investigate such acts wherever they occur.” — Arthur M. Cummings, II"
    claims = extract_claims(message)
    assert _credit_line(message, claims)
    chatter = 'lol Ann Lee really said "we will continue to investigate"'
    assert not _credit_line(chatter, extract_claims(chatter))


def test_a_full_stop_where_the_source_goes_on_is_a_cut():
    doc = "I am delighted that we were able to bring her back to serve her sentence in a British prison. Next."
    cut = "I am delighted that we were able to bring her back to serve her sentence."
    got = _cut_short(cut, doc, align(cut, doc, 0, len(doc)))
    assert got is not None and got.op == "removed" and got.source == "in a British prison"
    fragment = "we were able to bring her back to serve her sentence"
    assert _cut_short(fragment, doc, align(fragment, doc, 0, len(doc))) is None
    whole = "I am delighted that we were able to bring her back to serve her sentence in a British prison."
    assert _cut_short(whole, doc, align(whole, doc, 0, len(doc))) is None
    assert _cut_short("…to serve her sentence...", doc, align("to serve her sentence", doc, 0, len(doc))) is None
    turn = "A: Push is new and we need more experience with it\nB: agreed"  # a chat line has no full stop
    assert _cut_short("Push is new and we need more experience with it.", turn,
                      align("Push is new and we need more experience with it", turn, 0, len(turn))) is None


def test_headings_part_a_document():
    assert HEADING_RE.search("done.\n\n# [#46 Issue] next\nmore") and HEADING_RE.search("x\nCHAPTER IV\ny")
    assert not HEADING_RE.search("We are #1 in the polls.\nThe chapter ends.")


def test_quoted_words_of_three_words_written_with_a_hyphen_are_a_claim():
    claims = extract_claims('Webb called affirmative action "state-sponsored racism"', None)
    assert [c.text for c in claims] == ["state-sponsored racism"]


def test_reported_speech_names_its_speaker():
    assert reporter("Sanders argued that America should learn from Denmark.") == "Sanders"
    assert reporter("What she remembers most, Ford said, is the laughter.") == "Ford"
    assert reporter("The Europe minister told MPs there is no evidence.") is None


def test_only_a_report_of_someones_words_may_be_a_paraphrase():
    for report in ("Granholm said the administration has not set any red lines.",
                   "The Refugee Council chief said reducing the backlog is good.",
                   "Lady Macbeth worries that her husband is too kind-hearted.",
                   "In her letter, Irene Adler wrote that the King need not fear.",
                   "What she remembers most vividly, Ford said, is the two boys laughing."):
        assert reported(report), report
    for own_voice in ("I will ban fracking.", "Binary encoding is a waste of time; JSON is small enough.",
                      "We said it would never work, and it did not.", "You told me the bill was ready.",
                      "Aufidius is a coward; I never cared to meet him in the field."):
        assert not reported(own_voice), own_voice


def test_a_paraphrase_keeps_facts_and_polarity():
    facts = FACT_RE.findall("We are not Sweden, and we never will be in TLS 1.3 or OP_CTV.")
    assert facts == ["Sweden", "TLS", "1.3", "OP_CTV"]
    around = "but we are not denmark. i love denmark. sha256 of the snapshot; most british people"
    assert not _mentioned("Sweden", around) and _mentioned("SHA-256", around) and _mentioned("Britons", around)
    assert NEGATION_RE.search("I am not going to ban fracking") and not NEGATION_RE.search("I will ban fracking")
    assert NEGATION_RE.search("we shouldn't publish") and not NEGATION_RE.search("a notable knot")


def test_pet_names_are_one_person():
    assert _alike(name_words("Kitty"), name_words("Catherine")) and _alike(name_words("Bill"), name_words("William"))
    assert not _alike(name_words("Kitty"), name_words("Lydia"))


def test_a_quote_in_chatter_is_the_claim_and_each_phrase_of_a_sentence_is_one():
    from quoth.verify.claims import extract_claims
    chatter = 'lol he literally said "we will never ship on a friday" at the standup and everyone laughed'
    assert [c.text for c in extract_claims(chatter)] == ["we will never ship on a friday"]
    # Both phrases are claims; the verifier checks the sentence whole when its own words are found with them.
    sentence = 'Name binding is very rare, and "sparse is better than dense" does not mean "empty is better here".'
    assert [c.text for c in extract_claims(sentence)] == ["sparse is better than dense", "empty is better here"]


def test_a_first_word_split_from_its_other_half_is_the_same_words():
    from quoth.verify.verifier import _respan_start
    doc = "Holmes laughed. It is quite a pretty little problem, said he."
    got = align("Its quite a pretty little problem", doc, 0, len(doc))
    _respan_start(got, doc, frozenset())
    assert doc[got.start:got.end] == "It is quite a pretty little problem"
    assert classify(got, VerifySettings(), STOP) is Kind.CLOSE
    said = "Mr Smith (The Deputy Speaker): Anybody from the Office of the President?"
    got = align("Any body from the office of the President?", said, 0, len(said))
    _respan_start(got, said, frozenset())
    assert said[got.start:got.end].startswith("Anybody") and classify(got, VerifySettings(), STOP) is Kind.CLOSE
    swapped = align("Hers quite a pretty little problem", doc, 0, len(doc))
    _respan_start(swapped, doc, frozenset())
    assert classify(swapped, VerifySettings(), STOP) is Kind.ALTERED
