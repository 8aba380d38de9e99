"""Pictures of aws-error-table in every supported theme: ``make screenshots``.

Builds the browser tests' project (``tests/roots/test-browser``) with each installed theme,
serves it on 127.0.0.1 and has the system Chromium (through Playwright for Python; never
``playwright install``) photograph the first table with its filter: light and, where the theme
has one, dark; 1280 and 400 pixels wide. The PNGs go to ``docs/_build/screenshots`` (or
``--out``), named ``<theme>-<light|dark>-<width>.png``; the docs show a few of them, copied to
``docs/_static/screenshots``.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
ROOT = REPO / "tests" / "roots" / "test-browser"

#: Each theme, by module name, and whether it has a dark mode (one that follows the system's).
THEMES = {
    "alabaster": False,
    "furo": True,
    "pydata_sphinx_theme": True,
    "sphinx_rtd_theme": False,
    "sphinx_book_theme": True,
}
WIDTHS = (1280, 400)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No line per request."""


def build(theme: str, out: Path) -> None:
    """Build the test project with *theme* into *out*."""
    env = dict(os.environ, AWSERR_TEST_THEME=theme, PYTHONPATH=str(REPO))
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(ROOT), str(out)]
    subprocess.run(command, env=env, check=True)


def shoot(site: Path, out: Path, themes: list[str]) -> list[Path]:
    """Photograph the first table of each theme's build under *site*; the PNGs written."""
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("AWSERR_CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        raise SystemExit("screenshots: error: no chromium on PATH (apt-get install chromium)")
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    written: list[Path] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for theme in themes:
                schemes = ["light", "dark"] if THEMES[theme] else ["light"]
                for scheme in schemes:
                    for width in WIDTHS:
                        context = browser.new_context(
                            viewport={"width": width, "height": 720}, color_scheme=scheme
                        )
                        page = context.new_page()
                        url = f"http://127.0.0.1:{server.server_address[1]}/{theme}/index.html"
                        page.goto(url)
                        page.wait_for_load_state("load")
                        # the first table's filter, typed into, just below the theme's header
                        page.fill(".awserr-filter-input", "invalid")
                        page.evaluate(
                            """() => {
                                 document.documentElement.style.scrollBehavior = 'auto';
                                 const bar = document.querySelector('.awserr-filter');
                                 bar.style.scrollMarginTop = '5rem';
                                 bar.scrollIntoView();
                               }"""
                        )
                        page.wait_for_timeout(200)
                        path = out / f"{theme}-{scheme}-{width}.png"
                        page.screenshot(path=str(path))
                        written.append(path)
                        context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Build, serve and photograph; print the files written."""
    parser = argparse.ArgumentParser(prog="screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "_build" / "screenshots")
    parser.add_argument("--theme", action="append", choices=sorted(THEMES), dest="themes")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("playwright") is None:
        parser.error("Playwright for Python is not installed (pip install -e '.[test]')")
    themes = args.themes or [t for t in THEMES if importlib.util.find_spec(t) is not None]
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="awserr-screenshots-") as tmp:
        for theme in themes:
            build(theme, Path(tmp) / theme)
        for path in shoot(Path(tmp), args.out, themes):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
