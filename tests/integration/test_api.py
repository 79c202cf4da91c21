"""The library as a Python user meets it: ``import quoth``, README's example, the base install's serving path."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

import quoth
from quoth.embeddings import models
from tests.helpers import write_corpus

DOCS = {
    "quay.txt": "Quay news\n\nby Rosa Tern\n\nThe old quay was resurfaced over the summer, and the ferry now docks "
                "on the eastern side.\n\nLi Wei, the harbour master, said, “The new berth doubles what we can take in "
                "a storm.”\n",
    "market.txt": "Market day\n\nStallholders moved to the waterfront for the first time this year.\n\n"
                  "  • Ann Lee says:\n\n    The fish stall sold out by ten in the morning.\n\n"
                  "  • Bob Roe says:\n\n    Parking was impossible all day.\n",
}


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "docs", DOCS)


def test_readme_example(corpus, tmp_path):
    q = quoth.Quoth.open(corpus=corpus, data_dir=tmp_path / "data")
    steps = []
    report = q.index(progress=lambda stage, done, total: steps.append(stage))
    assert (report.added, report.documents) == (2, 2) and steps[0] == "reading documents" and steps[-1] == "done"
    hits = q.ask("What did the harbour master say about storms?", k=2)
    top = hits[0]
    assert "doubles what we can take in a storm" in top.text
    assert (top.speaker, top.role, top.source.title) == ("Li Wei", "quote", "Quay news")
    assert (corpus / top.source.path).read_text()[top.start:top.end] == top.text
    assert [h.speaker for h in q.search("fish stall", speaker="ann")] == ["Ann Lee"]
    assert {d.source.path for d in q.sources()} == {"quay.txt", "market.txt"}
    assert ("Bob Roe", 1) in q.speakers()
    segmented = {doc.path: seg for doc, seg in q.passages()}
    assert [p.role for p in segmented["market.txt"].passages][-2:] == ["comment", "comment"]
    assert q.ask("How do I reset my router password?").hits == []


def test_the_index_is_built_on_first_use(corpus, tmp_path):
    q = quoth.Quoth.open(corpus=corpus, data_dir=tmp_path / "data")
    assert not q.live.exists()
    assert q.ask("Who sold out by ten?")[0].speaker == "Ann Lee"
    assert q.live.exists() and len(q.sources()) == 2


def test_public_names_and_one_error_type(tmp_path):
    assert {"Quoth", "Settings", "Hit", "Passage", "Role", "Kind", "QuothError"} <= set(quoth.__all__)
    with pytest.raises(quoth.QuothError, match="does not exist"):
        list(quoth.Quoth.open(corpus=tmp_path / "nope", data_dir=tmp_path).passages())
    with pytest.raises(quoth.QuothError, match=r"model\.name"):
        quoth.Quoth(quoth.Settings().with_(model={"name": str(tmp_path)}))
    with pytest.raises(AttributeError):
        _ = quoth.Nothing


def test_base_install_serves_from_the_onnx_export_without_torch(monkeypatch, tmp_path):
    """Without the bundled-model wheel, the default model is its ONNX export; answering never imports torch."""
    cache = tmp_path / "models"
    monkeypatch.setattr(models, "bundled_model_path", lambda: None)
    with pytest.raises(models.ModelNotFound, match="quoth\\[full\\]"):
        models.resolve_model("default", cache)
    export = os.environ["QUOTH_MODEL_CACHE"]
    assert models.resolve_model("default", models.Path(export)).location.startswith(export)
    script = textwrap.dedent(f"""
        import sys
        import quoth
        q = quoth.Quoth.open(data_dir={str(tmp_path / "data")!r})
        q.index()
        assert q.ask("Who supports the right to strike?").hits
        bad = [m for m in ("torch", "transformers", "sentence_transformers") if m in sys.modules]
        assert not bad, bad
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=600, env={**os.environ})


def test_mistakes_are_errors_not_empty_answers(corpus, tmp_path):
    q = quoth.Quoth.open(corpus=corpus, data_dir=tmp_path / "data")
    for bad in [dict(query="   "), dict(query="storms?", k=0), dict(query="storms?", k=-1),
                dict(query="storms?", k=51)]:
        with pytest.raises(quoth.BadQuery):
            q.ask(bad.pop("query"), **bad)
    with pytest.raises(quoth.BadQuery, match="did you mean 'Li Wei'"):
        q.ask("storms?", speaker="Li Wie")
    with pytest.raises(quoth.BadQuery, match=r"no source matches 'kitchen\.txt'"):
        q.ask("storms?", source="kitchen.txt")
    assert q.ask("storms?", speaker="Li Wei", k=50).hits
    assert q.ask("What did the harbour master say about storms?", source="quay").hits
