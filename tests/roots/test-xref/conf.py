extensions = ["sphinx_awserrors"]
awserrors_catalogue = "errors.yaml"
exclude_patterns = ["_build"]
latex_documents = [("index", "xref.tex", "Xref", "Tests", "manual")]
