"""_ext/course/unused_files.py: each build ships only the files its pages use
(tests/roots/test-unused-files: sphinx-rtd-theme and jQuery for the handbook, hieroglyph's slides
theme for the deck)."""

from pathlib import Path

import pytest


def static_files(outdir):
    return {path.relative_to(outdir).as_posix() for path in Path(outdir, "_static").rglob("*") if path.is_file()}


@pytest.mark.sphinx("html", testroot="unused-files")
def test_the_handbook_keeps_only_the_icon_font_s_woff2(app, warning):
    app.build()
    assert warning.getvalue() == ""
    files = static_files(app.outdir)
    fonts = {name for name in files if "/fonts/" in name}
    assert fonts == {"_static/css/fonts/fontawesome-webfont.woff2"}
    assert "_static/jquery.js" not in files
    assert "_static/css/theme.css" in files and "_static/js/theme.js" in files  # what pages use stays


@pytest.mark.sphinx("slides", testroot="unused-files")
def test_the_deck_has_no_font_files_no_font_import_and_no_search(app, warning):
    app.build()
    assert warning.getvalue() == ""
    files = static_files(app.outdir)
    assert not {name for name in files if "/fonts/" in name or name.startswith("_static/fonts")}
    assert "_static/jquery.js" not in files
    assert "fonts/stylesheet.css" not in (Path(app.outdir) / "_static/styles.css").read_text(encoding="utf-8")
    assert not (Path(app.outdir) / "searchindex.js").exists() and not (Path(app.outdir) / "search.html").exists()
    assert (Path(app.outdir) / "index.html").is_file()
