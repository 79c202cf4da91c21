"""Comment threads under a page's body, each found by a reader of its shape.

A thread reader's ``find(page, hints)`` returns the thread (its first line and one unit per comment or
reply) or None. A layout names the thread readers that apply to it (a post list has none, an article only
named ones); the first that finds a thread wins. Adding a comment format is one module here and its name
in the layouts that allow it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ...records import LayoutHints
from ..page import Page
from ..units import Unit

BULLET = r"[•·◦▪‣*\-–—]"


@dataclass(frozen=True)
class Thread:
    first_line: int  # where the body ends
    units: list[Unit]
    read: tuple[tuple[int, int], ...] = ()  # stretches read as nobody's words (labels, system lines): not lost


class ThreadReader(Protocol):
    name: str

    def find(self, page: Page, hints: LayoutHints) -> Thread | None: ...


def find_thread(page: Page, readers: Sequence[ThreadReader], hints: LayoutHints) -> Thread | None:
    """The first thread the readers find. A reader reads a page once: detection and reading share its finding
    (a page's hints do not change while it is segmented)."""
    for reader in readers:
        key = (reader.name, page.version)
        if key not in page.memo:
            page.memo[key] = reader.find(page, hints)
        if page.memo[key] is not None:
            return page.memo[key]
    return None
