"""_ext/course/practice.py: a lecture's link to its exercise, from the handbook and the deck
(tests/roots/test-course)."""

from pathlib import Path

import pytest

from pages import read


@pytest.mark.sphinx("html", testroot="course")
def test_practice_links_the_exercise_page(app, warning):
    app.build()
    lecture = read(app.outdir, "slides/2-1-1-demo-lecture.html")
    practice = lecture.select_one("p.practice a")
    assert practice.get_text() == "Demo exercise"
    assert lecture.target(practice["href"]) == (Path(app.outdir) / "exercises/demo/index.html").resolve()


@pytest.mark.sphinx("slides", testroot="course")
def test_from_the_deck_it_reaches_the_handbook_page(app, warning):
    app.build()
    # the deck is the site's slides/ folder: the exercise page is the handbook's, one level up
    practice = read(app.outdir, "slides/2-1-1-demo-lecture.html").select_one("p.practice a")
    assert practice["href"] == "../../exercises/demo/index.html"
