"""Parsing many claim files in two processes: at 10,000 claims one process misses the 3-second target of a cold check.

A second process starts on the claims at once, while this one parses the sources and tags; then both take
the next chunk of claims that neither has taken, so the faster process parses more (on a shared machine one
core is often slower). This process leaves the last chunk to the other, which it waits for anyway. Every chunk
is pickled as soon as it is parsed: the other process sends its chunks back so, and the parse cache keeps them
as they are.
"""

from __future__ import annotations

import contextlib
import datetime
import multiprocessing
import os
import pickle
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import NamedTuple

from .. import workspace
from . import records
from .claims_folder import FileToRead

SECOND_PROCESS_FROM = 2000  # claim files to parse before a second process pays for its start-up
CHUNK = 200  # claim files a process takes at a time


class ParsedChunk(NamedTuple):
    files: dict[str, records.ParsedFile]  # by shown path
    pickled: bytes  # the same, as the parse cache keeps it


def parse_chunk(files: list[FileToRead], today: datetime.date) -> ParsedChunk:
    parsed = {file.shown: records.parse_file(file.path, file.kind, file.shown, today) for file in files}
    return ParsedChunk(parsed, pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))


class _Chunks:
    """Chunks of files to parse, taken one at a time by either process."""

    def __init__(self, files: list[FileToRead], chunk_size: int, taken):
        self.chunks = [files[start : start + chunk_size] for start in range(0, len(files), chunk_size)]
        self.taken = taken  # the number of chunks taken: shared by both processes

    def take(self, leave: int = 0) -> list[FileToRead] | None:
        """The next chunk no process has taken, or None when no more than `leave` chunks are left."""
        with self.taken.get_lock():
            index = self.taken.value
            if index >= len(self.chunks) - leave:
                return None
            self.taken.value = index + 1
        return self.chunks[index]

    def take_none_more(self) -> None:
        with self.taken.get_lock():
            self.taken.value = len(self.chunks)


class _Counter:
    """The count of chunks taken when one process parses alone."""

    value = 0

    def get_lock(self):
        return contextlib.nullcontext()


_work: tuple = ()  # in the second process: (chunks, today), given when it starts


def _receive_work(parent: int, *work) -> None:
    global _work
    _work = work
    workspace.exit_with_parent(parent)  # a killed check must not leave this process parsing


def _parse_their_share() -> list[bytes]:
    """In the second process: parses chunks until none is left; returns them pickled."""
    chunks, today = _work
    pickled = []
    while (files := chunks.take()) is not None:
        pickled.append(parse_chunk(files, today).pickled)
    return pickled


class SharedParsing:
    """Claim files parsed by this process and, when there are at least second_process_from, a second one."""

    def __init__(
        self,
        files: list[FileToRead],
        today: datetime.date,
        second_process_from: int = SECOND_PROCESS_FROM,
        chunk_size: int = CHUNK,
    ):
        self.today = today
        self.pool = self.theirs = None
        if len(files) < second_process_from or (os.cpu_count() or 1) < 2:
            self.chunks = _Chunks(files, chunk_size, _Counter())
            return
        # fork is fast, but only safe with one thread: `mkdocs serve` runs several, and a fork copies held locks
        processes = multiprocessing.get_context("fork" if threading.active_count() == 1 else "spawn")
        self.chunks = _Chunks(files, chunk_size, processes.Value("i", 0))
        self.pool = ProcessPoolExecutor(
            max_workers=1, mp_context=processes, initializer=_receive_work, initargs=(os.getpid(), self.chunks, today)
        )
        self.theirs = self.pool.submit(_parse_their_share)

    def parse_my_share(self) -> list[ParsedChunk]:
        """Parses chunks here until none is left (but the last, when a second process parses too)."""
        parsed = []
        while (files := self.chunks.take(leave=1 if self.pool else 0)) is not None:
            parsed.append(parse_chunk(files, self.today))
        return parsed

    def their_share(self) -> list[ParsedChunk]:
        """The chunks the second process parsed, once it is done."""
        if not self.pool:
            return []
        return [ParsedChunk(pickle.loads(pickled), pickled) for pickled in self.theirs.result()]

    def __enter__(self) -> SharedParsing:
        return self

    def __exit__(self, *exception) -> None:
        if self.pool:
            self.chunks.take_none_more()  # if this process stopped early, the other stops after its chunk
            self.pool.shutdown()
