"""Reads claims/ into a KnowledgeBase, checking every file, and every claim against the others.

Every file is read, and every problem collected, before anything is
reported. A file with problems is left out of the knowledge base, but its id
stays known so that references to it do not cause a second, misleading
problem.

When there are many claims, a second process starts reading them at once,
while this one reads the sources and tags; then both take chunks of claims
until none is left. Each claim is built and checked against the other files
(validate.py) by the process that read it, so that nothing but problems has to
come back when only problems are wanted, as for `oxykb check`.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import multiprocessing
import os
import pickle
import re
import stat
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from . import fields, inputs_fingerprint, validate, yamlstrict

from .. import workspace
from ..model import Category, Claim, KnowledgeBase, Quote, Source
from ..problems import Problem

SOURCES_DIR = "sources"
TAGS_FILE = "tags.yaml"
MAX_SOURCE_TEXT_BYTES = 4 * 1024 * 1024


@dataclass
class Loaded:
    knowledge_base: KnowledgeBase | None  # None when only problems were asked for
    problems: list[Problem]  # in files, each on its own
    reference_problems: list[Problem]  # in references and quotes between files (validate.py)
    claims_read: int  # claim files found, valid or not
    sources_read: int

    def every_problem(self) -> list[Problem]:
        """Problems in files and in references, sorted as they are reported."""
        return sorted(self.problems + self.reference_problems)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


RECORDS = {"claim": fields.CLAIM, "source": fields.SOURCE, "tags": fields.TAGS}
CACHE_FILE = "parsed.pickle"  # in workspace.cache_dir: outside the project, where no commit can put a pickle
PARALLEL_FROM = 2000  # claim files to read before a second process pays for its start-up


class Job(NamedTuple):
    """One YAML file to read."""

    path: str
    kind: str  # a key of RECORDS
    shown: str  # the path as messages show it
    id: str = ""
    category: Category | None = None  # for claims


def file_key(status: os.stat_result) -> tuple[int, int, int, int]:
    """What changes whenever a file's content may have: a write sets the change time, which no tool can set back."""
    return status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino


def read_regular_file(path: str, limit: int) -> tuple[os.stat_result, bytes | None]:
    """A regular file's bytes, or None when it holds more than limit; never through a link, never waiting on a FIFO.

    Raises OSError; NotARegularFile for anything but a regular file.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    with open(descriptor, "rb") as file:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise NotARegularFile(path)
        data = file.read(limit + 1)  # bounded, should the file grow after fstat
        return status, (None if len(data) > limit else data)


class NotARegularFile(OSError):
    pass


def unreadable(error: OSError, shown_path: str) -> Problem:
    """The located problem for a file that cannot be read safely."""
    if isinstance(error, NotARegularFile):
        return Problem(shown_path, 1, 1, "not a regular file (a FIFO, socket or device); oxykb reads only regular files")
    if os.path.islink(error.filename or ""):
        return Problem(shown_path, 1, 1, "symbolic link; oxykb reads only regular files inside the project")
    return Problem(shown_path, 1, 1, f"cannot read file: {error.strerror}")


def read_record(path: str, kind: str, today: datetime.date, shown_path: str) -> tuple:
    """One YAML file through the strict reader and its field specs, as a parse-cache entry:
    (file_key, (values or None, positions, problems)).

    The key comes from the open file: cheaper than asking for it by name first.
    """
    try:
        status, data = read_regular_file(path, yamlstrict.MAX_BYTES)
    except OSError as error:
        return None, (None, {}, [unreadable(error, shown_path)])
    if data is None:
        size = max(status.st_size, yamlstrict.MAX_BYTES + 1)
        return file_key(status), (None, {}, [Problem(shown_path, 1, 1, f"file is {size:,} bytes; the limit is {yamlstrict.MAX_BYTES:,}")])
    return file_key(status), _check_record(data, kind, today, shown_path)


def _check_record(data: bytes, kind: str, today: datetime.date, shown_path: str) -> tuple:
    node, yaml_problems = yamlstrict.read(data)
    if node is None:
        return None, {}, [Problem(shown_path, p.pos.line, p.pos.column, p.message) for p in yaml_problems]
    checker = fields.Checker(today=today)
    values = RECORDS[kind].check(node, checker, "")
    problems = [Problem(shown_path, pos.line, pos.column, message) for pos, message in checker.problems]
    return (None if problems else values), checker.positions, problems


@contextlib.contextmanager
def cycle_collector_paused():
    """Reading makes hundreds of thousands of objects that stay alive and hold no reference cycles;
    Python's cycle collector would walk them again and again, more than doubling the time."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _read_entries(jobs: list[Job], today: datetime.date) -> dict[str, tuple]:
    """Reads files into parse-cache entries: {shown path: (file_key, result)}."""
    return {job.shown: read_record(job.path, job.kind, today, job.shown) for job in jobs}


def _shard(entries: dict[str, tuple]) -> bytes:
    """Entries pickled, as the parse cache holds them."""
    return pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)


class _ParseCache:
    """Results of reading each file, kept outside the project (workspace.cache_dir) and reused while the file is unchanged.

    The file holds pickled shards, so that each process pickles the entries it read,
    a chunk at a time while the other process is still reading, and none is pickled twice:
    after an edit, only the shard that held the edited file is pickled again.
    """

    KEEP_FROM = 100  # entries in an unchanged shard that is kept as it is; smaller ones are merged

    def __init__(self, root: Path, today: datetime.date, use: bool = True):
        self.path = workspace.cache_dir(root) / CACHE_FILE if use else None
        self.entries: dict[str, tuple] = {}
        self.hits: dict[str, tuple] = {}
        self.new_shards: list[bytes] = []
        self.loaded: list[tuple[bytes, list[str]]] = []  # each shard read, and the files it holds
        # results are only as good as the code that produced them, and "in the future" depends on the date
        self.key = inputs_fingerprint(today=today)
        try:
            key, shards = pickle.loads(self.path.read_bytes()) if use else (None, [])
            if key == self.key:
                for shard in shards:
                    entries = pickle.loads(shard)
                    self.entries.update(entries)
                    self.loaded.append((shard, list(entries)))
        except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError, ImportError):
            self.entries, self.loaded = {}, []

    def split(self, jobs: list[Job]) -> tuple[dict[str, tuple], list[Job]]:
        """The entries of unchanged files, and the jobs of the files to read."""
        hits, todo = {}, []
        for job in jobs:
            entry = self.entries.get(job.shown)
            if entry is not None:
                try:
                    entry = entry if entry[0] == file_key(os.stat(job.path, follow_symlinks=False)) else None
                except OSError:
                    entry = None
            if entry is None:
                todo.append(job)
            else:
                hits[job.shown] = entry
        self.hits.update(hits)
        return hits, todo

    def save(self) -> None:
        """Writes the cache if a file was read or one has gone."""
        if self.path is None or (not self.new_shards and self.hits.keys() == self.entries.keys()):
            return
        shards, merged = [], {}
        for shard, shown_paths in self.loaded:
            if len(shown_paths) >= self.KEEP_FROM and all(shown in self.hits for shown in shown_paths):
                shards.append(shard)
            else:  # a file in it changed or has gone, or it is small: what still holds goes into one new shard
                merged.update((shown, self.hits[shown]) for shown in shown_paths if shown in self.hits)
        if merged:
            shards.append(_shard(merged))
        shards += self.new_shards
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps((self.key, shards), protocol=pickle.HIGHEST_PROTOCOL))
            temporary.replace(self.path)
        except OSError:
            pass  # a read-only checkout still checks, just without the cache


def _claim(job: Job, values: dict, positions) -> Claim:
    return Claim(
        id=job.id,
        category=job.category,
        statement=values["statement"],
        grade=values["grade"],
        rationale=values["rationale"],
        population=values["population"],
        sources=tuple(Quote(**entry) for entry in values["sources"]),
        status=values["status"],
        tags=values["tags"],
        reviewed=values["reviewed"],
        cites=values.get("cites", ()),
        related=values.get("related", ()),
        contradicts=values.get("contradicts", ()),
        path=job.shown,
        positions=MappingProxyType(positions),
    )


def _claims(jobs: list[Job], entries: dict[str, tuple]) -> dict[str, Claim]:
    """The valid claims among read files."""
    claims = {}
    for job in jobs:
        values, positions, _ = entries[job.shown][1]
        if values is not None:
            claims[job.id] = _claim(job, values, positions)
    return claims


def _checked_claims(jobs: list[Job], entries: dict[str, tuple], context: validate.Context):
    """The valid claims among read files, their files' problems, and their problems against the other files."""
    claims = _claims(jobs, entries)
    problems = [problem for job in jobs for problem in entries[job.shown][1][2]]
    references = [problem for claim in claims.values() for problem in validate.claim_problems(claim, context)]
    return claims, problems, references


CHUNK = 200  # claim files a process takes at a time when two share the reading


def _read_chunks(chunks: list[list[Job]], today: datetime.date, taken) -> tuple[list[Job], dict[str, tuple], list[bytes]]:
    """Reads chunks, each time the next one no process has taken, until none is left.

    So the faster process reads more: on a shared machine the two cores are often not equally fast.
    Each chunk is pickled for the parse cache right away, so no process has that left to do at the end.
    Returns the jobs read, their entries, and the chunks pickled.
    """
    mine, entries, shards = [], {}, []
    while True:
        with taken.get_lock():
            index = taken.value
            taken.value += 1
        if index >= len(chunks):
            return mine, entries, shards
        read = _read_entries(chunks[index], today)
        shards.append(_shard(read))
        mine += chunks[index]
        entries.update(read)


_shared_work: tuple = ()  # in the worker: (chunks, today, counter of chunks taken, queue of the context), given when it starts


def _receive_shared_work(parent: int, *work) -> None:
    global _shared_work
    _shared_work = work
    workspace.exit_with_parent(parent)  # a killed check must not leave this worker waiting for a context


def _check_share() -> tuple:
    """In the worker: reads its share of the claims, then checks them once the context comes;
    returns their problems, and their entries as shards of the parse cache."""
    chunks, today, taken, contexts = _shared_work
    with cycle_collector_paused():
        mine, entries, shards = _read_chunks(chunks, today, taken)
        context = contexts.get()  # sent long before, as soon as the sources were read
        if context is None:  # the main process stopped
            return [], [], []
        _, problems, references = _checked_claims(mine, entries, context)
    return problems, references, shards


class _AloneCounter:
    """The chunk counter when one process reads alone."""

    value = 0

    def get_lock(self):
        return contextlib.nullcontext()


class _SharedReading:
    """A second process that starts on the claims at once, while this one reads the sources and tags
    that checking a claim needs; it gets them as a validate.Context. Alone when there are few claims."""

    def __init__(self, jobs: list[Job], today: datetime.date):
        self.chunks = [jobs[start:start + CHUNK] for start in range(0, len(jobs), CHUNK)]
        self.pool = self.result = None
        self.taken, self.sent = _AloneCounter(), False
        if len(jobs) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
            # fork is fast, but only safe with one thread: `mkdocs serve` runs several, and a fork copies held locks
            processes = multiprocessing.get_context("fork" if threading.active_count() == 1 else "spawn")
            # a Queue, not a pipe: its thread sends the context while this process reads on, though the worker
            # takes it only when done reading
            self.taken, self.contexts = processes.Value("i", 0), processes.Queue()
            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=processes, initializer=_receive_shared_work,
                                            initargs=(os.getpid(), self.chunks, today, self.taken, self.contexts))
            self.result = self.pool.submit(_check_share)

    def send(self, context: validate.Context | None) -> None:
        if self.pool and not self.sent:
            self.contexts.put(context)
            self.sent = True

    def theirs(self) -> tuple[list[Problem], list[Problem], list[bytes]]:
        """The second process's problems in files and in references, and its shards of the parse cache."""
        return self.result.result() if self.pool else ([], [], [])

    def __enter__(self):
        return self

    def __exit__(self, *exception) -> None:
        if self.pool:
            self.send(None)  # if this process stopped before it sent the context, the worker stops too
            self.pool.shutdown()
            self.contexts.close()
            self.contexts.join_thread()


def _read_text(path: str, shown_path: str, problems: list[Problem]) -> str | None:
    try:
        status, data = read_regular_file(path, MAX_SOURCE_TEXT_BYTES)
    except OSError as error:
        problems.append(unreadable(error, shown_path))
        return None
    if data is None:
        size = max(status.st_size, MAX_SOURCE_TEXT_BYTES + 1)
        problems.append(Problem(shown_path, 1, 1, f"source text is {size:,} bytes; the limit is {MAX_SOURCE_TEXT_BYTES:,}"))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(Problem(shown_path, line, 1, f"source text is not valid UTF-8 (byte 0x{data[error.start]:02x})"))
        return None


_SLUG = re.compile(fields.SLUG)


def _files(folder: Path, shown_folder: str, problems: list[Problem], suffixes: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """The files of one folder that oxykb reads, as (path, name, shown path); anything else is reported.

    Paths stay strings: at 10,000 files, making Path objects costs more than reading the folder."""
    found = []
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda entry: entry.name):
            name = entry.name
            shown = f"{shown_folder}/{name}"
            stem, dot, suffix = name.rpartition(".")
            if name.startswith("."):
                continue
            if entry.is_symlink():
                problems.append(Problem(shown, 1, 1, "symbolic link; oxykb reads only regular files inside the project"))
            elif not entry.is_dir(follow_symlinks=False) and not entry.is_file(follow_symlinks=False):
                problems.append(Problem(shown, 1, 1, "not a regular file (a FIFO, socket or device); oxykb reads only regular files"))
            elif entry.is_dir() or not dot or f".{suffix}" not in suffixes:
                expected = " or ".join(suffixes)
                problems.append(Problem(shown, 1, 1, f"unexpected {'folder' if entry.is_dir() else 'file'}; this folder holds {expected} files"))
            elif not _SLUG.match(stem) or len(stem) > 80:
                problems.append(Problem(shown, 1, 1, f"file name must be an id: {fields.SLUG_SHAPE}"))
            else:
                found.append((entry.path, name, shown))
    return found


def _read_sources_and_tags(store: _ParseCache, jobs: list[Job], texts: dict[str, tuple[str, str]], today: datetime.date,
                           problems: list[Problem]) -> tuple[dict[str, Source], dict | None]:
    """The valid sources, with their full texts, and the tags: None when tags.yaml has problems of its own."""
    entries, todo = store.split(jobs)
    if todo:
        entries.update(_read_entries(todo, today))
        store.new_shards.append(_shard({job.shown: entries[job.shown] for job in todo}))
    tags: dict | None = {}
    sources: dict[str, Source] = {}
    for job in jobs:
        values, positions, file_problems = entries[job.shown][1]
        problems.extend(file_problems)
        if job.kind == "tags":
            tags = values
        else:
            text = _read_text(*texts[job.id], problems) if job.id in texts else None
            if values is not None:
                sources[job.id] = Source(id=job.id, path=job.shown, text=text, positions=MappingProxyType(positions), **values)
    return sources, tags


def load(root: Path, today: datetime.date | None = None, cache: bool = True, keep: bool = True) -> Loaded:
    """Reads and checks every claim and source under root/claims; keep=False keeps only the problems."""
    with cycle_collector_paused():
        return _load(root, today or datetime.date.today(), cache, keep)


def _load(root: Path, today: datetime.date, cache: bool, keep: bool) -> Loaded:
    claims_dir = root / "claims"
    problems: list[Problem] = []
    shown_claims = _relative(claims_dir, root)
    if claims_dir.is_symlink() or not claims_dir.is_dir():
        problems.append(Problem(shown_claims, 1, 1, "symbolic link; claims/ must be a folder in the project" if claims_dir.is_symlink()
                                else "no claims/ folder here; run oxykb in the project folder or name it"))
        return Loaded(KnowledgeBase({}, {}) if keep else None, problems, [], 0, 0)

    expected = sorted({f"{category.value}/" for category in Category} | {f"{SOURCES_DIR}/", TAGS_FILE})
    found: set[str] = set()  # of expected: the folders and the tags file that are really there
    with os.scandir(claims_dir) as entries:
        for entry in sorted(entries, key=lambda entry: entry.name):
            shown = f"{shown_claims}/{entry.name}"
            folder = entry.is_dir(follow_symlinks=False)
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                problems.append(Problem(shown, 1, 1, "symbolic link; oxykb reads only regular files and folders inside the project"))
            elif entry.name + ("/" if folder else "") in expected and (folder or entry.is_file(follow_symlinks=False)):
                found.add(entry.name)
            else:
                problems.append(Problem(shown, 1, 1, f"unexpected {'folder' if folder else 'file'} in claims/; expected {', '.join(expected)}"))

    first_jobs: list[Job] = []  # tags and sources: checking a claim needs them
    if TAGS_FILE in found:
        first_jobs.append(Job(str(claims_dir / TAGS_FILE), "tags", f"{shown_claims}/{TAGS_FILE}"))
    texts: dict[str, tuple[str, str]] = {}
    source_folder = claims_dir / SOURCES_DIR
    if SOURCES_DIR in found:
        files = _files(source_folder, f"{shown_claims}/{SOURCES_DIR}", problems, (".yaml", ".txt"))
        yaml_stems = {name[:-5] for _, name, _ in files if name.endswith(".yaml")}
        for path, name, shown in files:
            stem = name.rpartition(".")[0]
            if name.endswith(".txt"):
                if stem in yaml_stems:
                    texts[stem] = (path, shown)
                else:
                    problems.append(Problem(shown, 1, 1, f"source text without its description {stem}.yaml"))
            else:
                first_jobs.append(Job(path, "source", shown, stem))
    claim_jobs: list[Job] = []
    shown_by_id: dict[str, str] = {}
    for category in Category:
        if category.value not in found:
            continue
        for path, name, shown in _files(claims_dir / category.value, f"{shown_claims}/{category.value}", problems, (".yaml",)):
            stem = name[:-5]
            if stem in shown_by_id:
                problems.append(Problem(shown, 1, 1, f"duplicate id '{stem}': {shown_by_id[stem]} has it already (ids are unique across categories)"))
                continue
            shown_by_id[stem] = shown
            claim_jobs.append(Job(path, "claim", shown, stem, category))

    store = _ParseCache(root, today, use=cache)
    claim_hits, claim_todo = store.split(claim_jobs)
    with _SharedReading(claim_todo, today) as sharing:
        sources, tags = _read_sources_and_tags(store, first_jobs, texts, today, problems)
        context = validate.Context.of(shown_by_id, [job.id for job in first_jobs if job.kind == "source"], sources, tags)
        sharing.send(context)

        mine, claim_entries, our_shards = _read_chunks(sharing.chunks, today, sharing.taken)
        claim_entries.update(claim_hits)
        found, claim_problems, references = _checked_claims([job for job in claim_jobs if job.shown in claim_hits] + mine, claim_entries, context)
        their_problems, their_references, their_shards = sharing.theirs()
    claim_problems += their_problems
    references += their_references
    store.new_shards += our_shards + their_shards
    store.save()
    claims = {}
    if keep:  # the claims the other process read come back from its shards
        by_shown = {job.shown: job for job in claim_todo}
        for shard in their_shards:
            their_entries = pickle.loads(shard)
            found.update(_claims([by_shown[shown] for shown in their_entries], their_entries))
        claims = {job.id: found[job.id] for job in claim_jobs if job.id in found}
    knowledge_base = KnowledgeBase(MappingProxyType(claims), MappingProxyType(sources), MappingProxyType(tags or {})) if keep else None
    sources_read = sum(job.kind == "source" for job in first_jobs)
    return Loaded(knowledge_base, problems + claim_problems, references, len(claim_jobs), sources_read)
