from quoth.ingest import LoadReport
from quoth.ingest.text import TextReader
from quoth.settings import CorpusSettings


def read(data: bytes, rel="a.txt"):
    report = LoadReport()
    return list(TextReader(CorpusSettings()).read(data, rel, report)), report.warnings


def test_text_kept_as_is_with_newlines_normalised():
    got, warnings = read(b"Line one.\r\nLine two.\rLine three.")
    assert [g.text for g in got] == ["Line one.\nLine two.\nLine three."] and warnings == []


def test_byte_order_mark_dropped_and_cp1252_fallback_warned():
    assert read("\ufeffHello".encode("utf-8"))[0][0].text == "Hello"
    got, warnings = read(b"na\xefve \x93quote\x94")
    assert got[0].text == "naïve “quote”" and warnings == ["a.txt: not valid UTF-8; decoded as cp1252"]


def test_binary_skipped_with_a_reason():
    got, warnings = read(b"\x00\x01\x02binary")
    assert got == [] and "binary" in warnings[0]
