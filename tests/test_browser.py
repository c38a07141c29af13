"""The real site in a real browser (Debian's Chromium, driven by Playwright), as a reader uses it."""

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def base_url(real_site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(real_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class Reader:
    """A browser tab that records every console error, failed request and request to another host."""

    def __init__(self, browser, base_url, viewport=None, **options):
        self.base_url = base_url
        self.page = browser.new_page(viewport=viewport or {"width": 1280, "height": 900}, **options)
        self.errors: list[str] = []
        self.page.on(
            "console", lambda message: message.type == "error" and self.errors.append(f"console: {message.text}")
        )
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        # a request cut off because the reader moved on to the next page is no failure
        self.page.on(
            "requestfailed",
            lambda request: (
                request.failure != "net::ERR_ABORTED"
                and self.errors.append(f"failed: {request.url} ({request.failure})")
            ),
        )
        self.page.on(
            "response",
            lambda response: response.status >= 400 and self.errors.append(f"{response.status}: {response.url}"),
        )
        self.page.on(
            "request",
            lambda request: (
                request.url.startswith(("http://", "https://"))
                and not request.url.startswith(base_url)
                and self.errors.append(f"left the site: {request.url}")
            ),
        )

    def open(self, path):
        self.page.goto(self.base_url + path)
        return self.page

    def shot(self, name):
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


@pytest.fixture
def reader(browser, base_url):
    reader = Reader(browser, base_url)
    yield reader
    assert reader.errors == []
    reader.page.close()


def test_a_dutch_reader_goes_from_home_to_a_claim_and_its_source(reader):
    page = reader.open("/")
    assert page.get_attribute("html", "lang") == "nl"
    reader.shot("home-nl")
    page.get_by_role("link", name="Feiten", exact=True).first.click()
    expect(page).to_have_url(reader.base_url + "/facts/")
    reader.shot("category-nl")
    page.locator("article a[href*='/claims/']").first.click()
    expect(page).to_have_url(re.compile(r"/claims/[a-z0-9-]+/$"))
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".oxykb-grade").first).to_be_visible()
    expect(page.get_by_role("heading", name="Waarom dit bewijsniveau")).to_be_visible()
    expect(page.locator("article blockquote").first).to_be_visible()
    reader.shot("claim-nl")
    assert page.locator("a.md-content__button[rel=edit]").get_attribute("href").endswith(".yaml")
    page.locator("article blockquote a[href*='/sources/']").first.click()
    expect(page).to_have_url(re.compile(r"/sources/[a-z0-9-]+/$"))
    expect(page.get_by_role("heading", name="Beweringen uit deze bron")).to_be_visible()
    reader.shot("source-nl")


def test_the_language_switch_keeps_the_reader_on_the_same_claim(reader):
    claim = "/claims/oxytocin-made-in-hypothalamus/"
    page = reader.open(claim)
    page.locator("a.md-select__link[hreflang=en]").dispatch_event("click")
    expect(page).to_have_url(reader.base_url + "/en" + claim)
    assert page.get_attribute("html", "lang") == "en"
    expect(page.get_by_role("heading", name="Why this grade")).to_be_visible()
    expect(page.get_by_text("Translation:").first).to_be_visible()
    reader.shot("claim-en")
    page.locator("a.md-select__link[hreflang=nl]").dispatch_event("click")
    expect(page).to_have_url(reader.base_url + claim)


def search(page, words):
    """Types `words` into the search dialog as a reader does (Material searches on each key) and returns the
    addresses of the results shown, best first."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(words)
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible(timeout=15000)
    expect(page.locator(".md-search-result__meta")).not_to_have_text(re.compile("^$"))
    return [results.nth(index).get_attribute("href") for index in range(results.count())]


def test_search_finds_pages_in_the_readers_language_only(reader):
    dutch = search(reader.open("/"), "knuffelhormoon")
    assert dutch and not any("/en/" in href for href in dutch)
    english = search(reader.open("/en/"), "cuddle")
    assert english and all("/en/" in href for href in english)


def test_search_stems_words_in_each_language(reader):
    """A form of a word that no page uses finds the pages with another: "knuffelhormonen" finds "knuffelhormoon"
    (Dutch stemming), "cuddled" finds "cuddle" (English)."""
    assert any("/claims/" in href for href in search(reader.open("/"), "knuffelhormonen"))
    assert any("/en/claims/" in href for href in search(reader.open("/en/"), "cuddled"))


@pytest.mark.parametrize("path, word", [("/", "hypofyse"), ("/en/", "pituitary")])
def test_search_ranks_pages_titled_with_the_word_above_passing_mentions(reader, path, word):
    page = reader.open(path)
    search(page, word)
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    titled = [word in title.lower() for title in titles]
    assert titled[0] and False in titled and titled == sorted(titled, reverse=True), titles
    assert any(title.startswith("Oxytocin") for title in titles[: titled.count(True)]), titles  # the claim
    for item in page.locator(".md-search-result__item").all():  # a page's title once, not again as a section
        assert item.locator("h1").inner_text() not in item.locator("h2").all_inner_texts()


def test_search_works_from_the_keyboard(reader):
    page = reader.open("/en/facts/")
    page.keyboard.press("/")  # Material's shortcut to the search field
    page.keyboard.type("pituitary")
    expect(page.locator(".md-search-result__item a").first).to_be_visible(timeout=15000)
    reader.shot("search-en")
    page.keyboard.press("ArrowDown")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    assert "/en/" in target
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(target.split("?")[0].split("#")[0]) + r"(\?.*)?(#.*)?$"))


def test_a_first_page_view_loads_no_search_index_and_a_search_only_part_of_it(browser, base_url, real_site):
    """Material would load every page of the language with the first page; Pagefind's index comes in parts."""
    reader = Reader(browser, base_url)
    requested: list[str] = []
    received: list[int] = []
    reader.page.on("request", lambda request: requested.append(request.url.removeprefix(base_url)))
    reader.page.on("requestfinished", lambda request: received.append(request.sizes()["responseBodySize"]))
    page = reader.open("/claims/oxytocin-made-in-hypothalamus/")
    page.wait_for_load_state("networkidle")
    first_view = list(requested)
    assert not [url for url in first_view if url.startswith("/pagefind/")]
    index_file = "/search/search_index.json"  # Material fetches it on every page: it holds only settings
    assert index_file in first_view and (real_site / index_file[1:]).stat().st_size < 1000

    search(page, "knuffelhormoon")
    searched = [url for url in requested[len(first_view) :] if url.startswith("/pagefind/")]
    index_parts = [url for url in searched if url.startswith("/pagefind/index/")]
    pages = [url for url in searched if url.startswith("/pagefind/fragment/")]
    assert all(url.startswith(("/pagefind/index/nl_", "/pagefind/fragment/nl_")) for url in index_parts + pages)
    assert 1 <= len(index_parts) < len(list((real_site / "pagefind/index").glob("nl_*")))
    assert 1 <= len(pages) <= 20 < len(list((real_site / "pagefind/fragment").glob("nl_*")))
    assert reader.errors == []
    reader.page.close()


def test_contradicting_claims_link_both_ways(reader):
    page = reader.open("/en/claims/oxytocin-general-love-hormone/")
    contradicting = page.locator("h2:has-text('Contradicting claims') + ul a").first
    target = contradicting.get_attribute("href")
    contradicting.click()
    expect(page).to_have_url(re.compile(re.escape(target.strip("./")) + "/?$"))
    back = page.locator("h2:has-text('Contradicting claims') + ul a[href*='oxytocin-general-love-hormone']")
    expect(back).to_have_count(1)


@pytest.mark.parametrize(
    "path, name, heading, section",
    [
        ("/en/", "home-en", "Oxytocin knowledge base", "How to read a grade"),
        ("/en/facts/", "category-en", "Facts", "High"),
        (
            "/en/sources/olff-oratie-ptss-oxytocine/",
            "source-en",
            # the document's title
            "Hoe het stimuleren van het oxytocine systeem PTSS-klachten kan voorkomen of verminderen",
            "Claims drawn from this source",
        ),
    ],
)
def test_english_pages_show_in_english(reader, path, name, heading, section):
    page = reader.open(path)
    assert page.get_attribute("html", "lang") == "en"
    expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
    expect(page.get_by_role("heading", level=2, name=section)).to_be_visible()
    reader.shot(name)


IMAGES_SHOWN = (
    "Array.from(document.images).length > 0 && Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)"
)


@pytest.mark.parametrize("language", ["", "en/"])
def test_figures_show_in_the_browser(reader, language):
    for path, name in [
        ("", "home"),
        ("sources/", "sources"),
        ("sources/olff-oratie-ptss-oxytocine/", "figure-source"),
        ("evidence/", "evidence"),
    ]:
        page = reader.open("/" + language + path)
        figure = page.locator("article img").first
        figure.scroll_into_view_if_needed()
        assert page.evaluate(IMAGES_SHOWN), path
        assert figure.get_attribute("alt")
        reader.shot(f"{name}-{language.strip('/') or 'nl'}")


def test_grade_badges_keep_their_contrast_in_dark_mode(browser, base_url):
    page = browser.new_page(color_scheme="dark")
    try:
        page.goto(base_url + "/en/claims/oxytocin-general-love-hormone/")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        results = Axe().run(page, options={"runOnly": ["color-contrast"]})
        assert [v["id"] for v in results.response["violations"]] == []
    finally:
        page.close()


AXE_PAGES = [
    "",
    "facts/",
    "studies/",
    "therapies/",
    "risks/",
    "claims/oxytocin-made-in-hypothalamus/",
    "claims/vole-pair-bonds-form-without-oxytocin-receptor/",
    "claims/casual-sex-reduces-womens-oxytocin-production/",
    "sources/ilive-oxytocine-vriendschapshormoon/",
    "evidence/",
]


@pytest.mark.parametrize("language", ["", "en/"])
def test_no_serious_accessibility_violations(reader, language):
    axe = Axe()
    found = {}
    for path in AXE_PAGES:
        reader.open("/" + language + path)
        results = axe.run(reader.page)
        serious = [v for v in results.response["violations"] if v["impact"] in ("critical", "serious")]
        if serious:
            found[language + path] = [(v["id"], len(v["nodes"]), v["nodes"][0]["target"]) for v in serious]
    problems = sorted({(rule, str(target)) for page_found in found.values() for rule, _, target in page_found})
    assert problems == [], found


# ---------------------------------------------------------------------------------------------------------------
# Every word a reader sees or hears in the page's language: 404 pages, Material's labels, the language switcher,
# breadcrumbs (issue "Answers first", item 5).


def material_words(language):
    """Material's own translation of its labels into a language, from its installed templates."""
    import material

    text = (Path(material.__file__).parent / "templates/partials/languages" / f"{language}.html").read_text("utf-8")
    return {value for value in re.findall(r'^ *"[^"\n]*": "([^"\n]*)",?$', text, re.MULTILINE)}


LABELS = "Array.from(document.querySelectorAll('[aria-label], [title]')).flatMap(e => [e.getAttribute('aria-label'), e.getAttribute('title')]).filter(Boolean)"  # noqa: E501


@pytest.mark.parametrize(
    "language, other",
    [("nl", "en"), ("en", "nl")],
)
def test_labels_for_screen_readers_are_in_the_pages_language(reader, language, other):
    # Material's Dutch leaves some words in English ("Header"), so for Dutch pages every English word counts
    foreign = material_words(other) - (material_words(language) if language == "en" else set())
    for path in ["", "facts/", "claims/oxytocin-made-in-hypothalamus/", "sources/ilive-oxytocine-vriendschapshormoon/"]:
        page = reader.open("/" + ("en/" if language == "en" else "") + path)
        labels = set(page.evaluate(LABELS))
        assert labels and labels & foreign == set(), path


@pytest.mark.parametrize(
    "path, lang, heading, facts, elsewhere",
    [
        ("/404.html", "nl", "Pagina niet gevonden", "Feiten", "/en/"),
        ("/en/404.html", "en", "Page not found", "Facts", ""),
    ],
)
def test_the_404_page_is_in_its_language_and_links_to_its_pages(reader, path, lang, heading, facts, elsewhere):
    page = reader.open(path)
    assert page.get_attribute("html", "lang") == lang
    expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
    menu = [page.locator(".md-nav--primary a.md-nav__link").nth(i).get_attribute("href") for i in range(5)]
    assert all(href.startswith("/en/") == (lang == "en") for href in menu), menu
    page.locator(".md-nav--primary a.md-nav__link", has_text=facts).first.dispatch_event("click")
    expect(page).to_have_url(reader.base_url + ("/en" if lang == "en" else "") + "/facts/")
    assert page.get_attribute("html", "lang") == lang


@pytest.mark.parametrize("path, name", [("/", "English"), ("/en/", "Nederlands"), ("/404.html", "English")])
def test_the_language_switcher_names_the_other_language(reader, path, name):
    page = reader.open(path)
    expect(page.get_by_role("button", name=name, exact=True)).to_be_visible()
    reader.shot("language-switcher-" + name.lower())
