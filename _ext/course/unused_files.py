"""Ship only the files a page uses.

- The handbook sets system fonts (``_static/css/handbook.css``), so sphinx-rtd-theme's Lato and
  Roboto Slab files go, and of Font Awesome, which draws the theme's icons, only the woff2 file
  stays: every browser the theme supports takes it first. That file is the course's
  ``_static/css/fonts/fontawesome-webfont.woff2``, cut to the icons the handbook shows
  (``tools/icon_font.py`` makes it). ``_static/fonts/`` is a second copy of Lato and Roboto Slab
  that the theme's style sheet does not even name.
- The deck's style sheet sets its own fonts (``_static/css/deck.css``), so hieroglyph's theme
  style sheet loses its ``@import`` of the Open Sans stylesheet and the font files go, as does
  the handbook's icon font, which the deck does not use.
- jQuery, which sphinx-rtd-theme brings in (``sphinxcontrib.jquery``), goes from both: no page
  loads it (``page_assets``).
- The deck has no search box, so its builder writes no search index and no search page
  (hieroglyph, which assumes one, is mended by ``hieroglyph_compat``'s ``no_search_index``).

Files are removed after each build: Sphinx copies a theme's static files on every build.
"""

import re
import shutil
from pathlib import Path

from hieroglyph.builder import building_slides

from course.page_assets import JQUERY, building_handbook

HANDBOOK_UNUSED = ["_static/fonts", "_static/css/fonts/lato-*", "_static/css/fonts/Roboto-Slab-*",
                   "_static/css/fonts/fontawesome-webfont.[!w]*", "_static/css/fonts/fontawesome-webfont.woff",
                   *JQUERY]
DECK_UNUSED = ["_static/fonts", "_static/css/fonts", *JQUERY]
DECK_FONT_IMPORT = re.compile(r"@import url\(fonts/stylesheet\.css\);\n?")


def remove(outdir, patterns):
    for pattern in patterns:
        for path in Path(outdir).glob(pattern):
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def drop_unused_files(app, exception):
    if exception:
        return
    if building_slides(app):
        styles = Path(app.outdir, "_static", "styles.css")
        if styles.is_file():
            styles.write_text(DECK_FONT_IMPORT.sub("", styles.read_text(encoding="utf-8")), encoding="utf-8")
        remove(app.outdir, DECK_UNUSED)
    elif building_handbook(app):
        remove(app.outdir, HANDBOOK_UNUSED)


def no_search_in_deck(app):
    if building_slides(app):
        app.builder.search = False


def setup(app):
    app.connect("builder-inited", no_search_in_deck)
    app.connect("build-finished", drop_unused_files)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
