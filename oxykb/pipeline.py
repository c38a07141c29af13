"""The one pipeline behind every command: load -> validate (-> render -> site).

load.py reads every file; validate.py checks each claim against the other files, called by load.py
in the process that read the claim.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from .problems import Problem

if TYPE_CHECKING:
    from .model import KnowledgeBase


@dataclass(frozen=True)
class Checked:
    knowledge_base: "KnowledgeBase"
    problems: list[Problem]
    claims_read: int
    sources_read: int


def check(root: Path, today: datetime.date | None = None) -> Checked:
    """Reads and validates the knowledge base under root; every problem, sorted."""
    from .load import load  # imported here, so that a cached `oxykb check` starts fast

    loaded = load(root, today)
    return Checked(loaded.knowledge_base, loaded.every_problem(), loaded.claims_read, loaded.sources_read)


RESULT_CACHE = Path(".oxykb") / "cache" / "check.json"


def fingerprint(*paths: Path, extra: str = "") -> str:
    """A digest of the names, sizes and times of every file under paths: changes when any input does."""
    digest = hashlib.sha256(extra.encode())
    for top in paths:
        if top.is_file():
            stat = top.stat()
            digest.update(f"{top}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        for folder, subfolders, files in os.walk(top):
            subfolders.sort()
            for name in sorted(files):
                stat = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def inputs_fingerprint(*paths: Path, today: datetime.date) -> str:
    """Everything a result depends on: the given inputs, oxykb's own code and the date."""
    return fingerprint(Path(__file__).parent, *paths, extra=today.isoformat())


def check_summary(root: Path, today: datetime.date | None = None) -> tuple[list[Problem], int, int]:
    """What `oxykb check` prints: near-instant when nothing changed since the last check."""
    today = today or datetime.date.today()
    inputs = inputs_fingerprint(root / "claims", today=today)
    cache = root / RESULT_CACHE
    try:
        cached = json.loads(cache.read_text("utf-8"))
        if cached["fingerprint"] == inputs:
            return [Problem(**problem) for problem in cached["problems"]], cached["claims"], cached["sources"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    from .load import load

    loaded = load(root, today, keep=False)  # problems only: the claims a second process read can stay there
    problems = loaded.every_problem()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps({"fingerprint": inputs, "claims": loaded.claims_read, "sources": loaded.sources_read,
                                     "problems": [asdict(problem) for problem in problems]}), "utf-8")
    except OSError:
        pass  # a read-only checkout still checks
    return problems, loaded.claims_read, loaded.sources_read
