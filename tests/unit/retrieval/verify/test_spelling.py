"""Old and variant spellings are the same word; two common words are never one, whatever their shape."""

import json

import pytest

from quoth.verify.align import Edit
from quoth.verify.spelling import _read_lexicon, lexicon_of, skeletons, variant
from quoth.verify.wording import same_words

# A stand-in for the model's lexicon: the common words these cases need, and nothing of old print.
LEXICON = frozenset({"fair", "foul", "milk", "human", "humane", "kindness", "nearest", "tide", "stars", "stares",
                     "deep", "hour", "hate", "hat", "hoping", "hopping", "then", "than", "doe", "do", "wee", "we",
                     "the", "of", "is", "and", "to", "catch", "way"})


def test_old_print_is_the_same_word():
    for old, new in (("faire", "fair"), ("foule", "foul"), ("Milke", "milk"), ("kindnesse", "kindness"),
                     ("neerest", "nearest"), ("tyde", "tide"), ("abydeth", "abideth"), ("Starres", "stars"),
                     ("deepe", "deep"), ("Houre", "hour"), ("Eueryman", "Everyman")):
        assert variant(old, new, LEXICON) and variant(new, old, LEXICON), (old, new)


def test_two_common_words_are_two_words_whatever_their_shape():
    # Each pair differs by a rule-shaped edit (a final -e, a doubled letter, a vowel pair), but both are words.
    for a, b in (("hate", "hat"), ("hoping", "hopping"), ("then", "than"), ("humane", "human"), ("doe", "do"),
                 ("wee", "we"), ("stares", "stars")):
        assert not variant(a, b, LEXICON), (a, b)


def test_edits_spelling_has_never_made_are_other_words():
    for a, b in (("wete", "wit"), ("fare", "fair"), ("tied", "tide"), ("milky", "milk")):
        assert not variant(a, b, LEXICON), (a, b)


def test_without_a_lexicon_no_old_spelling_is_accepted():
    assert not variant("faire", "fair", frozenset())
    assert not same_words(Edit("changed", "fair", "faire"))


def test_a_stretch_of_old_print_is_close_word_by_word():
    assert same_words(Edit("changed", "fair is foul", "faire is foule"), LEXICON)
    assert same_words(Edit("changed", "Milk of human kindness", "Milke of human kindnesse"), LEXICON)
    assert not same_words(Edit("changed", "Milk of humane kindness", "Milke of human kindnesse"), LEXICON)
    assert not same_words(Edit("changed", "fair is foul", "faire was foule"), LEXICON)


def test_skeletons_undo_only_spelling():
    assert skeletons("Starres") == {"stares", "stars"} and skeletons("neerest") == {"nerest"}


def test_the_lexicon_is_the_tokenizers_whole_words(tmp_path):
    vocab = {"[CLS]": 0, "fair": 1, "##e": 2, "a": 3, "Ġfoul": 4, "naïve": 5, "milk": 6}
    (tmp_path / "tokenizer.json").write_text(json.dumps({"model": {"vocab": vocab}}))
    assert _read_lexicon(str(tmp_path / "tokenizer.json")) == {"fair", "foul", "milk"}
    assert _read_lexicon(str(tmp_path / "missing.json")) == frozenset()


@pytest.mark.parametrize("word", ["the", "house", "colour", "human", "nearest"])
def test_the_bundled_models_lexicon_lists_common_words(word):
    from quoth.embeddings.encoder import Encoder
    assert word in lexicon_of(Encoder())


def test_a_slipped_letter_between_two_common_words_is_another_word():
    assert same_words(Edit("changed", "compliment", "complement"))  # without a lexicon: one slipped letter
    assert not same_words(Edit("changed", "compliment", "complement"), frozenset({"compliment", "complement"}))
    # With a lexicon to rule out two words, a long word may slip its second letter (a log's "inmprovements").
    assert same_words(Edit("changed", "improvements", "inmprovements"), LEXICON | {"improvements"})
    assert not same_words(Edit("changed", "improvements", "inmprovements"))


def test_words_two_englishes_spell_otherwise():
    assert same_words(Edit("changed", "grey", "gray")) and same_words(Edit("changed", "towards", "toward"))
    assert not same_words(Edit("changed", "grey", "green"))


def test_a_common_word_typed_or_spoken_otherwise_is_the_same_word():
    lexicon = LEXICON | {"government", "publicly", "really", "for", "worth", "myself", "justly", "unjustly", "swindle",
                         "lucky", "opaque", "transparent"}
    for typed, word in (("govment", "government"), ("publically", "publicly"), ("Rllly", "Really"), ("Fer", "For"),
                        ("wuth", "worth"), ("mysef", "myself")):
        assert variant(typed, word, lexicon) and variant(word, typed, lexicon), (typed, word)
    # A prefix or an ending changes the word: only one of the two is common, but they neither begin nor end alike.
    for a, b in (("unjustlie", "justly"), ("swindled", "swindle"), ("unlucky", "lucky"), ("nonopaque", "opaque")):
        assert not variant(a, b, lexicon), (a, b)
    assert not variant("transparent", "opaque", lexicon)
