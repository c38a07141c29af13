"""Which files under claims/ are read, and as what; anything else there is a located problem.

A claim's folder is its category and a file's name is its id (README, "Where files live"), so ids,
and that no two files share one, are settled here before any file is read. Paths stay strings:
at 10,000 files, making Path objects costs more than listing the folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..model import Category
from ..problems import Problem
from . import fields, safe_files

SOURCES = "sources"
QUESTIONS = "questions"
TAGS = "tags.yaml"


class FileToRead(NamedTuple):
    path: str
    kind: str  # "claim", "source", "question" or "tags": the record it holds
    shown: str  # the path relative to the project, as messages show it
    id: str = ""  # of a claim, source or question: its file name without .yaml
    category: Category | None = None  # of a claim: its folder


@dataclass
class ClaimsFolder:
    """What claims/ holds: the files to read, and the problems with everything else in it."""

    tags: FileToRead | None = None
    sources: list[FileToRead] = field(default_factory=list)
    source_texts: dict[str, tuple[str, str]] = field(default_factory=dict)  # source id: (path, shown path) of its .txt
    claims: list[FileToRead] = field(default_factory=list)
    questions: list[FileToRead] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class _Listed(NamedTuple):
    path: str
    id: str  # the name without its suffix
    suffix: str
    shown: str


def list_claims_folder(root: Path) -> ClaimsFolder:
    claims_dir = root / "claims"
    shown_claims = _relative(claims_dir, root)
    found = ClaimsFolder()
    if claims_dir.is_symlink() or not claims_dir.is_dir():
        found.problems.append(
            Problem(
                shown_claims,
                1,
                1,
                "symbolic link; claims/ must be a folder in the project"
                if claims_dir.is_symlink()
                else "no claims/ folder here; run oxykb in the project folder or name it",
            )
        )
        return found
    present = _expected_entries(claims_dir, shown_claims, found.problems)
    if TAGS in present:
        found.tags = FileToRead(str(claims_dir / TAGS), "tags", f"{shown_claims}/{TAGS}")
    if SOURCES in present:
        _list_sources(claims_dir / SOURCES, f"{shown_claims}/{SOURCES}", found)
    if QUESTIONS in present:
        for file in _list_files(claims_dir / QUESTIONS, f"{shown_claims}/{QUESTIONS}", (".yaml",), found.problems):
            found.questions.append(FileToRead(file.path, "question", file.shown, file.id))
    for category in Category:
        if category.value in present:
            _list_claims(claims_dir / category.value, f"{shown_claims}/{category.value}", category, found)
    _refuse_ids_of_claims_and_sources_alike(found)
    return found


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _expected_entries(claims_dir: Path, shown_claims: str, problems: list[Problem]) -> set[str]:
    """The category folders, sources/, questions/ and tags.yaml that are really there; anything else is reported."""
    expected = sorted({f"{category.value}/" for category in Category} | {f"{SOURCES}/", f"{QUESTIONS}/", TAGS})
    present = set()
    with os.scandir(claims_dir) as entries:
        for entry in sorted(entries, key=lambda entry: entry.name):
            shown = f"{shown_claims}/{entry.name}"
            folder = entry.is_dir(follow_symlinks=False)
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                problems.append(Problem(shown, 1, 1, safe_files.LINK_IN_FOLDER))
            elif entry.name + ("/" if folder else "") in expected and (folder or entry.is_file(follow_symlinks=False)):
                present.add(entry.name)
            else:
                problems.append(
                    Problem(
                        shown,
                        1,
                        1,
                        f"unexpected {'folder' if folder else 'file'} in claims/; expected {', '.join(expected)}",
                    )
                )
    return present


def _list_sources(folder: Path, shown_folder: str, found: ClaimsFolder) -> None:
    listed = _list_files(folder, shown_folder, (".yaml", ".txt"), found.problems)
    described = {file.id for file in listed if file.suffix == ".yaml"}
    for file in listed:
        if file.suffix == ".yaml":
            found.sources.append(FileToRead(file.path, "source", file.shown, file.id))
        elif file.id in described:
            found.source_texts[file.id] = (file.path, file.shown)
        else:
            found.problems.append(Problem(file.shown, 1, 1, f"source text without its description {file.id}.yaml"))


def _list_claims(folder: Path, shown_folder: str, category: Category, found: ClaimsFolder) -> None:
    """A category's claims; a claim whose id another category has already is reported and left out."""
    shown_by_id = {claim.id: claim.shown for claim in found.claims}
    for file in _list_files(folder, shown_folder, (".yaml",), found.problems):
        if file.id in shown_by_id:
            found.problems.append(
                Problem(
                    file.shown,
                    1,
                    1,
                    f"duplicate id '{file.id}': {shown_by_id[file.id]} has it "
                    f"already (ids are unique across categories)",
                )
            )
        else:
            shown_by_id[file.id] = file.shown
            found.claims.append(FileToRead(file.path, "claim", file.shown, file.id, category))


def _refuse_ids_of_claims_and_sources_alike(found: ClaimsFolder) -> None:
    """A claim and a source may not share an id: both have a page at an address made of it, and an edit link."""
    sources = {source.id: source.shown for source in found.sources}
    for claim in found.claims:
        if claim.id in sources:
            message = "duplicate id '{id}': {other} has it too (ids are unique across claims and sources)"
            found.problems.append(Problem(claim.shown, 1, 1, message.format(id=claim.id, other=sources[claim.id])))
            found.problems.append(Problem(sources[claim.id], 1, 1, message.format(id=claim.id, other=claim.shown)))


def _list_files(folder: Path, shown_folder: str, suffixes: tuple[str, ...], problems: list[Problem]) -> list[_Listed]:
    """The files of one folder that oxykb reads; anything else is reported."""
    listed = []
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda entry: entry.name):
            name = entry.name
            shown = f"{shown_folder}/{name}"
            stem, dot, suffix = name.rpartition(".")
            if name.startswith("."):
                continue
            if entry.is_symlink():
                problems.append(Problem(shown, 1, 1, safe_files.LINK))
            elif not entry.is_dir(follow_symlinks=False) and not entry.is_file(follow_symlinks=False):
                problems.append(Problem(shown, 1, 1, safe_files.NOT_REGULAR))
            elif entry.is_dir() or not dot or f".{suffix}" not in suffixes:
                kind, expected = "folder" if entry.is_dir() else "file", " or ".join(suffixes)
                problems.append(Problem(shown, 1, 1, f"unexpected {kind}; this folder holds {expected} files"))
            elif not fields.is_slug(stem):
                problems.append(Problem(shown, 1, 1, f"file name must be an id: {fields.SLUG_SHAPE}"))
            else:
                listed.append(_Listed(entry.path, stem, f".{suffix}", shown))
    return listed
