extensions = ["sphinx_awserrors"]
awserrors_catalogue = "errors.yaml"
awserrors_checks = []
exclude_patterns = ["_build"]
latex_documents = [("index", "characters.tex", "Characters", "Tests", "manual")]
