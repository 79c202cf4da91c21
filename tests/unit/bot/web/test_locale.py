"""The reply language: ``lang`` first, then Accept-Language by weight, then English; the bot's catalogs read as
TOML (discord.py is never imported for it)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from quoth.bot.web.locale import ENGLISH, catalogs, messages_for, negotiate


@pytest.mark.parametrize("lang, header, expected", [
    (None, None, "en"), ("fr", None, "fr"), ("FR", None, "fr"), ("fr-CA", None, "fr"), ("xx", "fr", "en"),
    ("en", "fr", "en"), (None, "fr-FR,fr;q=0.9", "fr"), (None, "de-DE,de;q=0.9", "en"),
    (None, "de;q=0.9, fr;q=0.8", "fr"), (None, "en-GB,fr;q=0.9", "en"), (None, "fr;q=0, de", "en"),
    (None, "*", "en"), (None, "fr;q=abc, de", "en"), (None, "de, fr;q=0.5, en;q=0.4", "fr"),
    (None, ";;;,,,", "en"), ("../fr", None, "en"), ("fr\x00", None, "en"), (None, "x" * 2000, "en"),
    ("", "fr", "fr"), ("  ", "fr", "fr"),
])
def test_negotiate(lang, header, expected):
    assert negotiate(lang, header) == expected


def test_a_long_header_is_read_only_so_far():
    assert negotiate(None, ", ".join(["de"] * 30 + ["fr"])) == ENGLISH


def test_messages_translate_with_fields_and_fall_back_to_english():
    fr = messages_for("fr")
    assert fr.lang == "fr" and fr("Nothing relevant found.") == "Rien de pertinent trouvé."
    assert fr("I cannot search that: {reason}.", reason="the question is empty") == \
        "Je ne peux pas chercher cela : the question is empty."
    assert fr("A sentence no catalog has.") == "A sentence no catalog has."
    assert fr.has("Nothing relevant found.") and not fr.has("A sentence no catalog has.")
    en = messages_for(None)
    assert en.lang == "en" and en("Nothing relevant found.") == "Nothing relevant found."
    assert messages_for("zz").lang == "en" and messages_for("fr-BE").lang == "fr"


def test_a_translation_missing_its_field_is_said_in_english():
    from quoth.bot.web.locale import Messages

    broken = Messages("xx", {"Hello {name}.": "Bonjour {nom}."})
    assert broken("Hello {name}.", name="Ann") == "Hello Ann."


def test_the_catalogs_are_the_bots_and_discord_is_not_imported():
    assert "fr" in catalogs() and catalogs()["fr"]["Nothing relevant found."] == "Rien de pertinent trouvé."
    code = ("import sys; from quoth.bot.web.locale import messages_for; messages_for('fr'); "
            "import quoth.bot.web; print('discord' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
