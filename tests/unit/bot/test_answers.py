"""Discord answers within every Discord limit, without a gateway."""

from quoth.bot.discord.answers import CONTENT_MAX, EMBED_TOTAL_MAX, ROLE_COLOURS, answer, context_text, escape, window
from quoth.records import Hit, Passage, Role, SourceInfo


def hit(text, role=Role.QUOTE, speaker="Ann", best=None, path="a.txt"):
    return Hit(Passage(path, 0, len(text), text, speaker, role, text, id=1), SourceInfo(path, "A title"), 1.0, best)


def test_escaping_neutralises_markdown_links_and_mass_mentions():
    out = escape("@everyone see [this](https://x.example) **now** <@123>")
    assert "@everyone" not in out and "\\[this\\]" in out and "\\*\\*now\\*\\*" in out


def test_window_keeps_the_best_sentence_and_marks_cuts():
    text = "Intro sentence here. " * 20 + "The key sentence. " + "Outro words here. " * 20
    a = text.index("The key")
    piece, best, cut = window(text, (a, a + 17), 120)
    assert cut and len(piece) <= 120 and piece.startswith("…") and piece.endswith("…")
    assert piece[best[0]:best[1]] == "The key sentence."


def test_answer_fits_discord_and_labels_the_speaker():
    long = "A suspension bridge carries its deck on cables. " * 200
    hits = [hit(long, best=(0, 48)) for _ in range(10)]
    ans = answer("bridges?" * 100, hits)
    assert len(ans.content) <= CONTENT_MAX and len(ans.embeds) == 10
    assert sum(len(e) for e in ans.embeds) <= EMBED_TOTAL_MAX
    assert ans.embeds[0].author.name == "1. Ann (quoted)" and "shortened" in ans.embeds[0].footer.text
    assert ans.embeds[0].colour.value == ROLE_COLOURS[Role.QUOTE]


def test_nothing_found_and_context():
    assert answer("q", []).embeds[0].title == "Nothing relevant found."
    rows = [(hit("Before.").passage, None), (hit("The quote.", Role.COMMENT, "Bo").passage, None)]
    text = context_text(rows, focus_id=None)
    assert "**Ann (quoted)**" in text and "**Bo (comment)**" in text


def test_a_quote_from_a_recording_cites_its_moment():
    text = "We rowed home in the dark."
    h = Hit(Passage("talk.vtt", 0, len(text), text, "Bob", Role.TURN, text, id=1, locator="01:10:07"),
            SourceInfo("talk.vtt", "Harbour talk"), 1.0)
    assert answer("rowing?", [h]).embeds[0].footer.text.endswith("01:10:07")
    assert "01:10:07" not in (answer("rowing?", [hit(text)]).embeds[0].footer.text or "")
