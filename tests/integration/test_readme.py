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
