"""Layout readers: each knows one family of documents, how strongly a page looks like it (``detect``) and how
to read its body into units (``read``). The most confident reader wins; the plain page is the fallback; the
manifest's ``kind`` overrides detection. Adding a layout is one module and one line in ``LAYOUTS``.
"""

from __future__ import annotations

from ...records import Kind, LayoutHints
from ..masthead import Masthead
from ..page import Page
from .article import Article
from .base import Layout, Reading
from .blog_post import BlogPost
from .conversation import Chat, Forum, Proceedings, Transcript
from .email import Email
from .page import PlainPage
from .post_list import PostList
from .statement import Statement

# In order of precedence on equal scores.
LAYOUTS: tuple[Layout, ...] = (PostList(), Chat(), Forum(), Proceedings(), Transcript(), Article(), BlogPost(),
                               Statement(), Email(), PlainPage())
BY_KIND: dict[Kind, Layout] = {layout.kind: layout for layout in LAYOUTS}

__all__ = ["BY_KIND", "LAYOUTS", "Layout", "Reading", "choose_layout"]


def choose_layout(page: Page, head: Masthead, hints: LayoutHints) -> tuple[Layout, dict[Kind, float]]:
    """The layout to read the page with, and every reader's detection score."""
    scores = {layout.kind: layout.detect(page, head, hints) for layout in LAYOUTS}
    if hints.kind is not None:
        return BY_KIND[hints.kind], scores
    best = max(LAYOUTS, key=lambda layout: scores[layout.kind])  # max keeps the first of equal scores
    return best, scores
