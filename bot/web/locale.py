"""The reply language of a web request: ``lang=`` or ``Accept-Language``, over the bot's catalogs.

The catalogs are the Discord bot's (``bot/discord/locales/*.toml``: English sentence → translation), read here
as TOML files rather than through ``quoth.bot.discord.translator``, so that discord.py stays out of the web
process. Only what Quoth itself writes is translated; the quotes never are.
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

log = logging.getLogger("quoth.web")
LOCALES = Path(__file__).resolve().parents[1] / "discord" / "locales"
ENGLISH = "en"
# A language tag as BCP 47 spells one (``fr``, ``pt-BR``, ``zh-Hant-TW``): anything else names no catalog.
TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
MAX_ACCEPT_ITEMS = 20  # an Accept-Language header longer than this: only its first items are read


@cache
def catalogs() -> dict[str, dict[str, str]]:
    """Language (``fr``, ``pt-BR``) → English sentence → translation; empty entries left out (shown in English)."""
    out: dict[str, dict[str, str]] = {}
    for path in sorted(LOCALES.glob("*.toml")):
        with path.open("rb") as fh:
            out[path.stem] = {k: v for k, v in tomllib.load(fh).get("messages", {}).items() if v}
    return out


def _catalog_tag(tag: str) -> str | None:
    """The shipped catalog for a tag: the regional one if shipped, else the language's; None for none."""
    if not TAG.fullmatch(tag):
        return None
    found = {code.lower(): code for code in catalogs()}
    lowered = tag.lower()
    if lowered in found:
        return found[lowered]
    return found.get(lowered.split("-")[0])


def _accepted(header: str) -> list[str]:
    """Accept-Language's tags, most wanted first (``q=0`` ones left out; equal weights keep their order)."""
    weighted = []
    for i, item in enumerate(header.split(",")[:MAX_ACCEPT_ITEMS]):
        tag, _, params = item.strip().partition(";")
        q = 1.0
        m = re.fullmatch(r"\s*q\s*=\s*([0-9.]{1,5})\s*", params) if params else None
        if params and m is None:
            continue  # a malformed weight: that item is unreadable, the others still count
        if m is not None:
            try:
                q = float(m.group(1))
            except ValueError:
                continue
        if q > 0 and tag.strip():
            weighted.append((-q, i, tag.strip()))
    return [tag for _, _, tag in sorted(weighted)]


def negotiate(lang: str | None = None, accept_language: str | None = None) -> str:
    """The reply language: ``lang`` when a catalog has it, else the first of ``accept_language`` that one has,
    else English (also when English itself comes first)."""
    if lang and lang.strip():
        return _catalog_tag(lang.strip()) or ENGLISH
    for tag in _accepted(accept_language or ""):
        if tag == "*" or tag.lower() == ENGLISH or tag.lower().startswith(ENGLISH + "-"):
            return ENGLISH
        found = _catalog_tag(tag)
        if found:
            return found
    return ENGLISH


@dataclass(frozen=True)
class Messages:
    """Sentences in one language: ``messages("Nothing relevant found.")``; ``{fields}`` filled from keywords."""

    lang: str
    catalog: dict[str, str]

    def __call__(self, message: str, **values: object) -> str:
        text = self.catalog.get(message, message)
        try:
            return text.format(**values) if values else text
        except (KeyError, IndexError, ValueError):  # a translation naming a field it was not given: English
            log.warning("translation of %r does not fit its fields", message)
            return message.format(**values)

    def has(self, message: str) -> bool:
        """Whether ``message`` is said in this language (English says everything)."""
        return self.lang == ENGLISH or message in self.catalog


def messages_for(lang: str | None) -> Messages:
    """The sentences of ``lang`` (a tag such as ``fr`` or ``fr-FR``); English for None and unknown languages."""
    code = _catalog_tag(lang) if lang and lang != ENGLISH else None
    return Messages(code or ENGLISH, catalogs().get(code, {}) if code else {})
