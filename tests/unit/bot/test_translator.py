"""The shipped catalogs: every sentence the bot translates has an entry in each, with the same {fields}."""

import ast
import importlib
import string
from pathlib import Path

import discord
import pytest
from discord.ext import commands

from quoth.bot.discord import answers, components, remedies, service, tenants
from quoth.bot.discord.cogs import ask
from quoth.bot.discord.translator import catalogs, translate

BOT = Path(ask.__file__).resolve().parents[1]
COGS = ("ask", "admin", "privacy", "verify", "discover", "keeper")


def literal_messages() -> set[str]:
    """Every string literal passed straight to ``_()`` in the bot's code."""
    found = set()
    for path in BOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_" and node.args \
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
    return found


def command_texts() -> set[str]:
    """Descriptions of every slash command and option."""
    out = set()
    for name in COGS:
        mod = importlib.import_module(f"quoth.bot.discord.cogs.{name}")
        for obj in vars(mod).values():
            if isinstance(obj, type) and issubclass(obj, commands.Cog) and obj is not commands.Cog:
                for c in obj.__cog_app_commands__:
                    out.add(c.description)
                    out.update(p.description for p in getattr(c, "parameters", []) if p.description != "…")
    return out


def messages() -> set[str]:
    named = {answers.NOTHING_FOUND, answers.REPHRASE_HINT, service.UNAVAILABLE, ask.HELP, ask.ABOUT}
    named |= {service.NOTHING_YET, service.ELSEWHERE, tenants.NOT_SERVED_GUILD, tenants.NOT_SERVED_DM}
    named |= {label for label, _row in components.QUOTE_BUTTONS.values()}
    named |= {*remedies.QUESTION_HINTS.values(), *remedies.INDEX_STEPS.values(), remedies.ANY_INDEX_STEP}
    return literal_messages() | named | command_texts()


def fields(text: str) -> set[str]:
    return {f for _lit, f, _spec, _conv in string.Formatter().parse(text) if f}


def test_the_code_translates_something():
    assert len(literal_messages()) >= 20 and "Nothing relevant found." in messages()


@pytest.mark.parametrize("language", sorted(catalogs()))
def test_every_message_has_a_translation_with_the_same_fields(language):
    catalog = catalogs()[language]
    missing = sorted(m for m in messages() if m not in catalog)
    assert not missing, f"{language}.toml lacks: {missing}"
    wrong = [m for m in messages() if fields(catalog[m]) != fields(m)]
    assert not wrong, f"{language}.toml changes the {{fields}} of: {wrong}"
    stale = sorted(set(catalog) - messages())
    assert not stale, f"{language}.toml translates sentences the bot no longer writes: {stale}"


def test_locales_fall_back_to_the_language_then_english():
    assert translate("Nothing relevant found.", discord.Locale.french) == "Rien de pertinent trouvé."
    assert translate("Nothing relevant found.", "fr-CA") == "Rien de pertinent trouvé."
    assert translate("Nothing relevant found.", discord.Locale.japanese) == "Nothing relevant found."
    assert translate("Nothing relevant found.", None) == "Nothing relevant found."
    assert translate("…and {count} more.", "fr", count=4) == "…et 4 autres."
