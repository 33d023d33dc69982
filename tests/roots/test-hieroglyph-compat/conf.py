"""A small deck that needs every patch of _ext/course/hieroglyph_compat.py on current Sphinx.

tests/test_hieroglyph_compat.py builds it with the course's _ext/ on PYTHONPATH.
"""

project = "hieroglyph compat"
extensions = ["course.hieroglyph_compat"]
html_static_path = ["_static"]

# the course's theme choice
slide_theme = "slides"
slide_theme_options = {"custom_css": "deck.css"}
slide_numbers = True
# a theme from slide_theme_path, used by other.rst
slide_theme_path = ["_themes"]


def setup(app):
    # The course's deck writes no search index (_ext/course/unused_files.py); -D deck_search=0 builds
    # this one so, to show the no_search_index patch is needed.
    app.add_config_value("deck_search", True, "")
    app.connect("builder-inited", set_deck_search)


def set_deck_search(app):
    if app.builder.name.endswith("slides"):
        app.builder.search = app.config.deck_search
