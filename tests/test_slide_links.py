"""_ext/course/slide_links.py: every handbook section links to its slide."""

import pytest

from pages import Page


@pytest.mark.sphinx("html", testroot="slide-links")
def test_every_handbook_section_links_to_its_slide(app, warning):
    app.build()
    assert warning.getvalue() == ""
    links = [a["href"] for a in Page(app.outdir, "index.html").select("a.headerlink.slide-link")]
    assert links == [
        "slides/index.html#deck",
        "slides/index.html#first-section",
        "slides/index.html#second-section",
    ]


@pytest.mark.sphinx("html", testroot="slide-links", confoverrides={"slide_link_html_to_slides": False})
def test_no_slide_links_when_linking_is_off(app, warning):
    app.build()
    assert warning.getvalue() == ""
    assert Page(app.outdir, "index.html").select("a.slide-link") == []
