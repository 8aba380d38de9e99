extensions = ["sphinx_awserrors"]
awserrors_catalogue = "errors.yaml"
awserrors_json_export = None
