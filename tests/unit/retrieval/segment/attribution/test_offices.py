"""Offices news writes before a name (issue 21 §5): an office of any length never cuts the name short, an office's
place is no part of it, a generational suffix says which person, not how the story names them. Releases written
here, in the shapes government press offices use."""

from quoth.segment.attribution import Cast
from quoth.segment.attribution.names import NAME_RE, WordCase, clean, office_alone
from quoth.segment.attribution.offices import after_place, without_generation
from tests.helpers import attribution_bench, speaker_of
from tests.helpers import news_units as units


def _names(article: str) -> set[str]:
    return {c.name for c in Cast.learn(article).characters}


def test_a_long_office_never_cuts_the_name_short():
    article = ("A contractor was charged with tax evasion.\n\n\"Nobody is exempt from the tax laws,\" said Customs "
               "Enforcement Division Acting Deputy Assistant Commissioner Priya K. Ramaswamy.\n\n\"The returns "
               "were false,\" said Acting Assistant Attorney General Helena Mae Strickland.")
    got = units(article)
    assert speaker_of(got, "exempt from the tax") == "Priya K. Ramaswamy"
    assert speaker_of(got, "returns were false") == "Helena Mae Strickland"


def test_the_run_holds_the_whole_office_and_name():
    text = "said Tax Division Deputy Assistant Attorney General Orla B. Fennimore on Tuesday."
    [run] = [m.group() for m in NAME_RE.finditer(text) if "Fennimore" in m.group()]
    assert run.startswith("Tax Division") and run.endswith("Orla B. Fennimore")
    assert clean(run, WordCase.of(text)) == "Orla B. Fennimore"


def test_the_place_that_closes_an_office_is_no_part_of_the_name():
    article = ("Two officers were indicted.\n\n\"No one is above the law,\" said U.S. Attorney for the Western "
               "District of Washington Corinne A. Falkner.\n\n\"We return what was stolen,\" said Consul General of "
               "Peru Tomas Iturbe.\n\n\"We are grateful,\" said Ambassador of the Republic of Korea to the United "
               "States Ahn Ho-young.")
    got = units(article)
    assert speaker_of(got, "above the law") == "Corinne A. Falkner"
    assert speaker_of(got, "what was stolen") == "Tomas Iturbe"
    assert speaker_of(got, "are grateful") == "Ahn Ho-young"
    assert not any(w in n for n in _names(article) for w in ("Washington", "Peru", "States"))


def test_a_first_name_the_document_writes_before_the_name_again_stays_in_it():
    # "Grace" stands before "Chung" wherever the release writes it: her first name, not the place's last word.
    case = WordCase.of("It was announced by Grace Chung Becker. Later Grace Chung Becker spoke. It is in India.")
    words = ["of", "India", "Grace", "Chung", "Becker"]
    assert after_place(words, lambda w, nxt: case.followed.get(w.lower(), {}).get(nxt.lower(), 0) > 1) == \
        ["Grace", "Chung", "Becker"]
    assert after_place(words, lambda w, nxt: False) == ["Chung", "Becker"]


def test_an_office_and_its_place_alone_name_no_one():
    assert office_alone("Acting Assistant Attorney General for National Security")
    assert office_alone("U.S. Marshal")
    assert not office_alone("Attorney General Loretta King")
    article = ("The defendant pleaded guilty.\n\nMarcus T. Oyelaran, Acting Assistant Attorney General for National "
               "Security, said, \"This plea is a warning to anyone who would sell nuclear material.\"")
    assert speaker_of(units(article), "a warning") == "Marcus T. Oyelaran"


def test_a_body_before_an_office_is_not_the_speaker():
    article = ("The clinic paid $2 million to settle the claims.\n\n\"This settlement protects patients,\" said "
               "Department of Health and Human Services Inspector General Rowan P. Achterberg.")
    assert speaker_of(units(article), "protects patients") == "Rowan P. Achterberg"


def test_an_agent_in_charge_written_without_hyphens_is_an_office():
    article = ("A man pleaded guilty on Monday.\n\n\"The scheme was brazen,\" said Special Agent in Charge Oliver "
               "Brandt of the Criminal Investigation Division.")
    assert speaker_of(units(article), "brazen") == "Oliver Brandt"


def test_a_generational_suffix_is_read_apart_and_kept_as_the_text_writes_it():
    assert without_generation(["Amos", "Rojas", "Jr."]) == ["Amos", "Rojas"]
    assert without_generation(["Arthur", "M.", "Cummings,", "II"]) == ["Arthur", "M.", "Cummings"]
    assert without_generation(["Taylor", "Jr"]) == ["Taylor", "Jr"]  # a surname alone keeps what tells it apart
    article = ("A fugitive was caught in Miami.\n\n\"The capture shows what partners can do,\" said Desmond Ruiz "
               "Jr., U.S. Marshal for the Southern District of Florida.\n\nRuiz thanked the agents.")
    # the name found without it, then named with the generation the text writes after the full name (cast.py)
    assert speaker_of(units(article), "partners can do") == "Desmond Ruiz Jr."
    assert "Desmond Ruiz Jr" not in _names(article)


def test_the_benchmark_matches_names_that_differ_only_by_suffix_initial_or_punctuation():
    bench = attribution_bench("attribution_bench_offices")
    same = bench.same_but_styled
    assert same("Amos Rojas", "Amos Rojas Jr.") and same("Yvonne Evans", "M. Yvonne Evans")
    assert same("Arthur M. Cummings", "Arthur M. Cummings, II") and same("St John", "St. John")
    assert not same("John A. Smith", "John B. Smith") and not same("J. Smith", "K. Smith")
    assert not same("Smith", "J. Smith")


def test_a_particle_joined_by_a_hyphen_is_part_of_the_name():
    article = ("A crane fell in the city.\n\nCivil Defense director General Tariq al-Hamdan, speaking to state "
               "television, said \"All the wounded have been taken to hospital.\"")
    assert "Tariq al-Hamdan" in _names(article)
    assert speaker_of(units(article), "wounded have been") == "Tariq al-Hamdan"


def test_a_quotation_reported_by_a_name_nobody_can_tell_is_no_one_elses():
    # Two Wilkinses (the article misspells her first name once): "Wilkins said" names neither surely, and the
    # quotation after it is hers, never the painter's the sentence speaks of.
    article = ("Curator Kristin Wilkins opened the show of Andy Warhol's photographs.\n\nKristen Wilkins led the tour."
               "\n\nWilkins also said Warhol was both an artist and a businessperson. \"He made a blue Marilyn and "
               "a pink one to sell them.\"")
    assert speaker_of(units(article), "blue Marilyn") != "Andy Warhol"


def test_a_quotation_after_its_speakers_paraphrase_is_theirs():
    article = ("Shoppers queued all night.\n\nOrla Brennan, 41, had come for a television but said the crowd at "
               "Argos frightened her. “It’s madness at this hour.”\n\nUnworried, Tobias Wren says "
               "that he is used to the noise by now. “Let them complain.”")
    got = units(article)
    assert speaker_of(got, "madness at this hour") == "Orla Brennan"
    assert speaker_of(got, "Let them complain") == "Tobias Wren"


def test_a_paraphrase_naming_someone_else_before_its_verb_names_no_one():
    article = ("Shoppers queued all night.\n\nOrla Brennan met Tobias Wren at the door and Wren said the crowd was "
               "large. “It’s madness at this hour.”")
    assert speaker_of(units(article), "madness at this hour") != "Orla Brennan"


def test_a_companys_sentence_opening_with_its_name_in_capitals_is_no_speaker_label():
    from quoth.segment.threads.labels.shapes import CAPS_DOT

    assert CAPS_DOT.pattern.match("KIK (Virginia) operated a facility in Salem that made bleach.") is None
    assert CAPS_DOT.pattern.match("HAMLET [Aside] A little more than kin, and less than kind.") is not None
    assert CAPS_DOT.pattern.match("HAMLET (aside). A little more than kin.") is not None
    assert CAPS_DOT.pattern.match("HAMLET — A little more than kin.") is not None
