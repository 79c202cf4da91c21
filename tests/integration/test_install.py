"""Every way the README and deploy/ install Quoth gets torch's CPU build: PyPI's Linux torch (x86-64 and
aarch64) is the CUDA build, which pulls ~17 nvidia-* packages, several GB, into a program that runs on CPUs."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CPU_INDEX = "https://download.pytorch.org/whl/cpu"


def torch_pin() -> str:
    """The one torch pin, pyproject's [full] extra: every install command must name the same."""
    full = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["full"]
    [pin] = [r.replace(" ", "") for r in full if re.match(r"torch\s*==", r)]
    return pin


def readme_block(heading: str) -> str:
    """The command of the README's ```bash block under ``heading``."""
    section = (ROOT / "README.md").read_text().split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```bash\n(.*?)```", section, re.S)[1].strip()


def pip_installs(script: str) -> list[list[str]]:
    """The arguments of each `pip install` in a shell script or Dockerfile, in order."""
    steps = []
    for line in re.sub(r"\\\n", " ", script).splitlines():
        lexer = shlex.shlex(line.removeprefix("RUN "), posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        command: list[str] = []
        for word in [*lexer, ";"]:
            if word in ("&&", "||", ";", "|"):
                steps += [command[i + 2:] for i, w in enumerate(command[:-1])
                          if (w == "pip" or w.endswith("/pip")) and command[i + 1] == "install"]
                command = []
            else:
                command.append(word)
    return steps


def unit_commands(unit: str = "quoth.service") -> str:
    """The install commands in a deploy/ unit's header, one a comment line indented by three spaces."""
    lines = (ROOT / "deploy" / unit).read_text().splitlines()
    return "\n".join(m[1] for line in lines if (m := re.match(r"#   (\S.*)", line)))


INSTALLS = {
    "README: set up and ask a question": lambda: readme_block("Set up and ask a question"),
    "README: set up and run the tests": lambda: readme_block("Set up and run the tests"),
    "README: Quoth on the web": lambda: readme_block("Quoth on the web"),
    ".ci/run": lambda: (ROOT / ".ci" / "run").read_text(),
    "deploy/Dockerfile": lambda: (ROOT / "deploy" / "Dockerfile").read_text(),
    "deploy/quoth.service": unit_commands,
    "deploy/quoth-web.service": lambda: unit_commands("quoth-web.service"),
}


@pytest.mark.parametrize("where", INSTALLS)
def test_torch_comes_from_the_cpu_index_before_the_project(where):
    steps = pip_installs(INSTALLS[where]())
    project = [i for i, s in enumerate(steps) if any(re.search(r"\[([\w,]+,)?(full|test)(,[\w,]+)?\]", w) for w in s)]
    assert project, f"{where}: no install of quoth[full] or quoth[test] found"
    torch = [i for i, s in enumerate(steps) if torch_pin() in s]
    assert torch and torch[0] < project[0], f"{where}: torch ({torch_pin()}) is not installed before the project"
    step = steps[torch[0]]
    # --index-url, not --extra-index-url: nothing else can come from PyTorch's index, and torch cannot come
    # from PyPI. --no-deps: torch's own requirements come from PyPI with the project's.
    assert step[step.index("--index-url") + 1] == CPU_INDEX and "--no-deps" in step, step
    assert not any("--extra-index-url" in s for s in steps), f"{where}: an extra index mixes PyPI and PyTorch's"


def test_ci_runs_exactly_the_readmes_test_command():
    ci = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    assert ci[-1] == readme_block("Set up and run the tests")


def _local_torch_wheel() -> bool:
    """Whether pip's find-links holds the pinned torch (this development machine, offline but for its own
    wheel folder): there, and only there, the README's torch step can be run without the network."""
    res = subprocess.run([sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True)
    version = torch_pin().split("==")[1]
    folders = re.findall(r"find-links='([^']+)'", res.stdout)
    return any(Path(f).glob(f"torch-{version}+cpu-*.whl") for f in " ".join(folders).split())


@pytest.mark.skipif(not _local_torch_wheel(), reason="needs the pinned torch in pip's find-links (offline)")
def test_the_readmes_torch_step_takes_the_cpu_wheel_here(tmp_path):
    [step] = [s for s in pip_installs(readme_block("Set up and ask a question")) if torch_pin() in s]
    report = tmp_path / "report.json"
    started = time.monotonic()
    # --retries 0: PyTorch's index does not resolve here and each retry of it costs seconds (README: ~9 s).
    res = subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--retries", "0",
                          "--report", str(report), *(w for w in step if w != "-q")],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    installs = json.loads(report.read_text())["install"]
    chosen = {i["metadata"]["name"].lower(): i["metadata"]["version"] for i in installs}
    assert chosen == {"torch": torch_pin().split("==")[1] + "+cpu"}, chosen
    assert time.monotonic() - started < 60
