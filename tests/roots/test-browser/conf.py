# The project the browser tests build once per theme: the theme's module name comes from the
# environment (AWSERR_TEST_THEME), so that its options can follow it.
import os

project = "Browser tests"
extensions = ["sphinx_awserrors"]
exclude_patterns = ["_build"]
html_theme = os.environ.get("AWSERR_TEST_THEME", "alabaster")
if html_theme == "pydata_sphinx_theme":
    # the default navbar (search field, theme switcher and the page-toc button) is wider than
    # a 400 px window on its own, whatever the page holds
    html_theme_options = {"navbar_persistent": [], "navbar_end": ["theme-switcher"]}
awserrors_catalogue = ["bundled", "extra.yaml"]
awserrors_json_export = None
