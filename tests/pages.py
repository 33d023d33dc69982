"""Reading a built page of the site (deck or handbook) into a small model: the one HTML reader of
the tests. BeautifulSoup parses; the tests ask this module, never the markup, for slides,
sections, notes, images and links.

    page = read(site_folder, SITE.deck_page("slides/1-1-1-environment-management"))
    page.slides[0].title, page.slides[0].notes, page.images, page.links, page.ids
"""

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

# Attributes that make the browser load or navigate to another file.
LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
                   ("source", "src"), ("iframe", "src"), ("object", "data")}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""")
CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)""")
# What hides on the projected slide and shows in the console: hieroglyph's notes.
NOTE = "div.admonition.note"


def plain(text):
    """Text as a reader compares it: typographic quotes, dashes and ligatures made plain,
    whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    for fancy, simple in {"\u2026": "...", "\u2019": "'", "\u2018": "'", "\u201c": '"',
                          "\u201d": '"', "\u2013": "--"}.items():
        text = text.replace(fancy, simple)
    return re.sub(r"\s+", " ", text).strip()


def is_remote(url):
    return urlsplit(url).scheme in ("http", "https") or url.startswith("//")


def local_target(base: Path, url: str):
    """The file a relative URL of the page base points to, or None for remote, mail, data and
    same-page URLs."""
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//") or not parts.path:
        return None
    return (base.parent / unquote(parts.path)).resolve()


def text_of(element, skip=()):
    """The element's text, without the parts matching the CSS selectors in skip."""
    if skip:
        element = BeautifulSoup(str(element), "html.parser")
        for selector in skip:
            for part in element.select(selector):
                part.decompose()
    return plain(element.get_text(" "))


HEADERLINK = "a.headerlink"


@dataclass
class Slide:
    element: object
    id: str
    classes: list
    title: str
    notes: list      # the text of each note (speaker notes, updates, answers)
    shown: str       # what the projected slide shows: no notes, no permalinks


@dataclass
class Image:
    src: str
    alt: str
    target: Path     # the file it loads, or None when remote


class Page:
    def __init__(self, site: Path, path: str):
        self.site, self.path = Path(site), Path(site) / path
        self.soup = BeautifulSoup(self.path.read_text(encoding="utf-8"), "html.parser")

    def select(self, selector):
        return self.soup.select(selector)

    def select_one(self, selector):
        return self.soup.select_one(selector)

    def text(self, skip=()):
        return text_of(self.soup.body or self.soup, skip)

    @functools.cached_property
    def ids(self):
        return {element["id"] for element in self.soup.select("[id]")}

    @functools.cached_property
    def links(self):
        """(tag, url) of every file the page loads or links to, styles' url()s included."""
        found = [(element.name, element[attr]) for tag, attr in LINK_ATTRIBUTES
                 for element in self.soup.find_all(tag) if element.get(attr)]
        found += [("style", url) for element in self.soup.select("[style]")
                  for url in CSS_URL.findall(element["style"])]
        return found

    def target(self, url):
        return local_target(self.path, url)

    @functools.cached_property
    def slides(self):
        slides = []
        for article in self.soup.select("section.slides > article, article.slide"):
            heading = article.find(re.compile(r"^h[1-6]$"))
            slides.append(Slide(
                element=article, id=article.get("id"), classes=article.get("class", []),
                title=text_of(heading, [HEADERLINK]) if heading else "",
                notes=[text_of(note, [".admonition-title"]) for note in article.select(NOTE)],
                shown=text_of(article, [NOTE, HEADERLINK])))
        return slides

    def slide(self, title):
        found = [slide for slide in self.slides if slide.title == title]
        assert len(found) == 1, f"{len(found)} slides titled {title!r} in {self.path.name}"
        return found[0]

    @functools.cached_property
    def sections(self):
        """{id: title} of the handbook's sections."""
        return {section["id"]: text_of(section.find(re.compile(r"^h[1-6]$")), [HEADERLINK])
                for section in self.soup.select("section[id]")}

    def section(self, section_id):
        found = self.soup.select(f"section[id='{section_id}']")
        assert len(found) == 1, f"{len(found)} sections with id {section_id!r} in {self.path.name}"
        return found[0]

    @functools.cached_property
    def images(self):
        return [Image(img["src"], img.get("alt", "").strip(), self.target(img["src"]))
                for img in self.soup.select("img[src]")]

    def boxes(self, cls):
        """The text of every admonition of class cls, without its title."""
        return [text_of(box, [".admonition-title"]) for box in self.soup.select(f"div.admonition.{cls}")]


def css_references(sheet: Path):
    text = sheet.read_text(encoding="utf-8", errors="replace")
    return CSS_URL.findall(text) + CSS_IMPORT.findall(text)


@functools.lru_cache(maxsize=None)
def read(site, path):
    """The page at path (relative to the site's folder), read once per test session."""
    return Page(site, path)
