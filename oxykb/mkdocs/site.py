"""From checked claims to a built site: generated pages on disk, one MkDocs build per language.

Each language is a separate MkDocs build (Material's own advice for
multilingual sites): the right <html lang>, its own search index and stemmer,
and no page in a language it lacks. Dutch is built at the site root, English
under /en/, with the same paths in both.
"""

from __future__ import annotations

import ctypes
import datetime
import errno
import json
import logging
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

from ..check import content

from .. import check, workspace

from ..publish import render
from ..problems import ProblemsFound
from ..workspace import WORK_DIR

LANGUAGES = ("nl", "en")
PRIMARY = LANGUAGES[0]


def subpath(language: str) -> str:
    """Where a language lives below the site root."""
    return "" if language == PRIMARY else f"{language}/"


def docs_dir(root: Path, language: str) -> Path:
    return root / WORK_DIR / "docs" / language


def write_pages(target: Path, pages: dict[str, str]) -> int:
    """Makes target hold exactly these pages: writes only what changed, removes everything else.

    target lies in oxykb's work folder, which no one else writes (workspace.work_dir_problems), so
    whatever an interrupted build left there is simply put right. Links are removed, never followed,
    and pages are written beside their place and renamed into it. Returns the number of files written.
    """
    _own_folder(target)
    kept: set[str] = set()
    for folder, subfolders, files in os.walk(target):
        for name in files + [name for name in subfolders if os.path.islink(os.path.join(folder, name))]:
            path = os.path.join(folder, name)
            relative = Path(path).relative_to(target).as_posix()
            if relative in pages and not os.path.islink(path):
                kept.add(relative)
            else:
                os.unlink(path)
    written = 0
    for name, text in pages.items():
        path = target / name
        data = text.encode("utf-8")
        if name in kept and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            shutil.rmtree(path)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
        written += 1
    return written


def _own_folder(target: Path) -> None:
    """Makes target and its parents up to the work folder real folders: a link there is removed, never followed."""
    parts = target.parts
    for end in range(parts.index(WORK_DIR) + 1, len(parts) + 1):
        folder = Path(*parts[:end])
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            folder.unlink()
    target.mkdir(parents=True, exist_ok=True)


def html_dir(root: Path, language: str) -> Path:
    """A language's HTML that skips Markdown: claim pages (claims/<id>.json) and the parts of Markdown pages (parts.json)."""
    return root / WORK_DIR / "html" / language


def checked_inputs(root: Path) -> tuple[check.Checked, dict[str, dict[str, str]]]:
    """The checked knowledge base and the hand-written pages of every language. Raises ProblemsFound."""
    checked = check.check(root)
    pages, page_problems = content.read(root)
    problems = checked.problems + page_problems
    if problems:
        raise ProblemsFound(sorted(set(problems)))
    return checked, pages


def generate(root: Path, kb, language: str, hand_written_pages: dict[str, str], remember: bool = False) -> None:
    """render, for one language: Markdown pages and open data into its docs folder, HTML beside it."""
    from ..publish import opendata
    from ..check import schema

    rendered = render.render(kb, language, hand_written_pages, remember=remember)
    write_pages(docs_dir(root, language), {
        **rendered.pages, "claims.json": opendata.as_json(kb), "claims.csv": opendata.as_csv(kb),
        **{f"schema/{name}": text for name, text in schema.schemas().items()}})
    write_pages(html_dir(root, language), {
        "parts.json": json.dumps(rendered.parts, ensure_ascii=False),
        **{f"claims/{page.id}.json": json.dumps(page._asdict(), ensure_ascii=False) for page in rendered.claims}})


def claim_page_files(root: Path, language: str) -> list[Path]:
    """The claim pages `generate` wrote for a language, in id order."""
    return sorted((html_dir(root, language) / "claims").glob("*.json"))


def claim_pages(root: Path, language: str, files: list[Path] | None = None):
    """The claim pages `generate` wrote for a language (or just `files` of them), read one at a time (there may be many)."""
    for path in claim_page_files(root, language) if files is None else files:
        fields = json.loads(path.read_text("utf-8"))
        yield render.ClaimPage(**{**fields, "sections": tuple(map(tuple, fields["sections"]))})


def page_parts(root: Path, language: str) -> dict[str, list[str]]:
    """The HTML parts of a language's Markdown pages, by page."""
    return json.loads((html_dir(root, language) / "parts.json").read_text("utf-8"))


def prepare(root: Path, languages=LANGUAGES) -> check.Checked:
    """check -> render: the languages' pages on disk, for plain `mkdocs build` and `serve`. Raises ProblemsFound."""
    checked, content = checked_inputs(root)
    for language in languages:
        generate(root, checked.knowledge_base, language, content[language], remember=True)
    return checked


def build_language(root: Path, language: str, site_dir: Path, dirty: bool = False) -> None:
    """One MkDocs build of pages already generated; the plugin applies the language's settings."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir), **({"strict": False} if dirty else {}))
    plugin = config.plugins["oxykb"]
    saved = plugin.forced_language, plugin.managed, plugin.dirty
    plugin.forced_language, plugin.managed, plugin.dirty = language, True, dirty
    try:
        build(config, dirty=dirty)
    finally:
        plugin.forced_language, plugin.managed, plugin.dirty = saved


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings, which say why a strict build aborted."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _build_in_child(root: Path, language: str, site_dir: Path, dirty: bool = False, generate_first: bool = False,
                    remember: bool = False) -> str | None:
    """Runs in a worker process; returns what went wrong instead of a traceback.

    With `generate_first` it renders the language's pages first, so rendering runs
    in parallel too; the check it repeats reads every file from the parse cache.
    `remember` keeps claim pages for the next build in this worker (`serve`).
    """
    collected = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collected)
    try:
        if generate_first:
            checked, content = checked_inputs(root)
            generate(root, checked.knowledge_base, language, content[language], remember=remember)
        build_language(root, language, site_dir, dirty)
    except ProblemsFound:
        raise  # problems with the inputs, reported as such
    except Exception as error:  # MkDocs aborts with Abort or PluginError; report it, don't crash the pool
        return "\n".join(f"{language}: {message}" for message in [*collected.messages, f"{type(error).__name__}: {error}"])
    finally:
        logger.removeHandler(collected)
    return None


class BuildFailed(Exception):
    pass


BUILD_RECORD = "build.json"  # in workspace.cache_dir, where no commit can claim that a site is up to date


def _build_inputs(root: Path, site_dir: Path) -> dict:
    """Everything a build reads. Taken before the build reads anything, so that a file edited during it
    makes the next build build again."""
    inputs = check.inputs_fingerprint(root / "claims", root / "content", root / "mkdocs.yml", today=datetime.date.today())
    return {"inputs": inputs + os.environ.get("SOURCE_DATE_EPOCH", ""), "site_dir": str(site_dir)}


def _last_build_if_current(root: Path, inputs: dict, site_dir: Path) -> dict | None:
    """The record of the last build if site_dir is what these exact inputs built, untouched since."""
    try:
        previous = json.loads((workspace.cache_dir(root) / BUILD_RECORD).read_text("utf-8"))
        if site_dir.is_dir() and {key: previous.get(key) for key in inputs} == inputs and previous.get("site") == check.fingerprint(site_dir):
            return previous
    except (OSError, ValueError, AttributeError):
        pass
    return None


class Built(NamedTuple):
    claims: int
    skipped: bool  # nothing changed since the last build: the site was left as it was


def build(root: Path, site_dir: Path | None = None, jobs: int = 2, progress=lambda message: None, waiting=lambda: None) -> Built:
    """check -> render -> MkDocs per language, then swap the new site in only when all succeeded.

    One build of a project runs at a time: a second one calls `waiting`, then waits for the first.
    """
    site_dir = site_dir or root / "site"
    with workspace.exclusive(root, "build", waiting=waiting):
        inputs = _build_inputs(root, site_dir)
        previous = _last_build_if_current(root, inputs, site_dir)
        if previous:
            return Built(previous["claims"], True)
        progress("checking the claims")
        claims = len(checked_inputs(root)[0].knowledge_base.claims)  # the workers read it again from the parse cache
        progress(f"rendering and building {claims} claims in {', '.join(LANGUAGES)}")
        staging = site_dir.parent / f".{site_dir.name}.oxykb-staging"  # beside the site: on its file system, so it can be renamed
        try:
            _recover(site_dir, staging)
            staging.mkdir(parents=True)
            targets = {language: staging / language for language in LANGUAGES}
            _build_languages(root, targets, jobs)
            combined = targets[PRIMARY]
            for language in LANGUAGES[1:]:
                targets[language].rename(combined / subpath(language).rstrip("/"))
            progress(f"replacing {site_dir}")
            _swap(combined, site_dir)
            record = {**inputs, "claims": claims, "site": check.fingerprint(site_dir)}
        except OSError as error:
            raise BuildFailed(f"cannot write the site to {site_dir}: {error.strerror or error}") from error
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        _write_record(root, record)
    return Built(claims, False)


def _build_languages(root: Path, targets: dict[str, Path], jobs: int) -> None:
    """Each language rendered and built by MkDocs into its target; raises BuildFailed with what went wrong."""
    work = [(root, language, targets[language], False, True) for language in LANGUAGES]
    if jobs > 1:
        # spawn: a worker starts small instead of inheriting (and, to the kernel, duplicating) this process's memory;
        # it leaves when this process is killed
        with ProcessPoolExecutor(max_workers=min(jobs, len(LANGUAGES)), mp_context=multiprocessing.get_context("spawn"),
                                 initializer=workspace.exit_with_parent, initargs=(os.getpid(),)) as pool:
            errors = list(pool.map(_build_in_child, *zip(*work)))
    else:
        errors = [_build_in_child(*arguments) for arguments in work]
    errors = [error for error in errors if error]
    if errors:
        raise BuildFailed("\n".join(errors))


def _write_record(root: Path, record: dict) -> None:
    path = workspace.cache_dir(root) / BUILD_RECORD
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(record), "utf-8")
        temporary.replace(path)
    except OSError:
        pass  # without a writable cache folder, the next build builds again


def _recover(site_dir: Path, staging: Path) -> None:
    """Puts right what a killed build left: the previous site back in place if it was moved aside, no staging."""
    previous = staging / "previous"
    if previous.is_dir() and not previous.is_symlink() and not os.path.lexists(site_dir):
        previous.rename(site_dir)
    shutil.rmtree(staging, ignore_errors=True)
    if os.path.lexists(staging):
        staging.unlink()  # a link or a file of that name, not ours


def _swap(new: Path, site_dir: Path) -> None:
    """Replaces site_dir by new in one step where the system can, so a reader (or a kill) never finds half a site or none."""
    if not os.path.lexists(site_dir):
        new.rename(site_dir)
        return
    if not _exchange(new, site_dir):  # two renames: a kill between them is put right by the next build (_recover)
        previous = new.parent / "previous"
        site_dir.rename(previous)
        new.rename(site_dir)
        new = previous
    if new.is_symlink() or not new.is_dir():
        new.unlink()  # the old site_dir was a link or a file: remove it, never what it points to
    else:
        shutil.rmtree(new)


_RENAME_EXCHANGE, _AT_FDCWD = 2, -100


def _exchange(first: Path, second: Path) -> bool:
    """Swaps two paths atomically with Linux's renameat2; False where the system or file system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))
