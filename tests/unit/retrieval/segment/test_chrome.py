from quoth.segment.chrome import Chrome, Shape, shape
from quoth.segment.page import Page

SITE = "Skip to content\nThe Gull Gazette\nNews from the north shore\n\n{body}\n\nRecent Posts\nArchives\n" \
       "© 2024 The Gull Gazette\n"


def page(body: str) -> Page:
    return Page.of(SITE.format(body=body))


def kept(p: Page) -> list[str]:
    return [ln.text for ln in p.content()]


def test_lines_are_learnt_by_how_many_documents_have_them():
    texts = [SITE.format(body=f"Story number {i} is about boats and weather.") for i in range(10)]
    texts += ["A page from elsewhere.\nSkip to content"] * 3
    chrome = Chrome.learn(texts, min_docs=3, min_share=0.2)
    assert {"skip to content", "news from the north shore", "© 2024 the gull gazette"} <= chrome.lines
    assert {"the gull gazette", "recent posts", "archives"} <= chrome.names
    assert not any("story number" in x for x in chrome.lines | chrome.names)
    assert Chrome.learn(texts, min_docs=3, min_share=0.9).lines == {"skip to content"}  # the rest: 10 of 13
    assert Chrome.learn(texts[:2], min_docs=3, min_share=0.0).lines == frozenset()
    assert Chrome.learn(texts, min_docs=0, min_share=0.0).lines == frozenset()


def test_turn_and_chat_headers_are_never_learnt_and_names_are_learnt_apart():
    assert shape("MARA QUILL: Welcome back to the show.") is None
    assert shape("[2024-01-02 10:00] tess") is None
    assert shape("Dora Finch") is Shape.NAMEISH and shape("@dorafinch") is Shape.NAMEISH
    assert shape("Search for:") is Shape.NAMEISH
    assert shape("Proudly powered by WordPress") is Shape.PLAIN
    assert shape("word " * 13) is None


def test_name_shaped_lines_go_only_with_the_chrome_around_them():
    chrome = Chrome.learn([SITE.format(body="x")] * 3 + [
        "Dora Finch\n12 May 2024 at 9:00 am\nLovely piece.\n\nSkip to content"] * 3, 3, 0.0)
    assert "dora finch" in chrome.names
    p = page("A storm took the pier lights.\n\nDora Finch\n3 June 2024 at 8:00 am\nThey were lovely lights.")
    assert chrome.clear(p) == 6
    assert kept(p) == ["A storm took the pier lights.", "Dora Finch", "3 June 2024 at 8:00 am",
                       "They were lovely lights."]


def test_a_recurring_sentence_does_not_take_the_speaker_above_it():
    intro = "MARA QUILL\nWelcome back to Harbour Talk.\nToday: {topic}.\n\nGUEST\nIt went well.\n"
    texts = [intro.format(topic=t) for t in ("salt", "nets", "gulls")]
    chrome = Chrome.learn(texts, 3, 0.0)
    assert "welcome back to harbour talk." in chrome.lines and "mara quill" in chrome.names
    p = Page.of(texts[0])
    chrome.clear(p)
    assert kept(p)[:2] == ["MARA QUILL", "Today: salt."]


def test_what_a_document_holds_of_the_chrome_is_part_of_its_key():
    chrome = Chrome.learn([SITE.format(body="x")] * 3, 3, 0.0)
    assert chrome.present_in("Skip to content\nA page") == ["skip to content"]
    assert chrome.present_in("Nothing learnt here") == []
