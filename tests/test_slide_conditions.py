"""_ext/course/slide_conditions.py: ifslides, ifnotslides and nextslide, decided when a page is
written; a nextslide's slide has a stable id the handbook has too."""

from pathlib import Path

import pytest

from pages import Page


@pytest.mark.sphinx("slides", testroot="slide-conditions")
def test_continuation_slides_are_named_after_their_section(app, warning):
    app.build()
    assert warning.getvalue() == ""
    page = Page(app.outdir, "index.html")
    assert [slide.id for slide in page.slides] == ["deck", "long-slide", "long-slide-2", "long-slide-3"]
    assert page.select("a[href='../index.html#long-slide-2']")


@pytest.mark.sphinx("html", testroot="slide-conditions")
def test_handbook_has_an_anchor_where_each_continuation_starts(app, warning):
    app.build()
    assert warning.getvalue() == ""
    page = (Path(app.outdir) / "index.html").read_text()
    assert page.index('id="long-slide-2"') < page.index("Second part.") < page.index('id="long-slide-3"')
