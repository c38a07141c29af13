"""From checked claims to a built site: generated pages on disk, one MkDocs build per language.

Each language is a separate MkDocs build (Material's own advice for
multilingual sites): the right <html lang>, its own search index and stemmer,
and no page in a language it lacks. Dutch is built at the site root, English
under /en/, with the same paths in both.
"""

from __future__ import annotations

import datetime
import json
import logging
import multiprocessing
import os
import shutil
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

from . import pipeline, render
from .problems import Problem, ProblemsFound

LANGUAGES = ("nl", "en")
PRIMARY = LANGUAGES[0]
WORK_DIR = ".oxykb"  # owned by oxykb as a whole, git-ignored


def subpath(language: str) -> str:
    """Where a language lives below the site root."""
    return "" if language == PRIMARY else f"{language}/"


def docs_dir(root: Path, language: str) -> Path:
    return root / WORK_DIR / "docs" / language


def hand_written(root: Path, language: str) -> tuple[dict[str, str], list[Problem]]:
    """The pages in content/<language>/, and every page missing its translation."""
    pages, problems = {}, []
    for path in sorted((root / "content" / language).rglob("*.md")):
        pages[path.relative_to(root / "content" / language).as_posix()] = path.read_text("utf-8")
    for other in LANGUAGES:
        if other == language:
            continue
        for path in sorted((root / "content" / other).rglob("*.md")):
            name = path.relative_to(root / "content" / other).as_posix()
            if name not in pages:
                problems.append(Problem(f"content/{other}/{name}", 1, 1, f"no {language} translation: content/{language}/{name} is missing"))
    return pages, problems


def write_pages(target: Path, pages: dict[str, str]) -> int:
    """Writes only what changed and removes what is no longer generated.

    Refuses to touch a file it did not write: the manifest lists what it did.
    Returns the number of files written.
    """
    manifest_path = target.with_name(f"{target.name}.manifest.json")  # beside, not inside: it is no page
    owned = set(json.loads(manifest_path.read_text("utf-8"))) if manifest_path.exists() else set()
    if target.exists():
        strangers = sorted(
            path.relative_to(target).as_posix() for path in target.rglob("*")
            if path.is_file() and path.relative_to(target).as_posix() not in owned
        )
        if strangers:
            raise ProblemsFound([Problem(f"{target.name}/{name}", 1, 1, f"refusing to overwrite {target / name}: oxykb did not generate it") for name in strangers])
    written = 0
    for name, text in pages.items():
        path = target / name
        data = text.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    for name in owned - set(pages):
        (target / name).unlink(missing_ok=True)
    target.mkdir(parents=True, exist_ok=True)
    manifest_path.write_text(json.dumps(sorted(pages), indent=0), "utf-8")
    return written


def html_dir(root: Path, language: str) -> Path:
    """A language's HTML that skips Markdown: claim pages (claims/<id>.json) and the parts of Markdown pages (parts.json)."""
    return root / WORK_DIR / "html" / language


def checked_inputs(root: Path) -> tuple[pipeline.Checked, dict[str, dict[str, str]]]:
    """The checked knowledge base and the hand-written pages of every language. Raises ProblemsFound."""
    checked = pipeline.check(root)
    problems = list(checked.problems)
    content = {}
    for language in LANGUAGES:
        content[language], missing = hand_written(root, language)
        problems += missing
    if problems:
        raise ProblemsFound(sorted(set(problems)))
    return checked, content


def generate(root: Path, kb, language: str, hand_written_pages: dict[str, str], remember: bool = False) -> None:
    """render, for one language: Markdown pages and open data into its docs folder, HTML beside it."""
    from . import opendata, schema

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


def prepare(root: Path, languages=LANGUAGES) -> pipeline.Checked:
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


def exit_with_parent(parent: int) -> None:
    """In a worker: leave when the process that started it is gone (a killed `oxykb serve`)."""
    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


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


BUILD_RECORD = Path(WORK_DIR) / "cache" / "build.json"


def _build_inputs(root: Path, site_dir: Path) -> dict:
    """Everything a build reads, its generated pages included (a stranger's file there must not be skipped over)."""
    inputs = pipeline.inputs_fingerprint(root / "claims", root / "content", root / "mkdocs.yml", root / WORK_DIR / "docs",
                                         today=datetime.date.today())
    return {"inputs": inputs + os.environ.get("SOURCE_DATE_EPOCH", ""), "site_dir": str(site_dir)}


def _last_build_if_current(root: Path, site_dir: Path) -> dict | None:
    """The record of the last build if site_dir is what these exact inputs built, untouched since."""
    try:
        previous = json.loads((root / BUILD_RECORD).read_text("utf-8"))
        current = _build_inputs(root, site_dir)
        if site_dir.is_dir() and {key: previous.get(key) for key in current} == current and previous.get("site") == pipeline.fingerprint(site_dir):
            return previous
    except (OSError, ValueError, AttributeError):
        pass
    return None


class Built(NamedTuple):
    claims: int
    skipped: bool  # nothing changed since the last build: the site was left as it was


def build(root: Path, site_dir: Path | None = None, jobs: int = 2, progress=lambda message: None) -> Built:
    """check -> render -> MkDocs per language, then swap the new site in only when all succeeded."""
    site_dir = site_dir or root / "site"
    previous = _last_build_if_current(root, site_dir)
    if previous:
        return Built(previous["claims"], True)
    progress("checking the claims")
    claims = len(checked_inputs(root)[0].knowledge_base.claims)  # the workers read it again from the parse cache
    progress(f"rendering and building {claims} claims in {', '.join(LANGUAGES)}")
    staging = root / WORK_DIR / f"staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    targets = {language: staging / language for language in LANGUAGES}
    try:
        work = [(root, language, targets[language], False, True) for language in LANGUAGES]
        if jobs > 1:
            # spawn: a worker starts small instead of inheriting (and, to the kernel, duplicating) this process's memory
            with ProcessPoolExecutor(max_workers=min(jobs, len(LANGUAGES)), mp_context=multiprocessing.get_context("spawn")) as pool:
                errors = list(pool.map(_build_in_child, *zip(*work)))
        else:
            errors = [_build_in_child(*arguments) for arguments in work]
        errors = [error for error in errors if error]
        if errors:
            raise BuildFailed("\n".join(errors))
        combined = targets[PRIMARY]
        for language in LANGUAGES[1:]:
            targets[language].rename(combined / subpath(language).rstrip("/"))
        progress(f"replacing {site_dir}")
        _swap(combined, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    (root / BUILD_RECORD).parent.mkdir(parents=True, exist_ok=True)
    record = {**_build_inputs(root, site_dir), "claims": claims, "site": pipeline.fingerprint(site_dir)}
    (root / BUILD_RECORD).write_text(json.dumps(record), "utf-8")
    return Built(claims, False)


def _swap(new: Path, site_dir: Path) -> None:
    """Replaces site_dir by new with two renames, so a reader never sees half a site."""
    old = new.parent / "previous-site"
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
