"""The knowledge base as typed, immutable values, independent of YAML and MkDocs.

It imports nothing from the rest of oxykb: checking makes these values and publishing reads them.
"""

from __future__ import annotations

import copyreg
import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType


def read_only(mapping: dict) -> Mapping:
    return MappingProxyType(mapping)


# A knowledge base goes to the build's worker processes by pickle; its read-only mappings go as dicts.
copyreg.pickle(MappingProxyType, lambda mapping: (read_only, (dict(mapping),)))

LANGUAGES = ("nl", "en")
OPEN_DATA_FORMAT_VERSION = "2.0"  # of claims.json and claims.csv: raise it when a field changes meaning or goes


class Vocabulary(str, Enum):
    """A closed list of values an editor may write."""

    def __str__(self) -> str:
        return self.value


class Grade(Vocabulary):
    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"
    VERY_LOW = "very-low"
    UNSUPPORTED = "unsupported"

    @property
    def rank(self) -> int:
        """0 for the strongest evidence, so sorting puts it first."""
        return list(Grade).index(self)


class Category(Vocabulary):
    FACTS = "facts"
    STUDIES = "studies"
    THERAPIES = "therapies"
    RISKS = "risks"


class Population(Vocabulary):
    HUMAN = "human"
    ANIMAL = "animal"
    IN_VITRO = "in-vitro"
    MIXED = "mixed"
    NONE = "none"  # no research at all: the claim rests on nothing but assertion


class Direction(Vocabulary):
    """Which way the evidence points, apart from how certain it is (evidence scale, version 2)."""

    EFFECT = "effect"  # the effect or association the statement describes
    NO_DIFFERENCE = "no-difference"  # little or no difference: a finding, not an absence of evidence
    MIXED = "mixed"  # studies point different ways


class QuoteRole(Vocabulary):
    """What a quote shows: the claim's support, or the assertion as a document made it (which the claim may reject)."""

    SUPPORT = "support"
    CLAIM_AS_MADE = "claim-as-made"


class StudyDesign(Vocabulary):
    SYSTEMATIC_REVIEW = "systematic-review"
    META_ANALYSIS = "meta-analysis"
    RANDOMISED_TRIAL = "randomised-trial"
    COHORT = "cohort"
    CASE_CONTROL = "case-control"
    CROSS_SECTIONAL = "cross-sectional"
    CASE_SERIES = "case-series"
    ANIMAL = "animal"
    IN_VITRO = "in-vitro"
    NARRATIVE_REVIEW = "narrative-review"
    EXPERT_OPINION = "expert-opinion"


class Role(Vocabulary):
    """What a claim does for the question it helps answer."""

    KEY_FINDING = "key-finding"
    CAVEAT = "caveat"
    MYTH = "myth"
    BACKGROUND = "background"


class Status(Vocabulary):
    CURRENT = "current"
    DISPUTED = "disputed"
    WITHDRAWN = "withdrawn"


class SourceKind(Vocabulary):
    NEWS = "news"
    BLOG = "blog"
    COMMERCIAL = "commercial"
    LECTURE = "lecture"
    JOURNAL_ARTICLE = "journal-article"
    REVIEW = "review"
    BOOK = "book"
    WEBSITE = "website"


class Reliability(Vocabulary):
    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"


@dataclass(frozen=True, slots=True)
class Localized:
    """One text in every language the site is published in."""

    nl: str
    en: str

    def __getitem__(self, language: str) -> str:
        return getattr(self, language)


# Parsed files go into the parse cache and between processes by pickle, tens of thousands of these
# at a time: as constructor calls they load faster than through dataclasses' __setstate__.
copyreg.pickle(Localized, lambda text: (Localized, (text.nl, text.en)))


@dataclass(frozen=True, slots=True)
class Quote:
    source: str
    quote: str
    quote_en: str
    role: QuoteRole = QuoteRole.SUPPORT


copyreg.pickle(Quote, lambda quote: (Quote, (quote.source, quote.quote, quote.quote_en, quote.role)))


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    category: Category
    statement: Localized
    grade: Grade
    rationale: Localized
    population: Population
    sources: tuple[Quote, ...]
    status: Status
    tags: tuple[str, ...]
    reviewed: datetime.date
    cites: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    contradicts: tuple[str, ...] = ()
    direction: Direction = Direction.EFFECT
    background: bool = False  # not about oxytocin (PTSD therapy, stress physiology): kept out of oxytocin's counts
    path: str = ""
    positions: Mapping[str, tuple[int, int]] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, repr=False
    )

    def position(self, key: str) -> tuple[int, int]:
        """Where a field (`related[1]`, `sources[0].quote`) was written, as (line, column), for messages."""
        return self.positions.get(key, (1, 1))


@dataclass(frozen=True, slots=True)
class Study:
    """What a cited study did, where known: shown on its source page and counted on the claims that cite it."""

    design: StudyDesign
    participants: int | None = None  # people, or animals in an animal study
    population: Localized | None = None
    intervention: Localized | None = None  # or exposure
    comparator: Localized | None = None
    outcome: Localized | None = None


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    kind: SourceKind
    language: str
    reliability: Reliability
    assessment: Localized
    title: str | None = None
    cited_as: str | None = None
    publisher: str | None = None
    journal: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    url: str | None = None
    doi: str | None = None
    study: Study | None = None
    path: str = ""
    text: str | None = None
    positions: Mapping[str, tuple[int, int]] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, repr=False
    )


@dataclass(frozen=True, slots=True)
class QuestionClaim:
    claim: str
    role: Role


@dataclass(frozen=True, slots=True)
class Question:
    """A reader's question, answered in a few sentences and backed by the claims that give the answer."""

    id: str
    question: Localized
    answer: Localized
    claims: tuple[QuestionClaim, ...]  # in the order the page shows them
    tags: tuple[str, ...]
    reviewed: datetime.date
    path: str = ""
    positions: Mapping[str, tuple[int, int]] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, repr=False
    )

    def with_role(self, role: Role) -> list[str]:
        return [entry.claim for entry in self.claims if entry.role is role]

    def position(self, key: str) -> tuple[int, int]:
        return self.positions.get(key, (1, 1))


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    claims: Mapping[str, Claim]
    sources: Mapping[str, Source]
    tags: Mapping[str, Localized] = field(default_factory=lambda: MappingProxyType({}))
    questions: Mapping[str, Question] = field(default_factory=lambda: MappingProxyType({}))

    def answer_grade(self, question: Question) -> Grade:
        """An answer is as certain as its first key finding: the claim the answer rests on."""
        return self.claims[question.with_role(Role.KEY_FINDING)[0]].grade
