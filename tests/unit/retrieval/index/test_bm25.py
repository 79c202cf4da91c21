"""The BM25 analyzer: bm25s' tokenisation, symbols read as words, split spellings joined."""

import bm25s
import numpy as np
import Stemmer

from quoth.index import bm25


def test_bm25_tokenisation_matches_bm25s():
    # Symbols aside (see the next test), the same tokens as bm25s.tokenize.
    texts = ["The Harbour's walls were REBUILT in 1998, didn't they?", "Über café — naïve résumé; a b cd",
             "Slugs ate every lettuce I planted this year", "", "x_y 3.14 e-mail co-operate"]
    expected = bm25s.tokenize(texts, stopwords="en", stemmer=Stemmer.Stemmer("english"), return_ids=False,
                              show_progress=False)
    assert bm25.tokenize(texts) == expected


def test_symbols_are_searched_as_the_words_a_question_uses():
    texts = ["He won 60% of the vote", "It cost £7.3 billion", "A rise of 3 per cent", "Nothing numeric here"]
    retriever = bm25.build(texts)
    for query, want in (("What percentage of the vote?", 0), ("How many pounds did it cost?", 1),
                        ("By what percent did it rise?", 2)):
        assert int(np.argmax(bm25.scores(retriever, query))) == want, query


def test_words_written_apart_or_together_find_each_other():
    texts = ["John Mc Donnell would have been no more acceptable", "John McDonnell should be our leader",
             "Private health care for those who can pay", "The NHS gives healthcare to everyone",
             "A mc of ceremonies donnell"]
    retriever = bm25.build(texts)
    assert set(np.flatnonzero(bm25.scores(retriever, "McDonnell"))) == {0, 1}
    assert set(np.flatnonzero(bm25.scores(retriever, "healthcare"))) == {2, 3}
    assert int(np.argmax(bm25.scores(retriever, "health care"))) == 2
    assert bm25.scores(retriever, "health care")[3] > 0
    # Only joins the corpus attests: "moreacceptable" is nobody's word.
    assert "moreaccept" not in retriever.vocab_dict


def test_a_corpus_of_stop_words_alone_is_indexed_and_matches_nothing():
    """bm25s cannot index an empty vocabulary: "To be or not to be" once stopped the build with a ValueError."""
    retriever = bm25.build(["To be or not to be, that is all there is.", "And so it is."])
    assert bm25.size(retriever) == 2
    assert not bm25.query_tokens(retriever, "to be or not")
