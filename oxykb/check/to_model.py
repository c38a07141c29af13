"""A file's checked values (records.py) as the model's immutable Claim or Source."""

from __future__ import annotations

from types import MappingProxyType

from ..model import Claim, Quote, Source
from .claims_folder import FileToRead
from .records import ParsedFile


def claim(file: FileToRead, parsed: ParsedFile) -> Claim:
    values = parsed.values
    return Claim(
        id=file.id,
        category=file.category,
        statement=values["statement"],
        grade=values["grade"],
        rationale=values["rationale"],
        population=values["population"],
        sources=tuple(Quote(**entry) for entry in values["sources"]),
        status=values["status"],
        tags=values["tags"],
        reviewed=values["reviewed"],
        cites=values.get("cites", ()),
        related=values.get("related", ()),
        contradicts=values.get("contradicts", ()),
        path=file.shown,
        positions=MappingProxyType(parsed.positions),
    )


def source(file: FileToRead, parsed: ParsedFile, text: str | None) -> Source:
    return Source(id=file.id, path=file.shown, text=text, positions=MappingProxyType(parsed.positions), **parsed.values)
