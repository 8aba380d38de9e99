extensions = ["sphinx_awserrors"]
exclude_patterns = ["_build"]
awserrors_json_export = None
