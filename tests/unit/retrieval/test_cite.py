from quoth.cite import cite
from quoth.records import SourceInfo


def test_a_citation_names_the_speaker_and_the_source_and_links_when_it_can():
    src = SourceInfo("a.html", "Ferry [fares] frozen", site="The Coast Courier", date="2024-02-19",
                     url="https://courier.example/ferry")
    c = cite("  “This is a relief\nfor every family,”  ", "Morag Bain (quoted)", src)
    assert c.plain == ("“This is a relief for every family,” — Morag Bain (quoted), *Ferry [fares] frozen*, "
                       "The Coast Courier, 2024-02-19, https://courier.example/ferry")
    assert c.markdown.startswith("[“This is a relief") and c.markdown.endswith("](https://courier.example/ferry)")
    assert "[fares]" not in c.markdown  # brackets inside a link's text would break it
    bare = cite("Hello there", None, SourceInfo("notes.txt", ""), at="00:01:02")
    assert bare.plain == bare.markdown == "“Hello there” — Unknown speaker, *notes.txt*, 00:01:02"
