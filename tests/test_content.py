"""Hand-written pages (content/<language>/*.md) come by pull request like claims, and are as hostile.

Each test writes a page and shows what `oxykb check` says about it, line by line. A page may
hold Markdown only: no raw HTML, no link that is not http(s) or relative, no attribute list,
no snippet marker, no control character; front matter may set a description and nothing
else. Only regular files inside the project are read.
"""

import os
import re
import subprocess
import sys
import time

import markdown
import pytest
from conftest import REPO, run_oxykb
from hypothesis import given, settings
from hypothesis import strategies as st

from oxykb.check import content

ABOUT = "content/en/about.md"
RAW_HTML = "raw HTML is not allowed; write Markdown, or put it in a code span"
LINK = "symbolic link; oxykb reads only regular files and folders inside the project"


def check_page(project, text: str, path: str = ABOUT) -> list[str]:
    """`oxykb check` of the project with this page: it must fail; its problem lines."""
    (project / path).write_bytes(text.encode())
    result = run_oxykb("check", str(project))
    assert result.exit_code == 1, result.output
    return result.stdout.splitlines()


def test_a_script_tag_is_refused(tiny_kb):
    assert check_page(tiny_kb, "# About\n\n<script>alert(1)</script>\n") == [
        f"{ABOUT}:3:1: {RAW_HTML}",
        f"{ABOUT}:3:17: {RAW_HTML}",
    ]


def test_an_element_with_an_on_attribute_is_refused(tiny_kb):
    assert check_page(tiny_kb, "# About\n\nA picture: <img src=x onerror=alert(1)>\n") == [f"{ABOUT}:3:12: {RAW_HTML}"]


def test_html_comments_are_refused(tiny_kb):
    """A browser ends `<!-->` at once, Python-Markdown does not: what it hides could run."""
    assert check_page(tiny_kb, "# About\n\n<!--> <b>x</b> -->\n") == [
        f"{ABOUT}:3:1: {RAW_HTML}",
        f"{ABOUT}:3:7: {RAW_HTML}",
        f"{ABOUT}:3:11: {RAW_HTML}",
    ]


def test_a_javascript_link_is_refused(tiny_kb):
    assert check_page(tiny_kb, "# About\n\n[Click](javascript:alert(1))\n") == [
        f"{ABOUT}:3:9: links must be http(s) or relative; found a javascript: link"
    ]


def test_a_data_link_is_refused(tiny_kb):
    assert check_page(tiny_kb, "# About\n\n![Logo](data:image/svg+xml;base64,PHN2Zz4=)\n") == [
        f"{ABOUT}:3:9: links must be http(s) or relative; found a data: link"
    ]


def test_a_reference_style_javascript_link_is_refused(tiny_kb):
    assert check_page(tiny_kb, "# About\n\n[Click][here]\n\n[here]:\n    javascript:alert(1)\n") == [
        f"{ABOUT}:6:5: links must be http(s) or relative; found a javascript: link"
    ]


def test_a_scheme_is_read_as_the_browser_reads_it(tiny_kb):
    """A browser decodes character references and drops tabs and line breaks before it reads a scheme."""
    page = "# About\n\n[a](java&#115;cript:alert(1)) [b](<JAVA\nscript:alert(1)>) [c](&#32;javascript&colon;alert(1))\n"
    javascript = "links must be http(s) or relative; found a javascript: link"
    assert check_page(tiny_kb, page) == [
        f"{ABOUT}:3:5: {javascript}",
        f"{ABOUT}:3:35: {RAW_HTML}",  # <JAVA, which is no autolink on its line
        f"{ABOUT}:3:36: {javascript}",
        f"{ABOUT}:4:23: {javascript}",
    ]


def test_an_autolink_must_be_http(tiny_kb):
    assert check_page(tiny_kb, "# About\n\n<https://example.org> <javascript:alert(1)> <mailto:a@example.org>\n") == [
        f"{ABOUT}:3:24: links must be http(s) or relative; found a javascript: link",
        f"{ABOUT}:3:46: links must be http(s) or relative; found a mailto: link",
    ]


def test_an_attribute_list_with_onclick_is_refused(tiny_kb):
    message = "attribute lists ({: ...}) are not allowed; a brace may stand only in code"
    assert check_page(tiny_kb, '# About\n\n## Details {: onclick="alert(1)" }\n\nText\n{onmouseover=alert(1)}\n') == [
        f"{ABOUT}:3:12: {message}",
        f"{ABOUT}:6:1: {message}",
    ]


def test_a_snippet_marker_is_refused(tiny_kb):
    assert check_page(tiny_kb, '# About\n\n--8<-- "/etc/passwd"\n') == [
        f"{ABOUT}:3:1: snippet markers (--8<--) are not allowed"
    ]


def test_a_description_that_is_html_is_refused(tiny_kb):
    page = '---\ndescription: "\\"><script>alert(1)</script>"\n---\n# About\n'
    assert check_page(tiny_kb, page) == [
        f"{ABOUT}:2:14: 'description': raw HTML is not allowed in text; write plain text"
    ]


def test_front_matter_holds_a_description_and_nothing_else(tiny_kb):
    """Material acts on other keys: `template: redirect.html` prints `location` into a script."""
    page = '---\ntemplate: redirect.html\nlocation: "javascript:alert(1)"\ntitle: About\n---\n# About\n'
    assert check_page(tiny_kb, page) == [
        f"{ABOUT}:2:1: unknown field 'template'; known fields: description",
        f"{ABOUT}:3:1: unknown field 'location'; known fields: description",
        f"{ABOUT}:4:1: unknown field 'title'; known fields: description",
    ]


def test_front_matter_is_read_by_the_strict_reader(tiny_kb):
    page = "---\ndescription: !ENV GITHUB_TOKEN\n---\n# About\n"  # MkDocs' own loader would read the variable
    assert check_page(tiny_kb, page) == [f"{ABOUT}:2:14: tags (!ENV) are not allowed"]


def test_metadata_without_front_matter_is_refused(tiny_kb):
    """MkDocs reads `key: value` lines at the top of a page as metadata, which Material acts on."""
    assert check_page(tiny_kb, "template: redirect.html\nlocation: javascript:alert(1)\n\n# About\n") == [
        f"{ABOUT}:1:1: MkDocs reads a first line 'key: value' as page metadata; start the page with its heading"
    ]


def test_a_control_character_is_refused(tiny_kb):
    assert check_page(tiny_kb, "# About\n\nRing \x07 the bell\n") == [
        f"{ABOUT}:3:6: file contains a control character U+0007"
    ]


def test_a_character_reference_may_not_write_a_control_character(tiny_kb):
    assert check_page(tiny_kb, "# About &#x202E;\n\nRing &#7; the bell &amp; &lt;here&gt;\n") == [
        f"{ABOUT}:1:9: &#x202E; stands for a bidirectional control character U+202E (can disguise text)",
        f"{ABOUT}:3:6: &#7; stands for a control character U+0007",
    ]


def test_a_page_must_be_utf8(tiny_kb):
    (tiny_kb / ABOUT).write_bytes(b"# About\n\nCaf\xe9\n")
    result = run_oxykb("check", str(tiny_kb))
    assert (result.exit_code, result.stdout) == (1, f"{ABOUT}:3:4: file is not valid UTF-8 (byte 0xe9)\n")


def test_a_page_over_the_size_limit_is_refused_unread(tiny_kb):
    with open(tiny_kb / ABOUT, "wb") as page:
        page.truncate(10 * 1024 * 1024)
    result = run_oxykb("check", str(tiny_kb))
    assert (result.exit_code, result.stdout) == (1, f"{ABOUT}:1:1: file is 10,485,760 bytes; the limit is 65,536\n")


def test_a_block_holds_at_most_fifty_lines(tiny_kb):
    """Python-Markdown splits a block once per heading in it, so its time grows with the square of the lines."""
    assert check_page(tiny_kb, "# About\n\n" + "# a\n" * 51 + "\n" + "b\n" * 50) == [
        f"{ABOUT}:3:1: a block of 51 lines; at most 50 may stand without a blank line"
    ]


def test_a_block_holds_at_most_twenty_brackets(tiny_kb):
    """Python-Markdown looks for the end of a link from every '['."""
    assert check_page(tiny_kb, "# About\n\n[a] [b] [c]\n" + "[" * 18 + "\n\n" + "[" * 20 + "\n") == [
        f"{ABOUT}:3:1: a block with 21 '['; at most 20 (split it with blank lines)"
    ]


def test_a_page_has_at_most_a_hundred_headings(tiny_kb):
    page = "# About\n\n" + "## Part\n\n" * 99 + "```sh\n# a comment in code is no heading\n```\n\nLast\n----\n"
    assert check_page(tiny_kb, page) == [f"{ABOUT}:206:1: heading 101; a page has at most 100"]


def test_nesting_is_at_most_ten_levels_deep(tiny_kb):
    """Python-Markdown recurses once per level of a nested list: a thousand levels would end the build."""
    page = "# About\n\n" + "".join("    " * level + "* a\n" for level in range(12))
    assert check_page(tiny_kb, page) == [f"{ABOUT}:14:1: indented 44 columns; at most 40 (ten levels of nesting)"]


def test_every_problem_is_reported_at_once(tiny_kb):
    (tiny_kb / "content/nl/about.md").write_text("# Over\n\n<b>vet</b>\n")
    assert check_page(tiny_kb, "# About\n\n[x](javascript:alert(1)) {: .x }\n") == [
        "content/en/about.md:3:5: links must be http(s) or relative; found a javascript: link",
        "content/en/about.md:3:26: attribute lists ({: ...}) are not allowed; a brace may stand only in code",
        f"content/nl/about.md:3:1: {RAW_HTML}",
        f"content/nl/about.md:3:7: {RAW_HTML}",
    ]


def test_markup_in_code_is_text_and_allowed(tiny_kb):
    page = (
        "# About\n\n- `claims/<category>/<id>.yaml`: one claim; tags are ``{nl: ..., en: ...}``.\n\n"
        '```yaml\nstatement: {nl: "<b>"}\n```\n\n~~~\n<script>\n~~~\n'
    )
    (tiny_kb / ABOUT).write_text(page)
    assert run_oxykb("check", str(tiny_kb)).exit_code == 0


def test_a_code_span_counts_only_when_every_backtick_pairs_up_on_its_line(tiny_kb):
    """Python-Markdown pairs backticks across the lines of a paragraph: here the first two make the span."""
    assert check_page(tiny_kb, "# About\n\nA lone ` backtick,\nthen `<script>`alert(1)\n") == [
        f"{ABOUT}:4:7: {RAW_HTML}"
    ]


def test_a_fence_names_at_most_its_language(tiny_kb):
    """Python-Markdown's `hl_lines="..."` may run over lines: its block ends at line 6, and the <b> after is live HTML,
    where the check would see a block from line 6 to 8. So the options are refused."""
    page = '# About\n\n```yaml hl_lines="1\n2"\nx\n```\n<b>bold</b>\n```\n'
    assert check_page(tiny_kb, page) == [
        f"{ABOUT}:3:1: a code fence names at most a language (```yaml); nothing else may follow it"
    ]


def test_a_page_may_not_take_the_address_of_a_generated_one(tiny_kb):
    """content/nl/evidence.md would replace the evidence page; en.md would sit where the English site is."""
    for name in ("evidence.md", "en.md", "claims.md", "search.md", "risks.md"):
        for language in ("nl", "en"):
            (tiny_kb / "content" / language / name).write_text("# Text\n")
    result = run_oxykb("check", str(tiny_kb))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"content/{language}/{name}.md:1:1: the site has a page of its own at /{name}/; name this one otherwise"
        for language in ("en", "nl")
        for name in ("claims", "en", "evidence", "risks", "search")
    ]


def test_page_names_are_slugs(tiny_kb):
    for name in ("About.md", "x y.md", "notes.txt"):
        (tiny_kb / "content/en" / name).write_text("# Text\n")
    (tiny_kb / "content/en/guides").mkdir()
    result = run_oxykb("check", str(tiny_kb))
    assert result.exit_code == 1
    slug = "page name must be a lowercase slug (a-z, 0-9 and single hyphens, at most 80 characters), then .md"
    assert result.stdout.splitlines() == [
        f"content/en/About.md:1:1: {slug}",
        "content/en/guides:1:1: unexpected folder; this folder holds .md pages",
        "content/en/notes.txt:1:1: unexpected file; this folder holds .md pages",
        f"content/en/x y.md:1:1: {slug}",
    ]


def test_a_page_missing_its_translation_is_reported(tiny_kb):
    (tiny_kb / "content/en/methodology.md").unlink()
    assert check_page(tiny_kb, "# About\n") == [
        "content/nl/methodology.md:1:1: no en translation: content/en/methodology.md is missing"
    ]


def test_the_real_pages_pass():
    pages, problems = content.read(REPO)
    assert problems == []
    assert sorted(pages["nl"]) == sorted(pages["en"]) == ["about.md", "contributing.md", "index.md", "methodology.md"]


# Links and special files: each is a located problem, and the check ends at once, without a traceback.


def check_in_a_process(project) -> list[str]:
    """`oxykb check` in its own process, so that a read that never ends fails the test instead of hanging it."""
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "oxykb", "check", str(project)], capture_output=True, text=True, timeout=60
    )
    assert time.monotonic() - started < 30
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    return run.stdout.splitlines()


def test_a_link_to_a_file_outside_the_project_is_not_read(tiny_kb, tmp_path):
    secret = tmp_path / "config"
    secret.write_text("[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n")
    (tiny_kb / "content/en/leak.md").symlink_to(secret)
    assert check_in_a_process(tiny_kb) == [f"content/en/leak.md:1:1: {LINK}"]


def test_a_link_to_dev_zero_is_not_read(tiny_kb):
    (tiny_kb / "content/nl/z.md").symlink_to("/dev/zero")
    assert check_in_a_process(tiny_kb) == [f"content/nl/z.md:1:1: {LINK}"]


def test_dangling_and_looping_links_are_problems(tiny_kb):
    (tiny_kb / "content/en/gone.md").symlink_to(tiny_kb / "content/en/nothing-here.md")
    (tiny_kb / "content/en/loop-a.md").symlink_to("loop-b.md")
    (tiny_kb / "content/en/loop-b.md").symlink_to("loop-a.md")
    assert check_in_a_process(tiny_kb) == [
        f"content/en/{name}:1:1: {LINK}" for name in ("gone.md", "loop-a.md", "loop-b.md")
    ]


def test_linked_folders_are_not_followed(tiny_kb, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "page.md").write_text("<script>alert(1)</script>\n")
    (tiny_kb / "content/en/guides").symlink_to(outside)
    assert check_in_a_process(tiny_kb) == [f"content/en/guides:1:1: {LINK}"]


def test_a_linked_language_folder_is_refused(tiny_kb, tmp_path):
    os.rename(tiny_kb / "content/en", tmp_path / "en")
    (tiny_kb / "content/en").symlink_to(tmp_path / "en")
    assert check_in_a_process(tiny_kb) == [f"content/en:1:1: {LINK}"] + [
        f"content/nl/{name}:1:1: no en translation: content/en/{name} is missing"
        for name in ("about.md", "contributing.md", "index.md", "methodology.md")
    ]


def test_a_linked_content_folder_is_refused(tiny_kb, tmp_path):
    os.rename(tiny_kb / "content", tmp_path / "content")
    (tiny_kb / "content").symlink_to(tmp_path / "content")
    assert check_in_a_process(tiny_kb) == ["content:1:1: symbolic link; content/ must be a folder in the project"]


def test_a_fifo_is_not_opened(tiny_kb):
    os.mkfifo(tiny_kb / "content/nl/pipe.md")
    assert check_in_a_process(tiny_kb) == [
        "content/nl/pipe.md:1:1: not a regular file (a FIFO, socket or device); oxykb reads only regular files"
    ]


# The build refuses what the check refuses; the theme escapes what it prints.


def test_a_build_with_a_bad_page_fails_with_the_same_messages_and_leaves_no_site(tiny_project):
    expected = check_page(tiny_project, "# About\n\n<script>alert(1)</script>\n")
    result = run_oxykb("build", str(tiny_project))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == expected == [f"{ABOUT}:3:1: {RAW_HTML}", f"{ABOUT}:3:17: {RAW_HTML}"]
    assert not (tiny_project / "site").exists()


def test_the_theme_escapes_descriptions_and_titles(tiny_project):
    description = 'Oxytocin, "the love hormone" & more x" onmouseover="alert(1)'
    heading = (
        "Notes &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"  # Material's striptags decodes it for the <title>
    )
    for language in ("nl", "en"):
        (tiny_project / f"content/{language}/notes.md").write_text(
            f"---\ndescription: '{description}'\n---\n# {heading}\n\nText.\n"
        )
    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    built = (tiny_project / "site/en/notes/index.html").read_text("utf-8")
    head = built[: built.index("</head>")]
    assert re.findall(r"<meta name=\"description\"[^>]*>", head) == [
        '<meta name="description" content="Oxytocin, &quot;the love hormone&quot; &amp; more x&quot; '
        'onmouseover=&quot;alert(1)">'
    ]
    assert re.findall(r"<title>.*?</title>", head, re.DOTALL) == [
        "<title>Notes &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; - Oxytocin knowledge base</title>"
    ]
    assert "<script>alert" not in built


# Every regex runs in linear time, and no page the check accepts becomes live markup.

LENGTH = 250_000


@pytest.mark.parametrize(
    "line",
    [
        "<" * LENGTH,
        "<a" * (LENGTH // 2),
        "{" * LENGTH,
        "`a" * (LENGTH // 2),
        "``" + "`a" * (LENGTH // 2),
        "".join("`" * length + "a" for length in range(1, 700)),
        "](" * (LENGTH // 2),
        "](" + " " * LENGTH + "x",
        "](" + "a" * LENGTH + ":",
        "](" + "&#1" * (LENGTH // 3),
        "&#" + "0" * LENGTH + ";",
        "&#9;" * (LENGTH // 4),
        " [" + "a" * LENGTH + "]:",
        "-" * LENGTH + "8<-",
        "-8<" * (LENGTH // 3),
        "```\n" * (LENGTH // 4),
    ],
    ids=lambda line: repr(line[:12]),
)
def test_a_hostile_line_of_250000_characters_is_checked_in_linear_time(line):
    started = time.perf_counter()
    content.check_page(f"# About\n\n{line}\n".encode())
    assert time.perf_counter() - started < 2.0


def site_markdown() -> markdown.Markdown:
    """Python-Markdown as MkDocs runs it for this site: its built-in extensions and those of mkdocs.yml."""
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


PIECES = [
    "`",
    "``",
    "```",
    "```\n",
    "~~~\n",
    "```yaml\n",
    "`<b>`",
    "``<b>``",
    "<b>",
    "<!-- c -->",
    "|",
    "\\",
    "\n",
    "\n\n",
    "- ",
    "> ",
    "# ",
    "1. ",
    "    ",
    "\t",
    "a",
    " ",
    "[l](u)",
    "*",
    "| a |\n|---|\n",
    "\\`",
    "!!! note\n    ",
    "{.x}",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_a_page_the_check_accepts_holds_no_html_of_its_own(page):
    _, problems = content.check_page(page.encode())
    if not problems:
        assert not re.search(r"<(b|!--)[ >]", site_markdown().convert(page)), page
