"""The one pipeline behind every command: load -> validate (-> render -> site).

load.py reads every file and checks each claim against the other files (validate.py); content.py
checks the hand-written pages. fingerprint and inputs_fingerprint (stamps.py) are here for the build's record.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import workspace
from ..problems import Problem
from .stamps import fingerprint, inputs_fingerprint

if TYPE_CHECKING:
    from ..model import KnowledgeBase

__all__ = ["Checked", "check", "check_summary", "fingerprint", "inputs_fingerprint"]


@dataclass(frozen=True)
class Checked:
    knowledge_base: KnowledgeBase
    problems: list[Problem]
    claims_read: int
    sources_read: int


def check(root: Path, today: datetime.date | None = None, remember: bool = False) -> Checked:
    """Reads and validates the knowledge base under root; every problem, sorted.

    `remember` keeps what was read in memory for the next check in this process (`oxykb serve`)."""
    from .load import load  # imported here, so that a cached `oxykb check` starts fast

    loaded = load(root, today, remember=remember)
    problems = sorted(workspace.work_dir_problems(root) + loaded.every_problem())
    return Checked(loaded.knowledge_base, problems, loaded.claims_read, loaded.sources_read)


RESULT_CACHE = "check.json"  # in workspace.cache_dir, where no commit can put a result that says "no problems"


def check_summary(root: Path, today: datetime.date | None = None) -> tuple[list[Problem], int, int]:
    """What `oxykb check` prints: near-instant when nothing changed since the last check."""
    today = today or datetime.date.today()
    work_dir_problems = workspace.work_dir_problems(root)  # not cached: it depends on what git tracks
    inputs = inputs_fingerprint(root / "claims", root / "content", today=today)
    cache = workspace.cache_dir(root) / RESULT_CACHE
    try:
        cached = json.loads(cache.read_text("utf-8"))
        if cached["fingerprint"] == inputs:
            problems = sorted(work_dir_problems + [Problem(**problem) for problem in cached["problems"]])
            return problems, cached["claims"], cached["sources"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    from . import content
    from .load import load

    loaded = load(root, today)
    problems = sorted(loaded.every_problem() + content.read(root)[1])
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        result = {
            "fingerprint": inputs,
            "claims": loaded.claims_read,
            "sources": loaded.sources_read,
            "problems": [asdict(problem) for problem in problems],
        }
        cache.write_text(json.dumps(result), "utf-8")
    except OSError:
        pass  # without a writable cache folder, checks still work
    return sorted(work_dir_problems + problems), loaded.claims_read, loaded.sources_read
