"""Who said it, on the annotated public documents of tests/data/attribution: the floors the sieve must hold.

The figures themselves are printed by ``python benchmarks/attribution.py`` (and in benchmarks/RESULTS.md); these
tests fail when precision falls under the bar the issue sets, or a passage holds two speakers' words.
"""

from __future__ import annotations

import pytest

from tests.helpers import attribution_bench


@pytest.fixture(scope="module")
def bench():
    return attribution_bench()


@pytest.fixture(scope="module")
def fiction(bench):
    return bench.fiction_family()


# Works annotated by readers who never saw the sieve, after it was written (round 4): on first contact A Christmas
# Carol was at precision 0.494, Treasure Island 0.688, Little Women 0.285, Huckleberry Finn 0.243 (cast names,
# a sentence read as a byline, descriptions for speakers); after round 4, 1.000, 0.972, 0.975, 0.953. Works still
# under the bar (or under the common coverage floor) hold floors of their own, the figures measured less
# a margin, so that none slips while the work on them goes on; the others hold the bar. The Wind in the Willows
# (held out at first: 0.995 / 0.778; 0.878 / 0.774 after round 4, 'Meantime Toad'; 0.996 / 0.877 after round 5)
# holds the bar. The Hound of the Baskervilles (held out to the end of round 5: 0.822 / 0.631, then 0.804 / 0.631,
# Holmes and Mortimer's long exchange given to the narrator) holds it after round 6 (0.952 / 0.656), and so does
# Heidi (0.951 / 0.464 / 3 mixed, then 0.965 / 0.660 / 1; 0.971 / 0.660 / 0 after round 6: "implored Heidi, but
# Peter, … answered:" no longer joins Peter's words to hers).
# After round 6 (turn-taking: stretches, narrators, partners) Peter Pan (held out at first: 0.854 / 0.431; 0.964 /
# 0.575 after round 5; 0.966 / 0.609) and Tom Sawyer (0.961 / 0.600) hold the common floors too.
UNDER_THE_BAR = {  # slug: (precision, coverage, mixed passages) at least / at most
    # held out at first: 0.921 / 0.494; 0.968 / 0.515 after round 5; 0.971 / 0.570 (tags) and 0.970 / 0.545
    # (turn-taking) after round 6
    "jane_eyre": (0.9, 0.55, 0),
    # Annotated by readers who never saw the code, measured first in round 7 (first contact, precision / coverage /
    # mixed): The Age of Innocence 0.811 / 0.384 / 2 (a hero the narration calls by the family's surname), The Four
    # Million 0.955 / 0.615 / 1, Kidnapped 0.919 / 0.612 (first person, "said he", "says I"), My Man Jeeves
    # 0.946 / 0.580 (untagged, "sir"), The Mysterious Affair at Styles 0.968 / 0.606, Oliver Twist 0.991 / 0.511
    # (descriptions for speakers). After round 7 (the cast: the hero's bare surname, wives' styles, peers,
    # appositions, short forms; turn-taking: a question naming a third voice, roles learnt from tags, "sir"):
    # 0.922 / 0.444 / 0, 0.956 / 0.636 / 0, 0.956 / 0.628, 0.955 / 0.595, 0.967 / 0.602, 0.993 / 0.644: all at the
    # precision bar; The Age of Innocence under the coverage floor, My Man Jeeves just over it. Round 8 (a pronoun
    # tag's chain of sentence subjects; who answers: the one asked by name, a name cried out, the named narrator
    # calling the one who says "sir"; the cast): see RESULTS.md.
    "age_of_innocence": (0.9, 0.44, 0),
    "my_man_jeeves": (0.93, 0.62, 0),
    # Held out to the end of round 7, never developed on (first on the code of the session's start, then at its
    # end): The Invisible Man 0.888 / 0.558 both times (its unnamed stranger's "he said" given to the Halls), Far
    # from the Madding Crowd 0.827 / 0.273, then 0.841 / 0.304 (rustic group scenes); A Little Princess 0.793 / 0.589,
    # then 0.936 / 0.696, and The Secret Adversary 0.994 / 0.765 both times, hold the common floors. After round 8's
    # cast (a calling before a surname is a title, a man's styles one man, a title's sex over a few pronouns, the
    # stranger kept on stage): The Invisible Man 0.915 / 0.684, Far from the Madding Crowd 1.000 / 0.555 (its
    # heroine unnamed for chapters), The Age of Innocence 0.916 / 0.448, A Little Princess 0.947 / 0.704.
    "invisible_man": (0.9, 0.66, 0),
    "madding_crowd": (0.95, 0.53, 0),
    # Annotated by readers who never saw the code, held out to the end of round 8, development sets from round 9
    # (first contact): Crime and Punishment 0.835 / 0.379 (a translated novel: patronymics, monologues over
    # paragraphs, unnamed speakers), A Room with a View 0.930 / 0.543 (group scenes at table), The Sea-Wolf 0.829 /
    # 0.244 (a first-person narrator named only in his own narration, "I, Humphrey Van Weyden"; names mentioned but
    # absent). After round 9 ("The" no first name of "the policeman", an unnamed voice in a crowd, a speech run on
    # over paragraphs, a told turn before a reply, "pronounced", "the Italian lady"; the self-named narrator, "I
    # heard X growling", the other "he" beside a name in first-person stories, a cook of either sex): 0.959 /
    # 0.392, 0.957 / 0.543, 0.973 / 0.426.
    "crime_punishment": (0.94, 0.37, 0),
    "room_with_view": (0.94, 0.52, 0),
    "sea_wolf": (0.95, 0.40, 0),
    # Annotated in the fifth session by readers who never saw the code, development sets of round 10 (first
    # contact): The Man Who Was Thursday 0.720 / 0.071 ("Comrade Gregory" a second Gregory beside his sister),
    # Middlemarch 0.753 / 0.586, The Red Badge of Courage 0.059 / 0.005 (nobody named: "the youth", "the tall
    # soldier"; "the other" taken for a person), The Thirty-Nine Steps 0.815 / 0.394 (first person, pronoun tags).
    # Once a pronoun or turn's confidence is calibrated by what a reader sees (confidence.py: "he said" of a name in
    # passing, never heard or seen on stage, withheld; a turn its own "he" rules out for the narrator, or given to
    # someone never heard or seen among two others of their gender): Thursday 0.857 / 0.071, Middlemarch 0.751 /
    # 0.582, The Thirty-Nine Steps 0.855 / 0.394.
    # After round 10's cast ("Comrade" a title, a man introduced in full his later "Mr." and bare surname beside a
    # sister, "Unlike Celia" no name, "Dodo" a pet name of Dorothea), tags ("said the chairman after a pause", "and
    # said to Mr. Brooke,", "the voice of Syme") and people only compared to or newly brought in: Thursday 0.996 /
    # 0.882, Middlemarch 1.000 / 0.852.
    "man_who_was_thursday": (0.96, 0.85, 0),
    "middlemarch": (0.96, 0.82, 0),
    # After round 10's descriptions as names ("said the tall soldier" again and again, "the other" and "the latter"
    # anaphors, the main character's unanchored "he"), the first-person narrator's beats ("I laughed. '…'"; a "he
    # said" turn never the narrator's), dialect elisions in single marks, and names no pronoun stands for (a
    # likeness, "like Mr Pickwick"; a kind of people, "the Jew was behind it"): The Red Badge of Courage 0.949 /
    # 0.534, The Thirty-Nine Steps 0.897 / 0.420.
    "red_badge": (0.92, 0.51, 0),
    "thirty_nine_steps": (0.87, 0.40, 0),
    # Annotated in the fifth session by readers who never saw the code and held out through round 10 (first contact,
    # and again after part of round 10): The Scarlet Pimpernel 0.932 / 0.679 both times; Wuthering Heights 0.851 /
    # 0.518 / 2 mixed, then 0.840 / 0.518 / 2 (two first-person narrators, dialect); The Prisoner of Zenda 0.544 /
    # 0.383, then 0.544 / 0.383 (its narrator taken for the man who says "I am called Fritz von Tarlenheim").
    # Development sets of round 11. Wuthering Heights after round 11's frame-story teller by chapter, run-together
    # turns ("he persisted", "he replied"), introductions under a pronoun tag and vocatives (appositions, a double
    # quotation inside a single one) and a pronoun never the object of its own clause: 0.981 / 0.625 / 0 mixed.
    # After round 11's first-person narrator (never one a third-person tag names,
    # named by their own "I am …"), tags ("said my brother's wife" nobody's, "said one of the ladies", "here
    # interposed", a dash ending a description, "and answered pleasantly:", "Lord Antony's jovial voice"), a
    # portrait's name no one on stage, "George II." no George of the story, the last speaker kept in view by the
    # narration after their words, and no turn given to the one its own words talk of: The Scarlet Pimpernel
    # 0.966 / 0.695, The Prisoner of Zenda 0.970 / 0.659.
    "scarlet_pimpernel": (0.94, 0.67, 0),
    "wuthering_heights": (0.95, 0.6, 0),
    "prisoner_zenda": (0.94, 0.63, 0),
    # Annotated in the fifth session by readers who never saw the code and held out through rounds 10 and 11 (first
    # contact, then after both rounds): The Moonstone 0.980 / 0.785 both times (a narrator who tags every line), Kim
    # 0.857 / 0.446, then 0.856 / 0.442 (descriptions for names, translated speech), Cranford 0.980 / 0.429, then
    # 0.970 / 0.429 (a first-person narrator among ladies called by title). Development sets of round 12.
    # Kim after round 12: 0.922 / 0.442 (a capitalised word between an article and a noun modifies it, "the Sikh"
    # no first name, a tongue spoken in or a town before a person no antecedent).
    "kim": (0.91, 0.44, 0),
    "cranford": (0.96, 0.42, 0),
}
# First measured in round 9: held to their own floors above, not yet to the pooled floors of the works before them
# (with them in the pool, coverage on all thirty-three was 0.688 at first contact).
ROUND_9 = frozenset(("crime_punishment", "room_with_view", "sea_wolf"))
ROUND_10 = frozenset(("man_who_was_thursday", "middlemarch", "red_badge", "thirty_nine_steps"))  # the same, round 10
ROUND_11 = frozenset(("scarlet_pimpernel", "wuthering_heights", "prisoner_zenda"))  # the same, round 11
ROUND_12 = frozenset(("moonstone", "kim", "cranford"))  # the same, round 12


def test_fiction_names_few_wrong_speakers_and_never_mixes_two(bench, fiction):
    from quoth import Quoth
    bar = Quoth.open().settings.segment.speaker_threshold
    older = {"fiction": [w for w in fiction["fiction"] if w[0] not in ROUND_9 | ROUND_10 | ROUND_11 | ROUND_12]}
    [s] = bench.table(older, bar).values()
    assert s.gold >= 200
    # 0.972 on all thirty works after round 7, 0.973 after round 8, 0.976 on them after round 9
    assert s.precision >= 0.96, s.misses[:10]
    # 0.717 on the four works the sieve was written against; 0.647 with Emma and Gatsby, held out while it was;
    # 0.700 once Emma and Gatsby served as development sets (round 2: the narrator by address, places, plurals,
    # parents addressed, pronoun beats); 0.652 with The Wizard of Oz and Tom Sawyer, held out from round 2; 0.705
    # after round 3's turn-taking (one tagged person's own turns, replies calling one person or two by turns,
    # speeches left open, new scenes, new voices, introductions) and tags; 0.636 with round 4's four new works;
    # 0.689 on the thirty works at round 8's start; 0.695 once a pronoun tag's chain of sentence subjects confirms
    # or doubts its antecedent, 0.693 after its turn-taking (who answers), each alone
    # 0.705 after round 8's cast alone
    assert s.coverage >= 0.69
    assert s.mixed <= sum(m for _, _, m in UNDER_THE_BAR.values())


def test_every_fiction_work_holds_the_precision_bar(bench, fiction):
    """Each work on its own, as the project is judged on works nobody here has seen: no one work may fall
    under the issue's precision bar behind the others' average (those still under it: their own floors)."""
    from quoth import Quoth
    bar = Quoth.open().settings.segment.speaker_threshold
    for slug, passages, gold, cast in fiction["fiction"]:
        s = bench.score(passages, gold, cast, slug, bar)
        precision, coverage, mixed = UNDER_THE_BAR.get(slug, (0.9, 0.59, 0))
        assert s.precision >= precision, (slug, s.misses[:5])
        # the least covered of those at the bar: Tom Sawyer (held out; dialect, long untagged exchanges) at 0.425,
        # 0.621 after round 3; then The Wizard of Oz at 0.626 and Gatsby (first person) at 0.656
        assert s.coverage >= coverage, slug
        assert s.mixed <= mixed, slug


def test_under_the_bar_nobody_is_named(bench, fiction):
    """The threshold is a real bar: a higher one names fewer, never more precisely worse than the issue allows."""
    loose = bench.table(fiction, 0.0)["fiction"]
    strict = bench.table(fiction, 0.9)["fiction"]
    assert strict.named < loose.named
    assert strict.precision >= loose.precision


def test_labelled_documents_read_turn_by_turn(bench):
    """Speaker-labelled documents of families nobody taught Quoth (minutes, IRC and xchat logs, an issues export, a
    digest, a podcast; plays, briefings, a debate, a hearing, a screenplay annotated later): their labels are learnt
    from the document. Measured: precision 0.999, coverage 0.974 on the seven first sets, 0.998 and 0.918 on
    sixteen; 0.9993 and 0.922 on all thirty (3,296 turns) once a blog's comment headers (the permalink's date over
    the name) were read. Mixed passages: none on the first 23 sets; the ten of formats nobody taught
    (SOURCE.formats.md) held seven, each the source's doing, no label's; one is left: a reading in the
    Congressional Record that runs on into the senator's words (the indentation that set the quotation apart is
    lost in the page's text). The blog's four (its comment thread read as prose) and Otter's two (one label over a
    roll call, ``I'm Kelly. I'm Allie. And I'm Emma.``) are gone."""
    families = bench.labelled_families()
    if not families:
        pytest.skip("no labelled documents annotated")
    from quoth import Quoth
    bar = Quoth.open().settings.segment.speaker_threshold
    total = bench._total(list(bench.table(families, bar).values()))
    assert total.gold >= 1000
    assert total.precision >= 0.99, total.misses[:10]
    assert total.coverage >= 0.91
    assert total.mixed <= 1


def test_every_labelled_family_holds_the_precision_bar_and_interviews_and_mail_are_read(bench):
    """Each family on its own (a fall in one hides in the total: a play's stage direction once became a first name).
    An interview's Q and A are its author and the person its introduction names (measured 24 of 26 turns, 0
    before); quoted mail is the author its attribution line names (15 of 18, 7 before). A blog's commenters are
    read from their headers (35 of 66 turns, 20 before: the rest are the blogger's bracketed glosses, nobody's
    here); Otter transcripts 84 of 109 (82 before), a roll call cut at each voice. Lowest family precision 0.991."""
    families = bench.labelled_families()
    if not families:
        pytest.skip("no labelled documents annotated")
    from quoth import Quoth
    bar = Quoth.open().settings.segment.speaker_threshold
    table = bench.table(families, bar)
    for family, s in table.items():
        assert s.precision >= 0.98, (family, s.misses[:5])
    assert table["interview"].coverage >= 0.85 and table["mail"].coverage >= 0.75
    assert table["blog"].coverage >= 0.5 and table["transcript"].coverage >= 0.75


def test_every_labelled_document_keeps_its_words_in_passages(bench):
    """Issue 21 §6, never lose words: at least 95% of each labelled document's sentences are in passages, labels,
    time stamps, joins and directions read as nobody's. Measured before: 0.66 (an issues export: quoted lines and
    the label outweighing a one-word reply), 0.78 (IRC), 0.88 (minutes: an agenda read as a heading); after, 0.987
    to 1.000."""
    words: dict = {}
    if not bench.labelled_families(words=words):
        pytest.skip("no labelled documents annotated")
    low = {slug: (round(c.share, 3), c.lost[:2]) for slug, c in words.items() if c.share < 0.95}
    assert not low


def test_the_benchmark_prints_its_table(bench, capsys):
    slug = sorted(p.name.split(".")[0] for p in (bench.SETS / "fiction").glob("*.quotes.jsonl"))[0]
    assert bench.main(["--only", slug, "--clues", "--curve"]) == 0
    out = capsys.readouterr().out
    assert "fiction" in out and "threshold curve" in out and "clue speech tag" in out


# --- news family (issue 21 §7): Wikinews and NASA articles, quotation by quotation (tests/data/attribution/news) ---

def test_news_names_few_wrong_speakers(bench):
    """Floors under the figures measured (bar 0.7). Wikinews, 105 quotations with a speaker: when the set was added
    53 named, precision 0.830, coverage 0.419; since outlets and fragments are no speakers and a speech verb's
    subject is the name before it 60 named, precision 1.000, coverage 0.571, one mixed passage; with news's own tag
    shapes (newstags.py: partial quotations, names behind offices, a colon above, statements) 81 named, precision
    1.000, coverage 0.771, no mixed passage. The NASA set (60 quotations, held out while news tags were written):
    52 named before, 53 after, precision 0.943 (three named with a job title in the name, 'Engineer Ted Daisey').
    The OneStopEnglish set (260 quotations, a British house style, held out): 183 named, precision 0.891,
    coverage 0.627, two mixed passages on first contact; 208 named, 0.995, 0.796, none mixed once names stopped at
    possessives and profile heads, offices were roles and a newcomer between two quotations spoke the second.
    The margins allow a few wrong names and a few quotations fewer, not a return to crediting outlets, and no
    passage may hold two speakers' words."""
    from quoth import Quoth
    bar = Quoth.open().settings.segment.speaker_threshold
    families = bench.fiction_family(family="news")
    [s] = bench.table(families, bar).values()
    assert s.gold >= 160
    assert s.precision >= 0.98, s.misses[:10]
    assert s.coverage >= 0.83
    assert s.mixed == 0
    sources = {src: score for _, src, score in bench._by_source(families, bar)}
    for src, (precision, coverage) in NEWS_SOURCES.items():
        assert sources[src].precision >= precision and sources[src].coverage >= coverage, (src, sources[src].misses[:5])


# Each source on its own (bar 0.7): the two added this session were annotated by readers who never saw the code and
# measured on first contact: OneStopEnglish's Guardian articles 0.891 / 0.627 / 2 mixed, then 0.995 / 0.796 / 0 (a
# name never across a possessive, offices are roles, a newcomer between quotations speaks the second); the U.S.
# Department of Justice's releases 0.340 / 0.313 (a middle initial cut the name: "Nathan J"; offices kept in it:
# "U.S. Attorney Campbell"), then 0.864 / 0.779, then 1.000 / 0.945 (offices.py: an office of any length before a
# name, its place no part of it, a generational suffix none; the benchmark reads "Amos Rojas" for "Amos Rojas Jr.";
# a release opening "KIK (Virginia) operated …" is no transcript).
# Round 3 also lifted Wikinews to 1.000 / 0.819 (an "al-" particle in a name; a quotation after a sentence reporting
# a name the cast cannot tell is no one else's) and OneStopEnglish to 0.995 / 0.804 (a paraphrase's subject).
NEWS_SOURCES = {"wikinews": (0.97, 0.79), "nasa": (0.95, 0.85), "onestop": (0.97, 0.78), "doj": (0.97, 0.92)}
