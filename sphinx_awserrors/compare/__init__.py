"""The compare layer: a catalogue against something else.

What belongs here: comparisons of a catalogue with a reference (``compat``: the codes and
statuses AWS or another catalogue gives), with a server's source tree (``coverage``) and with
an earlier release of itself (``diff``: the changes, classified for release notes). Each
returns plain frozen data that the command line prints and the Sphinx extension renders.
No Sphinx here; this layer may import ``convert``, ``checks``, ``markup`` and ``catalogue``.
"""
