"""E-books (.epub): the chapters in reading order (the package's spine), each chapter's blocks read as HTML,
the title, author and date from the package metadata, and where each chapter starts (its heading) so that a
quote cites its chapter. An EPUB is a zip of XHTML files: the standard library and lxml read it."""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator

from lxml import etree

from ..records import Locator
from .archive import ArchiveTooLarge, Unzipped
from .base import Extracted, LoadReport, SettingsReader
from .html_tree import own_blocks, parse

NS = {"c": "urn:oasis:names:tc:opendocument:xmlns:container", "opf": "http://www.idpf.org/2007/opf",
      "dc": "http://purl.org/dc/elements/1.1/"}
HTML_TYPES = ("application/xhtml+xml", "text/html")


class EpubReader(SettingsReader):
    suffixes = (".epub",)

    def read(self, data: bytes, rel: str, report: LoadReport) -> Iterator[Extracted]:
        try:
            with Unzipped(data, self.settings) as z:
                found, chapters = _book(z)
        except ArchiveTooLarge as exc:
            report.warn(rel, f"skipped: {exc}")
            return
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError, IndexError) as exc:
            report.warn(rel, f"skipped: unreadable EPUB ({type(exc).__name__}: {exc})")
            return
        parts, locators, pos = [], [], 0
        for n, blocks in enumerate(chapters, 1):
            text = "\n\n".join(blocks)
            if not text:
                continue
            locators.append(Locator(pos, blocks[0][:60] if len(blocks[0]) <= 60 else f"ch. {n}"))
            parts.append(text)
            pos += len(text) + 2
        if not parts:
            report.warn(rel, "skipped: the EPUB has no text")
            return
        yield Extracted(rel, "\n\n".join(parts), found, locators=tuple(locators))


def _book(z: Unzipped) -> tuple[dict[str, str | None], list[list[str]]]:
    """(metadata, each spine chapter's text blocks) of an EPUB."""
    container = etree.fromstring(z.read("META-INF/container.xml"))
    opf_path = container.find(".//c:rootfile", NS).get("full-path")
    opf = etree.fromstring(z.read(opf_path))

    def dc(name: str) -> str | None:
        el = opf.find(f".//dc:{name}", NS)
        return " ".join(el.text.split()) if el is not None and el.text else None

    found = {"title": dc("title"), "author": dc("creator"), "date": (dc("date") or "")[:10] or None}
    items = {i.get("id"): i for i in opf.findall(".//opf:manifest/opf:item", NS)}
    base = posixpath.dirname(opf_path)
    chapters = []
    for ref in opf.findall(".//opf:spine/opf:itemref", NS):
        item = items.get(ref.get("idref"))
        if item is None or item.get("media-type") not in HTML_TYPES:
            continue
        raw = z.read(posixpath.normpath(posixpath.join(base, item.get("href")))).decode("utf-8", "replace")
        tree = parse(raw)
        chapters.append(own_blocks(tree) if tree is not None else [])
    return found, chapters
