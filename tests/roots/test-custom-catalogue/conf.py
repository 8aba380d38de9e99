extensions = ["sphinx_awserrors"]
exclude_patterns = ["_build"]

# one file of each format, in this order
awserrors_catalogue = ["errors.yaml", "more/errors.toml", "errors.json"]
