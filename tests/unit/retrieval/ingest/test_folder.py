"""Loading every supported format, and bad files that warn but never abort."""

from __future__ import annotations

import json

import pytest

from quoth.errors import ManifestError
from quoth.ingest import LoadReport, load_folder
from quoth.ingest.manifest import load_manifest
from quoth.settings import CorpusSettings

from .test_pdf import minimal_pdf


def load(root, settings=None):
    report = LoadReport()
    docs = list(load_folder(root, settings or CorpusSettings(), report))
    return {d.path: d for d in docs}, report.warnings


def test_formats(tmp_path):
    (tmp_path / "a.txt").write_text("Plain text here.\r\nSecond line.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\nMarkdown body.", encoding="utf-8")
    (tmp_path / "c.html").write_text(
        "<html><head><title>Harbour news</title></head><body><nav>Home | About</nav><article>"
        "<h1>Harbour news</h1><p>The harbour reopened on Monday after a long winter of repairs to the "
        "old stone wall, and the fishing boats returned at dawn.</p><p>Residents welcomed the boats "
        "back with a small celebration on the quay in the afternoon.</p></article>"
        "<footer>Copyright 2024</footer></body></html>", encoding="utf-8")
    (tmp_path / "d.pdf").write_bytes(minimal_pdf("Hello from a PDF file"))
    (tmp_path / "e.jsonl").write_text(
        json.dumps({"_id": "r1", "title": "First", "text": "Record one text.", "author": "Ann"}) + "\n"
        + "not json\n" + json.dumps({"_id": "r2", "text": "Record two text."}) + "\n", encoding="utf-8")
    docs, warnings = load(tmp_path)
    assert docs["a.txt"].text == "Plain text here.\nSecond line."
    assert "Markdown body." in docs["b.md"].text
    html = docs["c.html"]
    assert "harbour reopened on Monday" in html.text and "Copyright" not in html.text
    assert html.source.title == "Harbour news"
    assert "Hello from a PDF file" in docs["d.pdf"].text
    assert docs["e.jsonl#r1"].text == "Record one text."
    assert docs["e.jsonl#r1"].source.title == "First" and docs["e.jsonl#r1"].source.author == "Ann"
    assert "e.jsonl#r2" in docs
    assert warnings == ["e.jsonl: 1 line(s) skipped (line 2): not JSON objects with a non-empty 'text'"]


def test_bad_files_warn_once_each_and_never_abort(tmp_path):
    (tmp_path / "good.txt").write_text("Good words.", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes(b"Caf\xe9 cr\xe8me \x93quoted\x94")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_text("   \n\n", encoding="utf-8")
    (tmp_path / "huge.txt").write_text("word " * 1000, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    docs, warnings = load(tmp_path, CorpusSettings(max_file_bytes=200))
    assert set(docs) == {"good.txt", "latin.txt", "huge.txt"}
    assert docs["latin.txt"].text == "Café crème “quoted”"
    assert len(docs["huge.txt"].text) == 200
    by_file = {w.split(":", 1)[0]: w for w in warnings}
    assert set(by_file) == {"latin.txt", "blob.txt", "empty.txt", "huge.txt", "image.png", "broken.pdf"}
    assert "cp1252" in by_file["latin.txt"]
    assert "binary" in by_file["blob.txt"]
    assert "no text" in by_file["empty.txt"]
    assert "truncated" in by_file["huge.txt"]
    assert "unsupported" in by_file["image.png"]
    assert "PDF" in by_file["broken.pdf"]


def test_manifest_fills_metadata_and_bad_manifest_names_the_key(tmp_path):
    (tmp_path / "x.txt").write_text("Some words.", encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        '[[document]]\nfile = "x.txt"\ntitle = "X"\nauthor = "Someone"\nurl = ""\nkind = "article"\n')
    docs, _ = load(tmp_path)
    src = docs["x.txt"].source
    assert (src.title, src.author, src.url) == ("X", "Someone", None)
    assert docs["x.txt"].hints.kind == "article"  # the layout is a hint to segmentation, not a finding
    (tmp_path / "sources.toml").write_text('[[document]]\nfile = "x.txt"\nkind = "novel"\n')
    with pytest.raises(ManifestError, match=r"document\.0\.kind"):
        load_manifest(tmp_path)


def test_a_reader_that_fails_on_one_file_skips_it_with_one_warning(tmp_path, monkeypatch):
    from quoth.ingest.email import EmailReader

    def broken(self, data, rel, report):
        raise RuntimeError("malformed beyond repair")
        yield  # a generator, as readers are

    (tmp_path / "good.txt").write_text("Good words.", encoding="utf-8")
    (tmp_path / "bad.eml").write_bytes(b"From: x\n\nbody")
    monkeypatch.setattr(EmailReader, "read", broken)
    docs, warnings = load(tmp_path)
    assert set(docs) == {"good.txt"}
    assert warnings == ["bad.eml: skipped: could not be read (RuntimeError: malformed beyond repair)"]


def test_nothing_outside_the_folder_is_read_and_pipes_never_block(tmp_path):
    import os

    secret = tmp_path / "secret.txt"
    secret.write_text("The vault code is 4711 and nobody may know it.")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "notes.txt").write_text("Private notes from another folder.")
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "ok.txt").write_text("The harbour opens at dawn every day of the week.")
    (root / "sub" / "inner.txt").write_text("The inner notes speak of boats and nets.")
    (root / "leak.txt").symlink_to(secret)
    (root / "linked").symlink_to(tmp_path / "elsewhere")
    (root / "also.txt").symlink_to(root / "sub" / "inner.txt")  # inside the folder: fine
    (root / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(root / "pipe.txt")
    docs, warnings = load(root)
    assert sorted(docs) == ["also.txt", "ok.txt", "sub/inner.txt"]
    assert not any("4711" in d.text or "Private" in d.text for d in docs.values())
    assert sorted(warnings) == ["dangling.txt: skipped: a broken link",
                                "leak.txt: skipped: a link to a file outside the corpus folder",
                                "linked: skipped: a linked folder (not followed)",
                                "pipe.txt: skipped: not a regular file (a pipe, socket or device)"]
