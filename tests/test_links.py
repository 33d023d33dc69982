"""_ext/course/helpers/links.py: a link to a handbook page is relative to the page being written,
the handbook's or the deck's, wherever conf.py puts the deck (tests/roots/test-course)."""

import pytest

from course.helpers.links import handbook_reference

LECTURE = "slides/2-1-1-demo-lecture"


def link(app, fromdocname, section=""):
    return handbook_reference(app, fromdocname, "text", LECTURE, section)["refuri"]


@pytest.mark.sphinx("html", testroot="course")
def test_from_the_handbook_a_link_stays_in_the_handbook(app):
    assert link(app, "instructor") == "slides/2-1-1-demo-lecture.html"
    assert link(app, "exercises/demo/index") == "../../slides/2-1-1-demo-lecture.html"


@pytest.mark.sphinx("slides", testroot="course")
def test_from_the_deck_a_link_leads_out_of_the_deck_s_folder(app):
    # the deck's instructor page is slides/instructor.html: the handbook's lecture is beside it
    assert link(app, "instructor") == "2-1-1-demo-lecture.html"
    assert link(app, LECTURE) == "../2-1-1-demo-lecture.html"


@pytest.mark.sphinx("slides", testroot="course",
                    confoverrides={"slide_relative_path": "deck/2026/", "slide_html_relative_path": "../../"})
def test_moving_the_deck_moves_its_links(app):
    assert link(app, "instructor") == "../../slides/2-1-1-demo-lecture.html"
    assert link(app, "exercises/demo/index") == "../../../../slides/2-1-1-demo-lecture.html"


@pytest.mark.sphinx("html", testroot="course")
def test_a_link_to_a_section_keeps_the_section(app):
    assert link(app, "instructor", "part-one") == "slides/2-1-1-demo-lecture.html#part-one"
