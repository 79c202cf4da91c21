"""A list of one account's posts (a social profile page): below the profile header, each paragraph is a
post by the account."""

from __future__ import annotations

from ...records import Kind, LayoutHints, Role
from ..masthead import Masthead
from ..meta import Block
from ..page import Page
from ..units import Unit
from .base import Layout, Reading


class PostList(Layout):
    kind = Kind.POST_LIST
    threads = ()  # replies under posts are not scraped as threads

    def detect(self, page: Page, head: Masthead, hints: LayoutHints) -> float:
        return 1.0 if head.profile is not None else 0.0

    def split(self, blocks: list[Block]) -> tuple[list[Block], list[Block]]:
        return [], blocks  # a short post is still a post

    def read(self, r: Reading) -> list[Unit]:
        return [Unit(block[0].start, block[-1].end, r.meta.author, Role.POST) for block in r.body]
