"""The corpus's speaker directory: which written names are one person, which stay apart, what a query names."""

from quoth.index.speakers import SpeakerDirectory, SpeakerName, group_names, settle, ties


def people(*names: str) -> dict[str, str]:
    return group_names(dict.fromkeys(names, 1))


def directory(*names: str) -> SpeakerDirectory:
    return SpeakerDirectory(SpeakerName(n, f"{i}.txt", 1) for i, n in enumerate(names))


def test_surname_capitals_title_and_full_name_are_one_person_under_the_fullest_name():
    got = people("Holt", "HOLT", "Mr. Holt", "Mr. Lester Holt", "Lester Holt", "TAPPER", "Jake Tapper", "JAKE TAPPER")
    assert set(got) - {"TAPPER", "Jake Tapper", "JAKE TAPPER"} == {n for n, p in got.items() if p == "Lester Holt"}
    assert got["TAPPER"] == got["JAKE TAPPER"] == "Jake Tapper"


def test_a_middle_name_a_suffix_and_a_title_before_a_first_name_do_not_make_another_person():
    got = people("Hillary Clinton", "Hillary Rodham Clinton", "Senator Hillary Clinton")
    assert set(got.values()) == {"Hillary Rodham Clinton"}
    got = people("Martin Luther King Jr.", "Martin King", "King")
    assert set(got.values()) == {"Martin Luther King Jr."}


def test_a_title_on_a_lone_surname_joins_the_one_person_it_fits():
    got = people("President Trump", "Donald Trump", "Trump", "Mr. Darcy", "Mr. Fitzwilliam Darcy", "Darcy",
                 "Fitzwilliam Darcy")
    assert got["President Trump"] == got["Trump"] == "Donald Trump"
    assert got["Mr. Darcy"] == got["Darcy"] == "Fitzwilliam Darcy"


def test_mr_or_miss_joins_a_full_name_only_where_the_corpus_titles_that_person_so():
    got = people("William Lucas", "Miss Lucas", "Lucas")  # Pride and Prejudice: Sir William and his daughter
    assert got == {"William Lucas": "William Lucas", "Miss Lucas": "Miss Lucas", "Lucas": "Lucas"}
    assert people("Mr. Holt", "Lester Holt")["Mr. Holt"] == "Mr. Holt"


def test_without_a_full_name_the_titled_surname_is_shown():
    assert people("Holt", "Mr. Holt") == {"Holt": "Mr. Holt", "Mr. Holt": "Mr. Holt"}


def test_two_people_with_one_surname_stay_apart_and_the_bare_surname_joins_neither():
    got = people("Bill Clinton", "Hillary Clinton", "Clinton", "Mr. Clinton")
    assert got == {"Bill Clinton": "Bill Clinton", "Hillary Clinton": "Hillary Clinton", "Clinton": "Clinton",
                   "Mr. Clinton": "Mr. Clinton"}  # no title says which Clinton is the man


def test_a_surname_under_two_titles_is_a_family_whose_members_stay_apart():
    got = people("Mr. Bennet", "Mrs. Bennet", "Bennet", "Elizabeth Bennet")
    assert got == {n: n for n in ("Mr. Bennet", "Mrs. Bennet", "Bennet", "Elizabeth Bennet")}


def test_a_first_name_alone_never_moves_a_passage_to_anyone():
    got = people("Jeremy", "Jeremy Corbyn", "Lee", "Ann Lee", "Lee Smith")
    assert got["Jeremy"] == "Jeremy" and got["Lee"] == "Lee"  # "Lee" is Ann's surname and Lee Smith's first


def test_a_title_of_the_other_gender_does_not_join():
    got = people("Mrs. Holt", "Mr. Lester Holt")
    assert got["Mrs. Holt"] == "Mrs. Holt"


def test_handles_join_the_name_they_spell_and_their_own_other_spellings():
    got = people("@jeremycorbyn", "Jeremy Corbyn", "tidewatcher", "@TideWatcher", "jeremy_corbyn", "@annlee")
    assert got["@jeremycorbyn"] == got["jeremy_corbyn"] == "Jeremy Corbyn"
    assert got["tidewatcher"] == got["@TideWatcher"]
    assert got["@annlee"] == "@annlee"  # nobody of that name speaks in the corpus


def test_a_handle_two_people_spell_joins_neither():
    got = people("Anne Marie", "Ann Emarie", "annemarie")
    assert got["annemarie"] == "annemarie"


def test_queries_find_people_by_any_of_their_names():
    d = directory("Jeremy Corbyn", "Corbyn", "Ann Lee", "Ann Smith", "tidewatcher", "Bob Green", "Lester Holt",
                  "HOLT")
    assert d.resolve("@jeremycorbyn") == {"Jeremy Corbyn"}
    assert d.resolve("jeremy corbyn") == {"Jeremy Corbyn"}
    assert d.resolve("Corbyn") == {"Jeremy Corbyn"}
    assert d.resolve("Jeremy") == {"Jeremy Corbyn"}  # a query may name by a unique first name
    assert d.resolve("@TideWatcher") == {"tidewatcher"}
    assert d.resolve("Mr. Holt") == d.resolve("holt") == {"Lester Holt"}  # a query may: it names nobody else
    assert d.written({"Lester Holt"}) == ["HOLT", "Lester Holt"]


def test_queries_that_name_two_people_or_nobody_resolve_to_no_one():
    d = directory("Ann Lee", "Ann Smith", "Bill Clinton", "Hillary Clinton")
    assert d.resolve("Ann") == set()
    assert d.resolve("Clinton") == set()
    assert d.resolve("Nobody") == set()
    assert d.resolve("Lee") == {"Ann Lee"}
    assert d.matching("clint") == {"Bill Clinton", "Hillary Clinton"}


def test_people_count_passages_and_documents_across_their_names():
    d = SpeakerDirectory([SpeakerName("Lester Holt", "a.txt", 3), SpeakerName("HOLT", "b.txt", 2),
                          SpeakerName("Holt", "a.txt", 1), SpeakerName("Ann Lee", "c.txt", 1)])
    [holt, _] = d.people()
    assert (holt.name, holt.aliases, holt.passages, holt.documents) == \
        ("Lester Holt", ("Lester Holt", "HOLT", "Holt"), 6, ("a.txt", "b.txt"))
    assert d.counts() == [("Lester Holt", 6), ("Ann Lee", 1)]
    assert d.canonical("HOLT") == "Lester Holt" and d.canonical("Stranger") == "Stranger"


def test_a_stored_directory_is_used_as_stored_and_one_missing_a_name_is_recomputed():
    entries = [SpeakerName("Holt", "a.txt", 1), SpeakerName("Lester Holt", "b.txt", 1)]
    assert SpeakerDirectory(entries, {"Holt": "Holt", "Lester Holt": "Lester Holt"}).canonical("Holt") == "Holt"
    assert SpeakerDirectory(entries, {"Holt": "Holt"}).canonical("Holt") == "Lester Holt"


def test_a_handle_joins_the_name_a_document_writes_beside_it():
    tied = ties(["Thanks to Jake Tapper (@jaket) for the interview.", "@bobg (Bob Green) replied.",
                 "Ann Lee @annl · 2h"])
    assert tied == [("jaket", "Jake Tapper"), ("bobg", "Bob Green"), ("annl", "Ann Lee")]
    assert ties(["Thanks Jake Tapper @jaket"]) == [("jaket", "Thanks Jake Tapper")]  # a tail of it is the name
    got = group_names(dict.fromkeys(["@jaket", "Jake Tapper", "bobg", "Bob Green", "@annl", "Ann Lee"], 1), tied)
    assert got["@jaket"] == "Jake Tapper" and got["bobg"] == "Bob Green" and got["@annl"] == "Ann Lee"
    assert group_names(dict.fromkeys(["@jaket", "Jake Tapper"], 1))["@jaket"] == "@jaket"  # nothing ties them
    assert group_names(dict.fromkeys(["@jaket", "Jake Tapper"], 1), ties(["Thanks Jake Tapper @jaket"])) == \
        {"@jaket": "Jake Tapper", "Jake Tapper": "Jake Tapper"}


def test_a_handle_tied_to_two_people_joins_neither():
    tied = ties(["Jake Tapper (@jt) spoke.", "Jenny Tate (@jt) wrote."])
    assert group_names(dict.fromkeys(["@jt", "Jake Tapper", "Jenny Tate"], 1), tied)["@jt"] == "@jt"


def test_settle_reads_documents_only_when_a_handle_speaks():
    def texts():
        raise AssertionError("read")
    assert settle([SpeakerName("Ann Lee", "a.txt", 1), SpeakerName("Lee", "b.txt", 1)], texts) == \
        {"Ann Lee": "Ann Lee", "Lee": "Ann Lee"}
    assert settle([SpeakerName("@annl", "a.txt", 1), SpeakerName("Ann Lee", "b.txt", 1)],
                  lambda: ["Ann Lee (@annl)"])["@annl"] == "Ann Lee"


def test_an_at_handle_or_a_lower_case_login_is_the_one_word_name_it_spells():
    got = people("@Wuflamez", "Wuflamez", "alex", "Alex", "@Tim", "Tim Smith")
    assert got["@Wuflamez"] == got["Wuflamez"] and got["alex"] == got["Alex"]
    assert got["@Tim"] == "@Tim"  # a first name is no spelling of Tim Smith's whole name


def test_a_name_that_may_be_the_person_is_never_another_persons():
    d = directory("Bill Clinton", "Hillary Clinton", "Clinton", "Lester Holt", "HOLT", "@lesterholt")
    assert d.could_be("Clinton", "Hillary Clinton") and d.could_be("Clinton", "Clinton")  # two Clintons: may be
    assert d.could_be("Hillary", "Hillary Clinton") and d.could_be("hillary clinton", "Hillary Clinton")
    assert not d.could_be("Bill Clinton", "Hillary Clinton") and not d.could_be("Holt", "Hillary Clinton")
    assert d.could_be("Mr. Holt", "Lester Holt") and d.could_be("LesterHolt", "Lester Holt")
    assert not d.could_be("Mrs. Holt", "Bill Clinton")


def test_a_short_name_joins_a_fuller_one_only_where_its_documents_name_that_person():
    entries = [SpeakerName("HOLT", "debate.txt", 2), SpeakerName("Lester Holt", "column.txt", 2),
               SpeakerName("Smith", "panel.txt", 3), SpeakerName("John Smith", "op-ed.txt", 1),
               SpeakerName("Mr. Brown", "minutes.txt", 1), SpeakerName("Mr. Tom Brown", "letter.txt", 1),
               SpeakerName("Mr. Tom Brown", "minutes.txt", 1)]
    texts = {"debate.txt": "The moderator is LESTER  HOLT.\nHOLT: Good evening.", "column.txt": "",
             "panel.txt": "SMITH: Thank you, Jane.", "op-ed.txt": "", "minutes.txt": "", "letter.txt": ""}
    got = settle(entries, lambda: texts.values(), texts.__getitem__)
    assert got["HOLT"] == "Lester Holt"  # the transcript's header names him
    assert got["Smith"] == "Smith"  # nothing says the panel's Smith is the op-ed's John Smith
    # Both speak in the minutes: the document's reader, which ties a person's names within a document, kept
    # them apart (as Emma's "Mr. Knightley" and his brother "Mr. John Knightley"), so they are two people.
    assert got["Mr. Brown"] == "Mr. Brown"


def test_two_full_names_whose_middle_names_differ_stay_two_people():
    """(first name, surname) alone made George W. Bush and George H. W. Bush one person; a middle name and its
    initial still agree, and a name without middles beside both is neither's."""
    got = people("George W. Bush", "George H. W. Bush", "George Bush", "GEORGE BUSH", "Bush", "@georgebush")
    assert got["George W. Bush"] != got["George H. W. Bush"]
    assert got["George Bush"] == got["GEORGE BUSH"] == "George Bush"
    assert got["Bush"] == "Bush"
    kennedy = people("John F. Kennedy", "John Fitzgerald Kennedy", "John Kennedy", "Kennedy")
    assert len(set(kennedy.values())) == 1
    tied = group_names({"Jake A. Tapper": 1, "Jake B. Tapper": 1, "@jaket": 1}, [("jaket", "Jake Tapper")])
    assert tied["@jaket"] == "@jaket"  # the name beside it is either of two people


def test_names_without_a_letter_or_digit_are_not_one_person():
    """``***`` (a bouncer's playback lines) and ``---`` shared the empty key: one person, found by any query of
    punctuation."""
    got = people("***", "---", "…")
    assert len(set(got.values())) == 3
    d = directory("***", "---")
    assert len(d.people()) == 2
    assert d.resolve("!!") == set() and d.resolve("***") == {"***"}


def test_a_wife_known_by_title_and_a_description_never_take_another_persons_name():
    got = people("Lady Macbeth", "Macbeth", "John Knightley", "Mr. John Knightley", "Mrs. John Knightley",
                 "the man", "the tin man")
    assert got["Macbeth"] != got["Lady Macbeth"]  # the bare surname is the husband's as often as hers
    assert got["Mrs. John Knightley"] != got["Mr. John Knightley"]  # his wife, styled by his name
    assert got["the man"] != got["the tin man"]


def test_descriptions_are_one_of_a_kind_and_only_the_same_words_are_the_same_description():
    got = people("The captain", "Captain Flint", "that smallest star of all", "All", "the station-master",
                 "The Station Master", "mother", "Mother Goose")
    assert got["The captain"] != got["Captain Flint"]
    assert got["that smallest star of all"] != got["All"]
    assert got["the station-master"] != got["The Station Master"]
    assert got["mother"] != got["Mother Goose"]


def test_a_suffix_after_a_comma_and_a_leading_initial_do_not_make_another_person():
    got = people("Arthur M. Cummings, II", "Arthur M. Cummings", "Cummings")
    assert len(set(got.values())) == 1
    got = people("J. Edgar Hoover", "Edgar Hoover")
    assert got["Edgar Hoover"] == got["J. Edgar Hoover"]
    got = people("J. Edgar Hoover", "K. Edgar Hoover", "Edgar Hoover")  # two of them: the bare form is neither's
    assert got["Edgar Hoover"] == "Edgar Hoover"
    d = directory("Amos Rojas", "Arthur M. Cummings")
    assert d.resolve("Amos Rojas Jr.") == {"Amos Rojas"}
    assert d.resolve("Arthur M. Cummings, II") == {"Arthur M. Cummings"}
