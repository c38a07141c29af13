"""The parse cache: each file's ParsedFile from the last check, reused while the file is unchanged.

A pickle runs code when it is loaded, so the cache lives in workspace.cache_dir(root), outside the project,
where no commit can put a file: nothing from the working tree is ever unpickled. An entry is reused only
while its file has the same stamps.file_key (times, size, inode), and the whole cache only with the code
and the date that made it ("in the future" depends on the date).

It holds the chunks as they were pickled when parsed (shared_parsing.py), so that no entry is pickled twice:
a chunk whose files are all unchanged is written back as it was; the entries still good of the others are
pickled again together, with the newly parsed chunks beside them.
"""

from __future__ import annotations

import datetime
import os
import pickle
from pathlib import Path

from .. import workspace
from . import stamps
from .records import ParsedFile

CACHE_FILE = "parsed.pickle"
# What each cache file held after the last check in this process (`oxykb serve` checks after every save): read
# from here instead of unpickling the file again (18 MB at 10,000 claims). Entries are checked as ever against
# their file's stamps, so another process's writes to the file change nothing here.
_IN_MEMORY: dict[Path, tuple[str, dict[str, ParsedFile], list[tuple[bytes, list[str]]]]] = {}


class ParseCache:
    def __init__(self, root: Path, today: datetime.date, use: bool = True, remember: bool = False):
        self.path = workspace.cache_dir(root) / CACHE_FILE if use else None
        self.made_by = stamps.inputs_fingerprint(today=today)
        self.last_time: dict[str, ParsedFile] = {}
        self.chunks_read: list[tuple[bytes, list[str]]] = []  # each pickled chunk, and the shown paths in it
        self.reused: dict[str, ParsedFile] = {}
        self.new_chunks: list[tuple[bytes, list[str]]] = []  # as chunks_read
        self.new_entries: dict[str, ParsedFile] = {}
        self.remember = remember  # keep this check's entries in _IN_MEMORY
        remembered = _IN_MEMORY.get(self.path) if use and remember else None
        if remembered is not None and remembered[0] == self.made_by:
            self.last_time, self.chunks_read = dict(remembered[1]), list(remembered[2])
        elif use:
            self._read()

    def _read(self) -> None:
        try:
            made_by, chunks = pickle.loads(self.path.read_bytes())
            if made_by != self.made_by:
                return
            for pickled in chunks:
                entries = pickle.loads(pickled)
                self.last_time.update(entries)
                self.chunks_read.append((pickled, list(entries)))
        except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError, ImportError):
            self.last_time, self.chunks_read = {}, []

    def get(self, shown_path: str, path: str) -> ParsedFile | None:
        """The file's entry, if it has not changed since it was parsed."""
        parsed = self.last_time.get(shown_path)
        if parsed is None:
            return None
        try:
            if parsed.key != stamps.file_key(os.stat(path, follow_symlinks=False)):
                return None
        except OSError:
            return None
        self.reused[shown_path] = parsed
        return parsed

    def add(self, pickled_chunk: bytes, entries: dict[str, ParsedFile]) -> None:
        """Newly parsed entries, pickled and as they are."""
        self.new_chunks.append((pickled_chunk, list(entries)))
        self.new_entries.update(entries)

    def save(self) -> None:
        """Writes this check's entries, if a file was parsed or one has gone; remembers them in this process."""
        if self.path is None:
            return
        if not self.new_chunks and self.reused.keys() == self.last_time.keys():
            if self.remember:
                _IN_MEMORY[self.path] = (self.made_by, self.reused, self.chunks_read)
            return
        chunks, still_good = [], {}
        for pickled, shown_paths in self.chunks_read:
            if all(shown in self.reused for shown in shown_paths):
                chunks.append((pickled, shown_paths))
            else:
                still_good.update((shown, self.reused[shown]) for shown in shown_paths if shown in self.reused)
        if still_good:
            chunks.append((pickle.dumps(still_good, protocol=pickle.HIGHEST_PROTOCOL), list(still_good)))
        chunks += self.new_chunks
        if self.remember:
            _IN_MEMORY[self.path] = (self.made_by, {**self.reused, **self.new_entries}, chunks)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            cache = (self.made_by, [pickled for pickled, _ in chunks])
            temporary.write_bytes(pickle.dumps(cache, protocol=pickle.HIGHEST_PROTOCOL))
            temporary.replace(self.path)
        except OSError:
            pass  # a read-only cache folder: checks still work, without the cache
