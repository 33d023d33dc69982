"""Lecture 1.1.1, checked on the real build (`make html slides`, the `course_build` fixture).

The seed is the author's 2020 source (tests/data/seed-...-2020.txt): its slide titles, read from
the file itself, must all be slides of the built deck, in order. The other tests read the built
deck and handbook pages as a person would meet them: figures, speaker notes, the quiz's answers,
the link to the practice.

Only the standard library parses HTML here (html.parser), into a small tree.
"""

import re
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "tests" / "data" / "seed-1.1.1-environment-management-2020.txt"
FIGURES = REPO / "_static" / "1-1-1"
LECTURE = "1-1-1-environment-management"
NUMBER, TITLE, DURATION = "1.1.1", "Environment management", "30 minutes"

# The two typos of the seed's titles that the lecture fixes.
TITLE_FIXES = {
    "Quizz": "Quiz",
    "How does Python imports libraries?": "How does Python import libraries?",
}

# The figures the lecture shows (drawn for it as SVG), in the order of the slides.
EXPECTED_FIGURES = [
    "data-and-code-in-artefacts-out.svg",
    "code-on-platform-stack.svg",
    "one-model-many-targets.svg",
    "code-environment-data-to-reproducible-artefacts.svg",
    "many-pythons-path.svg",
    "packages-share-one-site-packages.svg",
    "pip-conflicts-and-resolver-history.svg",
    "environment-tools-compared.svg",
]


# ---------------------------------------------------------------- reading the seed


def seed_titles(text):
    """The slide titles of a reST deck, in order: section titles (a line underlined with = or -,
    possibly overlined too), plus one title for each `.. nextslide::`, which repeats the title of
    the slide it continues (hieroglyph appends " (n)" when the directive has `:increment:`).
    Comments, directive bodies and other indented lines are never titles."""
    lines = text.splitlines()
    underline = re.compile(r"^([=\-])\1{2,}\s*$")
    titles = []
    continued = {}  # title -> how many slides carry it so far
    for i, line in enumerate(lines):
        if line.startswith(".. nextslide::"):
            options = []
            for following in lines[i + 1:]:
                if not following.strip() or not following[0].isspace():
                    break
                options.append(following.strip())
            previous = titles[-1][1] if titles else None
            assert previous, "a nextslide before any title"
            base = re.sub(r" \(\d+\)$", "", previous)
            continued[base] = continued.get(base, 1) + 1
            titles.append(("nextslide", f"{base} ({continued[base]})" if ":increment:" in options else base))
            continue
        if (
            i + 1 < len(lines)
            and line.strip()
            and not line[0].isspace()
            and not line.startswith("..")
            and not underline.match(line)
            and underline.match(lines[i + 1])
            and len(lines[i + 1].rstrip()) >= len(line.rstrip())
        ):
            titles.append(("section", line.strip()))
    return [title for _, title in titles]


def plain(text):
    """Text as a reader sees it: no reST inline markup, typographic quotes and ellipses made
    plain, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2026", "...").replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2013", "--")
    text = re.sub(r"[`*]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def expected_titles():
    titles = [TITLE_FIXES.get(title, title) for title in seed_titles(SEED.read_text(encoding="utf-8"))]
    # The lecture's own title carries its number.
    titles[0] = f"{NUMBER} {titles[0]}"
    return [plain(title) for title in titles]


# ---------------------------------------------------------------- a small HTML tree

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    @property
    def classes(self):
        return set((self.attrs.get("class") or "").split())

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag=None, cls=None, **attrs):
        return [
            node for node in self.iter()
            if (tag is None or node.tag == tag)
            and (cls is None or cls in node.classes)
            and all(node.attrs.get(key) == value for key, value in attrs.items())
        ]

    def text(self, skip=lambda node: False):
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif not skip(child):
                parts.append(child.text(skip))
        return "".join(parts)


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document", {})

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(path):
    builder = TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    return builder.root


def is_headerlink(node):
    return node.tag == "a" and "headerlink" in node.classes


def is_note(node):
    return node.tag == "div" and {"admonition", "note"} <= node.classes


def heading_text(node):
    return plain(node.text(skip=is_headerlink))


def resolve(page, href, site):
    """The file a relative link of `page` points to, or None for a link that leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    assert site.resolve() in target.parents or target == site.resolve(), f"{href} leaves the site"
    return target


# ---------------------------------------------------------------- the built pages


@pytest.fixture(scope="module")
def site(course_build):
    return course_build


@pytest.fixture(scope="module")
def deck_page(site):
    return site / "slides" / "slides" / f"{LECTURE}.html"


@pytest.fixture(scope="module")
def handbook_page(site):
    return site / "slides" / f"{LECTURE}.html"


@pytest.fixture(scope="module")
def deck(deck_page):
    return parse(deck_page)


@pytest.fixture(scope="module")
def handbook(handbook_page):
    return parse(handbook_page)


@pytest.fixture(scope="module")
def slides(deck):
    """(title, article) for each slide of the deck, in order."""
    found = []
    for article in deck.find_all("article"):
        heading = next(node for node in article.iter() if node.tag in {"h1", "h2", "h3"})
        found.append((heading_text(heading), article))
    return found


def slide(slides, title):
    matches = [article for found, article in slides if found == title]
    assert len(matches) == 1, f"{len(matches)} slides titled {title!r}"
    return matches[0]


def section(handbook, section_id):
    matches = handbook.find_all("section", id=section_id)
    assert len(matches) == 1, f"{len(matches)} sections with id {section_id!r}"
    return matches[0]


# ---------------------------------------------------------------- (a) the seed's slides, in order


def test_seed_parser_reads_every_slide_title():
    titles = expected_titles()
    assert len(titles) == 25
    assert titles[0] == "1.1.1 Environment management"
    assert titles[titles.index("Pip hell") + 1] == "Pip hell (2)"
    assert "Quiz" in titles and "Quizz" not in titles
    assert "How does Python import libraries?" in titles
    assert "And needs to run on different environments" in titles


def test_every_seed_slide_title_is_a_slide_in_the_seeds_order(slides):
    built = [title for title, _ in slides]
    position = 0
    for title in expected_titles():
        assert title in built[position:], (
            f"seed slide {title!r} is missing from the deck, or out of order; deck: {built}"
        )
        position = built.index(title, position) + 1


def test_the_deck_is_about_twenty_slides(slides):
    assert 20 <= len(slides) <= 30


# ---------------------------------------------------------------- (b) figures


@pytest.mark.parametrize("which", ["deck_page", "handbook_page"])
def test_every_image_is_one_of_our_svgs_with_alt_text(request, site, which):
    page = request.getfixturevalue(which)
    images = parse(page).find_all("img")
    assert images, f"no images in {page}"
    seen = []
    for img in images:
        alt = (img.attrs.get("alt") or "").strip()
        assert len(alt) > 20, f"{img.attrs.get('src')}: alt text missing or too short: {alt!r}"
        target = resolve(page, img.attrs["src"], site)
        assert target and target.is_file(), f"{img.attrs['src']} does not exist in the built site"
        assert target.suffix == ".svg", f"{img.attrs['src']} is not an SVG"
        source = FIGURES / target.name
        assert source.is_file(), f"{target.name} is not one of ours (_static/1-1-1/)"
        assert target.read_bytes() == source.read_bytes()
        seen.append(target.name)
    assert seen == EXPECTED_FIGURES


@pytest.mark.parametrize("name", EXPECTED_FIGURES)
def test_each_figure_is_well_formed_svg_with_viewbox_and_title(name):
    root = ET.parse(FIGURES / name).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert re.fullmatch(r"\s*0\s+0\s+\d+(\.\d+)?\s+\d+(\.\d+)?\s*", root.get("viewBox", "")), name
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.text and title.text.strip(), f"{name} has no <title>"


def test_no_png_of_the_seed_is_referenced_anywhere(site):
    seed_pngs = set(re.findall(r"[\w.\-]+\.png", SEED.read_text(encoding="utf-8")))
    assert seed_pngs, "the seed names its PNG figures"
    for path in site.rglob("*"):
        if path.suffix in {".html", ".css", ".js", ".txt", ".svg"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            for png in seed_pngs:
                assert png not in text, f"{path.relative_to(site)} references {png}"
    for folder in (site / "_static" / "1-1-1", site / "_images", site / "slides" / "_images"):
        assert not list(folder.glob("*.png")), f"PNG files in {folder}"


# ---------------------------------------------------------------- (c) speaker notes


def test_the_deck_css_hides_notes_on_the_projected_slide(site, deck):
    stylesheets = [urlsplit(link.attrs["href"]).path for link in deck.find_all("link", rel="stylesheet")]
    assert "../_static/slides.css" in stylesheets
    assert "../_static/css/deck.css" in stylesheets
    theme = (site / "slides" / "_static" / "slides.css").read_text(encoding="utf-8")
    assert re.search(r"div\.admonition\.note\s*\{[^}]*display:\s*none", theme)
    # Nothing in our deck style sheet may show them again.
    ours = (site / "slides" / "_static" / "css" / "deck.css").read_text(encoding="utf-8")
    ours = re.sub(r"/\*.*?\*/", "", ours, flags=re.S)
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", ours):
        if re.search(r"\.note\b|admonition(?![\w-])", selectors) and "display" in body:
            assert re.search(r"display:\s*none", body), f"deck.css shows notes: {selectors.strip()}"


def test_speaker_notes_are_hidden_on_the_slide_and_printed_in_the_handbook(slides, handbook):
    handbook_text = plain(handbook.text())
    notes_seen = 0
    for title, article in slides:
        visible = plain(article.text(skip=lambda node: is_note(node) or is_headerlink(node)))
        for note in [node for node in article.iter() if node.tag == "div" and "admonition" in node.classes]:
            body = plain(note.text())
            if "note" not in note.classes:
                continue  # a warning: meant to be seen
            notes_seen += 1
            for sentence in re.split(r"(?<=[.?!:])\s+", body):
                if len(sentence) > 25:
                    assert sentence not in visible, f"{title}: {sentence!r} shows on the slide"
            # Every sentence of the note is on the handbook page.
            for sentence in re.split(r"(?<=[.?!:])\s+", body):
                assert sentence in handbook_text, f"{title}: {sentence!r} is not in the handbook"
    assert notes_seen >= 25


def test_every_slide_with_a_seed_note_has_speaker_notes(slides):
    seed = SEED.read_text(encoding="utf-8")
    seed_notes = [plain(note) for note in re.findall(r"\.\. rst-class:: note\s*\n\s*\n\s+(.+)", seed)]
    assert len(seed_notes) == 5
    all_notes = " ".join(
        plain(node.text()) for _, article in slides for node in article.iter() if is_note(node)
    ).lower()
    words = lambda text: set(re.findall(r"[a-z]+", text.lower()))  # noqa: E731
    for note in seed_notes:
        assert len(words(note) & words(all_notes)) >= 0.8 * len(words(note)), note


def test_update_notes_cite_a_source(handbook):
    updates = handbook.find_all("div", cls="update")
    assert len(updates) >= 8
    topics = " ".join(plain(node.text()) for node in updates)
    for topic in ["pip 20.3", "23.10", "Miniforge", "conda-forge", "--from-history", "conda export",
                  "conda-lock", "pixi", "27 June 2023", "Apple silicon", "2.13"]:
        assert topic in topics, f"no update note mentions {topic!r}"
    for update in updates:
        assert {"admonition", "note"} <= update.classes
        title = plain(update.find_all("p", cls="admonition-title")[0].text())
        assert title.startswith("Update (2026): ")
        assert update.find_all("a", cls="external") or update.find_all("a", cls="internal"), title


# ---------------------------------------------------------------- (d) number, title, duration


def test_the_handbook_page_says_number_title_and_duration(handbook):
    h1 = handbook.find_all("h1")
    assert [heading_text(node) for node in h1] == [f"{NUMBER} {TITLE}"]
    meta = handbook.find_all("p", cls="lecture-meta")
    assert meta and f"Lecture {NUMBER}" in plain(meta[0].text()) and DURATION in plain(meta[0].text())


def test_the_first_slide_says_number_title_and_duration(slides):
    title, article = slides[0]
    assert title == f"{NUMBER} {TITLE}"
    assert "level-1" in article.classes
    visible = plain(article.text(skip=lambda node: is_note(node) or is_headerlink(node)))
    assert f"Lecture {NUMBER}" in visible and DURATION in visible and "ML in Production" in visible


# ---------------------------------------------------------------- (e) the quiz


def test_quiz_answers_are_folded_in_the_handbook_and_in_the_speaker_notes(handbook, slides):
    quiz = section(handbook, "quiz")
    assert len(quiz.find_all("li")) >= 3
    answers = [node for node in quiz.find_all("div", cls="dropdown")
               if plain(node.find_all("p", cls="admonition-title")[0].text()) == "Answers"]
    assert len(answers) == 1
    assert {"admonition", "note", "dropdown"} <= answers[0].classes
    assert "envs" in answers[0].text() and "PATH" in answers[0].text()
    # sphinx-togglebutton folds .admonition.dropdown on the handbook page.
    scripts = [urlsplit(node.attrs.get("src", "")).path for node in handbook.find_all("script")]
    assert any(src.endswith("togglebutton.js") for src in scripts)
    # On the slide: the three questions show, the answers are a (hidden) note.
    article = slide(slides, "Quiz")
    visible = plain(article.text(skip=lambda node: is_note(node) or is_headerlink(node)))
    assert "which python" in visible and "echo $PATH" in visible and "envs" not in visible
    assert any(is_note(node) and "envs" in node.text() for node in article.iter())


# ---------------------------------------------------------------- (f) the practice


def test_practice_links_to_the_exercise_page(site, deck_page, handbook_page, slides, handbook):
    exercise = (site / "exercises" / "practice_env" / "index.html").resolve()
    assert exercise.is_file()
    for page, node in [
        (deck_page, slide(slides, "Practice time!")),
        (handbook_page, section(handbook, "practice-time")),
    ]:
        targets = {resolve(page, a.attrs["href"], site) for a in node.find_all("a") if "href" in a.attrs}
        assert exercise in targets, f"{page.name}: no link to {exercise.relative_to(site.resolve())}"
