from quoth.index.speakers import SpeakerAliases

ALIASES = SpeakerAliases(["Jeremy Corbyn", "Ann Lee", "Ann Smith", "tidewatcher", "Bob Green"])


def test_full_names_however_written_handles_surnames_and_unique_first_names():
    assert ALIASES.resolve("@jeremycorbyn") == {"Jeremy Corbyn"}
    assert ALIASES.resolve("jeremy corbyn") == {"Jeremy Corbyn"}
    assert ALIASES.resolve("Corbyn") == {"Jeremy Corbyn"}
    assert ALIASES.resolve("Jeremy") == {"Jeremy Corbyn"}
    assert ALIASES.resolve("@TideWatcher") == {"tidewatcher"}


def test_two_people_who_share_a_first_name_are_never_merged():
    assert ALIASES.resolve("Ann") == set()
    assert ALIASES.resolve("Lee") == {"Ann Lee"}
    assert ALIASES.resolve("Nobody") == set()
