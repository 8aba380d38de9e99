extensions = ["myst_parser", "sphinx_awserrors"]
awserrors_catalogue = "errors.yaml"
awserrors_checks = []
exclude_patterns = ["_build"]
# the tests set ``language``; the translations of the pages live here
locale_dirs = ["locales"]
gettext_compact = False
# epub requires both
copyright = "2024, Tests"
version = "1.0"
