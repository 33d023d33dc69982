"""_ext/course/lecture_list.py: the front page's lectures and the table of contents, from the
lectures on disk (tests/roots/test-course)."""

from pathlib import Path

import pytest

from pages import read
from repo import SITE


# a folder of its own: a build of the same folder without course_pdfs must not see this one's pages
@pytest.mark.sphinx("html", testroot="course", srcdir="course-with-pdfs", confoverrides={"course_pdfs": True})
def test_front_page_entries_link_every_output(app, warning):
    app.build()
    site = Path(app.outdir)
    front = read(site, "index.html")
    links = {a.get_text(): front.target(a["href"]) for a in front.select("li.lecture-entry a")}
    assert links == {
        "2.1.1 Demo lecture": (site / "slides/2-1-1-demo-lecture.html").resolve(),
        "slides": (site / SITE.deck_page("slides/2-1-1-demo-lecture")).resolve(),
        "PDF of the slides": (site / "pdf/2-1-1-demo-lecture-slides.pdf").resolve(),
        "handout (PDF)": (site / "pdf/2-1-1-demo-lecture-handout.pdf").resolve(),
        "exercise: Demo exercise": (site / "exercises/demo/index.html").resolve(),
    }
    # the lectures are in the table of contents without a toctree line naming them
    assert app.env.toctree_includes["index"][0] == "slides/2-1-1-demo-lecture"


@pytest.mark.sphinx("slides", testroot="course")
def test_the_deck_front_page_links_the_deck(app, warning):
    app.build()
    front = read(app.outdir, "index.html")
    assert {a.get_text(): a["href"] for a in front.select("li.lecture-entry a")}["slides"] == \
        "slides/2-1-1-demo-lecture.html"


@pytest.mark.sphinx("html", testroot="course")
def test_without_printed_pdfs_the_front_page_links_none(app, warning):
    """`make html slides` prints no PDF: the front page must not link one."""
    app.build()
    front = read(app.outdir, "index.html")
    assert [a.get_text() for a in front.select("li.lecture-entry a")] == [
        "2.1.1 Demo lecture", "slides", "exercise: Demo exercise"]
