"""A story told about one character: a "he said" with nobody about whom it fits is that character's, once they have
come on stage, and never before. Short passages written for the case (none from the annotated works)."""

from tests.helpers import story_speakers

WEATHER = ["The rain came down all night on the roofs of the camp.",
           "In the morning the river was high and brown, and the fields were under water.",
           "The wind tore at the tents, and the smoke of the fires lay flat along the ground.",
           "Nobody knew when the march would begin, and the days went by."]
TOM = ["Tom Hale lay awake in his tent.", "Tom Hale thought of his home.", "Tom Hale counted the days on his fingers.",
       "Tom Hale watched the fire die.", "Tom Hale rose, and he went out.", "Tom Hale lit his pipe.",
       "Tom Hale looked at the sky.", "Tom Hale sighed, and he turned away.", "Tom Hale sat down again."]
TALK = ["“Ned,” said Tom Hale. “Wake up.”", "“Go away,” said Ned Price.", "“The river is up,” said Tom Hale.",
        "“Let it rise,” said Ned Price."]


def test_he_with_nobody_about_is_the_one_the_story_is_told_about():
    story = [*TOM, *TALK, *WEATHER,
             "“Cold enough,” he said aloud, to nobody."]
    assert story_speakers(story)[-1] == "Tom Hale"


def test_not_before_they_have_come_on_stage():
    story = [*WEATHER, "“Cold enough,” he said aloud, to nobody.", *TOM, *TALK]
    assert story_speakers(story)[len(WEATHER)] is None


def test_not_where_the_story_names_two_people_as_often():
    story = [*TOM, *(t.replace("Tom Hale", "Ned Price").replace("watched Ned Price", "watched Tom Hale")
                     for t in TOM), *TALK, *WEATHER,
             "“Cold enough,” he said aloud, to nobody."]
    assert story_speakers(story)[-1] is None
