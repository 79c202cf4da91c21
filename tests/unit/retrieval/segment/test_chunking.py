from quoth.records import Role
from quoth.segment.chunking import approx_tokens, search_text_for, split_long, to_passages, windows
from quoth.segment.units import Unit, merge_short


def words(text: str) -> int:
    return len(text.split())


def test_search_text_says_who_and_where_but_comments_drop_the_title():
    assert search_text_for("Hi.", "Ann", Role.QUOTE, None, "Quay") == "Ann said — Quay\nHi."
    assert search_text_for("Hi.", "Bo", Role.REPLY, "Ann", "Quay") == "Reply by Bo to Ann\nHi."
    assert search_text_for("Hi.", None, Role.BODY, None, "") == "Hi."


def test_search_text_says_where_a_passage_stands_and_the_speakers_part():
    said = search_text_for("Yes, sir.", "Lane", Role.TURN, None, "Earnest", "FIRST ACT › SCENE", "Lane, Manservant")
    assert said == "Lane said — Lane, Manservant — Earnest › FIRST ACT › SCENE\nYes, sir."
    assert search_text_for("Why.", None, Role.BODY, None, "PEP 498", "Rationale", "ignored") == \
        "PEP 498 › Rationale\nWhy."
    assert search_text_for("Hi.", "Bo", Role.COMMENT, None, "Quay", "Costs") == "Comment by Bo\nHi."


def test_long_text_splits_at_sentences_within_the_limit():
    text = "One two three four. Five six seven eight. Nine ten eleven twelve."
    chunks = split_long(text, 100, 9, words)
    assert [text[a - 100:b - 100] for a, b in chunks] == ["One two three four. Five six seven eight.",
                                                          "Nine ten eleven twelve."]


def test_a_sentence_too_long_alone_is_cut_at_words():
    text = " ".join(f"w{i}" for i in range(30)) + "."
    chunks = split_long(text, 0, 10, words)
    assert all(words(text[a:b]) <= 10 for a, b in chunks) and text[chunks[0][0]:chunks[-1][1]] == text


def test_passages_stay_exact_slices_and_within_budget():
    text = "Intro.\n\n" + "The tide came in fast over the sand. " * 20
    units = [Unit(0, 6, "Ann", Role.BODY), Unit(8, len(text.rstrip()), "Ann", Role.BODY)]
    passages = to_passages(text, "a.txt", "Tides", units, 40, approx_tokens)
    assert len(passages) > 3
    for p in passages:
        assert text[p.start:p.end] == p.text and approx_tokens(p.search_text) <= 40


def test_short_fragments_merge_with_the_same_speaker_only():
    text = "Long enough paragraph of words here.\n\nShort.\n\nAnother one by someone else entirely."
    units = [Unit(0, 36, "A", Role.BODY), Unit(38, 44, "A", Role.BODY), Unit(46, len(text), "B", Role.QUOTE)]
    merged = merge_short(units, text, min_words=3)
    assert [(u.start, u.end, u.speaker) for u in merged] == [(0, 44, "A"), (46, len(text), "B")]


def test_one_long_line_without_sentence_ends_is_cut_into_readable_passages():
    """A run-on line (no full stop anywhere) was cut into one-word passages: summed word counts fell short of the
    count of the joined words, and an over-limit run fell back to single words. Runs are now cut again until each
    fits, near the budget."""
    vocab = ["harbour", "wall", "granite", "storm", "winter", "council", "port", "money", "plan", "tide"]
    text = " ".join(vocab[(i * 7) % len(vocab)] for i in range(600))
    passages = to_passages(text, "a.txt", "", [Unit(0, len(text), None, Role.BODY)], 128, approx_tokens)
    sizes = [words(p.text) for p in passages]
    assert sum(sizes) == 600 and all(approx_tokens(p.search_text) <= 128 for p in passages)
    assert len(passages) <= 12 and min(sizes[:-1]) >= 40, sizes
    assert all(text[p.start:p.end] == p.text for p in passages)


def pieces(text: str) -> int:
    return len(text.split()) + 2  # with [CLS] and [SEP], as the model's counter counts


def test_a_long_passage_has_windows_of_its_head_and_whole_sentences():
    text = " ".join(f"Sentence {i} has five words." for i in range(12))
    search = f"Ann said — Minutes › Budget\n{text}"
    found = windows(search, text, 20, pieces)
    head = "Ann said — Minutes › Budget\n"
    assert len(found) > 1 and all(w.startswith(head) and pieces(w) <= 20 for w in found)
    assert " ".join(w.removeprefix(head) for w in found) == text  # every word in a window, in order
    assert windows(search, text, 0, pieces) == []  # 0: no windows
    assert windows(search, text, 200, pieces) == []  # it fits
    assert windows("Other words entirely.", text, 20, pieces) == []  # not its head then its words
