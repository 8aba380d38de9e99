extensions = ["sphinx_awserrors"]
awserrors_catalogue = "errors.yaml"
awserrors_coverage_source = ["server"]
awserrors_coverage_ignore = ["IgnoredCode"]
exclude_patterns = ["_build", "server"]
