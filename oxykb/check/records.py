"""One claim, source or tags file: its bytes through the strict YAML reader and the field specs, to values and problems.

A ParsedFile holds plain values and no YAML nodes, so that the parse cache can keep it.
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from ..problems import Problem
from . import fields, safe_files, stamps, yamlstrict

SPECS = {"claim": fields.CLAIM, "source": fields.SOURCE, "question": fields.QUESTION, "tags": fields.TAGS}


class ParsedFile(NamedTuple):
    key: stamps.FileKey | None  # of the file read; None when it could not be read, so it is read again next time
    values: dict | None  # the fields as checked; None when the file has problems
    positions: dict[str, tuple[int, int]]  # (line, column) of each field: "sources[0].quote"
    problems: list[Problem]


def parse_file(path: str, kind: str, shown_path: str, today: datetime.date) -> ParsedFile:
    """Reads a file of the kind given (a key of SPECS). Its key comes from the open file: cheaper than by name."""
    try:
        status, data = safe_files.read_regular_file(path, yamlstrict.MAX_BYTES)
    except OSError as error:
        return ParsedFile(None, None, {}, [safe_files.unreadable(error, shown_path)])
    key = stamps.file_key(status)
    if data is None:
        size = max(status.st_size, yamlstrict.MAX_BYTES + 1)
        return ParsedFile(
            key, None, {}, [Problem(shown_path, 1, 1, f"file is {size:,} bytes; the limit is {yamlstrict.MAX_BYTES:,}")]
        )
    node, yaml_problems = yamlstrict.read(data)
    if node is None:
        problems = [Problem(shown_path, *problem.pos, problem.message) for problem in yaml_problems]
        return ParsedFile(key, None, {}, problems)
    checker = fields.Checker(today=today)
    values = SPECS[kind].check(node, checker, "")
    problems = [Problem(shown_path, line, column, message) for (line, column), message in checker.problems]
    return ParsedFile(key, None if problems else values, checker.positions, problems)
