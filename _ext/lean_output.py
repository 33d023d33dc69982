"""Ship only what a page uses.

- The handbook sets system fonts (``_static/css/handbook.css``), so sphinx-rtd-theme's Lato and
  Roboto Slab files go, and of Font Awesome, which draws the theme's icons, only the woff2 file
  stays: every browser the theme supports takes it first. That file is the course's
  ``_static/css/fonts/fontawesome-webfont.woff2``, cut to the icons the handbook shows (2 kB,
  not 77 kB; ``tools/icon_font.py`` makes it). ``_static/fonts/`` is a second copy of Lato and
  Roboto Slab that the theme's style sheet does not even name.
- The deck's style sheet sets its own fonts (``_static/css/deck.css``), so hieroglyph's theme
  style sheet loses its ``@import`` of the Open Sans stylesheet and the font files go, as does
  the handbook's icon font and navigation script, which the deck does not use.
- No page loads jQuery, which sphinx-rtd-theme brings in (``sphinxcontrib.jquery``): the deck
  leaves it out (``deck_scripts``), and so does the handbook, whose one script that used it,
  the theme's navigation, is replaced by the course's ``_static/js/theme.js``.

Files are removed after each build: Sphinx copies a theme's static files on every build. Its
``env_version`` goes up whenever what it leaves out changes (2: no jQuery in the handbook), so
that a build folder made before is built again, not left with pages that name a removed file.

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

JQUERY = ["_static/jquery.js", "_static/_sphinx_javascript_frameworks_compat.js"]
HANDBOOK_UNUSED = ["_static/fonts", "_static/css/fonts/lato-*", "_static/css/fonts/Roboto-Slab-*",
                   "_static/css/fonts/fontawesome-webfont.[!w]*", "_static/css/fonts/fontawesome-webfont.woff",
                   *JQUERY]
DECK_UNUSED = ["_static/fonts", "_static/css/fonts", "_static/js/theme.js", *JQUERY]
DECK_FONT_IMPORT = re.compile(r"@import url\(fonts/stylesheet\.css\);\n?")


def remove(outdir, patterns):
    for pattern in patterns:
        for path in Path(outdir).glob(pattern):
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def building_handbook(app):
    return app.builder.format == "html" and not building_slides(app) and app.config.html_theme == "sphinx_rtd_theme"


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


def load_figures_when_near(app, pagename, templatename, context, doctree):
    if app.builder.format == "html" and "body" in context:
        context["body"] = context["body"].replace("<img ", '<img loading="lazy" ')


def no_jquery_in_handbook(app, pagename, templatename, context, doctree):
    if building_handbook(app) and "script_files" in context:
        # a script is a str (Sphinx 6) or has a filename (Sphinx 7 and later): "_static/jquery.js"
        context["script_files"] = [script for script in context["script_files"]
                                   if str(getattr(script, "filename", script)) not in JQUERY]


def no_search_in_deck(app):
    if building_slides(app):
        app.builder.search = False


def setup(app):
    app.connect("builder-inited", no_search_in_deck)
    app.connect("html-page-context", load_figures_when_near)
    app.connect("html-page-context", no_jquery_in_handbook)
    app.connect("build-finished", drop_unused_files)
    return {"version": "2.0", "env_version": 2, "parallel_read_safe": True, "parallel_write_safe": True}
