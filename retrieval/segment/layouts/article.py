"""A news article: a byline names the journalist, who narrates; quotations belong to the people quoted."""

from __future__ import annotations

from ...records import Kind, LayoutHints, Role
from ..masthead import Masthead
from ..page import Page
from ..threads.dated import DatedComments
from ..threads.says import SaysThread
from .base import Layout


class Article(Layout):
    kind = Kind.ARTICLE
    body_role = Role.NARRATION
    # Numbered items in an article are its own lists, never anonymous comments.
    threads = (SaysThread(), DatedComments())

    def detect(self, page: Page, head: Masthead, hints: LayoutHints) -> float:
        return 0.8 if head.byline else 0.0
