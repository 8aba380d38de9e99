"""The compare layer: a catalogue against something else.

What belongs here: ``coverage`` (the codes a server's source can return against the
documented ones). No Sphinx: the command line and the Sphinx extension both use it.
"""
