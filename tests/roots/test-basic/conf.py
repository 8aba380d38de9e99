extensions = ["sphinx_awserrors"]
awserrors_catalogue = "errors.yaml"
exclude_patterns = ["_build"]
latex_documents = [("index", "basic.tex", "Basic", "Tests", "manual")]
man_pages = [("index", "basic", "Basic", ["Tests"], 1)]
