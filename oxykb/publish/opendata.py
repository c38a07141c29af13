"""The knowledge base as open data: claims.json (everything, both languages) and claims.csv (a row per claim).

Both list each claim's permanent addresses, which come from urls.py like every link on the site.
"""

from __future__ import annotations

import csv
import io
import json

from ..model import LANGUAGES, Claim, KnowledgeBase, Localized, Question, Source, Study
from ..model import OPEN_DATA_FORMAT_VERSION as FORMAT_VERSION
from ..urls import claim_addresses, question_addresses


def _per_language(name: str) -> tuple[str, ...]:
    return tuple(f"{name}_{language}" for language in LANGUAGES)


CSV_COLUMNS = (
    "id",
    "category",
    "grade",
    "status",
    "population",
    "direction",
    "background",  # true or false
    *_per_language("statement"),
    *_per_language("rationale"),
    "sources",
    "cites",
    "related",
    "contradicts",
    "tags",
    "reviewed",
    *_per_language("url"),
)
LIST_SEPARATOR = ";"


def _translations(text: Localized) -> dict[str, str]:
    return {language: text[language] for language in LANGUAGES}


def _claim(claim: Claim) -> dict:
    return {
        "id": claim.id,
        "category": claim.category.value,
        "statement": _translations(claim.statement),
        "grade": claim.grade.value,
        "rationale": _translations(claim.rationale),
        "population": claim.population.value,
        "direction": claim.direction.value,
        "background": claim.background,
        "sources": [
            {"source": q.source, "quote": q.quote, "quote_en": q.quote_en, "role": q.role.value} for q in claim.sources
        ],
        "cites": list(claim.cites),
        "related": list(claim.related),
        "contradicts": list(claim.contradicts),
        "status": claim.status.value,
        "tags": list(claim.tags),
        "reviewed": claim.reviewed.isoformat(),
        "url": claim_addresses(claim.id),
    }


def _source(source: Source) -> dict:
    data = {"id": source.id}
    for name in (
        "title",
        "cited_as",
        "kind",
        "publisher",
        "journal",
        "authors",
        "language",
        "published",
        "url",
        "doi",
        "reliability",
    ):
        value = getattr(source, name)
        if value not in (None, ()):
            data[name] = list(value) if isinstance(value, tuple) else str(value)
    if source.study is not None:
        data["study"] = _study(source.study)
    data["assessment"] = _translations(source.assessment)
    data["has_full_text"] = source.text is not None
    return data


def _study(study: Study) -> dict:
    """A study's fields as written in its source file: only those that are known."""
    data: dict = {"design": study.design.value}
    if study.participants is not None:
        data["participants"] = study.participants
    for name in ("population", "intervention", "comparator", "outcome"):
        value = getattr(study, name)
        if value is not None:
            data[name] = _translations(value)
    return data


def _question(question: Question) -> dict:
    return {
        "id": question.id,
        "question": _translations(question.question),
        "answer": _translations(question.answer),
        "claims": [{"claim": entry.claim, "role": entry.role.value} for entry in question.claims],
        "tags": list(question.tags),
        "reviewed": question.reviewed.isoformat(),
        "url": question_addresses(question.id),
    }


def as_json(kb: KnowledgeBase) -> str:
    """claims.json with a claim, source or tag on each line: easy to read and diff, and fast to write.

    (json's indented output runs in pure Python, ten times slower than its compact one.)
    """

    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    def lines(items) -> str:
        return "[\n" + ",\n".join(f"  {dump(item)}" for item in items) + "\n ]" if items else "[]"

    tags = sorted(kb.tags.items())
    return "".join(
        [
            f'{{"format_version": {dump(FORMAT_VERSION)},\n',
            ' "license": null,\n',  # no licence has been granted yet; the maintainers set it here
            ' "claims": ',
            lines([_claim(kb.claims[claim_id]) for claim_id in sorted(kb.claims)]),
            ",\n",
            ' "sources": ',
            lines([_source(kb.sources[source_id]) for source_id in sorted(kb.sources)]),
            ",\n",
            ' "questions": ',
            lines([_question(kb.questions[question_id]) for question_id in sorted(kb.questions)]),
            ",\n",
            ' "tags": {',
            ",".join(f"\n  {dump(tag)}: {dump(_translations(name))}" for tag, name in tags),
            "\n }" if tags else "}",
            "\n}\n",
        ]
    )


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A cell that no spreadsheet runs as a formula: one starting with = + - @, a tab or a carriage return gets a
    leading ' (OWASP's advice against CSV injection). claims.json keeps the text as it is."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def as_csv(kb: KnowledgeBase) -> str:
    """claims.csv: a row per claim, every cell safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for claim_id in sorted(kb.claims):
        claim = kb.claims[claim_id]
        writer.writerow(
            spreadsheet_safe(cell)
            for cell in [
                claim.id,
                claim.category.value,
                claim.grade.value,
                claim.status.value,
                claim.population.value,
                claim.direction.value,
                "true" if claim.background else "false",
                *_translations(claim.statement).values(),
                *_translations(claim.rationale).values(),
                LIST_SEPARATOR.join(q.source for q in claim.sources),
                LIST_SEPARATOR.join(claim.cites),
                LIST_SEPARATOR.join(claim.related),
                LIST_SEPARATOR.join(claim.contradicts),
                LIST_SEPARATOR.join(claim.tags),
                claim.reviewed.isoformat(),
                *claim_addresses(claim.id).values(),
            ]
        )
    return out.getvalue()
