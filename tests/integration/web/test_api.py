"""Every /api/v1 endpoint over the indexed sample corpus: the CLI's JSON shapes (checked against the response
models the OpenAPI document publishes), the same answers the library gives, verbatim slices, the reply language."""

from __future__ import annotations

from pydantic import TypeAdapter

from quoth.bot.web import schemas

STRIKE = "What did Corbyn say about the right to strike?"


def valid(model: type, resp) -> dict:
    """The response's JSON, after checking it is a 200 and fits ``model`` exactly (extra fields refused)."""
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    TypeAdapter(model).validate_python(body)
    return body


def document(api_client, path: str) -> dict:
    return valid(schemas.DocumentText, api_client.get("/api/v1/document", params={"doc": path}))


def test_ask_gives_the_library_answer_as_verbatim_slices_with_best_sentences(api_client, web_quoth):
    body = valid(schemas.Answer, api_client.get("/api/v1/ask", params={"q": STRIKE, "k": 3}))
    expected = web_quoth.ask(STRIKE, k=3).to_json()
    assert body == {**expected, "message": None}
    assert len(body["results"]) == 3
    texts = {}
    for hit in body["results"]:
        text = texts.setdefault(hit["source"]["path"], document(api_client, hit["source"]["path"])["text"])
        assert text[hit["start"]:hit["end"]] == hit["text"]  # word for word, as the document has it
        a, b = hit["best_sentence"]
        assert 0 <= a < b <= len(hit["text"])
    assert "strike" in body["results"][0]["text"].lower() or "strike" in body["results"][1]["text"].lower()


def test_search_has_no_best_sentence_and_offset_pages_on(api_client, web_quoth):
    first = valid(schemas.Answer, api_client.get("/api/v1/search", params={"q": STRIKE, "k": 2}))
    assert first["results"] and all(h["best_sentence"] is None for h in first["results"])
    assert first["results"] == web_quoth.search(STRIKE, k=2).to_json()["results"]
    nxt = valid(schemas.Answer, api_client.get("/api/v1/search", params={"q": STRIKE, "k": 2, "offset": 2}))
    assert nxt["results"] == web_quoth.search(STRIKE, k=2, offset=2).to_json()["results"]
    assert {h["passage_id"] for h in nxt["results"]}.isdisjoint(h["passage_id"] for h in first["results"])


def test_ask_filters_by_source_and_speaker(api_client):
    body = valid(schemas.Answer, api_client.get("/api/v1/ask", params={"q": "Labour", "speaker": "Nick Clark",
                                                                      "k": 5}))
    assert body["results"] and {h["speaker"] for h in body["results"]} == {"Nick Clark"}
    path = "002_7de36ff0ed371e19.txt"
    body = valid(schemas.Answer, api_client.get("/api/v1/ask", params={"q": "no confidence", "source": path}))
    assert body["results"] and {h["source"]["path"] for h in body["results"]} == {path}


def test_nothing_found_says_so_in_the_reply_language(api_client):
    words = {"q": "harbour"}  # nothing in the sample corpus is about one
    en = valid(schemas.Answer, api_client.get("/api/v1/ask", params=words))
    assert en["results"] == [] and en["message"] == "Nothing relevant found."
    fr = valid(schemas.Answer, api_client.get("/api/v1/ask", params={**words, "lang": "fr"}))
    assert fr["message"] == "Rien de pertinent trouvé."
    header = valid(schemas.Answer, api_client.get("/api/v1/ask", params=words,
                                                  headers={"Accept-Language": "fr-FR,fr;q=0.9"}))
    assert header["message"] == "Rien de pertinent trouvé."
    # lang= wins over the header; a language with no catalog is English.
    assert api_client.get("/api/v1/ask", params={**words, "lang": "en"},
                          headers={"Accept-Language": "fr"}).json()["message"] == "Nothing relevant found."
    assert api_client.get("/api/v1/ask", params={**words, "lang": "xx"}).json()["message"] == \
        "Nothing relevant found."


def test_quotes_are_never_translated(api_client):
    en = api_client.get("/api/v1/ask", params={"q": STRIKE, "k": 2}).json()
    fr = api_client.get("/api/v1/ask", params={"q": STRIKE, "k": 2, "lang": "fr"}).json()
    assert en["results"] and fr["results"] == en["results"]


def test_verify_text_and_claims_and_the_get_permalink(api_client, web_quoth):
    hit = web_quoth.ask(STRIKE, k=1).hits[0]
    words = " ".join(hit.text.split()[:14])
    altered = words.replace("government", "council", 1) if "government" in words else words + " never"
    message = f'He said "{words}" and also "{altered}".'
    posted = valid(schemas.Verdicts, api_client.post("/api/v1/verify", json={"text": message}))
    assert posted == {"verdicts": [v.to_json() for v in web_quoth.verify(message)]}
    assert posted["verdicts"][0]["verdict"] == "exact"
    assert posted["verdicts"][0]["source"]["path"] == hit.source.path
    got = valid(schemas.Verdicts, api_client.get("/api/v1/verify", params={"text": message}))
    assert got == posted
    # The claims form checks each as it is: the whole message is one claim, not its quoted stretches.
    batch = valid(schemas.Verdicts, api_client.post("/api/v1/verify", json={"claims": [words, altered],
                                                                            "speaker": "Jeremy Corbyn"}))
    assert [v["claim"] for v in batch["verdicts"]] == [words, altered]
    assert batch["verdicts"][0]["verdict"] == "exact" and batch["verdicts"][1]["verdict"] != "exact"
    assert all(v["claimed_speaker"] == "Jeremy Corbyn" for v in batch["verdicts"])


def test_sources_and_speakers_as_the_cli_lists_them(api_client, web_quoth):
    body = valid(schemas.Sources, api_client.get("/api/v1/sources"))
    assert body["sources"] == [{**d.source.to_json(), "passages": d.passages} for d in web_quoth.sources()]
    people = valid(schemas.Speakers, api_client.get("/api/v1/speakers"))
    assert people["speakers"] == [p.to_json() for p in web_quoth.people()]
    assert people["speakers"][0]["speaker"] == "Jeremy Corbyn"
    one = valid(schemas.Speakers, api_client.get("/api/v1/speakers", params={"name": "corbyn"}))
    assert [p["speaker"] for p in one["speakers"]] == ["Jeremy Corbyn"]


def test_document_is_the_indexed_text_with_every_passage_in_order(api_client, web_quoth):
    for src in web_quoth.sources():
        body = document(api_client, src.source.path)
        assert body["source"] == src.source.to_json()
        assert body["text"] == web_quoth.current().document_text(src.source.path)
        assert len(body["passages"]) == src.passages
        starts = [p["start"] for p in body["passages"]]
        assert starts == sorted(starts)
        for p in body["passages"]:
            assert body["text"][p["start"]:p["end"]] == p["text"]


def test_context_gives_the_passage_with_its_neighbours(api_client, web_quoth):
    path = "002_7de36ff0ed371e19.txt"
    passages = document(api_client, path)["passages"]
    mid = passages[len(passages) // 2]
    params = {"doc": path, "start": mid["start"], "end": mid["end"]}
    body = valid(schemas.Context, api_client.get("/api/v1/context", params=params))
    assert body["passage_id"] == mid["passage_id"]
    i = len(passages) // 2
    assert [p["passage_id"] for p in body["passages"]] == [p["passage_id"] for p in passages[i - 1:i + 2]]
    wide = valid(schemas.Context, api_client.get("/api/v1/context", params={**params, "before": 3, "after": 0}))
    assert [p["passage_id"] for p in wide["passages"]] == [p["passage_id"] for p in passages[i - 3:i + 1]]
    # A span no passage covers any more (past the document's end): passage_id null, nothing shown.
    gone = valid(schemas.Context, api_client.get("/api/v1/context", params={"doc": path, "start": 10**9,
                                                                           "end": 10**9 + 5}))
    assert gone == {"passage_id": None, "passages": []}


def test_random_quote_within_filters(api_client):
    for _ in range(3):
        body = valid(schemas.RandomQuote, api_client.get("/api/v1/random", params={"speaker": "Jeremy Corbyn"}))
        assert body["result"]["speaker"] == "Jeremy Corbyn" and len(body["result"]["text"].split()) >= 12
    path = "003_66f4dedda88d5249.txt"
    body = valid(schemas.RandomQuote, api_client.get("/api/v1/random", params={"source": path}))
    assert body["result"]["source"]["path"] == path


def test_random_with_nothing_to_pick_is_404(api_client, web_quoth):
    longest: dict[str, int] = {}  # each speaker's longest passage, in words
    for src in web_quoth.sources():
        for p in document(api_client, src.source.path)["passages"]:
            if p["speaker"]:
                longest[p["speaker"]] = max(longest.get(p["speaker"], 0), len(p["text"].split()))
    terse = sorted(name for name, words in longest.items() if words < 12)
    assert terse, "the sample corpus has a speaker who never says twelve words at once"
    got = api_client.get("/api/v1/random", params={"speaker": terse[0]})
    assert got.status_code == 404 and got.json()["error"]["message"] == "no passage matches"


def test_health_names_the_serving_generation(api_client, web_quoth):
    body = valid(schemas.Health, api_client.get("/api/v1/health"))
    docs = web_quoth.sources()
    assert body == {"status": "ok", "documents": len(docs), "passages": sum(d.passages for d in docs),
                    "generation": web_quoth.current().generation}


def test_json_is_utf8_without_ascii_escapes(api_client):
    got = api_client.get("/api/v1/ask", params={"q": "unions strike desperation", "k": 3})
    assert got.status_code == 200
    assert "’" in got.content.decode("utf-8") and "\\u2019" not in got.content.decode("utf-8")
