"""config.example.toml is valid and documents every key the config accepts."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from quoth.bot.config import AppConfig, GuildSettings, load_config
from quoth.errors import ConfigError

EXAMPLE = Path(__file__).resolve().parents[3] / "config.example.toml"


def test_example_config_loads():
    cfg = load_config(str(EXAMPLE))
    assert cfg.model.backend == "onnx-int8" and cfg.search.k == 3


def test_example_documents_every_key():
    text = EXAMPLE.read_text()
    present = tomllib.loads(text)
    commented = set(re.findall(r"^# (\w+) = ", text, re.MULTILINE))
    for section, model in AppConfig.model_fields.items():
        if section in ("source", "guilds"):  # guilds: one table per server, in test_example_documents_a_server
            continue
        for key in model.annotation.model_fields:
            assert key in present.get(section, {}) or key in commented, f"[{section}] {key} is undocumented"


def test_example_documents_a_server():
    """The commented [guilds.<id>] example names every key a server's table takes, and loads once uncommented."""
    text = EXAMPLE.read_text()
    block = text[text.index("# [guilds."):]
    uncommented = "\n".join(line[2:] for line in block.splitlines() if line.startswith("# "))
    table = tomllib.loads(uncommented)["guilds"]
    (gid, keys), = table.items()
    assert set(keys) == set(GuildSettings.model_fields)
    cfg = AppConfig.from_dict(tomllib.loads(uncommented), EXAMPLE)
    assert cfg.guilds[int(gid)].daily_time == "18:00" and cfg.guilds[int(gid)].name == "Book club"


def test_token_in_config_is_refused(tmp_path):
    bad = tmp_path / "c.toml"
    bad.write_text('[bot]\ntoken = "abc"\n')
    with pytest.raises(ConfigError, match="DISCORD_TOKEN"):
        load_config(str(bad))


def test_relative_paths_are_relative_to_the_config(tmp_path):
    cfg_file = tmp_path / "sub" / "config.toml"
    cfg_file.parent.mkdir()
    cfg_file.write_text('[corpus]\npath = "docs"\n[data]\ndir = "state"\n')
    cfg = load_config(str(cfg_file))
    assert cfg.corpus_dir() == tmp_path / "sub" / "docs" and cfg.data_dir() == tmp_path / "sub" / "state"
