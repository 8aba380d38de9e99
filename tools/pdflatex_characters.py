"""Write ``sphinx_awserrors/sphinxext/data/pdflatex_characters.json`` from TeX Live's files.

pdflatex reads UTF-8 through LaTeX's ``inputenc``: a character it can typeset is one that the
``.dfu`` file of a loaded font encoding declares (``\\DeclareUnicodeCharacter``). The JSON lists,
per font encoding, the code points its ``.dfu`` file declares, as ranges, and under ``kernel``
those ``utf8.def`` declares for every encoding. LaTeX's own files are
not copied: only which code points they name. Run with TeX Live installed (``kpsewhich`` finds
the files)::

    python tools/pdflatex_characters.py
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

#: The encodings whose ``.dfu`` files LaTeX's base distribution ships.
ENCODINGS = ("T1", "TS1", "OT1", "OMS", "T2A", "T2B", "T2C", "X2", "OT2", "LCY", "LY1")
DECLARED = re.compile(r"^\\DeclareUnicodeCharacter\{([0-9A-Fa-f]+)\}", re.MULTILINE)
OUT = Path(__file__).parent.parent / "sphinx_awserrors/sphinxext/data/pdflatex_characters.json"


def ranges(points: set[int]) -> list[list[int]]:
    """*points* as sorted, merged ``[first, last]`` ranges."""
    out: list[list[int]] = []
    for point in sorted(points):
        if out and out[-1][1] == point - 1:
            out[-1][1] = point
        else:
            out.append([point, point])
    return out


def main() -> None:
    """Read each encoding's ``.dfu`` file and write the JSON."""
    tables: dict[str, list[list[int]]] = {}
    # "kernel": what LaTeX's utf8.def declares whatever the encodings
    files = [("kernel", "utf8.def")] + [(name, f"{name.lower()}enc.dfu") for name in ENCODINGS]
    for encoding, name in files:
        path = subprocess.run(
            ["kpsewhich", name], capture_output=True, text=True, check=True
        ).stdout.strip()
        text = Path(path).read_text(encoding="latin-1")
        tables[encoding] = ranges({int(h, 16) for h in DECLARED.findall(text)})
    version = subprocess.run(
        ["kpsewhich", "--version"], capture_output=True, text=True, check=True
    ).stdout.splitlines()[0]
    data = {"source": f"the .dfu files of LaTeX's base distribution ({version})", **tables}
    tmp = OUT.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=None, separators=(",", ":")) + "\n", encoding="utf-8")
    tmp.replace(OUT)


if __name__ == "__main__":
    main()
