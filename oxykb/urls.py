"""The site's addresses, said once: where every page of the knowledge base is published.

An id is a permanent address (`/claims/<id>/`), so the scheme must not drift
between the pages that link, the open data that lists addresses and the
MkDocs layer that writes the files. Pure functions over ids and model values.

Two kinds of path appear here, both relative to one language's root:
* a *page* is a generated Markdown file in the docs folder (`sources/<id>.md`),
  which MkDocs publishes at its *URL* with directory URLs (`sources/<id>/`);
* a *URL* is a published address (`claims/<id>/`, `claims.json`). Claim pages
  are no Markdown files (they are filled into frames), so they have only a URL.

The primary language lives at the site root and every other one below
`<language>/`, with the same paths in each.
"""

from __future__ import annotations

from .model import LANGUAGES, Category

PRIMARY_LANGUAGE = LANGUAGES[0]

# Generated pages with a fixed place in the docs folder.
HOME = "index.md"
EVIDENCE = "evidence.md"
SOURCES = "sources/index.md"
TAGS = "tags/index.md"
OPEN_DATA = "open-data.md"
REPORT = "report.md"
QUESTIONS = "questions/index.md"

# Open data files, published as they are, once: at the site root, which every language links to (they hold
# both languages; a copy per language would add 30 MB to a site of 10,000 claims).
CLAIMS_JSON = "claims.json"
CLAIMS_CSV = "claims.csv"
SCHEMA_FOLDER = "schema/"
CLAIMS_JSON_SCHEMA = SCHEMA_FOLDER + "claims-json.schema.json"


def taken_names() -> frozenset[str]:
    """The first path segments the generated site uses in each language: no hand-written page may take one.

    content/nl/evidence.md would replace the evidence page, en.md the English site, search.md Material's search.
    (index.md is the home page's introduction, which the generated home page takes in.)
    """
    generated = [
        EVIDENCE,
        SOURCES,
        TAGS,
        OPEN_DATA,
        REPORT,
        QUESTIONS,
        question_page("x"),
        *map(category_page, Category),
        claim_url("x"),
        figure_file("x"),
        SCHEMA_FOLDER,
        CLAIMS_JSON,
        CLAIMS_CSV,
    ]
    names = {path.split("/")[0].removesuffix(".md").removesuffix(".json").removesuffix(".csv") for path in generated}
    return frozenset(
        names | set(LANGUAGES) | {"search", "assets", "404", "sitemap"}
    )  # the last: MkDocs' and Material's


def language_root(language: str) -> str:
    """Where a language's site lives below the site root: '' for Dutch, 'en/' for English."""
    return "" if language == PRIMARY_LANGUAGE else f"{language}/"


def category_page(category: Category) -> str:
    return f"{category.value}/index.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def tag_page(tag: str) -> str:
    return f"tags/{tag}.md"


def question_page(question_id: str) -> str:
    return f"questions/{question_id}.md"


def figure_file(name: str) -> str:
    """An SVG figure, written beside the pages: figure_file('sources/x') is figures/sources/x.svg."""
    return f"figures/{name}.svg"


def page_url(page: str) -> str:
    """Where a page of the docs folder is published (directory URLs): sources/x.md is at sources/x/, index.md at ''."""
    stem = page.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def claim_url(claim_id: str) -> str:
    return f"claims/{claim_id}/"


def source_url(source_id: str) -> str:
    return page_url(source_page(source_id))


def category_url(category: Category) -> str:
    return page_url(category_page(category))


def tag_url(tag: str) -> str:
    return page_url(tag_page(tag))


def question_url(question_id: str) -> str:
    return page_url(question_page(question_id))


def address(language: str, url: str) -> str:
    """A URL of one language as a path from the site root: address('en', 'claims/x/') is en/claims/x/."""
    return language_root(language) + url


def claim_addresses(claim_id: str) -> dict[str, str]:
    """A claim's permanent address in every language, from the site root."""
    return {language: address(language, claim_url(claim_id)) for language in LANGUAGES}


def question_addresses(question_id: str) -> dict[str, str]:
    """A question's permanent address in every language, from the site root."""
    return {language: address(language, question_url(question_id)) for language in LANGUAGES}


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one published URL to another of the same language: from claims/a/ to claims/b/ is ../b/.

    `from_url` is a directory URL ('' or ending in '/'); `to_url` may also be a file (claims.json).
    """
    here, there = from_url.split("/")[:-1], to_url.split("/")
    shared = 0
    while shared < min(len(here), len(there) - 1) and here[shared] == there[shared]:
        shared += 1
    return "../" * (len(here) - shared) + "/".join(there[shared:])


def open_data_link(language: str, from_url: str, file: str) -> str:
    """A link from a page of a language to an open data file, published only at the site root."""
    return relative_url(address(language, from_url), file)


def page_link(from_page: str, to_page: str) -> str:
    """A Markdown link target from one docs-folder file to another, which MkDocs resolves (and checks when strict)."""
    return "../" * from_page.count("/") + to_page
