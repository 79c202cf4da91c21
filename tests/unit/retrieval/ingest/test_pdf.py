from quoth.ingest import LoadReport
from quoth.ingest.pdf import PdfReader
from quoth.settings import CorpusSettings


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF written by hand: no PDF library is needed to make test data."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
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
