"""The fallback: a page of prose. Its words are its author's when the page names one, else the site's, else
nobody's — never a guess."""

from __future__ import annotations

from ...records import Kind, LayoutHints
from ..masthead import Masthead
from ..page import Page
from .base import Layout


class PlainPage(Layout):
    kind = Kind.PAGE

    def detect(self, page: Page, head: Masthead, hints: LayoutHints) -> float:
        return 0.1
