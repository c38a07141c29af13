"""Where oxykb keeps what it makes, out of reach of what a pull request commits.

Caches hold pickles and compiled templates, which run code when loaded, so
they live outside the project, in the user's cache folder, where no commit
can put a file. The project's `.oxykb/` holds only generated pages, which oxykb
writes afresh and never executes; a commit that carries it is refused.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import subprocess
import threading
import time
from pathlib import Path

from .problems import Problem

WORK_DIR = ".oxykb"  # generated pages; git-ignored and never committed


def cache_dir(root: Path) -> Path:
    """This project's caches: $OXYKB_CACHE_DIR, else the user's cache folder, one folder per project path."""
    base = (
        os.environ.get("OXYKB_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "oxykb"
    )
    return Path(base) / hashlib.sha256(os.fsencode(root.resolve())).hexdigest()[:16]


def work_dir_problems(root: Path) -> list[Problem]:
    """A `.oxykb/` that a commit carries (`git add -f`) or that is a link is not oxykb's own: refuse to use it."""
    work = root / WORK_DIR
    if work.is_symlink():
        return [Problem(WORK_DIR, 1, 1, f"{WORK_DIR} is a symbolic link; it must be the folder oxykb makes: remove it")]
    try:
        listed = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "--", WORK_DIR], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return []  # no git, no commit to carry it
    committed = (
        [name for name in listed.stdout.decode("utf-8", "replace").split("\0") if name]
        if listed.returncode == 0
        else []
    )
    if committed:
        return [
            Problem(
                committed[0],
                1,
                1,
                f"{WORK_DIR}/ is oxykb's generated work folder and must not be committed "
                f"({len(committed)} file{'s' if len(committed) != 1 else ''}); "
                f"remove it from the commit with: git rm -r --cached {WORK_DIR}",
            )
        ]
    return []


@contextlib.contextmanager
def exclusive(root: Path, name: str, waiting=lambda: None):
    """One build of a project at a time: a second one waits (calling `waiting` once) instead of failing halfway."""
    folder = cache_dir(root)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{name}.lock", "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting()
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def exit_with_parent(parent: int) -> None:
    """In a worker: leave when the process that started it is gone (a killed build, check or `serve`)."""

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
