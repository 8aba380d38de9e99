"""Browser tests of aws-error-table: the test project built with each theme, served, in Chromium.

The project (``tests/roots/test-browser``) is built once per theme for the session, served by
:mod:`http.server` on 127.0.0.1 and opened in Debian's ``chromium`` through Playwright for Python
(never ``playwright install``: the system browser is launched by path). Every test skips, with
the reason, where Chromium, Playwright, a theme or a recent enough Sphinx is missing.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import sphinx

if TYPE_CHECKING:
    from collections.abc import Iterator

REPO = Path(__file__).resolve().parents[3]
ROOT = REPO / "tests" / "roots" / "test-browser"

#: The themes, by module name (``html_theme``), that the tests build the project with.
THEMES = (
    "alabaster",
    "furo",
    "pydata_sphinx_theme",
    "sphinx_rtd_theme",
    "sphinx_book_theme",
)

#: Chromium's switches for a headless run in a container, with no network of its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """The system Chromium (``AWSERR_CHROMIUM`` overrides), or ``None``."""
    given = os.environ.get("AWSERR_CHROMIUM")
    if given:
        return given if Path(given).is_file() else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def why_not() -> str | None:
    """Why the browser tests cannot run here, or ``None`` when they can."""
    if sphinx.version_info < (8, 0):
        return "browser tests run on the newest stack only (Sphinx 8 or later)"
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not installed (pip install playwright)"
    if chromium_path() is None:
        return "no system Chromium (apt-get install chromium; .ci/run installs it)"
    return None


def build(theme: str, out: Path) -> None:
    """Build the test project with *theme* into *out* (the repository's package, not another)."""
    env = dict(os.environ, AWSERR_TEST_THEME=theme, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(ROOT), str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"building the test project with {theme} failed:\n{result.stderr}")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Serve without a line on stderr per request."""


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of the test project, built with every installed theme (``<url>/<theme>/``)."""
    reason = why_not()
    if reason:
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("browser-site")
    for theme in THEMES:
        if importlib.util.find_spec(theme) is not None:
            build(theme, out / theme)
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser(site: str) -> Iterator[Any]:
    """Chromium, launched by its path, for the whole session."""
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
        except Error as error:
            pytest.skip(f"Chromium does not start: {str(error).splitlines()[0]}")
        yield chromium
        chromium.close()


@pytest.fixture(params=THEMES)
def theme(request: pytest.FixtureRequest, site: str) -> str:
    """Each theme in turn (skipped when it is not installed)."""
    name = str(request.param)
    if importlib.util.find_spec(name) is None:
        pytest.skip(f"the theme {name} is not installed")
    return name
