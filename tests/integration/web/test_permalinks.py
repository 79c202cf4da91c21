"""A quote's permalink shows the words it showed, or says they changed: never other words at the same place."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from starlette.testclient import TestClient

from quoth.bot.config import WebSettings
from quoth.bot.web import WebService, create_app
from tests.helpers import indexed_corpus
from tests.integration.web.pages_html import all_of, cards, parse

HARBOUR = ("Harbour news\n\nby Rosa Tern\n\nLi Wei, the harbour master, said, “The new berth doubles what we can "
           "take in a storm.”\n\nThe ferry now docks on the eastern side of the old quay.\n")


def first_card(client: TestClient, question: str) -> tuple[str, str]:
    card = cards(parse(client.get("/", params={"q": question})))[0]
    return card["text"], card["permalink"]


def test_a_permalink_to_words_since_changed_in_place_is_410_not_the_new_words(tmp_path, encoder):
    quoth = indexed_corpus(tmp_path, {"harbour.txt": HARBOUR}, encoder)
    service = WebService(quoth, WebSettings(rate_per_minute=1_000_000, rate_burst=1_000_000))
    with TestClient(create_app(service)) as client:
        words, link = first_card(client, "What did the harbour master say about storms?")
        assert "doubles what we can take" in words and parse_qs(urlsplit(link).query)["h"]
        assert client.get(link).status_code == 200
        # Same length, same offsets, other words: what a permalink without its words' mark would show silently.
        edited = HARBOUR.replace("doubles", "triples")
        (quoth.corpus_dir / "harbour.txt").write_text(edited, encoding="utf-8")
        quoth.index()
        res = client.get(link)
        assert res.status_code == 410 and "have changed since this link was made" in res.text
        assert "triples" not in res.text and not all_of(parse(res), "li", "quote-card")
        _, fresh = first_card(client, "What did the harbour master say about storms?")
        assert fresh != link and client.get(fresh).status_code == 200
    service.close()
