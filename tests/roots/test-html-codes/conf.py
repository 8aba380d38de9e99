extensions = ["sphinx_awserrors"]
exclude_patterns = ["_build"]
