"""A problem in the knowledge base, and the three ways `oxykb check` prints them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

# Control characters (C0, DEL, C1), bidirectional controls and marks, and line and paragraph separators.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """Text with every control or bidi character written as an escape (\\x07, \\u202e).

    A message can quote an editor's text or a file name: printed raw, it could move the
    cursor, set the clipboard, forge another problem's line or reorder what a reader sees.
    """
    return _UNPRINTABLE.sub(_escape, text)


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    path: str  # relative to the project root, with forward slashes
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{printable(self.path)}:{self.line}:{self.column}: {printable(self.message)}"


class ProblemsFound(Exception):
    """Raised by commands that must not go on when the knowledge base has problems."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def summary(problems: list[Problem], claims: int, sources: int) -> str:
    if not problems:
        return f"{claims} claims and {sources} sources checked: no problems"
    files = len({problem.path for problem in problems})
    noun = "problem" if len(problems) == 1 else "problems"
    return (
        f"{len(problems)} {noun} in {files} file{'s' if files != 1 else ''} ({claims} claims and {sources} sources "
        f"read)"
    )


def _github_escape(text: str, property_value: bool = False) -> str:
    text = printable(text).replace("%", "%25")  # no line breaks are left to escape as %0D and %0A
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def format_text(problems: list[Problem]) -> list[str]:
    return [str(problem) for problem in problems]


def format_github(problems: list[Problem]) -> list[str]:
    """GitHub Actions workflow commands: the pull request shows each on its line."""
    return [
        f"::error file={_github_escape(p.path, True)},line={p.line},col={p.column},"
        f"title=oxykb check::{_github_escape(p.message)}"
        for p in problems
    ]


def format_json(problems: list[Problem], claims: int, sources: int) -> str:
    shown = [
        {"path": printable(p.path), "line": p.line, "column": p.column, "message": printable(p.message)}
        for p in problems
    ]
    return json.dumps({"claims": claims, "sources": sources, "problems": shown}, ensure_ascii=False, indent=2)
