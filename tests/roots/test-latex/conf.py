extensions = ["sphinx_awserrors"]
awserrors_catalogue = "errors.yaml"
