"""A person the story never names and keeps calling "the stranger" through many scenes (issue 21 §3): the tags'
"said the stranger" is that one person all along, and a "he said" after the stranger's doings may be theirs.
A short story written for the test."""

from tests.helpers import read_story, speaker_at

FILLER = ("The snow fell on the roofs of the village and the lamps were lit one by one along the lane, while the "
          "carts went home from the market and the dogs barked at the wheels. ")


def _story(scenes: int) -> list[str]:
    paragraphs = ["The stranger came to the inn one wintry evening, wrapped up from head to foot."]
    for k in range(scenes):
        paragraphs += [
            FILLER * 10,
            f"Mr. Pocket, the innkeeper, brought the tray up for the {k + 1}th time. The stranger sat by the fire.",
            "“Your supper, sir,” said Mr. Pocket.",
            f"“Put it down there, scene {k}, and leave me,” said the stranger.",
            "“As you like, sir,” said Mr. Pocket.",
            "“And shut the door,” said the stranger.",
            "Mr. Pocket went out and shut the door.",
        ]
    return paragraphs


def test_the_stranger_kept_on_stage_through_the_story_is_one_person_the_tags_name():
    text, _, units = read_story(_story(4))
    assert len(text) > 7000  # longer than one scene
    for k in range(4):
        assert speaker_at(text, units, f"scene {k}") == "the stranger"
