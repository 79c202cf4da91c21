"""A published statement (a press release, a letter): read as prose; ``X issued the following statement``
hands the quotation that follows to X. Only the manifest names this layout: its shape is a plain page's."""

from __future__ import annotations

from ...records import Kind
from .base import Layout


class Statement(Layout):
    kind = Kind.STATEMENT
