extensions = ["sphinx_awserrors"]
awserrors_catalogue = "errors.yaml"
awserrors_json_export = None
# the catalogue differs from the reference on purpose; the checks would say so too
suppress_warnings = ["awserrors.status", "awserrors.style"]
