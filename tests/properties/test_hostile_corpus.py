"""Hostile corpus files through the real loader and segmenter: random bytes, deep nesting, malformed exports,
odd characters and odd names. Nothing may crash, every passage stays an exact slice, each skipped file is named
once."""

from __future__ import annotations

import json
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoth.ingest import LoadReport, load_folder
from quoth.segment import Segmenter
from quoth.settings import CorpusSettings

# "" and ".com": no extension Quoth reads, so the file is judged by its first bytes
SUFFIXES = [".txt", ".md", ".html", ".json", ".jsonl", ".eml", ".mbox", ".vtt", ".srt", ".pdf", ".rst", ".xyz", "",
            ".com"]
DEEP = "[" * 100_000 + "]" * 100_000  # RecursionError in json's decoder, not a parse error
HUGE = "9" * 5_000  # over int()'s digit limit: ValueError
ODD = st.sampled_from(["\u200b", "\u200d", "\u202e", "\u202c", "\ufeff", "\x00", "\x1b[31m", "\r", "\t", "’", "“",
                       "🦀", "\ud7ff", "  ", "\n\n", "::", "> ", "[00:01]", "Q:", "says:", "wrote:", "»"])
TEXT = st.lists(st.one_of(st.text(max_size=40), ODD), max_size=60).map("".join)


def nested_html(depth: int, inner: str) -> str:
    return "<html><body>" + "<div>" * depth + f"<p>{inner}</p>" + "</div>" * depth + "</body></html>"


def malformed(kind: str, text: str) -> bytes:
    return {
        "json": json.dumps({"channel": {"name": text}, "messages": [{"id": "1", "content": text,
                                                                    "author": None, "reference": {}}]}),
        "jsonl": "\n".join([json.dumps({"text": text}), "{broken", json.dumps([text]), '{"text": 5}', DEEP,
                            '{"text": "x", "n": ' + HUGE + "}"]),
        "eml": f"From: {text}\nSubject: {text}\n\n{text}\n> {text}\n",
        "vtt": f"WEBVTT\n\n00:00.000 --> 00:01.000\n<v {text}>{text}\n\n99:99 --> x\n{text}\n",
        "srt": f"1\n00:00:01,000 --> 00:00:02,000\n{text}: {text}\n\n2\nbroken\n",
        "pdf": "%PDF-1.4\n" + text + "\n%%EOF",
        "com": f"<!doctype html><p>{text}</p>",
        "mbox": f"From a@x Mon Jan  1 00:00:00 2024\nContent-Type: text/html\n\n\nFrom b@x Mon Jan  1 2024\n\n{text}\n",
        "html": f"<html><body><article><p>{text}</p><div class='comment'><span class='fn'>{text}</span>"
                f"<p>{text}</p></div>",
    }.get(kind, text).encode("utf-8", "surrogatepass")


files = st.lists(st.tuples(st.sampled_from(SUFFIXES), st.one_of(st.binary(max_size=600), TEXT.map(
    lambda t: t.encode("utf-8", "surrogatepass")))), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(files=files, text=TEXT, depth=st.sampled_from([1, 50, 10_000]))
def test_a_hostile_folder_never_crashes_the_loader_or_the_segmenter(tmp_path_factory, files, text, depth):
    root = tmp_path_factory.mktemp("hostile")
    for i, (suffix, data) in enumerate(files):
        (root / f"f{i}{suffix}").write_bytes(data)
        (root / f"m{i}{suffix}").write_bytes(malformed(suffix.lstrip("."), text))
    (root / "deep.html").write_text(nested_html(depth, text or "x"), encoding="utf-8", errors="surrogatepass")
    (root / "odd\nname\udcff.txt".encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape")).write_text(
        "A line with an odd file name.", encoding="utf-8")
    report = LoadReport()
    docs = list(load_folder(root, CorpusSettings(), report))
    segment = Segmenter(max_tokens=64)
    for doc in docs:
        for p in segment(doc).passages:
            assert doc.text[p.start:p.end] == p.text
    # One bad record loses only itself: the record after a line nested 100,000 deep (line 6: a long number) is read.
    paths = {d.path for d in docs}
    assert all(f"m{i}.jsonl#6" in paths for i, (suffix, _) in enumerate(files) if suffix == ".jsonl")
    named = Counter(w.split(": ", 1)[0] for w in report.warnings if ": skipped" in w)
    assert all(n == 1 for n in named.values()), named
