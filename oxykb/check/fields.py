"""What each field of a claim or source file may hold, said once.

Each spec both checks a YAML node (collecting problems with positions) and
describes itself as JSON Schema, so the published schema and `oxykb check`
cannot drift apart. `oxykb check` goes further than the schema (references,
quotes, dates in the future), which lives in `validate.py`.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from enum import Enum

from ..model import (
    LANGUAGES,
    Direction,
    Grade,
    Localized,
    Population,
    QuoteRole,
    Reliability,
    Role,
    SourceKind,
    Status,
    StudyDesign,
)
from .yamlstrict import Mapping, Node, Position, Scalar, Sequence

INVALID = object()  # a value that failed its check; its problem is already recorded


# Every file has the same few key paths ("statement.nl", "sources[0].quote"): one string each, not one per file,
# makes the parse cache a third faster to pickle and load, and smaller.
_intern = sys.intern


@dataclass
class Checker:
    """Collects problems and the position of every value while specs run."""

    today: datetime.date
    problems: list[tuple[Position, str]] = field(default_factory=list)
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)  # plain tuples: cheap to cache

    def problem(self, pos: Position, message: str) -> object:
        self.problems.append((pos, message))
        return INVALID


def _label(path: str) -> str:
    return f"'{path}'" if path else "the file"


def _describe(node: Node) -> str:
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    if node.value is None:
        return "nothing"
    if isinstance(node.value, bool):
        return f"{str(node.value).lower()} (a true/false value)"
    if isinstance(node.value, (int, float)):
        return f"the number {node.value}"
    return f"'{node.value}'"


class Spec:
    json: dict

    def check(self, node: Node, checker: Checker, path: str):
        raise NotImplementedError


# Editors' text is hostile: each pattern must run in linear time. None has two quantifiers that can take the
# same characters (`\s*+` never gives back what it took), and a snippet marker is found by its fixed middle.
_UNSAFE_TEXT = (
    (re.compile(r"<\s*+/?\s*+[A-Za-z!?]"), "raw HTML is not allowed in text; write plain text"),
    (
        re.compile(r"\b(?:javascript|vbscript|livescript)\s*:|\bdata\s*:\s*[a-z]+/[a-z]", re.IGNORECASE),
        "script or data URLs are not allowed",
    ),
    (re.compile(r"\]\(\s*(?!https?://)"), "Markdown links must point to an http(s) URL"),
    (re.compile(r"\{\s*:|\{\s*[#.][A-Za-z]"), "attribute lists ({: ...}) are not allowed in text"),
    (re.compile(r"-8<-"), "snippet markers (--8<--) are not allowed in text"),
)


_ANY_UNSAFE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _UNSAFE_TEXT), re.IGNORECASE)
_CAN_BE_UNSAFE = re.compile(
    r"[<:{\]8]"
)  # every pattern above needs one of these characters; a character class is the fastest search


@dataclass
class Text(Spec):
    """Non-empty plain text; Markdown emphasis allowed, nothing that becomes markup."""

    description: str = "Plain text."
    max_length: int | None = None  # for names and titles: Python-Markdown takes time quadratic in a line of them

    @property
    def json(self) -> dict:
        schema = {"type": "string", "minLength": 1, "description": self.description}
        if self.max_length:
            schema["maxLength"] = self.max_length
        return schema

    def check(self, node, checker, path):
        if not isinstance(node, Scalar) or not isinstance(node.value, str):
            hint = "; put it in quotes" if isinstance(node, Scalar) and node.value is not None else ""
            return checker.problem(node.pos, f"{_label(path)} must be text, not {_describe(node)}{hint}")
        text = unicodedata.normalize("NFC", node.value).strip()
        if not text:
            return checker.problem(node.pos, f"{_label(path)} is empty")
        if _CAN_BE_UNSAFE.search(text) and _ANY_UNSAFE.search(text):
            for pattern, message in _UNSAFE_TEXT:
                if pattern.search(text):
                    return checker.problem(node.pos, f"{_label(path)}: {message}")
        return self.convert(text, node, checker, path)

    def convert(self, text, node, checker, path):
        if self.max_length and len(text) > self.max_length:
            return checker.problem(
                node.pos, f"{_label(path)} is {len(text):,} characters long; the limit is {self.max_length}"
            )
        return text


@dataclass
class Pattern(Text):
    """Text of a fixed shape, such as an id, date, URL or DOI."""

    regex: str = ""
    shape: str = ""

    @property
    def json(self) -> dict:
        schema = {"type": "string", "pattern": self.regex, "description": self.description}
        if self.max_length:
            schema["maxLength"] = self.max_length
        return schema

    def convert(self, text, node, checker, path):
        if not _compiled(self.regex).search(text) or (self.max_length and len(text) > self.max_length):
            return checker.problem(node.pos, f"{_label(path)} must be {self.shape}; found '{text}'")
        return text


@functools.cache
def _compiled(regex: str) -> re.Pattern:
    return re.compile(regex)


# The one slug rule: ids, file names, tags and page names. Linear: each hyphen must be followed by a letter or digit.
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_MAX_LENGTH = 80
SLUG_SHAPE = f"a lowercase slug (a-z, 0-9 and single hyphens, at most {SLUG_MAX_LENGTH} characters)"


def is_slug(text: str) -> bool:
    return len(text) <= SLUG_MAX_LENGTH and _compiled(SLUG).fullmatch(text) is not None


def Slug(description: str) -> Pattern:
    return Pattern(description=description, regex=SLUG, shape=SLUG_SHAPE, max_length=SLUG_MAX_LENGTH)


@dataclass
class Date(Pattern):
    """An ISO date (or, where allowed, a year or year-month) that has happened."""

    allow_partial: bool = False

    def __post_init__(self):
        self.regex = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" if self.allow_partial else r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        self.shape = "an ISO date: YYYY-MM-DD, YYYY-MM or YYYY" if self.allow_partial else "an ISO date (YYYY-MM-DD)"

    def convert(self, text, node, checker, path):
        if super().convert(text, node, checker, path) is INVALID:
            return INVALID
        parts = [int(part) for part in text.split("-")] + [1, 1]
        try:
            date = datetime.date(*parts[:3])
        except ValueError:
            return checker.problem(node.pos, f"{_label(path)} is not a real date: '{text}'")
        if date > checker.today:
            return checker.problem(node.pos, f"{_label(path)} {text} is in the future")
        return text if self.allow_partial else date


@dataclass
class Url(Pattern):
    def __post_init__(self):
        # A host with a dot after its first character: the first such dot is matched, so nothing backtracks.
        self.regex = r"^https?://[^\s/?#@][^\s/?#@.]*\.[^\s/?#@]+([/?#][^\s]*)?$"
        self.shape = "an http:// or https:// URL"


@functools.cache
def _members(vocabulary: type[Enum]) -> dict[str, Enum]:
    return {item.value: item for item in vocabulary}


_LONGEST_TYPO = 40  # longer than any field name or choice, with room for typos


def _did_you_mean(found: str, allowed: list[str]) -> str | None:
    """The allowed word closest to what an editor wrote.

    Long text is no typo, and difflib's time grows with the square of its length.
    """
    if len(found) > _LONGEST_TYPO:
        return None
    guess = difflib.get_close_matches(found, allowed, n=1)
    return guess[0] if guess else None


@dataclass
class Choice(Spec):
    vocabulary: type[Enum]
    description: str = ""

    @property
    def json(self) -> dict:
        return {"enum": [item.value for item in self.vocabulary], "description": self.description}

    def check(self, node, checker, path):
        members = _members(self.vocabulary)
        if isinstance(node, Scalar) and isinstance(node.value, str) and node.value in members:
            return members[node.value]
        allowed = list(members)
        found = _describe(node)
        guess = _did_you_mean(node.value, allowed) if isinstance(node, Scalar) and isinstance(node.value, str) else None
        hint = f" (did you mean '{guess}'?)" if guess else ""
        return checker.problem(node.pos, f"{_label(path)} must be one of {', '.join(allowed)}; found {found}{hint}")


@dataclass
class Flag(Spec):
    """true or false."""

    description: str = ""

    @property
    def json(self) -> dict:
        return {"type": "boolean", "description": self.description}

    def check(self, node, checker, path):
        if isinstance(node, Scalar) and isinstance(node.value, bool):
            return node.value
        return checker.problem(node.pos, f"{_label(path)} must be true or false, not {_describe(node)}")


@dataclass
class Count(Spec):
    """A whole number from 1 up, such as a number of participants."""

    description: str = ""
    maximum: int = 100_000_000  # more than any study has had; a typo beyond it is caught

    @property
    def json(self) -> dict:
        return {"type": "integer", "minimum": 1, "maximum": self.maximum, "description": self.description}

    def check(self, node, checker, path):
        value = node.value if isinstance(node, Scalar) else None
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= self.maximum:
            return value
        return checker.problem(
            node.pos, f"{_label(path)} must be a whole number from 1 to {self.maximum:,}, not {_describe(node)}"
        )


@dataclass
class Translated(Spec):
    """The same text in Dutch and English."""

    description: str = ""
    max_length: int | None = None

    def __post_init__(self):
        self._text = Text(max_length=self.max_length)

    @property
    def json(self) -> dict:
        text = {"type": "string", "minLength": 1, **({"maxLength": self.max_length} if self.max_length else {})}
        return {
            "type": "object",
            "description": self.description,
            "properties": {"nl": {**text, "description": "Dutch"}, "en": {**text, "description": "English"}},
            "required": list(LANGUAGES),
            "additionalProperties": False,
        }

    def check(self, node, checker, path):
        if not isinstance(node, Mapping):
            return checker.problem(
                node.pos, f"{_label(path)} must be a mapping with nl: and en: texts, not {_describe(node)}"
            )
        values = {}
        for key, value in node.items:
            if key.value not in LANGUAGES:
                checker.problem(key.pos, f"{_label(path)} has unknown language '{key.value}'; use nl and en")
                continue
            values[key.value] = self._text.check(value, checker, f"{path}.{key.value}")
            checker.positions[_intern(f"{path}.{key.value}")] = tuple(value.pos)
        for language in LANGUAGES:
            if language not in values:
                checker.problem(node.pos, f"{_label(path)} is missing its {language} text")
        if len(values) < len(LANGUAGES) or INVALID in values.values():
            return INVALID
        return Localized(**values)


@dataclass
class ListOf(Spec):
    item: Spec
    min_items: int = 0
    description: str = ""

    @property
    def json(self) -> dict:
        schema = {"type": "array", "items": self.item.json, "description": self.description}
        if self.min_items:
            schema["minItems"] = self.min_items
        if not isinstance(self.item, Record):
            schema["uniqueItems"] = True
        return schema

    def check(self, node, checker, path):
        if not isinstance(node, Sequence):
            return checker.problem(node.pos, f"{_label(path)} must be a list, not {_describe(node)}")
        if len(node.items) < self.min_items:
            return checker.problem(
                node.pos,
                f"{_label(path)} needs at least {'one item' if self.min_items == 1 else f'{self.min_items} items'}",
            )
        values, seen = [], {}
        for index, item in enumerate(node.items):
            item_path = f"{path}[{index}]"
            checker.positions[_intern(item_path)] = tuple(item.pos)
            value = self.item.check(item, checker, item_path)
            if isinstance(value, str) and value in seen:
                checker.problem(item.pos, f"{_label(path)} lists '{value}' twice (first at line {seen[value].line})")
                continue
            if isinstance(value, str):
                seen[value] = item.pos
            values.append(value)
        return INVALID if INVALID in values else tuple(values)


@dataclass
class Field:
    spec: Spec
    required: bool = True
    default: str | None = None  # what an optional field means when left out, as YAML (`oxykb new` writes it)


@dataclass
class Record(Spec):
    """A mapping with known fields; unknown and missing ones are reported."""

    fields: dict[str, Field]
    description: str = ""
    one_of_required: tuple[str, ...] = ()

    @property
    def json(self) -> dict:
        schema = {
            "type": "object",
            "description": self.description,
            "properties": {name: f.spec.json for name, f in self.fields.items()},
            "required": [name for name, f in self.fields.items() if f.required],
            "additionalProperties": False,
        }
        if self.one_of_required:
            schema["anyOf"] = [{"required": [name]} for name in self.one_of_required]
        return schema

    def check(self, node, checker, path):
        if not isinstance(node, Mapping):
            return checker.problem(node.pos, f"{_label(path)} must be a mapping of fields, not {_describe(node)}")
        values = {}
        prefix = f"{path}." if path else ""
        for key, value in node.items:
            name = key.value
            if name not in self.fields:
                guess = _did_you_mean(name, list(self.fields))
                hint = f" (did you mean '{guess}'?)" if guess else f"; known fields: {', '.join(self.fields)}"
                checker.problem(key.pos, f"unknown field '{prefix}{name}'{hint}")
                continue
            checker.positions[_intern(prefix + name)] = tuple(value.pos)
            values[name] = self.fields[name].spec.check(value, checker, prefix + name)
        for name, f in self.fields.items():
            if f.required and name not in values:
                checker.problem(node.pos, f"missing field '{prefix}{name}'")
        if self.one_of_required and not any(name in values for name in self.one_of_required):
            checker.problem(node.pos, f"needs {' or '.join(repr(n) for n in self.one_of_required)}")
        return values


NAME_LENGTH = (
    500  # characters of a title, name or tag: ample, and short enough that Markdown's quadratic cases stay fast
)

QUOTE = Record(
    {
        "source": Field(Slug("Id of the source document the quote is taken from (claims/sources/<id>.yaml).")),
        "quote": Field(Text("Verbatim quote from the source's .txt, in its original language.")),
        "quote_en": Field(Text("Faithful English translation of the quote, shown on the English site.")),
        "role": Field(
            Choice(
                QuoteRole,
                "support (the default): the quote supports the statement; claim-as-made: the document asserts what "
                "the statement qualifies or rejects, shown as the claim as made, never as support.",
            ),
            required=False,
            default="support",
        ),
    },
    description="Where the claim was found.",
)

CLAIM = Record(
    {
        "statement": Field(Translated("The claim, worded as the grade allows.")),
        "grade": Field(Choice(Grade, "How sure we can be that the claim is true (see the evidence scale).")),
        "rationale": Field(Translated("Why this grade, in plain words.")),
        "direction": Field(
            Choice(
                Direction,
                "Which way the evidence points, apart from its certainty: effect (the default; what the statement "
                "describes), no-difference (little or no difference found) or mixed (studies disagree).",
            ),
            required=False,
            default="effect",
        ),
        "population": Field(Choice(Population, "Whose evidence it is; none when there is no research at all.")),
        "background": Field(
            Flag(
                "true for a claim that is not about oxytocin (PTSD therapy, stress physiology): it stays out of "
                "oxytocin's evidence counts and figures."
            ),
            required=False,
            default="false",
        ),
        "sources": Field(ListOf(QUOTE, min_items=1, description="Where the claim was found, with verbatim quotes.")),
        "cites": Field(
            ListOf(Slug("Source id."), description="Primary studies behind the claim (source ids)."), required=False
        ),
        "related": Field(ListOf(Slug("Claim id."), description="Claims that qualify this one."), required=False),
        "contradicts": Field(ListOf(Slug("Claim id."), description="Claims this one contradicts."), required=False),
        "status": Field(Choice(Status, "current, disputed, or withdrawn (the page stays, with a notice).")),
        "tags": Field(ListOf(Slug("Tag."), description="Topics, as slugs.")),
        "reviewed": Field(Date(description="ISO date of the last editorial review; not in the future.")),
    },
    description="An oxykb claim: claims/<category>/<id>.yaml.",
)

STUDY = Record(
    {
        "design": Field(Choice(StudyDesign, "What sort of study it is.")),
        "participants": Field(Count("Number of participants (animals, in an animal study)."), required=False),
        "population": Field(Translated("Who or what was studied.", max_length=NAME_LENGTH), required=False),
        "intervention": Field(Translated("The intervention or exposure.", max_length=NAME_LENGTH), required=False),
        "comparator": Field(Translated("What it was compared with.", max_length=NAME_LENGTH), required=False),
        "outcome": Field(Translated("The outcome measured.", max_length=NAME_LENGTH), required=False),
    },
    description="What a cited study did, only where known; its year is the source's `published`.",
)

SOURCE = Record(
    {
        "title": Field(Text("Title as the document shows it.", max_length=NAME_LENGTH), required=False),
        "cited_as": Field(
            Text(
                "The citation exactly as a document prints it, for studies known only from that.",
                max_length=NAME_LENGTH,
            ),
            required=False,
        ),
        "kind": Field(Choice(SourceKind, "What sort of document it is.")),
        "publisher": Field(
            Text("Publisher or site, where the document shows it.", max_length=NAME_LENGTH), required=False
        ),
        "journal": Field(Text("Journal, for journal articles.", max_length=NAME_LENGTH), required=False),
        "authors": Field(
            ListOf(Text("Author name.", max_length=NAME_LENGTH), min_items=1, description="Authors, only where known."),
            required=False,
        ),
        "language": Field(
            Pattern(
                description="ISO 639-1 language code.",
                regex=r"^[a-z]{2}$",
                shape="a two-letter language code such as nl or en",
            )
        ),
        "published": Field(
            Date(description="Publication date or year, only where known.", allow_partial=True), required=False
        ),
        "url": Field(Url(description="http(s) address of the document, only where known."), required=False),
        "doi": Field(
            Pattern(
                description="DOI, only one seen in a text or verified.",
                regex=r"^10\.[0-9]{4,9}/\S+$",
                shape="a DOI such as 10.3402/ejpt.v3i0.18597 (without https://doi.org/)",
            ),
            required=False,
        ),
        "study": Field(STUDY, required=False),
        "reliability": Field(Choice(Reliability, "How reliable the source is as a witness.")),
        "assessment": Field(Translated("Why this reliability: does it cite studies, sell something, misreport?")),
    },
    description="An oxykb source: claims/sources/<id>.yaml, with its full text in <id>.txt where we hold it.",
    one_of_required=("title", "cited_as"),
)


ANSWER_LENGTH = 1000  # characters: the bottom line in one to three sentences

QUESTION = Record(
    {
        "question": Field(Translated("The question as a reader would ask it.", max_length=NAME_LENGTH)),
        "answer": Field(
            Translated(
                "The bottom line in one to three sentences, worded by the grade and direction of its key finding.",
                max_length=ANSWER_LENGTH,
            )
        ),
        "claims": Field(
            ListOf(
                Record(
                    {
                        "claim": Field(Slug("Claim id.")),
                        "role": Field(
                            Choice(
                                Role,
                                "key-finding (the first one sets the answer's certainty), caveat, myth or background.",
                            )
                        ),
                    },
                    description="A claim that answers the question, and its role in the answer.",
                ),
                min_items=1,
                description="The claims that answer the question, in the order the page shows them.",
            )
        ),
        "tags": Field(ListOf(Slug("Tag."), description="Topics, as slugs.")),
        "reviewed": Field(Date(description="ISO date of the last editorial review; not in the future.")),
    },
    description="An oxykb question: claims/questions/<id>.yaml.",
)


@dataclass
class Glossary(Spec):
    """A mapping from slugs to texts in both languages (claims/tags.yaml)."""

    entry: Translated
    description: str = ""

    @property
    def json(self) -> dict:
        return {
            "type": "object",
            "description": self.description,
            "propertyNames": {"pattern": SLUG, "maxLength": SLUG_MAX_LENGTH},
            "additionalProperties": self.entry.json,
        }

    def check(self, node, checker, path):
        if not isinstance(node, Mapping):
            return checker.problem(node.pos, f"{_label(path)} must be a mapping of tags, not {_describe(node)}")
        values = {}
        for key, value in node.items:
            if not is_slug(key.value):
                checker.problem(key.pos, f"tag '{key.value}' must be {SLUG_SHAPE}")
                continue
            checker.positions[key.value] = tuple(key.pos)
            values[key.value] = self.entry.check(value, checker, key.value)
        return INVALID if INVALID in values.values() else values


TAGS = Glossary(
    Translated("The tag's name in Dutch and English.", max_length=NAME_LENGTH),
    description="Names of the tags claims use: claims/tags.yaml.",
)


def json_schema(record: Spec, title: str) -> dict:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **record.json}
