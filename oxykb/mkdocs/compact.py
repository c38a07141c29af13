"""Pages without their indentation: a fifth of a claim page is the indentation of Material's templates.

A browser shows a run of white space between words or tags as one space or none, whatever the run holds,
except in <pre> (code blocks), which is kept as it is. Each run that starts a line becomes a bare line
break, so scripts keep their lines and the page reads the same. Pure and deterministic.
"""

from __future__ import annotations

import re

_INDENTATION = re.compile(r"\n[ \t\r\n]*")  # linear: a run of white space, matched once


def compact(html: str) -> str:
    """The page with each line break's following white space (indentation, blank lines) removed, <pre> kept."""
    pieces, position = [], 0
    while (start := html.find("<pre", position)) != -1 and (end := html.find("</pre>", start)) != -1:
        pieces += [_INDENTATION.sub("\n", html[position:start]), html[start:end]]
        position = end
    pieces.append(_INDENTATION.sub("\n", html[position:]))
    return "".join(pieces)
