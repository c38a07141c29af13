"""End to end: a tiny knowledge base built into the real bilingual site, as a reader receives it."""

import dataclasses
import gzip
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import REPO, run_oxykb, tree_bytes

from oxykb.check import check, content
from oxykb.mkdocs import build, pages
from oxykb.model import LANGUAGES, Localized, Quote

CLAIM = "nasal-spray-makes-people-social"
QUESTION = "does-nasal-spray-make-people-social"


class Page(HTMLParser):
    """The parts of a built page the tests look at."""

    def __init__(self, text):
        super().__init__()
        self.html_lang = None
        self.elements = []  # (tag, attrs)
        self.scripts = []  # (attrs, text)
        self.title = ""
        self._in = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag in ("script", "title"):
            self._in = (tag, attrs)
            if tag == "script":
                self.scripts.append([attrs, ""])

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in and self._in[0] == "script":
            self.scripts[-1][1] += data
        elif self._in and self._in[0] == "title":
            self.title += data

    def links(self, css_class=None):
        return [
            a.get("href")
            for tag, a in self.elements
            if tag == "a" and (css_class is None or css_class in (a.get("class") or ""))
        ]

    def json_ld(self):
        return [json.loads(text) for attrs, text in self.scripts if attrs.get("type") == "application/ld+json"]


def page(site_dir, path):
    return Page((site_dir / path).read_text("utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The tiny project built once by `oxykb build`, shared by the read-only tests below."""
    root = tmp_path_factory.mktemp("project") / "kb"
    shutil.copytree(REPO / "tests" / "kb", root, ignore=shutil.ignore_patterns(".oxykb"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    result = run_oxykb("build", str(root))
    assert result.exit_code == 0, result.output
    return root / "site"


def test_every_page_exists_in_both_languages(built):
    dutch = {p.relative_to(built).as_posix() for p in built.rglob("index.html") if not p.is_relative_to(built / "en")}
    english = {p.relative_to(built / "en").as_posix() for p in (built / "en").rglob("index.html")}
    assert dutch == english
    for path in [
        "index.html",
        "facts/index.html",
        "studies/index.html",
        "therapies/index.html",
        "risks/index.html",
        f"claims/{CLAIM}/index.html",
        "sources/index.html",
        "sources/doe-2020/index.html",
        "evidence/index.html",
        "tags/index.html",
        "about/index.html",
        "methodology/index.html",
        "contributing/index.html",
    ]:
        assert path in dutch


def test_html_lang_is_right_on_every_page(built):
    for path in built.rglob("*.html"):
        expected = "en" if path.is_relative_to(built / "en") else "nl"
        assert page(built, path.relative_to(built)).html_lang == expected, path


def test_switcher_lands_on_the_same_page_in_the_other_language(built):
    dutch = page(built, f"claims/{CLAIM}/index.html")
    english = page(built, f"en/claims/{CLAIM}/index.html")
    assert dutch.links("md-select__link") == [f"../../claims/{CLAIM}/", f"../../en/claims/{CLAIM}/"]
    assert english.links("md-select__link") == [f"../../../claims/{CLAIM}/", f"../../../en/claims/{CLAIM}/"]
    assert page(built, "index.html").links("md-select__link") == ["./", "en/"]
    assert page(built, "en/index.html").links("md-select__link") == ["../", "../en/"]
    for path in built.rglob("index.html"):  # every switcher target exists
        for href in page(built, path.relative_to(built)).links("md-select__link"):
            assert (path.parent / href / "index.html").resolve().is_file(), (path, href)


def test_edit_buttons_open_the_yaml_file(built):
    assert page(built, f"claims/{CLAIM}/index.html").links("md-content__button") == [
        f"https://github.com/oxykb/oxykb/edit/main/claims/studies/{CLAIM}.yaml"
    ]
    assert page(built, "en/sources/doe-2020/index.html").links("md-content__button") == [
        "https://github.com/oxykb/oxykb/edit/main/claims/sources/doe-2020.yaml"
    ]
    assert page(built, "en/about/index.html").links("md-content__button") == [
        "https://github.com/oxykb/oxykb/edit/main/content/en/about.md"
    ]
    assert page(built, "facts/index.html").links("md-content__button") == []
    assert page(built, f"en/questions/{QUESTION}/index.html").links("md-content__button") == [
        f"https://github.com/oxykb/oxykb/edit/main/claims/questions/{QUESTION}.yaml"
    ]


def test_claim_pages_carry_medical_web_page_json_ld(built):
    (data,) = page(built, f"en/claims/{CLAIM}/index.html").json_ld()
    assert data["@type"] == "MedicalWebPage"
    assert data["inLanguage"] == "en"
    assert data["lastReviewed"] == "2026-11-01"
    assert data["name"].startswith("It is very uncertain whether")
    assert [c["name"] for c in data["citation"]] == ["Oxytocine, een testtekst", "Doe e.a., 2020"]


def search_pages(language_root):
    """The pages in a language's Pagefind index, as Pagefind keeps them: gzip-compressed JSON after a signature."""
    fragments = sorted((language_root / "pagefind/fragment").glob("*.pf_fragment"))
    return [json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")) for path in fragments]


def test_each_language_has_its_own_search_index(built):
    dutch, english = search_pages(built), search_pages(built / "en")
    assert {page["url"] for page in dutch} >= {"/", f"/claims/{CLAIM}/"}
    assert {page["url"] for page in english} >= {"/", f"/claims/{CLAIM}/"}  # below /en/, where the index is
    assert any("neusspray" in page["content"] for page in dutch)
    assert not any("nasal spray" in page["content"] for page in dutch)
    assert not any("neusspray met oxytocine mensen socialer maakt" in page["meta"]["title"] for page in english)
    assert json.loads((built / "pagefind/pagefind-entry.json").read_text())["languages"].keys() == {"nl"}
    assert json.loads((built / "en/pagefind/pagefind-entry.json").read_text())["languages"].keys() == {"en"}


def test_the_search_index_holds_what_a_reader_searches_not_what_every_page_repeats(built):
    """Headings and text of each page's article; not the navigation, the edit button, heading anchors, what every
    claim page says (its section headings, the grade's meaning, "From:", details, citation), text in the other
    language, or lists of claims, which are found on their own pages."""
    claim = next(page for page in search_pages(built / "en") if page["url"] == f"/claims/{CLAIM}/")
    assert claim["meta"]["title"].startswith("It is very uncertain whether")  # the claim's statement, its h1
    assert "Facts" not in claim["content"]  # not the menu
    assert "An oxytocin nasal spray is said to make people more sociable" in claim["content"]  # the translation
    assert "Een neusspray met oxytocine" not in claim["content"]  # the Dutch quote, shown on the English page
    for repeated in ("¶", "Why this grade", "Last reviewed", "From:", "Very uncertain."):
        assert repeated not in claim["content"], repeated
    facts = next(page for page in search_pages(built / "en") if page["url"] == "/facts/")
    assert "It is very uncertain whether" not in facts["content"]  # the claim list


def test_material_fetches_only_its_search_settings_on_each_page(built):
    """Material fetches search/search_index.json with every first page view: it holds no page, only settings."""
    for root, language in ((built, "nl"), (built / "en", "en")):
        index = json.loads((root / "search/search_index.json").read_text())
        assert index["docs"] == [] and index["config"]["lang"] == [language]
        assert index["config"]["pagefind"] == "pagefind/"
        assert "oxykb-search.js" in (root / "index.html").read_text()  # the worker that asks Pagefind


def test_a_failing_pagefind_stops_the_build_with_what_it_said(tmp_path, monkeypatch):
    from oxykb.mkdocs import search

    (tmp_path / "index.html").write_text('<html lang="nl"><body><article data-pagefind-body>x</article></body></html>')
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: no disk left' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setattr(search, "pagefind_binary", lambda: fake)
    with pytest.raises(search.IndexingFailed, match=r"could not index .* \(exit code 3\):\nError: no disk left"):
        search.index(tmp_path)


def test_pagefind_comes_from_the_installed_package_not_from_the_project_or_path(tiny_project, monkeypatch):
    import pagefind_bin

    from oxykb.mkdocs import search

    monkeypatch.chdir(tiny_project)
    monkeypatch.setenv("PATH", str(tiny_project))
    binary = search.pagefind_binary()
    assert binary.is_absolute() and binary.resolve().parent == Path(pagefind_bin.__file__).resolve().parent


def test_a_page_with_search_boost_weighs_its_title_more():
    from oxykb.mkdocs import search

    page = '<article data-pagefind-body><h1 id="q">Question?</h1><h1>Other</h1></article>'
    assert search.weighted(page, {"search": {"boost": 2}}) == page.replace(
        "<h1 id", '<h1 data-pagefind-weight="10" id', 1
    )
    assert search.weighted(page, {"search": {"boost": 1.2}}).count('data-pagefind-weight="8.4"') == 1
    assert search.weighted(page, {}) == page == search.weighted(page, {"search": {"boost": "high"}})


def search_page(root, url: str) -> dict:
    return next(page for page in search_pages(root) if page["url"] == url)


def test_a_claim_is_found_by_its_statement_and_rationale_not_its_breadcrumb(built):
    claim = search_page(built / "en", f"/claims/{CLAIM}/")
    assert claim["meta"]["title"] == "It is very uncertain whether an oxytocin nasal spray makes people more sociable."
    assert "One small study." in claim["content"]  # the rationale
    assert not claim["content"].startswith("Home")  # the breadcrumb (Home › Studies › claim) is not indexed


def test_a_question_page_is_found_by_its_question_and_answer_above_claims(built):
    question = search_page(built, f"/questions/{QUESTION}/")
    assert question["meta"]["title"] == "Maakt een oxytocine-neusspray mensen socialer?"
    assert "Dat is zeer onzeker: er is één kleine studie." in question["content"]
    # its title weighs more than a claim's (Pagefind: 7 for an h1)
    html = (built / f"questions/{QUESTION}/index.html").read_text()
    assert re.search(r'<h1 data-pagefind-weight="10" id="[^"]+">Maakt een oxytocine-neusspray', html)
    # the claims it lists are found on their own pages, not as passing mentions on the question page
    assert "hypothalamus" not in question["content"]
    assert "hypothalamus" in search_page(built, "/claims/oxytocin-made-in-hypothalamus/")["content"]


def test_questions_follow_home_in_the_navigation(built):
    for prefix, home, questions in (("", "Start", "Vragen"), ("en/", "Home", "Questions")):
        text = (built / prefix / "index.html").read_text()
        navigation = re.findall(r'class="md-nav__link[^"]*"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*<', text)
        assert list(dict.fromkeys(navigation))[:2] == [home, questions], navigation[:3]  # the current page twice


def test_footer_disclaimer_in_the_page_language(built):
    assert "Geen medisch advies" in (built / "index.html").read_text()
    assert "Not medical advice" in (built / "en/index.html").read_text()
    assert "Not medical advice" not in (built / "index.html").read_text()


def test_no_request_leaves_the_site(built):
    """No fonts, scripts or styles from other hosts: the site works offline."""
    for path in built.rglob("*.html"):
        for tag, attrs in page(built, path.relative_to(built)).elements:
            if tag in ("script", "link", "img"):
                assert not re.match(r"(https?:)?//", attrs.get("src") or attrs.get("href") or ""), (path, attrs)


def test_two_builds_are_byte_identical(tiny_project, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    assert run_oxykb("build", str(tiny_project), "--site-dir", str(tmp_path / "one")).exit_code == 0
    assert run_oxykb("build", str(tiny_project), "--site-dir", str(tmp_path / "two")).exit_code == 0
    assert tree_bytes(tmp_path / "one") == tree_bytes(tmp_path / "two")


def test_build_never_writes_into_claims_or_content(tiny_project):
    before = {name: tree_bytes(tiny_project / name) for name in ("claims", "content")}
    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    assert {name: tree_bytes(tiny_project / name) for name in ("claims", "content")} == before


def test_a_problem_stops_the_build_and_keeps_the_previous_site(tiny_project):
    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    previous = tree_bytes(tiny_project / "site")
    claim = tiny_project / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    claim.write_text(claim.read_text().replace("grade: high", "grade: certain"))

    result = run_oxykb("build", str(tiny_project))

    assert result.exit_code == 1
    assert result.stdout.startswith("claims/facts/oxytocin-made-in-hypothalamus.yaml:5:8: 'grade' must be one of")
    assert tree_bytes(tiny_project / "site") == previous


def test_a_failing_mkdocs_build_keeps_the_previous_site(tiny_project):
    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    previous = tree_bytes(tiny_project / "site")
    (tiny_project / "content/nl/about.md").write_text("# Over\n\n[kapot](no-such-page.md)\n")
    (tiny_project / "content/en/about.md").write_text("# About\n\n[broken](no-such-page.md)\n")

    result = run_oxykb("build", str(tiny_project))

    assert result.exit_code == 1
    assert "no-such-page.md" in result.stderr
    assert tree_bytes(tiny_project / "site") == previous
    assert sorted(path.name for path in tiny_project.iterdir() if "staging" in path.name) == []


def test_a_missing_translation_fails_the_build(tiny_project):
    (tiny_project / "content/en/methodology.md").unlink()
    result = run_oxykb("build", str(tiny_project))
    assert result.exit_code == 1
    assert result.stdout == "content/nl/methodology.md:1:1: no en translation: content/en/methodology.md is missing\n"


def test_rendering_writes_only_what_changed(tiny_project):
    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    edited = tiny_project / ".oxykb/html/en/claims/oxytocin-made-in-hypothalamus.json"
    untouched = [
        tiny_project / ".oxykb/html/en/claims/cuddle-hormone-myth.json",
        tiny_project / ".oxykb/docs/en/about.md",
    ]
    stamps = [path.stat().st_mtime_ns for path in [edited, *untouched]]
    claim = tiny_project / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    claim.write_text(claim.read_text().replace("Textbook physiology.", "Textbook physiology, in every textbook."))
    pages.generate(tiny_project, check(tiny_project).knowledge_base, "en", content.read(tiny_project)[0]["en"])
    assert "in every textbook" in edited.read_text()
    assert [path.stat().st_mtime_ns for path in [edited, *untouched]] != stamps[:1] + stamps[1:]
    assert [path.stat().st_mtime_ns for path in untouched] == stamps[1:]


HOSTILE = '</title><script>alert("x")</script><img src=x onerror=alert(1)> [click](javascript:alert(1)) </script>'


def test_hostile_claim_text_never_becomes_live_markup(tiny_project, tmp_path, monkeypatch):
    """Even past validation (which refuses this text), rendering keeps it inert in every page."""
    checked = check(tiny_project)
    kb = checked.knowledge_base
    claim = kb.claims[CLAIM]
    hostile = dataclasses.replace(
        claim,
        statement=Localized(HOSTILE, HOSTILE),
        rationale=Localized(HOSTILE, HOSTILE),
        sources=(Quote(claim.sources[0].source, HOSTILE, HOSTILE),),
    )
    source = dataclasses.replace(kb.sources["test-explainer"], title=HOSTILE)
    kb = dataclasses.replace(
        kb,
        claims={**kb.claims, CLAIM: hostile},
        tags={**kb.tags, "myths": Localized(HOSTILE, HOSTILE)},
        sources={**kb.sources, "test-explainer": source},
    )
    hostile = dataclasses.replace(checked, knowledge_base=kb)
    monkeypatch.setattr(pages, "checked_inputs", lambda root, *remember: (hostile, content.read(root)[0]))
    for language in LANGUAGES:  # each in this process, where the build reads the knowledge base above
        build.build_language(tiny_project, language, tmp_path / language, others="none")

    for path in tmp_path.rglob("*.html"):
        parsed = Page(path.read_text("utf-8"))
        assert "<" not in parsed.title, path
        for tag, attrs in parsed.elements:
            assert tag != "img" or "/figures/" in "/" + attrs["src"], (path, attrs)  # only oxykb's own figures
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            assert not (attrs.get("href") or "").lower().startswith("javascript"), (path, attrs)
        for attrs, text in parsed.scripts:
            assert "alert" not in text or attrs.get("type") == "application/ld+json", path
        parsed.json_ld()  # still valid JSON
    for figure in tmp_path.rglob("figures/**/*.svg"):  # figures hold the hostile source title as text, nothing more
        elements = list(ElementTree.parse(figure).iter())
        assert {element.tag.split("}")[-1] for element in elements} <= {"svg", "title", "rect", "text"}, figure
        assert not any(name.startswith("on") for element in elements for name in element.attrib), figure
    # Pagefind read the hostile statement as text, not as tags; it escapes < and > in the excerpts it shows,
    # and oxykb-search.js escapes titles, as Material's search shows both as HTML
    (indexed,) = [page for page in search_pages(tmp_path / "nl") if page["url"] == f"/claims/{CLAIM}/"]
    assert '<script>alert("x")</script><img src=x onerror=alert(1)>' in indexed["meta"]["title"]
    worker = (tmp_path / "nl/assets/javascripts/oxykb-search.js").read_text()
    assert "title: escapeHTML(page.meta.title" in worker and "title: escapeHTML(section.title)" in worker
    claim_page = Page((tmp_path / "en/claims" / CLAIM / "index.html").read_text())
    (data,) = claim_page.json_ld()
    assert "alert" in data["name"]  # the text is there, as text
    assert "&lt;script&gt;" in (tmp_path / "en/claims" / CLAIM / "index.html").read_text()


def test_plain_mkdocs_build_regenerates_both_languages_through_the_plugin(tiny_project):
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"], cwd=tiny_project, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    assert (tiny_project / f"site/claims/{CLAIM}/index.html").is_file()
    assert page(tiny_project / "site", f"en/claims/{CLAIM}/index.html").html_lang == "en"


def test_plain_mkdocs_build_stops_on_a_problem_and_leaves_nothing_behind(tiny_project, tmp_path):
    import os
    import subprocess
    import sys

    claim = tiny_project / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    claim.write_text(claim.read_text().replace("grade: high", "grade: certain"))
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=tiny_project,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "TMPDIR": str(temporary)},
    )
    assert run.returncode == 1
    assert "claims/facts/oxytocin-made-in-hypothalamus.yaml:5:8: 'grade' must be one of" in run.stderr
    assert "Traceback" not in run.stderr
    # the English build, started alongside beside the site folder, left no staging folder
    assert list(temporary.iterdir()) == []
    assert [path.name for path in tiny_project.iterdir() if path.name.startswith(".site")] == []


ENGLISH_UI = [
    "Table of contents",
    "Search",
    "Edit this page",
    "Permanent link",
    "Made with",
    "Skip to content",
    "Evidence:",
    "Where this claim comes from",
    "Last reviewed",
    "Not medical advice",
    "Dark mode",
]
DUTCH_UI = [
    "Inhoudsopgave",
    "Zoeken",
    "Wijzig deze pagina",
    "Vaste link",
    "Bewijsniveau:",
    "Laatst beoordeeld",
    "Geen medisch advies",
    "Donkere modus",
    "Ga naar",
]


def test_no_interface_word_of_the_other_language(built):
    for path in built.rglob("*.html"):
        text = path.read_text("utf-8")
        foreign = ENGLISH_UI if not path.is_relative_to(built / "en") else DUTCH_UI
        assert [word for word in foreign if word in text] == [], path


def test_a_second_build_with_nothing_changed_is_skipped(tiny_project):
    assert run_oxykb("build", str(tiny_project)).stdout.startswith("built 6 claims")
    assert "is up to date" in run_oxykb("build", str(tiny_project)).stdout
    claim = tiny_project / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    claim.write_text(claim.read_text().replace("Textbook physiology.", "Textbook physiology, changed."))
    assert run_oxykb("build", str(tiny_project)).stdout.startswith("built 6 claims")
    (tiny_project / "site/index.html").unlink()  # a damaged site is rebuilt, not trusted
    assert run_oxykb("build", str(tiny_project)).stdout.startswith("built 6 claims")


def test_claim_pages_filled_into_frames_are_the_pages_mkdocs_builds(tiny_project, tmp_path):
    """The fast path (one frame per layout, each claim filled in) must give exactly what MkDocs gives page by page."""
    config = tiny_project / "mkdocs.yml"
    config.write_text(config.read_text().replace("repo_url:", "site_url: https://example.org/kb/\nrepo_url:"))
    claim = tiny_project / "claims/facts/oxytocin-made-in-hypothalamus.yaml"
    claim.write_text(claim.read_text().replace("Textbook physiology.", '*Textbook* physiology & \\"more\\".'))
    built = {}
    for fill in (True, False):
        config.write_text(
            re.sub(
                r"plugins:\n  - oxykb.*?\n  - search",
                f"plugins:\n  - oxykb:\n      fill_claim_pages: {str(fill).lower()}\n  - search",
                config.read_text(),
                flags=re.DOTALL,
            )
        )
        assert run_oxykb("build", str(tiny_project), "--site-dir", str(tmp_path / str(fill))).exit_code == 0
        built[fill] = tree_bytes(tmp_path / str(fill))
    assert built[True].keys() == built[False].keys()
    assert [name for name in built[True] if built[True][name] != built[False][name]] == []
    page = built[True]["en/claims/oxytocin-made-in-hypothalamus/index.html"].decode()
    assert "<p><em>Textbook</em> physiology &amp; &quot;more&quot;.</p>" in page
    assert not any("_frame-" in name for name in built[True])
    sitemap = built[True]["en/sitemap.xml"].decode()
    assert "<loc>https://example.org/kb/en/claims/cuddle-hormone-myth/</loc>" in sitemap and "_frame" not in sitemap
    assert gzip.decompress(built[True]["en/sitemap.xml.gz"]).decode() == sitemap


# ---------------------------------------------------------------------------------------------------------------
# What the site says about its own address and repository, as mkdocs.yml configures them.


def test_without_a_site_url_a_citation_gives_the_address_on_this_site(built):
    """The site does not know its host, so it gives the path from the site root and says so."""
    assert f"Adres op deze site: <code>/claims/{CLAIM}/</code>" in (built / f"claims/{CLAIM}/index.html").read_text()
    english = (built / f"en/claims/{CLAIM}/index.html").read_text()
    assert f"Address on this site: <code>/en/claims/{CLAIM}/</code>" in english


def test_with_a_site_url_a_citation_gives_the_absolute_address(tiny_project):
    config = tiny_project / "mkdocs.yml"
    config.write_text(config.read_text() + "site_url: https://example.org/kb/\n")
    assert run_oxykb("build", str(tiny_project)).exit_code == 0
    site = tiny_project / "site"
    dutch = (site / f"claims/{CLAIM}/index.html").read_text()
    assert f"Adres: <code>https://example.org/kb/claims/{CLAIM}/</code>" in dutch
    english = (site / f"en/claims/{CLAIM}/index.html").read_text()
    assert f"Address: <code>https://example.org/kb/en/claims/{CLAIM}/</code>" in english
    assert "op deze site" not in dutch and "on this site" not in english
    assert "Adres: <code>https://example.org/kb/claims/" in (site / "open-data/index.html").read_text()


def test_without_a_repo_url_no_page_links_to_a_repository(tiny_project):
    config = tiny_project / "mkdocs.yml"
    config.write_text("".join(line for line in config.read_text().splitlines(True) if not line.startswith("repo_url")))
    result = run_oxykb("build", str(tiny_project))
    assert result.exit_code == 0, result.output
    site = tiny_project / "site"
    for path in site.rglob("*.html"):
        built_page = page(site, path.relative_to(site))
        assert built_page.links("md-source") == [] and built_page.links("md-content__button") == [], path
        assert "github.com" not in path.read_text(), path


def test_icons_are_drawn_once_per_site_and_every_page_finds_them(built):
    """Each icon a page shows is a reference to a symbol of one shared file, made from Material's own icon."""
    from oxykb.mkdocs import icons

    sprites = {(root / icons.SPRITE).resolve() for root in (built, built / "en")}
    symbols = set(re.findall(r'<symbol id="([^"]+)"', (built / icons.SPRITE).read_text()))
    assert symbols == {icons.symbol_id(icon) for icon in icons.overridden()} and "material-menu" in symbols
    for page in built.rglob("*.html"):
        html = page.read_text()
        uses = re.findall(r'<use href="([^"#]+)#([^"]+)"', html)
        assert uses or page.name != "index.html", page
        for file, symbol in uses:
            target = built / file.lstrip("/") if file.startswith("/") else page.parent / file  # 404 pages: absolute
            assert target.resolve() in sprites and symbol in symbols, (page, file, symbol)
        assert "M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" not in html  # Material's menu icon, drawn inline


def test_claim_pages_carry_no_table_of_contents_permalinks_or_inline_palette_script(built):
    """What each of 20,000 claim pages at 10,000 claims would repeat and a reader of one short page does not need."""
    claim = (built / f"claims/{CLAIM}/index.html").read_text()
    assert 'data-md-component="toc"' not in claim and 'class="headerlink"' not in claim
    assert '<script src="../../assets/javascripts/oxykb-palette.js"></script>' in claim
    assert '__md_get("__palette")' not in claim
    other = (built / "evidence/index.html").read_text()  # other pages keep theirs
    assert 'data-md-component="toc"' in other and 'class="headerlink"' in other
    script = (built / "assets/javascripts/oxykb-palette.js").read_text()
    assert script.startswith('var palette=__md_get("__palette");')  # Material's own script


def test_materials_search_and_source_maps_are_not_published(built):
    """Pagefind answers searches; lunr, its worker and the source maps are 2.3 MB per language no reader fetches."""
    for root in (built, built / "en"):
        assert (root / "assets/javascripts").is_dir()
        assert not (root / "assets/javascripts/lunr").exists() and not (root / "assets/javascripts/workers").exists()
        assert list(root.glob("assets/**/*.map")) == []
