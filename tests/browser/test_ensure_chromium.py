"""tests/browser/ensure-chromium, the set-up step the README and CI run before the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().with_name("ensure-chromium")


def test_nothing_to_do_when_chromium_is_there():
    assert shutil.which("chromium")  # the browser tests need it anyway
    res = subprocess.run([str(SCRIPT)], capture_output=True, text=True, timeout=30)
    assert (res.returncode, res.stdout, res.stderr) == (0, "", "")


def _others_can_run(path: Path) -> bool:
    """Whether a user other than the owner can read ``path``: every folder above it searchable by others."""
    return bool(path.stat().st_mode & 0o004) and all(d.stat().st_mode & 0o001 for d in path.parents)


@pytest.mark.skipif(os.getuid() != 0 or not shutil.which("setpriv") or not _others_can_run(SCRIPT),
                    reason="needs root to become another user, who can read the checkout")
def test_without_chromium_or_rights_it_says_how_to_install_it():
    # An unprivileged user whose PATH has bash and id but neither chromium nor sudo: it cannot install, so it
    # must say what to run, on one line, and fail. (Its own folder: pytest's tmp folders are root's alone.)
    with tempfile.TemporaryDirectory(prefix="ensure-chromium-") as tmp:
        bin_dir = Path(tmp)
        bin_dir.chmod(0o755)
        for tool in ("bash", "id"):
            (bin_dir / tool).symlink_to(shutil.which(tool))
        res = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "env", "-i",
                              f"PATH={bin_dir}", "bash", str(SCRIPT)], capture_output=True, text=True, timeout=30)
    assert res.returncode == 1 and res.stdout == ""
    [line] = res.stderr.splitlines()
    assert "apt-get install chromium" in line, line
