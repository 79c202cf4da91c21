"""Files whose extension says nothing Quoth reads are read by their content (issue 23): a transcript saved as
``debate1``, a page saved as ``example.com``. Binary files stay skipped, each with its one-line reason."""

from __future__ import annotations

import codecs

from quoth.ingest import LoadReport, load_folder
from quoth.settings import CorpusSettings

PAGE = ("<html><head><title>Harbour news</title></head><body><article><h1>Harbour news</h1><p>The harbour "
        "reopened on Monday after a long winter of repairs to the old stone wall.</p><p>Residents welcomed the "
        "boats back with a small celebration on the quay in the afternoon.</p></article></body></html>")
DEBATE = "MODERATOR: Good evening and welcome.\nMS. REYES: Thank you. The ferries must run all night.\n"


def load(root):
    report = LoadReport()
    return {d.path: d for d in load_folder(root, CorpusSettings(), report)}, report.warnings


def test_text_and_html_are_read_by_content_when_the_extension_says_nothing(tmp_path):
    (tmp_path / "debate1").write_text(DEBATE, encoding="utf-8")
    (tmp_path / "notes.2024").write_text("Café notes: the quay opens at dawn.\n", encoding="utf-8")
    (tmp_path / "utf16 transcript").write_bytes(codecs.BOM_UTF16_LE + DEBATE.encode("utf-16-le"))
    (tmp_path / "example.com").write_text("\n  <!DOCTYPE html>\n" + PAGE, encoding="utf-8")
    (tmp_path / "saved page").write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.xhtml").write_text('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
                                         + PAGE.replace("<html>", '<html xmlns="http://www.w3.org/1999/xhtml">'))
    (tmp_path / "archive.page").write_text('<?xml version="1.0"?>\n<!-- saved -->\n' + PAGE, encoding="utf-8")
    docs, warnings = load(tmp_path)
    assert docs["debate1"].text == DEBATE and docs["utf16 transcript"].text == DEBATE
    assert docs["notes.2024"].text == "Café notes: the quay opens at dawn.\n"
    for page in ("example.com", "saved page", "page.htm", "page.xhtml", "archive.page"):
        # Read as HTML: the page's text without its markup, its title from the page.
        assert "harbour reopened on Monday" in docs[page].text and "<p>" not in docs[page].text, page
        assert docs[page].source.title == "Harbour news", page
    assert warnings == []


def test_binary_files_without_a_known_extension_stay_skipped_with_one_line_each(tmp_path):
    (tmp_path / "ok.txt").write_text("Words to keep the folder from being empty.", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    (tmp_path / "tiny.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "program").write_bytes(b"\x7fELF\x02\x01\x01" + b"\x00" * 64)
    (tmp_path / "latin1 notes").write_bytes("Caf\xe9 cr\xe8me".encode("latin-1") + b"\x00\x01\x02")
    docs, warnings = load(tmp_path)
    assert sorted(docs) == ["ok.txt"]
    assert sorted(warnings) == ["image.png: skipped: unsupported file type '.png' (binary by its content)",
                                "latin1 notes: skipped: unsupported file type '(none)' (binary by its content)",
                                "photo.jpg: skipped: unsupported file type '.jpg' (binary by its content)",
                                "program: skipped: unsupported file type '(none)' (binary by its content)",
                                "tiny.jpg: skipped: unsupported file type '.jpg' (binary by its content)"]


def test_other_formats_by_content_go_to_their_readers_and_rtf_is_never_read_as_prose(tmp_path):
    from .test_pdf import minimal_pdf

    (tmp_path / "download").write_bytes(minimal_pdf("Hello from a PDF saved without a name"))
    (tmp_path / "letter.doc1").write_bytes("Dear Ms. Reyes, the caf\xe9 opens at dawn.\n".encode("cp1252"))
    (tmp_path / "drawing.svg").write_text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
                                          "<text>Not prose</text></svg>", encoding="utf-8")
    (tmp_path / "memo.rtf").write_text(r"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0 Memo text.}")
    docs, warnings = load(tmp_path)
    assert sorted(docs) == ["download", "letter.doc1"]
    assert "Hello from a PDF saved without a name" in docs["download"].text
    assert docs["letter.doc1"].text == "Dear Ms. Reyes, the café opens at dawn.\n"
    assert sorted(warnings) == [
        "drawing.svg: skipped: an XML file that is not speech markup (ParlParse, Akoma Ntoso, TEI)",
        "letter.doc1: not valid UTF-8; decoded as cp1252",
        "memo.rtf: skipped: unsupported file type '.rtf' (RTF by its content)"]


def test_editors_backup_and_temporary_files_are_not_read_as_documents(tmp_path):
    (tmp_path / "notes.txt").write_text("The quay opens at dawn.", encoding="utf-8")
    for name in ("notes.txt~", "notes.txt.bak", "#notes.txt#", "4913", "report.pdf.crdownload"):
        (tmp_path / name).write_text("The quay opens at dawn.", encoding="utf-8")
    docs, warnings = load(tmp_path)
    assert sorted(docs) == ["notes.txt"]
    assert len(warnings) == 5 and all("(an editor's backup or temporary file)" in w for w in warnings)
