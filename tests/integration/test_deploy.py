"""deploy/ cannot be run here (no images can be pulled): what can be checked is that its files agree with the
code — the config it mounts is valid, the commands and variables it names exist."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from quoth.bot.cli import build_parser
from quoth.bot.config import AppConfig

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def test_the_mounted_config_is_valid_and_serves_health_to_the_orchestrator():
    cfg = AppConfig.load(DEPLOY / "config.toml")
    assert cfg.index.backend == "milvus" and cfg.index.milvus_uri.startswith("http://milvus:")
    assert (cfg.bot.http_host, cfg.bot.http_port) == ("0.0.0.0", 8080)
    assert "8080/healthz" in (DEPLOY / "Dockerfile").read_text()


def test_compose_runs_commands_quoth_has():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert {"milvus", "index", "bot"} <= set(services)
    commands = set(build_parser()._subparsers._group_actions[0].choices)
    for name in ("index", "bot"):
        assert services[name]["command"][0] in commands
    assert "DISCORD_TOKEN" in services["bot"]["environment"]
    assert services["index"]["build"]["dockerfile"] == "deploy/Dockerfile"


def test_the_image_and_unit_set_variables_quoth_reads():
    code = "\n".join(p.read_text() for p in DEPLOY.parent.glob("*/**/*.py") if ".venv" not in p.parts)
    named = set(re.findall(r"\b(QUOTH_[A-Z_]+)=", (DEPLOY / "Dockerfile").read_text()))
    named |= set(re.findall(r"Environment=(QUOTH_[A-Z_]+)=", (DEPLOY / "quoth.service").read_text()))
    assert named and all(v in code for v in named), named
    unit = (DEPLOY / "quoth.service").read_text()
    assert re.search(r"^ExecStart=\S+/quoth serve$", unit, re.M)
