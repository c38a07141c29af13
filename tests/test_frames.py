"""Claim pages filled into frames, and claim lists put into pages, check themselves: a theme or plugin that
changes a mark, or a sitemap not written as expected, stops the build with a message instead of a wrong site."""

import dataclasses
import gzip
import re

import pytest
from conftest import run_oxykb, tree_bytes

from oxykb.check import check, content
from oxykb.mkdocs import build, frames, pages
from oxykb.model import Claim

FRAME = "https://example.org/kb/claims/_frame-0/"


def configure(project, text_after_theme="", **extra_lines):
    """Adds lines to the project's mkdocs.yml: under `theme:` and at the top level."""
    config = project / "mkdocs.yml"
    text = config.read_text().replace("theme:\n", "theme:\n" + text_after_theme, 1)
    config.write_text(text + "".join(f"{key}: {value}\n" for key, value in extra_lines.items()))


def failed_build(project, change):
    """The message of a build after `change`; the site of the build before it stays."""
    assert run_oxykb("build", str(project)).exit_code == 0
    previous = tree_bytes(project / "site")
    change()
    result = run_oxykb("build", str(project))
    assert result.exit_code == 1
    assert tree_bytes(project / "site") == previous  # the previous site stays
    return result.stderr


def test_a_plugin_that_strips_html_comments_stops_the_build(tiny_project):
    """A minifier removing comments would drop every claim list (and a frame's parts): the build says so."""
    (tiny_project / "hooks.py").write_text(
        "import re\n\n\ndef on_page_content(html, page, config, files):\n"
        "    return re.sub(r'<!--.*?-->', '', html, flags=re.DOTALL)\n"
    )
    message = failed_build(tiny_project, lambda: configure(tiny_project, hooks="[hooks.py]"))
    assert "the site would be wrong, so the build stops" in message
    assert "facts/index.md: <!--oxykb:part:0-->, <!--oxykb:part:1--> did not reach the built page" in message
    assert "strips HTML comments" in message
    assert "the claim page frame claims/_frame-0.md lacks <!--oxykb:breadcrumb-->, <!--oxykb:intro-->" in message


def test_a_template_that_filters_the_title_stops_the_build(tiny_project):
    """`page.title | title` would print 'Oxykbtitle' on every claim page, where no filling replaces it."""
    overrides = tiny_project / "overrides" / "partials"
    overrides.mkdir(parents=True)
    (overrides / "header.html").write_text("<header>{{ (page.title or '') | title }}</header>\n")
    message = failed_build(tiny_project, lambda: configure(tiny_project, "  custom_dir: overrides\n"))
    assert "the claim page frame claims/_frame-0.md shows a mark changed (oxykbtitle)" in message


def test_the_same_override_without_the_filter_builds(tiny_project):
    """The test above fails for the filter, not for the override."""
    overrides = tiny_project / "overrides" / "partials"
    overrides.mkdir(parents=True)
    (overrides / "header.html").write_text("<header>{{ page.title or '' }}</header>\n")
    configure(tiny_project, "  custom_dir: overrides\n")
    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    page = (tiny_project / "site/en/claims/nasal-spray-makes-people-social/index.html").read_text()
    assert "<header>It is very uncertain whether" in page
    marks = ("oxykbtitle", "oxykbdescription", "oxykbheading", "oxykb:", "_frame-")
    assert [mark for mark in marks if mark in page.lower()] == []


SITEMAP_ON_ONE_LINE = (
    '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    "{%- for file in pages -%}{% if file.page.canonical_url %}<url><loc>{{ file.page.canonical_url|e }}</loc></url>"
    "{%- endif %}{% endfor %}</urlset>\n"
)


def test_a_sitemap_indented_otherwise_lists_every_claim(tiny_project):
    (tiny_project / "overrides").mkdir()
    (tiny_project / "overrides" / "sitemap.xml").write_text(SITEMAP_ON_ONE_LINE)
    configure(tiny_project, "  custom_dir: overrides\n", site_url="https://example.org/kb/")
    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    sitemap = (tiny_project / "site/en/sitemap.xml").read_text()
    claims = re.findall(r"<loc>https://example\.org/kb/en/claims/([^<]*)/</loc>", sitemap)
    claim_files = (tiny_project / "claims").glob("*/*.yaml")
    assert claims == sorted(path.stem for path in claim_files if path.parent.name not in ("sources", "questions"))
    assert "_frame" not in sitemap and "\n" not in sitemap.rstrip("\n")
    assert gzip.decompress((tiny_project / "site/en/sitemap.xml.gz").read_bytes()).decode() == sitemap


def test_a_sitemap_whose_entries_cannot_be_found_stops_the_build(tiny_project):
    """Entries written with a namespace prefix are XML all the same, but not what the frames' entries are found by."""
    (tiny_project / "overrides").mkdir()
    (tiny_project / "overrides" / "sitemap.xml").write_text(
        SITEMAP_ON_ONE_LINE.replace("<urlset xmlns=", "<s:urlset xmlns:s=")
        .replace("</urlset>", "</s:urlset>")
        .replace("<url><loc>", "<s:url><s:loc>")
        .replace("</loc></url>", "</s:loc></s:url>")
    )
    configure(tiny_project, site_url="https://example.org/kb/")
    message = failed_build(tiny_project, lambda: configure(tiny_project, "  custom_dir: overrides\n"))
    assert "sitemap.xml: its <url> entries are not written as MkDocs writes them" in message


def sitemap(*locations, indent="    "):
    entries = "".join(f"\n{indent}<url>\n{indent}  <loc>{location}</loc>\n{indent}</url>" for location in locations)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}\n</urlset>\n'


@pytest.mark.parametrize("indent", ["", "  ", "\t\t"])
def test_claims_take_the_place_of_the_frames_in_the_sitemap(indent):
    text = sitemap(
        "https://example.org/kb/",
        FRAME,
        "https://example.org/kb/claims/_frame-1/",
        "https://example.org/kb/facts/",
        indent=indent,
    )
    frames_at = {FRAME: "claims/_frame-0/", "https://example.org/kb/claims/_frame-1/": "claims/_frame-1/"}
    listed = frames.list_in_sitemap(text, frames_at, ["claims/a/", "claims/b/"])
    assert listed == sitemap(
        "https://example.org/kb/",
        "https://example.org/kb/claims/a/",
        "https://example.org/kb/claims/b/",
        "https://example.org/kb/facts/",
        indent=indent,
    )


def test_a_sitemap_without_the_frames_entry_is_an_error():
    with pytest.raises(frames.SitemapError, match="entry of the claim page frame .*_frame-0/ is missing"):
        frames.list_in_sitemap(sitemap("https://example.org/kb/"), {FRAME: "claims/_frame-0/"}, ["claims/a/"])


def test_a_sitemap_that_is_not_xml_is_an_error():
    with pytest.raises(frames.SitemapError, match="not XML"):
        frames.list_in_sitemap(sitemap(FRAME).replace("</urlset>", ""), {FRAME: "claims/_frame-0/"}, ["claims/a/"])


def test_a_frame_changed_by_a_template_is_found():
    frame = frames.Frame("<title>OXYKBTITLE</title><h1>Oxykbtitle</h1>", [frames.TITLE])
    assert frame.changed_marks() == ["oxykbtitle"]
    assert frames.Frame("<title>OXYKBTITLE</title>", [frames.TITLE]).changed_marks() == []


def test_edit_links_come_from_the_model_not_from_file_names(tiny_project, tmp_path, monkeypatch):
    """A claim that shares its id with a source (the check layer forbids it; this goes past it) leaves the source
    page's edit button on the source's own YAML file."""
    checked = check(tiny_project)
    kb = checked.knowledge_base
    claim = next(iter(kb.claims.values()))
    twin: Claim = dataclasses.replace(claim, id="doe-2020", path=f"claims/{claim.category}/doe-2020.yaml")
    kb = dataclasses.replace(kb, claims={**kb.claims, "doe-2020": twin})
    (tiny_project / twin.path).write_text((tiny_project / claim.path).read_text())  # where a glob would find it
    hand_written = content.read(tiny_project)[0]

    assert pages.edit_paths(kb, "en", hand_written["en"])["sources/doe-2020.md"] == "claims/sources/doe-2020.yaml"
    assert pages.edit_paths(kb, "en", hand_written["en"])["about.md"] == "content/en/about.md"

    monkeypatch.setattr(
        pages, "checked_inputs", lambda root, *remember: (dataclasses.replace(checked, knowledge_base=kb), hand_written)
    )
    build.build_language(tiny_project, "nl", tmp_path / "site", others="none")  # here, where it reads the kb above
    edit = re.findall(
        r'href="([^"]*)" title="[^"]*" class="md-content__button',
        (tmp_path / "site/sources/doe-2020/index.html").read_text(),
    )
    assert edit == ["https://github.com/oxykb/oxykb/edit/main/claims/sources/doe-2020.yaml"]


def test_a_plugin_that_moves_the_breadcrumb_below_the_heading_stops_the_build(tiny_project):
    """The breadcrumb's mark must stay above the claim's heading, where every claim page shows its breadcrumb."""
    (tiny_project / "hooks.py").write_text(
        "def on_page_content(html, page, config, files):\n"
        "    mark = '<!--oxykb:breadcrumb-->'\n"
        "    return html.replace(mark, '').replace('</h1>', '</h1>' + mark, 1) if mark in html else html\n"
    )
    message = failed_build(tiny_project, lambda: configure(tiny_project, hooks="[hooks.py]"))
    assert "the claim page frame claims/_frame-0.md has the breadcrumb below the claim's heading" in message


def test_breadcrumbs_open_claim_question_and_source_pages(tiny_project):
    """Right above the heading, whichever way the page was built (test_site checks that search leaves them out)."""
    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    site = tiny_project / "site"
    for language, home, category, questions in (
        ("", "Start", "Studies", "Vragen"),
        ("en/", "Home", "Studies", "Questions"),
    ):
        claim = (site / language / "claims/nasal-spray-makes-people-social/index.html").read_text()
        crumbs = re.search(
            r'<nav class="oxykb-breadcrumb" aria-label="[^"]+"><ol>(.*?)</ol></nav>\s*<h1 id="claim">', claim
        )
        assert crumbs, language
        assert re.findall(r'<a href="([^"]*)">([^<]*)</a>', crumbs[1]) == [
            ("../../", home),
            ("../../studies/", category),
        ]
        source = (site / language / "sources/doe-2020/index.html").read_text()
        assert re.search(r'<li aria-current="page">Doe e\.a\., 2020</li></ol></nav>\s*<h1 id=', source), language
        question = (site / language / "questions/does-nasal-spray-make-people-social/index.html").read_text()
        assert re.search(
            rf'<li><a href="\.\./">{questions}</a></li><li aria-current="page">[^<]+\?</li></ol></nav>\s*<h1 ', question
        ), language


@pytest.mark.parametrize(
    "page, compacted",
    [
        ("<div>\n    <p>Text</p>\n  </div>\n", "<div><p>Text</p></div>\n"),  # no line break before a block's tags
        ("<li>\n<a href=x>A</a>\n<a href=y>B</a>\n</li>", "<li>\n<a href=x>A</a>\n<a href=y>B</a></li>"),  # inline
        ("<pre>\n  <p>\n</pre>\n<div>", "<pre>\n  <p>\n</pre><div>"),  # inside <pre>: kept as it is
        ("<script>\nvar a;\n  var b;\n</script>", "<script>\nvar a;\nvar b;\n</script>"),  # scripts keep their lines
    ],
)
def test_compact_removes_only_white_space_a_browser_does_not_show(page, compacted):
    from oxykb.mkdocs.compact import compact

    assert compact(page) == compacted
