"""Every internal link and anchor in the real built site resolves, in both languages."""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit


class LinksAndIds(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in ("link", "script", "img") and (attrs.get("href") or attrs.get("src")):
            self.links.append(attrs.get("href") or attrs.get("src"))


def parse(path: Path) -> LinksAndIds:
    parser = LinksAndIds()
    parser.feed(path.read_text("utf-8"))
    return parser


def target_of(page: Path, href: str, site: Path) -> tuple[Path, str] | None:
    """The file and fragment a relative link points at; None for links that leave the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "data:")):
        return None
    path, fragment = urldefrag(href)
    base = site if path.startswith("/") else page.parent  # the 404 pages link from the site root
    file = (base / unquote(path).lstrip("/")).resolve() if path else page
    if file.is_dir() or path.endswith("/"):
        file = file / "index.html"
    return file, fragment


def test_every_internal_link_and_anchor_resolves(real_site):
    pages = {path.resolve(): parse(path) for path in real_site.rglob("*.html")}
    broken, checked = [], 0
    for page, parsed in pages.items():
        for href in parsed.links:
            target = target_of(page, href, real_site)
            if target is None:
                continue
            checked += 1
            file, fragment = target
            if not file.is_file() or not file.is_relative_to(real_site.resolve()):
                broken.append(f"{page.relative_to(real_site.resolve())}: {href} (no such file)")
            elif fragment and file in pages and fragment not in pages[file].ids:
                broken.append(f"{page.relative_to(real_site.resolve())}: {href} (no such anchor)")
    print(f"{checked} internal links checked in {len(pages)} pages")
    assert broken == []
    assert checked > 10 * len(pages)
