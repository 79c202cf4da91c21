"""README's Python example runs as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_python_example_runs(tmp_path):
    [example] = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    res = subprocess.run([sys.executable, "-c", example], cwd=ROOT, capture_output=True, text=True, timeout=600,
                         env={**os.environ, "QUOTH_DATA_DIR": str(tmp_path)})
    assert res.returncode == 0, res.stderr[-2000:]
    assert "— Jeremy Corbyn, Jeremy Corbyn (MP for Islington North): posts" in res.stdout
    assert "reading documents" in res.stdout and "000_d043d93d402abdb8.txt" in res.stdout


def test_the_verify_example_prints_what_the_readme_shows(tmp_path):
    [(command, shown)] = re.findall(r"```\n\$ (quoth verify .*?)\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    res = subprocess.run(["bash", "-c", command.replace("quoth ", f"{sys.executable} -m quoth.bot.cli ", 1)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600,
                         env={**os.environ, "QUOTH_DATA_DIR": str(tmp_path)})
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout == shown
