"""The real course, built by `make html slides`: every page exists, every link resolves,
nothing is loaded from the network, and the handbook and deck link to each other."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pages import css_references, is_remote, read
from repo import REPO, SITE
from tools.sitemap import exercises, lectures

SOURCE_SUFFIXES = (".rst", ".md")
NOT_SOURCES = {"_build", "tests", ".git", ".ci", "_templates", "_ext", "docs"}


def source_docs():
    """Docnames of every source file, found the way a reader of the repository would."""
    docs = []
    for path in REPO.rglob("*"):
        rel = path.relative_to(REPO)
        if (path.suffix in SOURCE_SUFFIXES and rel.parts[0] not in NOT_SOURCES
                and not rel.parts[0].startswith(".") and path.name != "README.md"):
            docs.append(rel.with_suffix("").as_posix())
    return sorted(docs)


def html_pages(site: Path):
    return [read(site, page.relative_to(site).as_posix()) for page in sorted(site.rglob("*.html"))]


def test_every_source_has_a_handbook_page_and_a_slide_page(course_build):
    docs = source_docs()
    assert "index" in docs and lectures()[0].docname in docs
    for doc in docs:
        assert (course_build / f"{doc}.html").is_file(), f"handbook page missing: {doc}"
        assert (course_build / "slides" / f"{doc}.html").is_file(), f"slide page missing: {doc}"


def test_every_internal_link_and_image_resolves(course_build):
    broken = []
    for page in html_pages(course_build):
        for tag, url in page.links:
            target = page.target(url)
            if target is not None and not target.exists():
                broken.append(f"{page.path.relative_to(course_build)}: <{tag}> {url}")
    assert broken == []


def test_no_page_loads_a_script_style_font_or_image_from_the_network(course_build):
    remote = []
    for page in html_pages(course_build):
        remote.extend(f"{page.path.relative_to(course_build)}: <{tag}> {url}"
                      for tag, url in page.links if tag != "a" and is_remote(url))
    for sheet in course_build.rglob("*.css"):
        remote.extend(f"{sheet.relative_to(course_build)}: {url}"
                      for url in css_references(sheet) if is_remote(url))
    assert remote == []


@pytest.mark.parametrize("lecture", lectures(), ids=lambda lecture: lecture.name)
def test_each_handbook_section_links_to_its_slide_and_back(course_build, lecture):
    handbook, deck = read(course_build, SITE.handbook_page(lecture.docname)), read(course_build, SITE.deck_page(lecture.docname))
    section_links = [a["href"] for a in handbook.select("a.headerlink.slide-link")]
    assert len(section_links) == len(handbook.sections), "a section without its slide link"
    for url in section_links:
        assert handbook.target(url) == deck.path.resolve(), url
        assert url.partition("#")[2] in deck.ids, f"no slide {url!r} in the deck"
    back_links = [a["href"] for a in deck.select("section.slides > article > :is(h1, h2, h3) > a.headerlink")]
    assert len(back_links) == len(deck.slides), "a slide without its link to the handbook"
    for url in back_links:
        assert deck.target(url) == handbook.path.resolve(), url
        assert url.partition("#")[2] in handbook.ids, f"no section {url!r} in the handbook"


def test_every_handbook_page_offers_its_slides(course_build):
    for doc in source_docs():
        page = read(course_build, f"{doc}.html")
        links = page.select("a.slides-link")
        assert [link.get_text() for link in links] == ["View as slides"], f"no 'View as slides' on {doc}"
        assert page.target(links[0]["href"]) == (course_build / "slides" / f"{doc}.html").resolve()


@pytest.mark.parametrize("exercise", exercises(), ids=lambda exercise: exercise.name)
def test_checker_download_sits_beside_its_page(course_build, exercise):
    page = read(course_build, SITE.handbook_page(exercise.docname))
    script = course_build / "exercises" / exercise.name / exercise.checker.name
    assert page.target(exercise.checker.name) == script.resolve() and script.is_file()
    compile(script.read_text(encoding="utf-8"), str(script), "exec")  # still a Python program


def copy_sources(destination: Path) -> Path:
    ignore = shutil.ignore_patterns("_build", ".venv*", ".git", "tests", "__pycache__")
    return Path(shutil.copytree(REPO, destination, ignore=ignore))


@pytest.mark.parametrize("builder", ["html", "slides"])
def test_a_broken_reference_fails_the_build(tmp_path, builder):
    copy = copy_sources(tmp_path / "course")
    lecture = copy / "slides/1-1-1-environment-management.rst"
    lecture.write_text(lecture.read_text() + "\nSee :ref:`a-section-nobody-wrote`.\n")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", builder, "-W", "--keep-going", "-q",
         str(copy), str(tmp_path / "out")],
        capture_output=True, text=True,
    )
    assert result.returncode != 0
    assert "a-section-nobody-wrote" in result.stderr
