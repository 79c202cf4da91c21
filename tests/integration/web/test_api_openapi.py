"""The OpenAPI document the app serves: every API route with its parameters, limits and response schemas, the
schemas matching what the routes really return, no page routes, no interactive docs (CDN scripts), and nothing
of the server's own folders in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoth.bot.web import schemas

ROUTES = {  # path → {method: (success status, response model)}
    "/api/v1/ask": {"get": ("200", "Answer")}, "/api/v1/search": {"get": ("200", "Answer")},
    "/api/v1/verify": {"get": ("200", "Verdicts"), "post": ("200", "Verdicts")},
    "/api/v1/sources": {"get": ("200", "Sources")}, "/api/v1/speakers": {"get": ("200", "Speakers")},
    "/api/v1/context": {"get": ("200", "Context")}, "/api/v1/document": {"get": ("200", "DocumentText")},
    "/api/v1/random": {"get": ("200", "RandomQuote")}, "/api/v1/health": {"get": ("200", "Health")},
    "/api/v1/reindex": {"get": ("200", "JobStatus"), "post": ("202", "JobStatus")},
}
PARAMETERS = {
    ("/api/v1/ask", "get"): {"q", "k", "source", "speaker", "offset", "lang", "accept-language"},
    ("/api/v1/search", "get"): {"q", "k", "source", "speaker", "offset", "lang", "accept-language"},
    ("/api/v1/verify", "get"): {"text", "speaker", "lang", "accept-language"},
    ("/api/v1/verify", "post"): {"lang", "accept-language"},
    ("/api/v1/speakers", "get"): {"name"},
    ("/api/v1/context", "get"): {"doc", "start", "end", "before", "after"},
    ("/api/v1/document", "get"): {"doc"},
    ("/api/v1/random", "get"): {"speaker", "source", "lang", "accept-language"},
}


@pytest.fixture(scope="module")
def openapi(api_client) -> dict:
    got = api_client.get("/api/v1/openapi.json")
    assert got.status_code == 200 and got.headers["content-type"].startswith("application/json")
    return got.json()


def ref(doc: dict, schema: dict) -> dict:
    """A schema with its ``$ref`` followed (one level)."""
    if "$ref" in schema:
        return doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def test_every_api_route_is_listed_with_its_response_schema(openapi):
    api_paths = {p: ops for p, ops in openapi["paths"].items() if p.startswith("/api/v1/")}
    assert set(api_paths) == set(ROUTES)
    assert not [p for p in openapi["paths"] if not p.startswith("/api/v1/")]  # the page is not in it
    for path, methods in ROUTES.items():
        assert set(api_paths[path]) == set(methods), path
        for method, (status, model) in methods.items():
            responses = api_paths[path][method]["responses"]
            schema = responses[status]["content"]["application/json"]["schema"]
            assert schema == {"$ref": f"#/components/schemas/{model}"}, (path, method)
            err = responses["400"]["content"]["application/json"]["schema"]
            assert err == {"$ref": "#/components/schemas/Error"}, (path, method)


def test_parameters_and_limits_are_documented(openapi):
    for (path, method), names in PARAMETERS.items():
        params = {p["name"]: p for p in openapi["paths"][path][method].get("parameters", [])}
        assert set(params) == names, (path, method)
    ask = {p["name"]: p for p in openapi["paths"]["/api/v1/ask"]["get"]["parameters"]}
    k = ask["k"]["schema"]["anyOf"][0]
    assert (k["minimum"], k["maximum"]) == (1, schemas.MAX_K) == (1, 20)
    assert ask["q"]["schema"]["maxLength"] == 1000
    assert (ask["offset"]["schema"]["minimum"], ask["offset"]["schema"]["maximum"]) == (0, 100)
    context = {p["name"]: p for p in openapi["paths"]["/api/v1/context"]["get"]["parameters"]}
    assert context["doc"]["required"] and context["start"]["required"] and context["end"]["required"]
    assert context["before"]["schema"]["maximum"] == context["after"]["schema"]["maximum"] == 10
    body = ref(openapi, openapi["paths"]["/api/v1/verify"]["post"]["requestBody"]["content"]["application/json"]
               ["schema"])
    assert set(body["properties"]) == {"text", "claims", "speaker"}
    assert body["properties"]["claims"]["maxItems"] == 50
    assert body["properties"]["text"]["anyOf"][0]["maxLength"] == 4000


def test_reindex_documents_its_bearer_token(openapi):
    schemes = openapi["components"]["securitySchemes"]
    assert list(schemes.values()) == [{"type": "http", "scheme": "bearer", "description": schemes["HTTPBearer"]
                                       ["description"]}]
    for method in ("get", "post"):
        op = openapi["paths"]["/api/v1/reindex"][method]
        assert op["security"] == [{"HTTPBearer": []}]
        assert {"401", "403", "409"} <= set(op["responses"])
    conflict = openapi["paths"]["/api/v1/reindex"]["post"]["responses"]["409"]["content"]["application/json"]
    assert ref(openapi, conflict["schema"])["required"] == ["error", "job"]


def properties(openapi: dict, name: str) -> set[str]:
    return set(openapi["components"]["schemas"][name]["properties"])


def test_the_schemas_have_exactly_the_fields_real_responses_have(api_client, openapi):
    answer = api_client.get("/api/v1/ask", params={"q": "the right to strike", "k": 2}).json()
    hit = answer["results"][0]
    assert set(answer) == properties(openapi, "Answer")
    assert set(hit) == properties(openapi, "Hit")
    assert set(hit["source"]) == properties(openapi, "SourceInfo")
    assert set(hit["speaker_evidence"][0]) == properties(openapi, "Evidence")
    verdict = api_client.get("/api/v1/verify", params={"text": hit["text"][:90]}).json()["verdicts"][0]
    assert set(verdict) == properties(openapi, "Verdict")
    altered = api_client.post("/api/v1/verify", json={"claims": [hit["text"][:90].replace(" the ", " a ", 1)]})
    edits = [e for v in altered.json()["verdicts"] for e in v["edits"]]
    assert edits and all(set(e) == properties(openapi, "Edit") for e in edits)
    person = api_client.get("/api/v1/speakers").json()["speakers"][0]
    assert set(person) == properties(openapi, "Person")
    source = api_client.get("/api/v1/sources").json()["sources"][0]
    assert set(source) == properties(openapi, "Source")
    doc = api_client.get("/api/v1/document", params={"doc": source["path"]}).json()
    assert set(doc) == properties(openapi, "DocumentText")
    assert set(doc["passages"][0]) == properties(openapi, "Passage")
    assert set(api_client.get("/api/v1/health").json()) == properties(openapi, "Health")
    error = api_client.get("/api/v1/ask", params={"q": ""}).json()
    assert set(error) == properties(openapi, "Error") and set(error["error"]) == properties(openapi, "ErrorBody")
    assert set(schemas.ReindexJob.model_fields) == properties(openapi, "ReindexJob")


def test_no_interactive_docs_and_no_cdn(api_client, openapi):
    for path in ("/docs", "/redoc", "/api/v1/docs", "/docs/oauth2-redirect"):
        assert api_client.get(path).status_code == 404
    assert "cdn" not in str(openapi).lower()


def test_the_document_names_no_folder_of_the_server(api_client, web_quoth):
    text = api_client.get("/api/v1/openapi.json").text
    repo = Path(__file__).resolve().parents[3]
    for folder in (web_quoth.corpus_dir, web_quoth.settings.data_dir(), Path.home(), repo, Path("/tmp"),
                   Path(schemas.__file__).parent):
        assert str(folder) not in text, folder
    assert "site-packages" not in text and ".py" not in text
