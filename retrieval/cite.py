"""A quote as people cite it: a plain line to paste anywhere, and the same as a Markdown link."""

from __future__ import annotations

from dataclasses import dataclass

from .records import SourceInfo


@dataclass(frozen=True)
class Citation:
    plain: str  # “quote” — Speaker, *Title*, Site, date, at, URL
    markdown: str  # [“quote” — Speaker, Title](URL), or the plain line when there is no URL


def cite(text: str, who: str | None, source: SourceInfo, at: str | None = None) -> Citation:
    """``text`` (a verbatim quote) credited to ``who`` (a reader's label: "Ann Lee (comment)") in ``source``."""
    quote = "“" + " ".join(text.split()).strip("“”\"") + "”"
    title = source.title or source.path
    parts = [p for p in (f"*{title}*", source.site, source.date, at) if p]
    head = f"{quote} — {who or 'Unknown speaker'}"
    plain = ", ".join([head, *parts, *([source.url] if source.url else [])])
    if source.url and source.url.startswith(("http://", "https://")):
        inner = ", ".join([head, title.replace("]", ")").replace("[", "("), *parts[1:]]).replace("]", ")")
        return Citation(plain, f"[{inner}]({source.url})")
    return Citation(plain, plain)
