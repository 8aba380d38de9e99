project = "Acme Object Store"
extensions = ["sphinx_awserrors"]

# The AWS codes that ship with the extension, plus Acme's own (errors.yaml, next step).
awserrors_catalogue = ["bundled", "errors.yaml"]

# Sphinx reads every .rst file under this directory: keep it out of the build output and of
# the virtual environment created in step 1.
exclude_patterns = ["_build", ".venv"]
