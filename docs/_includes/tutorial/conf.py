project = "Acme Object Store"
extensions = ["sphinx_awserrors"]

# The AWS codes that ship with the extension, plus Acme's own.
awserrors_catalogue = ["bundled", "errors.yaml"]
