"""Every page fits a phone, the count tables fit Material's column, and figures stay readable and themed.

Measured in the real built site in Debian's Chromium, as tests/test_browser.py does: a reader on a 390 px phone
must never scroll the page sideways, see "Total" without scrolling at 1280 px, read figure text of at least 12 px,
and not get a white slab in dark mode.
"""

import base64
import functools
import http.server
import shutil
import threading

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import REPO, TINY_KB, run_oxykb
from test_browser import OPEN_EVERY_TOPIC, Reader, base_url, browser  # noqa: F401  (fixtures shared with the browser tests)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PAGE_TYPES = [
    "",  # home
    "facts/",
    "studies/",
    "therapies/",
    "risks/",
    "claims/oxytocin-general-love-hormone/",
    "claims/vole-pair-bonds-form-without-oxytocin-receptor/",  # a long name in the breadcrumb
    "questions/",
    "questions/oxytocin-nasal-spray-for-ptsd/",
    "sources/olff-oratie-ptss-oxytocine/",
    "sources/",
    "tags/",
    "tags/anxiety/",
    "evidence/",
    "report/",
    "open-data/",
    "about/",
    "404.html",
]
LANGUAGES = ["", "en/"]
FIGURE_PAGES = ["", "sources/", "sources/olff-oratie-ptss-oxytocine/", "evidence/"]

# The smallest text in each figure on the page, in CSS pixels as drawn: font size times the image's scale.
FIGURE_TEXT_PX = """async () => {
  const sizes = [];
  for (const image of document.querySelectorAll("article img[src$='.svg']")) {
    const svg = new DOMParser().parseFromString(await (await fetch(image.src)).text(), "image/svg+xml").documentElement;
    const scale = image.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const fonts = [svg, ...svg.querySelectorAll("text")]
      .map(element => parseFloat(element.getAttribute("font-size")))
      .filter(size => size > 0);
    sizes.push(Math.min(...fonts) * scale);
  }
  return sizes;
}"""

# Share of near-white pixels in a PNG, decoded by the browser itself (no image library needed).
WHITE_SHARE = """async (url) => {
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, image.width, image.height).data;
  let white = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] > 235 && pixels[i + 1] > 235 && pixels[i + 2] > 235) white += 1;
  }
  return white / (pixels.length / 4);
}"""


@pytest.fixture
def phone(browser, base_url):  # noqa: F811
    reader = Reader(browser, base_url, viewport=PHONE)
    yield reader
    reader.page.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_scrolls_sideways_on_a_phone(phone, language):
    too_wide = {}
    for path in PAGE_TYPES:
        page = phone.open("/" + language + path)
        page.evaluate(OPEN_EVERY_TOPIC)  # the claim lists with every topic open
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        # a table may scroll inside its own box, but every column must show without it
        cut_tables = page.evaluate(
            "Array.from(document.querySelectorAll('article table'))"
            ".filter(table => table.getBoundingClientRect().right > window.innerWidth + 0.5"
            " || table.scrollWidth > table.parentElement.clientWidth + 0.5).length"
        )
        if widths[0] > widths[1] or cut_tables:
            too_wide[language + path] = (widths, cut_tables)
    assert too_wide == {}
    assert phone.errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_count_table_shows_its_total_column_at_1280(browser, base_url, language):  # noqa: F811
    reader = Reader(browser, base_url, viewport=DESKTOP)
    try:
        page = reader.open("/" + language)
        edges = page.evaluate(
            """() => {
              const table = document.querySelector('article table');
              const last = table.querySelector('tr > :last-child').getBoundingClientRect();
              const box = table.closest('.md-typeset__scrollwrap') || table;
              return [last.right, box.getBoundingClientRect().right, window.innerWidth];
            }"""
        )
        last_right, box_right, viewport_right = edges
        assert last_right <= box_right + 0.5 and last_right <= viewport_right, edges
        assert reader.errors == []
    finally:
        reader.page.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_figure_text_is_at_least_12px_on_a_phone(phone, language):
    smallest = {}
    for path in FIGURE_PAGES:
        page = phone.open("/" + language + path)
        sizes = page.evaluate(FIGURE_TEXT_PX)
        assert sizes, path
        smallest[path] = round(min(sizes), 1)
    assert all(size >= 12 for size in smallest.values()), smallest
    assert phone.errors == []


@pytest.mark.parametrize("scheme", ["system", "toggle"])
def test_figures_are_dark_in_dark_mode(browser, base_url, scheme):  # noqa: F811
    """Dark either from the system setting or from Material's palette toggle on a light system."""
    reader = Reader(browser, base_url, viewport=DESKTOP, color_scheme="dark" if scheme == "system" else "light")
    try:
        page = reader.open("/en/")
        if scheme == "toggle":
            page.locator("label.md-header__button[for^='__palette']:visible").first.click()
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        figure = page.locator("article img[src$='.svg']").first
        figure.scroll_into_view_if_needed()
        png = figure.screenshot(animations="disabled")
        share = page.evaluate(WHITE_SHARE, "data:image/png;base64," + base64.b64encode(png).decode())
        assert share < 0.1, share
        assert reader.errors == []
    finally:
        reader.page.close()


# ---------------------------------------------------------------------------------------------------------------
# What the real knowledge base does not have yet (a study's fields, a no-difference finding), in the tiny one.


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory):
    """tests/kb built by `oxykb build` and served, for pages the real knowledge base has no example of yet."""
    root = tmp_path_factory.mktemp("tiny") / "kb"
    shutil.copytree(TINY_KB, root, ignore=shutil.ignore_patterns(".oxykb"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    result = run_oxykb("build", str(root))
    assert result.exit_code == 0, result.output

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


STUDY_LAYOUT = """Array.from(document.querySelectorAll('dl.oxykb-study dt')).map(term => {
  const value = term.nextElementSibling.getBoundingClientRect(), box = term.getBoundingClientRect();
  return [Math.round(box.top), Math.round(value.top), Math.round(value.right)];
})"""


@pytest.mark.parametrize("viewport, side_by_side", [(PHONE, False), (DESKTOP, True)])
def test_a_studys_fields_fit_a_phone(browser, tiny_site, viewport, side_by_side):  # noqa: F811
    """Term beside value where there is room, above it on a phone; never wider than the screen."""
    reader = Reader(browser, tiny_site, viewport=viewport)
    try:
        for language in LANGUAGES:
            page = reader.open(f"/{language}sources/doe-2020/")
            rows = page.evaluate(STUDY_LAYOUT)
            assert len(rows) == 7
            assert all((term_top == value_top) == side_by_side for term_top, value_top, _ in rows), rows
            assert all(right <= viewport["width"] for _, _, right in rows)
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert reader.errors == []
    finally:
        reader.page.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_evidence_summary_fits_the_column_at_1280(browser, base_url, language):  # noqa: F811
    """Every column of a question page's summary table shows in Material's 720 px column, nothing cut off."""
    reader = Reader(browser, base_url, viewport=DESKTOP)
    try:
        page = reader.open("/" + language + "questions/oxytocin-nasal-spray-for-ptsd/")
        edges = page.evaluate(
            """() => {
              const table = document.querySelector('article table.oxykb-summary');
              const article = table.closest('article').getBoundingClientRect();
              const cells = Array.from(table.querySelectorAll('thead th'));
              return [table.getBoundingClientRect().right, table.scrollWidth, table.clientWidth,
                      Math.max(...cells.map(cell => cell.getBoundingClientRect().right)), article.right,
                      cells.length, getComputedStyle(table).display];
            }"""
        )
        table_right, scroll_width, client_width, last_heading_right, article_right, columns, display = edges
        assert columns == 5 and display == "table", edges
        assert table_right <= article_right + 0.5 and last_heading_right <= table_right + 0.5, edges
        assert scroll_width <= client_width + 0.5, edges
        assert reader.errors == []
    finally:
        reader.page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_evidence_model_v2_pages_have_no_serious_accessibility_violations(browser, tiny_site, scheme):  # noqa: F811
    reader = Reader(browser, tiny_site, viewport=PHONE, color_scheme=scheme)
    found = {}
    try:
        for language in LANGUAGES:
            for path in [
                "claims/stress-raises-heart-rate/",  # background notice
                "claims/cuddle-hormone-myth/",  # the claim as made
                "claims/nasal-spray-no-difference-to-trust/",  # verdict, studies counted
                "sources/doe-2020/",  # the study's fields
                "evidence/",
            ]:
                reader.open(f"/{language}{path}")
                violations = Axe().run(reader.page).response["violations"]
                serious = [
                    (v["id"], v["nodes"][0]["target"]) for v in violations if v["impact"] in ("critical", "serious")
                ]
                if serious:
                    found[language + path] = serious
        assert found == {}
        assert reader.errors == []
    finally:
        reader.page.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_each_finding_is_a_card_that_names_its_columns(phone, language):
    page = phone.open("/" + language + "questions/oxytocin-nasal-spray-for-ptsd/")
    cards = page.evaluate(
        """() => Array.from(document.querySelectorAll('article table.oxykb-summary tbody tr')).map(row => [
              row.getBoundingClientRect().width,
              getComputedStyle(row).display,
              getComputedStyle(row.cells[1], '::before').content,
            ])"""
    )
    assert len(cards) >= 2  # its key finding and caveats
    width = page.evaluate("window.innerWidth")
    for row_width, display, label in cards:
        assert display == "block" and row_width <= width, cards
        assert label == ('"Wat het bewijs zegt: "' if language == "" else '"What the evidence says: "'), label
    assert phone.errors == []
