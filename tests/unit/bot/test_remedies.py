"""Errors carry their way out as data, and the bot words each one as something a Discord member can do."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from quoth.bot.discord import remedies
from quoth.bot.discord.translator import catalogs, use_locale
from quoth.errors import IndexUnusable, QuothError, Remedy

ROOT = Path(__file__).resolve().parents[3]
SHELL_COMMAND = re.compile(r"\bquoth (?:index|ask|search|speakers|sources|passages|verify|unanswered|feedback|"
                           r"forget|serve|sync|eval)\b")
# Raised only by `quoth index --shard/--publish`, which no Discord command runs.
COMMAND_LINE_ONLY = {"retrieval/index/milvus/build.py"}


def raised_texts(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string written into a ``raise`` statement of a module (f-string parts too)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Raise) and node.exc is not None:
            out += [(c.lineno, c.value) for c in ast.walk(node.exc)
                    if isinstance(c, ast.Constant) and isinstance(c.value, str)]
    return out


def test_no_library_error_words_a_quoth_command_in_its_problem():
    """The command lives in ``Remedy``, so a front end without a shell can word it its own way."""
    named = [f"{path.relative_to(ROOT)}:{line}: {text}"
             for folder in ("retrieval", "embeddings") for path in sorted((ROOT / folder).rglob("*.py"))
             if str(path.relative_to(ROOT)) not in COMMAND_LINE_ONLY
             for line, text in raised_texts(path) if SHELL_COMMAND.search(text)]
    assert named == []


@pytest.mark.parametrize("locale", [None, *sorted(catalogs())])
@pytest.mark.parametrize("remedy", list(Remedy))
def test_the_bot_words_every_remedy_without_a_quoth_command(remedy, locale):
    use_locale(locale)
    exc = IndexUnusable("something is wrong", remedy)
    assert SHELL_COMMAND.search(str(exc))  # the command line's words are still there for the command line
    said = remedies.reason(exc) + " " + remedies.next_step(exc)
    assert "something is wrong" in said and not SHELL_COMMAND.search(said)
    assert said.strip() != "something is wrong"  # every remedy is said, in Discord's terms
    use_locale(None)


def test_an_error_without_a_remedy_is_said_as_it_is():
    exc = QuothError("the corpus folder /x does not exist")
    assert remedies.reason(exc) == str(exc) and remedies.next_step(exc, default=None) == ""
