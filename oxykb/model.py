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
OPEN_DATA_FORMAT_VERSION = "1.0"  # of claims.json and claims.csv: raise it when a field changes meaning or goes


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


copyreg.pickle(Quote, lambda quote: (Quote, (quote.source, quote.quote, quote.quote_en)))


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
    path: str = ""
    positions: Mapping[str, tuple[int, int]] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, repr=False
    )

    def position(self, key: str) -> tuple[int, int]:
        """Where a field (`related[1]`, `sources[0].quote`) was written, as (line, column), for messages."""
        return self.positions.get(key, (1, 1))


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
    path: str = ""
    text: str | None = None
    positions: Mapping[str, tuple[int, int]] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, repr=False
    )


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    claims: Mapping[str, Claim]
    sources: Mapping[str, Source]
    tags: Mapping[str, Localized] = field(default_factory=lambda: MappingProxyType({}))
