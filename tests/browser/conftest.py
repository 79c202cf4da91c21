"""The browser tests' fixtures: one Debian Chromium per session driven by Playwright (its own browser downloads
are not used: ``tests/browser/ensure-chromium`` installs Debian's), the web app served by real uvicorn on a free
loopback port over a copy of the sample corpus, a fresh browser context per test, and screenshots of every page
a test visits (``<basetemp>/screenshots/``, and ``$QUOTH_SCREENSHOTS`` when set)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.browser.launch import CHROMIUM_ARGS, chromium_path, sample_quoth
from tests.web import serving

SHOTS_ENV = "QUOTH_SCREENSHOTS"
_shots: list[Path] = []  # every screenshot folder written to in this run, for the terminal summary


@pytest.fixture(scope="session")
def browser_quoth(tmp_path_factory, encoder):
    """A Quoth over a copy of the bundled sample corpus in a tmp data dir, indexed once for the session."""
    return sample_quoth(tmp_path_factory.mktemp("browser-quoth"), encoder)


@pytest.fixture(scope="session")
def server_url(browser_quoth) -> Iterator[str]:
    """The web app, served by real uvicorn on a free loopback port for the whole session."""
    from quoth.bot.web import WebService

    service = WebService(browser_quoth)
    with serving(service) as url:
        yield url
    service.close()


@pytest.fixture(scope="package")
def chromium():
    # Package, not session: Playwright's sync API runs an event loop on the main thread while it lives, and every
    # later test that calls asyncio.run() (the bot's, the CLI's) would fail with "cannot be called from a running
    # event loop". It stops when the browser tests are done.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def shot_dirs(tmp_path_factory) -> list[Path]:
    """Where screenshots go: the run's own output folder, and $QUOTH_SCREENSHOTS too when it is set."""
    dirs = [tmp_path_factory.getbasetemp() / "screenshots"]
    if os.environ.get(SHOTS_ENV):
        dirs.append(Path(os.environ[SHOTS_ENV]).expanduser().resolve())
    for d in dirs:
        d.mkdir(parents=True, exist_ok=True)
        if d not in _shots:
            _shots.append(d)
    return dirs


@dataclass
class Browsing:
    """One test's view of the browser: pages it opens in fresh contexts, each page's console errors (CSP
    violations are console errors in Chromium) and uncaught exceptions, and a screenshot of every visit."""

    chromium: object
    base_url: str
    test_name: str
    shot_dirs: list[Path]
    errors: list[str] = field(default_factory=list)
    expected_failures: set[str] = field(default_factory=set)
    contexts: list = field(default_factory=list)
    shots: int = 0

    def new_page(self, **context_options):
        """A page in a fresh context (``viewport``, ``is_mobile``, ``color_scheme``, ``java_script_enabled``, …)."""
        context = self.chromium.new_context(base_url=self.base_url, **context_options)
        self.contexts.append(context)
        # A page answers in well under a second here; 15 s leaves room for a loaded 2-core CI machine, and
        # Playwright's default 30 s would only slow a failure down.
        context.set_default_timeout(15_000)
        page = context.new_page()
        page.on("console", lambda m: self._console(page, m))
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: uncaught {e}"))
        return page

    def _console(self, page, message) -> None:
        where = message.location.get("url") or ""
        # A page a test asks for with an error status is logged as a failed load: that one is expected.
        if message.type == "error" and where not in self.expected_failures:
            self.errors.append(f"{page.url}: {message.text} ({where or 'inline'})")

    def visit(self, page, path: str, label: str | None = None, status: int = 200):
        """Go to ``path``, check the status, and screenshot what the page shows."""
        if status >= 400:
            self.expected_failures.add(self.base_url + path)
        response = page.goto(path)
        assert response is not None and response.status == status, (path, response and response.status)
        self.snap(page, label or path)
        return response

    def snap(self, page, label: str, full_page: bool = True) -> None:
        """A PNG of the whole page (or of the window only: what the reader sees, scrolled), named for the test,
        the order and ``label``, in every screenshot folder."""
        self.shots += 1
        name = re.sub(r"[^A-Za-z0-9]+", "-", f"{self.test_name}-{self.shots:02d}-{label}").strip("-")[:120]
        png = page.screenshot(full_page=full_page)
        for d in self.shot_dirs:
            (d / f"{name}.png").write_bytes(png)

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def browsing(request, chromium, server_url, shot_dirs) -> Iterator[Browsing]:
    """Fails the test when any page it opened logged an error or a CSP violation."""
    b = Browsing(chromium, server_url, request.node.name, shot_dirs)
    yield b
    for page in (p for c in b.contexts for p in c.pages):
        b.snap(page, "end")
    b.close()
    if b.errors:
        pytest.fail("console errors or CSP violations:\n" + "\n".join(b.errors), pytrace=False)


def pytest_terminal_summary(terminalreporter) -> None:
    for d in _shots:
        count = len(list(d.glob("*.png")))
        terminalreporter.write_line(f"browser screenshots: {count} PNGs in {d}")
