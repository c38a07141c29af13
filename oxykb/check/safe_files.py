"""Reading a file that a pull request made: a regular file only, never through a link, never waiting on a FIFO,
and never more than a size limit. A file that cannot be read so is a located problem, not an exception.
"""

from __future__ import annotations

import os
import stat

from ..problems import Problem

LINK = "symbolic link; oxykb reads only regular files inside the project"
LINK_IN_FOLDER = "symbolic link; oxykb reads only regular files and folders inside the project"
NOT_REGULAR = "not a regular file (a FIFO, socket or device); oxykb reads only regular files"


class NotARegularFile(OSError):
    pass


def read_regular_file(path: str, limit: int, dir_fd: int | None = None) -> tuple[os.stat_result, bytes | None]:
    """A regular file's status and bytes, or None for the bytes when it holds more than limit.

    Raises OSError (ELOOP for a link); NotARegularFile for anything but a regular file. The status comes from
    the open file, so it describes the bytes read. With dir_fd, path is relative to that open folder.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=dir_fd)
    with open(descriptor, "rb") as file:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise NotARegularFile(path)
        data = file.read(limit + 1)  # bounded, should the file grow after fstat
        return status, (None if len(data) > limit else data)


def unreadable(error: OSError, shown_path: str) -> Problem:
    """The located problem for a file that cannot be read safely."""
    if isinstance(error, NotARegularFile):
        return Problem(shown_path, 1, 1, NOT_REGULAR)
    if os.path.islink(error.filename or ""):
        return Problem(shown_path, 1, 1, LINK)
    return Problem(shown_path, 1, 1, f"cannot read file: {error.strerror}")


def read_source_text(path: str, shown_path: str, limit: int) -> tuple[str | None, list[Problem]]:
    """A source's full text: a regular file of UTF-8 text; or None and why not."""
    try:
        status, data = read_regular_file(path, limit)
    except OSError as error:
        return None, [unreadable(error, shown_path)]
    if data is None:
        size = max(status.st_size, limit + 1)
        return None, [Problem(shown_path, 1, 1, f"source text is {size:,} bytes; the limit is {limit:,}")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(shown_path, line, 1, f"source text is not valid UTF-8 (byte 0x{data[error.start]:02x})")]
