"""What tells that a file may have changed without reading it: its size, times and inode.

Cached results (the parse cache, the last check's result, the last build's record) are reused
only while these stamps are the same. A write sets a file's change time, which no tool can set back.
"""

from __future__ import annotations

import datetime
import hashlib
import os
from pathlib import Path

FileKey = tuple[int, int, int, int]


def file_key(status: os.stat_result) -> FileKey:
    """What changes whenever a file's content may have: (mtime, ctime, size, inode)."""
    return status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino


def _stamp(path: str) -> str:
    """A file's name, size, times, inode and type."""
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
