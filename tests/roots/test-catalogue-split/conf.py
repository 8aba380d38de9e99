extensions = ["sphinx_awserrors"]
awserrors_catalogue = ["errors.yaml"]
exclude_patterns = ["_build"]
