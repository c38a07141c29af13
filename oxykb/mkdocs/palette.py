"""Material's palette script in a file of its own, not in every page.

Material writes the script that applies a reader's saved choice of light or dark into the header of every page:
0.7 KB on each of 20,000 claim pages at 10,000 claims. theme/partials/javascripts/palette.html loads it from
this file instead, at the same place and as synchronously, so the palette still applies before the page shows;
a browser fetches it once. The file is made at each build from the installed Material's own partial, so it is
always theirs.
"""

from __future__ import annotations

from pathlib import Path

import material

SCRIPT = "assets/javascripts/oxykb-palette.js"  # where the file is, from a language's root
MATERIAL_PARTIAL = Path(material.__file__).parent / "templates" / "partials" / "javascripts" / "palette.html"


def script() -> str:
    """The code of Material's palette partial: what its one <script> element holds."""
    text = MATERIAL_PARTIAL.read_text("utf-8")
    start, end = text.find("<script>"), text.rfind("</script>")
    if start == -1 or end < start or text.count("<script") != 1:
        raise ValueError(f"Material's {MATERIAL_PARTIAL.name} is not one inline <script> element")
    return text[start + len("<script>") : end].strip() + "\n"
