"""What a reader downloads: a built site served gzip-compressed, as GitHub Pages serves it, read in Chromium.

Counts the bytes that arrive over the wire (encoded: compressed, with headers, as the browser's network panel
shows them) for a first view of one claim page with an empty cache, and then for a first search on it, until
its results are shown.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))
from test_browser import CHROMIUM_FLAGS  # noqa: E402  (the browser tests' Chromium, started the same way)

# what GitHub Pages compresses; Pagefind's index files come compressed already
COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files, compressing text with gzip when the client accepts it (level 6, as web servers use)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        kind = self.guess_type(str(path))
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and kind.startswith(COMPRESSED) and accepted):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextmanager
def gzip_server(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class Transfers:
    """Requests of a browser tab, its workers' included, with the bytes each took over the wire."""

    def __init__(self, page):
        self.finished = []
        page.on("requestfinished", lambda request: self.finished.append(request))

    def mark(self) -> int:
        return len(self.finished)

    def since(self, mark: int) -> tuple[int, list[str]]:
        """Encoded bytes (compressed body and headers) and addresses of the requests finished since `mark`."""
        requests = [request for request in self.finished[mark:] if not request.url.startswith("data:")]
        total = 0
        for request in requests:
            sizes = request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        return total, [request.url for request in requests]


def first_view_and_search(site: Path, path: str, query: str) -> dict[str, object]:
    """Encoded bytes of a first view of `path` (empty cache) and then of searching `query` there until results show."""
    from playwright.sync_api import expect, sync_playwright

    with gzip_server(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            transfers = Transfers(page)
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_timeout(500)  # anything a script starts after the load
            view = transfers.mark()
            view_bytes, view_urls = transfers.since(0)
            page.locator("label.md-search__icon, .md-search__input").first.click()
            page.locator("input.md-search__input").press_sequentially(query, delay=50)
            expect(page.locator(".md-search-result__item a").first).to_be_visible(timeout=60000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            search_bytes, search_urls = transfers.since(view)
            results = page.locator(".md-search-result__item a").count()
            context.close()
        finally:
            browser.close()
    return {
        "first view (KB)": view_bytes / 1000,
        "first search (KB)": search_bytes / 1000,
        "requests": (len(view_urls), len(search_urls)),
        "view requests": view_urls,
        "search requests": search_urls,
        "results": results,
    }
