"""Ship only what a page uses.

- The handbook sets system fonts (``_static/css/handbook.css``), so sphinx-rtd-theme's Lato and
  Roboto Slab files go, and of Font Awesome, which draws the theme's icons, only the woff2 file
  stays: every browser the theme supports takes it first. ``_static/fonts/`` is a second copy
  of Lato and Roboto Slab that the theme's style sheet does not even name.
- The deck's style sheet sets its own fonts (``_static/css/deck.css``), so hieroglyph's theme
  style sheet loses its ``@import`` of the Open Sans stylesheet and the font files go.

Files are removed after each build: Sphinx copies a theme's static files on every build.
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


def setup(app):
    app.connect("build-finished", drop_unused_files)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
