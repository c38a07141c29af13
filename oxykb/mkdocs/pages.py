"""The pages oxykb generates for MkDocs, on disk in the project's work folder (.oxykb/), one folder per language.

Rendering is pure (publish/); this module puts its result where a build reads it, writing only what
changed, so that a dirty build (`oxykb serve`) and MkDocs see just the edited pages as new. Markdown pages
and open data go to .oxykb/docs/<language>, the folder MkDocs builds; claim pages, the HTML parts of
Markdown pages and the file behind each page's edit button go to .oxykb/html/<language>, which only the
plugin reads.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from .. import check, urls
from ..check import content, schema
from ..model import KnowledgeBase
from ..problems import ProblemsFound
from ..publish import opendata, render
from ..workspace import WORK_DIR


def docs_dir(root: Path, language: str) -> Path:
    return root / WORK_DIR / "docs" / language


def html_dir(root: Path, language: str) -> Path:
    """A language's HTML that skips Markdown (claims/<id>.json, parts.json) and its pages' edit paths (edit.json)."""
    return root / WORK_DIR / "html" / language


# What `generate` wrote last in this process, by folder, when it is asked to remember (`oxykb serve`, which renders
# again after every save): the next write compares with it in memory instead of reading thousands of files back,
# and the claim pages it changed are all that a rebuild must fill in again (changed_claim_pages).
_WRITTEN: dict[Path, dict[str, str]] = {}
_CHANGED_CLAIM_PAGES: dict[Path, list[Path]] = {}
_CLAIM_JSON: dict[int, tuple[render.ClaimPage, str]] = {}  # a remembered claim page's JSON, made once
_OPEN_DATA: dict[Path, dict[str, str]] = {}


def write_pages(target: Path, pages: dict[str, str], remember: bool = False) -> set[str]:
    """Makes target hold exactly these pages: writes only what changed, removes everything else.

    target lies in oxykb's work folder, which no one else writes (workspace.work_dir_problems), so
    whatever an interrupted build left there is simply put right. Links are removed, never followed,
    and pages are written beside their place and renamed into it. With `remember`, what is written is
    kept, and the next write to target in this process compares with that instead of the files.
    Returns the names written.
    """
    _own_folder(target)
    previous = _WRITTEN.pop(target, None)
    if remember and previous is not None:
        for name in previous.keys() - pages.keys():
            (target / name).unlink(missing_ok=True)
        written = {name for name, text in pages.items() if previous.get(name) != text}
    else:
        written = _changed_on_disk(target, pages)
    for name in written:
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            shutil.rmtree(path)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(pages[name].encode("utf-8"))
        temporary.replace(path)
    if remember:
        _WRITTEN[target] = dict(pages)
    return written


def _changed_on_disk(target: Path, pages: dict[str, str]) -> set[str]:
    """The pages whose file in target differs from them; removes every other file and every link."""
    kept: set[str] = set()
    for folder, subfolders, files in os.walk(target):
        for name in files + [name for name in subfolders if os.path.islink(os.path.join(folder, name))]:
            path = os.path.join(folder, name)
            relative = Path(path).relative_to(target).as_posix()
            if relative in pages and not os.path.islink(path):
                kept.add(relative)
            else:
                os.unlink(path)
    return {
        name for name, text in pages.items() if name not in kept or (target / name).read_bytes() != text.encode("utf-8")
    }


def _own_folder(target: Path) -> None:
    """Makes target and its parents up to the work folder real folders: a link there is removed, never followed."""
    parts = target.parts
    for end in range(parts.index(WORK_DIR) + 1, len(parts) + 1):
        folder = Path(*parts[:end])
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            folder.unlink()
    target.mkdir(parents=True, exist_ok=True)


def checked_inputs(root: Path, remember: bool = False) -> tuple[check.Checked, dict[str, dict[str, str]]]:
    """The checked knowledge base and the hand-written pages of every language. Raises ProblemsFound.

    `remember`: for the next check in this process (`oxykb serve`)."""
    checked = check.check(root, remember=remember)
    pages, page_problems = content.read(root)
    problems = checked.problems + page_problems
    if problems:
        raise ProblemsFound(sorted(set(problems)))
    return checked, pages


def generate(
    root: Path,
    kb: KnowledgeBase,
    language: str,
    hand_written: dict[str, str],
    remember: bool = False,
    site_url: str | None = None,
) -> None:
    """Renders one language into its folders: Markdown pages and open data for MkDocs, HTML and edit paths beside.

    `remember` keeps claim pages, what was written and the open data for the next render in this process
    (`oxykb serve`).
    """
    rendered = render.render(kb, language, hand_written, remember=remember, site_url=site_url)
    data = open_data(root, kb, remember) if language == urls.PRIMARY_LANGUAGE else {}
    write_pages(docs_dir(root, language), {**rendered.pages, **data}, remember)
    html = html_dir(root, language)
    written = write_pages(
        html,
        {
            "parts.json": json.dumps(rendered.parts, ensure_ascii=False),
            "edit.json": json.dumps(edit_paths(kb, language, hand_written), ensure_ascii=False),
            **{f"claims/{page.id}.json": _claim_json(page, remember) for page in rendered.claims},
        },
        remember,
    )
    _CHANGED_CLAIM_PAGES[html] = sorted(html / name for name in written if name.startswith("claims/"))


def _claim_json(page: render.ClaimPage, remember: bool) -> str:
    if not remember:
        return json.dumps(page._asdict(), ensure_ascii=False)
    made = _CLAIM_JSON.get(id(page))
    if made is None or made[0] is not page:
        if len(_CLAIM_JSON) > 100_000:
            _CLAIM_JSON.clear()
        made = _CLAIM_JSON[id(page)] = (page, json.dumps(page._asdict(), ensure_ascii=False))
    return made[1]


def open_data(root: Path, kb: KnowledgeBase, remember: bool = False) -> dict[str, str]:
    """claims.json, claims.csv and their schemas: both languages in one, published once, with the primary language.

    With `remember` (`oxykb serve`), those of the first render in this process: at 10,000 claims they take
    0.7 s, which every save would wait for, and a preview is for pages.
    """
    if remember and root in _OPEN_DATA:
        return _OPEN_DATA[root]
    made = {
        urls.CLAIMS_JSON: opendata.as_json(kb),
        urls.CLAIMS_CSV: opendata.as_csv(kb),
        **{urls.SCHEMA_FOLDER + name: text for name, text in schema.schemas().items()},
    }
    if remember:
        _OPEN_DATA[root] = made
    return made


def edit_paths(kb: KnowledgeBase, language: str, hand_written: dict[str, str]) -> dict[str, str]:
    """The file an editor changes for each Markdown page that has one: a source's or question's YAML file, a
    hand-written page.

    Taken from the model (Source.path), never guessed from file names; claim pages carry theirs (ClaimPage.edit_path).
    """
    return {
        **{urls.source_page(source.id): source.path for source in kb.sources.values()},
        **{urls.question_page(question.id): question.path for question in kb.questions.values()},
        **{name: f"{content.FOLDER}/{language}/{name}" for name in hand_written},
    }


def render_language(root: Path, language: str, remember: bool = False, site_url: str | None = None) -> None:
    """check -> render for one language, from what is in claims/ and content/ now. Raises ProblemsFound.

    `remember` keeps what each step did for the next call in this process (`oxykb serve`)."""
    checked, hand_written = checked_inputs(root, remember)
    generate(root, checked.knowledge_base, language, hand_written[language], remember=remember, site_url=site_url)


def claim_page_files(root: Path, language: str) -> list[Path]:
    """The claim pages `generate` wrote for a language, in id order."""
    return sorted((html_dir(root, language) / "claims").glob("*.json"))


def changed_claim_pages(root: Path, language: str) -> list[Path] | None:
    """The claim pages the last `generate` of a language in this process changed, in id order; None if none ran."""
    return _CHANGED_CLAIM_PAGES.get(html_dir(root, language))


def claim_pages(root: Path, language: str, files: list[Path] | None = None):
    """The claim pages `generate` wrote for a language (or just `files` of them), read one by one (there are many)."""
    for path in claim_page_files(root, language) if files is None else files:
        fields = json.loads(path.read_text("utf-8"))
        yield render.ClaimPage(**{**fields, "sections": tuple(map(tuple, fields["sections"]))})


def page_parts(root: Path, language: str) -> dict[str, list[str]]:
    """The HTML parts of a language's Markdown pages, by page."""
    return json.loads((html_dir(root, language) / "parts.json").read_text("utf-8"))


def page_edit_paths(root: Path, language: str) -> dict[str, str]:
    """What `edit_paths` gave for a language when `generate` last ran."""
    return json.loads((html_dir(root, language) / "edit.json").read_text("utf-8"))
