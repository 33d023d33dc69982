"""_ext/course/page_assets.py: the deck loads only the files hieroglyph's layout can load."""

from pathlib import Path

import pytest


@pytest.mark.sphinx("slides", testroot="page-assets")
def test_deck_prints_inline_scripts_and_loads_only_files_its_layout_can_use(app, warning):
    app.build()
    assert warning.getvalue() == ""
    page = (Path(app.outdir) / "index.html").read_text()
    assert "<script>var courseFlag = 1;</script>" in page
    assert 'src="_static/course.js"' in page
    assert 'src="None"' not in page
    assert "documentation_options.js" not in page
    assert "var DOCUMENTATION_OPTIONS" in page
