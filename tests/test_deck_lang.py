"""_ext/course/deck_lang.py: every deck page declares its language."""

from pathlib import Path

import pytest


@pytest.mark.sphinx("slides", testroot="deck-lang")
def test_every_deck_page_declares_its_language(app, warning):
    app.build()
    for page in Path(app.outdir).rglob("*.html"):
        assert '<html lang="en">' in page.read_text(), page.name
