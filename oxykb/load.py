"""Reads claims/ into a KnowledgeBase, checking each file on its own.

Every file is read, and every problem collected, before anything is
reported. A file with problems is left out of the knowledge base, but its id
stays known so that references to it do not cause a second, misleading
problem.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import multiprocessing
import os
import pickle
import re
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from . import fields, pipeline, yamlstrict
from .model import Category, Claim, KnowledgeBase, Quote, Source
from .problems import Problem

SOURCES_DIR = "sources"
TAGS_FILE = "tags.yaml"
MAX_SOURCE_TEXT_BYTES = 4 * 1024 * 1024


@dataclass
class Loaded:
    knowledge_base: KnowledgeBase
    problems: list[Problem]
    claim_ids: set[str] = field(default_factory=set)  # every claim file found, valid or not
    source_ids: set[str] = field(default_factory=set)
    tags_readable: bool = True  # False when tags.yaml has problems of its own


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


RECORDS = {"claim": fields.CLAIM, "source": fields.SOURCE, "tags": fields.TAGS}
CACHE_FILE = Path(".oxykb") / "cache" / "parsed.pickle"
PARALLEL_FROM = 2000  # files to parse before a second process pays for its start-up


def read_record(path: Path, kind: str, today: datetime.date, shown_path: str) -> tuple:
    """One YAML file through the strict reader and its field specs, as a parse-cache entry:
    (mtime, size, (values or None, positions, problems)).

    Time and size come from the open file: cheaper than asking for them by name first.
    """
    try:
        with open(path, "rb") as file:
            stat = os.fstat(file.fileno())
            data = file.read()
    except OSError as error:
        return None, None, (None, {}, [Problem(shown_path, 1, 1, f"cannot read file: {error.strerror}")])
    return stat.st_mtime_ns, stat.st_size, _check_record(data, kind, today, shown_path)


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


Job = tuple[Path, str, str]  # (path, kind, shown path)


def _read_entries(jobs: list[Job], today: datetime.date) -> dict[str, tuple]:
    """Reads files into parse-cache entries: {shown path: (mtime, size, result)}."""
    with cycle_collector_paused():  # also in a worker process
        return {shown: read_record(path, kind, today, shown) for path, kind, shown in jobs}


def _shard(entries: dict[str, tuple]) -> bytes:
    """Entries pickled, as the parse cache holds them."""
    return pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)


CHUNK = 200  # files a process takes at a time when two share the reading


def _read_shared(jobs: list[Job], today: datetime.date, taken) -> dict[str, tuple]:
    """Reads chunks of jobs, each time the next one no process has taken, until none is left.

    So the faster process reads more: on a shared machine the two cores are often not equally fast.
    """
    entries = {}
    while True:
        with taken.get_lock():
            start = taken.value * CHUNK
            taken.value += 1
        if start >= len(jobs):
            return entries
        entries.update(_read_entries(jobs[start:start + CHUNK], today))


_shared_work: tuple = ()  # in the worker: (jobs, today, counter of chunks taken), given when it starts


def _receive_shared_work(*work) -> None:
    global _shared_work
    _shared_work = work


def _read_shard() -> bytes:
    """In the worker: reads its share of the files and returns their entries as a shard of the parse cache."""
    return _shard(_read_shared(*_shared_work))


class _ParseCache:
    """Results of reading each file, kept in .oxykb/ and reused while the file is unchanged.

    The file holds pickled shards, so that each process pickles the entries it read
    while the other is still reading, and none is pickled twice.
    """

    def __init__(self, root: Path, today: datetime.date):
        self.path = root / CACHE_FILE
        # results are only as good as the code that produced them, and "in the future" depends on the date
        self.key = pipeline.inputs_fingerprint(today=today)
        self.entries: dict[str, tuple] = {}
        try:
            key, shards = pickle.loads(self.path.read_bytes())
            if key == self.key:
                for shard in shards:
                    self.entries.update(pickle.loads(shard))
        except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError, ImportError):
            self.entries = {}

    def get(self, path: Path, shown: str):
        """The entry for an unchanged file, or None."""
        entry = self.entries.get(shown)
        if entry is None:
            return None
        try:
            stat = path.stat()
        except OSError:
            return None
        return entry if entry[:2] == (stat.st_mtime_ns, stat.st_size) else None

    def save(self, shards: list[bytes]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps((self.key, shards), protocol=pickle.HIGHEST_PROTOCOL))
            temporary.replace(self.path)
        except OSError:
            pass  # a read-only checkout still checks, just without the cache


def read_records(root: Path, jobs: list[Job], today: datetime.date, cache: bool = True) -> list:
    """Reads many files: unchanged ones from the cache, the rest in this and a second process when there are many."""
    store = _ParseCache(root, today) if cache else None
    entries: dict[str, tuple] = {}
    todo: list[Job] = []
    for job in jobs:
        hit = store.get(job[0], job[2]) if store else None
        if hit is not None:
            entries[job[2]] = hit
        else:
            todo.append(job)
    shards = []
    if len(todo) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        # fork is fast, but only safe with one thread: `mkdocs serve` runs several, and a fork copies held locks
        context = multiprocessing.get_context("fork" if threading.active_count() == 1 else "spawn")
        taken = context.Value("i", 0)
        with ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_receive_shared_work,
                                 initargs=(todo, today, taken)) as pool:
            theirs = pool.submit(_read_shard)
            entries.update(_read_shared(todo, today, taken))
            if store:
                shards.append(_shard(entries))  # while the worker still reads
            their_shard = theirs.result()
        with cycle_collector_paused():
            entries.update(pickle.loads(their_shard))
        shards.append(their_shard)
    else:
        entries.update(_read_entries(todo, today))
        if store and (todo or store.entries.keys() != entries.keys()):  # a file read, or one gone
            shards.append(_shard(entries))
    if store and shards:
        store.save(shards)
    return [entries[shown][2] for _, _, shown in jobs]


def _claim(stem: str, category: Category, values: dict, shown_path: str, positions) -> Claim:
    return Claim(
        id=stem,
        category=category,
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
        path=shown_path,
        positions=positions,
    )


def _read_text(path: Path, shown_path: str, problems: list[Problem]) -> str | None:
    data = path.read_bytes()
    if len(data) > MAX_SOURCE_TEXT_BYTES:
        problems.append(Problem(shown_path, 1, 1, f"source text is {len(data):,} bytes; the limit is {MAX_SOURCE_TEXT_BYTES:,}"))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(Problem(shown_path, line, 1, f"source text is not valid UTF-8 (byte 0x{data[error.start]:02x})"))
        return None


_SLUG = re.compile(fields.SLUG)


def _files(folder: Path, shown_folder: str, problems: list[Problem], suffixes: tuple[str, ...]) -> list[tuple[Path, str, str]]:
    """The files of one folder that oxykb reads, as (path, stem, shown path); anything else is reported."""
    found = []
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda entry: entry.name):
            name = entry.name
            shown = f"{shown_folder}/{name}"
            stem, dot, suffix = name.rpartition(".")
            if name.startswith("."):
                continue
            if entry.is_dir() or not dot or f".{suffix}" not in suffixes:
                expected = " or ".join(suffixes)
                problems.append(Problem(shown, 1, 1, f"unexpected {'folder' if entry.is_dir() else 'file'}; this folder holds {expected} files"))
            elif not _SLUG.match(stem) or len(stem) > 80:
                problems.append(Problem(shown, 1, 1, f"file name must be an id: {fields.SLUG_SHAPE}"))
            else:
                found.append((Path(entry.path), stem, shown))
    return found


def load(root: Path, today: datetime.date | None = None, cache: bool = True) -> Loaded:
    """Reads every claim and source under root/claims."""
    with cycle_collector_paused():
        return _load(root, today or datetime.date.today(), cache)


def _load(root: Path, today: datetime.date, cache: bool) -> Loaded:
    claims_dir = root / "claims"
    problems: list[Problem] = []
    loaded = Loaded(KnowledgeBase({}, {}), problems)
    if not claims_dir.is_dir():
        problems.append(Problem(_relative(claims_dir, root), 1, 1, "no claims/ folder here; run oxykb in the project folder or name it"))
        return loaded

    expected = sorted({f"{category.value}/" for category in Category} | {f"{SOURCES_DIR}/", TAGS_FILE})
    for entry in sorted(claims_dir.iterdir()):
        if not entry.name.startswith(".") and entry.name + ("/" if entry.is_dir() else "") not in expected:
            problems.append(Problem(_relative(entry, root), 1, 1, f"unexpected {'folder' if entry.is_dir() else 'file'} in claims/; expected {', '.join(expected)}"))

    shown_claims = _relative(claims_dir, root)
    jobs: list[tuple[Path, str, str, str]] = []  # (path, kind, shown path, id): every YAML file to read
    if (claims_dir / TAGS_FILE).is_file():
        jobs.append((claims_dir / TAGS_FILE, "tags", f"{shown_claims}/{TAGS_FILE}", ""))
    texts: dict[str, tuple[Path, str]] = {}
    source_folder = claims_dir / SOURCES_DIR
    if source_folder.is_dir():
        files = _files(source_folder, f"{shown_claims}/{SOURCES_DIR}", problems, (".yaml", ".txt"))
        yaml_stems = {stem for path, stem, _ in files if path.suffix == ".yaml"}
        for path, stem, shown in files:
            if path.suffix == ".txt":
                if stem in yaml_stems:
                    texts[stem] = (path, shown)
                else:
                    problems.append(Problem(shown, 1, 1, f"source text without its description {stem}.yaml"))
                continue
            loaded.source_ids.add(stem)
            jobs.append((path, "source", shown, stem))
    categories: dict[str, tuple[Category, str]] = {}
    for category in Category:
        folder = claims_dir / category.value
        if not folder.is_dir():
            continue
        for path, stem, shown in _files(folder, f"{shown_claims}/{category.value}", problems, (".yaml",)):
            if stem in categories:
                problems.append(Problem(shown, 1, 1, f"duplicate id '{stem}': {categories[stem][1]} has it already (ids are unique across categories)"))
                continue
            loaded.claim_ids.add(stem)
            categories[stem] = (category, shown)
            jobs.append((path, "claim", shown, stem))

    tags: dict = {}
    sources: dict[str, Source] = {}
    claims: dict[str, Claim] = {}
    results = read_records(root, [job[:3] for job in jobs], today, cache)
    for (path, kind, shown, stem), (values, positions, file_problems) in zip(jobs, results):
        problems.extend(file_problems)
        if kind == "tags":
            loaded.tags_readable = values is not None
            tags = values or {}
        elif kind == "source":
            text = _read_text(*texts[stem], problems) if stem in texts else None
            if values is not None:
                sources[stem] = Source(id=stem, path=shown, text=text, positions=MappingProxyType(positions), **values)
        elif values is not None:
            claims[stem] = _claim(stem, categories[stem][0], values, shown, MappingProxyType(positions))

    loaded.knowledge_base = KnowledgeBase(MappingProxyType(claims), MappingProxyType(sources), MappingProxyType(tags))
    return loaded
