"""The editors' report: what needs attention in the knowledge base, for `oxykb report` and the site's report page."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..model import Category, Grade, KnowledgeBase, Reliability
from . import findings


@dataclass(frozen=True)
class Report:
    counts: dict[Category, dict[Grade, int]]  # claims about oxytocin only, as on the home page
    background: list[str]  # claims not about oxytocin, left out of the counts
    not_reviewed_for_a_year: list[str]
    unused_sources: list[str]
    single_weak_source: list[str]  # one low-reliability source and no cited study
    uncited_above_very_low: list[str]  # strongest first: rubric v2 wants the evidence for these grades in `cites`


def make(kb: KnowledgeBase, today: datetime.date) -> Report:
    counts = {category: {grade: 0 for grade in Grade} for category in Category}
    year_ago = (
        today.replace(year=today.year - 1)
        if not (today.month == 2 and today.day == 29)
        else today - datetime.timedelta(days=365)
    )
    used = set()
    for claim in kb.claims.values():
        used.update(entry.source for entry in claim.sources)
        used.update(claim.cites)
    for claim in findings.about_oxytocin(kb.claims.values()):
        counts[claim.category][claim.grade] += 1
    return Report(
        counts=counts,
        background=sorted(c.id for c in kb.claims.values() if c.background),
        not_reviewed_for_a_year=sorted(c.id for c in kb.claims.values() if c.reviewed < year_ago),
        unused_sources=sorted(set(kb.sources) - used),
        single_weak_source=sorted(
            c.id
            for c in kb.claims.values()
            if len({entry.source for entry in c.sources}) == 1
            and not c.cites
            and kb.sources[c.sources[0].source].reliability is Reliability.LOW
        ),
        uncited_above_very_low=[
            c.id
            for c in sorted(kb.claims.values(), key=lambda c: (c.grade.rank, c.id))
            if c.grade.rank < Grade.VERY_LOW.rank and not c.cites
        ],
    )


def as_text(report: Report) -> str:
    """A plain table for the terminal."""
    grades = list(Grade)
    header = ["category", *[grade.value for grade in grades], "total"]
    rows = [
        [
            category.value,
            *[str(report.counts[category][grade]) for grade in grades],
            str(sum(report.counts[category].values())),
        ]
        for category in Category
    ]
    rows.append(
        [
            "total",
            *[str(sum(report.counts[c][g] for c in Category)) for g in grades],
            str(sum(sum(row.values()) for row in report.counts.values())),
        ]
    )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row))
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    lines.append(f"background claims (not about oxytocin) left out of the table: {len(report.background)}")
    for title, items in (
        ("not reviewed in the last 12 months", report.not_reviewed_for_a_year),
        ("sources no claim uses", report.unused_sources),
        ("claims with a single low-reliability source and no cited study", report.single_weak_source),
        (
            "graded above very-low without cited evidence (cite it, or lower the grade)",
            report.uncited_above_very_low,
        ),
    ):
        lines += ["", f"{title}: {len(items)}", *[f"  {item}" for item in items]]
    return "\n".join(lines) + "\n"
