"""Which language a corpus is in, and how BM25 reads each language."""

import numpy as np
import pytest

from quoth.index import bm25
from quoth.language import detect, get, resolve

TEXTS = {
    "en": "The council said the new library would open on Sundays, and most of the people who spoke were for it.",
    "fr": "Le conseil a dit que la nouvelle bibliothèque ouvrirait le dimanche, et la plupart des gens étaient pour.",
    "de": "Der Rat sagte, dass die neue Bibliothek auch am Sonntag geöffnet wird, und die meisten waren dafür.",
    "es": "El consejo dijo que la nueva biblioteca abriría los domingos y que la mayoría de los vecinos lo apoya.",
    "ru": "Совет сообщил, что новая библиотека будет открыта и по воскресеньям, и большинство жителей было за это.",
    "ja": "市議会は、新しい図書館が日曜日も開館すると発表した。多くの住民が賛成している。",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_a_corpus_language_is_detected(code):
    assert detect([TEXTS[code]] * 3) == code


def test_too_little_text_says_nothing_and_auto_falls_back_to_english():
    assert detect(["Quoth", "v2"]) is None
    assert resolve("auto", ["Quoth"]) == (get("en"), True)
    assert resolve("fr", [TEXTS["de"]]) == (get("fr"), False)  # a setting is obeyed, not second-guessed


def test_unknown_language_names_the_choices():
    with pytest.raises(ValueError, match=r"unknown language 'xx'.*fr"):
        get("xx")


def test_each_language_stems_its_own_inflections():
    fr = ["Les négociations avec les syndicats reprendront lundi", "Le marché couvert rouvre samedi"]
    index = bm25.build(fr, analyzer=bm25.analyzer("fr"))
    assert int(np.argmax(bm25.scores(index, "négocier", analyzer=bm25.analyzer("fr")))) == 0
    # English stemming does not join the French forms: "négociations" and "négocier" stay apart.
    english = bm25.build(fr)
    assert not bm25.scores(english, "négocier").any()
    de = ["Die Bürgermeisterin eröffnete die Bibliotheken", "Der Hafen wird erneuert"]
    assert int(np.argmax(bm25.scores(bm25.build(de, analyzer=bm25.analyzer("de")), "Bibliothek",
                                     analyzer=bm25.analyzer("de")))) == 0


def test_each_language_drops_its_own_stop_words():
    assert bm25.analyzer("es").tokenize(["la casa de los vecinos"]) == [["cas", "vecin"]]
    assert bm25.analyzer("none").tokenize(["la casa de los vecinos"]) == [["la", "casa", "de", "los", "vecinos"]]


def test_scripts_without_spaces_are_read_as_character_pairs():
    texts = ["市立図書館は日曜日も開館します", "港の防波堤を修理しました"]
    index = bm25.build(texts, analyzer=bm25.analyzer("ja"))
    assert int(np.argmax(bm25.scores(index, "図書館はいつ開館しますか", analyzer=bm25.analyzer("ja")))) == 0
    assert bm25.words("図書館") == ["図書", "書館"]
