"""A problem in the knowledge base, and the three ways `oxykb check` prints them."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    path: str  # relative to the project root, with forward slashes
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


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
    return f"{len(problems)} {noun} in {files} file{'s' if files != 1 else ''} ({claims} claims and {sources} sources read)"


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def format_text(problems: list[Problem]) -> list[str]:
    return [str(problem) for problem in problems]


def format_github(problems: list[Problem]) -> list[str]:
    """GitHub Actions workflow commands: the pull request shows each on its line."""
    return [
        f"::error file={_github_escape(p.path, True)},line={p.line},col={p.column},title=oxykb check::{_github_escape(p.message)}"
        for p in problems
    ]


def format_json(problems: list[Problem], claims: int, sources: int) -> str:
    return json.dumps({"claims": claims, "sources": sources, "problems": [asdict(p) for p in problems]}, ensure_ascii=False, indent=2)
