from quoth.cite import cite
from quoth.records import SourceInfo


def test_a_citation_names_the_speaker_and_the_source_and_links_when_it_can():
    src = SourceInfo("a.html", "Ferry [fares] frozen", site="The Coast Courier", date="2024-02-19",
                     url="https://courier.example/ferry")
    c = cite("  “This is a relief\nfor every family,”  ", "Morag Bain (quoted)", src)
    assert c.plain == ("“This is a relief for every family,” — Morag Bain (quoted), *Ferry [fares] frozen*, "
                       "The Coast Courier, 2024-02-19, https://courier.example/ferry")
    assert c.markdown.startswith("[“This is a relief") and c.markdown.endswith(
        "](https://courier.example/ferry#:~:text=This%20is%20a%20relief%20for%20every%20family%2C)")
    assert "[fares]" not in c.markdown  # brackets inside a link's text would break it
    bare = cite("Hello there", None, SourceInfo("notes.txt", ""), at="00:01:02")
    assert bare.plain == bare.markdown == "“Hello there” — Unknown speaker, *notes.txt*, 00:01:02"


def test_a_web_quote_links_to_itself_with_a_text_fragment():
    from quoth.cite import quote_link

    url = "https://example.org/news/harbour"
    assert quote_link(url, "The pier, rebuilt – at last!") == \
        f"{url}#:~:text=The%20pier%2C%20rebuilt%20%E2%80%93%20at%20last%21"
    long = "Fishing boats returned at dawn and the fish market re-opened on the quay for the first time"
    assert quote_link(url, long) == f"{url}#:~:text=Fishing%20boats%20returned%20at,for%20the%20first%20time"
    assert quote_link(url, "a well-known fact") == f"{url}#:~:text=a%20well%2Dknown%20fact"  # "-" is a delimiter
    assert quote_link(f"{url}#comments", "Thanks") == f"{url}#comments:~:text=Thanks"
    assert quote_link("file:///docs/a.html", "Thanks") == "file:///docs/a.html"
    c = cite("Thanks to the harbour board", "Ann Lee", SourceInfo(path="h.html", title="Harbour", url=url))
    assert c.markdown.endswith(f"({url}#:~:text=Thanks%20to%20the%20harbour%20board)")
