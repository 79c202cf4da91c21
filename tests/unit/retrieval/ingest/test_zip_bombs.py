"""Zip bombs: a small .docx or .epub that expands to far more than it weighs is skipped, by name, before it is read
(its entries' sizes and count), and a zip whose headers lie about the sizes is cut off while it streams. Real bombs
made here (zeros deflate about 1,000 to 1): 200 MB each when expanded, about 200 kB on disk; the build that meets
them runs in a subprocess, whose peak memory is measured."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
import zlib

from quoth.ingest import LoadReport
from quoth.ingest.epub import EpubReader
from quoth.settings import CorpusSettings

from .test_books import epub, word_document

MB = 1 << 20
BOMB_MB = 200
LIMIT = 20_000_000  # lowered from the default so that the test's bombs stay small


def bomb(path, first: dict[str, bytes], name: str, mb: int = BOMB_MB) -> None:
    """A zip holding ``first``'s entries, then ``name``: ``mb`` MB of zeros, written a megabyte at a time."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in first.items():
            z.writestr(n, data)
        with z.open(name, "w", force_zip64=False) as f:
            zero = bytes(MB)
            for _ in range(mb):
                f.write(zero)


def lie(path, name: str, size: int = 1000) -> None:
    """Rewrite the zip at ``path`` so that both headers of ``name`` declare ``size`` bytes expanded, with the CRC of
    those first bytes: a reader that trusts the header gets a valid entry, and inflates all 200 MB to get it."""
    data = bytearray(path.read_bytes())
    raw, crc = name.encode(), zlib.crc32(bytes(size)).to_bytes(4, "little")
    for sig, at_crc, at_name in ((b"PK\x03\x04", 14, 30), (b"PK\x01\x02", 16, 46)):
        pos = data.find(sig)
        while pos >= 0:
            if data[pos + at_name:pos + at_name + len(raw)] == raw:
                data[pos + at_crc:pos + at_crc + 4] = crc
                data[pos + at_crc + 8:pos + at_crc + 12] = size.to_bytes(4, "little")
            pos = data.find(sig, pos + 4)
    path.write_bytes(bytes(data))


def entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


BUILD = """
import json, resource, sys
from pathlib import Path
import docx  # imported before the baseline: its modules are not what is measured
from quoth.ingest import LoadReport, load_folder
from quoth.settings import CorpusSettings
root = Path(sys.argv[1])
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
report = LoadReport()
docs = [d.path for d in load_folder(root, CorpusSettings(max_unzipped_bytes=int(sys.argv[2])), report)]
grew = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024
print(json.dumps({"docs": docs, "warnings": report.warnings, "grew_mb": grew}))
"""


def test_zip_bombs_are_skipped_by_name_without_expanding_them(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good_docx, good_epub = word_document(), epub({"one.xhtml": "<p>At full moon the sea climbs the steps.</p>"})
    (corpus / "minutes.docx").write_bytes(good_docx)
    (corpus / "tides.epub").write_bytes(good_epub)
    (corpus / "notes.txt").write_text("The pier was rebuilt with granite in March.", encoding="utf-8")
    # Honest headers: the sizes say what is coming.
    bomb(corpus / "bomb.docx", entries(good_docx), "word/media/zeros.bin")
    bomb(corpus / "bomb.epub", entries(good_epub), "OEBPS/zeros.bin")
    # Lying headers: the spine's chapter and the Word body claim 1,000 bytes and expand to 200 MB.
    bomb(corpus / "liar.epub", {k: v for k, v in entries(good_epub).items() if not k.endswith("one.xhtml")},
         "OEBPS/text/one.xhtml")
    lie(corpus / "liar.epub", "OEBPS/text/one.xhtml")
    bomb(corpus / "liar.docx", {k: v for k, v in entries(good_docx).items() if k != "word/document.xml"},
         "word/document.xml")
    lie(corpus / "liar.docx", "word/document.xml")
    assert max(p.stat().st_size for p in corpus.iterdir()) < 2 * MB

    out = subprocess.run([sys.executable, "-c", BUILD, str(corpus), str(LIMIT)], capture_output=True, text=True,
                         timeout=240)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.splitlines()[-1])
    assert sorted(got["docs"]) == ["minutes.docx", "notes.txt", "tides.epub"]
    said = {w.split(": ", 1)[0]: w for w in got["warnings"]}
    assert set(said) == {"bomb.docx", "bomb.epub", "liar.docx", "liar.epub"}, got["warnings"]
    for name in ("bomb.docx", "bomb.epub"):
        assert "skipped" in said[name] and f"{LIMIT:,}" in said[name] and "max_unzipped_bytes" in said[name]
    assert all("\n" not in w for w in got["warnings"])
    assert got["grew_mb"] < 60, got  # the bombs' 800 MB are never held, nor anything near one of them


def test_an_archive_with_too_many_entries_is_skipped_before_reading():
    good = entries(epub({"one.xhtml": "<p>At full moon the sea climbs the steps.</p>"}))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n, data in good.items():
            z.writestr(n, data)
        for i in range(300):
            z.writestr(f"OEBPS/empty/{i}.txt", b"")
    report = LoadReport()
    assert list(EpubReader(CorpusSettings(max_zip_entries=100)).read(out.getvalue(), "many.epub", report)) == []
    assert len(report.warnings) == 1
    assert report.warnings[0].startswith("many.epub: skipped:") and "max_zip_entries" in report.warnings[0]
    # The same book is read under the default limit.
    assert len(list(EpubReader(CorpusSettings()).read(out.getvalue(), "many.epub", LoadReport()))) == 1


def test_an_ebook_whose_spine_repeats_one_chapter_is_bounded_by_what_it_inflates():
    # Each read of the one 1 MB chapter is honest; its spine names it 30 times: 30 MB from a 3 kB file.
    book = entries(epub({"one.xhtml": "<p>" + "the tide came in " * 60_000 + "</p>"}))
    opf = book["OEBPS/content.opf"].decode()
    book["OEBPS/content.opf"] = opf.replace('<itemref idref="c0"/>', '<itemref idref="c0"/>' * 30).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in book.items():
            z.writestr(n, data)
    report = LoadReport()
    assert list(EpubReader(CorpusSettings(max_unzipped_bytes=5_000_000)).read(out.getvalue(), "echo.epub",
                                                                               report)) == []
    assert len(report.warnings) == 1 and report.warnings[0].startswith("echo.epub: skipped: OEBPS/text/one.xhtml")
    assert "5,000,000" in report.warnings[0]
