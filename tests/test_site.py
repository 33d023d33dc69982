"""The real course, built by `make html slides`: every page exists, every link resolves,
nothing is loaded from the network, and the handbook and deck link to each other."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from sitelinks import css_references, is_remote, local_target, parse, references

SOURCE_SUFFIXES = (".rst", ".md")
NOT_SOURCES = {"_build", "tests", ".git", ".ci", "_templates", "_ext"}


def source_docs():
    """Docnames of every source file, found the way a reader of the repository would."""
    docs = []
    for path in REPO.rglob("*"):
        rel = path.relative_to(REPO)
        if (path.suffix in SOURCE_SUFFIXES and rel.parts[0] not in NOT_SOURCES
                and not rel.parts[0].startswith(".venv") and path.name != "README.md"):
            docs.append(rel.with_suffix("").as_posix())
    return sorted(docs)


def html_pages(site: Path):
    return sorted(site.rglob("*.html"))


def test_every_source_has_a_handbook_page_and_a_slide_page(course_build):
    docs = source_docs()
    assert "index" in docs and "slides/1-1-1-environment-management" in docs
    for doc in docs:
        assert (course_build / f"{doc}.html").is_file(), f"handbook page missing: {doc}"
        assert (course_build / "slides" / f"{doc}.html").is_file(), f"slide page missing: {doc}"


def test_every_internal_link_and_image_resolves(course_build):
    broken = []
    for page in html_pages(course_build):
        for tag, url in references(page):
            target = local_target(page, url)
            if target is not None and not target.exists():
                broken.append(f"{page.relative_to(course_build)}: <{tag}> {url}")
    assert broken == []


def test_no_page_loads_a_script_style_font_or_image_from_the_network(course_build):
    remote = []
    for page in html_pages(course_build):
        for tag, url in references(page):
            if tag != "a" and is_remote(url):
                remote.append(f"{page.relative_to(course_build)}: <{tag}> {url}")
    for sheet in course_build.rglob("*.css"):
        remote.extend(f"{sheet.relative_to(course_build)}: {url}"
                      for url in css_references(sheet) if is_remote(url))
    assert remote == []


def test_each_handbook_section_links_to_its_slide_and_back(course_build):
    handbook = course_build / "slides/1-1-1-environment-management.html"
    deck = course_build / "slides/slides/1-1-1-environment-management.html"
    slide_ids = parse(deck).ids
    section_links = re.findall(r'class="headerlink slide-link" href="([^"]+)"', handbook.read_text())
    assert len(section_links) >= 3
    for url in section_links:
        path, anchor = url.split("#")
        assert local_target(handbook, path) == deck.resolve()
        assert anchor in slide_ids, f"no slide {anchor!r} in the deck"

    section_ids = parse(handbook).ids
    back_links = [url for tag, url in references(deck) if tag == "a" and "1-1-1" in url and "#" in url]
    assert len(back_links) >= len(section_links) - 1
    for url in back_links:
        path, anchor = url.split("#")
        assert local_target(deck, path) == handbook.resolve()
        assert anchor in section_ids


def test_every_handbook_page_offers_its_slides(course_build):
    for doc in source_docs():
        page = course_build / f"{doc}.html"
        link = re.search(r'<a href="([^"]+)" class="slides-link">View as slides</a>', page.read_text())
        assert link, f"no 'View as slides' on {doc}"
        assert local_target(page, link.group(1)) == (course_build / "slides" / f"{doc}.html").resolve()


def test_checker_download_sits_beside_its_page(course_build):
    script = course_build / "exercises/practice_env/check_practice_env.py"
    assert script.read_bytes() == (REPO / "exercises/practice_env/check_practice_env.py").read_bytes()


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
