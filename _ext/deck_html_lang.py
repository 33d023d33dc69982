"""Declare the deck's language.

hieroglyph's slide layout writes a bare ``<html>`` (outside any template block, so a theme cannot
change it); screen readers then guess the language, and axe-core reports it. After a slide build
this writes the project's ``language`` into the opening tag of every page of the deck.
"""

from pathlib import Path

from hieroglyph.builder import building_slides


def add_lang(app, exception):
    if exception or not building_slides(app):
        return
    tag = f'<html lang="{app.config.language or "en"}">'
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "<html>" in text:
            page.write_text(text.replace("<html>", tag, 1), encoding="utf-8")


def setup(app):
    app.connect("build-finished", add_lang)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
