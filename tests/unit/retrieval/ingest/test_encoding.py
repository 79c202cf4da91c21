"""Legacy encodings: Western text stays cp1252 (where a detector alone misreads it), other scripts are detected,
byte-order marks are obeyed."""

import pytest

from quoth.ingest import FolderLoader, LoadReport
from quoth.ingest.encoding import decode
from quoth.settings import CorpusSettings

CASES = [
    ("Café crème à l’église", "cp1252"),  # charset-normalizer alone says cp1250 and loses the ’
    ("Les quarante étals ont été reconstruits, « ce marché est le cœur du quartier », a déclaré la maire.",
     "cp1252"),
    ("Grüße aus München, sagte sie.", "cp1252"),
    ("Городская библиотека продлевает часы работы и будет открыта по воскресеньям.", "cp1251"),
    ("Привет, мир", "cp1251"),  # short: a tie between code pages, the common one wins
    ("Городская библиотека продлевает часы работы и будет открыта по воскресеньям.", "koi8_r"),
    ("Η δημοτική βιβλιοθήκη θα είναι ανοιχτή και τις Κυριακές, είπε η δήμαρχος.", "cp1253"),
    ("市立図書館は日曜日も開館します。明日は雨でしょう。", "shift_jis"),
    ("市图书馆从下个月起星期日也开放。市长在会议上说。", "gbk"),
]


@pytest.mark.parametrize(("text", "encoding"), CASES)
def test_legacy_bytes_decode_to_the_text(text, encoding):
    got, used = decode(text.encode(encoding))
    assert got == text
    assert used is not None  # not UTF-8: worth a warning


def test_utf8_is_not_a_guess():
    assert decode("naïve “quotes”".encode()) == ("naïve “quotes”", None)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_byte_order_marks_are_obeyed_and_not_binary(tmp_path, encoding):
    text = "Notes du conseil\n\nLa séance est ouverte à 18 heures."
    (tmp_path / "notes.txt").write_bytes(text.encode(encoding))
    report = LoadReport()
    [doc] = FolderLoader(CorpusSettings()).load(tmp_path, report)
    assert doc.text.startswith("Notes du conseil") and "séance" in doc.text
    assert not report.warnings


def test_cyrillic_file_is_read_and_warned_with_its_encoding(tmp_path):
    text = "Протокол заседания\n\nГородская библиотека будет открыта по воскресеньям, сообщила мэр."
    (tmp_path / "protokol.txt").write_bytes(text.encode("cp1251"))
    report = LoadReport()
    [doc] = FolderLoader(CorpusSettings()).load(tmp_path, report)
    assert "по воскресеньям" in doc.text
    assert any("cp1251" in w for w in report.warnings)
