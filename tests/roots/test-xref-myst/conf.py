extensions = ["myst_parser", "sphinx_awserrors"]
awserrors_catalogue = "errors.yaml"
exclude_patterns = ["_build"]
