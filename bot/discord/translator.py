"""What the bot writes, in the reader's language: a discord.py ``Translator`` over catalogs in ``locales/``
(one TOML file per language, English sentence → translation; English itself needs none).

Discord gives each interaction the user's locale. The command tree's ``interaction_check`` and each button's
make it the *reply locale* of the task that answers (a context variable, which ``asyncio.to_thread`` carries
into worker threads too); ``_()`` then translates any sentence the reply is built from, however deep. Mentions
and direct messages carry no locale: the server's preferred one is used, else English. Command names stay
English; their descriptions and options are translated when the tree is synced.
"""

from __future__ import annotations

import contextvars
import logging
import tomllib
from functools import cache
from pathlib import Path

import discord
from discord import app_commands

log = logging.getLogger("quoth.bot")
LOCALES = Path(__file__).resolve().parent / "locales"
_reply_locale: contextvars.ContextVar[discord.Locale | None] = contextvars.ContextVar("quoth_locale", default=None)


@cache
def catalogs() -> dict[str, dict[str, str]]:
    """Language (``fr``, or ``pt-BR`` for a regional one) → English sentence → translation."""
    out = {}
    for path in sorted(LOCALES.glob("*.toml")):
        with path.open("rb") as fh:
            out[path.stem] = {k: v for k, v in tomllib.load(fh).get("messages", {}).items() if v}
    return out


def catalog_for(locale: discord.Locale | str | None) -> dict[str, str]:
    """The catalog for a Discord locale: the regional one ("pt-BR") if shipped, else the language's ("fr" for
    "fr" and "es-ES" for "es"); empty for English and unknown locales."""
    if locale is None:
        return {}
    code = str(locale)
    found = catalogs()
    return found.get(code) or found.get(code.split("-")[0], {})


def translate(message: str, locale: discord.Locale | str | None = None, **values: object) -> str:
    """``message`` in ``locale`` (default: the reply locale), with ``{name}`` fields filled from ``values``."""
    text = catalog_for(locale if locale is not None else _reply_locale.get()).get(message, message)
    try:
        return text.format(**values) if values else text
    except (KeyError, IndexError, ValueError):  # a translation naming a field it was not given: say it in English
        log.warning("translation of %r does not fit its fields", message)
        return message.format(**values)


_ = translate


def use_locale(locale: discord.Locale | str | None) -> None:
    """Make ``locale`` the reply locale of the task that is answering."""
    _reply_locale.set(discord.Locale(str(locale)) if locale is not None else None)


def message_locale(message: discord.Message) -> discord.Locale | None:
    """A mention or DM has no user locale: the server's preferred one, else none (English)."""
    return message.guild.preferred_locale if message.guild is not None else None


class QuothTranslator(app_commands.Translator):
    """The catalogs as discord.py's translator: command descriptions at sync time, and ``interaction.translate``."""

    async def translate(self, string: app_commands.locale_str, locale: discord.Locale,
                        context: app_commands.TranslationContextTypes) -> str | None:
        found = catalog_for(locale).get(string.message)
        return found or None  # None: Discord shows the English


class QuothTree(app_commands.CommandTree):
    """The command tree that sets each command's reply locale before it runs."""

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        use_locale(interaction.locale)
        return True


class Localised:
    """For buttons (dynamic items): the reply locale is the clicker's."""

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        use_locale(interaction.locale)
        return True
