"""Pages without their indentation: a fifth of a claim page is the indentation of Material's templates.

A browser shows a run of white space between words or tags as one space or none, whatever the run holds,
except in <pre> (code blocks), which is kept as it is. Each run that starts a line becomes a bare line
break, so scripts keep their lines and the page reads the same; and a line break between a tag and the
start or end of a block (a div, list item, paragraph, heading...) goes, since a browser shows none there
whatever CSS makes of the block. Pure and deterministic.
"""

from __future__ import annotations

import re

_INDENTATION = re.compile(r"\n[ \t\r\n]*")  # linear: a run of white space, matched once
_BEFORE_BLOCK = re.compile(
    r">\n(?=</?(?:html|head|body|meta|link|title|header|footer|main|nav|article|div|p|ul|ol|li|h[1-6]|blockquote"
    r"|form|table|thead|tbody|tr|th|td)[\s/>])"
)  # linear: a fixed lookahead at each line break


def compact(html: str) -> str:
    """The page without indentation, blank lines and line breaks before blocks, <pre> kept as it is."""
    pieces, position = [], 0
    while (start := html.find("<pre", position)) != -1 and (end := html.find("</pre>", start)) != -1:
        pieces += [_compacted(html[position:start]), html[start:end]]
        position = end
    pieces.append(_compacted(html[position:]))
    return "".join(pieces)


def _compacted(html: str) -> str:
    return _BEFORE_BLOCK.sub(">", _INDENTATION.sub("\n", html))
