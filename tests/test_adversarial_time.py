"""Hostile text at the size limit is checked and rendered in linear time.

Each text here once took minutes: a regular expression that tries again from
every start, or backtracks over the same characters, takes time that grows with
the square of the length, and 250,000 characters squared is too many. A claim
file of about 250,000 characters, just under the 256 KiB limit, must now take
at most a couple of seconds per step (they take well under one).
"""

import json
import time

import pytest
from bad_inputs import CLAIM, SOURCE, VALID_SOURCE, claim, source
from conftest import run_oxykb

from oxykb.check import check, content, fields, yamlstrict
from oxykb.publish import render

LENGTH = 250_000  # characters of hostile text in one file
SECONDS = 2.0  # per file and step: linear work takes a fraction of it, quadratic work minutes


def repeated(unit: str) -> str:
    return unit * (LENGTH // len(unit))


def statement(text: str) -> bytes:
    return claim(
        '"Oxytocin is made in the hypothalamus."', json.dumps(text)
    )  # a JSON string is a double-quoted YAML scalar


# Accepted claims, whose hostile statement is rendered too: (case id, claim file).
RENDERED = [
    ("html-opening-then-spaces", statement("<" + " " * LENGTH + "1")),  # the raw-HTML rule backtracked over the spaces
    ("dashes-then-8", statement("-" * LENGTH + "8x")),  # the snippet-marker rule tried every dash
    ("yaml11-number-with-underscores", claim('"Oxytocin is made in the hypothalamus."', "1" + "_" * LENGTH + "x")),
    ("emphasis-never-closed", statement(repeated("*a "))),  # emphasis searched on from every opener
    ("underscore-emphasis-never-closed", statement(repeated(" _a"))),
    ("strong-never-closed", statement(repeated("**a "))),
    ("stars", statement("*" * LENGTH)),
    ("underscores", statement("_" * LENGTH)),
    ("brackets", statement("[" * LENGTH)),
    ("backticks", statement("`" * LENGTH)),
    ("angle-brackets", statement("<" * LENGTH)),
    ("ampersands", statement("&" * LENGTH)),
    ("http-repeated", statement(repeated("http://"))),
]

# Refused files, timed in check only: (case id, path, file, expected problem).
REFUSED = [
    (
        "unknown-key-then-underscores",
        CLAIM,
        claim("status: current", "? grdae" + "_" * LENGTH + "x\n: 1\nstatus: current"),
        "unknown field 'grdae",
    ),
    (
        "url-of-many-dots",
        SOURCE,
        VALID_SOURCE.encode() + b"url: " + json.dumps("http://" + repeated("a.") + " x").encode() + b"\n",
        "'url' must be an http:// or https:// URL",
    ),
    (
        "markdown-link-then-spaces",
        CLAIM,
        statement("](" + " " * LENGTH + "x"),
        "Markdown links must point to an http(s) URL",
    ),
    ("attribute-list-then-spaces", CLAIM, statement("{" + " " * LENGTH + ": x"), "attribute lists"),
    (
        "title-of-brackets",
        SOURCE,
        source('"Een bron"', json.dumps("[" * LENGTH)),
        "'title' is 250,000 characters long; the limit is 500",
    ),
]


def timed(step):
    start = time.perf_counter()
    result = step()
    return result, time.perf_counter() - start


@pytest.mark.parametrize("content", [content for _, content in RENDERED], ids=[name for name, _ in RENDERED])
def test_hostile_statement_is_checked_and_rendered_in_linear_time(tiny_kb, content):
    assert len(content) <= yamlstrict.MAX_BYTES
    (tiny_kb / CLAIM).write_bytes(content)

    result, seconds = timed(lambda: run_oxykb("check", str(tiny_kb)))
    assert result.exit_code == 0, result.output
    assert seconds < SECONDS

    kb = check(tiny_kb).knowledge_base
    assert len(kb.claims["new-claim"].statement.en) > LENGTH / 2
    for language in ("nl", "en"):
        rendered, seconds = timed(lambda language=language: render.render(kb, language, {}))
        assert "new-claim" in [page.id for page in rendered.claims]
        assert seconds < SECONDS, language


@pytest.mark.parametrize("path, content, expected", [case[1:] for case in REFUSED], ids=[case[0] for case in REFUSED])
def test_hostile_file_is_refused_in_linear_time(tiny_kb, path, content, expected):
    assert len(content) <= yamlstrict.MAX_BYTES
    (tiny_kb / path).write_bytes(content)

    result, seconds = timed(lambda: run_oxykb("check", str(tiny_kb)))
    assert result.exit_code == 1
    assert expected in result.output
    assert seconds < SECONDS


# What the checks let through, built by MkDocs: Python-Markdown takes time quadratic in some shapes of
# text, so names are short and hand-written pages have limits; at the limits a build stays fast.
PAGE = content.MAX_BYTES  # bytes of a hand-written page
BUILD_SECONDS = 10.0  # a build of the tiny project takes about one; a quadratic one took minutes


def blocks(block: str, first: str = "") -> str:
    """A first block, then this block again and again, separated by blank lines, as a page at the size limit holds."""
    return first + "\n\n".join([block] * ((PAGE - len(first)) // (len(block) + 2)))


HEADINGS = (
    "\n\n".join(["\n".join(["# a"] * content.BLOCK_LINES)] * (content.MAX_HEADINGS // content.BLOCK_LINES)) + "\n\n"
)


PAGES = [
    ("full-blocks", blocks("\n".join(["a"] * content.BLOCK_LINES))),
    ("headings-then-full-blocks", blocks("\n".join(["a"] * content.BLOCK_LINES), first=HEADINGS)),
    ("brackets-in-long-blocks", blocks("[" * content.BLOCK_BRACKETS + "x" * 4000)),
    ("lists-ten-levels-deep", blocks("\n".join("    " * level + "* a" for level in range(11)))),
    ("stars-and-underscores", blocks("*_" * 2000)),
]


@pytest.mark.parametrize("page", [page for _, page in PAGES], ids=[name for name, _ in PAGES])
def test_a_hostile_page_that_passes_check_builds_fast(tiny_project, tmp_path, page):
    assert len(page.encode()) <= PAGE
    for language in ("nl", "en"):
        (tiny_project / "content" / language / "hostile.md").write_text(page, "utf-8")
    assert run_oxykb("check", str(tiny_project)).exit_code == 0

    result, seconds = timed(lambda: run_oxykb("build", str(tiny_project), "--site-dir", str(tmp_path / "site")))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "site" / "hostile" / "index.html").exists()
    assert seconds < BUILD_SECONDS


def test_names_at_their_limit_build_fast(tiny_project, tmp_path):
    """Titles, citations and tag names go into Markdown pages, where 80,000 '[' took 40 s."""
    names = json.dumps("[" * fields.NAME_LENGTH)
    sources = tiny_project / "claims" / "sources"
    (sources / "test-explainer.yaml").write_text(
        (sources / "test-explainer.yaml").read_text().replace('"Oxytocine, een testtekst"', names)
    )
    (sources / "doe-2020.yaml").write_text((sources / "doe-2020.yaml").read_text().replace('"Doe e.a., 2020"', names))
    tags = tiny_project / "claims" / "tags.yaml"
    tags.write_text(tags.read_text().replace('en: "physiology"', f"en: {names}"))
    assert run_oxykb("check", str(tiny_project)).exit_code == 0

    result, seconds = timed(lambda: run_oxykb("build", str(tiny_project), "--site-dir", str(tmp_path / "site")))
    assert result.exit_code == 0, result.output
    assert seconds < BUILD_SECONDS
