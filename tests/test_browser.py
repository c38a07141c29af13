"""The real site in a real browser (Debian's Chromium, driven by Playwright), as a reader uses it."""

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

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
    page.locator("article summary").first.click()  # a topic of the strongest grade, folded on this long list
    page.locator("article details[open] a[href*='/claims/']").first.click()
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
    page = reader.open("/en/claims/stress-inhibits-oxytocin-production/")
    contradicting = page.locator("h2:has-text('Contradicting claims') + ul a").first
    target = contradicting.get_attribute("href")
    contradicting.click()
    expect(page).to_have_url(re.compile(re.escape(target.strip("./")) + "/?$"))
    back = page.locator("h2:has-text('Contradicting claims') + ul a[href*='stress-inhibits-oxytocin-production']")
    expect(back).to_have_count(1)


def test_the_love_hormone_myth_reads_right(reader):
    """The vole finding agrees with the myth's rejection, so it is related; the quotes making the myth are the claim
    as made, apart from the quotes that support the rejection (issue "Answers first", item 4)."""
    page = reader.open("/en/claims/oxytocin-general-love-hormone/")
    expect(page.locator("h2:has-text('Contradicting claims')")).to_have_count(0)
    related = page.locator("h2:has-text('Related claims') + ul a[href*='vole-oxtr-makes-social-bonds-selective']")
    expect(related).to_have_count(1)
    as_made = page.locator("h2:has-text('The claim as made') + p + blockquote")
    expect(as_made).to_contain_text("Oxytocin is also called the 'love hormone'")
    support = page.locator("h2:has-text('Where this claim comes from') + blockquote")
    expect(support).to_contain_text('Not a "love hormone", but a selectivity mechanism.')
    expect(page.locator(".oxykb-verdict")).to_have_text("Probably true.")  # that it is not a general love hormone


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


@pytest.mark.parametrize(
    "path", ["/en/claims/oxytocin-general-love-hormone/", "/questions/oxytocin-the-cuddle-hormone/"]
)
def test_grade_badges_keep_their_contrast_in_dark_mode(browser, base_url, path):
    page = browser.new_page(color_scheme="dark")
    try:
        page.goto(base_url + path)
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
    "tags/anxiety/",
    "claims/oxytocin-made-in-hypothalamus/",
    "claims/vole-pair-bonds-form-without-oxytocin-receptor/",
    "claims/casual-sex-reduces-womens-oxytocin-production/",  # the claim as made; no research
    "claims/ptsd-amygdala-over-responsive/",  # a background claim's notice
    "sources/ilive-oxytocine-vriendschapshormoon/",
    "sources/olff-oratie-ptss-oxytocine/",
    "evidence/",
    "questions/",
    "questions/oxytocin-nasal-spray-for-ptsd/",
    "questions/oxytocin-the-cuddle-hormone/",
]
OPEN_EVERY_TOPIC = "document.querySelectorAll('details').forEach(details => { details.open = true; })"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", ["", "en/"])
def test_no_serious_accessibility_violations(browser, base_url, language, scheme):
    """In Material's default scheme and in its slate (dark) scheme, which mkdocs.yml's palette takes from the
    system's setting; with every folded topic of the claim lists open, so that axe sees every item."""
    reader = Reader(browser, base_url, color_scheme=scheme)
    axe = Axe()
    found = {}
    try:
        for path in AXE_PAGES:
            page = reader.open("/" + language + path)
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
                "slate" if scheme == "dark" else "default"
            )
            page.evaluate(OPEN_EVERY_TOPIC)
            results = axe.run(page)
            serious = [v for v in results.response["violations"] if v["impact"] in ("critical", "serious")]
            if serious:
                found[language + path] = [(v["id"], len(v["nodes"]), v["nodes"][0]["target"]) for v in serious]
        assert reader.errors == []
    finally:
        reader.page.close()
    problems = sorted({(rule, str(target)) for page_found in found.values() for rule, _, target in page_found})
    assert problems == [], found


# ---------------------------------------------------------------------------------------------------------------
# Lists a reader can scan on a phone, and breadcrumbs (issue "Answers first", items 3 and 5).

PHONE = {"width": 390, "height": 844}


def test_on_a_phone_the_facts_page_shows_every_group_within_about_two_screens_and_leads_to_a_claim(browser, base_url):
    reader = Reader(browser, base_url, viewport=PHONE)
    try:
        page = reader.open("/facts/")
        headings = page.locator("article h2")
        expect(headings.first).to_have_text(re.compile(r"Hoog \(\d+\)"))
        assert headings.count() == 6  # five grades of oxytocin's claims, then the background claims
        expect(headings.last).to_have_text(re.compile(r"^Achtergrond: niet over oxytocine zelf \(\d+\)"))
        expect(
            page.get_by_role("heading", level=2, name=re.compile(r"Zeer laag \(\d+\) — het is zeer onzeker of …"))
        ).to_be_visible()
        # every grade heading of oxytocin's claims within two and a quarter screens, and every topic (folded: a name
        # and a count; a grade of at most four claims shows its claims instead) within two and a half
        bottoms = page.evaluate(
            "Array.from(document.querySelectorAll('article h2, article summary'))"
            ".filter(e => e.compareDocumentPosition(document.querySelector('article h2:last-of-type')) & 4)"
            ".map(e => [e.tagName, e.getBoundingClientRect().bottom + window.scrollY])"
        )
        assert max(bottom for tag, bottom in bottoms if tag == "H2") <= 2.25 * PHONE["height"], bottoms
        assert len(bottoms) > 20 and max(bottom for _, bottom in bottoms) <= 2.5 * PHONE["height"], bottoms
        reader.shot("facts-phone-nl")
        # a reader opens a topic of the very-low grade and reaches one of its claims
        topic = page.locator(
            "h2:has-text('Zeer laag') + .oxykb-topics > details",
            has=page.locator("summary", has_text=re.compile(r"^angst \(\d+\)$")),
        )
        topic.locator("summary").click()
        claim = topic.locator("li a").first
        expect(claim).to_be_visible()
        topic.scroll_into_view_if_needed()
        # seen: an ellipsis and the rest, the heading saying the hedge; heard: the whole statement
        assert claim.locator(".oxykb-hidden").bounding_box()["width"] <= 1
        expect(claim.locator("[aria-hidden=true]")).to_have_text("…")
        expect(claim).to_have_accessible_name(re.compile(r"^Het is zeer onzeker of [^…]+$"))
        reader.shot("facts-phone-open-nl")
        # a tap on its first line (the middle of a link over two lines can be beside it, where Playwright clicks)
        line = claim.evaluate(
            "a => { const r = a.getClientRects()[0]; return [r.x + r.width / 2, r.y + r.height / 2]; }"
        )
        page.mouse.click(*line)
        expect(page).to_have_url(re.compile(r"/claims/[a-z0-9-]+/$"))
        expect(page.locator("h1")).to_have_text(re.compile(r"^Het is zeer onzeker of "))  # the claim page says all
        assert reader.errors == []
    finally:
        reader.page.close()


def test_the_studies_list_says_which_findings_come_from_animals(reader):
    page = reader.open("/en/studies/")
    voles = page.locator(".oxykb-topics > details", has=page.locator("summary", has_text="prairie voles")).first
    voles.locator("summary").click()
    expect(voles.locator("li .oxykb-marker", has_text="animals").first).to_be_visible()
    assert voles.locator("li").count() == voles.locator("li .oxykb-marker", has_text="animals").count()


@pytest.mark.parametrize(
    "path, label, trail, up",
    [
        ("/claims/oxytocin-made-in-hypothalamus/", "Kruimelpad", ["Start", "Feiten"], "/facts/"),
        ("/en/claims/oxytocin-made-in-hypothalamus/", "Breadcrumb", ["Home", "Facts"], "/en/facts/"),
        ("/sources/olff-oratie-ptss-oxytocine/", "Kruimelpad", ["Start", "Bronnen"], "/sources/"),
        ("/en/sources/olff-oratie-ptss-oxytocine/", "Breadcrumb", ["Home", "Sources"], "/en/sources/"),
    ],
)
def test_a_breadcrumb_above_the_heading_leads_back_up(browser, base_url, path, label, trail, up):
    reader = Reader(browser, base_url, viewport=PHONE)
    try:
        page = reader.open(path)
        crumbs = page.get_by_role("navigation", name=label)
        expect(crumbs).to_be_visible()
        assert crumbs.bounding_box()["y"] < page.locator("article h1").bounding_box()["y"]
        assert crumbs.bounding_box()["height"] < 30  # one line, however long the page's name
        assert crumbs.locator("a").all_inner_texts() == trail
        current = crumbs.locator("[aria-current=page]").inner_text()  # the whole name, though cut off on screen
        assert current and page.locator("article h1").inner_text().startswith(current)
        if "claims/" in path:
            reader.shot("claim-breadcrumb-" + ("en" if "/en/" in path else "nl"))
        crumbs.get_by_role("link", name=trail[-1], exact=True).click()
        expect(page).to_have_url(base_url + up)
        assert reader.errors == []
    finally:
        reader.page.close()


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
    for path in [
        "",
        "facts/",
        "claims/oxytocin-made-in-hypothalamus/",
        "sources/ilive-oxytocine-vriendschapshormoon/",
        "questions/oxytocin-nasal-spray-for-ptsd/",
    ]:
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


# ---------------------------------------------------------------------------------------------------------------
# Readers come with questions (issue "Answers first", item 1): typed into the search box, each finds the page that
# answers it among the first three results, and a question page shows its answer and its grade without scrolling.


def top_results(page, words, count=3):
    """The first `count` pages Material's search lists for `words`, typed key by key as a reader types them."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.press_sequentially(words, delay=10)
    expect(box).to_have_value(words)
    items = page.locator(".md-search-result__item")
    expect(items.first).to_be_visible(timeout=15000)

    def listed():
        return [
            re.sub(r"[?#].*$", "", items.nth(index).locator("a").first.get_attribute("href"))
            for index in range(min(count, items.count()))
        ]

    shown, steady = listed(), 0
    for _ in range(40):  # results follow each key; read them once they have not changed for half a second
        page.wait_for_timeout(250)
        shown, before = listed(), shown
        steady = steady + 1 if shown == before else 0
        if steady == 2:
            break
    return [urlsplit(href).path for href in shown]


READER_QUESTIONS = [
    (
        "nl",
        "neusspray PTSS",
        "claims/oxytocin-may-reduce-ptsd-symptoms/",
    ),  # claims titled with both words rank high too
    ("nl", "helpt een neusspray bij PTSS", "questions/oxytocin-nasal-spray-for-ptsd/"),
    ("nl", "knuffelhormoon", "questions/oxytocin-the-cuddle-hormone/"),
    ("nl", "vertrouwen neusspray", "questions/oxytocin-nasal-spray-and-trust/"),
    ("nl", "helpt oxytocine bij autisme", "questions/oxytocin-for-autism/"),
    ("nl", "liefdeshormoon", "questions/oxytocin-the-cuddle-hormone/"),
    ("nl", "bijwerkingen", "claims/oxytocin-medicine-side-effects/"),
    ("nl", "oxytocine weeën infuus", "claims/oxytocin-induces-and-augments-labour/"),
    ("nl", "onenightstand spijt", "claims/one-night-stand-regret-caused-by-oxytocin/"),
    ("nl", "onenightstand binden", "questions/casual-sex-and-bonding-in-women/"),
    ("nl", "tekort aan oxytocine depressie", "questions/oxytocin-deficiency-depression-fibromyalgia/"),
    ("en", "nasal spray trust", "questions/oxytocin-nasal-spray-and-trust/"),
    ("en", "does a nasal spray help with PTSD", "questions/oxytocin-nasal-spray-for-ptsd/"),
    ("en", "is oxytocin really the cuddle hormone", "questions/oxytocin-the-cuddle-hormone/"),
    ("en", "does oxytocin help with autism", "questions/oxytocin-for-autism/"),
    ("en", "love hormone", "claims/oxytocin-general-love-hormone/"),
    ("en", "side effects", "claims/oxytocin-medicine-side-effects/"),
    ("en", "oxytocin drip labour", "claims/oxytocin-induces-and-augments-labour/"),
    ("en", "one night stand regret", "claims/one-night-stand-regret-caused-by-oxytocin/"),
    ("en", "pitocin", "claims/oxytocin-prescription-medicine-pitocin/"),
    ("en", "should I buy oxytocin supplements", "questions/oxytocin-sprays-and-supplements/"),
    ("en", "prairie voles friendship", "questions/voles-friendship-and-love/"),
]


@pytest.mark.parametrize("language, words, answer", READER_QUESTIONS, ids=[words for _, words, _ in READER_QUESTIONS])
def test_a_readers_question_finds_its_answer_among_the_first_three_results(reader, language, words, answer):
    root = "/" if language == "nl" else "/en/"
    results = top_results(reader.open(root), words)
    assert root + answer in results, results
    assert all(path.startswith("/en/") == (language == "en") for path in results)  # in the reader's language


def test_search_answers_at_least_eight_questions_per_language():
    assert all(sum(language == lang for language, _, _ in READER_QUESTIONS) >= 8 for lang in ("nl", "en"))
    claims = {path.name for path in (Path(__file__).parents[1] / "claims").glob("*/*.yaml")}
    assert {answer.split("/")[1] + ".yaml" for _, _, answer in READER_QUESTIONS} <= claims  # answers that exist


WORKED_EXAMPLES = ["oxytocin-nasal-spray-for-ptsd", "oxytocin-the-cuddle-hormone", "oxytocin-nasal-spray-and-trust"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_question_page_shows_its_answer_and_grade_above_the_fold(browser, base_url, viewport, language):
    reader = Reader(browser, base_url, viewport=VIEWPORTS[viewport])
    try:
        for question in WORKED_EXAMPLES:
            page = reader.open(("/" if language == "nl" else "/en/") + f"questions/{question}/")
            answer = page.locator("article p.oxykb-answer")
            badge = answer.locator(".oxykb-grade")
            expect(answer).to_be_visible()
            expect(badge).to_be_visible()
            height = VIEWPORTS[viewport]["height"]
            assert answer.bounding_box()["y"] + answer.bounding_box()["height"] <= height, question
            assert badge.bounding_box()["y"] + badge.bounding_box()["height"] <= height, question
            assert page.get_attribute("html", "lang") == language
            expect(page.locator("article table.oxykb-summary tbody tr").first).to_be_visible()
            if (question, language, viewport) == (WORKED_EXAMPLES[0], "nl", "desktop"):
                reader.shot("question-nl-desktop")
            if (question, language, viewport) == (WORKED_EXAMPLES[1], "en", "phone"):
                reader.shot("question-en-phone")
        assert reader.errors == []
    finally:
        reader.page.close()


def test_the_home_page_leads_with_the_questions(reader):
    page = reader.open("/")
    questions = page.locator("article ul.oxykb-questions li")
    expect(questions.first).to_be_visible()
    assert questions.count() >= 3
    first = questions.first.bounding_box()["y"]
    assert first < page.locator("article img").first.bounding_box()["y"]  # above the figure and the counts
    assert first < page.locator("article table").first.bounding_box()["y"]
    expect(questions.first.locator(".oxykb-grade")).to_be_visible()
    reader.shot("home-questions-nl")
    page.locator("article a", has_text="Alle vragen").click()
    expect(page).to_have_url(reader.base_url + "/questions/")
    expect(page.get_by_role("heading", level=1, name="Vragen")).to_be_visible()
    page.locator("article ul.oxykb-questions a").first.click()
    expect(page).to_have_url(re.compile(r"/questions/[a-z0-9-]+/$"))
    expect(page.locator("article p.oxykb-answer")).to_be_visible()


def test_a_claim_page_links_to_the_questions_it_helps_answer(reader):
    page = reader.open("/en/claims/oxytocin-increases-trust-in-others/")
    section = page.locator("h2:has-text('Questions this claim helps answer') + ul a")
    expect(section.first).to_be_visible()
    section.filter(has_text="trust others more").click()
    expect(page).to_have_url(reader.base_url + "/en/questions/oxytocin-nasal-spray-and-trust/")
