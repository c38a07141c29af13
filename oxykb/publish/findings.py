"""What the evidence behind claims says, in words and numbers: verdicts, the studies counted, oxytocin's claims.

Shared by claim, question and list pages, the figures and the report, so that they count alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ..model import Claim, Grade, KnowledgeBase, StudyDesign
from . import labels


def verdict(claim: Claim, language: str) -> str:
    """The short verdict on a claim, from its certainty and direction: "Probably makes little or no difference"."""
    return labels.VERDICT[language][claim.direction][claim.grade]


def about_oxytocin(claims: Iterable[Claim]) -> list[Claim]:
    """The claims that count as oxytocin's evidence: background claims (not about oxytocin) are left out."""
    return [claim for claim in claims if not claim.background]


class StudiesBehind(NamedTuple):
    """The cited studies with known designs behind some claims: people and animals counted apart."""

    human_studies: int
    participants: int  # summed where known
    participants_unknown: int  # studies in people whose number of participants is not known
    animal_studies: int
    animals: int  # summed where known
    animals_unknown: int = 0  # animal studies whose number of animals is not known

    @property
    def any(self) -> bool:
        return bool(self.human_studies or self.animal_studies)


def studies_behind(kb: KnowledgeBase, claims: Iterable[Claim]) -> StudiesBehind:
    """Counts each cited study with structured fields once, however many of the claims cite it."""
    cited = {source_id for claim in claims for source_id in claim.cites}
    human = participants = unknown = animal = animals = animals_unknown = 0
    for source_id in sorted(cited):
        study = kb.sources[source_id].study if source_id in kb.sources else None
        if study is None or study.design in (StudyDesign.NARRATIVE_REVIEW, StudyDesign.EXPERT_OPINION):
            continue
        if study.design in (StudyDesign.ANIMAL, StudyDesign.IN_VITRO):
            animal += 1
            animals += study.participants or 0
            animals_unknown += study.participants is None
        else:
            human += 1
            participants += study.participants or 0
            unknown += study.participants is None
    return StudiesBehind(human, participants, unknown, animal, animals, animals_unknown)


def describe_studies(behind: StudiesBehind, language: str) -> str:
    """The studies in words, saying which numbers are not known: "3 studies, 412 participants (participants not
    known for 1); 1 animal study, 60 animals"."""

    def group(words: dict, studies: int, members: int, unknown: int) -> str:
        text = labels.counted(words["studies"], studies, language)
        if unknown == studies:
            return f"{text} ({words['none_known']})"
        text += ", " + labels.counted(words["members"], members, language)
        return text + (f" ({words['unknown'].format(count=labels.number(unknown, language))})" if unknown else "")

    words = labels.STUDY_COUNTS[language]
    parts = []
    if behind.human_studies:
        parts.append(group(words["people"], behind.human_studies, behind.participants, behind.participants_unknown))
    if behind.animal_studies:
        parts.append(group(words["animals"], behind.animal_studies, behind.animals, behind.animals_unknown))
    return "; ".join(parts)


def grade_counts(claims: Iterable[Claim]) -> dict[Grade, int]:
    counts = {grade: 0 for grade in Grade}
    for claim in claims:
        counts[claim.grade] += 1
    return counts
