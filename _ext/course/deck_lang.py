"""Declare the deck's language.

hieroglyph's slide layout writes a bare ``<html>`` (outside any template block, so a theme cannot
change it); screen readers then guess the language, and axe-core reports it. After a slide build
this writes the project's ``language`` into the opening tag of every page the build wrote; a page
with neither a language nor a bare ``<html>`` is a warning, since this can then not mend it.
"""

import re
from pathlib import Path

from hieroglyph.builder import building_slides
from sphinx.util import logging

logger = logging.getLogger(__name__)
HAS_LANG = re.compile(r"<html\b[^>]*\blang=")


def written(app):
    if not hasattr(app.builder, "course_pages_written"):
        app.builder.course_pages_written = set()
    return app.builder.course_pages_written


def note_page(app, pagename, templatename, context, doctree):
    if building_slides(app):
        written(app).add(pagename)


def add_lang(app, exception):
    if exception or not building_slides(app):
        return
    tag = f'<html lang="{app.config.language or "en"}">'
    for pagename in sorted(written(app)):
        page = Path(app.builder.get_outfilename(pagename))
        text = page.read_text(encoding="utf-8")
        if HAS_LANG.search(text):
            continue
        if "<html>" not in text:
            logger.warning(f"{page.name} has no <html> tag to give its language", location=pagename)
            continue
        page.write_text(text.replace("<html>", tag, 1), encoding="utf-8")


def setup(app):
    app.connect("html-page-context", note_page)
    app.connect("build-finished", add_lang)
    return {"version": "1.1", "parallel_read_safe": True, "parallel_write_safe": True}
