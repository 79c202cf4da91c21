"""A post with a comment thread under it: the body is the author's, each comment its commenter's."""

from __future__ import annotations

from ...records import Kind, LayoutHints
from ..masthead import Masthead
from ..page import Page
from ..threads import find_thread
from .base import Layout


class BlogPost(Layout):
    kind = Kind.BLOG_POST

    def detect(self, page: Page, head: Masthead, hints: LayoutHints) -> float:
        return 0.5 if find_thread(page, self.threads, hints) is not None else 0.0
