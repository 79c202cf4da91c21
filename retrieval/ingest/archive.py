"""Zip archives (.docx, .epub) opened within bounds: a zip bomb is refused before anything in it is expanded.

``corpus.max_file_bytes`` bounds what a file weighs; a zip of zeros expands ~1,000 times that. The central
directory says how large each entry expands and how many there are, so an archive over ``max_unzipped_bytes`` or
``max_zip_entries`` is refused before one byte is inflated. Headers can lie (an entry that says 1,000 bytes and
inflates to 200 MB): the standard library's ``ZipExtFile`` returns no more than the declared size, but a read of the
whole entry inflates its whole stream first. ``Unzipped.read`` reads a megabyte at a time and counts every byte
against one budget for the archive, which also bounds an archive that has one entry read many times (an EPUB
spine naming one chapter again and again).
"""

from __future__ import annotations

import io
import zipfile

from ..settings import CorpusSettings

CHUNK = 1 << 20  # inflated a megabyte at a time: a lying entry costs at most this much past the budget


class ArchiveTooLarge(ValueError):
    """An archive over the expansion or entry limit; its message is the reason, for a one-line skip."""


def check_archive(z: zipfile.ZipFile, settings: CorpusSettings) -> None:
    """Raise ArchiveTooLarge when the archive's own directory declares too many entries or too many bytes."""
    infos = z.infolist()
    if len(infos) > settings.max_zip_entries:
        raise ArchiveTooLarge(f"the archive holds {len(infos):,} entries, over the {settings.max_zip_entries:,}-entry "
                              "limit (corpus.max_zip_entries)")
    declared = sum(i.file_size for i in infos)
    if declared > settings.max_unzipped_bytes:
        raise ArchiveTooLarge(f"the archive expands to {declared:,} bytes, over the "
                              f"{settings.max_unzipped_bytes:,}-byte limit (corpus.max_unzipped_bytes)")


class Unzipped:
    """An open archive that has passed ``check_archive``, whose entries are read against one budget of inflated
    bytes for the whole archive."""

    def __init__(self, data: bytes, settings: CorpusSettings) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        check_archive(self.zip, settings)
        self.limit = self.left = settings.max_unzipped_bytes

    def __enter__(self) -> Unzipped:
        return self

    def __exit__(self, *exc: object) -> None:
        self.zip.close()

    def read(self, name: str) -> bytes:
        """An entry's bytes; ArchiveTooLarge as soon as the archive has inflated more than its budget."""
        parts = []
        with self.zip.open(name) as fh:
            while chunk := fh.read(CHUNK):
                self.left -= len(chunk)
                if self.left < 0:
                    raise ArchiveTooLarge(f"{name} inflates past the archive's {self.limit:,}-byte limit "
                                          "(corpus.max_unzipped_bytes; its header said less)")
                parts.append(chunk)
        return b"".join(parts)


def restored(data: bytes, settings: CorpusSettings) -> bytes:
    """The archive rewritten entry by entry through ``Unzipped.read``, stored uncompressed: for a library that
    reads a whole entry at once (python-docx), which inflates a lying entry's whole stream before cutting it to its
    declared size. What it reads here is exactly what the headers declare, so nothing is left to inflate."""
    out = io.BytesIO()
    with Unzipped(data, settings) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for info in src.zip.infolist():
            if not info.is_dir():
                dst.writestr(info.filename, src.read(info.filename))
    return out.getvalue()
