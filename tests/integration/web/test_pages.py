"""The server-rendered page over the sample corpus: ask, quote, check, read in place, sources and speakers, with
the exact ids and classes the browser tests select — checked against the library's own answers."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from .pages_html import all_of, cards, one, parse, read_text, text

QUESTION = "what did Corbyn say about austerity"
ALTERED = "“People are fed up with cruel Tory austerity”"


@pytest.fixture(scope="module")
def client(api_client):
    """These tests send more requests from one address than the rate limit lets through (it has tests of its
    own): the pages are served by the same app without a reachable limit."""
    return api_client


@pytest.fixture(scope="module")
def answer(client):
    return parse(client.get("/", params={"q": QUESTION, "k": 3}))


def test_ask_shows_the_library_s_hits_verbatim_with_the_best_sentence_marked(client, web_quoth, answer):
    hits = list(web_quoth.ask(QUESTION, k=3))
    shown = cards(answer)
    assert len(shown) == len(hits) == 3
    for n, (hit, card) in enumerate(zip(hits, shown, strict=True), 1):
        assert card["text"] == hit.text  # the passage, every character, nothing added
        li = answer.get_element_by_id(f"quote-{n}")
        if hit.best_sentence:
            a, b = hit.best_sentence
            assert text(one(li, "mark", "best")) == hit.text[a:b]
        assert card["speaker"] == (hit.passage.label if hit.speaker else "unattributed")
        assert card["role"] == str(hit.passage.role)
        assert card["source"] == hit.source.title
        assert card["context"].endswith("#quoted")
        assert hit.text.split()[0] in card["cite"] and hit.source.title in card["cite"]
        q = parse_qs(urlsplit(card["permalink"]).query)
        assert (q["doc"], q["start"], q["end"]) == ([hit.source.path], [str(hit.passage.start)],
                                                    [str(hit.passage.end)])
        assert q.get("best") == (["{}-{}".format(*hit.best_sentence)] if hit.best_sentence else None)


def test_the_ask_form_keeps_the_question_and_the_cite_box_works_without_js(answer):
    form = answer.get_element_by_id("ask-form")
    assert form.get("role") == "search" and form.get("method") == "get"
    assert answer.get_element_by_id("q").get("value") == QUESTION
    for box in all_of(answer, "details", "cite"):
        assert text(box.find("summary")) == "Cite"
        assert box.xpath(".//textarea[@readonly]")
        assert one(box, "button", "action-copy").get("hidden") is not None  # JS un-hides it


def test_permalinks_reproduce_the_quote_they_show(client, answer):
    for card in cards(answer):
        again = cards(parse(client.get(card["permalink"])))
        assert len(again) == 1
        assert again[0] == card  # the words, the marked sentence, who, where, the links and the citation


def test_the_ask_url_is_its_own_permalink_and_more_pages_on(client, answer):
    assert cards(parse(client.get("/", params={"q": QUESTION, "k": 3}))) == cards(answer)
    more = one(answer, "a", "action-more").get("href")
    assert parse_qs(urlsplit(more).query) == {"q": [QUESTION], "k": ["3"], "offset": ["3"]}
    page2 = parse(client.get(more))
    assert page2.xpath("//ol[@class='quotes']/@start") == ["4"]
    assert not {c["permalink"] for c in cards(page2)} & {c["permalink"] for c in cards(answer)}


def test_a_bad_question_is_an_alert_with_the_form_kept(client):
    r = client.get("/", params={"q": "   ", "k": 2, "speaker": "Corbyn"})
    assert r.status_code == 400
    tree = parse(r)
    alert = one(tree, "p", "error")
    assert alert.get("role") == "alert" and text(alert).strip()
    assert tree.get_element_by_id("k").get("value") == "2"
    assert tree.get_element_by_id("speaker-filter").get("value") == "Corbyn"
    assert not all_of(tree, "li", "quote-card")


def test_the_form_s_empty_fields_are_no_value(client, answer):
    # A GET form sends every field, filled or not: k= and offset= are "not given", never a 4xx.
    r = client.get("/", params={"q": QUESTION, "k": "", "source": "", "speaker": "", "offset": ""})
    assert r.status_code == 200
    assert len(cards(parse(r))) == 3  # search.k, the default
    r = client.get("/", params={"q": QUESTION, "k": "3", "source": "", "speaker": ""})
    assert cards(parse(r)) == cards(answer)


@pytest.mark.parametrize(("k", "message"), [("abc", "k: must be a whole number between 1 and 20"),
                                            ("21", "k: must be between 1 and 20"),
                                            ("0", "k: must be between 1 and 20")])
def test_a_bad_number_is_an_alert_on_the_page(client, k, message):
    r = client.get("/", params={"q": QUESTION, "k": k})
    assert r.status_code == 400
    tree = parse(r)
    assert text(one(tree, "p", "error")) == message
    assert tree.get_element_by_id("k").get("value") == k and tree.get_element_by_id("q").get("value") == QUESTION


def test_an_unknown_speaker_filter_names_the_close_ones(client):
    r = client.get("/", params={"q": "austerity", "speaker": "Jeremy Corbin"})
    assert r.status_code == 400
    assert "Jeremy Corbyn" in text(one(parse(r), "p", "error"))


def test_nothing_relevant(client, web_quoth):
    q = "xylophone quasar zeppelin marmalade"
    assert not list(web_quoth.ask(q))
    assert text(one(parse(client.get("/", params={"q": q})), "p", "nothing")) == "Nothing relevant found."


def test_nothing_relevant_in_the_reader_s_language_and_the_form_keeps_it(client):
    q = "xylophone quasar zeppelin marmalade"
    tree = parse(client.get("/", params={"q": q, "lang": "fr"}))
    nothing = one(tree, "p", "nothing")
    assert (nothing.get("lang"), text(nothing)) == ("fr", "Rien de pertinent trouvé.")
    assert tree.get("lang") == "en"  # the page's own words are English; the French sentence says it is French
    assert tree.xpath("//form[@id='ask-form']//input[@type='hidden'][@name='lang']/@value") == ["fr"]
    accepted = one(parse(client.get("/", params={"q": q}, headers={"Accept-Language": "fr-FR,fr;q=0.9"})),
                   "p", "nothing")
    assert accepted.get("lang") == "fr"


def test_check_draws_the_altered_words_and_its_permalink_reproduces_it(client):
    tree = parse(client.get("/check", params={"text": ALTERED, "speaker": "Jeremy Corbyn"}))
    verdict = one(tree, "section", "verdict")
    assert "verdict-altered" in verdict.get("class").split()
    assert text(one(verdict, "h2", "verdict-label")) == "Altered"
    diff = one(verdict, "p", "diff")
    assert [d.text for d in diff.iter("del")] == ["cruel"] and [i.text for i in diff.iter("ins")] == ["brutal"]
    assert text(one(verdict, "p", "verdict-who")).startswith("Jeremy Corbyn")
    assert text(one(verdict, "a", "verdict-source")) == "For the Movement, Not the Machine: Message From Jeremy"
    assert tree.get_element_by_id("text").text == ALTERED
    again = parse(client.get(one(verdict, "a", "action-permalink").get("href")))
    assert html_of(one(again, "section", "verdict")) == html_of(verdict)
    context = parse(client.get(one(verdict, "a", "action-context").get("href")))
    assert "brutal Tory austerity" in text(context.get_element_by_id("quoted"))


def html_of(element) -> str:
    from lxml import html

    return html.tostring(element, encoding="unicode")


def test_an_exact_quote_is_real_with_nothing_struck(client):
    tree = parse(client.get("/check", params={"text": "“People are fed up with brutal Tory austerity”"}))
    verdict = one(tree, "section", "verdict")
    assert "verdict-exact" in verdict.get("class").split()
    diff = one(verdict, "p", "diff")
    assert not diff.xpath(".//del") and not diff.xpath(".//ins")
    assert text(diff) == "People are fed up with brutal Tory austerity"  # the quoted stretch, as checked
    assert not all_of(verdict, "p", "diff-key")  # no key to differences that are not there


def test_a_too_short_claim_is_an_alert(client):
    r = client.get("/check", params={"text": "hi"})
    assert r.status_code == 400
    tree = parse(r)
    assert one(tree, "p", "error").get("role") == "alert" and tree.get_element_by_id("text").text == "hi"


def test_read_in_place_shows_every_character_once_and_marks_the_quote(client, web_quoth):
    idx = web_quoth.current()
    for doc in idx.documents():
        path = doc.source.path
        full = idx.document_text(path)
        passages = [p for p, _ in idx.passages_within(path, 0, len(full))]
        quoted = passages[len(passages) // 2]
        tree = parse(client.get("/read", params={"doc": path, "start": quoted.start, "end": quoted.end}))
        article = one(tree, "article", "document")
        assert read_text(article) == full, path
        sections = article.xpath("./section[contains(@class, 'passage')]")
        assert [s.get("id") for s in sections] == [f"p-{p.start}-{p.end}" for p in passages]
        assert [text(s.find("aside")) for s in sections] == [p.label if p.speaker else "" for p in passages]
        mark = tree.get_element_by_id("quoted")
        assert text(mark) == full[quoted.start:quoted.end]
        current = tree.xpath("//section[@aria-current='true']")
        assert [s.get("id") for s in current] == [f"p-{quoted.start}-{quoted.end}"]


@pytest.mark.parametrize("doc", ["../corpus/sources.toml", "/etc/passwd", "%2e%2e/%2e%2e/etc/passwd",
                                 "..\\..\\etc\\passwd", "sources.toml", ""])
def test_read_shows_only_indexed_documents(client, doc):
    r = client.get("/read", params={"doc": doc})
    assert r.status_code == 404
    alert = one(parse(r), "p", "error")
    assert alert.get("role") == "alert" and text(alert).startswith(f"no indexed document is {doc!r}")
    assert "quoth " not in text(alert)  # a reader of the page has no command line: no `quoth sources` hint
    assert "root:" not in r.text and "[[document]]" not in r.text


def test_an_unknown_quote_is_a_404_page(client, web_quoth):
    path = web_quoth.sources()[0].source.path
    r = client.get("/quote", params={"doc": path, "start": 10**7, "end": 10**7 + 5})
    assert r.status_code == 404 and one(parse(r), "p", "error").get("role") == "alert"


def test_sources_lists_every_document_with_its_count(client, web_quoth):
    tree = parse(client.get("/sources"))
    rows = one(tree, "table", "sources").xpath("./tbody/tr")
    docs = web_quoth.sources()
    assert [(text(r.find("th")), int(text(r.xpath("./td")[-1]))) for r in rows] == \
           [(d.source.title, d.passages) for d in docs]
    first = parse(client.get(rows[0].find("th/a").get("href")))
    assert text(first.find(".//h1")) == docs[0].source.title


def test_speakers_lists_people_and_a_speaker_page_lists_their_quotes(client, web_quoth):
    tree = parse(client.get("/speakers"))
    rows = one(tree, "table", "speakers").xpath("./tbody/tr")
    people = web_quoth.people()
    assert [(text(r.find("th")), int(text(r.xpath("./td")[1]))) for r in rows] == [(p.name, p.passages)
                                                                                    for p in people]
    top = people[0]
    page = parse(client.get(rows[0].find("th/a").get("href")))
    shown = cards(page)
    assert len(shown) == min(top.passages, 20)
    assert all(c["speaker"].startswith(top.name) for c in shown)
    if top.passages > 20:
        rest = cards(parse(client.get(one(page, "a", "action-more").get("href"))))
        assert len(rest) == min(top.passages - 20, 20)
        assert not {c["permalink"] for c in rest} & {c["permalink"] for c in shown}


def test_a_hint_names_the_page_never_a_command(client):
    r = client.get("/speakers/Zzyzx Qwerty")
    assert r.status_code == 404
    assert text(one(parse(r), "p", "error")) == "no speaker matches 'Zzyzx Qwerty' (see Speakers)"
    r = client.get("/", params={"q": "austerity", "source": "Zzyzx Qwerty"})
    assert text(one(parse(r), "p", "error")) == "no source matches 'Zzyzx Qwerty' (see Sources)"


def test_an_unknown_speaker_page_is_a_404_with_suggestions(client):
    r = client.get("/speakers/Jeremy Corbin")
    assert r.status_code == 404
    tree = parse(r)
    assert one(tree, "p", "error").get("role") == "alert"
    assert "did you mean 'Jeremy Corbyn'" in text(one(tree, "p", "error"))


def test_a_reply_shows_the_commenter_never_the_author(client, web_quoth):
    idx = web_quoth.current()
    replies = [(p, s) for d in idx.documents()
               for p, s in idx.passages_within(d.source.path, 0, 10**9) if p.reply_to and p.speaker]
    assert replies, "the sample corpus has a reply"
    p, src = replies[0]
    card = cards(parse(client.get("/quote", params={"doc": src.path, "start": p.start, "end": p.end})))[0]
    assert card["speaker"] == f"{p.speaker}, replying to {p.reply_to}" == p.label
    assert card["speaker"] != src.author and f"— {p.label}," in card["cite"]
