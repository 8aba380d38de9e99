extensions = ["sphinx_awserrors"]
exclude_patterns = ["_build"]

# one well-formed file, one file with problems per format, and a file that is not there
awserrors_catalogue = ["good.yaml", "bad.yaml", "bad.toml", "bad.json", "missing.yaml"]
