from quoth.ingest import LoadReport
from quoth.ingest.html import HtmlReader
from quoth.settings import CorpusSettings

PAGE = """<html><head><title>Quay report</title><meta name="author" content="Rosa Tern"></head><body>
<nav>Home | News | Contact</nav><article><h1>Quay report</h1>
<p>The old quay was resurfaced over the summer, and the ferry now docks on the eastern side of the harbour.</p>
<p>Traders said the new market stalls along the water had brought far more visitors than last year.</p>
</article><footer>Copyright 2024 Quay News</footer></body></html>"""


def test_main_text_and_metadata_extracted_navigation_dropped():
    report = LoadReport()
    [doc] = HtmlReader(CorpusSettings()).read(PAGE.encode(), "quay.html", report)
    assert "ferry now docks" in doc.text and "market stalls" in doc.text
    assert "Home | News" not in doc.text and "Copyright" not in doc.text
    assert doc.found["title"] == "Quay report" and doc.found["author"] == "Rosa Tern"


def test_binary_html_is_skipped():
    report = LoadReport()
    assert list(HtmlReader(CorpusSettings()).read(b"\x00\x00<html>", "x.html", report)) == []
    assert "binary" in report.warnings[0]


def test_the_author_is_read_from_every_way_pages_mark_it():
    body = "<p>The council met on Tuesday to discuss the harbour plan, and many people came to the hall.</p>"
    marked = {
        "Maria Okafor": f'<article><h1>Harbour plan</h1><p class="byline">By Maria Okafor</p>{body}</article>',
        "Tom Reyes": f'<article><h1>Harbour plan</h1><p>Written by <a rel="author" href="/a/t">Tom Reyes</a></p>'
                     f"{body}</article>",
        "Ada Byrne": '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
                     ' "author": {"@type": "Person", "name": "Ada Byrne"}, "headline": "Harbour plan"}</script>'
                     f"<article>{body}</article>",
        "Kim Lowe": f'<article><h1>Harbour plan</h1>{body}<div itemprop="author" itemscope '
                    f'itemtype="https://schema.org/Person"><span itemprop="name">Kim Lowe</span></div></article>',
    }
    for author, html in marked.items():
        page = f"<html><head><title>Harbour plan</title></head><body>{html}</body></html>"
        [got] = HtmlReader(CorpusSettings()).read(page.encode(), "plan.html", LoadReport())
        assert got.found["author"] == author
        assert "The council met on Tuesday" in got.text


def test_xhtml_that_opens_with_an_xml_declaration_is_read_as_a_tree():
    # lxml refuses a decoded page that declares its encoding: without the tree, the comment markup was lost
    # (the comment read twice, as the page's own words) and the page's own blocks could not be read.
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Harbour'
            "</title></head><body><article><h1>Harbour</h1><p>The harbour wall was rebuilt with granite from the "
            'local quarry after the winter storms.</p></article><ol class="comment-list"><li class="comment">'
            '<div class="comment-author"><cite class="fn">Ann Lee</cite> says:</div><div class="comment-content">'
            "<p>Lovely work on the wall, the town looks much better for it now.</p></div></li></ol></body></html>")
    [doc] = HtmlReader(CorpusSettings()).read(page.encode(), "harbour.html", LoadReport())
    assert "Ann Lee says:" in doc.text and doc.text.count("Lovely work") == 1
    assert "harbour wall was rebuilt" in doc.text


def test_a_parlparse_debate_credits_each_speech_to_its_speaker(tmp_path):
    from quoth.ingest import load_folder
    from quoth.segment import segment

    speeches = "".join(f'<speech id="s{i}" speakername="{name}"><p>{words}</p></speech>' for i, (name, words) in
                       enumerate([("Alistair Carmichael", "The death penalty has no place in a modern state."),
                                  ("Chris Bryant", "The Government agree with the hon. Gentleman entirely."),
                                  ("Alistair Carmichael", "I am grateful to the Minister for saying so today.")]))
    (tmp_path / "debate.html").write_text(f'<?xml version="1.0"?>\n<publicwhip>{speeches}</publicwhip>')
    [doc] = load_folder(tmp_path)
    seg = segment(doc)
    assert [(p.speaker, p.text) for p in seg.passages] == [
        ("Alistair Carmichael", "The death penalty has no place in a modern state."),
        ("Chris Bryant", "The Government agree with the hon. Gentleman entirely."),
        ("Alistair Carmichael", "I am grateful to the Minister for saying so today.")]
