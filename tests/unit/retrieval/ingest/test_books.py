"""Word documents and e-books: made here (python-docx writes the one, a zip of XHTML is the other)."""

from __future__ import annotations

import io
import zipfile

from quoth.ingest import LoadReport
from quoth.ingest.docx import DocxReader
from quoth.ingest.epub import EpubReader
from quoth.settings import CorpusSettings


def word_document() -> bytes:
    import docx

    d = docx.Document()
    d.core_properties.title = "Harbour board minutes"
    d.core_properties.author = "Ann Lee"
    d.add_heading("Minutes of March", level=1)
    d.add_paragraph("The board agreed to rebuild the pier with granite.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Item", "Cost"
    table.cell(1, 0).text, table.cell(1, 1).text = "Granite", "£4,000"
    d.add_paragraph("The meeting closed at nine.")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_a_word_document_reads_in_order_with_its_author():
    [doc] = DocxReader(CorpusSettings()).read(word_document(), "minutes.docx", LoadReport())
    assert doc.text == ("Minutes of March\n\nThe board agreed to rebuild the pier with granite.\n\n"
                        "Item | Cost\nGranite | £4,000\n\nThe meeting closed at nine.")
    assert (doc.found["title"], doc.found["author"]) == ("Harbour board minutes", "Ann Lee")


def test_a_broken_word_document_is_skipped_with_a_reason():
    report = LoadReport()
    assert list(DocxReader(CorpusSettings()).read(b"PK\x03\x04 not a zip", "bad.docx", report)) == []
    assert report.warnings[0].startswith("bad.docx: skipped: unreadable Word document")


def epub(chapters: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
        z.writestr("META-INF/container.xml", '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:'
                   'names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" '
                   'media-type="application/oebps-package+xml"/></rootfiles></container>')
        items = "".join(f'<item id="c{i}" href="text/{name}" media-type="application/xhtml+xml"/>'
                        for i, name in enumerate(chapters))
        spine = "".join(f'<itemref idref="c{i}"/>' for i in reversed(range(len(chapters))))  # spine order rules
        z.writestr("OEBPS/content.opf", '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" '
                   'version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Tides</dc:title>'
                   '<dc:creator>Mara Quill</dc:creator><dc:date>2021-05-04T00:00:00Z</dc:date></metadata>'
                   f'<manifest>{items}</manifest><spine>{spine}</spine></package>')
        for name, body in chapters.items():
            z.writestr(f"OEBPS/text/{name}", f"<html><body>{body}</body></html>")
    return out.getvalue()


def test_an_ebook_reads_its_chapters_in_spine_order_and_locates_them():
    data = epub({"two.xhtml": "<h1>Neap tides</h1><p>The moon pulls less at the quarters.</p>",
                 "one.xhtml": "<h1>Spring tides</h1><p>At full moon the sea climbs the harbour steps.</p>"})
    [doc] = EpubReader(CorpusSettings()).read(data, "tides.epub", LoadReport())
    # The spine (reversed here) orders the chapters, not the manifest or the zip.
    assert doc.text.index("Spring tides") < doc.text.index("Neap tides")
    assert [(x.label, doc.text[x.offset:x.offset + 4]) for x in doc.locators] == [("Spring tides", "Spri"),
                                                                                   ("Neap tides", "Neap")]
    assert (doc.found["title"], doc.found["author"], doc.found["date"]) == ("Tides", "Mara Quill", "2021-05-04")


def test_a_broken_ebook_is_skipped_with_a_reason():
    report = LoadReport()
    assert list(EpubReader(CorpusSettings()).read(b"not a zip", "bad.epub", report)) == []
    assert report.warnings[0].startswith("bad.epub: skipped: unreadable EPUB")
