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


def _thread(posts: str) -> str:
    return f"<html><head><title>Boats</title></head><body><div class='topic'>{posts}</div></body></html>"


def test_a_discourse_thread_is_rendered_post_by_post_each_quote_under_the_person_quoted():
    page = _thread(
        "<div class='topic-post'><span class='username'>ann</span><div class='cooked'><p>The ramp is icy.</p>"
        "</div></div><div class='topic-post'><span class='username'>bob</span><div class='cooked'>"
        "<aside class='quote' data-username='ann'><div class='title'>ann:</div><blockquote><p>The ramp is icy.</p>"
        "</blockquote></aside><p>Use the north one.</p></div></div>")
    [doc] = HtmlReader(CorpusSettings()).read(page.encode(), "t.html", LoadReport())
    assert doc.text == ("Boats\n\nPost by ann » #1\nThe ramp is icy.\n\nPost by bob » #2\n[quote=\"ann\"]\n"
                        "The ramp is icy.\n[/quote]\nUse the north one.")
    assert doc.hints.kind.value == "forum"


def test_a_vbulletin_quote_names_its_poster_and_a_bare_blockquote_names_nobody():
    page = _thread(
        "<li class='postcontainer'><a class='username'>Cy</a><blockquote class='postcontent'>Tides are high.<br>"
        "</blockquote></li><li class='postcontainer'><a class='username'>Dee</a><blockquote class='postcontent'>"
        "<div class='bbcode_container'><div class='bbcode_quote'><div class='bbcode_postedby'>Originally Posted by "
        "<strong>Cy</strong></div><div class='message'>Tides are high.</div></div></div>"
        "<blockquote>Time and tide wait for no man.</blockquote>So wait.</blockquote></li>")
    [doc] = HtmlReader(CorpusSettings()).read(page.encode(), "t.html", LoadReport())
    assert doc.text.endswith("Post by Dee » #2\n[quote=\"Cy\"]\nTides are high.\n[/quote]\n[quote]\n"
                             "Time and tide wait for no man.\n[/quote]\nSo wait.")


def test_a_page_without_post_markup_is_no_forum():
    [doc] = HtmlReader(CorpusSettings()).read(PAGE.encode(), "quay.html", LoadReport())
    assert "Post by" not in doc.text and doc.hints is None


def test_discourses_page_without_scripts_is_read_post_by_post():
    post = ("<div itemprop='comment' class='topic-body crawler-post'><span class='creator' itemprop='author'><a>"
            "<span itemprop='name'>{}</span></a></span><div class='post' itemprop='text'>{}</div></div>")
    page = _thread(post.format("ann", "<p>The ramp is icy today.</p>") + post.format(
        "bob", "<aside class='quote no-group' data-username='ann' data-post='1'><div class='title'>ann:</div>"
               "<blockquote><p>The ramp is icy today.</p></blockquote></aside><p>Salt it, then.</p>"))
    [doc] = HtmlReader(CorpusSettings()).read(page.encode(), "t.html", LoadReport())
    assert doc.text.endswith("Post by bob » #2\n[quote=\"ann\"]\nThe ramp is icy today.\n[/quote]\nSalt it, then.")
