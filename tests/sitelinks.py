"""Reading a built site: the links and asset references of its HTML pages and style sheets."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes that make the browser load or navigate to another file.
LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
                   ("source", "src"), ("iframe", "src"), ("object", "data")}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""")
CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)""")


class _References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []  # (tag, attribute value)
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name, value in attrs.items():
            if (tag, name) in LINK_ATTRIBUTES and value:
                self.found.append((tag, value))
        if attrs.get("style"):
            self.found.extend(("style", url) for url in CSS_URL.findall(attrs["style"]))


def parse(page: Path) -> _References:
    parser = _References()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def references(page: Path):
    """(tag, url) for every file an HTML page links to or loads."""
    return parse(page).found


def css_references(sheet: Path):
    text = sheet.read_text(encoding="utf-8", errors="replace")
    return CSS_URL.findall(text) + CSS_IMPORT.findall(text)


def is_remote(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https") or url.startswith("//")


def local_target(base: Path, url: str):
    """The file a relative URL in base points to, or None for remote, mail, data and anchor URLs."""
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//") or not parts.path:
        return None
    return (base.parent / unquote(parts.path)).resolve()
