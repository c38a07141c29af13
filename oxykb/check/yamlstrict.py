"""A strict YAML reader for files written by strangers.

It composes the node tree itself from libyaml's event stream, so that
anchors, aliases, tags, extra documents and deep nesting are refused before
anything recursive runs (PyYAML's composers crash or recurse on 50,000-deep
input), and it keeps the position of every node for `path:line:col` messages.

Plain scalars are typed by the YAML 1.2 core schema. The YAML 1.1 readings
that surprise people (`no` as false, `0755` as octal, `1:30` as 5400,
`2025-08-12` as a date) are refused instead of guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

import yaml

try:
    from yaml import CSafeLoader as _EventLoader
except ImportError as error:  # pragma: no cover - install problem, not input problem
    raise ImportError("oxykb needs PyYAML built with libyaml (yaml.CSafeLoader)") from error

MAX_BYTES = 256 * 1024
MAX_DEPTH = 20


class Position(NamedTuple):
    """1-based line and column. A tuple: there are hundreds of thousands, made and cached fast."""

    line: int
    column: int


# Nodes are not frozen: a frozen dataclass is four times slower to make, and a check makes hundreds of thousands.
@dataclass(slots=True)
class Scalar:
    pos: Position
    value: str | bool | int | float | None


@dataclass(slots=True)
class Mapping:
    pos: Position
    items: tuple[tuple[Scalar, Node], ...]


@dataclass(slots=True)
class Sequence:
    pos: Position
    items: tuple[Node, ...]


Node = Scalar | Mapping | Sequence


@dataclass(frozen=True, slots=True)
class YamlProblem:
    pos: Position
    message: str


class _Abort(Exception):
    """Stops reading a file whose structure is unsafe to continue with."""


_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def bad_character(char: str) -> str | None:
    """Why char may not stand in editor text (it could hide or rewrite what a reader or terminal shows), or None."""
    if char == "\x00":
        return "NUL byte"
    if char in _BIDI_CONTROLS:
        return f"bidirectional control character U+{ord(char):04X} (can disguise text)"
    if char not in "\t\n\r" and unicodedata.category(char) == "Cc":
        return f"control character U+{ord(char):04X}"
    return None


_SUSPECT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _position_of(text: str, index: int) -> Position:
    line = text.count("\n", 0, index) + 1
    return Position(line, index - (text.rfind("\n", 0, index) + 1) + 1)


def decode(data: bytes) -> tuple[str | None, list[YamlProblem]]:
    """Bytes to text, refusing what cannot be shown safely or read reliably."""
    if len(data) > MAX_BYTES:
        return None, [YamlProblem(Position(1, 1), f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,}")]
    if data.startswith(b"\xef\xbb\xbf"):
        return None, [
            YamlProblem(Position(1, 1), "file starts with a byte order mark (BOM); save it as UTF-8 without BOM")
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8")
        pos = _position_of(good + "?", len(good))
        return None, [YamlProblem(pos, f"file is not valid UTF-8 (byte 0x{data[error.start]:02x})")]
    problems = []
    seen = set()
    for match in _SUSPECT.finditer(text):
        reason = bad_character(match.group())
        if reason and reason not in seen:
            seen.add(reason)
            problems.append(YamlProblem(_position_of(text, match.start()), f"file contains a {reason}"))
    return (None, problems) if problems else (text, [])


def _refuse_escaped_characters(value: str, pos: Position, problems: list[YamlProblem]) -> None:
    """What decode refuses in the file, refused in double-quoted text, where escapes (\\a, \\u202e) can write it."""
    for char in _SUSPECT.findall(value):
        if reason := bad_character(char):
            problems.append(YamlProblem(pos, f"quoted text contains a {reason}, written as an escape"))
            return


_NULL = re.compile(r"~|null|Null|NULL|")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_YAML11_BOOL = re.compile(r"y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF")
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_INT_OTHER_BASE = re.compile(r"0o[0-7]+|0x[0-9a-fA-F]+")
_YAML11_INT = re.compile(
    r"[-+]?(0[0-9_]+|0b[01_]+|[0-9]+_[0-9_]*)"
)  # digits up to the first _: nothing to backtrack over
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \t].*)?")
_LONGEST_NUMBER = 100  # characters; no field takes a number, and Python refuses to convert an int of over 4,300 digits


_PLAIN_WORD = re.compile(r"[A-Za-z_][\w-]*")  # a key or a word: text, unless YAML gives it a meaning
_SPECIAL_WORDS = {"null", "Null", "NULL", *_BOOL}


_PLAIN_TEXT: set[str] = set()  # plain scalars already found to be just text (keys, mostly): decided by one lookup


def _resolve_plain(text: str, pos: Position, problems: list[YamlProblem]):
    """Types an unquoted scalar like YAML 1.2, refusing YAML 1.1 surprises. (The reader looks in _PLAIN_TEXT first.)"""
    if _PLAIN_WORD.fullmatch(text) and text not in _SPECIAL_WORDS and not _YAML11_BOOL.fullmatch(text):
        if len(_PLAIN_TEXT) < 10_000:
            _PLAIN_TEXT.add(text)
        return text  # the common case, decided with one match
    if _NULL.fullmatch(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _YAML11_BOOL.fullmatch(text):
        problems.append(
            YamlProblem(pos, f'unquoted {text} is read as true/false by YAML 1.1 tools; write "{text}" in quotes')
        )
        return text
    if len(text) > _LONGEST_NUMBER and (
        _INT.fullmatch(text) or _INT_OTHER_BASE.fullmatch(text) or _FLOAT.fullmatch(text)
    ):
        problems.append(
            YamlProblem(pos, f"unquoted number of {len(text):,} characters is too long to read; write it in quotes")
        )
        return text
    if _INT.fullmatch(text):
        return int(text)
    if _INT_OTHER_BASE.fullmatch(text):
        return int(text[2:], 8 if text[1] == "o" else 16)
    if _YAML11_INT.fullmatch(text) or _SEXAGESIMAL.fullmatch(text):
        problems.append(
            YamlProblem(
                pos, f'unquoted {text} is read as a number in another base by YAML 1.1 tools; write "{text}" in quotes'
            )
        )
        return text
    if _FLOAT.fullmatch(text):
        return float(text.lower().replace(".inf", "inf").replace(".nan", "nan"))
    if _TIMESTAMP.fullmatch(text):
        problems.append(
            YamlProblem(pos, f'unquoted {text} is read as a date object by YAML tools; write dates in quotes: "{text}"')
        )
        return text
    return text


def _pos(mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _refuse_decorations(event, problems: list[YamlProblem]) -> None:
    pos = _pos(event.start_mark)
    if getattr(event, "anchor", None) is not None:
        problems.append(YamlProblem(pos, f"anchors (&{event.anchor}) are not allowed; repeat the value instead"))
    tag = getattr(event, "tag", None)
    if tag is not None:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(YamlProblem(pos, f"tags ({shown}) are not allowed"))


# Position(line, column) without NamedTuple's Python-level __new__: a check makes a million.
_make_position = tuple.__new__


def _compose(loader, problems: list[YamlProblem]) -> Node | None:
    """Builds the node tree iteratively, checking structure as the events stream by."""
    stack: list[tuple[type, Position, list]] = []
    items: list = []  # the open collection's items; at the top level, the root
    top = items  # the top level's list, to go back to when the root collection closes
    documents = 0
    get_event = loader.get_event
    plain_text = _PLAIN_TEXT
    while (event := get_event()) is not None:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            mark = event.start_mark
            pos = _make_position(Position, (mark.line + 1, mark.column + 1))
            value = event.value
            if event.anchor is not None or event.tag is not None:
                _refuse_decorations(event, problems)
            if event.style == '"' and _SUSPECT.search(value):
                _refuse_escaped_characters(value, pos, problems)
            if event.implicit[0] and event.tag is None and value not in plain_text:
                value = _resolve_plain(value, pos, problems)
            items.append(Scalar(pos, value))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            collection, pos, done = stack.pop()
            items = stack[-1][2] if stack else top
            items.append(_mapping(pos, done, problems) if collection is Mapping else Sequence(pos, tuple(done)))
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                _refuse_decorations(event, problems)
            if len(stack) >= MAX_DEPTH:
                problems.append(YamlProblem(_pos(event.start_mark), f"nesting deeper than {MAX_DEPTH} levels"))
                raise _Abort
            items = []
            stack.append((Mapping if kind is yaml.MappingStartEvent else Sequence, _pos(event.start_mark), items))
        elif kind is yaml.AliasEvent:
            problems.append(
                YamlProblem(
                    _pos(event.start_mark), f"aliases (*{event.anchor}) are not allowed; repeat the value instead"
                )
            )
            items.append(Scalar(_pos(event.start_mark), None))
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                problems.append(
                    YamlProblem(_pos(event.start_mark), "a file holds one document; remove the second '---'")
                )
                raise _Abort
            if event.version or event.tags:
                problems.append(YamlProblem(_pos(event.start_mark), "YAML directives (%YAML, %TAG) are not allowed"))
    return items[0] if items else None


def _mapping(pos: Position, items: list[Node], problems: list[YamlProblem]) -> Mapping:
    pairs = []
    first_seen: dict[str, Position] = {}
    for key, value in zip(items[0::2], items[1::2], strict=False):
        if not isinstance(key, Scalar) or not isinstance(key.value, str):
            problems.append(YamlProblem(key.pos, "keys must be plain text"))
            continue
        if key.value == "<<":
            problems.append(YamlProblem(key.pos, "merge keys (<<) are not allowed"))
            continue
        name = unicodedata.normalize("NFC", key.value)
        if name in first_seen:
            problems.append(YamlProblem(key.pos, f"duplicate key '{name}' (first at line {first_seen[name].line})"))
            continue
        first_seen[name] = key.pos
        pairs.append((key if name == key.value else Scalar(key.pos, name), value))
    return Mapping(pos, tuple(pairs))


def read(data: bytes) -> tuple[Node | None, list[YamlProblem]]:
    """Parses one YAML file strictly: a node tree, or the problems that stop it."""
    text, problems = decode(data)
    if text is None:
        return None, problems
    root = None
    try:
        root = _compose(_EventLoader(text), problems)
    except _Abort:
        pass
    except yaml.MarkedYAMLError as error:
        if "maximum nesting depth" in (error.problem or ""):  # libyaml 0.2.6+ stops at 1,000 levels before we see 20
            problems.append(
                YamlProblem(_too_deep(text) or _pos(error.problem_mark), f"nesting deeper than {MAX_DEPTH} levels")
            )
        else:
            problems.append(_syntax_problem(error))
    except yaml.YAMLError as error:  # reader errors carry no marks
        problems.append(YamlProblem(Position(1, 1), f"YAML error: {error}"))
    if problems:
        return None, problems
    if root is None:
        return None, [YamlProblem(Position(1, 1), "file is empty; expected a mapping of fields")]
    if not isinstance(root, Mapping):
        return None, [YamlProblem(root.pos, "expected a mapping of fields (key: value) at the top level")]
    return root, []


def _too_deep(text: str) -> Position | None:
    """Where flow brackets first nest deeper than MAX_DEPTH, as _compose would report it.

    Needed because libyaml's scanner reads far ahead inside flow brackets and, since 0.2.6,
    refuses 1,000 levels itself before the reader has seen the first event. One linear pass,
    skipping quoted text and comments; a block mapping at the top counts as the first level.
    """
    depth, quote, comment, line, line_start = None, "", False, 1, 0
    previous = "\n"
    for index, char in enumerate(text):
        if char == "\n":
            line, line_start, comment = line + 1, index + 1, False
        elif comment:
            pass
        elif quote:
            if char == quote and not (quote == '"' and previous == "\\"):
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "#" and previous in " \t\n":
            comment = True
        elif char in "[{":
            depth = (0 if depth is None else depth) + 1
            if depth > MAX_DEPTH:
                return Position(line, index - line_start + 1)
        elif char in "]}":
            depth = max((depth or 1) - 1, 0)
        elif depth is None and not char.isspace():
            depth = 1  # the document is a block collection
        previous = "" if previous == "\\" and char == "\\" else char
    return None


_STARTS_MATTER = ("quoted scalar", "flow", "block scalar", "anchor", "tag", "directive")


def _syntax_problem(error: yaml.MarkedYAMLError) -> YamlProblem:
    """Points at where the broken construct starts, and says where it broke.

    An unclosed quote or bracket is found far from where it was opened, so
    those point at their start; for block structure (indentation), the line
    where parsing failed is the useful one.
    """
    problem = error.problem or "invalid YAML"
    start, broke = error.context_mark, error.problem_mark
    context = error.context or ""
    if start is not None and broke is not None and start.line != broke.line:
        if any(word in context for word in _STARTS_MATTER):
            return YamlProblem(
                _pos(start), f"YAML syntax error: {problem} at line {broke.line + 1}, {context} that starts here"
            )
        return YamlProblem(_pos(broke), f"YAML syntax error: {problem} ({context} started at line {start.line + 1})")
    mark = start or broke
    context = f" ({context})" if context else ""
    return YamlProblem(_pos(mark) if mark else Position(1, 1), f"YAML syntax error: {problem}{context}")
