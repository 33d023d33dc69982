"""Ship only what a page uses.

- The handbook sets system fonts (``_static/css/handbook.css``), so sphinx-rtd-theme's Lato and
  Roboto Slab files go, and of Font Awesome, which draws the theme's icons, only the woff2 file
  stays: every browser the theme supports takes it first. ``_static/fonts/`` is a second copy
  of Lato and Roboto Slab that the theme's style sheet does not even name.
- The deck's style sheet sets its own fonts (``_static/css/deck.css``), so hieroglyph's theme
  style sheet loses its ``@import`` of the Open Sans stylesheet and the font files go.

Files are removed after each build: Sphinx copies a theme's static files on every build.

- The deck has no search box, so its builder writes no search index and no search page
  (hieroglyph, which assumes one, is mended by ``hieroglyph_compat``'s ``no_search_index``).
- Figures load when they come near the window (``loading="lazy"``), in the handbook and the
  deck alike: a deck's slides are all in one page, but only the current one and its neighbours
  are displayed, so the first slide no longer waits for every figure of the lecture. Chromium
  still fetches them all before printing (``make pdf``).
"""

import re
import shutil
from pathlib import Path

from hieroglyph.builder import building_slides

HANDBOOK_UNUSED = ["_static/fonts", "_static/css/fonts/lato-*", "_static/css/fonts/Roboto-Slab-*",
                   "_static/css/fonts/fontawesome-webfont.[!w]*", "_static/css/fonts/fontawesome-webfont.woff"]
DECK_UNUSED = ["_static/fonts"]
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
    elif app.builder.format == "html" and app.config.html_theme == "sphinx_rtd_theme":
        remove(app.outdir, HANDBOOK_UNUSED)


def load_figures_when_near(app, pagename, templatename, context, doctree):
    if app.builder.format == "html" and "body" in context:
        context["body"] = context["body"].replace("<img ", '<img loading="lazy" ')


def no_search_in_deck(app):
    if building_slides(app):
        app.builder.search = False


def setup(app):
    app.connect("builder-inited", no_search_in_deck)
    app.connect("html-page-context", load_figures_when_near)
    app.connect("build-finished", drop_unused_files)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
