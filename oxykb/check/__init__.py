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

from .. import workspace
from ..problems import Problem

if TYPE_CHECKING:
    from ..model import KnowledgeBase


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
    problems = sorted(workspace.work_dir_problems(root) + loaded.every_problem())
    return Checked(loaded.knowledge_base, problems, loaded.claims_read, loaded.sources_read)


RESULT_CACHE = "check.json"  # in workspace.cache_dir, where no commit can put a result that says "no problems"


def _stamp(path: str) -> str:
    """A file's name, size, times and inode: a write changes the change time, which no tool can set back."""
    try:
        status = os.lstat(path)
    except OSError:
        return f"{path}\0gone\n"
    return f"{path}\0{status.st_size}\0{status.st_mtime_ns}\0{status.st_ctime_ns}\0{status.st_ino}\0{status.st_mode}\n"


def fingerprint(*paths: Path, extra: str = "") -> str:
    """A digest of the stamps of every file under paths (links not followed): changes when any input does."""
    digest = hashlib.sha256(extra.encode())
    for top in paths:
        if not top.is_dir() or top.is_symlink():
            digest.update(_stamp(str(top)).encode())
            continue  # a link is stamped, never followed: what it points to is refused by the reader
        for folder, subfolders, files in os.walk(top):
            subfolders.sort()
            for name in sorted(files + [name for name in subfolders if os.path.islink(os.path.join(folder, name))]):
                digest.update(_stamp(os.path.join(folder, name)).encode())
    return digest.hexdigest()


def inputs_fingerprint(*paths: Path, today: datetime.date) -> str:
    """Everything a result depends on: the given inputs, oxykb's own code and the date."""
    return fingerprint(Path(__file__).parent.parent, *paths, extra=today.isoformat())


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

    loaded = load(root, today, keep=False)  # problems only: the claims a second process read can stay there
    problems = sorted(loaded.every_problem() + content.read(root)[1])
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps({"fingerprint": inputs, "claims": loaded.claims_read, "sources": loaded.sources_read,
                                     "problems": [asdict(problem) for problem in problems]}), "utf-8")
    except OSError:
        pass  # without a writable cache folder, checks still work
    return sorted(work_dir_problems + problems), loaded.claims_read, loaded.sources_read
