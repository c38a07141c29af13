"""Reads claims/ into a KnowledgeBase, checking each file on its own.

Every file is read, and every problem collected, before anything is
reported. A file with problems is left out of the knowledge base, but its id
stays known so that references to it do not cause a second, misleading
problem.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from . import fields, yamlstrict
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


def read_record(path: Path, record: fields.Spec, today: datetime.date, shown_path: str):
    """One YAML file through the strict reader and its field specs."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, None, [Problem(shown_path, 1, 1, f"cannot read file: {error.strerror}")]
    node, yaml_problems = yamlstrict.read(data)
    if node is None:
        return None, None, [Problem(shown_path, p.pos.line, p.pos.column, p.message) for p in yaml_problems]
    checker = fields.Checker(today=today)
    values = record.check(node, checker, "")
    problems = [Problem(shown_path, pos.line, pos.column, message) for pos, message in checker.problems]
    return (None if problems else values), MappingProxyType(checker.positions), problems


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


def _files(folder: Path, root: Path, problems: list[Problem], suffixes: tuple[str, ...]) -> list[Path]:
    """The files of one folder that oxykb reads; anything else is reported."""
    found = []
    for path in sorted(folder.iterdir()):
        shown = _relative(path, root)
        if path.name.startswith("."):
            continue
        if path.is_dir() or path.suffix not in suffixes:
            expected = " or ".join(suffixes)
            problems.append(Problem(shown, 1, 1, f"unexpected {'folder' if path.is_dir() else 'file'}; this folder holds {expected} files"))
        elif not _SLUG.match(path.stem) or len(path.stem) > 80:
            problems.append(Problem(shown, 1, 1, f"file name must be an id: {fields.SLUG_SHAPE}"))
        else:
            found.append(path)
    return found


def load(root: Path, today: datetime.date | None = None) -> Loaded:
    """Reads every claim and source under root/claims."""
    today = today or datetime.date.today()
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

    tags = {}
    if (claims_dir / TAGS_FILE).is_file():
        tags, _, file_problems = read_record(claims_dir / TAGS_FILE, fields.TAGS, today, _relative(claims_dir / TAGS_FILE, root))
        problems.extend(file_problems)
        loaded.tags_readable = tags is not None

    sources: dict[str, Source] = {}
    source_folder = claims_dir / SOURCES_DIR
    if source_folder.is_dir():
        files = _files(source_folder, root, problems, (".yaml", ".txt"))
        yaml_stems = {path.stem for path in files if path.suffix == ".yaml"}
        for path in files:
            shown = _relative(path, root)
            if path.suffix == ".txt":
                if path.stem not in yaml_stems:
                    problems.append(Problem(shown, 1, 1, f"source text without its description {path.stem}.yaml"))
                continue
            loaded.source_ids.add(path.stem)
            values, positions, file_problems = read_record(path, fields.SOURCE, today, shown)
            problems.extend(file_problems)
            text_path = path.with_suffix(".txt")
            text = _read_text(text_path, _relative(text_path, root), problems) if text_path.is_file() else None
            if values is not None:
                sources[path.stem] = Source(id=path.stem, path=shown, text=text, positions=positions, **values)

    claims: dict[str, Claim] = {}
    first_file: dict[str, str] = {}
    for category in Category:
        folder = claims_dir / category.value
        if not folder.is_dir():
            continue
        for path in _files(folder, root, problems, (".yaml",)):
            shown = _relative(path, root)
            if path.stem in first_file:
                problems.append(Problem(shown, 1, 1, f"duplicate id '{path.stem}': {first_file[path.stem]} has it already (ids are unique across categories)"))
                continue
            first_file[path.stem] = shown
            loaded.claim_ids.add(path.stem)
            values, positions, file_problems = read_record(path, fields.CLAIM, today, shown)
            problems.extend(file_problems)
            if values is not None:
                claims[path.stem] = _claim(path.stem, category, values, shown, positions)

    loaded.knowledge_base = KnowledgeBase(MappingProxyType(claims), MappingProxyType(sources), MappingProxyType(tags or {}))
    return loaded
