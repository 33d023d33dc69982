"""_ext/course/lazy_figures.py: every figure of a page loads when it comes near the window, in
the handbook and in the deck (tests/roots/test-lazy-figures: a figure and an image)."""

import pytest

from pages import read


def lazy_images(app):
    app.build()
    assert app._warning.getvalue() == ""
    images = read(app.outdir, "index.html").select("img")
    assert len(images) == 2
    return [image.get("loading") for image in images]


@pytest.mark.sphinx("html", testroot="lazy-figures")
def test_the_handbook_s_images_load_lazily(app):
    assert lazy_images(app) == ["lazy", "lazy"]


@pytest.mark.sphinx("slides", testroot="lazy-figures")
def test_the_deck_s_images_load_lazily(app):
    assert lazy_images(app) == ["lazy", "lazy"]
