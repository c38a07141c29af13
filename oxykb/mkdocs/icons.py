"""Icons drawn once per site, not in every page.

Material writes each icon's SVG into every page that shows it: thirteen on a claim page, a sixth of its size,
and as many times over as the site has pages. The icons the site shows are overridden in theme/.icons/ by a
reference (<use>) to one symbol of a shared file, which a browser fetches once and caches; the file is made at
each build from the installed Material's own icons, so it is always theirs.
"""

from __future__ import annotations

import re
from pathlib import Path

import material

SPRITE = "assets/images/icons.svg"  # where the shared file is, from a language's root
OVERRIDES = Path(__file__).parent / "theme" / ".icons"
MATERIAL_ICONS = Path(material.__file__).parent / "templates" / ".icons"
_ICON = re.compile(
    r'<svg xmlns="http://www\.w3\.org/2000/svg" viewBox="(?P<view_box>[^"]*)">(?P<drawing>.*)</svg>', re.DOTALL
)


def symbol_id(icon: str) -> str:
    """'material/menu' -> 'material-menu', the id each override refers to."""
    return icon.replace("/", "-")


def overridden() -> list[str]:
    """The icons theme/.icons/ replaces with a reference, as Material names them ('material/menu')."""
    return sorted(path.relative_to(OVERRIDES).with_suffix("").as_posix() for path in OVERRIDES.rglob("*.svg"))


def sprite() -> str:
    """The shared file: each overridden icon of the installed Material as a <symbol>, with the id it is used by."""
    symbols = []
    for icon in overridden():
        drawn = _ICON.fullmatch((MATERIAL_ICONS / f"{icon}.svg").read_text("utf-8").strip())
        if drawn is None:
            raise ValueError(f"Material's icon {icon} is not a single <svg> with a viewBox")
        symbols.append(f'<symbol id="{symbol_id(icon)}" viewBox="{drawn["view_box"]}">{drawn["drawing"]}</symbol>')
    return '<svg xmlns="http://www.w3.org/2000/svg">' + "".join(symbols) + "</svg>\n"
