from quoth.ingest import LoadReport
from quoth.ingest.pdf import PdfReader
from quoth.settings import CorpusSettings


def minimal_pdf(*texts: str, labels: bytes = b"") -> bytes:
    """A PDF of one page per text, written by hand: no PDF library is needed to make test data. ``labels``: a
    /PageLabels number tree's /Nums array, for printed page labels."""
    n = len(texts)
    font = 3 + 2 * n
    objs = [b"<< /Type /Catalog /Pages 2 0 R" + (b" /PageLabels << /Nums [" + labels + b"] >>" if labels else b"")
            + b" >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n)), n)]
    for i, text in enumerate(texts):
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
        objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                 b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * i, font),
                 b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_page_text_extracted():
    [doc] = PdfReader(CorpusSettings()).read(minimal_pdf("Minutes of the harbour board"), "m.pdf", LoadReport())
    assert "Minutes of the harbour board" in doc.text


def test_broken_pdf_warns_and_yields_nothing():
    report = LoadReport()
    assert list(PdfReader(CorpusSettings()).read(b"%PDF-1.4 not really", "bad.pdf", report)) == []
    assert report.warnings[0].startswith("bad.pdf: skipped: unreadable PDF")


def test_each_page_is_located_by_its_printed_label():
    data = minimal_pdf("Preface to the harbour history", "The pier was built in 1820",
                       "The lamp was lit in 1850", labels=b"0 << /S /r >> 1 << /S /D >>")
    [doc] = PdfReader(CorpusSettings()).read(data, "h.pdf", LoadReport())
    assert [x.label for x in doc.locators] == ["p. i", "p. 1", "p. 2"]
    pier = doc.text.index("The pier")
    assert doc.locators[1].offset <= pier < doc.locators[2].offset
    assert doc.text[doc.locators[2].offset:].startswith("The lamp")


def test_pages_are_numbered_without_labels():
    [doc] = PdfReader(CorpusSettings()).read(minimal_pdf("One", "Two"), "n.pdf", LoadReport())
    assert [(doc.text[x.offset:x.offset + 3], x.label) for x in doc.locators] == [("One", "p. 1"), ("Two", "p. 2")]
