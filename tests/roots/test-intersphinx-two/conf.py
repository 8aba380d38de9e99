project = "two"
extensions = ["sphinx.ext.intersphinx", "sphinx_awserrors"]
awserrors_catalogue = "errors.yaml"
awserrors_external_url = "https://aws.example.com/errors#{code_lower}"
exclude_patterns = ["_build"]
# the test appends: intersphinx_mapping = {"one": ("https://one.example.org/", "<objects.inv>")}
