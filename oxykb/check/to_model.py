"""A file's checked values (records.py) as the model's immutable Claim, Source or Question."""

from __future__ import annotations

from types import MappingProxyType

from ..model import Claim, Direction, Question, QuestionClaim, Quote, Source, Study
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
        direction=values.get("direction", Direction.EFFECT),
        background=values.get("background", False),
        path=file.shown,
        positions=MappingProxyType(parsed.positions),
    )


def source(file: FileToRead, parsed: ParsedFile, text: str | None) -> Source:
    values = dict(parsed.values)
    if "study" in values:
        values["study"] = Study(**values["study"])
    return Source(id=file.id, path=file.shown, text=text, positions=MappingProxyType(parsed.positions), **values)


def question(file: FileToRead, parsed: ParsedFile) -> Question:
    values = parsed.values
    return Question(
        id=file.id,
        question=values["question"],
        answer=values["answer"],
        claims=tuple(QuestionClaim(**entry) for entry in values["claims"]),
        tags=values["tags"],
        reviewed=values["reviewed"],
        path=file.shown,
        positions=MappingProxyType(parsed.positions),
    )
