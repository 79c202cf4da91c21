"""How Debian's Chromium is launched for the browser tests and the README's screenshots, and the sample-corpus
Quoth they serve."""

from __future__ import annotations

import shutil
from pathlib import Path

# We run as root in CI (no sandbox then); the rest keeps Chromium from reaching the network on its own.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def chromium_path() -> str:
    """Debian's chromium (Playwright's own browser downloads are not used); tests/browser/ensure-chromium puts it
    on PATH."""
    found = shutil.which("chromium")
    if not found:
        raise RuntimeError("the browser tests need Debian's chromium on PATH: run tests/browser/ensure-chromium")
    return found


def sample_quoth(root: Path, encoder=None):
    """A Quoth over a copy of the bundled sample corpus under ``root`` (corpus/, data/), indexed."""
    from quoth import Quoth, Settings
    from quoth.settings import SAMPLE_CORPUS

    corpus = shutil.copytree(SAMPLE_CORPUS, root / "corpus")
    quoth = Quoth(Settings().with_(corpus={"path": str(corpus)}, data={"dir": str(root / "data")}), encoder=encoder)
    quoth.index()
    return quoth
