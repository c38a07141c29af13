"""The one pipeline behind every command: load -> validate (-> render -> site)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from .load import load
from .model import KnowledgeBase
from .problems import Problem
from .validate import validate


@dataclass(frozen=True)
class Checked:
    knowledge_base: KnowledgeBase
    problems: list[Problem]
    claims_read: int
    sources_read: int


def check(root: Path, today: datetime.date | None = None) -> Checked:
    """Reads and validates the knowledge base under root; every problem, sorted."""
    loaded = load(root, today)
    problems = sorted(loaded.problems + validate(loaded))
    return Checked(loaded.knowledge_base, problems, len(loaded.claim_ids), len(loaded.source_ids))
