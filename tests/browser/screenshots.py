"""The README's screenshots of the page: ``python -m tests.browser.screenshots OUTDIR``.

Serves the bundled sample corpus as ``quoth web`` does with no config (the default data directory; its index
is built first if needed), drives Debian's Chromium to the ask page with answers, the check page with an
altered quote's differences drawn, and the ask page on a phone, and saves one PNG of each into OUTDIR.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.browser.launch import CHROMIUM_ARGS, chromium_path
from tests.browser.pages import ALTERED_SENTENCE, STRIKE_QUESTION, ask_path, check_path


@dataclass(frozen=True)
class Shot:
    """One README screenshot: the file, the page, and the window it is taken in (the window, not the whole
    page: a README image should be small)."""

    name: str
    path: str
    width: int
    height: int
    phone: bool = False


SHOTS = [
    Shot("ask.png", ask_path(STRIKE_QUESTION), 1200, 860),
    Shot("check.png", check_path(f'"{ALTERED_SENTENCE}"'), 1200, 760),
    Shot("phone.png", ask_path(STRIKE_QUESTION), 360, 740, phone=True),
]


def take(browser, base_url: str, out: Path, shots: list[Shot] = SHOTS) -> list[Path]:
    """Save ``shots`` of the app at ``base_url`` into ``out`` with Playwright's ``browser``; a page that does not
    answer 200 is an error."""
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    for shot in shots:
        phone = {"is_mobile": True, "has_touch": True, "device_scale_factor": 2} if shot.phone else {}
        context = browser.new_context(base_url=base_url, viewport={"width": shot.width, "height": shot.height},
                                      **phone)
        try:
            response = context.new_page().goto(shot.path)
            if response is None or response.status != 200:
                raise RuntimeError(f"{shot.path} answered {response and response.status}, not 200")
            context.pages[0].screenshot(path=out / shot.name)
        finally:
            context.close()
        saved.append(out / shot.name)
        print(f"saved {out / shot.name} ({(out / shot.name).stat().st_size // 1024} kB)", flush=True)
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.browser.screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("outdir", type=Path, help="folder for the PNGs (made if missing)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from quoth import Quoth
    from quoth.bot.web import WebService
    from tests.web import serving

    quoth = Quoth.open()
    print("indexing the sample corpus (if it changed)…", flush=True)
    quoth.index()
    service = WebService(quoth)
    try:
        with serving(service) as url, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            take(browser, url, args.outdir)
            browser.close()
    except RuntimeError as e:
        print(f"screenshots: {e}", file=sys.stderr)
        return 1
    finally:
        service.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
