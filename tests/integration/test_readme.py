"""README's examples run as written and print what it shows."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample_data(tmp_path_factory) -> Path:
    """One data directory for the command-line examples: the sample corpus is indexed once."""
    return tmp_path_factory.mktemp("readme-data")


def test_python_example_runs(tmp_path):
    # Every Python block, in order, as one program: a later block goes on from an earlier one's ``q``.
    example = "\n".join(re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.S))
    res = subprocess.run([sys.executable, "-c", example], cwd=ROOT, capture_output=True, text=True, timeout=600,
                         env={**os.environ, "QUOTH_DATA_DIR": str(tmp_path)})
    assert res.returncode == 0, res.stderr[-2000:]
    assert "— Jeremy Corbyn, Jeremy Corbyn (MP for Islington North): posts" in res.stdout
    assert "reading documents" in res.stdout and "000_d043d93d402abdb8.txt" in res.stdout
    assert res.stdout.rstrip().endswith("True")  # the live messages' example: a message waits for a build


def test_the_first_question_answers_what_the_readme_shows(sample_data):
    readme = (ROOT / "README.md").read_text()
    [question] = re.findall(r'quoth ask "(.*?)"\n```', readme)
    [shown] = re.findall(r"then answers:\n\n```\n(.*?)```", readme, re.S)
    res = subprocess.run([sys.executable, "-m", "quoth.bot.cli", "ask", question], cwd=ROOT, capture_output=True,
                         text=True, timeout=600, env={**os.environ, "QUOTH_DATA_DIR": str(sample_data)})
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout == shown


def test_the_verify_example_prints_what_the_readme_shows(sample_data):
    [(command, shown)] = re.findall(r"```\n\$ (quoth verify .*?)\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    res = subprocess.run(["bash", "-c", command.replace("quoth ", f"{sys.executable} -m quoth.bot.cli ", 1)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600,
                         env={**os.environ, "QUOTH_DATA_DIR": str(sample_data)})
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout == shown
