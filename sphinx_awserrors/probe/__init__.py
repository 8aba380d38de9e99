"""Probing a running S3-compatible server: do its error answers match the catalogue?

:mod:`.scenarios` is the library of scripted requests, :mod:`.runner` sends them inside a
scratch bucket of its own, :mod:`.report` compares and formats. No Sphinx import.
"""
