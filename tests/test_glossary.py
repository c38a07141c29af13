"""The glossary of the contributors' guide, enforced: the words the site writes are spelt one way.

Each language's guide (content/<language>/contributing.md) ends with a table of what to write and what not to.
Everything the knowledge base and the site write in that language is checked: claims' statements, rationales
and (in English) quote translations, questions and answers, source assessments, hand-written pages and the
site's labels. Verbatim quotes and source titles stay as their documents write them.
"""

import dataclasses
import re

import pytest
from conftest import REPO

from oxykb.check import check
from oxykb.model import Localized
from oxykb.publish import labels

GLOSSARY_HEADING = {"nl": "## Woordenlijst", "en": "## Glossary"}


def glossary(language: str) -> dict[str, str]:
    """{variant not to write: what to write}, from the table under the guide's glossary heading."""
    guide = (REPO / "content" / language / "contributing.md").read_text("utf-8")
    table = guide.split(GLOSSARY_HEADING[language], 1)[1]
    rows = [line.strip("|").split("|") for line in table.splitlines() if line.startswith("| ")][1:]  # no header
    return {variant.strip(): write.strip() for write, variants in rows for variant in variants.split(",")}


def localized_texts(value, where: str, language: str):
    """Every text of one language in a model object (dataclass, tuple, Localized), with where it is."""
    if isinstance(value, Localized):
        yield where, getattr(value, language)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            if field.name not in ("quote", "title", "cited_as"):  # as the documents write them
                yield from localized_texts(getattr(value, field.name), f"{where}.{field.name}", language)
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from localized_texts(item, f"{where}[{index}]", language)
    elif language == "en" and isinstance(value, str) and where.endswith(".quote_en"):
        yield where, value


def label_texts(value, where: str):
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from label_texts(item, f"{where}[{key!r}]")
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from label_texts(item, f"{where}[{index}]")


def texts(language: str):
    kb = check(REPO).knowledge_base
    for kind, items in (("claim", kb.claims), ("question", kb.questions), ("source", kb.sources)):
        for item_id, item in items.items():
            yield from localized_texts(item, f"{kind} {item_id}", language)
    titles = [source.title for source in kb.sources.values() if source.title]
    for page in sorted((REPO / "content" / language).glob("*.md")):
        text = page.read_text("utf-8")
        if page.name == "contributing.md":
            text = text.split(GLOSSARY_HEADING[language], 1)[0]
        for title in titles:  # a document's title, as it writes it
            text = text.replace(title, "")
        yield str(page.relative_to(REPO)), re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    for name in dir(labels):
        if name.isupper():
            yield from label_texts(getattr(labels, name), f"labels.{name}")


def test_the_guides_have_a_glossary_in_both_languages():
    assert glossary("nl")["oxytocineneusspray"] == "oxytocine-neusspray"
    assert glossary("en")["shocking event"] == "traumatic event"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_site_writes_each_word_as_the_glossary_says(language):
    variants = glossary(language)
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, variants)) + r")(?!\w)", re.IGNORECASE)
    found = [
        f"{where}: {match[1]!r}, write {variants[match[1].lower()]!r}"
        for where, text in texts(language)
        for match in pattern.finditer(text)
    ]
    assert found == []
