"""A speaker the narration after their quotation goes on about ("'…!' muttered Captain Bell; then a slow smile
spread across his face.") is still in view when the next paragraph opens with "he cried": "he" may be him as well
as the other man, so the pronoun is doubted, not given to the other man as the one recent person who fits.
Short passages written for the case (none is taken from the annotated works)."""

from tests.helpers import story_speakers

STORY = [
    "The elder man came up to me, and the younger followed him.",
    "“This,” said he, “is Captain Bell, and I am Jack Reed.”",
    "I bowed and answered:",
    "“I am Bertram Ashby, of London.”",
    "“Then we are friends,” answered Reed, holding out his hand, which I took.",
    "“Ashby, Ashby!” muttered Captain Bell; then a slow smile spread across his face.",
    "“By Jove!” he cried, “you are the cousin.”",
]


def test_a_speaker_the_narration_goes_on_about_stays_a_rival_for_he():
    got = story_speakers(STORY, bar=0.6)
    assert got[3] == "Bertram Ashby"  # "'I am Bertram Ashby,' I answered": the narrator says who they are
    assert got[4] == "Jack Reed" and got[5] == "Captain Bell"
    assert got[6] != "Jack Reed"


def test_a_bare_tag_keeps_no_one_in_view():
    # "muttered Captain Bell." with no narration after it: "he cried" is the other man, the one recent who fits.
    plain = [*STORY[:5], "“Ashby, Ashby!” muttered Captain Bell.", STORY[6]]
    assert story_speakers(plain, bar=0.6)[6] == "Jack Reed"
