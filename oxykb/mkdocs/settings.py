"""What differs per language in one MkDocs build: configuration, the language switcher's targets, edit links;
and which of Material's files a site leaves out.

Each language is its own MkDocs build (Material's advice for multilingual sites): its own <html lang>,
search index and stemmer, navigation, names and footer. The primary language (model.LANGUAGES[0]) is at
the site root and every other one below it (en/), with the same paths in each.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from .. import urls
from ..model import LANGUAGES
from ..publish import labels, render
from . import pages

THEME_DIR = str(Path(__file__).parent / "theme")  # oxykb's overrides of Material and its stylesheet
# Material's files no reader fetches: its search (lunr and its worker; Pagefind answers searches, see
# search.py) and the source maps of its scripts and styles (for Material's developers); 2.3 MB per language.
UNUSED_THEME_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/")


def apply(config, root: Path, language: str) -> None:
    """Sets what differs per language on MkDocs' config: docs folder, navigation, names, theme, search language."""
    config.docs_dir = str(pages.docs_dir(root, language))
    config.nav = render.navigation(language)
    config.site_name = labels.SITE[language]["site_name"]
    config.copyright = labels.SITE[language]["disclaimer"]
    if config.site_url:
        config.site_url = config.site_url.rstrip("/") + "/" + urls.language_root(language)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = labels.SITE[language]["permalink"]
    config.theme["language"] = language
    if THEME_DIR not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, THEME_DIR)
    for palette, name in zip(config.theme["palette"] or [], labels.PALETTE_TOGGLES[language], strict=False):
        if "toggle" in palette:
            palette["toggle"]["name"] = name
    config.extra["alternate"] = [{"name": labels.SITE[other]["language_name"], "lang": other} for other in LANGUAGES]
    site_root = urlsplit(config.site_url or "").path.removesuffix(urls.language_root(language)) or "/"
    config.theme["oxykb"] = {
        "words": labels.THEME_WORDS[language],
        "not_found": labels.NOT_FOUND[language],
        # the 404 page's links are from the server root (MkDocs' assumption without a site_url): this language's
        "language_root": site_root + urls.language_root(language),
        # and its language switcher, which has no page to stay on, goes to each language's home page
        "home_alternates": [
            {"lang": other, "name": labels.SITE[other]["language_name"], "href": site_root + urls.language_root(other)}
            for other in LANGUAGES
        ],
    }
    if not config.repo_url and not urlsplit(config.edit_uri or "").netloc:
        # an edit link needs a repository: without one it would point at a path on this site
        config.edit_uri = config.edit_uri_template = None
    search = config.plugins.get("material/search") or config.plugins.get("search")  # Material's name for it, or MkDocs'
    if search:
        search.config.lang = [language]


def set_edit_links(files, edit_paths: dict[str, str]) -> None:
    """Edit buttons open the file an editor changes (from the model: pages.edit_paths), never generated Markdown."""
    for file in files:
        file.edit_uri = edit_paths.get(file.src_uri)


def leave_out_unused(files) -> None:
    """Removes UNUSED_THEME_FILES and Material's source maps from what MkDocs publishes."""
    for file in list(files):
        if file.src_uri.startswith(UNUSED_THEME_FILES) or (
            file.src_uri.startswith("assets/") and file.src_uri.endswith(".map")
        ):
            files.remove(file)


def alternates(language: str, url: str) -> list[dict[str, str]]:
    """The language switcher's targets: the page at `url` in each language, relative to it."""
    depth = len(PurePosixPath(url).parts) if url else 0
    to_site_root = "../" * (depth + urls.language_root(language).count("/"))
    return [
        {
            "lang": other,
            "name": labels.SITE[other]["language_name"],
            "href": (to_site_root + urls.language_root(other) + url) or "./",
        }
        for other in LANGUAGES
    ]
